// PII redaction, run on every message before it is stored, extracted or sent to an LLM
// ("PII never stored or posted"). It removes card numbers, CVVs, OTPs, passwords, PINs,
// Aadhaar, PAN, passport and other national ID numbers, IMEIs (last 4 kept), bank account
// numbers, IBANs, SSNs and API keys or access tokens;
// it keeps the references an agent works with (order, invoice, UTR, PNR, ticket, tracking
// numbers, amounts, dates, phones, emails, "card ending 4242"). Routing numbers, sort codes
// and IFSC are kept on purpose: they name a bank branch, not a customer.
// It does not yet look at numbers inside JSON numbers (only strings), nor at names or addresses.
import { findAnswersAndKeys } from "./answers-and-keys";
import { askedFor, bareAnswer, findTranscriptAnswers, type Asked } from "./asked-for";
import { findApiKeys, publicKeySpans } from "./api-keys";
import { cardOverLines, findCardData, findMistypedCards, isTestCard } from "./card-data";
import { findCardPieces } from "./card-pieces";
import { digitsOf } from "./checks";
import { findCorrections } from "./corrections";
import { findCodesAfterCards, findExpiries } from "./card-codes";
import { findCodesByPhrasing } from "./codes-by-phrasing";
import { findCodesInTalk } from "./codes-in-talk";
import { findDocumentsInMessage } from "./documents-in-message";
import { findLabelledValues } from "./labelled";
import { findNamedIds } from "./named-ids";
import { findNetworkKeys } from "./network-keys";
import { findPasswordsByPhrasing } from "./password-phrasings";
import { findPatternValues } from "./patterns";
import { findSecurityAnswers } from "./security-answers";
import { findGiftCards } from "./gift-cards";
import { findSpokenCodes } from "./spoken-codes";
import { findStructuredValues } from "./structured";
import { findTravellersDocuments } from "./travellers-documents";
import { PRIORITY, type Candidate, type RedactionFinding } from "./pii-types";
import { addFindings, countFindings, existingTokens, mergeCandidates, renderSpans } from "./spans";

export type { PiiType, RedactionFinding } from "./pii-types";

/**
 * Digits as other scripts write them (Arabic-Indic, Persian, Devanagari, Bengali, Thai,
 * full-width) and full-width dashes, dots, slashes and spaces, as ASCII: "٤٢٧٦ ٧٣١٦ …",
 * "３５７１－３８１９－…", "५४७४ ९३१८ ३०३४" are read as what they are; so are the spaces a phone or a
 * word processor puts between groups (no-break, thin, narrow, zero-width: "4481\u200b9731…").
 * Each is one UTF-16 unit and so is its replacement: the offsets found in the copy are the original's.
 */
const OTHER_DIGITS = /[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\u09E6-\u09EF\u0E50-\u0E59\uFF10-\uFF19\uFF0D-\uFF0F\u3000\u00A0\u2000-\u200B\u202F\u205F\u2060\uFEFF]/;
const OTHER_DIGITS_G = new RegExp(OTHER_DIGITS.source, "g");
/** Where each script's zero is: Arabic-Indic, Persian, Devanagari, Bengali, Thai, full-width. */
const ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0xff10];
/** A card's groups joined by underscores ("9792_3422_8245_8578"), read as spaced. */
const UNDERSCORED_GROUPS = /(?<![\w])\d{4}(?:_\d{3,6}){2,4}(?![\w])/g;
function asciiDigits(text: string): string {
  let out = text;
  if (OTHER_DIGITS.test(out))
    out = out.replace(OTHER_DIGITS_G, (c) => {
      const code = c.charCodeAt(0);
      if (code >= 0xff0d && code <= 0xff0f) return "-./"[code - 0xff0d]!;
      if (code === 0x3000 || code < 0x0660 || (code >= 0x2000 && code <= 0x2060) || code === 0xfeff) return " ";
      return String(code - ZEROS.find((z) => code >= z && code <= z + 9)!);
    });
  if (out.includes("_")) out = out.replace(UNDERSCORED_GROUPS, (g) => g.replaceAll("_", " "));
  return out;
}

/**
 * A helpdesk's HTML markup as blanks ("I got the code <b>482913</b>", "<p>…</p><p>…</p>"): the
 * readers see the words the customer wrote, at the same offsets. Only tags without attributes: an
 * attribute may hold a secret ("<a href=\"…?token=…\">"), which must still be read.
 */
const BARE_TAG = /<\/?(?:b|i|u|s|p|br|hr|div|span|strong|em|li|ul|ol|td|tr|th|table|tbody|thead|font|h[1-6]|code|pre|blockquote|small|sup|sub|mark|del|ins)\s*\/?>|&nbsp;/gi;
function withoutTags(text: string): string {
  if (!text.includes("<") && !text.includes("&")) return text;
  return text.replace(BARE_TAG, (tag) => (/^<\/?(?:p|br|hr|div|li|tr|h\d)\b/i.test(tag) ? "\n" + " ".repeat(tag.length - 1) : " ".repeat(tag.length)));
}

/**
 * A card number written across a helpdesk's markup ("<span class=\"num\">4201</span> <span
 * class=\"num\">3325</span> …", "4830&nbsp;2312&nbsp;…"), which the blanked copy shows with its
 * groups too far apart: read in a copy without the markup (inline tags gone, a block tag as a line
 * break, a no-break space as a space), each card found taken in the original from its first digit
 * to its last, the markup between them too.
 */
