// Redaction classes from a third probe of customer-shaped messages (2026-12-06): passwords as
// more languages name them and as people give them (in brackets after the label, "the new one
// is …", "tried logging in with …", "use … " after a login, "creds are user:pass"), Wi-Fi keys by
// their routers' names, the answers to the usual security questions, a US demand deposit account
// and an account after its routing or transit number, API keys by other languages' names and an
// AWS secret after its key id, a database client's password and a URL's with no user name.
// Generated from a seed; no secret may survive and every business reference must.
import { redactText } from "../../../src/memory/redact";
import { businessRef, digits, expectRedacted, letters, pick } from "./redact-seeded";

const keepOf = (ref: string) => ref.split(" ").at(-1)!;
const password = () => `${pick(["falcon", "Tiger", "qu0kk", "Orchid_Phoenix"])}${digits(2)}${pick(["", "!", "#", "@1"])}`;

describe("passwords", () => {
  it("removes a password after its name in Turkish, Indonesian, Swedish, Norwegian, Danish, Finnish, Russian, Czech or Hungarian", () => {
    for (let i = 0; i < 40; i++) {
      const p = password();
      const ref = businessRef();
      const label = pick(["şifrem", "kata sandi saya", "mitt lösenord är", "passordet mitt er", "min adgangskode er", "salasanani on", "мой пароль", "heslo je", "jelszavam"]);
      expectRedacted({ message: `${ref}: ${label} ${p}`, secrets: [p], type: "password", keep: keepOf(ref) });
    }
  });
  it("removes a password given as people give them", () => {
    for (let i = 0; i < 60; i++) {
      const [p, q] = [password(), password()];
      const ref = businessRef();
      const [message, secrets] = pick([
        [`${ref} the temp password you gave me (${p}) expired`, [p]],
        [`${ref} my old password was ${p} and the new one is ${q}`, [p, q]],
        [`${ref} tried logging in with ${p} and it says wrong password`, [p]],
        [`${ref} if you need to log in to check, use ${p}`, [p]],
        [`${ref} creds are anna_k:${p}`, [p]],
      ] as [string, string[]][]);
      expectRedacted({ message, secrets, type: "password", keep: keepOf(ref) });
    }
  });
  it("keeps what names no password in the same places", () => {
    for (const text of ["I logged in with Google and it failed", "to log in use the app.", "the password (see above) expired", "log in with my email, use SAVE20.", "I reset it to j.smith@mail.com"]) {
      expect(redactText(text).text).toBe(text);
    }
  });
});

describe("Wi-Fi keys and security answers", () => {
  it("removes a Wi-Fi key as routers and manuals name it", () => {
    for (let i = 0; i < 30; i++) {
      const key = `${letters(3).toLowerCase()}${digits(3)}${letters(4)}${digits(2)}`;
      const ref = businessRef();
      const label = pick(["WPA2 key:", "WLAN-Schlüssel:", "SSID Home-3A2C PSK", "mot de passe wifi :", "router key"]);
      expectRedacted({ message: `${ref} ${label} ${key}`, secrets: [key], type: "password", keep: keepOf(ref) });
    }
  });
  it("removes the answer to a usual security question", () => {
    for (let i = 0; i < 40; i++) {
      const answer = pick(["Biscuit", "Tarnów", "Oberhuber", "Thaddeus", "Dufresnoy", "Arrizabalaga"]);
      const ref = businessRef();
      const q = pick(["my first pet was called", "city I was born in:", "Geburtsname meiner Mutter:", "my childhood best friend's name —", "nom de jeune fille de ma mère :", "for the secret question I put", "the answer to 'name of your first school' is", "el apellido de soltera de mi madre es"]);
      expectRedacted({ message: `${ref} - ${q} ${answer}`, secrets: [answer], type: "password", keep: keepOf(ref) });
    }
    for (const text of ["my first pet was a dog", "my first pet died last year", "my first pet was so cute"]) expect(redactText(text).text).toBe(text);
  });
});

