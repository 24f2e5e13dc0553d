// Secrets recognisable without a label, by shape and check digit: card numbers (Luhn; also with
// odd separators, wrapped, or in two halves said to be one), IMEIs (Luhn, next to a device word),
// Aadhaar written 4-4-4 (Verhoeff), PAN, IBAN (mod 97; also dashed, dotted or wrapped), SSN
// written 3-2-4, NRIC/FIN and NIR (check characters), codice fiscale and National Insurance
// numbers (shape), a passport's MRZ, and a CVV, PIN or OTP glued to its label ("cvv737") or
// pasted from its text message. A business word right before the number ("order", "UTR") keeps it.
import { CHUNK_SEPARATOR, DECIMALS, digitsIn, lineBefore, type Chunk } from "./digit-groups";
import { CJK } from "./label-values";
import { digitsOf, isPlausibleAadhaar, isPlausibleSsn, isValidChinaId, isValidHetu, isValidIban, isValidNir, isValidNric, isValidRrn, passesLuhn } from "./checks";
import { PRIORITY, type Candidate } from "./pii-types";
import { BUSINESS_BEFORE, CARD_NETWORK_START, DEVICE_BEFORE, NAMES_A_CARD, PAYMENT_TALK, SPEAKER_ROLE, UNLIKE_A_CARD } from "./context-words";
import { matchesOf, quickTest } from "../pair-guard";
import { labelledIbanEnd, longestValidIban } from "./ibans";

export function findPatternValues(text: string): Candidate[] {
  const found: Candidate[] = [];
  findInDigitGroups(text, found);
  const digitRun = quickTest(DIGIT_RUN, text);
  if (digitRun && quickTest(ODD_CARD_HINT, text)) findOddlySeparatedCards(text, found);
  if (digitRun && quickTest(SPLIT_SAID, text)) findSplitCards(text, found);
  if (digitRun) {
    for (const m of text.matchAll(DOTTED_CARD)) {
      if (passesLuhn(m[0].replace(/\./g, "")) && !isBusinessRef(text, m.index)) found.push(at(m.index, m[0].length, "card_number"));
    }
  }
  // Codes glued to their label or pasted from a text message need a run of digits, which most
  // messages do not have: the costlier expressions are not run on them.
  if (digitRun) findShortCodes(text, found);
  for (const m of text.matchAll(PAN)) {
    if (!isBusinessRef(text, m.index)) found.push(at(m.index, m[0].length, "pan"));
  }
  for (const m of matchesOf(SSN, text)) {
    if (isPlausibleSsn(m[0].replace(/-/g, "")) && !isBusinessRef(text, m.index)) found.push(at(m.index, m[0].length, "ssn"));
  }
  // Identity numbers by their shape: codice fiscale, UK National Insurance, a Singapore NRIC or
  // FIN by its check letter, a French social security number as printed on the card, in its
  // groups, or run together where the message names it (a 15-digit run alone may be an order's).
  // All need a run of digits, which most messages do not have.
  if (digitRun) {
    for (const re of [CODICE_FISCALE, NINO, CURP]) for (const m of text.matchAll(re)) if (!isBusinessRef(text, m.index)) found.push(at(m.index, m[0].length, "national_id"));
    // China's resident ID, Korea's RRN and Finland's HETU by their birth dates and check characters
    if (quickTest(CHECKED_ID_HINT, text)) for (const [re, valid] of CHECKED_IDS) for (const m of text.matchAll(re)) if (valid(m[0]) && !isBusinessRef(text, m.index)) found.push({ ...at(m.index, m[0].length, "national_id"), priority: PRIORITY.pattern + 1 });
    if (quickTest(SEVEN_DIGITS, text)) for (const m of text.matchAll(NRIC)) {
      if (isValidNric(m[0]) && !isBusinessRef(text, m.index)) found.push(at(m.index, m[0].length, "national_id"));
    }
    if (quickTest(NIR_GROUPS, text) || (quickTest(NIR_COMPACT, text) && quickTest(NIR_LABEL, text))) for (const m of text.matchAll(NIR)) {
      const grouped = /\s/.test(m[0]);
      // its structure, key and label say more than a card's Luhn digit, which 1 in 10 NIRs pass
      if (isValidNir(m[0]) && (grouped || quickTest(NIR_LABEL, text)) && !isBusinessRef(text, m.index)) found.push({ ...at(m.index, m[0].length, "national_id"), priority: PRIORITY.pattern + 1 });
    }
  }
  // an IBAN typed with dashes or dots, or wrapped onto the next line: only where its check digits hold
  if (quickTest(IBAN_WORD, text) || quickTest(IBAN_ODD_START, text)) {
    for (const m of text.matchAll(IBAN_ODD)) {
      // the run may have taken a word or a line after it ("… 8501-16 pls", "…\nBIC: …"): the longest valid start of it
      const ends = [...m[0].matchAll(/[A-Za-z0-9]+/g)].map((g) => g.index + g[0].length).filter((e) => e >= 15);
      const end = ends.reverse().find((e) => isValidIban(m[0].slice(0, e).replace(/[\s.-]+/g, "")));
      if (end !== undefined) found.push(at(m.index, end, "iban"));
    }
  }
  // a passport's machine-readable zone: the second line holds its number, birth date and expiry
  if (text.includes("<<")) for (const m of text.matchAll(MRZ)) found.push(at(m.index + m[0].length - m[1]!.length, m[1]!.length, "passport"));
  // A reference just before ("ref MY787967 to my iban is GB82 …") can open a run that holds no
  // IBAN: the search goes on from the next position rather than after the run.
  IBAN_LIKE.lastIndex = 0;
  for (let m = IBAN_LIKE.exec(text); m; m = IBAN_LIKE.exec(text)) {
    const end = longestValidIban(text, m.index, m.index + m[0].length) ?? labelledIbanEnd(text, m.index, m[0]);
    if (end !== null) found.push({ start: m.index, end, type: "iban", priority: PRIORITY.pattern });
    IBAN_LIKE.lastIndex = end ?? m.index + 1;
  }
  return found;
}

