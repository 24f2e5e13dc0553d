// Secrets that are only secrets because of the word next to them: "OTP is 482913",
// "PIN 1234", "password: hunter2!", "482913 is your OTP", "passport no. K1234567".
// The value is found by shape right after (or just before) the label; words in between
// that name a business reference ("UTR", "order", "ending") cancel the match.
import { PRIORITY, type Candidate } from "./pii-types";
import { findLabels } from "./label-scan";
import {
  FORM_GAP, TOKEN_SHAPES, correctedValueAt, isCleanGap, isCleanLead, isSurePan, isDigit, isIdNumberLike, isPassportLike, isTokenKind, lastClauseStart, readDigitValue,
  readToken, readValue, typeOf, valueType, countDigits, type TokenKind, type ValueKind,
} from "./label-values";
import { LIST_GLUE } from "./list-glue";
import { findNumberWordsAfter } from "./number-words";
import { findSecretWordAfter, findSecretWordBefore, findStrongSecretNear } from "./secret-words";
import { ABOUT_THE_PIN, ADDRESS_BEFORE, A_BUSINESS_S, GAP_RULES, OF_A_BUSINESS } from "./context-words";
import { ENGLISH_PASSWORD_LABEL, STRONG_ONLY } from "./vocabulary";
import { SECURITY_ANSWER } from "./vocabulary-world";
import { ACCOUNT_NUMBER_LABEL } from "./vocabulary-ids";
import { isEverydayWord } from "./everyday-words";
import { CODES_LABEL, codesNear, codesUnderHeading, digitGroupsEnd, linesUnderHeading, moreCodes, morePasswords } from "./listed-values";

const FIELD_LABEL_NEXT = /^\p{L}+[ \t]?:(?!\S)/u;