describe("bank accounts, keys and connection passwords", () => {
  it("removes a demand deposit account and an account after its routing or transit number", () => {
    for (let i = 0; i < 30; i++) {
      const account = digits(pick([7, 8, 10]));
      const ref = businessRef();
      const message = pick([`${ref} direct deposit: RTN ${digits(9, "0")}, DDA ${account}.`, `${ref} routing ${digits(9, "0")} account ${account}`, `${ref} Transit ${digits(5)}, institution 004, account ${account} (TD)`]);
      expectRedacted({ message, secrets: [account], type: "bank_account", keep: keepOf(ref) });
    }
  });
  it("removes API keys by other languages' names, an AWS secret after its key id, a database client's password and a URL's without a user", () => {
    const key = `${letters(12)}${digits(6)}${letters(12).toLowerCase()}`;
    const secret = `W8/fITHlwRXCxueyYvkz${letters(8)}${digits(4)}+P7ctxZH`;
    const pw = `IqrB5z-${letters(4)}${digits(3)}`;
    for (const [message, value, type] of [
      [`mi clave API es ${key}`, key, "api_key"],
      [`API-Schlüssel: ${key}`, key, "api_key"],
      [`AWS keys: AKIAQUOCR6MLNT4CTLOD / ${secret}`, secret, "api_key"],
      [`our integration uses secret 2863fde106439dd836fb8c5106c03d6f`, "2863fde106439dd836fb8c5106c03d6f", "api_key"],
      [`mysql -h db.example.com -u root -p${pw}`, pw, "password"],
      [`redis://:${pw}@cache.example.com:6379/0`, pw, "password"],
    ]) {
      const out = redactText(message!);
      expect({ message, text: out.text.includes(value!) }).toEqual({ message, text: false });
      expect(out.findings.some((f) => f.type === type)).toBe(true);
    }
    for (const text of ["the secret sauce is 2 cups", "mysql -p", "the api docs at v2.3.1"]) expect(redactText(text).text).toBe(text);
  });
});

it("removes a card's security code named in Turkish or Arabic, and a magic-link code", () => {
  expect(redactText("Kart numaram 4759550334543500, güvenlik kodu 470.").text).toBe("Kart numaram [REDACTED:card_number], güvenlik kodu [REDACTED:cvv].");
  expect(redactText("رقم البطاقة 3745 322802 63492 تاريخ الانتهاء 05/26 الرمز 3888").text).not.toContain("3888");
  expect(redactText("the magic code in the email was ZRMEL4PJ").text).toBe("the magic code in the email was [REDACTED:otp]");
});

describe("secrets named in Chinese, Japanese or Korean, with no space before the value", () => {
  it.each([
    ["我的密码是Lun@74。谢谢", "Lun@74", "password"],
    ["パスワードはrhubarb_pumpkin69です", "rhubarb_pumpkin69", "password"],
    ["비밀번호는 Summer2024!", "Summer2024!", "password"],
    ["認証コード：226892", "226892", "otp"],
    ["验证码885717", "885717", "otp"],
    ["セキュリティコードは2778です。", "2778", "cvv"],
    ["安全码837。", "837", "cvv"],
    ["マイナンバーは465294087926です", "465294087926", "national_id"],
    ["我的身份证号是440305199911061973", "440305199911061973", "national_id"],
    ["주민등록번호 701020-1368995 입니다", "701020-1368995", "national_id"],
    ["护照号码是E12345678。", "E12345678", "passport"],
    ["パスポート番号はTR1234567です", "TR1234567", "passport"],
  ])("%s", (message, value, type) => {
    const out = redactText(message);
    expect(out.text).not.toContain(value);
    expect(out.findings.map((f) => f.type)).toContain(type);
    // the words around the value stay
    expect(out.text.replace(/\[REDACTED:[^\]]+\]/, "")).toBe(message.replace(value, ""));
  });
  it("keeps a CJK sentence with a reference and no secret's name", () => {
    for (const text of ["订单号是ORD-448120，还没到", "予約番号はABC123です"]) expect(redactText(text).text).toBe(text);
  });
});

describe("a card's expiry goes with the card", () => {
  it("removes the month and year written after a card, however labelled or laid out", () => {
    for (const [message, expected] of [
      ["New one: 4111 1111 1111 1111, expiry 03/28, security code 123.", "New one: [REDACTED:card_number], expiry [REDACTED:card_expiry], security code [REDACTED:cvv]."],
      ["CARD 4111111111111111\nEXP 02 / 30\nCVV 123", "CARD [REDACTED:card_number]\nEXP [REDACTED:card_expiry]\nCVV [REDACTED:cvv]"],
      ["payment details: 4111 1111 1111 1111 (exp Jul 2027)", "payment details: [REDACTED:card_number] (exp [REDACTED:card_expiry])"],
      ["Kreditkarte 4111 1111 1111 1111, gültig bis 02/26", "Kreditkarte [REDACTED:card_number], gültig bis [REDACTED:card_expiry]"],
    ]) {
      const out = redactText(message!);
      expect(out.text).toBe(expected);
      expect(out.findings.find((f) => f.type === "card_expiry")?.count).toBe(1);
    }
  });
  it("keeps a date with a day, a date in the next sentence, and the expiry of a card named by its last four", () => {
    expect(redactText("card 4111 1111 1111 1111. See you 12/05/2024").text).toBe("card [REDACTED:card_number]. See you 12/05/2024");
    expect(redactText("card 4111 1111 1111 1111. Next Tuesday 12/27 works").text).toBe("card [REDACTED:card_number]. Next Tuesday 12/27 works");
    expect(redactText("card ending 4242 exp 12/27").text).toBe("card ending 4242 exp 12/27");
  });
});

