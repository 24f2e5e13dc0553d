// Finds named things (integrations, carriers, airlines, payment methods…) in text and returns
// their canonical spelling. Names that are also ordinary words ("Box", "Delta", "Wise") only
// count when written with their capital, as brands are.
import type { NameList } from "./brands";

export type NameMatcher = (text: string) => string[];

const WORD = /[\p{L}\p{N}]+/gu;
let lastText: string | undefined;
let lastWords: readonly string[] = [];

/**
 * The lower-cased words of a text. The matchers of one vertical read the same texts one after
 * the other, so the last text's words are kept.
 */
function wordsOf(text: string): readonly string[] {
  if (text !== lastText) {
    lastWords = text.toLowerCase().match(WORD) ?? [];
    lastText = text;
  }
  return lastWords;
}

function someIn(words: readonly string[], wanted: ReadonlySet<string>): boolean {
  for (const w of words) if (wanted.has(w)) return true;
  return false;
}

/** The first word of a name, lower-cased ("booking" of "Booking.com"), or null when it starts with a symbol. */
function firstWord(name: string): string | null {
  const m = /^[\p{L}\p{N}]+/u.exec(name);
  return m ? m[0].toLowerCase() : null;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
}

export function buildNameMatcher(list: NameList | readonly string[], caseSensitive: ReadonlySet<string> = new Set()): NameMatcher {
  const entries: [spelling: string, canonical: string][] = Array.isArray(list)
    ? (list as readonly string[]).map((n) => [n, n])
    : Object.entries(list as NameList).flatMap(([c, spellings]) => [[c, c] as [string, string], ...spellings.map((s) => [s, c] as [string, string])]);
  const byLower = new Map<string, string>();
  const strict: string[] = [];
  const loose: string[] = [];
  for (const [spelling, canonical] of entries) {
    byLower.set(spelling.toLowerCase(), canonical);
    (caseSensitive.has(canonical) || caseSensitive.has(spelling) ? strict : loose).push(spelling);
  }
  const byLength = (a: string, b: string): number => b.length - a.length;
  // Word edges that also work for names ending in a symbol ("J&T", "Booking.com").
  const wrap = (names: string[], flags: string): RegExp | null =>
    names.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.sort(byLength).map(escape).join("|")})(?![\\p{L}\\p{N}])`, flags);
  const looseRe = wrap(loose, "giu");
  const strictRe = wrap(strict, "gu");
  // A match starts at a word's start and that word is the name's first word, so a text that has
  // none of the first words cannot match: most texts are told so without running the
  // expressions, whose many alternatives are tried at every position.
  const firsts = entries.map(([spelling]) => firstWord(spelling));
  const opening: ReadonlySet<string> | null = firsts.includes(null) ? null : new Set(firsts as string[]);
  return (text: string): string[] => {
    if (opening && !someIn(wordsOf(text), opening)) return [];
    const hits: { at: number; canonical: string }[] = [];
    for (const re of [looseRe, strictRe]) {
      if (!re) continue;
      for (const m of text.matchAll(re)) {
        const canonical = byLower.get(m[0].toLowerCase().replace(/\s+/g, " "));
        if (canonical) hits.push({ at: m.index!, canonical });
      }
    }
    hits.sort((a, b) => a.at - b.at);
    return [...new Set(hits.map((h) => h.canonical))];
  };
}
