// How a labelled value looks and where it may sit: the clean gap and lead-in between a label
// and its value, and the value's shape per kind (digit groups, passports, ID numbers, PAN).
// labelled.ts finds the labels and reads the values with these.
import { DECIMALS, DOTTED_KINDS, digitsIn, pickPrefix, readDigitGroup, type DigitKind } from "./digit-groups";
import { isPlausibleAadhaar, passesLuhn } from "./checks";
import type { PiiType } from "./pii-types";
import { CLOCK_TIME, TIME_AFTER, UNIT_AFTER, YEAR_BEFORE } from "./value-words";
import type { LabelKind } from "./vocabulary";

export const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
/**
 * Chinese, Japanese and Korean put no space between words: a value written right after their
 * letters ("密码是…", "認証コード：226892", "セキュリティコードは168です") is not glued to a word.
 */
export const CJK = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}`;
const CJK_CHAR = new RegExp(`[${CJK}]`, "u");
export const isCjk = (c: string | undefined) => c !== undefined && CJK_CHAR.test(c);
/** A letter a value cannot touch ("x1234", "4821abc"); CJK letters do not count. */
export const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}_]/u.test(c) && !CJK_CHAR.test(c);
const ABBREVIATIONS = /(?<![\p{L}])(?:no|nr|num|acct|acc|a\/c|rs|ref|approx|vs)\./giu;
/** A form puts the value on the line after its label ("Card number:\n4111 …"). */
export const FORM_GAP = /^[\s:=#.-]*$/;
const SENTENCE_BREAK = /[.!?;](?:\s|$)/;
const WORDS = /[\p{L}]+/gu;

/** Everything between a label and its value: same line, same sentence, no earlier redaction. */
export function isCleanGap(gap: string): boolean {
  if (gap.includes("[REDACTED") || (gap.includes("\n") && !FORM_GAP.test(gap))) return false;
  return !SENTENCE_BREAK.test(gap.replace(ABBREVIATIONS, "").replace(PAUSE, " "));
}
/** "PIN? it's 4821", "my PIN... it is 4821", "my OTP? 554433": a pause before the value, not a new sentence. */
const PAUSE = /(?:\?|\.{2,}|…)\s*(?=(?:it|that|which|mine)(?:['’]s|\s+is|\s+was)(?![\p{L}])|$)/giu;

/**
 * The words right before a value (since the label or the previous number): no business word, no
 * currency. When a person is named right before the value, only that last clause counts: in
 * "passport numbers for the booking: Anna - K1234567" the booking names what the list is for;
 * in "card … confirmation number: 98634672" the confirmation number is the value's own label.
 */
/**
 * India's PAN in its own shape at `at` (five letters, the fourth the holder's type: person,
 * company, trust …; four digits; a letter): no reference's, whatever the words between it and
 * its label name ("PAN for the invoice: BQRPK4821M").
 */
export const isSurePan = (text: string, at: number): boolean => /^[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z](?![A-Za-z0-9])/.test(text.slice(at, at + 11));

export function isCleanLead(lead: string, blockers: Set<string>): boolean {
  // A currency sign says amount; a "+" says an international phone number.
  if (/(?:[$₹€£¥]\s*|\+)$/u.test(lead)) return false;
  const last = lead.slice(lastIndexAfter(lead, COLON));
  const clause = /\p{L}/u.test(last) ? last : lead;
  for (const w of clause.toLowerCase().match(WORDS) ?? []) if (blockers.has(w)) return false;
  return true;
}

const COLON = /[:;]\s/g;
const CLAUSE_BREAK = /[:;]\s|\s[-–—]\s/g;
export const lastClauseStart = (lead: string) => lastIndexAfter(lead, CLAUSE_BREAK);
function lastIndexAfter(lead: string, re: RegExp): number {
  let at = 0;
  for (const m of lead.matchAll(re)) at = m.index + m[0].length;
  return at;
}

export function valueType(kind: DigitKind, digits: number): PiiType {
  if (kind === "security_code") return digits <= 4 ? "cvv" : "otp";
  if (kind === "pin_code") return "pin";
  if (kind === "sort_code_account") return "bank_account";
  return kind;
}

export type ValueKind = Exclude<LabelKind, "password" | "passcode">;
export type TokenKind = Exclude<ValueKind, DigitKind>;
export const TOKEN_SHAPES: Record<TokenKind, RegExp> = {
  pan: new RegExp(String.raw`[A-Za-z]{5}\s?\d{4}\s?[A-Za-z](?!(?![${CJK}])[\p{L}\p{N}_])`, "uy"),
  // ID cards and national numbers: digits in groups (CPF 123.456.789-09, 850709-9805, 2345 6789 0124)
  // or a token of capitals and digits (12345678Z, L01X00T47).
  // Some open with a letter series ("QQ 12 34 56 C", the UK National Insurance number).
  // (China's resident ID has 18 characters, Mexico's CURP 18)
  id_document: new RegExp(String.raw`(?:\d{17}[\dXx]|(?:[A-Z]{1,3}[ -]?)?\d{2,8}(?:[ .\/-]\d{1,12}){0,4}(?:[ -]?[A-Za-z])?|[A-Za-z0-9]{6,18})(?!(?![${CJK}])[\p{L}\p{N}_])`, "uy"),
  // National formats run from 6 to 9 characters, mostly digits (K1234567, 123456789, C01X00T47);
  // some are a series and a number ("4510 123456").
  passport: new RegExp(String.raw`(?:\d{2}\s?\d{2}\s\d{6}|\d{3}\s\d{3}\s\d{3}|[A-Za-z0-9]{6,9})(?!(?![${CJK}])[\p{L}\p{N}_])`, "uy"),
};

export const isTokenKind = (kind: ValueKind): kind is TokenKind => kind in TOKEN_SHAPES;

export function readValue(text: string, at: number, kind: ValueKind, lead: string): number | null {
  if (isTokenKind(kind)) {
    const end = readToken(text, at, TOKEN_SHAPES[kind]);
    if (end === null) return null;
    const token = text.slice(at, end);
    if (kind === "passport" && !isPassportLike(token)) return null;
    if (kind === "id_document" && !isIdNumberLike(token)) return null;
    return end;
  }
  // "PIN-1234" and "code is G-482913" are fine; "ORD-44821" and "x1234" are another token.
  if (isLetter(text[at - 1]) || /(?:^|[^\p{L}])\p{L}{2,}[-/]$/u.test(lead)) return null;
  return readDigitValue(text, at, kind, lead);
}

export function readToken(text: string, at: number, shape: RegExp): number | null {
  shape.lastIndex = at;
  const m = shape.exec(text);
  return m ? at + m[0].length : null;
}

export const countDigits = (s: string) => s.replace(/\D/g, "").length;

/**
 * Passport numbers are printed in capitals and digits (K1234567, C01X00T47, 12AB34567, PAA123456);
 * after a passport label, such a token with two digits or more is one. A lowercase token needs
 * five digits, so "passport for trip2024" stays.
 */
export function isPassportLike(token: string): boolean {
  const digits = countDigits(token);
  if (digits >= 5) return true;
  return !/[a-z]/.test(token) && (digits >= 2 || (digits === 1 && token.length >= 8));
}

/**
 * An identity number has six characters or more; digits alone need five or more, and a date
 * ("12.03.2024", "2019-05-04") or a year is not one.
 */
export function isIdNumberLike(token: string): boolean {
  const compact = token.replace(/[\s.-]/g, "");
  if (compact.length < 6 || DATE_LIKE.test(token.trim())) return false;
  // a slash only inside a long number (Brazil's CNPJ 85.761.184/0001-65), not a tax year's "2024/25"
  if (token.includes("/") && countDigits(token) < 10) return false;
  return /^\d+$/.test(compact) ? compact.length >= 5 : isPassportLike(compact);
}
const DATE_LIKE = /^\d{1,4}[./ -]\d{1,2}[./ -]\d{1,4}$/;

/** The type a labelled token is reported as: an ID-document label names the document by its shape. */
export function typeOf(kind: ValueKind, value: string): PiiType {
  if (!isTokenKind(kind)) return valueType(kind, countDigits(value));
  if (kind !== "id_document") return kind;
  const compact = value.replace(/[\s.\/-]/g, "");
  if (isPlausibleAadhaar(compact)) return "aadhaar";
  if (/^[A-Za-z]{5}\d{4}[A-Za-z]$/.test(compact)) return "pan";
  return "national_id";
}

/** End of the labelled number starting at `at`, or null when it is not this kind's value. */
export function readDigitValue(text: string, at: number, kind: DigitKind, textBefore: string): number | null {
  const group = (DOTTED_KINDS.has(kind) ? readDigitGroup(text, at, true) : null) ?? readDigitGroup(text, at);
  if (!group) return null;
  const k = pickPrefix(text, group, kind, passesLuhn);
  if (k === 0) return null;
  const end = group.chunks[k - 1].end;
  const next = text.slice(end, end + 12);
  if (isLetter(next[0]) || DECIMALS.test(next)) return null;
  const digits = digitsIn(text, group.chunks.slice(0, k));
  if (digits.length <= 8) {
    // A quantity or a year next to a short label: "PIN blocked after 2025 attempts", "OTP since 2024".
    if (UNIT_AFTER.test(next) || (TIME_AFTER.test(next) && CLOCK_TIME.test(digits))) return null;
    if (/^(?:19|20)\d\d$/.test(digits) && YEAR_BEFORE.test(textBefore)) return null;
  }
  return end;
}

// "I think the RFC on file is wrong, the correct one is VERC971216BP5": the label's value named
// later in its sentence as the correct, new or right one; or, after its sentence said it is wrong,
// what the next says it should be ("the passport number on the booking is wrong. It should be …").
const CORRECTED =
  /[^.!?\n]{0,60}?\b(?:the\s+)?(?:correct|right|new|updated|actual|real)\s+(?:one|number|no\.?)\s+(?:is|=|:)\s+|[^.!?\n]{0,60}?\b(?:is|was|are)\s+(?:wrong|incorrect|outdated|misspelt|misspelled)[.!]?\s+(?:it\s+|that\s+)?should\s+(?:be|read|say)\s*:?\s+/iy;

/** Where the value named as the correct one after a label starts, or null. */
export function correctedValueAt(text: string, labelEnd: number): number | null {
  CORRECTED.lastIndex = labelEnd;
  return CORRECTED.exec(text) ? CORRECTED.lastIndex : null;
}
