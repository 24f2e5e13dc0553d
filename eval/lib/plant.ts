// Secrets and business references planted into corpus texts, generated from a seed: each
// class of secret DESIGN.md says is never stored, in several phrasings (other names for a card
// code, passwords "given" in passing, passports in other languages, lists of several people),
// and the references an agent needs, which redaction must leave alone.
import * as pii from "../../bench/lib/pii";
import type { Rng } from "../../bench/lib/rng";

export type SecretClass =
  | "card_number" | "cvv" | "otp" | "password" | "pin" | "aadhaar" | "pan" | "passport" | "imei" | "bank_account" | "iban" | "ssn";
export type Planted<K extends string> = { kind: K; values: string[]; text: string };

const pin = (rng: Rng): string => `${rng.int(1, 9)}${rng.digits(3)}`;
const cid = (rng: Rng): string => `${rng.int(1, 9)}${rng.digits(3)}`;

type Phrasing = (rng: Rng) => { sentence: string; values: string[] };
const one = (make: (v: string) => string, gen: (rng: Rng) => string): Phrasing => (rng) => {
  const v = gen(rng);
  return { sentence: make(v), values: [v] };
};
const two = (make: (a: string, b: string) => string, gen: (rng: Rng) => string): Phrasing => (rng) => {
  const a = gen(rng);
  const b = gen(rng);
  return { sentence: make(a, b), values: [a, b] };
};

export const SECRET_PHRASINGS: Record<SecretClass, Phrasing[]> = {
  card_number: [
    one((v) => `My card is ${v} if you need it.`, pii.cardNumber),
    one((v) => `It was charged to card no: ${v}`, pii.cardNumber),
    one((v) => `paid with ${v} exp 08/29`, pii.cardNumber),
  ],
  cvv: [
    (rng) => { const c = pii.cardNumber(rng); const v = pii.cvv(rng); return { sentence: `Card ${c}, CVV ${v}.`, values: [c, v] }; },
    one((v) => `The CVC on my card is ${v}.`, pii.cvv),
    one((v) => `the 3 digit code on the back of my card is ${v}`, pii.cvv),
    one((v) => `My Amex CID is ${v}.`, cid),
    one((v) => `the 4 digit code on the front of the card: ${v}`, cid),
    one((v) => `security code ${v} on the debit card`, pii.cvv),
  ],
  otp: [
    one((v) => `The OTP I got was ${v} but it says expired.`, pii.otp),
    one((v) => `${v} is the one-time code you texted me.`, pii.otp),
    one((v) => `verification code: ${v}`, pii.otp),
  ],
  password: [
    one((v) => `You can log in to check, my password is ${v}`, pii.password),
    one((v) => `password: ${v}`, pii.password),
    one((v) => `You asked for my password, it's ${v}`, pii.password),
    one((v) => `the admin password ${v} no longer works`, pii.password),
    one((v) => `login is me@example.com / pwd ${v}`, pii.password),
  ],
  pin: [
    one((v) => `My PIN is ${v}.`, pin),
    one((v) => `ATM pin ${v} gets rejected`, pin),
    one((v) => `the card pin: ${v}`, pin),
  ],
  aadhaar: [one((v) => `Aadhaar ${v} was submitted for the KYC.`, pii.aadhaar), one((v) => `my aadhar no is ${v}`, pii.aadhaar)],
  pan: [one((v) => `My PAN is ${v}.`, pii.pan), one((v) => `PAN card ${v} attached`, pii.pan)],
  passport: [
    one((v) => `Passport number ${v} is on the booking.`, pii.passport),
    one((v) => `Mon numéro de passeport est ${v}.`, pii.passport),
    one((v) => `Reisepassnummer: ${v}`, pii.passport),
    one((v) => `número de pasaporte ${v}`, pii.passport),
    two((a, b) => `Passports: mine is ${a} and my wife's is ${b}.`, pii.passport),
  ],
  imei: [one((v) => `The phone's IMEI is ${v}.`, pii.imei), one((v) => `imei no. ${v}`, pii.imei)],
  bank_account: [
    one((v) => `Refund it to account number ${v} please.`, pii.bankAccount),
    one((v) => `a/c no ${v}`, pii.bankAccount),
    two((a, b) => `account numbers: mine ${a} and my husband's ${b}`, pii.bankAccount),
  ],
  iban: [one((v) => `My IBAN is ${v}.`, pii.iban)],
  ssn: [one((v) => `SSN ${v} for the verification.`, pii.ssn), one((v) => `social security number ${v}`, pii.ssn)],
};

export type RefClass = "order" | "invoice" | "pnr" | "booking" | "transaction" | "tracking" | "ticket";
const REF_PHRASINGS: Record<RefClass, Phrasing[]> = {
  order: [one((v) => `Order ${v}.`, pii.orderId), one((v) => `my order number is ${v}`, pii.orderId)],
  invoice: [one((v) => `Invoice ${v}.`, pii.invoiceId)],
  pnr: [one((v) => `PNR ${v}.`, pii.pnr), one((v) => `booking reference ${v}`, pii.pnr)],
  booking: [one((v) => `booking number ${v}`, pii.bookingId)],
  transaction: [one((v) => `UTR ${v}`, pii.utr), one((v) => `transaction id: ${v}`, (r) => `TXN${r.digits(10)}`)],
  tracking: [one((v) => `tracking ${v}`, pii.tracking)],
  ticket: [one((v) => `ticket #${v}`, (r) => r.digits(6))],
};

function plant<K extends string>(text: string, table: Record<K, Phrasing[]>, rng: Rng): Planted<K> {
  const kinds = Object.keys(table) as K[];
  const kind = rng.pick(kinds);
  const { sentence, values } = rng.pick(table[kind])(rng);
  const joined = rng.chance(0.5) ? `${text} ${sentence}` : `${sentence} ${text}`;
  return { kind, values, text: joined };
}

export const plantSecret = (text: string, rng: Rng): Planted<SecretClass> => plant(text, SECRET_PHRASINGS, rng);
export const plantRef = (text: string, rng: Rng): Planted<RefClass> => plant(text, REF_PHRASINGS, rng);

const compact = (s: string): string => s.replace(/[\s-]/g, "");

/** A secret leaked when its value, or its digits run together, is still in the redacted text. */
export function leaked(value: string, redacted: string): boolean {
  if (redacted.includes(value)) return true;
  const c = compact(value);
  return c.length >= 6 && compact(redacted).includes(c);
}
