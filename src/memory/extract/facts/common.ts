// Shared shapes and helpers for the per-vertical fact readers.
import type { FoundRef } from "../refs";

export type FactInput = {
  /** Customer messages, redaction tokens already removed. */
  texts: string[];
  /** References found in the batch (customer and agent). */
  refs: FoundRef[];
  /** The issue kind found, if any. */
  issueType: string | null;
};

export type Facts = Record<string, string | string[]>;

/** First capture of the first pattern that matches any text, trimmed. */
export function firstCapture(texts: string[], patterns: RegExp[], group = 1): string | undefined {
  for (const text of texts) {
    for (const re of patterns) {
      const m = re.exec(text);
      const v = m?.[group]?.trim();
      if (v) return v;
    }
  }
  return undefined;
}

/** Sets a key only when there is a value; arrays only when non-empty. */
export function put(facts: Facts, key: string, value: string | string[] | undefined): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    const list = [...new Set(value.map((v) => v.slice(0, 120)))].slice(0, 50);
    if (list.length > 0) facts[key] = list;
  } else if (value.trim() !== "") {
    facts[key] = value.trim().slice(0, 300);
  }
}

export const refsOf = (refs: FoundRef[], kinds: FoundRef["kind"][]): string[] =>
  refs.filter((r) => kinds.includes(r.kind)).map((r) => r.value);

export const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
export const WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
