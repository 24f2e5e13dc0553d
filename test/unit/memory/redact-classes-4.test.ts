// Redaction classes from a second probe of customer-shaped messages (2026-12-06): cards typed
// with other separators, wrapped by an email client or read out in pairs; secrets in JSON, in
// connection strings and URLs; vendor keys, webhook URLs and private keys; card codes, one-time
// codes, PINs, passports and identity numbers as other languages and apps name them; a value
// with its label in brackets or named after a dash; passphrases after "is". Generated from a
// seed; no secret may survive and every business reference must.
import { redactText } from "../../../src/memory/redact";
import { passesLuhn } from "../../../src/memory/redact/checks";
import { businessRef, digits, expectRedacted, letters, next, pick, withCheck } from "./redact-seeded";

const keepOf = (ref: string) => ref.split(" ").at(-1)!;
const visa = () => withCheck(`4${digits(14, "0123456789")}`, passesLuhn);
const groups = (card: string, sep: string) => card.match(/.{4}/g)!.join(sep);

describe("cards however they are typed", () => {
  it("removes a card with slashes, underscores, dots or mixed separators, or wrapped onto the next line", () => {
    for (let i = 0; i < 80; i++) {
      const card = visa();
      const sep = pick(["/", "_", ".", " / "]);
      const typed = next() < 0.25 ? `${card.slice(0, 4)}-${card.slice(4, 8)} ${card.slice(8, 12)}.${card.slice(12)}` : next() < 0.3 ? `${groups(card, " ").slice(0, 9)}\n${groups(card, " ").slice(10)}` : groups(card, sep);
      const ref = businessRef();
      expectRedacted({ message: `Re ${ref}: please charge ${typed} exp 0${pick([..."123456789"])}/2${pick([..."789"])}`, secrets: [card.slice(4, 8)], type: "card_number", keep: keepOf(ref) });
    }
  });
  it("removes a card read out in pairs or in threes", () => {
    for (let i = 0; i < 40; i++) {
      const card = visa();
      const typed = next() < 0.5 ? card.match(/.{2}/g)!.join(" ") : `${card.match(/.{3}/g)!.slice(0, 4).join(" ")} ${card.slice(12)}`;
      const ref = businessRef();
      expectRedacted({ message: `${ref} - charge ${typed} instead pls`, secrets: [typed], type: "card_number", keep: keepOf(ref) });
    }
  });
  it("keeps a phone number opening with 00 and a long tracking number in fours", () => {
    for (let i = 0; i < 40; i++) {
      const phone = `00${digits(2)} ${digits(4, "0123456789")} ${digits(3, "0123456789")} ${digits(3, "0123456789")}`;
      expect(redactText(`call me on ${phone} after 6`).text).toBe(`call me on ${phone} after 6`);
      const usps = `94${digits(2, "0123456789")} ${digits(4, "0123456789")} ${digits(4, "0123456789")} ${digits(4, "0123456789")} ${digits(4, "0123456789")} ${digits(2, "0123456789")}`;
      expect(redactText(`my parcel ${usps} hasn't moved`).text).toBe(`my parcel ${usps} hasn't moved`);
    }
  });
});

describe("secrets in structured text", () => {
  it("removes the value of a secret's key in JSON, a connection string or an env line, and a password in a URL", () => {
    for (let i = 0; i < 60; i++) {
      const p = `${pick(["M6OZ", "Pepper*", "Kw15", "x9"])}${digits(4)}${letters(2)}`;
      const ref = businessRef();
      const acct = digits(12);
      const [message, secrets, type] = pick([
        [`${ref}: {"username":"jean.k","password":"${p}"}`, [p], "password"],
        [`${ref}: { "user": "js", "pwd": "${p}" }`, [p], "password"],
        [`${ref} DATABASE_URL=mysql://root:${p}@10.0.0.5/shop`, [p], "password"],
        [`${ref} AccountName=shop;AccountKey=${p}${letters(20)}==;Endpoint=x`, [p], "password"],
        [`${ref}: {"account_number": "${acct}", "ifsc": "ICIC0000456"}`, [acct], "bank_account"],
        [`${ref}: {"passport_no": "K${digits(7)}", "name": "R. Gupta"}`, [], "passport"],
      ] as [string, string[], string][]);
      expectRedacted({ message, secrets, type, keep: keepOf(ref) });
    }
  });
  it("keeps a reference under its own key and a key that names no secret", () => {
    const card = visa();
    for (const message of [`{"order_id": "${card}", "status": "shipped"}`, `{"password_hint": "", "theme": "dark"}`, "https://shop.example.com/track?order=12345&lang=en", `{"password": "", "user": "x"}`])
      expect(redactText(message).text).toBe(message);
  });
  it("removes webhook URLs, vendor keys and private key blocks", () => {
    const hex = (n: number) => Array.from({ length: n }, () => "0123456789abcdef"[Math.floor(next() * 16)]).join("");
    const alnum = (n: number) => Array.from({ length: n }, () => "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"[Math.floor(next() * 56)]).join("");
    for (let i = 0; i < 30; i++) {
      const secret = pick([
        `https://hooks.slack.com/services/T${alnum(8).toUpperCase()}/B${alnum(8).toUpperCase()}/${alnum(24)}`,
        `https://discord.com/api/webhooks/${digits(18)}/${alnum(68)}`,
        `key-${hex(32)}`,
        `hf_${alnum(34)}`,
        `shpat_${hex(32)}`,
        `${digits(10)}:AA${alnum(33)}`,
      ]);
      const ref = businessRef();
      expectRedacted({ message: `${ref}: here it is ${secret} please check`, secrets: [secret.slice(-20)], type: "api_key", keep: keepOf(ref) });
    }
    const pem = `-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAuoLLIqPj1OlfHL754DwWzaGmCiwL192vpH5E6aZ3zItNOVPm\n-----END RSA PRIVATE KEY-----`;
    expect(redactText(`our key:\n${pem}\nthanks`).text).toBe("our key:\n[REDACTED:api_key]\nthanks");
  });
});

