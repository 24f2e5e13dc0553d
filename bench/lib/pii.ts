// Generators of PII the redactor must remove (valid check digits, so they are the real thing)
// and of business references it must keep. Used to salt the benchmark corpus.
import { passesLuhn, passesVerhoeff } from "../../src/memory/redact/checks";
import type { Rng } from "./rng";

/** Appends the digit that makes `body` pass `check`. */
export function withCheckDigit(body: string, check: (digits: string) => boolean): string {
  for (let d = 0; d <= 9; d++) if (check(`${body}${d}`)) return `${body}${d}`;
  throw new Error("no check digit");
}

/** `digits` in groups of `sizes` joined by `sep`; what is left over makes one more group. */
export function group(digits: string, sizes: number[], sep: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const s of sizes) {
    parts.push(digits.slice(at, at + s));
    at += s;
  }
  if (at < digits.length) parts.push(digits.slice(at));
  return parts.filter(Boolean).join(sep);
}

export function cardNumber(rng: Rng): string {
  const kind = rng.int(0, 2);
  if (kind === 2) {
    const n = withCheckDigit(`${rng.pick(["34", "37"])}${rng.digits(12)}`, passesLuhn);
    return rng.chance(0.5) ? n : group(n, [4, 6, 5], " ");
  }
  const n = withCheckDigit(`${kind === 0 ? "4" : `5${rng.int(1, 5)}`}${rng.digits(kind === 0 ? 14 : 13)}`, passesLuhn);
  return rng.chance(0.3) ? n : group(n, [4, 4, 4, 4], rng.pick([" ", "-"]));
}

export function imei(rng: Rng): string {
  return withCheckDigit(`35${rng.digits(12)}`, passesLuhn);
}

export function aadhaar(rng: Rng): string {
  const n = withCheckDigit(`${rng.int(2, 9)}${rng.digits(10)}`, passesVerhoeff);
  return rng.chance(0.5) ? group(n, [4, 4, 4], " ") : n;
}

const LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
const letters = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.pick(LETTERS.split(""))).join("");

export function pan(rng: Rng): string {
  return `${letters(rng, 3)}P${letters(rng, 1)}${rng.digits(4)}${letters(rng, 1)}`;
}

export function passport(rng: Rng): string {
  return `${letters(rng, 1)}${rng.int(1, 9)}${rng.digits(6)}`;
}

export function ssn(rng: Rng): string {
  return `${rng.int(100, 665)}-${rng.int(10, 99)}-${rng.int(1000, 9999)}`;
}

/** A German IBAN with correct mod-97 check digits, printed in groups of four. */
export function iban(rng: Rng): string {
  const bban = rng.digits(18);
  // D=13, E=14; "00" stands for the check digits while computing them
  const remainder = BigInt(`${bban}131400`) % 97n;
  const check = String(98n - remainder).padStart(2, "0");
  return group(`DE${check}${bban}`, [4, 4, 4, 4, 4], " ");
}

export function bankAccount(rng: Rng): string {
  return `${rng.int(1, 9)}${rng.digits(rng.int(10, 13))}`;
}

export function otp(rng: Rng): string {
  return `${rng.int(1, 9)}${rng.digits(5)}`;
}

export function cvv(rng: Rng): string {
  return `${rng.int(1, 9)}${rng.digits(2)}`;
}

export function password(rng: Rng): string {
  return `${rng.pick(["Summer", "Mango", "Tiger", "Lisbon", "Rocket", "Coffee", "Blue"])}${rng.int(10, 99)}${rng.pick(["!", "#", "$", "?"])}${rng.pick(["x", "Q", "z", ""])}`;
}

// ---------------------------------------------------------------- references to keep

export const orderId = (rng: Rng) => rng.pick([`#${rng.pick(["A", "B", "K"])}${rng.digits(5)}`, `ORD-${rng.digits(5)}`, `${rng.digits(3)}-${rng.digits(7)}-${rng.digits(7)}`]);
export const invoiceId = (rng: Rng) => `INV-${rng.int(2023, 2026)}-${rng.digits(4)}`;
export const pnr = (rng: Rng) => `${letters(rng, 2)}${rng.int(1, 9)}${letters(rng, 1)}${rng.int(1, 9)}${letters(rng, 1)}`;
export const bookingId = (rng: Rng) => rng.digits(8);
export const utr = (rng: Rng) => `${rng.int(3, 4)}${rng.digits(11)}`;
export const flightNo = (rng: Rng) => `${rng.pick(["BA", "LH", "AI", "EK", "U2", "QR", "TK", "AF"])}${rng.int(10, 1999)}`;
export const tracking = (rng: Rng) => `1Z${letters(rng, 3)}${rng.digits(13)}`;
export const phone = (rng: Rng) => rng.pick([`+44 7${rng.digits(3)} ${rng.digits(6)}`, `+91 9${rng.digits(4)} ${rng.digits(5)}`, `+1 (${rng.int(201, 989)}) ${rng.digits(3)}-${rng.digits(4)}`]);