const DIGIT_RUN = /\d{3}/;

/** A CVV, PIN or OTP glued to its label ("cvv737"), a code pasted from its text message ("229318 is your Instagram code"). */
function findShortCodes(text: string, found: Candidate[]): void {
  for (const m of matchesOf(GLUED_CODE, text)) {
    const label = m[1]!.toLowerCase();
    const type = label.startsWith("pin") ? "pin" : label === "otp" ? "otp" : "cvv";
    const length = m[2]!.length;
    if (type === "cvv" ? length <= 4 : type === "pin" ? length === 4 || length === 6 : length >= 4) found.push(at(m.index + m[1]!.length, length, type));
  }
  for (const m of matchesOf(PASTED_CODE, text)) {
    const code = m[1] ?? m[2] ?? m[3] ?? m[4]!;
    found.push(at(m.index + m[0].indexOf(code), code.length, "otp"));
  }
  if (text.includes("sms") || text.includes("SMS") || text.includes("text")) for (const m of text.matchAll(RECEIVED_BY_TEXT)) found.push(at(m.index + m[0].indexOf(m[1]!), m[1]!.length, "otp"));
}

// A card written with dots between its groups ("4111.1111.1111.1111", Amex "3782.822463.10005"),
// which the digit groups (spaces and dashes) do not read.
const DOTTED_CARD = /(?<![\p{L}\p{N}_.])(?:\d{4}\.\d{4}\.\d{4}\.\d{4}(?:\d{1,3})?|\d{4}\.\d{6}\.\d{5})(?![\p{N}_]|\.\d)/gu;
const at = (start: number, length: number, type: Candidate["type"]): Candidate => ({ start, end: start + length, type, priority: PRIORITY.pattern });

