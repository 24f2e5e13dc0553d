// Card numbers no digit pattern sees: the raw data of a card's magnetic stripe (Track 1
// "%B4146…^MILLER/ANNA B^2704…?", Track 2 ";4005…=2811…?"), a card read off a photo by OCR,
// which mistakes digits for letters ("4677 7749 Sl02 72B7"), and a card read out in words in a
// call transcript or a voice note ("double four five nine, eight triple five, …", "cuatro cero
// ocho cero …"), and a card in an airline reservation's form of payment ("FP CCVI4421…/0527").
// Each is taken only where the digits it stands for are a card's: 13 to 19 of them, opening as a
// card network's, passing Luhn's check. Also a card given over several chat lines or messages
// ("card is 5586 1246" then "9339 9346"): cardOverLines.
import { SPEAKER } from "./asked-for";
import { passesLuhn } from "./checks";
import { CARD_NETWORK_START, NAMES_A_CARD } from "./context-words";
import { PRIORITY, type Candidate } from "./pii-types";
import { quickTest } from "../pair-guard";

export const isCard = (digits: string) => digits.length >= 13 && digits.length <= 19 && CARD_NETWORK_START.test(digits) && passesLuhn(digits);

/**
 * Track 1 (format B: PAN, name, expiry, service code, discretionary data) and Track 2 (PAN, "="
 * or "D", expiry, service code, discretionary data), with their sentinels or as an ISO 8583
 * message's field 35 gives Track 2 without them: the whole string is the card's.
 */
const TRACK = /%B(\d{12,19})\^[^^\n]{2,26}\^\d{4}[^?\n]{0,80}\??|;?(?<![\d])(\d{12,19})[=D]\d{7}[\d ]{0,40}\d\??/g;

/** Letters an OCR reads for digits: O and D for 0, I and l for 1, Z for 2, S for 5, G for 6, B for 8. */
const OCR_DIGIT: Record<string, string> = { O: "0", o: "0", D: "0", Q: "0", I: "1", l: "1", "|": "1", Z: "2", z: "2", S: "5", s: "5", G: "6", B: "8" };
const OCR_CHAR = "[\\dOoDQIl|ZzSsGB]";
/** A run of digits and look-alikes, grouped as a card is printed (separators single spaces or dashes; a photo's line break where the number wraps). */
const OCR_RUN = new RegExp(`(?<![\\p{L}\\p{N}])${OCR_CHAR}(?:${OCR_CHAR}|[ \\n-](?=${OCR_CHAR})){11,22}(?![\\p{L}\\p{N}])`, "gu");
const OCR_GATE = /\d[OoDQIl|ZzSsGB]|[OoDQIl|ZzSsGB]\d/;

/** Digits read out as words, in English, Spanish, Portuguese, French, German and Italian. */
const DIGIT_WORDS: Record<string, string> = {
  zero: "0", oh: "0", o: "0", one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9",
  cero: "0", uno: "1", dos: "2", tres: "3", cuatro: "4", cinco: "5", seis: "6", siete: "7", ocho: "8", nueve: "9",
  um: "1", dois: "2", três: "3", quatro: "4", sete: "7", oito: "8", nove: "9",
  zéro: "0", un: "1", deux: "2", trois: "3", quatre: "4", cinq: "5", sept: "7", huit: "8", neuf: "9",
  null: "0", eins: "1", zwei: "2", drei: "3", vier: "4", fünf: "5", sechs: "6", sieben: "7", acht: "8", neun: "9",
  due: "2", tre: "3", quattro: "4", cinque: "5", sei: "6", sette: "7", otto: "8",
};
/** What speech-to-text writes for a digit it heard ("for" for four, "to" for two): digits only inside a run. */
const SOUNDS_LIKE: Record<string, string> = { for: "4", to: "2", too: "2" };
const WORD = Object.keys({ ...DIGIT_WORDS, ...SOUNDS_LIKE }).sort((a, b) => b.length - a.length).join("|");
/** A run of spoken digits ("double four", "triple five", "4571") with spaces, commas, dots or dashes between. */
const SPOKEN_TOKEN = String.raw`(?:(?:double|triple)\s+(?:${WORD})|${WORD}|\d{1,4})`;
/** What a caller says between the groups while reading ("five four two five, uh, seven seven …, hang on, three …"). */
const FILLER = String.raw`(?:uh+|um+|er+m?|ah+|hmm+|hang\s+on|wait|sorry|ok(?:ay)?|then|and)`;
const SPOKEN_RUN = new RegExp(String.raw`(?<![\p{L}\p{N}])${SPOKEN_TOKEN}(?:[\s,.-]+(?:${FILLER}[\s,.-]+){0,2}${SPOKEN_TOKEN}(?![\p{L}\p{N}])){7,30}`, "giu");
const SPOKEN_GATE = new RegExp(String.raw`\b(?:${Object.keys(DIGIT_WORDS).join("|")})[\s,.-]+(?:${Object.keys(DIGIT_WORDS).join("|")})[\s,.-]+(?:${Object.keys(DIGIT_WORDS).join("|")})\b`, "i");
const TOKEN = new RegExp(String.raw`(?<![\p{L}\p{N}])${SPOKEN_TOKEN}(?![\p{L}\p{N}])`, "giu");

