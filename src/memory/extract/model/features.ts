// The features the linear model reads from a text: word unigrams and bigrams, and character
// 3- to 5-grams of each word with its boundaries marked (so "refund", "refunded" and
// "refnd" share most of their features). Each feature is hashed to a 22-bit id; collisions
// are rare at this vocabulary size and cost little. Digits read as 0 so ids don't become words.
import { fold } from "../text";

export const FEATURE_BITS = 22;
const MASK = (1 << FEATURE_BITS) - 1;
const WORD = /[\p{L}\p{N}']+/gu;
const MAX_WORDS = 120;

/** FNV-1a over the UTF-16 code units, with a salt per feature family. */
function hash(s: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h & MASK;
}

/** Feature ids of a text, with repeats (a word said twice counts twice). */
export function featurize(text: string): number[] {
  const words = (fold(text).replace(/\d/g, "0").match(WORD) ?? []).slice(0, MAX_WORDS).map((w) => w.replace(/^'+|'+$/g, "")).filter(Boolean);
  const out: number[] = [];
  let prev = "<s>";
  for (const w of words) {
    out.push(hash(w, 1), hash(`${prev} ${w}`, 2));
    prev = w;
    const padded = `<${w}>`;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= padded.length; i++) out.push(hash(padded.slice(i, i + n), 3));
    }
  }
  if (words.length > 0) out.push(hash(`${prev} </s>`, 2));
  return out;
}
