// Secrets that are only secrets because of the word next to them: "OTP is 482913",
// "PIN 1234", "password: hunter2!", "482913 is your OTP", "passport no. K1234567".
// The value is found by shape right after (or just before) the label; words in between
// that name a business reference ("UTR", "order", "ending") cancel the match.
import { DECIMALS, digitsIn, pickPrefix, readDigitGroup, type DigitKind } from "./digit-groups";
import { isPlausibleAadhaar, passesLuhn } from "./checks";
import { PRIORITY, type Candidate, type PiiType } from "./pii-types";
import { findLabels } from "./label-scan";
import { findNumberWordsAfter } from "./number-words";
import { findSecretWordAfter, findSecretWordBefore } from "./secret-words";
import { CLOCK_TIME, TIME_AFTER, UNIT_AFTER, YEAR_BEFORE } from "./value-words";
import { GAP_RULES } from "./context-words";
import { ENGLISH_PASSWORD_LABEL, STRONG_ONLY, type LabelKind } from "./vocabulary";

export function findLabelledValues(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const { start, end, kind, text: label } of findLabels(text)) {
    const inWords = findNumberWordsAfter(text, end, kind);
    if (inWords) {
      found.push(inWords);
      continue;
    }
    if (kind === "password" || kind === "passcode") {
      const strongOnly = STRONG_ONLY.test(label);
      const english = ENGLISH_PASSWORD_LABEL.test(label);
      for (const secret of [findSecretWordAfter(text, end, { strongOnly, english }), strongOnly ? null : findSecretWordBefore(text, start, english)]) {
        if (!secret) continue;
        const digitsOnly = /^\d{4,8}$/.test(text.slice(secret.start, secret.end));
        found.push({ ...secret, type: kind === "passcode" && digitsOnly ? "pin" : "password" });
      }
      continue;
    }
    const after = findValueAfter(text, end, kind);
    if (after) found.push(after, ...findListedValues(text, after, kind));
    const before = findValueBefore(text, start, kind);
    if (before) found.push(before);
  }
  return found;
}

// ------------------------------------------------------------------ lists

// After a value: who it belongs to, then list words, then whose the next one is:
// "K1234567 (me), K7654321 (my wife)", "P1234567 and my wife's is P7654321", "… for me and … for my son",
// and the same in the other languages labels are read in: "… y el de mi esposa es …",
// "… et celui de ma femme est …", "…, meine Frau hat …", "… e o da minha esposa é …".
const OWNER = String.raw`(?:me|myself|him|her|us|them|(?:my|his|her|our|their)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+(?:['’]s?)?)`;
const OTHER_OWNER =
  String.raw`(?:(?:(?:el|la|los|las|celui|celle|ceux|der|die|das|den|o|a|os|as|quello|quella|quelli|il|lo)\s+)?(?:de|di|da|do|del|della|von)\s+|(?:der|die|das|den)\s+)?` +
  String.raw`(?:(?:o|a|os|as|il|la|lo|le|i)\s+)?(?:mi|mis|su|sus|tu|ma|mon|mes|sa|son|ses|notre|nos|mein\w*|sein\w*|ihr\w*|unser\w*|minha|meu|minhas|meus|sua|seu|mia|mio|mie|miei)\s+(?:[\p{L}-]+\s+){0,1}?[\p{L}-]+`;
// "…; Anna Kowalski - K7654321", "…, Rahul: 7654321": a person named before a dash or colon; or
// without one, one or two words right before a number ("…, Tom K7654321"; the expression is case
// blind, so this is no test of a name: what follows must start with letters and read as an id
// number, as passports do; "cards 4111 …" is not a name and a number).
const NAMED = String.raw`(?:(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}\p{Lu}[\p{L}'’.-]*\s*[-–—:]\s*|(?:[\p{L}'’.-]+\s+)?[\p{L}'’.-]+\s+(?=\p{L}{1,3}\d))`;
const LIST_GLUE = new RegExp(
  String.raw`(?:\s+for\s+${OWNER})?(?:\s*\([^()\n]{1,30}\))?\s*(?:,\s*(?:and|y|e|et|und|ou|oder|ed)|,|;|&|\+|/|and|or|plus|y|e|et|und|ou|oder|sowie|ed)\s+` +
    String.raw`(?:${NAMED}|(?:for\s+|para\s+|pour\s+|f[üu]r\s+|per\s+)?(?:${OWNER}|${OTHER_OWNER}|mine|his|hers|ours|theirs|(?:the\s+)?(?:other|second|third|next)(?:\s+one)?)(?![\p{L}])\s*(?:(?:one|number|no\.?|nr\.?|n[uú]mero|num[ée]ro|nummer)\s*)?(?:(?:(?:is|was|est|es|ist|lautet|hat|tiene|tem|ha|a|é|è)(?![\p{L}])|=|:|-)\s*)?)?`,
  "iuy",
);
const MAX_LISTED = 8;