const DIGIT_THEN_MARKUP = /\d\s*(?:<\/?[a-z][^<>]{0,200}>|&nbsp;|&#160;|&#xa0;)/i;
const MARKUP = /<\/?([a-z][a-z0-9]*)\b[^<>]{0,200}>|&nbsp;|&#160;|&#xa0;/gi;
const BLOCK_TAG = /^(?:p|br|hr|div|li|ul|ol|tr|td|th|table|h[1-6]|blockquote|pre)$/i;
function cardsAcrossMarkup(text: string): Candidate[] {
  if (!text.includes("<") && !text.includes("&")) return [];
  if (!DIGIT_THEN_MARKUP.test(text)) return [];
  let plain = "";
  const at: number[] = [];
  let last = 0;
  const keep = (from: number, to: number): void => {
    plain += text.slice(from, to);
    for (let i = from; i < to; i++) at.push(i);
  };
  for (const m of text.matchAll(MARKUP)) {
    keep(last, m.index);
    const put = m[1] === undefined ? " " : BLOCK_TAG.test(m[1]) ? "\n" : "";
    if (put) (plain += put), at.push(m.index);
    last = m.index + m[0].length;
  }
  keep(last, text.length);
  return findPatternValues(plain)
    .filter((c) => c.type === "card_number")
    .map((c) => ({ ...c, start: at[c.start]!, end: at[c.end - 1]! + 1 }));
}

/** `known`: what the turns around it showed to be secret (see redactConversation). */
export function redactText(text: string, known: readonly Candidate[] = []): { text: string; findings: RedactionFinding[] } {
  // every reader reads the ASCII copy; the original is what is rendered
  const ascii = asciiDigits(text);
  const scan = withoutTags(ascii);
  const labelled = findLabelledValues(scan);
  const patterns = findPatternValues(scan);
  const candidates = [...known, ...findTranscriptAnswers(scan), ...cardOnLines(scan), ...labelled, ...patterns, ...findApiKeys(scan), ...findPasswordsByPhrasing(scan), ...findAnswersAndKeys(scan), ...findCodesByPhrasing(scan), ...findCodesInTalk(scan), ...findNetworkKeys(scan), ...findTravellersDocuments(scan), ...findSpokenCodes(scan), ...findDocumentsInMessage(scan), ...findNamedIds(scan, [...labelled, ...patterns]), ...findStructuredValues(scan), ...findCardData(scan), ...findCardPieces(scan), ...findSecurityAnswers(scan), ...findGiftCards(scan), ...cardsAcrossMarkup(ascii)];
  candidates.push(...findCodesAfterCards(scan, candidates), ...findExpiries(scan, candidates), ...findMistypedCards(scan, candidates));
  candidates.push(...findCorrections(scan, candidates));
  // (the test cards payment providers publish, in a developer's message about a sandbox; what an SSH public key holds)
  const published = publicKeySpans(scan);
  const kept = candidates.filter((c) => !(c.type === "card_number" && isTestCard(scan, digitsOf(scan.slice(c.start, c.end)))) && !published.some((p) => p.start <= c.start && c.end <= p.end));
  if (kept.length === 0) return { text, findings: [] };
  const spans = mergeCandidates(kept, existingTokens(text));
  return { text: renderSpans(text, spans), findings: countFindings(spans) };
}

/**
 * The messages of a conversation, in order, each redacted; a message that is nothing but the value
 * the message before asked for ("094" after "and the 3 digit code on the back?", a card's number
 * given in two messages) is redacted as that value.
 */
export function redactConversation(texts: readonly string[]): { text: string; findings: RedactionFinding[] }[] {
  let asked: Asked | null = null;
  const scans = texts.map((t) => withoutTags(asciiDigits(t)));
  const pieces = cardOverLines(scans);
  return texts.map((text, i) => {
    const scan = scans[i]!;
    const answer = asked ? bareAnswer(scan, asked) : [];
    const known = pieces.filter((p) => p.turn === i).map((p): Candidate => ({ start: p.start, end: p.end, type: "card_number", priority: PRIORITY.labelled }));
    const r = redactText(text, [...answer, ...known]);
    if (answer.length === 0) asked = askedFor(scan);
    return r;
  });
}

/** A card given over a transcript's lines, as offsets in the whole text. */
function cardOnLines(text: string): Candidate[] {
  if (!text.includes("\n") || !/\d{4}[^\n]*\n/.test(text)) return [];
  const lines = text.split("\n");
  const starts: number[] = [];
  lines.reduce((at, line) => (starts.push(at), at + line.length + 1), 0);
  return cardOverLines(lines).map((p) => ({ start: starts[p.turn]! + p.start, end: starts[p.turn]! + p.end, type: "card_number", priority: PRIORITY.labelled }));
}

/** Every string inside plain objects and arrays, keys untouched; the input is not modified. */
export function redactDeep<T>(value: T): { value: T; findings: RedactionFinding[] } {
  let findings: RedactionFinding[] = [];
  const seen = new Map<object, unknown>();
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      const r = redactText(v);
      if (r.findings.length > 0) findings = addFindings(findings, r.findings);
      return r.text;
    }
    if (v === null || typeof v !== "object") return v;
    if (seen.has(v)) return seen.get(v);
    if (Array.isArray(v)) {
      const copy: unknown[] = [];
      seen.set(v, copy);
      for (const item of v) copy.push(walk(item));
      return copy;
    }
    if (!isPlainObject(v)) return v; // Dates, Buffers, Maps, class instances: not ours to rewrite
    const copy: Record<string, unknown> = {};
    seen.set(v, copy);
    for (const [k, item] of Object.entries(v)) copy[k] = walk(item);
    return copy;
  };
  return { value: walk(value) as T, findings };
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
