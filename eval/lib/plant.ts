// Secrets and business references planted into corpus texts, generated from a seed. Each class
// of secret the redactor promises to remove (DESIGN.md: cards, CVVs, OTPs, passwords, PINs,
// Aadhaar, PAN, passports, IMEIs, bank accounts; also IBANs, SSNs and API keys) comes in the
// phrasings customers use: several languages, labels before or after the value, the value
// given in passing ("it's …"), several people's numbers in one list. Values are drawn from
// eval/lib/secret-values.ts. The references an agent needs are planted the same way and must
// survive, as must the numbers that only look like secrets (phones, amounts, "card ending 4242").
import type { Rng } from "../../bench/lib/rng";
import * as v from "./secret-values";

export type SecretClass =
  | "card_number" | "cvv" | "otp" | "password" | "pin" | "aadhaar" | "pan" | "passport" | "imei" | "bank_account" | "iban"
  | "ssn" | "national_id" | "api_key";
export type Planted<K extends string> = { kind: K; values: string[]; text: string };

type Sentence = { sentence: string; values: string[] };
type Phrasing = (rng: Rng) => Sentence;
type Gen = (rng: Rng) => string;

/** Every template with a value from `gen`. */
const each = (gen: Gen, templates: Array<(x: string) => string>): Phrasing[] =>
  templates.map((t) => (rng) => {
    const x = gen(rng);
    return { sentence: t(x), values: [x] };
  });

const OWNERS = ["my wife's", "my husband's", "my son's", "my daughter's", "my mother's", "my partner's", "my father's", "my colleague's"];
const NAMES = ["Anna Kowalski", "Rahul Mehta", "Li Wei", "Maria Garcia", "Tom O'Brien", "Fatima Zahra", "Jonas Becker"];