/**
 * Every further value listed after a labelled one: the label covers the list. A value of the
 * label's own shape keeps its type; one of another shape that is still an identity number
 * ("accounts: Anna - 576073148; Rahul - KP 31 53 84 D") is one of the list's too.
 */
function findListedValues(text: string, first: Candidate, kind: ValueKind): Candidate[] {
  const out: Candidate[] = [];
  const { blockers } = GAP_RULES[kind];
  let last = first;
  while (out.length < MAX_LISTED) {
    LIST_GLUE.lastIndex = last.end;
    const glue = LIST_GLUE.exec(text);
    if (!glue || glue[0].includes("\n") || !isCleanLead(glue[0], blockers)) break;
    // "PIN 1234, OTP 482913": a label of its own starts another value, not the list's next
    if (findLabels(glue[0]).length > 0) break;
    const at = last.end + glue[0].length;
    if (!isDigit(text[at]) && !/[A-Za-z]/.test(text[at] ?? "")) break;
    const own = isDigit(text[at]) || isTokenKind(kind) ? readValue(text, at, kind, "") : null;
    // Another shape only when the list names whose it is ("…; Rahul - KP 31…", "my wife's is …").
    const other = own === null && /\p{L}/u.test(glue[0]) ? readToken(text, at, TOKEN_SHAPES.id_document) : null;
    const end = own ?? (other !== null && isIdNumberLike(text.slice(at, other)) ? other : null);
    if (end === null) break;
    const type = own !== null ? typeOf(kind, text.slice(at, end)) : typeOf("id_document", text.slice(at, end));
    last = { start: at, end, type, priority: PRIORITY.labelled - glue[0].length };
    out.push(last);
  }
  return out;
}