function trackData(text: string, out: Candidate[]): void {
  if (!/\d{12}/.test(text) || !/[\^=D]\d/.test(text)) return;
  for (const m of text.matchAll(TRACK)) {
    if (isCard(m[1] ?? m[2]!)) out.push({ start: m.index!, end: m.index! + m[0].length, type: "card_number", priority: PRIORITY.labelled });
  }
}

/**
 * A card as an airline reservation (GDS) stores the form of payment: "CC", the network's two
 * letters, the number and "/" with the month and year ("FP CCVI4421755470647126/0527").
 */
const GDS_CARD = /(?<![A-Z0-9])CC(?:VI|CA|MC|AX|DC|DS|DI|JC|TP|UP|BC)(\d{13,19})(?:\/(\d{4}|\d{2}\s?\d{2}))?(?!\d)/g;

function gdsCards(text: string, out: Candidate[]): void {
  if (!text.includes("CC")) return;
  for (const m of text.matchAll(GDS_CARD)) {
    if (!isCard(m[1]!)) continue;
    const start = m.index! + 4;
    out.push({ start, end: start + m[1]!.length, type: "card_number", priority: PRIORITY.labelled });
    if (m[2]) out.push({ start: start + m[1]!.length + 1, end: m.index! + m[0].length, type: "card_expiry", priority: PRIORITY.labelled });
  }
}

function ocrCards(text: string, out: Candidate[]): void {
  if (!quickTest(OCR_GATE, text)) return;
  for (const m of text.matchAll(OCR_RUN)) {
    // a run over several lines: the lines that together are the card (it wraps, or the next line is its code)
    const lines = m[0].split("\n");
    const starts = lines.map((_, i) => m.index! + lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0));
    found: for (let size = lines.length; size >= 1; size--) {
      for (let first = 0; first + size <= lines.length; first++) {
        const run = lines.slice(first, first + size).join("\n");
        if (isOcrCard(run)) {
          out.push({ start: starts[first]!, end: starts[first]! + run.length, type: "card_number", priority: PRIORITY.pattern });
          break found;
        }
      }
    }
  }
}

function isOcrCard(run: string): boolean {
  const chars = run.replace(/[ \n-]/g, "");
  const letters = chars.replace(/\d/g, "").length;
  // mostly digits, and some look-alike, opening with a digit: a card the OCR misread, not a code of
  // letters and digits nor a parcel's tracking number ("SQ570952634GB")
  if (letters === 0 || letters > 4 || chars.length < 13 || chars.length > 19 || !/^\d/.test(chars)) return false;
  // (each printed group holds a digit: "…904710 Is there" is a number, then a word)
  if (run.split(/[ \n-]/).some((group) => !/\d/.test(group))) return false;
  return isCard(chars.replace(/\D/g, (c) => OCR_DIGIT[c] ?? "x"));
}

