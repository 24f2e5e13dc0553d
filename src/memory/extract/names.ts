// Finds named things (integrations, carriers, airlines, payment methods…) in text and returns
// their canonical spelling. Names that are also ordinary words ("Box", "Delta", "Wise") only
// count when written with their capital, as brands are.
import type { NameList } from "./brands";

export type NameMatcher = (text: string) => string[];

const WORD = /[\p{L}\p{N}]+/gu;
type Word = { lower: string; start: number; end: number };
let lastText: string | undefined;
let lastWords: Word[] = [];

/**
 * The words of a text (lower-cased, with their offsets). The matchers of one vertical read the
 * same texts one after the other, so the last text's words are kept.
 */
function wordsOf(text: string): Word[] {
  if (text !== lastText) {
    const lower = text.toLowerCase();
    // toLowerCase keeps offsets unless a character grows (a dotted capital I): then word by word
    const same = lower.length === text.length;
    lastWords = [];
    for (const m of text.matchAll(WORD)) {
      const start = m.index;
      const end = start + m[0].length;
      lastWords.push({ lower: same ? lower.slice(start, end) : m[0].toLowerCase(), start, end });
    }
    lastText = text;
  }
  return lastWords;
}

/** A spelling to look for: its words, and the text it must be (spaces standing for any whitespace). */
type Spelling = { text: string; words: number; canonical: string };

/** Spellings by their first word (lower-cased), longest first: a longer name hides one inside it. */
function indexByFirstWord(spellings: Spelling[], lowerCase: boolean): Map<string, Spelling[]> {
  const index = new Map<string, Spelling[]>();
  for (const s of spellings) {
    const first = (s.text.match(WORD) ?? [])[0];
    if (!first) continue;
    const key = first.toLowerCase();
    const list = index.get(key) ?? [];
    list.push(lowerCase ? { ...s, text: s.text.toLowerCase() } : s);
    index.set(key, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.text.length - a.text.length);
  return index;
}

const SPACES = /\s+/g;

/**
 * The names of `index` in `text`, left to right and not overlapping, each where its words stand
 * as whole words and the text between its first and last word is the spelling exactly (case
 * aside when `lowerCase`; any whitespace where it has a space): what one alternation of the
 * spellings, bounded by non-letters, finds, without trying every spelling at every position.
 */
function scan(text: string, words: Word[], index: Map<string, Spelling[]>, lowerCase: boolean, hits: { at: number; canonical: string }[]): void {
  for (let i = 0; i < words.length; i++) {
    const list = index.get(words[i]!.lower);
    if (!list) continue;
    for (const s of list) {
      const last = words[i + s.words - 1];
      if (!last) continue;
      const said = text.slice(words[i]!.start, last.end);
      if ((lowerCase ? said.toLowerCase() : said).replace(SPACES, " ") !== s.text) continue;
      hits.push({ at: words[i]!.start, canonical: s.canonical });
      i += s.words - 1;
      break;
    }
  }
}

export function buildNameMatcher(list: NameList | readonly string[], caseSensitive: ReadonlySet<string> = new Set()): NameMatcher {
  const entries: [spelling: string, canonical: string][] = Array.isArray(list)
    ? (list as readonly string[]).map((n) => [n, n])
    : Object.entries(list as NameList).flatMap(([c, spellings]) => [[c, c] as [string, string], ...spellings.map((s) => [s, c] as [string, string])]);
  const strict: Spelling[] = [];
  const loose: Spelling[] = [];
  for (const [spelling, canonical] of entries) {
    const s = { text: spelling.replace(SPACES, " "), words: (spelling.match(WORD) ?? []).length, canonical };
    (caseSensitive.has(canonical) || caseSensitive.has(spelling) ? strict : loose).push(s);
  }
  const looseIndex = indexByFirstWord(loose, true);
  const strictIndex = indexByFirstWord(strict, false);
  return (text: string): string[] => {
    const words = wordsOf(text);
    const hits: { at: number; canonical: string }[] = [];
    scan(text, words, looseIndex, true, hits);
    scan(text, words, strictIndex, false, hits);
    hits.sort((a, b) => a.at - b.at);
    return [...new Set(hits.map((h) => h.canonical))];
  };
}