const PASTED_CODE =
  /\b(\d{4,8}) is (?:your|the|my) (?:\S+ ){0,3}?(?:code|otp|pin|passcode)\b|\buse (\d{4,8}) to (?:verify|log ?in|sign ?in|confirm|complete|reset|access|authenticate)\b|\bG-(\d{6})\b|\byour (?:\S+ ){0,3}?(?:code|otp|passcode) (?:is|:)?\s*\[?(\d{4,8})\b/gi;
/** "I received 716254 by SMS": only where a text message is named. */
const RECEIVED_BY_TEXT = /\b(?:received|got) (\d{4,8}) (?:by|via|in (?:an?|the)) (?:sms|text)\b/gi;

// A code glued to its label, as typed in a hurry ("… exp1128 cvv737", "pin4821", "OTP482913").
const GLUED_CODE = /(?<![\p{L}\p{N}_])(cvv2?|cvc2?|csc|otp|pin)(\d{3,8})(?![\p{L}\p{N}_])/giu;

const IBAN_WORD = /iban/i;
const IBAN_ODD_START = /[A-Z]{2}\d{2}[-.][A-Z\d]/;
const IBAN_ODD = /(?<![\p{L}\p{N}_])[A-Za-z]{2}\d{2}(?:(?:[-.]|[ \u00a0]*\r?\n[ \u00a0]*|[ \u00a0])[A-Za-z0-9]{1,4}){3,8}(?![\p{L}\p{N}_])/gu;
const AMAZON_ORDER = /^\d{3}-\d{7}-\d{7}$/;
const MRZ = /P[A-Z<][A-Z<]{3}[A-Z<]{30,39}[ \t]*\r?\n[ \t]*([A-Z0-9<]{9}[0-9<][A-Z<]{3}[0-9<]{7}[MFX<][0-9<]{7}[A-Z0-9<]{10,16})/g;
const SEVEN_DIGITS = /\d{7}/;
const NRIC = /(?<![A-Za-z0-9_])[STFGstfg]\d{7}[A-Za-z](?![A-Za-z0-9_])/g;
// Italy's codice fiscale (surname, name, birth year, month letter, day, place, check letter) and
// the UK's National Insurance number (two letters, six digits, A–D): shapes nothing else has
// Mexico's CURP: four letters, the birth date, sex, state, three consonants, a check pair
const CURP = /(?<![A-Za-z0-9_])[A-Z]{4}\d{6}[HMX][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[A-Z\d]\d(?![A-Za-z0-9_])/g;
/** Seventeen digits in a row, or six then a sign and three: most messages have neither. */
const CHECKED_ID_HINT = /\d{17}|\d{6}[-+A]\d{3}/;
const CHECKED_IDS: [RegExp, (v: string) => boolean][] = [
  [/(?<![\p{L}\p{N}_-])\d{17}[\dXx](?![\p{L}\p{N}_])/gu, isValidChinaId],
  [/(?<![\p{N}_-])\d{6}-\d{7}(?![\p{N}_])/gu, isValidRrn],
  [/(?<![\p{L}\p{N}_-])\d{6}[-+A]\d{3}[0-9A-Y](?![\p{L}\p{N}_])/gu, isValidHetu],
];
const CODICE_FISCALE = /(?<![A-Za-z0-9_])[A-Z]{3} ?[A-Z]{3} ?\d{2}[ABCDEHLMPRST]\d{2} ?[A-Z]\d{3}[A-Z](?![A-Za-z0-9_])/g;
const NINO = /(?<![A-Za-z0-9_])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9_])/g;
const NIR = /(?<![A-Za-z0-9_])[1-478] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}(?![A-Za-z0-9_])/g;
const NIR_COMPACT = /\d{5}(?:\d{2}|2[AB])\d{6}/;
const NIR_GROUPS = /\d \d{2} \d{2} /;
const NIR_LABEL = /s[ée]cu|\bnir\b|insee|vitale/i;