// ------------------------------------------------------------------ label → value

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}_]/u.test(c);
const ABBREVIATIONS = /(?<![\p{L}])(?:no|nr|num|acct|acc|a\/c|rs|ref|approx|vs)\./giu;
/** A form puts the value on the line after its label ("Card number:\n4111 …"). */
const FORM_GAP = /^[\s:=#.-]*$/;
const SENTENCE_BREAK = /[.!?;](?:\s|$)/;
const WORDS = /[\p{L}]+/gu;

/** Everything between a label and its value: same line, same sentence, no earlier redaction. */
function isCleanGap(gap: string): boolean {
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
function isCleanLead(lead: string, blockers: Set<string>): boolean {
  // A currency sign says amount; a "+" says an international phone number.
  if (/(?:[$₹€£¥]\s*|\+)$/u.test(lead)) return false;
  const last = lead.slice(lastIndexAfter(lead, COLON));
  const clause = /\p{L}/u.test(last) ? last : lead;
  for (const w of clause.toLowerCase().match(WORDS) ?? []) if (blockers.has(w)) return false;
  return true;
}

const COLON = /[:;]\s/g;
const CLAUSE_BREAK = /[:;]\s|\s[-–—]\s/g;
const lastClauseStart = (lead: string) => lastIndexAfter(lead, CLAUSE_BREAK);
function lastIndexAfter(lead: string, re: RegExp): number {
  let at = 0;
  for (const m of lead.matchAll(re)) at = m.index + m[0].length;
  return at;
}

function valueType(kind: DigitKind, digits: number): PiiType {
  if (kind === "security_code") return digits <= 4 ? "cvv" : "otp";
  if (kind === "pin_code") return "pin";
  if (kind === "sort_code_account") return "bank_account";
  return kind;
}

type ValueKind = Exclude<LabelKind, "password" | "passcode">;
type TokenKind = Exclude<ValueKind, DigitKind>;
const TOKEN_SHAPES: Record<TokenKind, RegExp> = {
  pan: /[A-Za-z]{5}\d{4}[A-Za-z](?![\p{L}\p{N}_])/uy,
  // ID cards and national numbers: digits in groups (CPF 123.456.789-09, 850709-9805, 2345 6789 0124)
  // or a token of capitals and digits (12345678Z, L01X00T47).
  // Some open with a letter series ("QQ 12 34 56 C", the UK National Insurance number).
  id_document: /(?:(?:[A-Z]{1,3}[ -]?)?\d{2,8}(?:[ .-]\d{1,8}){0,4}(?:[ -]?[A-Za-z])?|[A-Za-z0-9]{6,16})(?![\p{L}\p{N}_])/uy,
  // National formats run from 6 to 9 characters, mostly digits (K1234567, 123456789, C01X00T47);
  // some are a series and a number ("4510 123456").
  passport: /(?:\d{2}\s?\d{2}\s\d{6}|[A-Za-z0-9]{6,9})(?![\p{L}\p{N}_])/uy,
};

const isTokenKind = (kind: ValueKind): kind is TokenKind => kind in TOKEN_SHAPES;

/**
 * The value after a label: the first number within reach whose own lead-in (the words since
 * the label or since the previous number) is clean. One number may be passed over, so
 * "OTP for payment of Rs 4500 is 482913" finds the OTP and "CVV on card ending 4242 is 123"
 * the CVV, while the amount and the last four stay.
 */
function findValueAfter(text: string, labelEnd: number, kind: ValueKind): Candidate | null {
  const { maxGap, blockers } = GAP_RULES[kind];
  const reach = Math.min(text.length, labelEnd + maxGap + MAX_SKIPPED_LENGTH);
  let leadStart = labelEnd;
  let at = labelEnd;
  for (let tries = 0; tries < 2; tries++) {
    while (at < reach && !isDigit(text[at])) {
      if (text[at] === "\n" && !FORM_GAP.test(text.slice(labelEnd, at))) return null;
      at++;
    }
    if (at >= reach) return null;
    if (isTokenKind(kind)) at = tokenStart(text, at, leadStart, kind);
    const gap = text.slice(labelEnd, at);
    if (!isCleanGap(gap)) return null;
    const lead = text.slice(leadStart, at);
    const end = lead.length - lastClauseStart(lead) <= maxGap && isCleanLead(lead, blockers) ? readValue(text, at, kind, lead) : null;
    if (end !== null) {
      const type = typeOf(kind, text.slice(at, end));
      return { start: at, end, type, priority: PRIORITY.labelled - gap.length };
    }
    at = skipWord(text, at);
    leadStart = at;
  }
  return null;
}

/** Back from a token's first digit to its first letter ("K1234567"; for ID documents also "QQ 12 34 56 C"). */
function tokenStart(text: string, at: number, leadStart: number, kind: TokenKind): number {
  while (at > leadStart && /[A-Za-z]/.test(text[at - 1])) at--;
  if (kind === "id_document") {
    const series = /(?<![\p{L}\p{N}])[A-Z]{1,3}[ -]$/u.exec(text.slice(Math.max(leadStart, at - 4), at));
    if (series) at -= series[0].length;
  }
  return at;
}

/** How far past `maxGap` a value may sit when a number was passed over on the way. */
const MAX_SKIPPED_LENGTH = 20;

function skipWord(text: string, at: number): number {
  WORD_AT.lastIndex = at;
  const m = WORD_AT.exec(text);
  return m ? at + m[0].length : at + 1;
}
const WORD_AT = /[\p{L}\p{N}_]+(?:[ \u00a0,.-]\d+)*/uy;

function readValue(text: string, at: number, kind: ValueKind, lead: string): number | null {
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

function readToken(text: string, at: number, shape: RegExp): number | null {
  shape.lastIndex = at;
  const m = shape.exec(text);
  return m ? at + m[0].length : null;
}

const countDigits = (s: string) => s.replace(/\D/g, "").length;

/**
 * Passport numbers are printed in capitals and digits (K1234567, C01X00T47, 12AB34567, PAA123456);
 * after a passport label, such a token with two digits or more is one. A lowercase token needs
 * five digits, so "passport for trip2024" stays.
 */
function isPassportLike(token: string): boolean {
  const digits = countDigits(token);
  if (digits >= 5) return true;
  return !/[a-z]/.test(token) && (digits >= 2 || (digits === 1 && token.length >= 8));
}

/**
 * An identity number has six characters or more; digits alone need five or more, and a date
 * ("12.03.2024", "2019-05-04") or a year is not one.
 */
function isIdNumberLike(token: string): boolean {
  const compact = token.replace(/[\s.-]/g, "");
  if (compact.length < 6 || DATE_LIKE.test(token.trim())) return false;
  return /^\d+$/.test(compact) ? compact.length >= 5 : isPassportLike(compact);
}
const DATE_LIKE = /^\d{1,4}[./ -]\d{1,2}[./ -]\d{1,4}$/;

/** The type a labelled token is reported as: an ID-document label names the document by its shape. */
function typeOf(kind: ValueKind, value: string): PiiType {
  if (!isTokenKind(kind)) return valueType(kind, countDigits(value));
  if (kind !== "id_document") return kind;
  const compact = value.replace(/[\s.\/-]/g, "");
  if (isPlausibleAadhaar(compact)) return "aadhaar";
  if (/^[A-Za-z]{5}\d{4}[A-Za-z]$/.test(compact)) return "pan";
  return "national_id";
}

/** End of the labelled number starting at `at`, or null when it is not this kind's value. */
function readDigitValue(text: string, at: number, kind: DigitKind, textBefore: string): number | null {
  const group = readDigitGroup(text, at);
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

// ------------------------------------------------------------------ value → label

// "482913 is your OTP", "K1234567 is my passport number": a verb is required, so a list
// ("Invoice 84678269, the OTP …") is not read as a value.
// "I entered 4821 as my PIN" names the value with "as".
const NAMING = String.raw`\s+(?:is|was|are|=|as)\s+(?:(?:my|your|the|our|his|her|their|this)\s+)?(?:(?:new|current|old|correct|actual|real)\s+)?$`;
const TOKEN_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}_\u2026])([A-Za-z0-9]+)${NAMING}`, "iu");
// A number may be written in groups ("482 913 is the code"); only its digits, not a word before it.
const NUMBER_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}_\u2026-])(\d+(?:[ \u00a0-]\d+)*)${NAMING}`, "iu");

