// Text helpers shared by the deterministic extractor: folding for matching, sentences,
// tokens and a phrase index for lexicons. Pure functions; every pattern is compiled once.

const REDACTION = /\[REDACTED:[a-z0-9_]+\]/gi;

/** Redaction tokens become a neutral placeholder so they are never read as refs or words. */
export function stripRedactions(text: string): string {
  return text.includes("[") ? text.replace(REDACTION, "\u2026") : text;
}

// One character in, one character out: positions found in the folded text are valid in
// the original, so a match can be cut out of the customer's own words.
const FOLD: Record<string, string> = {};
const FOLD_SOURCE = "àáâãäåāăąçćčďèéêëēėęěìíîïīįıñńňòóôõöøōőùúûüūůűųýÿžźżśšşřťğłđ";
const FOLD_TARGET = "aaaaaaaaacccdeeeeeeeeiiiiiiinnnoooooooouuuuuuuuyyzzzsssrtgld";
for (let i = 0; i < FOLD_SOURCE.length; i++) FOLD[FOLD_SOURCE[i]!] = FOLD_TARGET[i]!;
FOLD["\u2019"] = "'";
FOLD["\u2018"] = "'";
FOLD["\u201c"] = '"';
FOLD["\u201d"] = '"';
const FOLDABLE = /[\u00e0-\u017f\u2018\u2019\u201c\u201d]/g;

/** Lower case, Latin diacritics removed, curly quotes straightened; same length as the input. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // toLowerCase can lengthen a few characters (e.g. a dotted capital I): keep positions honest.
  const base = lower.length === text.length ? lower : text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return base.replace(FOLDABLE, (c) => FOLD[c] ?? c);
}

const ABBREVIATION = /\b(?:no|nr|ref|e\.g|i\.e|mr|mrs|ms|dr|st|vs|approx|inc|ltd|co|jr|sr|dept|acct|a\/c|ph|tel)\.$/i;
// A sentence ends at . ! ? followed by a space (so "booking.com" and "49.99" stay whole) or a line break.
const SENTENCE_BREAK = /[^\n]*?(?:[.!?]+["')\]]*(?=\s|$)|\n|$)/g;

export type Span = { text: string; start: number };

/** Sentences (with their offsets) of one message; abbreviations like "order no." do not end one. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let pending: Span | null = null;
  SENTENCE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_BREAK.exec(text)) !== null) {
    if (m[0] === "") {
      SENTENCE_BREAK.lastIndex++;
      if (SENTENCE_BREAK.lastIndex > text.length) break;
      continue;
    }
    const piece: Span = pending ? { text: pending.text + m[0], start: pending.start } : { text: m[0], start: m.index };
    const trimmed = piece.text.trimEnd();
    if (ABBREVIATION.test(trimmed) && SENTENCE_BREAK.lastIndex < text.length) {
      pending = piece;
      continue;
    }
    pending = null;
    if (trimmed.trim() !== "") out.push(piece);
  }
  if (pending && pending.text.trim() !== "") out.push(pending);
  return out;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}]+)?/gu;

/** Light, symmetric stemming: lexicon and text go through the same function. */
export function stem(word: string): string {
  let w = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (w.length > 4 && w.endsWith("ies")) return w.slice(0, -3) + "y";
  // "-ss", "-us", "-is", "-as" kept whole: "canvas" must not become the brand "canva".
  if (w.length > 3 && w.endsWith("s") && !"suia".includes(w[w.length - 2]!)) w = w.slice(0, -1);
  // Verb forms meet their base: "upgraded", "upgrading", "upgrade" all become "upgrad".
  if (w.length > 5 && w.endsWith("ing")) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith("ed")) return w.slice(0, -2);
  // Short words keep their "e": "plane" must not become "plan".
  if (w.length > 5 && w.endsWith("e")) return w.slice(0, -1);
  return w;
}

/**
 * Whitespace-separated words with a letter in them ("42" and "..." are not words), without
 * building them; counting stops at `enough`.
 */
export function wordCount(s: string, enough = Infinity): number {
  WORD_WITH_LETTER.lastIndex = 0;
  let n = 0;
  while (n < enough && WORD_WITH_LETTER.exec(s) !== null) n++;
  return n;
}
const WORD_WITH_LETTER = /[^\s\p{L}]*\p{L}\S*/gu;

/** Stemmed word tokens of already folded text. */
export function tokenize(folded: string): string[] {
  const out: string[] = [];
  for (const m of folded.matchAll(WORD)) out.push(stem(m[0]));
  return out;
}

/** A phrase index: every phrase is found at most once per position, longest first. */
export type PhraseIndex<T> = Map<string, { rest: string[]; value: T }[]>;

export function buildPhraseIndex<T>(entries: Iterable<[phrase: string, value: T]>): PhraseIndex<T> {
  const index: PhraseIndex<T> = new Map();
  for (const [phrase, value] of entries) {
    const tokens = tokenize(fold(phrase));
    if (tokens.length === 0) continue;
    const [head, ...rest] = tokens;
    const list = index.get(head!) ?? [];
    list.push({ rest, value });
    index.set(head!, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  return index;
}

/** Longest-match scan: a longer phrase ("in order to", "standing order") hides the words inside it. */
export function scanPhrases<T>(tokens: string[], index: PhraseIndex<T>, visit: (value: T) => void): void {
  let i = 0;
  while (i < tokens.length) {
    const list = index.get(tokens[i]!);
    let used = 1;
    if (list) {
      for (const entry of list) {
        let ok = true;
        for (let k = 0; k < entry.rest.length; k++) {
          if (tokens[i + 1 + k] !== entry.rest[k]) {
            ok = false;
            break;
          }
        }
        if (ok) {
          visit(entry.value);
          used = 1 + entry.rest.length;
          break;
        }
      }
    }
    i += used;
  }
}

const NEGATION = /(?:\b(?:not|no|never|don't|dont|do not|doesn't|didn't|won't|wouldn't|isn't|wasn't|without|instead of|rather than|no need to|nor)\s+(?:\w+\s+){0,2}$)/;

/** True when the words just before `at` in folded text negate what follows ("don't want a refund"). */
export function negatedAt(folded: string, at: number): boolean {
  const before = folded.slice(Math.max(0, at - 32), at);
  return NEGATION.test(before);
}

// "Hi team,", "Hello Ana -": a greeting and at most three words before punctuation.
const GREETING = /^(?:(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening)|hola|bonjour|hallo|ola|namaste|greetings)\b(?:\s+[\w'-]+){0,3}?\s*(?:[,.!:]+|\s[-\u2013\u2014]\s)\s*)+/i;

const BARE_GREETING = /^(?:hi|hello|hey|hiya)\s+(?=(?:my|our|i|we|the|there'?s|i'?m|im|your)\b)/i;

/** A readable one-sentence summary in the customer's words: greeting dropped, capped near 200 chars. */
export function trimSummary(sentence: string, max = 200): string {
  let s = sentence.replace(/\s+/g, " ").trim();
  s = s.replace(GREETING, "").replace(BARE_GREETING, "").trim();
  if (s.length > max) {
    const cut = s.slice(0, max - 1);
    const space = cut.lastIndexOf(" ");
    s = (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-]+$/, "") + "\u2026";
  }
  if (s.length > 0) s = s[0]!.toUpperCase() + s.slice(1);
  return s;
}

/** Builds a case-insensitive word-bounded alternation from plain phrases (regex-escaped). */
export function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"))
    .join("|");
}
