// Values of the secrets and references planted into corpus texts, generated from a seed and
// shaped like the real ones: card numbers of every major brand with valid Luhn digits in the
// layouts people type, IBANs of several countries with valid mod-97 check digits, passports in
// national formats, codes and PINs that may start with 0, passwords of every make.
import isIBAN from "validator/lib/isIBAN";
import isLuhnNumber from "validator/lib/isLuhnNumber";
import { passesVerhoeff } from "../../src/memory/redact/checks";
import { group, withCheckDigit } from "../../bench/lib/pii";
import type { Rng } from "../../bench/lib/rng";

const UPPER = "ABCDEFGHIJKLMNPQRSTUVWXYZ";
const ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
const chars = (rng: Rng, set: string, n: number) => Array.from({ length: n }, () => set[rng.int(0, set.length - 1)]).join("");
const upper = (rng: Rng, n: number) => chars(rng, UPPER, n);
/** Digits where the first may be 0 too (codes, PINs, CVVs are any digits). */
const anyDigits = (rng: Rng, n: number) => rng.digits(n);
const nonZero = (rng: Rng, n: number) => `${rng.int(1, 9)}${rng.digits(n - 1)}`;

// ---------------------------------------------------------------- payment cards

type Brand = { name: string; prefixes: string[]; lengths: number[]; groups: (len: number) => number[] };
const FOURS = () => [4, 4, 4, 4, 4];
export const CARD_BRANDS: Brand[] = [
  { name: "Visa", prefixes: ["4"], lengths: [16, 16, 16, 13], groups: FOURS },
  { name: "Mastercard", prefixes: ["51", "52", "53", "54", "55", "2221", "2500", "2720"], lengths: [16], groups: FOURS },
  { name: "Amex", prefixes: ["34", "37"], lengths: [15], groups: () => [4, 6, 5] },
  { name: "Discover", prefixes: ["6011", "644", "65"], lengths: [16], groups: FOURS },
  { name: "JCB", prefixes: ["3528", "3566", "3589"], lengths: [16], groups: FOURS },
  { name: "Diners", prefixes: ["36", "38", "300"], lengths: [14], groups: () => [4, 6, 4] },
  { name: "UnionPay", prefixes: ["62"], lengths: [16, 19], groups: FOURS },
  { name: "Maestro", prefixes: ["6759", "5018", "6304"], lengths: [16, 19], groups: FOURS },
  { name: "RuPay", prefixes: ["60", "652", "81", "82", "508"], lengths: [16], groups: FOURS },
];

export function card(rng: Rng, brandName?: string): { value: string; brand: string } {
  const brand = brandName ? CARD_BRANDS.find((b) => b.name === brandName)! : rng.pick(CARD_BRANDS);
  const prefix = rng.pick(brand.prefixes);
  const length = rng.pick(brand.lengths);
  const digits = withCheckDigit(`${prefix}${rng.digits(length - prefix.length - 1)}`, isLuhnNumber);
  const layout = rng.int(0, 9);
  // Mostly as printed (groups split by spaces), often run together, sometimes with dashes.
  const value = layout < 4 ? group(digits, brand.groups(length), " ") : layout < 7 ? digits : group(digits, brand.groups(length), "-");
  return { value, brand: brand.name };
}

export const cvv = (rng: Rng, brand = "Visa") => anyDigits(rng, brand === "Amex" ? 4 : 3);
export const expiry = (rng: Rng) => rng.pick([`${String(rng.int(1, 12)).padStart(2, "0")}/${rng.int(26, 31)}`, `${String(rng.int(1, 12)).padStart(2, "0")}/20${rng.int(26, 31)}`]);

// ---------------------------------------------------------------- codes, PINs, passwords

export function otp(rng: Rng): string {
  const n = rng.pick([6, 6, 6, 4, 5, 8]);
  const v = anyDigits(rng, n);
  return n === 6 && rng.chance(0.15) ? `${v.slice(0, 3)} ${v.slice(3)}` : v;
}

