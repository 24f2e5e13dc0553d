// The redaction classes closed for real support text, each as a class: card security codes by
// any name near a card, passwords and PINs in any phrasing, passport numbers in other languages
// or listed for several people, and every identifier of a list. Messages are generated from a
// seed (phrasings × values × business references); the invariant is that no secret survives and
// every business reference does.
import { redactText } from "../../../src/memory/redact";
import { passesLuhn, passesVerhoeff } from "../../../src/memory/redact/checks";
import { businessRef, digits, expectRedacted, letters, next, pick, withCheck } from "./redact-seeded";

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

  it("removes a code named plainly right after a card number, but not another kind of code", () => {
    for (let i = 0; i < 120; i++) {
      const card = withCheck(`4${digits(14, "0123456789")}`, passesLuhn).replace(/(\d{4})(?=\d)/g, pick(["$1 ", "$1-", "$1"]));
      const v = digits(pick([3, 4]));
      const ref = businessRef();
      const message = pick([
        `For ${ref}: my card number is ${card} and the code is ${v}`,
        `${ref}, card ${card}, code: ${v}`,
        `Pay ${ref} with ${card}, its code ${v}.`,
      ]);
      expectRedacted({ message, secrets: [v], type: "cvv", keep: ref.split(" ").at(-1)! });
      expect(redactText(message).text).not.toContain(card);
    }
    for (const tail of ["was declined with error code 051", "and promo code 902", "; my zip code is 1000", "and my order code is 4411"]) {
      expect(redactText(`card 4539148803436467 ${tail}`).text).toBe(`card [REDACTED:card_number] ${tail}`);
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
    // each number after the traveller's name, with nothing between them
    (l: string, [a, b, c]: string[]) => `${PLURAL[l] ?? l}: Anna ${a}, Tom Kowalski ${b} and Mia ${c}`,
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
  // The list in the label's own language: "… y el de mi esposa es …", "…, meine Frau hat …".
  const OTHER_LISTS: [string, (a: string, b: string) => string][] = [
    ["pasaporte", (a, b) => `pasaporte: ${a} y el de mi ${pick(["esposa", "marido", "hijo"])} es ${b}`],
    ["pasaporte", (a, b) => `pasaporte ${a}, y para mi ${pick(["hija", "madre"])} ${b}`],
    ["passeport", (a, b) => `numéro de passeport : ${a} et celui de ${pick(["ma femme", "mon fils", "mon mari"])} est ${b}`],
    ["passeport", (a, b) => `passeport ${a}, et pour ${pick(["mon fils", "ma fille"])} ${b}`],
    ["Reisepass", (a, b) => `Reisepass: ${a}, ${pick(["meine Frau", "mein Mann", "mein Sohn"])} hat ${b}`],
    ["Reisepass", (a, b) => `Reisepass ${a} und der ${pick(["meiner Frau", "meines Mannes"])} ${pick(["ist", "lautet"])} ${b}`],
    ["passaporte", (a, b) => `passaporte: ${a} e o da minha ${pick(["esposa", "filha"])} é ${b}`],
    ["passaporte", (a, b) => `passaporte: o meu é ${a} e para o meu ${pick(["filho", "marido"])} ${b}`],
    ["passaporto", (a, b) => `passaporto ${a} e quello di ${pick(["mia moglie", "mio figlio"])} ${b}`],
  ];
  it("removes every passport number of a list written in the label's language", () => {
    for (let i = 0; i < 200; i++) {
      const [a, b] = [passport(), passport()];
      const ref = businessRef();
      const [, write] = pick(OTHER_LISTS);
      expectRedacted({ message: `${ref} — ${write(a, b)}.`, secrets: [a, b], type: "passport", keep: ref.split(" ").at(-1)! });
    }
  });
  it("does not take the business reference after a passport for another one", () => {
    expect(redactText("pasaporte X1234567 y reserva ABC12345").text).toBe("pasaporte [REDACTED:passport] y reserva ABC12345");
    expect(redactText("Reisepass C01X00T47 und Buchung 12345678").text).toBe("Reisepass [REDACTED:passport] und Buchung 12345678");
    expect(redactText("passport: K1234567, Tom will send his later").text).toBe("passport: [REDACTED:passport], Tom will send his later");
  });
  it("reads the German 'Pass-Nr.' as a passport's label, not a password's", () => {
    expect(redactText("Pass-Nr. C4J6R9TXL").text).toBe("Pass-Nr. [REDACTED:passport]");
    expect(redactText("pass-nr: C4J6R9TXL, Flug LH400").text).toBe("pass-nr: [REDACTED:passport], Flug LH400");
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
  it("removes a personal tax number by its national names (TFN, ITIN, Steuer-ID), and keeps a company's tax id", () => {
    for (let i = 0; i < 60; i++) {
      const v = pick([`${digits(3)} ${digits(3, "0123456789")} ${digits(3, "0123456789")}`, digits(9), `${digits(2)} ${digits(3, "0123456789")} ${digits(3, "0123456789")} ${digits(3, "0123456789")}`]);
      const ref = businessRef();
      const label = pick(["Tax file number", "my TFN is", "TFN:", "Steuer-ID", "meine Steuer-ID:", "Steueridentifikationsnummer"]);
      expectRedacted({ message: `Re ${ref}: ${label} ${v}`, secrets: [v], type: "national_id", keep: ref.split(" ").at(-1)! });
    }
    for (const message of ["our tax id is GB123456789 for the invoice", "the tax file number was lodged last year"]) expect(redactText(message).text).toBe(message);
  });
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
