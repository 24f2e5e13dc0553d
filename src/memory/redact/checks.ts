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

/**
 * Singapore's NRIC and FIN ("S1234567D"): a series letter, seven digits and a check letter from
 * the digits' weighted sum (the M series, issued since 2022, is read by its label only).
 */
export function isValidNric(value: string): boolean {
  const m = /^([STFG])(\d{7})([A-Z])$/.exec(value.toUpperCase());
  if (!m) return false;
  const weights = [2, 7, 6, 5, 4, 3, 2];
  let sum = m[1] === "T" || m[1] === "G" ? 4 : 0;
  for (let i = 0; i < 7; i++) sum += (m[2]!.charCodeAt(i) - 48) * weights[i]!;
  const letters = m[1] === "S" || m[1] === "T" ? "JZIHGFEDCBA" : "XWUTRQPNMLK";
  return letters[sum % 11] === m[3];
}

/**
 * France's social security number (NIR, "1 84 12 76 451 089 46"): sex, year, month, department
 * (2A and 2B for Corsica), commune, order, then a key of 97 − (the 13 digits mod 97).
 */
export function isValidNir(value: string): boolean {
  const compact = value.replace(/\s+/g, "").toUpperCase();
  const m = /^([1-478]\d{4})(\d{2}|2A|2B)(\d{6})(\d{2})$/.exec(compact);
  if (!m) return false;
  const department = m[2] === "2A" ? "19" : m[2] === "2B" ? "18" : m[2]!;
  const month = Number(compact.slice(3, 5));
  if (month < 1 || (month > 12 && month < 20)) return false;
  const body = BigInt(m[1]! + department + m[3]!);
  return Number(97n - (body % 97n)) === Number(m[4]);
}

/** China's resident ID: region, birth date, sequence and an ISO 7064 MOD 11-2 check character. */
export function isValidChinaId(value: string): boolean {
  if (!/^\d{17}[\dX]$/i.test(value) || !isDate(value.slice(6, 10), value.slice(10, 12), value.slice(12, 14))) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * weights[i]!;
  return "10X98765432"[sum % 11] === value[17]!.toUpperCase();
}

/** South Korea's resident registration number (YYMMDD-SNNNNNC): a birth date and its check digit. */
export function isValidRrn(value: string): boolean {
  const d = value.replace("-", "");
  if (!/^\d{13}$/.test(d) || !isDate(`19${d.slice(0, 2)}`, d.slice(2, 4), d.slice(4, 6))) return false;
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(d[i]) * weights[i]!;
  return (11 - (sum % 11)) % 10 === Number(d[12]);
}

/** Finland's personal identity code (DDMMYY, a century sign, a number, a check character mod 31). */
export function isValidHetu(value: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})[-+AaBCDEFYXWVU](\d{3})([0-9A-Ya-y])$/.exec(value);
  if (!m || !isDate(`19${m[3]}`, m[2]!, m[1]!)) return false;
  return "0123456789ABCDEFHJKLMNPRSTUVWXY"[Number(`${m[1]}${m[2]}${m[3]}${m[4]}`) % 31] === m[5]!.toUpperCase();
}

function isDate(year: string, month: string, day: string): boolean {
  const [y, mo, d] = [Number(year), Number(month), Number(day)];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