export const pin = (rng: Rng) => anyDigits(rng, rng.pick([4, 4, 4, 6]));

const WORDS = ["summer", "mango", "tiger", "lisbon", "rocket", "coffee", "purple", "dragon", "sunflower", "maple", "falcon", "winter", "pepper", "biscuit", "harbour", "nebula"];
const SYMBOLS = "!#$%&*?@";
const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
const leet = (w: string) => w.replace(/a/g, "@").replace(/o/g, "0").replace(/e/g, "3").replace(/i/g, "1").replace(/s/g, "$");

/** Passwords as people make them: a word and a year, leetspeak, random strings, passphrases, plain words. */
export function password(rng: Rng): string {
  const w = rng.pick(WORDS);
  switch (rng.int(0, 7)) {
    case 0: return `${cap(w)}${rng.int(1970, 2026)}${rng.pick(SYMBOLS.split(""))}`;
    case 1: return `${leet(w)}${rng.int(1, 99)}`;
    case 2: return `${chars(rng, "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", rng.int(8, 14))}${rng.pick(["", "!", "#", "%"])}`;
    case 3: return [rng.pick(WORDS), rng.pick(WORDS), rng.pick(WORDS)].join(rng.pick(["-", ".", "_"]));
    case 4: return `${w}${rng.int(1, 999)}`;
    case 5: return `${cap(w)}${cap(rng.pick(WORDS))}${rng.int(1, 9)}`;
    case 6: return `${w}${rng.pick(WORDS)}`; // all lowercase letters: only its label says it is a password
    default: return `${rng.pick(SYMBOLS.split(""))}${cap(w)}_${rng.digits(3)}`;
  }
}

// ---------------------------------------------------------------- identity documents

/** Passport numbers in the formats of several countries. */
export function passport(rng: Rng): string {
  switch (rng.int(0, 8)) {
    case 0: return `${upper(rng, 1)}${nonZero(rng, 7)}`; // India: a letter and seven digits
    case 1: return nonZero(rng, 9); // United States, United Kingdom: nine digits
    case 2: return `${chars(rng, "CFGHJK", 1)}${chars(rng, "CFGHJKLMNPRTVWXYZ0123456789", 7)}${rng.digits(1)}`; // Germany
    case 3: return `${rng.digits(2)}${upper(rng, 2)}${rng.digits(5)}`; // France
    case 4: return `${upper(rng, 3)}${rng.digits(6)}`; // Spain
    case 5: return `${upper(rng, 2)}${rng.digits(7)}`; // Italy
    case 6: return `${upper(rng, 2)}${rng.digits(6)}`; // Canada
    case 7: return `E${rng.digits(8)}`; // China
    default: return `${upper(rng, 2)}${chars(rng, ALNUM, 6)}${rng.digits(1)}`; // Netherlands
  }
}

/** National identity numbers: Spanish DNI, Brazilian CPF, UK National Insurance, Swedish personnummer, Dutch BSN, Italian codice fiscale, German ID card. */
export function nationalId(rng: Rng): string {
  switch (rng.int(0, 6)) {
    case 0: return `${rng.digits(8)}${upper(rng, 1)}`;
    case 1: return `${rng.digits(3)}.${rng.digits(3)}.${rng.digits(3)}-${rng.digits(2)}`;
    case 2: return `${upper(rng, 2)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)} ${rng.pick(["A", "B", "C", "D"])}`;
    case 3: return `${rng.digits(6)}-${rng.digits(4)}`;
    case 4: return nonZero(rng, 9);
    case 5: return `${upper(rng, 6)}${rng.digits(2)}${upper(rng, 1)}${rng.digits(2)}${upper(rng, 1)}${rng.digits(3)}${upper(rng, 1)}`;
    default: return `${chars(rng, "LMNPRTVWXYZ", 1)}${chars(rng, "CFGHJKLMNPRTVWXYZ0123456789", 7)}${rng.digits(1)}`;
  }
}