// Uppercase only: lowercase "abcde1234f" is too often something else; a labelled PAN is caught in labelled.ts.
const PAN = /(?<![\p{L}\p{N}_])[A-Z]{5}\d{4}[A-Z](?![\p{L}\p{N}_])/gu;
const SSN = /(?<![\p{L}\p{N}_-])\d{3}-\d{2}-\d{4}(?![\p{L}\p{N}_]|-\d)/gu;
// Country code, check digits, then 11–30 characters in optional groups of four. Any case:
// the country format and the mod-97 check make a false match unlikely.
const IBAN_LIKE = /(?<![\p{L}\p{N}_])[A-Za-z]{2}\d{2}(?:[ \u00a0]?[A-Za-z0-9]){11,30}/gu;


function isBusinessRef(text: string, start: number): boolean {
  const before = lineBefore(text, start, 40);
  // "[10:15] Customer: 4164 8289 1590 4815": who speaks on a chat line, not a customer number;
  // "… with receipt. 3587 5511 5771 211": a sentence that ended on the word, not its abbreviation
  return BUSINESS_BEFORE.test(before) && !SPEAKER_ROLE.test(before) && !SENTENCE_ENDED.test(before);
}
/** A whole word (six letters or more, not a number's abbreviation as "Bestellnr.") and a full stop, then the number. */
const SENTENCE_ENDED = /\p{L}{6,}(?<!nr|no|num|nro|nbr|ref)[.!?]\s+$/iu;

// ------------------------------------------------------------------ digit groups

// Not glued to a word, a phone's "+", a date's "/" or a reference's "-". Between chunks one
// separator as people type them: a space (or two), a dash, a dash with spaces ("4273 - 3303").
// Chinese, Japanese and Korean put no space between words: a number right after their letters
// ("卡号是6011 …", "カード番号は3728 …") stands alone as much as one after a space.
const GROUPS = new RegExp(String.raw`(?<!(?![${CJK}])[\p{L}\p{N}_+/\u2026-])\d+(?:${CHUNK_SEPARATOR}\d+)*`, "gu");
const GLUED_AFTER = new RegExp(String.raw`^(?![${CJK}])[\p{L}_]`, "u");
const CHUNK = /\d+/g;
/** "… 12/27", "…, exp 08/2029": what follows a card and nothing else. */
const EXPIRY_AFTER = /^[\s,;]*(?:exp(?:iry|ires)?\.?:?\s*)?(?:0?[1-9]|1[0-2])\s*\/\s*(?:20)?\d{2}(?!\d)/i;

/** Four digits then one of the separators only findOddlySeparatedCards reads: most messages have none. */
const ODD_CARD_HINT = /\d{4}[ \u00a0]?[/_.\n][ \u00a0]*\d{4}/;
/**
 * A card typed with other separators ("4224_7096_3207_2524", "3533/2254/3263/1581", "5271-3226
 * 9068.9053") or wrapped by an email client ("… 4746 6974\n8320 3976"): four blocks of four (or
 * Amex's 4-6-5, or two halves either side of a line break: "45562503\n03650676"), Luhn-valid, opening as a card network's.
 */
const ODD_SEPARATOR = String.raw`(?:[ \u00a0]?[/_.][ \u00a0]?|[ \u00a0]*\r?\n[ \u00a0]*|[ \u00a0]{1,2}|[ \u00a0]?-[ \u00a0]?)`;
const ODD_CARD = new RegExp(
  String.raw`(?<![\p{L}\p{N}_/.-])(?:\d{4}(?:${ODD_SEPARATOR}\d{4}){2,3}(?:${ODD_SEPARATOR}?\d{1,3})?|\d{4}${ODD_SEPARATOR}\d{6}${ODD_SEPARATOR}\d{4,5}|\d{8}[ \u00a0]*\r?\n[ \u00a0]*\d{5,11})(?![\p{N}_]|[/.]\d)`,
  "gu",
);
/**
 * Also the cards of other lengths (a 13-digit Visa "4368.6919.5517.0", a 14-digit Diners
 * "3054.516561.8016", 19 digits "6455.7907.3802.9175.121", "5893 4703\n7447 4"): 13 to 19
 * digits, or 12 (Maestro) where the message names a card.
 */