/** Several people's values of one kind, in the ways a list is written. */
function listed(gen: Gen, label: string): Phrasing {
  return (rng) => {
    const n = rng.int(2, 4);
    const xs = Array.from({ length: n }, () => gen(rng));
    const owners = [...OWNERS].sort(() => rng.next() - 0.5).slice(0, n - 1);
    const names = [...NAMES].sort(() => rng.next() - 0.5).slice(0, n);
    const join = (parts: string[]) => (parts.length === 2 ? parts.join(" and ") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`);
    const style = rng.int(0, 4);
    let sentence: string;
    if (style === 0) sentence = `${label}: mine is ${xs[0]}${xs.slice(1).map((x, i) => `${i === xs.length - 2 ? " and" : ","} ${owners[i]} is ${x}`).join("")}.`;
    else if (style === 1) sentence = `${label} ${xs[0]} (me)${xs.slice(1).map((x, i) => `, ${x} (${owners[i]!.replace(/'s$/, "")})`).join("")}`;
    else if (style === 2) sentence = `${label} for the booking: ${names.map((nm, i) => `${nm} - ${xs[i]}`).join("; ")}`;
    else if (style === 3) sentence = `here are the ${label}s ${join(xs)}`;
    else sentence = `${label} ${xs[0]} for me${xs.slice(1).map((x, i) => ` and ${x} for ${owners[i]!.replace(/'s$/, "")}`).join("")}`;
    return { sentence, values: xs };
  };
}

/** Two or three people's values in a list written in the label's own language ("… y el de mi esposa es …"). */
const ABROAD: { label: string; first: (l: string, x: string) => string; next: string[] }[] = [
  { label: "pasaporte", first: (l, x) => `${l}: el mío es ${x}`, next: ["y el de mi esposa es", "y el de mi hijo es", ", el de mi marido"] },
  { label: "numéro de passeport", first: (l, x) => `${l} : ${x}`, next: ["et celui de ma femme est", "et pour mon fils", ", celui de mon mari :"] },
  { label: "Reisepassnummer", first: (l, x) => `${l}: ${x}`, next: [", meine Frau hat", "und der meines Sohnes lautet", "und für meine Tochter"] },
  { label: "passaporte", first: (l, x) => `${l}: o meu é ${x}`, next: ["e o da minha esposa é", "e para o meu filho", ", o do meu marido é"] },
  { label: "passaporto", first: (l, x) => `${l} ${x}`, next: ["e quello di mia moglie è", "e per mio figlio", ", mio marito ha"] },
];
function listedAbroad(gen: Gen): Phrasing {
  return (rng) => {
    const form = rng.pick(ABROAD);
    const xs = Array.from({ length: rng.int(2, 3) }, () => gen(rng));
    const glue = [...form.next].sort(() => rng.next() - 0.5);
    const sentence = `${form.first(form.label, xs[0]!)}${xs.slice(1).map((x, i) => `${glue[i]!.startsWith(",") ? "" : " "}${glue[i]} ${x}`).join("")}.`;
    return { sentence, values: xs };
  };
}

const cardWithCode = (template: (c: string, code: string, exp: string) => string, brand?: string): Phrasing => (rng) => {
  const c = v.card(rng, brand);
  const code = v.cvv(rng, c.brand);
  return { sentence: template(c.value, code, v.expiry(rng)), values: [c.value, code] };
};
const codeNearCard = (template: (brand: string, code: string) => string, brand?: string): Phrasing => (rng) => {
  const b = brand ?? rng.pick(["Visa", "Mastercard", "Amex", "debit card", "credit card", "card"]);
  const code = v.cvv(rng, b === "Amex" ? "Amex" : "Visa");
  return { sentence: template(b, code), values: [code] };
};
const cardIn = (template: (c: string, brand: string) => string): Phrasing => (rng) => {
  const c = v.card(rng);
  return { sentence: template(c.value, c.brand), values: [c.value] };
};

export const SECRET_PHRASINGS: Record<SecretClass, Phrasing[]> = {
  card_number: [
    cardIn((c) => `My card is ${c} if you need it.`),
    cardIn((c) => `It was charged to card no: ${c}`),
    cardIn((c, b) => `paid with my ${b} ${c} exp 08/29`),
    cardIn((c) => `${c} was charged twice`),
    cardIn((c) => `the card number is ${c}`),
    cardIn((c) => `Número de tarjeta ${c}`),
    cardIn((c) => `ma carte bancaire ${c} a été débitée`),
    cardIn((c) => `Kartennummer: ${c}`),
    cardIn((c) => `can you refund to ${c}?`),
    (rng) => {
      const a = v.card(rng).value;
      const b = v.card(rng).value;
      return { sentence: `I have two cards with you, ${a} and ${b}, both declined`, values: [a, b] };
    },
  ],
  cvv: [
    cardWithCode((c, code) => `Card ${c}, CVV ${code}.`),
    cardWithCode((c, code, exp) => `${c} ${exp} ${code}`),
    cardWithCode((c, code, exp) => `card: ${c} exp: ${exp} cvc: ${code}`),
    cardWithCode((c, code) => `my card ${c} and the security code is ${code}`),
    cardWithCode((c, code, exp) => `number ${c}, expiry ${exp}, code on the back ${code}`),
    codeNearCard((b, code) => `The CVC on my ${b} is ${code}.`),
    codeNearCard((b, code) => `the 3 digit code on the back of my ${b} is ${code}`),
    codeNearCard((_, code) => `My Amex CID is ${code}.`, "Amex"),
    codeNearCard((_, code) => `the 4 digit code on the front of the card: ${code}`, "Amex"),
    codeNearCard((b, code) => `security code ${code} on the ${b}`),
    codeNearCard((b, code) => `${code} is the CVV of my ${b}`),
    codeNearCard((b, code) => `for the ${b} the cvv2 is ${code}`),
    codeNearCard((b, code) => `I typed the three digits on the back of my ${b} (${code}) and it failed`),
    codeNearCard((b, code) => `${b} card verification code: ${code}`),
    codeNearCard((b, code) => `the CSC of my ${b}, ${code}, was rejected`),
    codeNearCard((_, code) => `le cryptogramme de ma carte est ${code}`),
    codeNearCard((_, code) => `código de seguridad de la tarjeta ${code}`),
    codeNearCard((_, code) => `die Prüfnummer meiner Karte ist ${code}`),
  ],
  otp: each(v.otp, [
    (x) => `The OTP I got was ${x} but it says expired.`,
    (x) => `${x} is the one-time code you texted me.`,
    (x) => `verification code: ${x}`,
    (x) => `the code you sent me is ${x}`,
    (x) => `I got the 2FA code ${x} and it still fails`,
    (x) => `SMS code ${x} doesn't work`,
    (x) => `my one time password was ${x}`,
    (x) => `código de verificación: ${x}`,
    (x) => `le code de vérification est ${x}`,
    (x) => `Bestätigungscode ${x} funktioniert nicht`,
    (x) => `login code is ${x}`,
  ]),
  password: each(v.password, [
    (x) => `You can log in to check, my password is ${x}`,
    (x) => `password: ${x}`,
    (x) => `You asked for my password, it's ${x}`,
    (x) => `the admin password ${x} no longer works`,
    (x) => `username jdoe password ${x}`,
    (x) => `I changed my password to ${x} yesterday`,
    (x) => `${x} is my password`,
    (x) => `my new password will be ${x}`,
    (x) => `the password is "${x}"`,
    (x) => `pwd: ${x}`,
    (x) => `login: jdoe@example.com / pass: ${x}`,
    (x) => `I tried logging in with ${x} as the password`,
    (x) => `the password for the dashboard is ${x}`,
    (x) => `passcode ${x}`,
    (x) => `mi contraseña es ${x}`,
    (x) => `mot de passe : ${x}`,
    (x) => `mein Passwort ist ${x}`,
    (x) => `minha senha é ${x}`,
    (x) => `wachtwoord: ${x}`,
  ]),
  pin: each(v.pin, [
    (x) => `My PIN is ${x}.`,
    (x) => `ATM pin ${x} gets rejected`,
    (x) => `the card pin: ${x}`,
    (x) => `pin number ${x}`,
    (x) => `it's ${x}, my PIN`,
    (x) => `I entered ${x} as my PIN`,
    (x) => `my debit card pin ${x} is blocked`,
    (x) => `UPI PIN ${x}`,
    (x) => `PIN? it's ${x}`,
    (x) => `mi PIN es ${x}`,
    (x) => `mon code PIN est ${x}`,
    (x) => `meine PIN ist ${x}`,
  ]),
  aadhaar: [
    ...each(v.aadhaar, [
      (x) => `Aadhaar ${x} was submitted for the KYC.`,
      (x) => `my aadhar no is ${x}`,
      (x) => `UIDAI number ${x}`,
      (x) => `आधार नंबर ${x}`,
      (x) => `KYC docs: ${x}`,
    ]),
    listed(v.aadhaar, "Aadhaar number"),
  ],
  pan: each(v.pan, [(x) => `My PAN is ${x}.`, (x) => `PAN card ${x} attached`, (x) => `pan no. ${x.toLowerCase()}`, (x) => `for the tax form: ${x}`]),
  passport: [
    ...each(v.passport, [
      (x) => `Passport number ${x} is on the booking.`,
      (x) => `Mon numéro de passeport est ${x}.`,
      (x) => `Reisepassnummer: ${x}`,
      (x) => `número de pasaporte ${x}`,
      (x) => `il mio passaporto è ${x}`,
      (x) => `paspoortnummer ${x}`,
      (x) => `numer paszportu ${x}`,
      (x) => `パスポート番号 ${x}`,
      (x) => `passport no. ${x}, expires 2031`,
      (x) => `${x} is my passport number`,
      (x) => `my passport (${x}) was scanned at check-in`,
    ]),
    listed(v.passport, "passport number"),
    listed(v.passport, "passport"),
    listedAbroad(v.passport),
  ],
  imei: each(v.imei, [
    (x) => `The phone's IMEI is ${x}.`,
    (x) => `imei no. ${x}`,
    (x) => `IMEI1: ${x}`,
    (x) => `my handset ${x} is blocked`,
  ]),
  bank_account: [
    ...each(v.bankAccount, [
      (x) => `Refund it to account number ${x} please.`,
      (x) => `a/c no ${x}`,
      (x) => `acct # ${x}`,
      (x) => `my bank account is ${x}`,
      (x) => `número de cuenta ${x}`,
      (x) => `Kontonummer ${x}`,
      (x) => `numéro de compte ${x}`,
    ]),
    listed(v.bankAccount, "account number"),
  ],
  iban: each(v.iban, [
    (x) => `My IBAN is ${x}.`,
    (x) => `please refund to ${x}`,
    (x) => `IBAN: ${x} BIC: COBADEFFXXX`,
    (x) => `send it to ${x.toLowerCase()}`,
    (x) => `mi IBAN es ${x}`,
  ]),
  ssn: each(v.ssn, [
    (x) => `SSN ${x} for the verification.`,
    (x) => `social security number ${x}`,
    (x) => `my SS# is ${x}`,
    (x) => `ssn: ${x}`,
  ]),
  national_id: [
    ...each(v.nationalId, [
      (x) => `my national ID number is ${x}`,
      (x) => `ID card: ${x}`,
      (x) => `DNI ${x}`,
      (x) => `CPF: ${x}`,
      (x) => `National Insurance number ${x}`,
      (x) => `personnummer ${x}`,
      (x) => `codice fiscale ${x}`,
      (x) => `Personalausweisnummer ${x}`,
      (x) => `KYC documents: ${x}`,
    ]),
    listed(v.nationalId, "ID number"),
  ],
  api_key: each(v.apiKey, [
    (x) => `our API key is ${x}`,
    (x) => `api_key=${x}`,
    (x) => `Authorization: Bearer ${x}`,
    (x) => `here is the token: ${x}`,
    (x) => `I rotated the secret key but ${x} still works`,
  ]),
};