describe("codes, PINs and documents as other languages and apps name them", () => {
  it("removes a card's code named in another language or another way", () => {
    for (let i = 0; i < 60; i++) {
      const cvv = digits(3);
      const ref = businessRef();
      const said = pick([
        `los tres números de atrás son ${cvv}`, `die drei Ziffern hinten: ${cvv}`, `les 3 chiffres au dos : ${cvv}`, `le tre cifre sul retro ${cvv}`,
        `de 3 cijfers achterop: ${cvv}`, `os 3 números atrás: ${cvv}`, `the code on the back is ${cvv}`, `CV2 ${cvv}`, `the security number on the card is ${cvv}`,
        `${cvv} (cvv)`, `${cvv} - that's the cvv`,
      ]);
      expectRedacted({ message: `${ref}. ${said}`, secrets: [cvv], type: "cvv", keep: keepOf(ref) });
    }
  });
  it("removes one-time codes and PINs named by the app, the text or the device", () => {
    for (let i = 0; i < 60; i++) {
      const code = digits(6);
      const pin = digits(4);
      const ref = businessRef();
      if (next() < 0.5) {
        const said = pick([`TAN ${code}`, `die TAN ist ${code}`, `authenticator code ${code} not accepted`, `whatsapp code ${code} expired`, `mijn inlogcode is ${code}`, `the sms said ${code}`, `code aaya hai ${code}`, `${code} - that's the otp`]);
        expectRedacted({ message: `${ref}: ${said}`, secrets: [code], type: "otp", keep: keepOf(ref) });
      } else {
        const said = pick([`lock screen code: ${pin}`, `clave del cajero ${pin}`, `code carte bleue ${pin}`, `senha do cartão ${pin}`, `phone passcode ${pin}`]);
        expectRedacted({ message: `${ref}: ${said}`, secrets: [pin], type: "pin", keep: keepOf(ref) });
      }
    }
  });
  it("removes passports and identity numbers by other countries' names", () => {
    for (let i = 0; i < 60; i++) {
      const ref = businessRef();
      const [said, secret, type] = pick([
        () => [`PP# L${digits(7)}`, "", "passport"],
        () => [`travel document number AD${digits(6)}`, "", "passport"],
        () => [`K${digits(7)} (passport)`, "", "passport"],
        () => [`Ausweis-Nr. LP${digits(3)}${letters(4)}`, "", "national_id"],
        () => [`mijn burgerservicenummer is ${digits(9)}`, "", "national_id"],
        () => [`IC ${digits(6)}-${digits(2)}-${digits(4)}`, "", "national_id"],
        () => [`my NI is ${letters(2)}${digits(6)}${pick(["A", "B", "C", "D"])}`, "", "national_id"],
        () => [`RUT ${digits(2)}.${digits(3)}.${digits(3)}-${pick(["3", "K"])}`, "", "national_id"],
        () => [`voter id ${letters(3)}${digits(7)}`, "", "national_id"],
        () => [`my social is ${digits(3)} ${digits(2)} ${digits(4)}`, "", "ssn"],
      ])() as [string, string, string];
      const value = said.match(/[A-Z]*\d[\dA-Z .-]*\d[A-Z]?|[A-Z]{2}\d{6}[A-D]|LP\d{3}[A-Z]{4}/)![0]!;
      expectRedacted({ message: `${ref}: ${said}`, secrets: [secret || value], type, keep: keepOf(ref) });
    }
  });
  it("removes the number line of a passport's machine-readable zone", () => {
    const number = `${digits(9)}`;
    const message = `scan shows:\nP<GBRSMITH<<JOHN<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n${number}4GBR8001014M2801012<<<<<<<<<<<<<<02`;
    expect(redactText(message).text).toBe("scan shows:\nP<GBRSMITH<<JOHN<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n[REDACTED:passport]");
  });
});