const VERB = /(?:is|was|are|=|as)\s/i;
// "it's 4821, my PIN", "the code is 551 - that's my CVV": a number said, then named.
const NAMED_AFTER = /(?:it['’]?s|is|was|[:=])\s+(\d{3,8})\s*[,\u2013\u2014-]\s*(?:(?:that|which)(?:['’]s|\s+is)\s+)?(?:my|our|the)\s+(?:(?:new|current|old|card|card['’]s)\s+)?$/iu;

function findValueBefore(text: string, labelStart: number, kind: ValueKind): Candidate | null {
  const from = Math.max(0, labelStart - 48);
  const before = text.slice(from, labelStart);
  const named = isTokenKind(kind) ? null : NAMED_AFTER.exec(before);
  if (named && !isTokenKind(kind)) {
    const start = from + named.index + named[0].indexOf(named[1]!, named[0].search(/\s/));
    const end = start + named[1]!.length;
    if (readDigitValue(text, start, kind, "") === end) return { start, end, type: valueType(kind, named[1]!.length), priority: PRIORITY.labelledAfter };
  }
  if (!VERB.test(before)) return null; // cheap test first: most labels have no verb before them
  const m = (isTokenKind(kind) ? TOKEN_BEFORE : NUMBER_BEFORE).exec(before);
  if (!m) return null;
  const start = from + m.index;
  const end = start + m[1].length;
  if (start > 0 && /[\p{L}\p{N}_]/u.test(text[start - 1])) return null;
  if (isTokenKind(kind)) {
    if (readToken(text, start, TOKEN_SHAPES[kind]) !== end) return null;
    if (kind === "passport" && !isPassportLike(m[1])) return null;
    if (kind === "id_document" && !isIdNumberLike(m[1])) return null;
    return { start, end, type: typeOf(kind, m[1]), priority: PRIORITY.labelledAfter };
  }
  if (!/^\d/.test(m[1]) || readDigitValue(text, start, kind, text.slice(Math.max(0, start - 16), start)) !== end) return null;
  return { start, end, type: valueType(kind, countDigits(m[1])), priority: PRIORITY.labelledAfter };
}