/** The digits each spoken token stands for, with where it is. */
function spokenDigits(run: string, at: number): { start: number; end: number; digits: string }[] {
  const tokens: { start: number; end: number; digits: string }[] = [];
  for (const t of run.matchAll(TOKEN)) {
    const word = t[0].toLowerCase();
    const times = word.startsWith("double") ? 2 : word.startsWith("triple") ? 3 : 1;
    const last = word.split(/\s+/).at(-1)!;
    const digit = /^\d+$/.test(last) ? last : (DIGIT_WORDS[last] ?? SOUNDS_LIKE[last]!);
    tokens.push({ start: at + t.index!, end: at + t.index! + t[0].length, digits: digit.repeat(times) });
  }
  return tokens;
}

function spokenCards(text: string, out: Candidate[]): void {
  if (!quickTest(SPOKEN_GATE, text)) return;
  for (const m of text.matchAll(SPOKEN_RUN)) {
    const tokens = spokenDigits(m[0], m.index!);
    // the longest stretch from each token that is a card (a "for" or "to" is a digit only if the card's check says so)
    for (let i = 0; i < tokens.length; i++) {
      let found = -1;
      let digits = "";
      for (let j = i; j < tokens.length && digits.length <= 19; j++) {
        digits += tokens[j]!.digits;
        if (isCard(digits)) found = j;
      }
      if (found >= 0 && /[a-z]/i.test(text.slice(tokens[i]!.start, tokens[found]!.end))) {
        out.push({ start: tokens[i]!.start, end: tokens[found]!.end, type: "card_number", priority: PRIORITY.pattern });
        i = found;
      }
    }
  }
}

export function findCardData(text: string): Candidate[] {
  const out: Candidate[] = [];
  trackData(text, out);
  gdsCards(text, out);
  ocrCards(text, out);
  spokenCards(text, out);
  return out;
}

/** Digit groups that end a turn ("card is 5586 1246"), and a turn that is nothing but digit groups ("9339 9346"). */
const ENDS_WITH_DIGITS = /(?<![\p{L}\p{N}])\d{2,12}(?:[ -]\d{2,12})*[ \t]*$/u;
const ONLY_DIGITS = /^[ \t]*\d{2,12}(?:[ -]\d{2,12})*[ \t]*[.!]?[ \t]*$/;

/** A line's lead that names a field rather than who speaks. */
const FIELD_NAME = /account|acct|a\/c|sort|iban|bsb|routing|swift|bic|order|invoice|ref|ticket|phone|tel\b|mobile|fax|pin|code|cvv|cvc|exp|amount|total|\bid\b|\bno\b|number|#/i;

export type Piece = { turn: number; start: number; end: number };

/**
 * A card given a piece a turn: the digits that end one turn, then up to three turns that are
 * nothing but digits, when together they are a card's (each turn after its speaker, if it names
 * one: "14:02:15 Customer (Jamal): 9339 9346"). Offsets are within each turn.
 */
export function cardOverLines(turns: readonly string[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i + 1 < turns.length; i++) {
    const first = ENDS_WITH_DIGITS.exec(turns[i]!);
    if (!first) continue;
    let digits = first[0].replace(/\D/g, "");
    if (digits.length < 4 || digits.length >= 13 || !CARD_NETWORK_START.test(digits)) continue;
    // ("Sort code: 402715" then "41099049" is a bank account's)
    const lead = turns[i]!.slice(0, first.index);
    if (FIELD_NAME.test(lead) && !NAMES_A_CARD.test(lead)) continue;
    const pieces: Piece[] = [{ turn: i, start: first.index, end: first.index + first[0].trimEnd().length }];
    let skipped = false;
    for (let j = i + 1; j < turns.length && j <= i + 4 && digits.length < 19; j++) {
      const said = SPEAKER.exec(turns[j]!)![0].length;
      const rest = turns[j]!.slice(said);
      // one short aside between the pieces ("sorry hit enter", "oops")
      if (!skipped && pieces.length > 0 && rest.trim().length <= 30 && !/\d/.test(rest) && j + 1 < turns.length) {
        skipped = true;
        continue;
      }
      // ("Sort code: 402715\nAccount no: 41099049": a field's label, not a speaker)
      if (!ONLY_DIGITS.test(rest) || FIELD_NAME.test(turns[j]!.slice(0, said))) break;
      const at = said + rest.search(/\d/);
      const value = rest.trim().replace(/[.!]$/, "").trim();
      digits += value.replace(/\D/g, "");
      pieces.push({ turn: j, start: at, end: at + value.length });
      if (isCard(digits)) {
        out.push(...pieces);
        i = j;
        break;
      }
    }
  }
  return out;
}

