// From candidate stretches to the redacted text: existing tokens are left alone (so redacting
// twice changes nothing), overlapping stretches are merged (so no digit of a secret survives
// between two detections), and each merged stretch becomes one token and one count.
import { digitsOf } from "./checks";
import type { Candidate, PiiType, RedactionFinding } from "./pii-types";

const TOKEN = /\[REDACTED:[a-z_]+(?: \u2026\d{4})?\]/g;

export function existingTokens(text: string): Array<[number, number]> {
  if (!text.includes("[REDACTED:")) return [];
  return [...text.matchAll(TOKEN)].map((m) => [m.index, m.index + m[0].length]);
}

export function mergeCandidates(candidates: Candidate[], tokens: Array<[number, number]>): Candidate[] {
  const kept = candidates
    .filter((c) => c.end > c.start && !tokens.some(([s, e]) => c.start < e && s < c.end))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Candidate[] = [];
  for (const c of kept) {
    const last = merged[merged.length - 1];
    if (last && c.start < last.end) {
      merged[merged.length - 1] = {
        start: last.start,
        end: Math.max(last.end, c.end),
        type: c.priority > last.priority ? c.type : last.type,
        priority: Math.max(last.priority, c.priority),
      };
    } else {
      merged.push({ ...c });
    }
  }
  return merged;
}

/** The IMEI keeps its last four digits: agents match a device by them. */
export function tokenFor(type: PiiType, original: string): string {
  if (type === "imei") {
    const digits = digitsOf(original);
    if (digits.length >= 4) return `[REDACTED:imei \u2026${digits.slice(-4)}]`;
  }
  return `[REDACTED:${type}]`;
}

export function renderSpans(text: string, spans: Candidate[]): string {
  let out = "";
  let cursor = 0;
  for (const s of spans) {
    out += text.slice(cursor, s.start) + tokenFor(s.type, text.slice(s.start, s.end));
    cursor = s.end;
  }
  return out + text.slice(cursor);
}

export function countFindings(spans: Candidate[]): RedactionFinding[] {
  const counts = new Map<PiiType, number>();
  for (const s of spans) counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
  return addFindings([], [...counts].map(([type, count]) => ({ type, count })));
}

/** Sum two lists of findings, sorted by type. */
export function addFindings(a: RedactionFinding[], b: RedactionFinding[]): RedactionFinding[] {
  const counts = new Map<PiiType, number>();
  for (const f of [...a, ...b]) counts.set(f.type, (counts.get(f.type) ?? 0) + f.count);
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([type, count]) => ({ type, count }))
    .sort((x, y) => (x.type < y.type ? -1 : x.type > y.type ? 1 : 0));
}