function findOddlySeparatedCards(text: string, found: Candidate[]): void {
  for (const m of text.matchAll(ODD_CARD)) {
    if (!/[/_.\n]/.test(m[0])) continue; // the usual separators are read by findInDigitGroups
    const digits = m[0].replace(/\D/g, "");
    if (digits.length < 12 || (digits.length === 12 && !quickTest(NAMES_A_CARD, text))) continue;
    if (CARD_NETWORK_START.test(digits) && passesLuhn(digits) && !isBusinessRef(text, m.index)) found.push(at(m.index, m[0].length, "card_number"));
  }
}

/**
 * A card given in two halves on purpose ("first 8 are 4510 6771 and the last 8 are 5228 2208"):
 * two runs of eight digits near each other that make a Luhn-valid number opening as a card
 * network's, where the message says it split something.
 */
const SPLIT_SAID = /\b(?:first|1st)\s+(?:\d{1,2}|four|eight|half|part)\b/i;
const EIGHT_DIGITS = /(?<![\p{N}])\d{4}[ \u00a0-]?\d{4}(?![\p{N}])/gu;
function findSplitCards(text: string, found: Candidate[]): void {
  const runs = [...text.matchAll(EIGHT_DIGITS)];
  for (let i = 0; i + 1 < runs.length; i++) {
    const [a, b] = [runs[i]!, runs[i + 1]!];
    if (b.index - (a.index + a[0].length) > 60) continue;
    const digits = (a[0] + b[0]).replace(/\D/g, "");
    if (!CARD_NETWORK_START.test(digits) || !passesLuhn(digits)) continue;
    found.push(at(a.index, a[0].length, "card_number"), at(b.index, b[0].length, "card_number"));
    i++;
  }
}

function findInDigitGroups(text: string, found: Candidate[]): void {
  for (const m of text.matchAll(GROUPS)) {
    const start = m.index;
    let end = start + m[0].length;
    if (end - start < 12) continue; // fast path: nothing below 12 digits is looked at here
    const next = text.slice(end, end + 2);
    if (GLUED_AFTER.test(next)) continue;
    // an Amazon order number ("402-4120063-7365575"), not a card in its last two parts
    if (AMAZON_ORDER.test(m[0])) continue;
    const business = isBusinessRef(text, start);
    const chunks: Chunk[] = [];
    for (const c of m[0].matchAll(CHUNK)) chunks.push({ start: start + c.index, end: start + c.index + c[0].length });
    // "4341 0523 5090 6831 149.00" on a statement: the last group is an amount's, the ones before may be a card
    if (DECIMALS.test(text.slice(end, end + 5)) && (chunks.pop(), chunks.length === 0)) continue;
    end = chunks.at(-1)!.end;
    if (business) {
      // After "order" a number is the order's, unless an expiry date follows it, or it ends in the
      // four digits the message gives of a card ("card ending 7310 … the transaction: 4247 … 7310"):
      // then it is a card.
      const endings = cardEndings(text);
      found.push(...findLuhnWindows(text, chunks, false).filter((c) => c.type === "card_number" && (EXPIRY_AFTER.test(text.slice(c.end, c.end + 24)) || endings.has(digitsOf(text.slice(c.start, c.end)).slice(-4)))));
      continue;
    }
    const nearDevice = DEVICE_BEFORE.test(lineBefore(text, start, 48));
    const cards = findLuhnWindows(text, chunks, nearDevice);
    found.push(...cards);
    if (cards.length === 0 && isGroupedAadhaar(text, chunks)) {
      found.push({ start, end, type: "aadhaar", priority: PRIORITY.pattern });
    }
  }
}