export function findLabelledValues(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (let { start, end, kind, text: label } of findLabels(text)) {
    const inWords = findNumberWordsAfter(text, end, kind);
    if (inWords) {
      found.push(inWords);
      continue;
    }
    // a JSON key ("password": "…") is read with its value by structured.ts
    if (/["']/.test(text[end] ?? "") && text[start - 1] === text[end]) continue;
    // a placeholder's own word ("<your-password>"), and a question for the value on a chat line
    // ("what's your mother's maiden name?\nChinwe 09:11: …": what follows is the next speaker's name)
    if (text[end] === ">" && /<[\w -]*$/.test(text.slice(Math.max(0, start - 30), start))) continue;
    if (ASKED_THEN_SPEAKER.test(text.slice(end, end + 60))) continue;
    // Greek "κωδικός" alone is any code: "κράτηση με κωδικό HB-90340" is a booking's
    if (/^κωδικ(?:ός|ό|οί)$/i.test(label) && /(?:κράτηση|κράτησης|παραγγελία|παραγγελίας|με)\s*$/i.test(text.slice(Math.max(0, start - 24), start))) continue;
    if (kind === "password" || kind === "passcode") {
      // "password (case sensitive): Falcon@001": the aside is read past
      const aside = PAREN_ASIDE.exec(text.slice(end, end + 44));
      if (aside) end += aside[0].length;
      // "Here are my recovery codes:\n1. 7ktb-bnj4\n2. so1s-b1x0": one code a line under the label
      const listed = CODES_LABEL.test(label) ? codesUnderHeading(text, end) : [];
      if (listed.length > 0) {
        found.push(...listed);
        continue;
      }
      if (CODES_LABEL.test(label)) found.push(...codesNear(text, end, isEverydayWord));
      const strongOnly = STRONG_ONLY.test(label);
      const english = ENGLISH_PASSWORD_LABEL.test(label);
      const after = findSecretWordAfter(text, end, { strongOnly, english, answer: SECURITY_ANSWER.test(label) });
      const before = findSecretWordBefore(text, start, english, strongOnly);
      for (const secret of [after, before, after || before ? null : findStrongSecretNear(text, end)]) {
        if (!secret) continue;
        // "…first pet's name?\nAnswer: Pipoca": a word with a colon after it is the next field's label
        if (secret === after && FIELD_LABEL_NEXT.test(text.slice(secret.start, secret.end + 3))) continue;
        if (secret.start >= end) secret.end = digitGroupsEnd(text, secret.start, secret.end);
        const digitsOnly = /^\d{4,8}$/.test(text.slice(secret.start, secret.end));
        found.push({ ...secret, type: kind === "passcode" && digitsOnly ? "pin" : "password" });
        if (secret.start >= end && CODES_LABEL.test(label)) found.push(...moreCodes(text, secret.end, text.slice(secret.start, secret.end)));
        if (secret.start >= end && /words$/i.test(label)) found.push(...morePasswords(text, secret.end));
      }
      continue;
    }
    // "K4732681 (passport)", "181 (cvv)": the value, then its label in brackets
    if (text[start - 1] === "(" && text[end] === ")") {
      const named = VALUE_BEFORE_PAREN.exec(text.slice(Math.max(0, start - 40), start - 1));
      if (named) {
        const at = start - 1 - named[0].length + named[0].indexOf(named[1]!);
        const valueEnd = readValue(text, at, kind, "");
        if (valueEnd === at + named[1]!.length) found.push({ start: at, end: valueEnd, type: typeOf(kind, named[1]!), priority: PRIORITY.labelledAfter });
      }
    }
    // "acc no 49730154", "account number: 41099049": a number named as an account's has the UK's 8 digits too
    if (kind === "bank_account" && ACCOUNT_NUMBER_LABEL.test(label)) kind = "sort_code_account";
    // "NIF da loja 509442013", "P.IVA aziendale …", "the shop's VAT number": a business's own number
    if (kind === "id_document" && (OF_A_BUSINESS.test(text.slice(end, end + 24)) || A_BUSINESS_S.test(text.slice(Math.max(0, start - 24), start)))) continue;
    const after = findValueAfter(text, end, kind, kind === "otp" && ONE_TIME_LABEL.test(label));
    // "Address: 12 MG Road, Bengaluru, PIN 560001": an Indian postal PIN code in an address
    if (after && kind === "pin" && after.end - after.start === 6 && ADDRESS_BEFORE.test(text.slice(Math.max(0, start - 120), start))) continue;
    if (after && kind === "pin" && ABOUT_THE_PIN.test(text.slice(end, after.start))) continue;
    // "AUTH CODE 04712B" on a receipt, "auth code 0A19F2": a payment's approval, not a one-time code
    if (after && kind === "otp" && /^auth(?:ori[sz]ation)?\s+code$/i.test(label) && (CARD_RECEIPT.test(text) || APPROVAL_CODE.test(text.slice(after.start, after.end)))) continue;
    // "The number printed on the card is 8944991445060301479": a SIM card's ICCID (89 and 18–20 digits), not a payment card
    if (after && kind === "card_number" && /^89\d{16,18}$/.test((/^\d[\d -]*\d/.exec(text.slice(after.start))?.[0] ?? "").replace(/\D/g, ""))) continue;
    // "Hong Kong ID K330831(6)": a check character in brackets is the number's own
    if (after && kind === "id_document" && CHECK_IN_BRACKETS.test(text.slice(after.end, after.end + 3))) after.end += 3;
    if (after) found.push(after, ...findListedValues(text, after, kind));
    else found.push(...findValuesUnderHeading(text, end, kind), ...findValueAfterAside(text, end, kind), ...findCorrectedValue(text, end, kind));
    const before = findValueBefore(text, start, kind);
    if (before) found.push(before);
  }
  return found;
}

/** A card approval code: six letters and digits with a letter ("0A19F2"); one-time codes are digits. */
const APPROVAL_CODE = /^(?=.*\d)(?=.*[A-Z])[A-Z0-9]{6}$/;
const CHECK_IN_BRACKETS = /^\([0-9A-Z]\)$/;
const ASKED_THEN_SPEAKER = /^\?[ \t]*\n[ \t]*[^\n:]{1,40}?\d{1,2}:\d{2}(?::\d{2})?[^\n:]{0,12}:\s/;
const CARD_RECEIPT = /\b(?:RRN|ARN|TERMINAL|MERCHANT ID|APPROVED|receipt|statement|terminal id|TID|MID)\b/;
const PAREN_ASIDE = /^\s*\([^()\n]{1,40}\)/;
const VALUE_BEFORE_PAREN = /(?<![\p{L}\p{N}_])([A-Za-z0-9]{3,12})\s*$/u;

// ------------------------------------------------------------------ lists

const MAX_LISTED = 8;
/** "5826 for the debit card, 9756 …": what a value is for names no label of the next one. */
const FOR_WHAT = /^\s+for\s+[^,;&+/]*/;

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
    if (findLabels(glue[0].replace(FOR_WHAT, "")).length > 0) break;
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

// "my PIN, which I set up when I opened the account, is 4821": a clause between commas, then the
// value, which the sentence gives to the label whatever the clause names.
const ASIDE = /,[^,.!?\n]{3,80},\s*(?:is|was|=|:)\s*/y;
function findValueAfterAside(text: string, labelEnd: number, kind: ValueKind): Candidate[] {
  ASIDE.lastIndex = labelEnd;
  const aside = ASIDE.exec(text);
  if (!aside) return [];
  const at = labelEnd + aside[0].length;
  const end = isDigit(text[at]) || isTokenKind(kind) ? readValue(text, at, kind, "") : null;
  return end === null ? [] : [{ start: at, end, type: typeOf(kind, text.slice(at, end)), priority: PRIORITY.labelled - aside[0].length }];
}

function findCorrectedValue(text: string, labelEnd: number, kind: ValueKind): Candidate[] {
  const at = correctedValueAt(text, labelEnd);
  const end = at !== null && (isDigit(text[at]) || isTokenKind(kind)) ? readValue(text, at, kind, "") : null;
  return at === null || end === null ? [] : [{ start: at, end, type: typeOf(kind, text.slice(at, end)), priority: PRIORITY.labelled - (at - labelEnd) }];
}

// ------------------------------------------------------------------ a list under its label

// "Passport numbers:\n1. John Smith – 518190614\n2. Mary Smith – 518190615": the label heads a
// list (its line may go on: "Passport details for the booking:") of one value a line, numbered or
// bulleted, each after whose it is and a dash or colon.
const LIST_LINE = /[ \t]*(?:(?:\d{1,2}[.)]|[-*•·])[ \t]+)?(?:[\p{L}'’.-]+[ \t]+){0,3}?[\p{L}'’.-]+[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?[-–—:][ \t]*/uy;
const BULLET = /[ \t]*(?:\d{1,2}[.)]|[-*•·])[ \t]+/y;

function findValuesUnderHeading(text: string, labelEnd: number, kind: ValueKind): Candidate[] {
  return linesUnderHeading(text, labelEnd, MAX_LISTED, (at) => {
    const lead = readToken(text, at, LIST_LINE) ?? readToken(text, at, BULLET);
    if (lead === null || !isCleanLead(text.slice(at, lead), GAP_RULES[kind].blockers)) return null;
    const end = isDigit(text[lead]) || isTokenKind(kind) ? readValue(text, lead, kind, "") : null;
    return end === null ? null : { start: lead, end, type: typeOf(kind, text.slice(lead, end)), priority: PRIORITY.labelled - (lead - labelEnd) };
  });
}

// ------------------------------------------------------------------ label → value

/**
 * The value after a label: the first number within reach whose own lead-in (the words since
 * the label or since the previous number) is clean. One number may be passed over, so
 * "OTP for payment of Rs 4500 is 482913" finds the OTP and "CVV on card ending 4242 is 123"
 * the CVV, while the amount and the last four stay.
 */
function findValueAfter(text: string, labelEnd: number, kind: ValueKind, lettered = false): Candidate | null {
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
    const code = lettered ? readLetteredCode(text, at, leadStart) : null;
    if (code) at = code.start;
    else if (isTokenKind(kind)) at = tokenStart(text, at, leadStart, kind);
    const gap = text.slice(labelEnd, at);
    if (!isCleanGap(gap)) return null;
    const lead = text.slice(leadStart, at);
    const sure = kind === "pan" && isSurePan(text, at);
    const end = lead.length - lastClauseStart(lead) <= maxGap && (sure || isCleanLead(lead, blockers)) ? (code?.end ?? readValue(text, at, kind, lead)) : null;
    if (end !== null) {
      const type = typeOf(kind, text.slice(at, end));
      return { start: at, end, type, priority: PRIORITY.labelled - gap.length };
    }
    at = skipWord(text, at);
    leadStart = at;
  }
  return null;
}

/**
 * Labels that name a one-time code as one (not "used code", which may be a discount's): after
 * them a code of capitals and digits is read too.
 */
const ONE_TIME_LABEL = /otp|verif|2fa|2-step|two|auth|log|sign|mfa|totp|guard|one|tan|sms|text|message|whatsapp|telegram|magic/i;
/**
 * A one-time code of capitals and digits around the digit at `at` ("verification code is X3KY8",
 * "Steam Guard code: 7KQ2M"): five to ten characters, a letter and a digit among them, no lower
 * case (so "code x1234" or "code 4821abc" are not read as one).
 */
const LETTERED_CODE = /(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z\d]{5,10}(?![\p{L}\p{N}_])/uy;
function readLetteredCode(text: string, at: number, leadStart: number): { start: number; end: number } | null {
  let start = at;
  while (start > leadStart && /[A-Z]/.test(text[start - 1]!)) start--;
  if (/[\p{L}\p{N}]/u.test(text[start - 1] ?? "")) return null;
  LETTERED_CODE.lastIndex = start;
  const m = LETTERED_CODE.exec(text);
  return m ? { start, end: start + m[0].length } : null;
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

// ------------------------------------------------------------------ value → label

// "482913 is your OTP", "K1234567 is my passport number": a verb is required, so a list
// ("Invoice 84678269, the OTP …") is not read as a value.
// "I entered 4821 as my PIN" names the value with "as".
const NAMING = String.raw`\s+(?:is|was|are|=|as)\s+(?:(?:my|your|the|our|his|her|their|this)\s+)?(?:(?:new|current|old|correct|actual|real)\s+)?$`;
// an identity number in its groups too ("869 178 776 is my TFN", "091091-8443 is my CPR number")
const TOKEN_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}_\u2026-])(\d+(?:[ .-]\d+){1,4}|[A-Za-z0-9]+)${NAMING}`, "iu");
// A number may be written in groups ("482 913 is the code"); only its digits, not a word before it.
const NUMBER_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}_\u2026-])(\d+(?:[ \u00a0-]\d+)*)${NAMING}`, "iu");

const VERB = /(?:is|was|are|=|as)\s/i;
// "it's 4821, my PIN", "the code is 551 - that's my CVV": a number said, then named.
const NAMED_AFTER = /(?:(?:it['’]?s|is|was|[:=])\s+|^\s*|[.!?;]\s+)(\d{3,8})\s*[,\u2013\u2014-]\s*(?:(?:that|which)(?:['’]s|\s+is)\s+)?(?:my|our|the)\s+(?:(?:new|current|old|card|card['’]s)\s+)?$/iu;

function findValueBefore(text: string, labelStart: number, kind: ValueKind): Candidate | null {
  const from = Math.max(0, labelStart - 48);
  const before = text.slice(from, labelStart);
  const named = isTokenKind(kind) ? null : NAMED_AFTER.exec(before);
  if (named && !isTokenKind(kind)) {
    const start = from + named.index + named[0].search(/\d/);
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