describe("passwords said in more ways", () => {
  it("removes a passphrase after 'is', a seed phrase, a password after an aside in brackets, a Wi-Fi key, a mistyped label", () => {
    const WORDS = ["purple", "elephant", "dancing", "pepper", "tangerine", "harbour", "violet", "copper", "lantern", "meadow", "orbit", "noble"];
    for (let i = 0; i < 60; i++) {
      const ref = businessRef();
      const words = Array.from({ length: pick([2, 3, 4]) }, () => pick(WORDS));
      const p = `${pick(["Falcon", "Granite", "Harbour"])}@${digits(3)}`;
      const [said, secrets] = pick([
        () => [`my password is ${words.join(" ")}`, words],
        () => [`recovery phrase: ${Array.from({ length: 12 }, () => pick(WORDS)).join(" ")}`, WORDS.filter((w) => false)],
        () => [`password (case sensitive): ${p}`, [p.split("@")[0]!]],
        () => [`wifi key ${letters(6).toLowerCase()}${digits(3)} router keeps rejecting it`, []],
        () => [`passwrod: ${p}`, [p.split("@")[0]!]],
      ])() as [string, string[]];
      const message = `${ref}. ${said}`;
      const { text } = redactText(message);
      for (const s of secrets) expect({ message, text, leaked: text.includes(s) }).toEqual({ message, text, leaked: false });
      expect(text).toContain("[REDACTED:password]");
      expect(text).toContain(keepOf(ref));
    }
  });
  it("keeps words that describe a password", () => {
    for (const message of ["my password is too short", "my password is not working", "The password is case sensitive", "password is wrong again"]) expect(redactText(message).text).toBe(message);
  });
});

describe("references under the labels of other languages", () => {
  it("keeps a Luhn-valid reference after a business word in German, Spanish, Italian or Dutch, or a carrier's name", () => {
    for (let i = 0; i < 40; i++) {
      const id = visa();
      const label = pick(["Transaktionsnummer", "número de orden", "ordine n.", "ordernummer", "Zahlungsreferenz", "tkt no", "EAN", "fedex", "DHL"]);
      const message = `${label} ${id} bitte prüfen`;
      expect(redactText(message).text).toBe(message);
    }
  });
});

describe("accounts, codes and lists in more shapes", () => {
  it("removes bank accounts by other names and an 8-digit number named as an account's", () => {
    for (let i = 0; i < 40; i++) {
      const ref = businessRef();
      const [said, secret] = pick([
        () => { const a = digits(8); return [`acc no ${a}`, a]; },
        () => { const a = digits(8); return [`Bank: Barclays | Acc: ${a} | Sort: 20-32-06`, a]; },
        () => { const a = digits(14); return [`acc ${a} ifsc SBIN0004321`, a]; },
        () => { const a = digits(14); return [`khata sankhya ${a}`, a]; },
        () => { const a = digits(12, "0123456789"); return [`conto corrente n. ${a}`, a]; },
        () => { const a = digits(9); return [`rekeningnummer ${a}`, a]; },
        () => { const a = digits(12); return [`please refund to my savings ${a}`, a]; },
        () => { const a = `${digits(5)} ${digits(5)} ${digits(11)} ${digits(2)}`; return [`RIB : ${a}`, a]; },
      ])() as [string, string];
      expectRedacted({ message: `${ref}: ${said}`, secrets: [secret], type: "bank_account", keep: keepOf(ref) });
    }
    expect(redactText("my account 12345678 is locked").text).toBe("my account 12345678 is locked");
  });
  it("removes one-time codes said in more ways, the second of two PINs, and codes listed one a line", () => {
    for (let i = 0; i < 40; i++) {
      const code = digits(6);
      const ref = businessRef();
      const said = pick([`TAN-Nummer ${code}`, `sms-code ${code}`, `mujhe code mila ${code}`, `${code} is the code on my phone`, `Your Acme code [${code}] — forwarding as asked`, `I received ${code} by SMS a minute ago`]);
      expectRedacted({ message: `${ref}: ${said}`, secrets: [code], type: "otp", keep: keepOf(ref) });
    }
    const [a, b] = [digits(4), digits(4)];
    for (const message of [`I changed my pin from ${a} to ${b} yesterday`, `pins: ${a} for the debit card, ${b} for the credit card`]) expectRedacted({ message, secrets: [a, b], type: "pin", keep: "pin" });
    const codes = [`${letters(4).toLowerCase()}-${digits(4)}`, `${letters(4).toLowerCase()}-${digits(4)}`];
    expectRedacted({ message: `Here are my recovery codes:\n1. ${codes[0]}\n2. ${codes[1]}\nthanks`, secrets: codes, type: "password", keep: "thanks" });
    expectRedacted({ message: `2FA recovery: ${codes[0]}`, secrets: [codes[0]!], type: "password", keep: "2FA" });
    expect(redactText("my 2fa code is 482913").findings).toEqual([{ type: "otp", count: 1 }]);
  });
  it("removes an IBAN typed with dashes or dots or wrapped onto the next line, where its check digits hold", () => {
    for (const [message, secret] of [
      ["IBAN FR76-3000-6000-0112-3456-7890-189", "3456"],
      ["IBAN DE89.3704.0044.0532.0130.00", "0532"],
      ["Bankverbindung:\nIBAN DE89 3704 0044\n0532 0130 00", "0532"],
    ] as const)
      expectRedacted({ message, secrets: [secret], type: "iban", keep: "IBAN" });
    expect(redactText("ref AB12-3456-7890-1234 please").text).toBe("ref AB12-3456-7890-1234 please");
  });
});

