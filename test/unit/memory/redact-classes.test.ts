// The redaction classes closed for real support text, each as a class: card security codes by
// any name near a card, passwords and PINs in any phrasing, passport numbers in other languages
// or listed for several people, and every identifier of a list. Messages are generated from a
// seed (phrasings × values × business references); the invariant is that no secret survives and
// every business reference does.
import { redactText } from "../../../src/memory/redact";
import { passesLuhn, passesVerhoeff } from "../../../src/memory/redact/checks";

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const next = rng(20261202);
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
const digits = (n: number, first = "123456789") => first[Math.floor(next() * first.length)]! + Array.from({ length: n - 1 }, () => Math.floor(next() * 10)).join("");
const letters = (n: number) => Array.from({ length: n }, () => "ABCDEFGHJKLMNPRSTUVWXYZ"[Math.floor(next() * 23)]).join("");
const withCheck = (prefix: string, ok: (s: string) => boolean) => {
  for (let d = 0; d < 10; d++) if (ok(prefix + d)) return prefix + d;
  throw new Error("no check digit");
};

/** Business references an agent needs: each generated message carries one, and it must stay. */
function businessRef(): string {
  return pick([
    () => `order ORD-${digits(5)}`,
    () => `invoice INV-${digits(4)}-${digits(4)}`,
    () => `PNR ${letters(6)}`,
    () => `ticket #${digits(5)}`,
    () => `order #${digits(8)}`,
    () => `booking ref ${letters(2)}${digits(6)}`,
  ])();
}

type Case = { message: string; secrets: string[]; type: string; keep: string };