it("removes an expiry given with the card's code but not its number, and keeps other things' expiry", () => {
  expect(redactText("forgot to add: security code 743, expiry 07/2030").text).toBe("forgot to add: security code [REDACTED:cvv], expiry [REDACTED:card_expiry]");
  expect(redactText("CVV: 302   Exp: 08/31").text).toBe("CVV: [REDACTED:cvv]   Exp: [REDACTED:card_expiry]");
  for (const text of ["my passport expiry 07/2030", "the offer expires 12/31", "card ending 4242 exp 12/27"]) expect(redactText(text).text).toBe(text);
});

it("reads identity numbers under JSON keys of their names, a German tax id written out, a SIN 'as requested' and a social 'it's'", () => {
  for (const [message, value] of [
    ['{"name":"Olu Kim","HETU":"140377-8347"}', "140377-8347"],
    ['{"name":"Lukas Patel","My Number":"1004 6215 5063"}', "1004 6215 5063"],
    ['{"name":"Giulia Hansen","ID no.":"24946010"}', "24946010"],
    ["Steuerliche Identifikationsnummer: 39754581203", "39754581203"],
    ["Here's my SIN as requested: 913 481 859. Let me know", "913 481 859"],
    ["last time I gave you my social, it's 282 94 1854", "282 94 1854"],
  ]) expect(redactText(message!).text).not.toContain(value!);
  expect(redactText('{"name": "Anna", "note": "call me"}').text).toBe('{"name": "Anna", "note": "call me"}');
});

it("removes an identity number in its groups said before its name", () => {
  expect(redactText("869 178 776 is my TFN").text).toBe("[REDACTED:national_id] is my TFN");
  expect(redactText("091091-8443 is my CPR number").text).toBe("[REDACTED:national_id] is my CPR number");
  expect(redactText("call 020 7946 0958 is my passport office").text).toBe("call 020 7946 0958 is my passport office");
});

it("removes the value named later in its label's sentence as the correct or new one", () => {
  expect(redactText("I think the burgerservicenummer on file is wrong, the correct one is 488646376").text).toBe("I think the burgerservicenummer on file is wrong, the correct one is [REDACTED:national_id]");
  expect(redactText("my passport is old, the new one is K1234567").text).toBe("my passport is old, the new one is [REDACTED:passport]");
  expect(redactText("my PIN changed, the new one is 4821").text).toBe("my PIN changed, the new one is [REDACTED:pin]");
  expect(redactText("the order number is wrong, the correct one is 12345678").text).toBe("the order number is wrong, the correct one is 12345678");
});

it("removes a Chinese resident ID, a Korean RRN, a Finnish HETU and a CURP on their own by their dates and check characters", () => {
  for (const [message, value] of [
    ["sorry forgot, 440305198903157356", "440305198903157356"],
    ["sorry forgot, 881105-2959658", "881105-2959658"],
    ["here you go: 070254-615W", "070254-615W"],
    ["here you go: PAJJ670624MASPDN97", "PAJJ670624MASPDN97"],
  ]) expect(redactText(message!).text).toBe(message!.replace(value!, "[REDACTED:national_id]"));
  // one check character off, or a reference's own label, and the number stays
  for (const text of ["sorry forgot, 440305198903157357", "sorry forgot, 881105-2959659", "here you go: 070254-615X", "order 440305198903157356 shipped"]) expect(redactText(text).text).toBe(text);
});

it("removes a card's code on the line under its expiry, as a form lays them out", () => {
  expect(redactText("Sofia Wei\n5350 4678 5677 9372\n03 / 30\n381").text).toBe("Sofia Wei\n[REDACTED:card_number]\n[REDACTED:card_expiry]\n[REDACTED:cvv]");
});

it("reads a name as a security answer after a title or a bracketed aside, and a sentence after the question as none", () => {
  expect(redactText("favourite teacher was Mrs Pemberton").text).toBe("favourite teacher was [REDACTED:password]");
  expect(redactText("maiden name (security q) Fitzwilliam").text).toBe("maiden name (security q) [REDACTED:password]");
  for (const text of ["the security answer is wrong", "my mother's maiden name was used in the letter"]) expect(redactText(text).text).toBe(text);
});
