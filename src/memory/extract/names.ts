// Finds named things (integrations, carriers, airlines, payment methods…) in text and returns
// their canonical spelling. Names that are also ordinary words ("Box", "Delta", "Wise") only
// count when written with their capital, as brands are.
import type { NameList } from "./brands";

export type NameMatcher = (text: string) => string[];

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
  return (text: string): string[] => {
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
