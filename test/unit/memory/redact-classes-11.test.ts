// Redaction classes of 2026-12-06's eighth session, from the eleventh outside probe (a realistic
// year of tickets with every class of secret): look-alikes to keep, and what its tickets hold.
import { redactText } from "../../../src/memory/redact";

describe("look-alikes the eleventh probe's tickets hold", () => {
  it("keeps public tokens and keys, documentation placeholders, a SIM's ICCID, customer numbers, a waybill and a Greek booking code", () => {
    for (const message of [
      "mapboxgl.accessToken = 'pk.eyJ1Ijoib2FrYW5kZW1iZXIiLCJhIjoiY2x4OXoycjF2MDJrZTJqcXJ5d2Z0bGVhbSJ9.Qm3kV7rT2yXw9pLc0nB4zA';",
      "spring.datasource.password=<PASSWORT>\napp.api.key=${API_KEY}",
      "DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/trackwise",
      'and for the DB connector:\n\n  password: "<your-password-here>"',
      "The number printed on the card is 8944991445060301479. Mobile number 07700 900734.",
      "Bitte prüfen Sie mein Konto (Kundennummer 5590 2231 8).",
      "Посилка не прийшла. Номер ТТН: 20450912345678. Відділення № 17.",
      "Καλημέρα σας, έχω κράτηση με κωδικό HB-90340 για 3 νύχτες",
      "秘密鍵はこちらで保管しています。\n\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFxJR4ivDkI2qYfBYjFM64Sry5srOHb/WJsDTBvqldO+ sftp@haruka-mall",
    ])
      expect(redactText(message).text).toBe(message);
  });
  it("still removes a secret token, a real password in a URL or a field, a card after its name and a Greek password", () => {
    for (const [message, secret] of [
      ["mapbox token sk.eyJ1Ijoib2FrYW5kZW1iZXIiLCJhIjoiY2x4OXoycjF2MDJrZTJqcXJ5d2Z0bGVhbSJ9.Qm3kV7rT2yXw9pLc0nB4zA", "sk.eyJ1"],
      ["postgres://app:Zq9!xk22@db:5432/app", "Zq9!xk22"],
      ['password: "Zq9!xk22"', "Zq9!xk22"],
      ["card number 4111 1111 1111 1111", "4111 1111"],
      ["ο κωδικός μου είναι Kal1mera!", "Kal1mera!"],
    ] as const)
      expect(redactText(message).text).not.toContain(secret);
  });
});

describe("secrets the eleventh probe's tickets hold", () => {
  it("reads Devanagari, Bengali and Thai digits, and identity numbers named in Arabic and Persian", () => {
    expect(redactText("मेरा आधार नंबर ५४७४ ९३१८ ३०३४ है").text).not.toContain("५४७४ ९३१८");
    expect(redactText("رقم هويتي ١٦٣١٠٣٧٧٧٥ وتاريخ الميلاد").text).toBe("رقم هويتي [REDACTED:national_id] وتاريخ الميلاد");
    expect(redactText("کد ملی: ۰۰۶۳۲۴۷۲۵۹").text).toBe("کد ملی: [REDACTED:national_id]");
  });
  it("removes a Wi-Fi key 'on the back of the hub', an Italian one after 'è', and an access code in three pairs", () => {
    expect(redactText("network is BRIGHTWAVE-7F2A and the key on the back of the hub is KX4T-9MWE-PQ2R").text).not.toContain("KX4T-9MWE-PQ2R");
    expect(redactText("La rete è \"CasaRossi-5GHz\" e la password Wi-Fi che c'è sull'etichetta è 7jkq3tf9x2wma. L'ho scritta giusta").text).not.toContain("7jkq3tf9x2wma");
    expect(redactText('I got an SMS "Examly: your exam access code is 73-58-21, valid for 30 min"').text).not.toContain("73-58-21");
  });
  it("reads a code given digit by digit as the reply, and a chat export's writer-and-time line as no new question", () => {
    const chat = "10:12 Customer: it says enter the 6-digit code we sent\n10:12 Customer: 6 1 9 3 0 4\n10:13 Agent Hana: Thanks!";
    expect(redactText(chat).text).not.toContain("6 1 9 3 0 4");
    const mail = "Paydrop Support <help@paydrop.example>, 7:52 PM\nTo confirm your identity, reply with the 6-digit code we just texted.\n\nme, 7:53 PM\n381-204";
    expect(redactText(mail).text).not.toContain("381-204");
  });
  it("removes WooCommerce's consumer keys, a wallet's private key after its name, and a .pgpass line's password; keeps a transaction hash", () => {
    const key = `ck_${"a34e0b62bdd504590ed1cb1ae74015e49b603ea1"}`;
    expect(redactText(`Consumer key: ${key}`).text).toBe("Consumer key: [REDACTED:api_key]");
    const hex = "0x00281b4aa426bacc608b49e2462d06e016df7903dcc5c6c12cacde2693bb2d77";
    expect(redactText(`they asked for my private key. I sent it: ${hex} and now`).text).not.toContain(hex);
    expect(redactText(`tx hash ${hex}`).text).toBe(`tx hash ${hex}`);
    expect(redactText("Contents:\n\nreplica-01.halden-foods.example:5432:analytics:flowmetric_ro:AzMFdxdJBedx\n").text).not.toContain("AzMFdxdJBedx");
  });
  it("removes the PINs a customer tried, in a message about a PIN, and keeps references, amounts and years", () => {
    for (const [message, pins] of [
      ["I think I put the wrong pin in 3 times. I tried 7291 then 7219 then 2791 lol", ["7291", "7219", "2791"]],
      ["errei a senha no caixa eletrônico. Eu coloquei 1984 mas acho que a certa é 4819. Como faço?", ["1984", "4819"]],
      ["the app asks for my Miles PIN. Is it 1357? I've tried that and 0415 (my birthday) and now it's locked", ["1357", "0415"]],
      ["me pide el PIN que venía en la carta, que era 8254, pero me dice PIN erróneo", ["8254"]],
    ] as const) {
      const text = redactText(message).text;
      for (const pin of pins) expect({ message, text, leaked: text.includes(pin) }).toEqual({ message, text, leaked: false });
    }
    for (const message of ["I tried 2 times with my PIN, order 12345 ok", "wrong pincode entered, it should be 560034", "my PIN works since 2011 when I tried it"]) expect(redactText(message).text).toBe(message);
  });
});