/** A number of a card's length, its digits grouped as typed. */
const LONG_NUMBER = /(?<![\p{L}\p{N}])\d(?:[ -]?\d){12,18}(?![\p{L}\p{N}])/gu;

/**
 * A card typed wrong next to the card typed right ("cx first gave 6469…5598 which failed the check
 * digit, then corrected to 6469…5198", "4826 0427 1917 754 … oh, da fehlt eine Ziffer"): a number
 * that differs from a card the message gives in one or two digits, or by one digit left out or
 * added, is the same card.
 */
function isMistyped(card: string, digits: string): boolean {
  if (card.length === digits.length) return [...card].filter((d, i) => d !== digits[i]).length <= 2;
  if (Math.abs(card.length - digits.length) !== 1) return false;
  const [long, short] = card.length > digits.length ? [card, digits] : [digits, card];
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return long.slice(i + 1) === short.slice(i);
}
export function findMistypedCards(text: string, found: readonly Candidate[]): Candidate[] {
  const cards = found.filter((c) => c.type === "card_number").map((c) => text.slice(c.start, c.end).replace(/\D/g, "")).filter((d) => d.length >= 13);
  if (cards.length === 0) return [];
  const out: Candidate[] = [];
  for (const m of text.matchAll(LONG_NUMBER)) {
    const digits = m[0].replace(/\D/g, "");
    const start = m.index!;
    if (found.some((c) => c.start < start + m[0].length && start < c.end)) continue;
    const near = cards.some((card) => isMistyped(card, digits));
    if (near) out.push({ start, end: start + m[0].length, type: "card_number", priority: PRIORITY.pattern });
  }
  return out;
}

/**
 * Card numbers payment providers publish for their test modes (Stripe's, Adyen's, Braintree's and
 * the networks' own): no bank issues them, and a developer's ticket about a sandbox quotes them.
 * Kept only where the message says it is testing in a sandbox or quotes the docs.
 */
const PUBLISHED_TEST_CARDS = new Set(
  ("4242424242424242 4000056655665556 4000002500003155 4000002760003184 4000000000003220 4000000000000002 4000000000009995 4000000000000069 " +
    "4000000000000127 4000000000000119 4000000000000077 4000000000000341 4111111111111111 4012888888881881 4222222222222 4005519200000004 " +
    "5555555555554444 2223003122003222 5200828282828210 5105105105105100 5454545454545454 2222400070000005 5431111111111111 " +
    "378282246310005 371449635398431 378734493671000 6011111111111117 6011000990139424 3056930009020004 36227206271667 38520000023237 " +
    "3566002020360505 3530111333300000 6200000000000005 " +
    // Adyen's generic test cards
    "5555341244441115 4111111145551142 370000000000002 4988438843884305 4166676667666746 4646464646464644 5100290029002909 " +
    "5577000055770004 5136333333333335 5585558555855583 5555444433331111 5500000000000004 4444333322221111 4400000000000008 4977949494949497").split(" "),
);
// (not a bare "test": "this is a test, my card is 4111 …" is a customer's card)
const TESTING = /\b(?:sandbox|staging|test\s*mode|test\s+(?:card|number|environment|env|account|key|data|gateway)|(?:your|api|the|payment)\s+docs|documentation|documented)\b/i;

/** A card number of the providers' published test cards, in a message about testing. */
export const isTestCard = (text: string, digits: string): boolean => PUBLISHED_TEST_CARDS.has(digits) && quickTest(TESTING, text);
