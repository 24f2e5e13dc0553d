// Check-digit and plausibility tests for the numbers the redactor looks at. Pure functions:
// a check digit is what separates a card or an Aadhaar from an order id of the same length.
import isLuhnNumber from "validator/lib/isLuhnNumber";
import isIBAN from "validator/lib/isIBAN";

/** Only the digits of a string ("4111 1111-1111" → "411111111111"). */
export function digitsOf(text: string): string {
  return text.replace(/\D+/g, "");
}

/** Luhn (mod 10): cards, IMEIs and SIM ICCIDs carry it. */
export function passesLuhn(digits: string): boolean {
  return /^\d+$/.test(digits) && isLuhnNumber(digits);
}

// Verhoeff tables (dihedral group D5): Aadhaar's last digit is a Verhoeff check digit.
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 8, 7, 6, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

export function passesVerhoeff(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    c = D[c][P[i % 8][digit]];
  }
  return c === 0;
}

/** A 12-digit Aadhaar never starts with 0 or 1 and ends in a Verhoeff check digit. */
export function isPlausibleAadhaar(digits: string): boolean {
  return /^[2-9]\d{11}$/.test(digits) && passesVerhoeff(digits);
}

/** SSA never issues area 000 or 666, group 00 or serial 0000 (9xx is kept: ITINs look the same and are as private). */
export function isPlausibleSsn(digits: string): boolean {
  const m = /^(\d{3})(\d{2})(\d{4})$/.exec(digits);
  if (!m) return false;
  return m[1] !== "000" && m[1] !== "666" && m[2] !== "00" && m[3] !== "0000";
}

/** Country format and mod-97 checksum, spaces allowed ("DE89 3704 0044 0532 0130 00"). */
export function isValidIban(text: string): boolean {
  return isIBAN(text.replace(/[\s-]+/g, "").toUpperCase());
}