export function aadhaar(rng: Rng): string {
  const n = withCheckDigit(`${rng.int(2, 9)}${rng.digits(10)}`, passesVerhoeff);
  return rng.chance(0.5) ? group(n, [4, 4, 4], rng.pick([" ", " ", "-"])) : n;
}

export const pan = (rng: Rng) => `${upper(rng, 3)}${rng.pick(["P", "C", "H", "F"])}${upper(rng, 1)}${rng.digits(4)}${upper(rng, 1)}`;

export function ssn(rng: Rng): string {
  const a = String(rng.int(1, 665)).padStart(3, "0");
  const b = String(rng.int(1, 99)).padStart(2, "0");
  const c = String(rng.int(1, 9999)).padStart(4, "0");
  return rng.pick([`${a}-${b}-${c}`, `${a}-${b}-${c}`, `${a} ${b} ${c}`, `${a}${b}${c}`]);
}

export function imei(rng: Rng): string {
  const n = withCheckDigit(`${rng.pick(["35", "86", "01", "49"])}${rng.digits(12)}`, isLuhnNumber);
  return rng.pick([n, n, `${n.slice(0, 2)}-${n.slice(2, 8)}-${n.slice(8, 14)}-${n.slice(14)}`, `${n.slice(0, 2)} ${n.slice(2, 8)} ${n.slice(8, 14)} ${n.slice(14)}`]);
}

// ---------------------------------------------------------------- bank accounts

export function bankAccount(rng: Rng): string {
  const n = nonZero(rng, rng.int(9, 16));
  return rng.chance(0.15) ? `${n.slice(0, 3)}-${n.slice(3)}` : n;
}

// BBAN layouts (n digits, a capitals, c capitals or digits), from the IBAN registry.
const IBAN_BBAN: Record<string, Array<[number, "n" | "a" | "c"]>> = {
  DE: [[18, "n"]],
  GB: [[4, "a"], [14, "n"]],
  FR: [[10, "n"], [11, "c"], [2, "n"]],
  ES: [[20, "n"]],
  IT: [[1, "a"], [10, "n"], [12, "c"]],
  NL: [[4, "a"], [10, "n"]],
  BE: [[12, "n"]],
  CH: [[5, "n"], [12, "c"]],
  PL: [[24, "n"]],
  AE: [[19, "n"]],
  IE: [[4, "a"], [14, "n"]],
  AT: [[16, "n"]],
  PT: [[21, "n"]],
};

export function iban(rng: Rng): string {
  const country = rng.pick(Object.keys(IBAN_BBAN));
  const bban = IBAN_BBAN[country]!.map(([n, k]) => (k === "n" ? rng.digits(n) : chars(rng, k === "a" ? UPPER : ALNUM, n))).join("");
  const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = String(98n - (BigInt(numeric) % 97n)).padStart(2, "0");
  const compact = `${country}${check}${bban}`;
  if (!isIBAN(compact)) throw new Error(`generated an invalid IBAN ${compact}`);
  return rng.chance(0.6) ? group(compact, [4, 4, 4, 4, 4, 4, 4, 4], " ") : compact;
}

// ---------------------------------------------------------------- API keys and tokens

/** Keys and tokens in the shapes services issue them (vendor prefix, or a long random string). */
export function apiKey(rng: Rng): string {
  const b62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  switch (rng.int(0, 6)) {
    case 0: return `sk_${rng.pick(["live", "test"])}_${chars(rng, b62, 24)}`;
    case 1: return `ghp_${chars(rng, b62, 36)}`;
    case 2: return `xoxb-${rng.digits(11)}-${rng.digits(12)}-${chars(rng, b62, 24)}`;
    case 3: return `AKIA${chars(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}`;
    case 4: return `AIza${chars(rng, `${b62}_-`, 35)}`;
    case 5: return `eyJhbGciOiJIUzI1NiJ9.eyJ${chars(rng, b62, 30)}.${chars(rng, `${b62}_-`, 43)}`;
    default: return chars(rng, "0123456789abcdef", 32);
  }
}