function expectRedacted(c: Case): void {
  const { text, findings } = redactText(c.message);
  // A secret is leaked when it stands on its own (a code of 700 inside ORD-41700 is the order's)
  const standsAlone = (secret: string) => new RegExp(`(?<![\\p{L}\\p{N}-])${secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u").test(text);
  for (const secret of c.secrets) expect({ message: c.message, text, leaked: standsAlone(secret) }).toEqual({ message: c.message, text, leaked: false });
  expect({ message: c.message, kept: text.includes(c.keep) }).toEqual({ message: c.message, kept: true });
  expect(findings.find((f) => f.type === c.type)?.count ?? 0).toBeGreaterThanOrEqual(c.secrets.length);
}

const CARDS = ["Visa", "Mastercard", "Amex", "debit card", "credit card", "Discover card", "Visa debit card"];

describe("card security codes by any name, near a card", () => {
  const NAMES = [
    (n: number) => ["CVV", "CVC", "CVV2", "CVC2", "CID", "CSC", "security code", "card verification code", "card security code"][n % 9]!,
    (n: number) => `the ${pick([String(n), n === 3 ? "three" : "four"])} digit code on the ${pick(["back", "front", "reverse"])}`,
    (n: number) => `the ${n === 3 ? "three" : "four"} numbers on the ${pick(["back", "front"])} of my card`,
    () => `the code on the back`,
    () => pick(["sec code", "sec. code", "Prüfziffer", "Kartenprüfziffer", "codice di sicurezza", "beveiligingscode"]),
  ];
  const TEMPLATES = [
    (card: string, name: string, v: string, ref: string) => `My ${card} was declined for ${ref}. ${name[0]!.toUpperCase()}${name.slice(1)} is ${v}.`,
    (card: string, name: string, v: string, ref: string) => `Paying ${ref} with my ${card}, ${name}: ${v}`,
    (card: string, name: string, v: string, ref: string) => `${ref} - ${card} ending ${digits(4)}, ${name} ${v}, expiry 09/${digits(2, "3")}`,
  ];
  it("removes the code in every generated phrasing and keeps the business reference", () => {
    for (let i = 0; i < 300; i++) {
      const length = next() < 0.5 ? 3 : 4;
      const v = digits(length);
      const ref = businessRef();
      const message = pick(TEMPLATES)(pick(CARDS), pick(NAMES)(length), v, ref);
      expectRedacted({ message, secrets: [v], type: "cvv", keep: ref.split(" ").at(-1)! });
    }
  });

  it("leaves a code on the back of something that is not a card", () => {
    for (const message of ["The code on the back of the box is 123456.", "The serial on the back of the router is 4471."]) expect(redactText(message).text).toBe(message);
  });
});

describe("passwords and PINs in any phrasing", () => {
  const secret = () => `${pick(["Sunset", "tr0ub4dor", "Kj8", "blue", "Admin", "Qwerty"])}${digits(2)}${pick(["!", "#", "", "&x", "_"])}`;
  const PASSWORD = [
    (p: string) => `my password is ${p}`,
    (p: string) => `the password is ${p}`,
    (p: string) => `password: ${p}`,
    (p: string) => `admin password ${p}`,
    (p: string) => `use admin password: ${p}`,
    (p: string) => `Password? it's ${p}`,
    (p: string) => `my password... it's ${p}`,
    (p: string) => `my password for the portal is ${p}`,
    (p: string) => `pwd=${p}`,
    (p: string) => `contraseña: ${p}`,
    (p: string) => `mein Passwort ist ${p}`,
    (p: string) => `${p} is my password`,
  ];
  const PIN = [
    (n: string) => `my PIN is ${n}`,
    (n: string) => `PIN: ${n}`,
    (n: string) => `my ATM pin ${n}`,
    (n: string) => `pin? it's ${n}`,
    (n: string) => `it's ${n}, my PIN`,
    (n: string) => `card PIN ${n}`,
    (n: string) => `${n} is my PIN`,
  ];
  it("removes the password", () => {
    for (let i = 0; i < 240; i++) {
      const p = secret();
      const ref = businessRef();
      const message = `Hi, about ${ref}: ${pick(PASSWORD)(p)}. Can you check my account?`;
      expectRedacted({ message, secrets: [p.replace(/[!#_&x]+$/, "")], type: "password", keep: ref.split(" ").at(-1)! });
    }
  });
  it("removes the PIN", () => {
    for (let i = 0; i < 240; i++) {
      const n = digits(pick([4, 6]));
      const ref = businessRef();
      const message = `Card blocked after ${ref}. ${pick(PIN)(n)}, please unblock.`;
      expectRedacted({ message, secrets: [n], type: "pin", keep: ref.split(" ").at(-1)! });
    }
  });
  it("does not take a word saying what is wrong for a password", () => {
    for (const message of ["My password? it's not working", "password is wrong", "the password is expired"]) expect(redactText(message).text).toBe(message);
  });
});

describe("passwords whose label is elsewhere in the message, or that are plain words", () => {
  const secret = () => `${pick(["Password", "Winter", "Kj8", "hunter", "Tr0ub4dor", "Maple"])}${digits(pick([2, 3, 4]))}${pick(["!", "#", "", "&3", "_x"])}`;
  const SAID_ELSEWHERE = [
    (p: string) => `I reset my password yesterday. I reset it to ${p} and it still fails.`,
    (p: string) => `I changed it to ${p} but the app says wrong password.`,
    (p: string) => `The login keeps failing, I even set it to ${p} this morning.`,
    (p: string) => `My password expired so I updated mine to ${p}, still locked out.`,
  ];
  const OPENS_THE_LOGIN = [
    (p: string) => `I use ${p} to log in and it says invalid.`,
    (p: string) => `I typed ${p} to sign in, no luck.`,
    (p: string) => `tried "${p}" for the login twice.`,
  ];
  it("removes a password set or used where the message names a password or a login", () => {
    for (let i = 0; i < 120; i++) {
      const p = secret();
      const ref = businessRef();
      const message = `About ${ref}: ${pick([...SAID_ELSEWHERE, ...OPENS_THE_LOGIN])(p)}`;
      expectRedacted({ message, secrets: [p.replace(/[!#_&x3]+$/, "")], type: "password", keep: ref.split(" ").at(-1)! });
    }
  });
  it("removes a passphrase of plain words after a colon", () => {
    const WORDS = ["correct", "horse", "battery", "staple", "purple", "monkey", "dishwasher", "garden", "river", "lantern", "copper", "violet"];
    for (let i = 0; i < 60; i++) {
      const words = Array.from({ length: pick([3, 4, 5]) }, () => pick(WORDS));
      const phrase = words.join(pick([" ", "-"]));
      const ref = businessRef();
      const message = `Re ${ref}. ${pick(["password: ", "My password is: ", "The new passphrase I set is: ", "pwd: "])}${phrase}${pick([".", "", "\nThanks"])}`;
      const { text } = redactText(message);
      expect({ message, leaked: words.filter((w) => text.includes(w)) }).toEqual({ message, leaked: [] });
      expect(text).toContain(ref.split(" ").at(-1)!);
    }
  });
  it("keeps what is not a password: a story after the colon, a version, plain words, a setting without a password", () => {
    for (const message of [
      "password: not working anymore at all",
      "password is: the same as before",
      "password reset steps: click here and wait",
      "reset it to v2.3.1 and my password fails",
      "I set it to Premium2 yesterday and the invoice doubled",
      "use order AB12345 to track it",
      "I changed it to monthly, and my password still fails",
    ])
      expect(redactText(message).text).toBe(message);
  });
});

describe("credentials in other shapes: security answers, codes in words, user and password pairs", () => {
  const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
  it("removes the answer to a security question", () => {
    for (let i = 0; i < 60; i++) {
      const answer = `${pick(["Fluffy", "Kowalski", "Rex", "Marigold", "Santos", "Bluebird"])}${pick(["", "", "99"])}`;
      const ref = businessRef();
      const label = pick(["my security answer is", "mother's maiden name:", "my mothers maiden name is", "memorable word:", "my secret word is", "security question answer ="]);
      expectRedacted({ message: `Locked out of ${ref}. ${label} ${answer}, please verify me.`, secrets: [answer], type: "password", keep: ref.split(" ").at(-1)! });
    }
    for (const message of ["the security answer was wrong", "what is my security answer?", "I forgot my memorable word"]) expect(redactText(message).text).toBe(message);
  });
  it("removes a PIN, one-time code or security code read out in words", () => {
    const LABELS = [
      { label: ["my PIN is", "PIN:", "my card pin? it's", "pin number is"], type: "pin", n: [4, 6] },
      { label: ["OTP:", "the verification code was", "my one-time code is"], type: "otp", n: [4, 6] },
      { label: ["cvv is", "security code is", "CVC:"], type: "cvv", n: [3, 4] },
    ];
    for (let i = 0; i < 90; i++) {
      const { label, type, n } = pick(LABELS);
      const words = Array.from({ length: pick(n) }, () => pick(NUMBER_WORDS));
      const ref = businessRef();
      const message = `About ${ref}: ${pick(label)} ${words.join(pick([" ", "-", ", "]))}. Thanks`;
      const { text, findings } = redactText(message);
      expect({ message, text, leaked: words.join(" ").length > 0 && text.includes(words.slice(0, 3).join(" ")) }).toEqual({ message, text, leaked: false });
      expect(findings.find((f) => f.type === type)?.count ?? 0).toBeGreaterThanOrEqual(1);
      expect(text).toContain(ref.split(" ").at(-1)!);
    }
    for (const message of ["I have one two three questions", "the pin is one of two options"]) expect(redactText(message).text).toBe(message);
  });
  it("removes the password of a user and password pair, and a German 'Passwort lautet'", () => {
    for (let i = 0; i < 60; i++) {
      const p = `${pick(["Hunter", "Adm1n!", "Sommer", "Tr0ub4dor&"])}${digits(pick([2, 4]))}`;
      const ref = businessRef();
      const pair = pick([`login details: user jsmith / ${p}`, `credentials: admin / ${p}`, `my login is maria@example.com / ${p}`, `Das Passwort lautet: ${p}`, `Passwort lautet ${p}`]);
      expectRedacted({ message: `Re ${ref} - ${pair}`, secrets: [p], type: "password", keep: ref.split(" ").at(-1)! });
    }
    for (const message of ["login: jdoe / password", "login page / settings menu", "Login issue / billing question"]) expect(redactText(message).text).toBe(message);
  });
});

describe("a code named by its number of digits", () => {
  it("removes a card's '3 digit code' and a '6 digit code' sent by text, grouped or not, and keeps the last 4 digits of a card", () => {
    for (let i = 0; i < 90; i++) {
      const card = withCheck(`4${digits(14, "0123456789")}`, passesLuhn);
      const cvv = digits(3);
      const otp = digits(6);
      const ref = businessRef();
      const message = pick([
        `About ${ref}: my card is ${card}, exp 09/${digits(2, "3")}, ${pick(["3 digit code", "the 3-digit code is", "three digit security code:"])} ${cvv}.`,
        `About ${ref}: card ${card} and the ${pick(["3 digit", "three-digit"])} code is ${cvv}`,
        `About ${ref}: I got a ${pick(["6 digit", "six-digit", "6-digit verification"])} code ${pick([otp, `${otp.slice(0, 3)} ${otp.slice(3)}`])} but it fails`,
      ]);
      const secret = message.includes(card) ? cvv : otp.slice(0, 3);
      const { text } = redactText(message);
      expect({ message, text, leaked: new RegExp(`(?<![\\d-])${secret}`).test(text) }).toEqual({ message, text, leaked: false });
      expect(text).toContain(ref.split(" ").at(-1)!);
    }
    for (const message of ["the last 4 digits are 4242", "card ending 4242, the last 4 digit code 4242 shows on the receipt"]) expect(redactText(message).text).toContain("4242");
  });
  it("removes a card's code named 'security' after the expiry or 'the code behind', and a code after its label and a question mark", () => {
    for (let i = 0; i < 60; i++) {
      const card = withCheck(`5${pick([..."12345"])}${digits(14, "0123456789")}`, passesLuhn);
      const code = digits(pick([3, 6]));
      const ref = businessRef();
      const message =
        code.length === 3
          ? `Re ${ref}: card ${card} ${pick([`expiry 0${pick([..."123456789"])}/2${pick([..."6789"])} security ${code}`, `and the code behind is ${code}`, `- digits on the back: ${code}`])}`
          : `Re ${ref}: my ${pick(["OTP", "verification code", "one-time code"])}? ${code}`;
      expectRedacted({ message, secrets: [code], type: code.length === 3 ? "cvv" : "otp", keep: ref.split(" ").at(-1)! });
    }
    for (const message of ["Why is my PIN blocked? 2 days now", "Did you get my OTP? 3 times I asked", "What about my booking? 12345678 is the confirmation"]) expect(redactText(message).text).toBe(message);
  });
  it("removes a one-time code named as the code received, in Spanish, Portuguese and French", () => {
    for (let i = 0; i < 30; i++) {
      const code = digits(6);
      const ref = businessRef();
      const message = `${ref}: ${pick(["el código que me llegó es", "el código que recibí:", "o código que recebi é", "le code que j'ai reçu :"])} ${code}`;
      expectRedacted({ message, secrets: [code], type: "otp", keep: ref.split(" ").at(-1)! });
    }
  });
});

describe("passport numbers in other languages, and for several people", () => {
  const LABELS = ["passport", "passport no.", "passport number", "Reisepass", "numéro de passeport", "pasaporte", "passaporto", "passaporte", "paspoort", "pasaport", "paszport", "паспорт"];
  const passport = () => `${letters(pick([1, 2]))}${digits(7, "0123456789")}`;
  const PLURAL: Record<string, string> = { passport: "passports", Passport: "Passports", pasaporte: "pasaportes", passeport: "passeports", Reisepass: "Reisepässe" };
  const LISTS = [
    (l: string, [a, b, c]: string[]) => `${PLURAL[l] ?? l}: ${a} (me), ${b} (my wife), ${c} (son)`,
    (l: string, [a, b]: string[]) => `${l} numbers ${a} and ${b}`,
    (l: string, [a, b]: string[]) => `${l}: mine is ${a} and my wife's is ${b}`,
    (l: string, [a, b]: string[]) => `${l} ${a} for me and ${b} for my son`,
    (l: string, [a, b, c]: string[]) => `${l} ${a}, ${b} and ${c}`,
  ];
  it("removes one passport number whatever the language of its label", () => {
    for (let i = 0; i < 200; i++) {
      const v = passport();
      const ref = businessRef();
      const message = `Booking for ${ref}, ${pick(LABELS)} ${v}, thanks`;
      expectRedacted({ message, secrets: [v], type: "passport", keep: ref.split(" ").at(-1)! });
    }
  });
  it("removes every passport number of a list", () => {
    for (let i = 0; i < 200; i++) {
      const values = [passport(), passport(), passport()];
      const ref = businessRef();
      const label = pick(["passport", "Passport", "pasaporte", "passeport", "Reisepass"]);
      const listed = pick(LISTS)(label, values);
      const used = values.filter((v) => listed.includes(v));
      expectRedacted({ message: `For ${ref}: ${listed}.`, secrets: used, type: "passport", keep: ref.split(" ").at(-1)! });
    }
  });
});

describe("every identifier in a list", () => {
  const aadhaar = () => withCheck(digits(11, "23456789"), passesVerhoeff).replace(/(\d{4})(\d{4})(\d{4})/, "$1 $2 $3");
  const pan = () => `${letters(3)}P${letters(1)}${digits(4, "0123456789")}${letters(1)}`;
  const card = () => withCheck(digits(15, "45"), passesLuhn);
  const KINDS: [string, string, () => string][] = [
    ["aadhaar", "Aadhaar", aadhaar],
    ["pan", "PAN", pan],
    ["card_number", "card", card],
  ];
  const LISTS = [
    (l: string, [a, b]: string[]) => `my ${l} ${a} and my wife's ${b}`,
    (l: string, [a, b]: string[]) => `${l}: mine is ${a} and my husband's is ${b}`,
    (l: string, [a, b, c]: string[]) => `${l} numbers ${a}, ${b} and ${c}`,
  ];
  it("removes each one, mine and my family's", () => {
    for (let i = 0; i < 240; i++) {
      const [type, label, make] = pick(KINDS);
      const values = [make(), make(), make()];
      const listed = pick(LISTS)(label, values);
      const ref = businessRef();
      expectRedacted({ message: `Re ${ref}: ${listed}.`, secrets: values.filter((v) => listed.includes(v)), type, keep: ref.split(" ").at(-1)! });
    }
  });
  it("keeps a business reference that follows a list", () => {
    const message = "PIN 4821 and order 5678 please";
    expect(redactText(message).text).toBe("PIN [REDACTED:pin] and order 5678 please");
  });
});

// A UK or Australian account number is 6–8 digits, shorter than a bank account elsewhere: next to
// a sort code or a BSB it is one all the same. Without one, "account 12345678" may be any
// business's account reference and stays.
describe("bank accounts next to a sort code or a BSB", () => {
  const branch = () => pick([`sort code ${digits(2)}-${digits(2, "0123456789")}-${digits(2, "0123456789")}`, `Sort code: ${digits(6)}`, `BSB ${digits(3)}-${digits(3, "0123456789")}`]);
  const TEMPLATES = [
    (b: string, a: string) => `Please send the refund to ${b}, account ${a}.`,
    (b: string, a: string) => `${b} account number ${a}`,
    (b: string, a: string) => `My account no. is ${a} and the ${b}`,
    (b: string, a: string) => `acct ${a} / ${b}`,
    (b: string, a: string) => `${b}\nAccount no: ${a}`,
  ];
  it("removes the account number and keeps the business reference", () => {
    for (let i = 0; i < 200; i++) {
      const a = digits(pick([6, 7, 8]), "123456789");
      const ref = businessRef();
      const message = `About ${ref}. ${pick(TEMPLATES)(branch(), a)}`;
      expectRedacted({ message, secrets: [a], type: "bank_account", keep: ref.split(" ").at(-1)! });
    }
  });
  it("keeps an account reference with no sort code near it", () => {
    for (const message of ["my account 12345678 is locked", "sort code 12-34-56 and my order 12345678"]) expect(redactText(message).text).toBe(message);
  });
});

describe("more names and places for a secret", () => {
  it("removes a password after 'pass is' when it mixes letters with digits or symbols, and keeps plain words and a pass's number", () => {
    for (let i = 0; i < 60; i++) {
      const p = `${pick(["Summer", "Kj", "blue", "Admin"])}${digits(4)}${pick(["!", "#", ""])}`;
      const ref = businessRef();
      expectRedacted({ message: `About ${ref}: my login is jane.doe and my pass ${pick(["is", "was"])} ${p}`, secrets: [p.replace(/[!#]+$/, "")], type: "password", keep: ref.split(" ").at(-1)! });
    }
    for (const message of ["my pass is valid until May", "my pass is Gold", "my pass was 12345678 and it expired"]) expect(redactText(message).text).toBe(message);
  });
  it("removes a code said to be on the back of a card given just before", () => {
    for (let i = 0; i < 60; i++) {
      const card = withCheck(`4${digits(14, "0123456789")}`, passesLuhn);
      const code = digits(3);
      const ref = businessRef();
      const message = `For ${ref}: the card is ${card} ${pick([`exp 09/${digits(2, "3")} and `, "and ", ", ", "- "])}${code} ${pick(["on the back", "is on the back", "at the back"])}.`;
      expectRedacted({ message, secrets: [code], type: "cvv", keep: ref.split(" ").at(-1)! });
    }
    const kept = "order 12345 has 2 items, 500 on the back of the box";
    expect(redactText(kept).text).toBe(kept);
  });
  it("removes a Canadian SIN and a UK National Insurance number by their short names", () => {
    for (let i = 0; i < 60; i++) {
      const sin = withCheck(digits(8), passesLuhn);
      const grouped = pick([`${sin.slice(0, 3)} ${sin.slice(3, 6)} ${sin.slice(6)}`, `${sin.slice(0, 3)}-${sin.slice(3, 6)}-${sin.slice(6)}`, sin]);
      const ref = businessRef();
      const message = `${ref}, ${pick(["SIN", "my SIN is", "SIN number:", "social insurance number"])} ${grouped}`;
      const { text } = redactText(message);
      // reported as a national ID or, written 3-3-3 like an SSN, as one: either way gone
      expect({ message, text, leaked: text.includes(grouped) || text.includes(sin) }).toEqual({ message, text, leaked: false });
      expect(text).toContain(ref.split(" ").at(-1)!);
    }
    const ni = `${letters(2)} ${digits(2, "0123456789")} ${digits(2, "0123456789")} ${digits(2, "0123456789")} C`;
    expect(redactText(`my NI number is ${ni}`).text).not.toContain(ni.slice(3, 11));
    for (const message of ["sin 2 dias de espera", "Ni number of people matters"]) expect(redactText(message).text).toBe(message);
  });
  it("removes a card written with dots between its groups", () => {
    for (let i = 0; i < 60; i++) {
      const card = withCheck(`4${digits(14, "0123456789")}`, passesLuhn);
      const dotted = `${card.slice(0, 4)}.${card.slice(4, 8)}.${card.slice(8, 12)}.${card.slice(12)}`;
      const ref = businessRef();
      const { text } = redactText(`${ref}: my card is ${dotted}, please check`);
      expect({ dotted, text, leaked: text.includes(dotted) }).toEqual({ dotted, text, leaked: false });
      expect(text).toContain(ref.split(" ").at(-1)!);
    }
    const kept = "version 2024.1101.1234.5678 released";
    expect(redactText(kept).text).toBe(kept);
  });
  it("removes a PIN, a one-time code or a CVV read out digit by digit", () => {
    for (let i = 0; i < 60; i++) {
      const [label, n] = pick([["PIN", 4], ["my pin is", 6], ["OTP", 6], ["the code they sent is", 6], ["CVV", 3]] as const);
      const spaced = digits(n, "0123456789").split("").join(" ");
      const { text } = redactText(`${label} ${spaced}, thanks`);
      expect({ spaced, text, leaked: text.includes(spaced) }).toEqual({ spaced, text, leaked: false });
    }
    const kept = "I have 2 3 4 5 kids";
    expect(redactText(kept).text).toBe(kept);
  });
  it("removes a driving licence number", () => {
    for (let i = 0; i < 60; i++) {
      const id = pick([() => `${letters(1)}${digits(4)}-${digits(5, "0123456789")}-${digits(5, "0123456789")}`, () => digits(9), () => `${letters(5)}${digits(6)}${letters(2)}${digits(1)}${letters(2)}`, () => `${letters(1)}${digits(3)}-${digits(3, "0123456789")}-${digits(2, "0123456789")}-${digits(3, "0123456789")}-${digits(1, "0123456789")}`])();
      const ref = businessRef();
      const message = `${ref}: ${pick(["my driver's license is", "driving licence number", "DL number", "drivers license #"])} ${id}`;
      const { text } = redactText(message);
      expect({ message, text, leaked: text.includes(id) || /\d{4}/.test(text.replace(ref, "")) }).toEqual({ message, text, leaked: false });
      expect(text).toContain(ref.split(" ").at(-1)!);
    }
    for (const message of ["my license number is 12345 for the software", "I have a driver's license from Texas"]) expect(redactText(message).text).toBe(message);
  });
});