/** "card ending 7310", "ends in 7310", "last four digits: 7310": the last four digits a message gives of a card. */
const CARD_ENDING = /\b(?:ending|ends)(?:\s+(?:in|with))?\s*[:#-]?\s*(\d{4})(?!\d)|\blast\s+(?:4|four)(?:\s+digits)?(?:\s+(?:are|is))?\s*[:#-]?\s*(\d{4})(?!\d)/gi;
const cardEndings = (text: string): Set<string> => new Set([...matchesOf(CARD_ENDING, text)].map((m) => m[1] ?? m[2]!));

/**
 * Cards hide in longer groups ("4111 1111 1111 1111 12 27"): take, from left to right, the
 * longest run of chunks of 13–19 digits that passes Luhn and is written like a card (one
 * block, or a first block of four). 15 digits next to a device word is an IMEI, in any grouping.
 */
function findLuhnWindows(text: string, chunks: Chunk[], nearDevice: boolean): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < chunks.length) {
    let best = -1;
    let bestType: Candidate["type"] = "card_number";
    let total = 0;
    for (let j = i; j < chunks.length; j++) {
      total += chunks[j].end - chunks[j].start;
      if (total > 19) break;
      if (total < 13) continue;
      const window = chunks.slice(i, j + 1);
      const byDevice = nearDevice && total === 15;
      const digits = digitsIn(text, window);
      if (!byDevice && !isCardShaped(window, digits)) continue;
      // inside a longer number (a 22-digit USPS tracking number in fours) a card opens as a network's;
      // a SIM card's ICCID (89, then 17–18 digits) is no payment card
      if (i > 0 && !CARD_NETWORK_START.test(digits)) continue;
      if (/^89\d{16,17}$/.test(digits)) continue;
      // opening as no network does, with a date: a dated id ("2026031044871")
      if (!CARD_NETWORK_START.test(digits) && /^20[0-3]\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])/.test(digits)) continue;
      if (!passesLuhn(digits)) continue;
      // 15-digit cards are American Express (34, 37) or UATP (1); other 15-digit Luhn numbers are IMEIs.
      const type = byDevice || (total === 15 && !/^(?:34|37|1)/.test(digits)) ? "imei" : "card_number";
      // opening as no network does, in a message not about a payment: some system's id ("2154945807302159")
      if (type === "card_number" && UNLIKE_A_CARD.test(digits) && !quickTest(PAYMENT_TALK, text)) continue;
      best = j;
      bestType = type;
    }
    if (best === -1) {
      i++;
      continue;
    }
    out.push({ start: chunks[i].start, end: chunks[best].end, type: bestType, priority: PRIORITY.pattern });
    i = best + 1;
  }
  return out;
}

function isCardShaped(window: Chunk[], digits: string): boolean {
  // no card number opens with 0 ("0044 0544 347 303" is a phone number)
  if (digits.startsWith("0")) return false;
  if (window.length === 1) return true;
  const lengths = window.map((c) => c.end - c.start);
  // one digit at a time, as an OCR of the card's face spaces them ("4 9 1 6  9 3 1 5  …")
  if (lengths.every((n) => n === 1)) return window.length >= 13 && CARD_NETWORK_START.test(digits);
  if (lengths[0] === 4 && lengths.slice(1).every((n) => n >= 1 && n <= 6)) return true;
  // as some banking apps group it ("4747 61482887 7876"), where the digits open as a card network's
  if (lengths[0] === 4 && lengths.slice(1).every((n) => n >= 1 && n <= 8)) return CARD_NETWORK_START.test(digits);
  // read out in pairs or in threes ("48 32 25 21 28 08 91 10", "601 159 382 969 1110") where the digits open as a card network's
  if (lengths.every((n) => n === 2) || (lengths.slice(0, -1).every((n) => n === 3) && lengths.at(-1)! >= 3 && lengths.at(-1)! <= 4)) return CARD_NETWORK_START.test(digits);
  // two blocks as typed in a hurry ("4622 831483275234", "447224 5026485724"), when the digits
  // open as a card network's do
  return window.length === 2 && lengths[0] >= 4 && lengths[0] <= 8 && CARD_NETWORK_START.test(digits);
}

/** "2345 6789 0124": three blocks of four with one separator, Verhoeff-valid. */
function isGroupedAadhaar(text: string, chunks: Chunk[]): boolean {
  if (chunks.length !== 3 || chunks.some((c) => c.end - c.start !== 4)) return false;
  if (text[chunks[0].end] !== text[chunks[1].end]) return false;
  return isPlausibleAadhaar(digitsIn(text, chunks));
}