describe("identity numbers by their shape, and references that only look like secrets", () => {
  it.each([
    ["il mio CF è FGFPBV86A01F205N", "FGFPBV86A01F205N", "national_id"],
    ["intestato a FRSFZC17P08A562V", "FRSFZC17P08A562V", "national_id"],
    ["身份证号 11010119950501188X", "11010119950501188X", "national_id"],
    ["CURP HGST998625MEGFTQ91", "HGST998625MEGFTQ91", "national_id"],
    ["for payroll: HT594127D", "HT594127D", "national_id"],
    ["pls update to s1178169a", "s1178169a", "national_id"],
    ["> Card: 4111111111111111\n> Exp: 01/30\n> CID: 9208", "9208", "cvv"],
    ["oh and the numbers on the back is 174", "174", "cvv"],
    ["twilio sid AC1656837558a0481e6d753f8687a4e4d4 auth ccf76f922e0ef7e157178c8920d479bc", "ccf76f922e0ef7e157178c8920d479bc", "api_key"],
    ["the 12 words are lemon kitten canvas rabbit unveil fabric eternal unveil island marble absorb unveil", "kitten", "password"],
  ])("removes %j", (message, secret, type) => {
    expectRedacted({ message, secrets: [secret], type, keep: message.slice(0, 2) });
  });
  it.each([
    "Re: 402-4120063-7365575 still not delivered",
    "Bestellnr. 5583047052721649",
    "Auftragsnummer 6417594417994528",
    "número de operación 5961487617986497",
    "payment id 831505830074905 but subscription not active",
    "deliver to Flat 4B, Andheri East, Mumbai - PIN 110001",
    "Shipping address\nName: Tom\nCity: Pune\nPin: 411038\nPhone: 98220 12345",
    "Your password is about to expire",
  ])("keeps %j", (message) => {
    expect(redactText(message).text).toBe(message);
  });
  it("still removes a 6-digit PIN said outside an address", () => {
    expect(redactText("my card PIN is 482913").text).toBe("my card PIN is [REDACTED:pin]");
  });
});

describe("a card in two halves or with its expiry in spaces, several passwords in one list", () => {
  it("removes a card's code after an expiry written with a space, and a card given in two halves on purpose", () => {
    for (let i = 0; i < 30; i++) {
      const card = visa();
      const cvv = digits(3);
      const pasted = `${card} 0${pick([..."123456789"])} 2${pick([..."789"])} ${cvv}`;
      expectRedacted({ message: pasted, secrets: [card], type: "card_number", keep: "" });
      expectRedacted({ message: pasted, secrets: [cvv], type: "cvv", keep: "" });
      const [first, last] = [`${card.slice(0, 4)} ${card.slice(4, 8)}`, `${card.slice(8, 12)} ${card.slice(12)}`];
      expectRedacted({ message: `for security I'll split it: first 8 are ${first} and the last 8 are ${last}`, secrets: [first, last], type: "card_number", keep: "split" });
    }
    // two runs of eight digits that say nothing of a split stay
    expect(redactText("orders 45106771 and 52282208 are both late").text).toBe("orders 45106771 and 52282208 are both late");
  });
  it("removes every password of a list, each named by what it is for", () => {
    for (let i = 0; i < 20; i++) {
      const ps = [`${pick(["kestrel.orchid", "Sun", "Copper#", "Moon_"])}${digits(2)}`, `${pick(["Copper#", "Star_", "Maple!"])}${digits(2)}`];
      const message = `my passwords: ${ps[0]} for email${pick([", ", "; "])}${ps[1]} for the bank app`;
      expectRedacted({ message, secrets: ps, type: "password", keep: "bank app" });
    }
  });
});