describe("accounts, answers and TANs as the eleventh probe's tickets give them", () => {
  it("removes a Russian account after 'Счёт получателя:', a Norwegian account in dotted groups before a full stop, an answer before \"that's the answer\" and an mTAN after the transfer's details", () => {
    expect(redactText("Счёт получателя: 40817810821496837654\nБИК: 044523040").text).toBe("Счёт получателя: [REDACTED:bank_account]\nБИК: 044523040");
    expect(redactText("så jeg oppgir kontonummer: 5787.30.01056.").text).toBe("så jeg oppgir kontonummer: [REDACTED:bank_account].");
    expect(redactText("the recovery page asks for my security answer. Pickles – that's the answer (first pet).").text).not.toContain("Pickles");
    expect(redactText("„Ihre mTAN für die Überweisung an M. Oberholz über 890,00 EUR lautet 482913.“").text).not.toContain("482913");
    for (const message of ["The OTP is sent. Then the total is 4500", "the tan sofa is 1299 euros", "Version 4.3.1."]) expect(redactText(message).text).toBe(message);
  });
});

describe("documents and codes by more of their names", () => {
  it("removes a French passport's number where the message talks of a passport, a Hebrew verification code and a licence's number after a comma", () => {
    expect(redactText("le site refuse mon numéro de passeport. Je l'ai saisi comme indiqué sur la page : 16PN55645. Date d'expiration 11/2032.").text).not.toContain("16PN55645");
    expect(redactText('"קוד האימות שלך הוא 318504"').text).not.toContain("318504");
    expect(redactText("It's a NSW licence, number 15583743, expiry 09/05/2029.").text).not.toContain("15583743");
    expect(redactText("order 12AB34567 for a passport cover").text).toBe("order 12AB34567 for a passport cover");
  });
});

describe("codes as the eleventh probe's customers say they got or tried them", () => {
  it("removes a CVV after 'mine says', a code 'it gave me' after an authenticator's, a Polish BLIK and an Indonesian code, and a recovery code in a message about a lost second factor", () => {
    for (const [message, code] of [
      ['it asks for the "CVC". Is that the 3 digits on the back next to the signature? Mine says 261. I\'ve already typed the card', "261"],
      ["[12:40] Neha: hi the app says enter code from authenticator but the code keeps failing\n[12:40] Neha: it gave me 552013 and said invalid", "552013"],
      ["płaciłem BLIKIEM i wpisałem kod 284 613, ale transakcja się nie pojawiła", "284 613"],
      ["Saya sempat kasih kode 884215 karena panik", "884215"],
      ["I've lost access to my authenticator. I still have my emergency kit, I tried this code: 7K4M-9QXP-2WTR and it says already used.", "7K4M-9QXP-2WTR"],
    ] as const)
      expect({ message, leaked: redactText(message).text.includes(code) }).toEqual({ message, leaked: false });
    for (const message of ["my code is fine, it gave me 2500 euros", "mine is 1234 too, my room number", "license key ABCD-1234-EFGH-5678 for the pro plan", "2FA not working, order ORD-2024-1234-5678"])
      expect(redactText(message).text).toBe(message);
    expect(redactText("my bank app is slow, it shows 2023 transactions only").text).toBe("my bank app is slow, it shows 2023 transactions only");
  });
});
