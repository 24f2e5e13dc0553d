// A test, cheaper than running an expression, that it cannot match a text. The redactor runs
// several hundred expressions over every message, and most of them find nothing in most
// messages; an expression of a few dozen alternatives ("wi-?fi|wlan|ssid|router|…",
// "\b(?:card|carte|karte|…)\b") still reads the whole text to say so.
//
// What an expression cannot match without (one of a few strings: requiredTextAnyFlags) is looked
// up in the characters, pairs and triples of adjacent characters the text holds: a bit set of
// 8,192 bits filled once per text (one pass, in the first level of the CPU's cache) and shared
// by every guard; one set of the text as written, for expressions that tell capitals apart, one
// in one case (anyCase) for the others. A string whose triples are not all in the set is not in
// the text; a string whose triples are may be (they may stand apart, or two may share a bit),
// so the expression runs. Never a wrong "cannot": checked on every guard the redactor makes,
// over the bench corpus and every test fixture (test/unit/memory/pair-guard.test.ts).
import { anyCase, requiredTextAnyCase, requiredTextAnyFlags } from "./required-text";

/** Bits in a set: every hash below keeps its top 13 bits. */
const BITS = 8192;

// Math.imul's products, exact in a double for a UTF-16 unit (< 2^16 × 2^32 < 2^53): a test
// runner's sandbox serves Math through a proxy that made every call slow. A character's three
// products make its hash alone (z), as the first of a pair or triple (x), as the second (y).
const first = (c: number): number => (c * 0x9e3779b1) | 0;
const second = (c: number): number => (c * 0x85ebca6b) | 0;
const last = (c: number): number => (c * 0xc2b2ae35) | 0;
const charBit = (c: number): number => last(c) >>> 19;
const pairBit = (a: number, b: number): number => (first(a) ^ second(b)) >>> 19;
const tripleBit = (a: number, b: number, c: number): number => (first(a) ^ second(b) ^ last(c)) >>> 19;

/**
 * The bit sets of the last texts asked about (their characters, pairs and triples of adjacent
 * characters): as written, for expressions that tell capitals apart ("SIN\b|NAS\b|CC\b"), and
 * in one case. A few texts are kept: a reader may look at a line or a slice, then the message again.
 */
const KEPT = 4;
type Sets = { texts: (string | undefined)[]; sets: Int32Array[]; next: number };
const makeSets = (): Sets => ({ texts: new Array<string | undefined>(KEPT).fill(undefined), sets: Array.from({ length: KEPT }, () => new Int32Array(BITS >> 5)), next: 0 });
const written = makeSets();
const oneCase = makeSets();

function fill(set: Int32Array, t: string): void {
  set.fill(0);
  // charBit, pairBit and tripleBit of every position, each product computed once per character
  let hb = 0;
  let ha = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const x = first(c);
    const y = second(c);
    const z = last(c);
    const u = z >>> 19;
    set[u >> 5]! |= 1 << (u & 31);
    if (i >= 1) {
      const p = (ha ^ y) >>> 19;
      set[p >> 5]! |= 1 << (p & 31);
    }
    if (i >= 2) {
      const q = (hb ^ z) >>> 19;
      set[q >> 5]! |= 1 << (q & 31);
    }
    // for the next character: the pair (c, next) starts from c's first product, the triple (prev, c, next) from prev's and c's
    hb = ha ^ y;
    ha = x;
  }
}

function setOf(text: string, cased: boolean): Int32Array {
  const kept = cased ? written : oneCase;
  for (let k = 0; k < KEPT; k++) if (kept.texts[k] === text) return kept.sets[k]!;
  const k = kept.next;
  kept.next = (k + 1) % KEPT;
  fill(kept.sets[k]!, cased ? text : anyCase(text));
  kept.texts[k] = text;
  return kept.sets[k]!;
}

/** Every guard made, with its expression (for the test that no guard ever says "cannot" wrongly). */
export const GUARDED_EXPRESSIONS: RegExp[] = [];

/**
 * A guard for `re`: false where `re` cannot match the text, true where it may. An expression of
 * which nothing required can be told gets a guard that is always true.
 */
export function pairGuard(re: RegExp): (text: string) => boolean {
  const cased = !re.flags.includes("i");
  const strings = cased ? requiredTextAnyFlags(re, 1) : requiredTextAnyCase(re, 1);
  if (!strings) return () => true;
  GUARDED_EXPRESSIONS.push(re);
  // each string as the bits it needs, one run per string: bits[ends[k]] … bits[ends[k + 1] − 1]
  const list: number[] = [];
  const starts: number[] = [0];
  for (const s of strings) {
    const c = (i: number): number => s.charCodeAt(i);
    if (s.length === 1) list.push(charBit(c(0)));
    else if (s.length === 2) list.push(pairBit(c(0), c(1)));
    else for (let i = 2; i < s.length; i++) list.push(tripleBit(c(i - 2), c(i - 1), c(i)));
    starts.push(list.length);
  }
  const bits = Int32Array.from(list);
  const ends = Int32Array.from(starts);
  return (text: string): boolean => {
    const set = setOf(text, cased);
    for (let k = 0; k + 1 < ends.length; k++) {
      let all = true;
      for (let j = ends[k]!; j < ends[k + 1]!; j++) {
        const bit = bits[j]!;
        if ((set[bit >> 5]! & (1 << (bit & 31))) === 0) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  };
}

const guards = new WeakMap<RegExp, (text: string) => boolean>();

/**
 * Whether `re` may match `text` (false: it cannot), by its pair guard, made on its first use.
 * For expressions made once (module constants): a literal written inside a function is a new
 * expression at every call, and would get a new guard each time.
 */
export function mayMatch(re: RegExp, text: string): boolean {
  let guard = guards.get(re);
  if (!guard) guards.set(re, (guard = pairGuard(re)));
  return guard(text);
}

/** `re.test(text)` for an expression without the g or y flag, skipped where its guard rules it out. */
export function quickTest(re: RegExp, text: string): boolean {
  return mayMatch(re, text) && re.test(text);
}

/** `text.matchAll(re)` for an expression with the g flag, nothing where its guard rules it out. */
export function matchesOf(re: RegExp, text: string): Iterable<RegExpExecArray> {
  return mayMatch(re, text) ? text.matchAll(re) : [];
}