export type RefClass =
  | "order" | "invoice" | "pnr" | "booking" | "transaction" | "tracking" | "ticket"
  // not references, but numbers an agent needs that look like secrets: kept, not extracted
  | "phone" | "card_last4" | "amount";
/** Classes that must survive redaction only (they are not business references). */
export const KEEP_ONLY: ReadonlySet<RefClass> = new Set(["phone", "card_last4", "amount"]);

const digitsOf = (rng: Rng, n: number) => `${rng.int(1, 9)}${rng.digits(n - 1)}`;
/** A number of `n` digits that passes Luhn, as a long order or transaction id can. */
function luhnValid(rng: Rng, n: number): string {
  const body = digitsOf(rng, n - 1);
  for (let d = 0; d <= 9; d++) {
    const s = `${body}${d}`;
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      let x = s.charCodeAt(s.length - 1 - i) - 48;
      if (i % 2 === 1) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
      sum += x;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error("unreachable");
}
const LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const letters = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.pick(LETTERS.split(""))).join("");
const pnr = (rng: Rng) => Array.from({ length: 6 }, (_, i) => (i === 0 || rng.chance(0.6) ? rng.pick(LETTERS.split("")) : String(rng.int(2, 9)))).join("");

const REF_PHRASINGS: Record<RefClass, Phrasing[]> = {
  order: [
    ...each((r) => rng3(r, [`#${letters(r, 1)}${r.digits(5)}`, `ORD-${r.digits(5)}`, `${r.digits(3)}-${r.digits(7)}-${r.digits(7)}`]), [
      (x) => `Order ${x}.`,
      (x) => `my order number is ${x}`,
    ]),
    ...each((r) => luhnValid(r, r.pick([13, 15, 16, 19])), [(x) => `order number ${x}`, (x) => `Order #${x} never arrived`, (x) => `pedido ${x}`]),
    ...each((r) => digitsOf(r, r.int(9, 12)), [(x) => `Bestellnummer ${x}`, (x) => `commande ${x}`, (x) => `order no. ${x}`]),
  ],
  invoice: each((r) => rng3(r, [`INV-${r.int(2023, 2026)}-${r.digits(4)}`, `INV${r.digits(8)}`, `${r.int(2023, 2026)}-${r.digits(5)}`]), [
    (x) => `Invoice ${x}.`,
    (x) => `invoice number: ${x}`,
    (x) => `factura ${x}`,
  ]),
  pnr: each(pnr, [(x) => `PNR ${x}.`, (x) => `booking reference ${x}`, (x) => `my PNR is ${x}`]),
  booking: each((r) => (r.chance(0.5) ? digitsOf(r, r.int(8, 10)) : luhnValid(r, 16)), [
    (x) => `booking number ${x}`,
    (x) => `reservation ${x}`,
    (x) => `confirmation number: ${x}`,
  ]),
  transaction: [
    ...each((r) => `${r.int(3, 4)}${r.digits(11)}`, [(x) => `UTR ${x}`, (x) => `RRN: ${x}`]),
    ...each((r) => `TXN${r.digits(10)}`, [(x) => `transaction id: ${x}`]),
    ...each((r) => luhnValid(r, 16), [(x) => `transaction id ${x}`, (x) => `txn ${x} failed`]),
  ],
  tracking: [
    ...each((r) => `1Z${letters(r, 3)}${r.digits(13)}`, [(x) => `tracking ${x}`]),
    ...each((r) => `${letters(r, 2)}${r.digits(9)}${r.pick(["DE", "GB", "IN", "US", "FR"])}`, [(x) => `tracking number ${x}`]),
    ...each((r) => digitsOf(r, r.pick([12, 15, 22])), [(x) => `tracking number: ${x}`, (x) => `AWB ${x}`]),
  ],
  ticket: each((r) => r.digits(6), [(x) => `ticket #${x}`, (x) => `case ${x}`]),
  phone: each((r) => rng3(r, [`+44 7${r.digits(3)} ${r.digits(6)}`, `+91 9${r.digits(4)} ${r.digits(5)}`, `+1 (${r.int(201, 989)}) ${r.digits(3)}-${r.digits(4)}`]), [
    (x) => `call me on ${x}`,
    (x) => `my phone number is ${x}`,
  ]),
  card_last4: each((r) => r.digits(4), [(x) => `the card ending in ${x} was declined`, (x) => `my Visa ending ${x}`]),
  amount: each((r) => `${r.int(1, 99)},${r.digits(3)}.${r.digits(2)}`, [(x) => `I was charged $${x} twice`, (x) => `a refund of ${x} EUR`]),
};

