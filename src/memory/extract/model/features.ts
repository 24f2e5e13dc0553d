// The features the linear model reads from a text: word unigrams and bigrams, character
// 4-grams of each word with its boundaries marked (so "refund", "refunded" and "refnd" share
// most of their features), and each word's group of words used alike in general English
// (so "pedicure", which no training text says, reads like "manicure" and "massage"). Each
// feature is hashed to a 22-bit id; collisions are rare at this vocabulary size and cost
// little. Digits read as 0 so ids don't become words.
import fs from "node:fs";
import path from "node:path";
import { fold } from "../text";

export const FEATURE_BITS = 22;
const MASK = (1 << FEATURE_BITS) - 1;
const WORD = /[\p{L}\p{N}']+/gu;
const MAX_WORDS = 120;
/**
 * Character n-grams of one length, 4. On the validation folds (`npm run train -- --cv 4`) they
 * did better overall than 3- to 5-grams, 3+5, 4+5 or none (against 3–5: NLU++ hotels vertical
 * +1.6 and issue kind +2.6 points, NLU++ banking issue kind +1.2; NLU++ banking vertical and
 * Bitext issue kind −0.4), with 5 lookups for a six-letter word instead of 15.
 */
const CHAR_GRAM = 4;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of s[from, to), continuing from the state `h`. */
function mix(h: number, s: string, from = 0, to = s.length): number {
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h;
}

/** The FNV-1a state before any character, with a salt per feature family. */
const seed = (salt: number): number => (FNV_OFFSET ^ salt) >>> 0;

/**
 * The groups: word-clusters.txt, one group per line, 120,000 English words in 1,000 groups,
 * written by eval/build-word-clusters.ts from GloVe's word vectors (k-means). Read once.
 */
const CLUSTERS_PATH = path.join(__dirname, "word-clusters.txt");
let groupIds: Map<string, number> | undefined;

/** Each word's group as a feature id. */
function groupFeatures(): Map<string, number> {
  if (groupIds) return groupIds;
  const ids = new Map<string, number>();
  fs.readFileSync(CLUSTERS_PATH, "utf8")
    .split("\n")
    .forEach((line, group) => {
      const id = mix(seed(4), `g${group}`) & MASK;
      for (const w of line.split(" ")) if (w) ids.set(w, id);
    });
  groupIds = ids;
  return ids;
}
/**
 * A word's group counts twice, as much as its unigram and bigram together: on the validation
 * folds (mean of three seeds, against no groups) NLU++ banking vertical +0.5, NLU++ hotels
 * vertical +0.3 and issue kind +0.2, the regression sets' issue kind +0.6, Bitext −0.2; once
 * cost NLU++ hotels issue kind 0.5, three times Bitext issue kind 0.6.
 */
const GROUP_COUNT = 2;

/**
 * Feature ids of a text, with repeats (a word said twice counts twice). The ids are the
 * 22-bit FNV-1a hashes of the feature strings ("refund", "my refund", "<re", …), with a salt
 * per family; they are hashed in place, without building those strings.
 */
export function featurize(text: string): number[] {
  const words = (fold(text).replace(/\d/g, "0").match(WORD) ?? []).slice(0, MAX_WORDS).map((w) => (w.includes("'") ? w.replace(/^'+|'+$/g, "") : w)).filter(Boolean);
  const out: number[] = [];
  const groups = groupFeatures();
  let prev = "<s>";
  for (const w of words) {
    // the unigram, then the bigram "prev w"
    out.push(mix(seed(1), w) & MASK, mix(mix(mix(seed(2), prev), " "), w) & MASK);
    prev = w;
    const group = groups.get(w);
    if (group !== undefined) for (let r = 0; r < GROUP_COUNT; r++) out.push(group);
    const padded = `<${w}>`;
    for (let i = 0; i + CHAR_GRAM <= padded.length; i++) out.push(mix(seed(3), padded, i, i + CHAR_GRAM) & MASK);
  }
  if (words.length > 0) out.push(mix(seed(2), `${prev} </s>`) & MASK);
  return out;
}
