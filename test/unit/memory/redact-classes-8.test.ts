// Redaction classes from the fourth and fifth outside probes (2026-12-06): cards in pasted tables,
// expiries as other languages name them, backup codes near their label, security answers and
// Wi-Fi keys by what the message talks about, passwords a few words after their label, settings
// named as secrets, PINs and one-time codes as people give them, passports anywhere in a message
// about passports, a table's secret columns, accounts at a bank named before them.
// Generated from a seed; no secret may survive and every business reference must.
import { redactText } from "../../../src/memory/redact";
import { businessRef, digits, expectRedacted, letters, next, pick, withCheck } from "./redact-seeded";

const keepOf = (ref: string) => ref.split(" ").at(-1)!;
const luhn = (s: string) => {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    let d = Number(s[s.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
};
const card = () => withCheck(`${pick(["4", "51", "55", "2221"])}${digits(14, "0123456789")}`.slice(0, 15), luhn);
const month = () => String(1 + Math.floor(next() * 12)).padStart(2, "0");
const strong = () => `${pick(["Lampione", "Kitzbuehel", "Croissant", "Moskva", "Ledger"])}${pick(["!", "#", "&", "@"])}${digits(2)}${letters(2)}`;
const mixed = (n: number) => Array.from({ length: n }, (_, i) => (i % 3 === 1 ? digits(1) : "abcdefghjkmnpqrstuvwxyz"[Math.floor(next() * 23)])).join("");

describe("cards and their expiry", () => {
  it("removes cards and expiries in a pasted table", () => {
    for (let i = 0; i < 20; i++) {
      const [a, b] = [card(), card()];
      const [ea, eb] = [`${month()}/2${digits(1, "6789")}`, `${month()}/2${digits(1, "6789")}`];
      const ref = businessRef();
      const message = `${ref}\nname,card,exp,amount\nTomasz Nowak,${a},${ea},129.00\nAisha Bello,${b},${eb},89.50`;
      expectRedacted({ message, secrets: [a, b], type: "card_number", keep: keepOf(ref) });
      expectRedacted({ message, secrets: [ea, eb], type: "card_expiry", keep: keepOf(ref) });
    }
  });
  it("removes an expiry as other languages name it, anywhere in a message that gives the card or its code", () => {
    for (let i = 0; i < 40; i++) {
      const c = card();
      const y = `2${digits(1, "6789")}`;
      const expiry = pick([`${month()}/${y}`, `20${y}/${month()}`, `${month()}${y}`, `20${y}년 ${Number(month())}월`, `agosto 20${y}`]);
      const label = pick(["vervaldatum", "vence en", "fecha de vencimiento", "validade", "gültig bis", "scadenza", "son kullanma tarihi", "만료일은", "expiration is", "exp"]);
      const ref = businessRef();
      expectRedacted({ message: `${ref}: ik heb betaald met ${c}, maar het staat nog open. ${label} ${expiry}`, secrets: [expiry], type: "card_expiry", keep: keepOf(ref) });
    }
  });
  it("removes a card split over a line, read out in words, spaced digit by digit, or after its network's name", () => {
    const words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    for (let i = 0; i < 30; i++) {
      const c = card();
      const ref = businessRef();
      const [message, secret] = pick([
        [`${ref} ok so the card number is ${c.slice(0, 8)}\n${c.slice(8)}\n(sorry hit enter)`, c.slice(8)],
        [`${ref} the card number is ${[...c].map((d) => words[Number(d)]).join(" ")} and it expires soon`, [...c].map((d) => words[Number(d)]).join(" ")],
        [`${ref}\nBANCO SANTANDER\n${[...c].map((d, k) => (k > 0 && k % 4 === 0 ? " " : "") + d).join(" ")}\nVALID THRU 12/28`, `${c.slice(0, 1)} ${c.slice(1, 2)} ${c.slice(2, 3)}`],
        [`${ref} my ${pick(["amex", "visa", "mastercard"])} is ${c}`, c],
      ] as [string, string][]);
      const { text } = redactText(message);
      expect({ message, text, left: text.includes(secret) }).toEqual({ message, text, left: false });
      expect({ message, kept: text.includes(keepOf(ref)) }).toEqual({ message, kept: true });
    }
  });
  it("keeps a date named as something else's expiry", () => {
    for (const text of ["my passport expires 12/2030", "the offer expires 12/26 ok", "the link is valid until 05/27"]) expect(redactText(text).text).toBe(text);
  });
});

describe("codes and keys", () => {
  it("removes every backup code near its label, in the shapes services print them", () => {
    for (let i = 0; i < 30; i++) {
      const codes = pick([
        () => [`${digits(4)} ${digits(4)}`, `${digits(4)} ${digits(4)}`],
        () => [digits(6), digits(6), digits(6)],
        () => [`${mixed(4)}-${mixed(4)}`, `${mixed(4)}-${mixed(4)}`],
        () => [`${letters(4)} ${letters(2)}${digits(2)} ${letters(4)} ${letters(3)}${digits(1)}`],
      ])();
      const ref = businessRef();
      const label = pick(["Recovery codes from settings:", "2FA backup codes from when I signed up:\n", "códigos de respaldo impresos:", "enter the key manually:\n"]);
      // (two codes side by side may come out as one span, or as a one-time code's: what matters is that none is left)
      const message = `${ref} ${label} ${codes.join(pick(["  ", " / ", ", "]))}`;
      const { text } = redactText(message);
      for (const code of codes) expect({ message, text, left: text.includes(code) }).toEqual({ message, text, left: false });
      expect({ message, kept: text.includes(keepOf(ref)) }).toEqual({ message, kept: true });
    }
    expect(redactText("I lost my recovery codes, and order 12345678 never came").text).toBe("I lost my recovery codes, and order 12345678 never came");
  });
  it("removes an API key by its setting's name or its service's prefix", () => {
    for (let i = 0; i < 30; i++) {
      const key = pick([
        () => [`${pick(["DD_APP_KEY", "PUSHER_APP_SECRET", "STRIPE_WEBHOOK_TOKEN"])}=`, `${mixed(12)}${digits(4)}${mixed(8)}`],
        () => ['"SigningKey": "', `${mixed(20)}${digits(3)}`, '"'],
        () => ["docker login token ", `dckr_pat_${mixed(27)}`],
        () => ["key ", `ATATT3xFfGF0${mixed(30)}`],
      ])();
      const ref = businessRef();
      expectRedacted({ message: `${ref} ${key[0]}${key[1]}${key[2] ?? ""}`, secrets: [key[1]!], type: "api_key", keep: keepOf(ref) });
    }
    for (const text of ["PUSHER_APP_ID=1774120", "idempotencyKey=order-12345-abcdef1234567", "commit=e1451c63497eefc545ec48bb59f999cd967429d5", "pk_live_51HqLyjKp2x8N5c0dPublishableKey00"]) {
      expect(redactText(text).text).toBe(text);
    }
  });
  it("removes PINs and one-time codes as people give them", () => {
    for (let i = 0; i < 40; i++) {
      const code = digits(6);
      const ref = businessRef();
      const message = pick([
        `${ref}. the voicemail PIN you set is not working, I changed it to ${code} via the menu`,
        `${ref} ${code} that's the code that came, now it says too many attempts`,
        `${ref} PIN1: ${code.slice(0, 4)}  PUK1: ${digits(8)}`,
        `${ref} Код из СМС: ${code}`,
        `${ref} SMS ile gelen doğrulama kodu: ${code}`,
        `${ref} key safe (left of the door): ${code.slice(0, 4)}`,
      ]);
      const secret = message.includes("PIN1") || message.includes("key safe") ? code.slice(0, 4) : code;
      const { text } = redactText(message);
      expect({ message, text, leaked: new RegExp(`(?<!\\d)${secret}(?!\\d)`).test(text) }).toEqual({ message, text, leaked: false });
      expect({ message, kept: text.includes(keepOf(ref)) }).toEqual({ message, kept: true });
    }
  });
});

describe("passwords, answers and Wi-Fi keys", () => {
  it("removes a password a few words after its label, in a setting, or beside an email address", () => {
    for (let i = 0; i < 40; i++) {
      const p = strong();
      const ref = businessRef();
      const form = pick([
        `mot de passe temporaire pour que vous vérifiiez : ${p}`,
        `Kata sandi akun: ${p}`,
        `mật khẩu của tôi là ${p}`,
        `      DB_PASS: ${p}`,
        `define( 'DB_PASSWORD', '${p}' );`,
        `- main: priya.n@gmail.com / ${p}`,
        `Router admin: admin / ${p}`,
        `I changed my password last week; the old one, which was ${p}, still works`,
      ]);
      expectRedacted({ message: `${ref}\n${form}`, secrets: [p], type: "password", keep: keepOf(ref) });
    }
  });
  it("removes a security answer where the message talks of the question", () => {
    for (let i = 0; i < 30; i++) {
      const answer = pick(["Pelusa", "Struppi", "Galway", "Wildcats", "Kumasi"]);
      const ref = businessRef();
      const form = pick([
        `la pregunta secreta es el nombre de mi primera mascota y la respuesta es ${answer}.`,
        `Sicherheitsfrage "Name des ersten Haustiers" – Antwort: ${answer}.`,
        `\nQ: What city were your parents married in? A: ${answer}`,
        `for the account recovery: high school mascot = ${answer}, I think`,
        `${answer} is the answer to the pet question`,
      ]);
      expectRedacted({ message: `${ref} ${form}`, secrets: [answer], type: "password", keep: keepOf(ref) });
    }
    for (const text of ["I still know my password and can answer any security questions.", "The screen asks me for a memorable word which I do not know."]) {
      expect(redactText(text).text).toBe(text);
    }
  });
  it("removes passwords, answers and keys as Romanian, Hebrew, Turkish, French and German write them, and in hostapd and curl", () => {
    for (let i = 0; i < 30; i++) {
      const p = strong();
      const ref = businessRef();
      const form = pick([
        `parola mea este ${p} dar nu ma lasa`,
        `- parola de admin a routerului: ${p}`,
        `הסיסמה היא ${p} או`,
        `Güvenlik sorusu cevabı: ${p} (ilk evcil hayvanım)`,
        `Réponse à la question secrète (nom de votre premier animal) : ${p}`,
        `Sicherheitsfrage "Name Ihrer ersten Lehrerin": ${p}`,
        `interface=wlan0\nwpa_passphrase=${p}\nwpa_key_mgmt=WPA-PSK`,
        `clé de sécurité WPA ${p} (étiquette au dos)`,
      ]);
      expectRedacted({ message: `${ref}\n${form}`, secrets: [p], type: "password", keep: keepOf(ref) });
    }
    const token = `${mixed(16)}${digits(4)}${mixed(12)}`;
    const { text } = redactText(`curl -X POST https://api.example.com \\\n  -u AC5e1151c79a5809:${token}`);
    expect(text.includes(token)).toBe(false);
    expect(redactText("la parola chiave è pizza").text).toBe("la parola chiave è pizza");
  });
  it("removes a Wi-Fi key as routers, QR codes and hosts give it", () => {
    for (let i = 0; i < 30; i++) {
      const key = `${mixed(10)}${digits(2)}`;
      const ref = businessRef();
      const form = pick([
        `WIFI:T:WPA;S:VM5521907;P:${key};;`,
        `la clé WPA de ma Livebox est ${key}, la tablette`,
        `Main Wi-Fi: "MapleRise" — ${key}`,
        `the key is printed under the router: ${key}.`,
        `Wireless key: ${key}`,
      ]);
      expectRedacted({ message: `${ref} ${form}`, secrets: [key], type: "password", keep: keepOf(ref) });
    }
    expect(redactText("the wifi is down again since monday").text).toBe("the wifi is down again since monday");
  });
});

describe("identity documents and accounts", () => {
  it("removes passports given anywhere in a message about passports, and a table's secret columns", () => {
    for (let i = 0; i < 30; i++) {
      const [a, b] = [`${letters(2)}${digits(7)}`, `${letters(1)}${digits(8)}`];
      const ref = businessRef();
      const message = pick([
        `${ref}, details for all travellers' passports:\n[19:05] Kenji: me: ${a}\n[19:07] Kenji: wife Yuki: ${b}`,
        `${ref}\nSurname, First name, Nationality, Passport no.\nABBOTT, Lily, GBR, ${a}\nDUBOIS, Chloé, FRA, ${b}`,
        `${ref}\n| Name | Passport | DOB |\n| Asif Khan | ${a} | 12-04-1968 |\n| Rukhsana Asif | ${b} | 03-09-1972 |`,
      ]);
      expectRedacted({ message, secrets: [a, b], type: "passport", keep: keepOf(ref) });
    }
  });
  it("removes identity numbers by the names of 16 more countries, and in XML elements", () => {
    for (let i = 0; i < 30; i++) {
      const number = digits(pick([10, 11, 13]));
      const ref = businessRef();
      const form = pick([`ЕГН ${number}, гр. София`, `asmens kodas: ${number}`, `isikukood ${number}. Aitäh`, `מספר תעודת זהות שלי הוא ${number}`, `الرقم القومي ${number}`, `OIB ${number}, Zagreb`, `moj EMŠO je ${number}`, `JMBG: ${number}`, `Мій ІПН ${number}`, `<cnp>${number}</cnp>`, `kennitalan mín er ${number}`]);
      expectRedacted({ message: `${ref}\n${form}`, secrets: [number], type: "national_id", keep: keepOf(ref) });
    }
    expect(redactText("please cc 2 people on the reply").text).toBe("please cc 2 people on the reply");
    for (let i = 0; i < 10; i++) {
      const ref = businessRef();
      const [account, otp, passport] = [digits(20), digits(4), `${letters(2)}${digits(7)}`];
      for (const [message, secret, type] of [
        [`${ref} на счёт ${account} в Сбербанке`, account, "bank_account"],
        [`${ref} код подтверждения ${otp} пришёл`, otp, "otp"],
        [`${ref} namba ya pasipoti yangu ni ${passport}`, passport, "passport"],
        [`${ref}\n  drivers_license: "TX ${digits(8)}"\n  type: checking`, "TX", "national_id"],
      ] as [string, string, string][]) {
        if (secret === "TX") {
          expect(redactText(message).text).toMatch(/drivers_license: "\[REDACTED:national_id\]"/);
          continue;
        }
        expectRedacted({ message, secrets: [secret], type, keep: keepOf(ref) });
      }
    }
  });
  it("removes a driving licence as forms, states and other languages give it", () => {
    for (let i = 0; i < 30; i++) {
      const number = pick([`${letters(1)}${digits(7)}`, digits(11), `${digits(3)} ${digits(3, "0123456789")} ${digits(3, "0123456789")}`, `${letters(1)}${digits(3)}-${digits(3)}-${digits(2)}-${digits(3)}-${digits(1)}`, `${letters(5)}${digits(6)}${letters(2)}${digits(1)}${letters(2)}`]);
      const ref = businessRef();
      const form = pick([`My licence number is ${number} and the issue number is 14.`, `Brazilian CNH: ${number} (validade 2029)`, `licencia de conducir ${number} (Jalisco)`, `ny license ${number} for the car share`, `my FL DL. number is ${number}, DOB 3/8/1990`]);
      expectRedacted({ message: `${ref} ${form}`, secrets: [number], type: "national_id", keep: keepOf(ref) });
    }
    expect(redactText("my license expired in 2023 and the DL office is closed").text).toBe("my license expired in 2023 and the DL office is closed");
  });
  it("removes an account at a bank named right before it", () => {
    for (let i = 0; i < 30; i++) {
      const account = digits(8);
      const ref = businessRef();
      const form = pick([`Monzo account ${account}`, `Barclays savings, account ${account}, sort 20-32-06`, `RBC savings account ${account}`, `CBU ${digits(22)}`]);
      const secret = form.startsWith("CBU") ? form.slice(4) : account;
      expectRedacted({ message: `${ref} - refund to my ${form} please`, secrets: [secret], type: "bank_account", keep: keepOf(ref) });
    }
    expect(redactText("my customer account 300012345 at the gas company").text).toBe("my customer account 300012345 at the gas company");
  });
});