function rng3(rng: Rng, options: string[]): string {
  return rng.pick(options);
}

function plant<K extends string>(text: string, table: Record<K, Phrasing[]>, rng: Rng): Planted<K> {
  const kinds = Object.keys(table) as K[];
  const kind = rng.pick(kinds);
  const { sentence, values } = rng.pick(table[kind])(rng);
  // Before, after or between the text's sentences; as its own sentence or run on without
  // punctuation, as people type.
  const glue = rng.pick([" ", " ", ". ", "\n"]);
  const breaks = [...text.matchAll(/[.!?]\s+(?=\S)/g)].map((m) => m.index + m[0].length);
  const where = rng.int(0, 2);
  let joined: string;
  if (where === 2 && breaks.length > 0) {
    const at = rng.pick(breaks);
    joined = `${text.slice(0, at)}${sentence}${glue.trim() ? glue : " "}${text.slice(at)}`;
  } else {
    joined = where === 0 ? `${text}${glue}${sentence}` : `${sentence}${glue}${text}`;
  }
  return { kind, values, text: joined };
}

export const plantSecret = (text: string, rng: Rng, table: Partial<Record<SecretClass, Phrasing[]>> = SECRET_PHRASINGS): Planted<SecretClass> =>
  plant(text, table as Record<SecretClass, Phrasing[]>, rng);
export const plantRef = (text: string, rng: Rng): Planted<RefClass> => plant(text, REF_PHRASINGS, rng);

const compact = (s: string): string => s.replace(/[\s-]/g, "");

/** A secret leaked when its value, or its characters run together, is still in the redacted text. */
export function leaked(value: string, redacted: string): boolean {
  if (standsAlone(value, redacted)) return true;
  const c = compact(value);
  return c.length >= 6 && compact(redacted).includes(c);
}

/** The value as a whole word: a CVV "042" inside "2042" or an unrelated "4042" is not a leak. */
function standsAlone(value: string, text: string): boolean {
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) {
    const before = text[at - 1] ?? " ";
    const after = text[at + value.length] ?? " ";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}
