// cl100k token counting and budget packing for the read side (get). Pure, no I/O.
// Sections are measured line by line and packed once; each line's count is memoised (a bounded
// LRU keyed by the line's text: a customer's lines repeat on every get), and the finished
// string's exact count is added up from its lines rather than encoded again.
import { countTokens, decode, encode } from "gpt-tokenizer/encoding/cl100k_base";

// Profile text is customer text: "<|endoftext|>" in a summary must count as plain text,
// not make the tokenizer throw (its default) or turn into a control token.
const AS_PLAIN_TEXT = { disallowedSpecial: new Set<string>() };
const ELLIPSIS = "…";

export function countTextTokens(text: string): number {
  return text === "" ? 0 : countTokens(text, AS_PLAIN_TEXT);
}

/** Cuts `text` to at most `maxTokens` tokens, marking the cut with "…"; unchanged when it fits. */
export function truncateToTokens(text: string, maxTokens: number): string {
  if (maxTokens <= 0) return "";
  const tokens = encode(text, AS_PLAIN_TEXT);
  if (tokens.length <= maxTokens) return text;
  // "…" glued to the cut can merge or split differently: shave until the result fits.
  for (let keep = maxTokens - 1; keep > 0; keep--) {
    // A cut inside a multi-byte character decodes to U+FFFD: drop it rather than show garbage.
    const head = decode(tokens.slice(0, keep)).replace(/\uFFFD+$/u, "").trimEnd();
    const cut = head === "" ? "" : head + ELLIPSIS;
    if (cut !== "" && countTextTokens(cut) <= maxTokens) return cut;
  }
  return "";
}

export type PackLine = {
  text: string;
  /** Shortens the line to at most `maxTokens` tokens in a way that keeps its meaning (e.g. cut the summary, keep the ticket). */
  shrink?: (maxTokens: number) => string;
};

export type PackSection = {
  name: string;
  pinned: boolean;
  /** One line each, no newline inside, no leading or trailing whitespace (see cleanText). */
  lines: PackLine[];
  /** Leading lines that mean nothing alone (a "Critical risks:" header): dropped with the last body line. */
  headerLines: number;
  /** Pinned only: lines never dropped, only shortened (the rules header, the open issue line). */
  keepLines: number;
};

export type PackResult = { text: string; tokens: number; truncated: boolean; omitted: string[] };

type Line = { text: string; cost: number; shrink?: PackLine["shrink"] };
// `kept` lines of `all` are in the text: a section is always cut from its tail.
type Slot = { section: PackSection; all: Line[]; kept: number; cut: boolean };

// Memoised counts per line text: [with the newline that follows it, without]; -1 = not yet.
// Bounded and least-recently-used in two generations: a hit in the young map costs one lookup;
// a hit in the old one moves the entry to the young; when the young map is full it becomes the
// old one and the previous old one is dropped (at most 2 × LINE_CACHE_GENERATION entries).
// Very long texts are counted without being kept.
const LINE_CACHE_GENERATION = 10_000;
const LINE_CACHE_MAX_CHARS = 2_000;
let youngCounts = new Map<string, [number, number]>();
let oldCounts = new Map<string, [number, number]>();

function countsOf(text: string): [number, number] {
  const young = youngCounts.get(text);
  if (young) return young;
  const entry = oldCounts.get(text) ?? [-1, -1];
  if (text.length > LINE_CACHE_MAX_CHARS) return entry;
  if (youngCounts.size >= LINE_CACHE_GENERATION) {
    oldCounts = youngCounts;
    youngCounts = new Map();
  }
  youngCounts.set(text, entry);
  return entry;
}

// A line's cost is counted with the newline that follows it. cl100k's pre-tokenizer never lets
// a piece cross a newline into a line that starts with a non-space character, so the sum of
// these costs is the joined text's count plus at most one (the last line has no newline).
function lineCost(text: string): number {
  if (text === "") return 0;
  const c = countsOf(text);
  if (c[0] < 0) c[0] = countTextTokens(text + "\n");
  return c[0];
}

function plainCost(text: string): number {
  if (text === "") return 0;
  const c = countsOf(text);
  if (c[1] < 0) c[1] = countTextTokens(text);
  return c[1];
}

// A line that starts and ends with a non-space character and holds no line break.
const SELF_CONTAINED = /^[^\s](?:[^\r\n]*[^\s])?$/u;

/**
 * The exact cl100k count of `lines.join("\n")`: for lines that start and end with a non-space
 * character, every pre-token of the joined text lies within one line (its newline included),
 * so the count is each line's cost with its newline, the last one's without. Any other line
 * and the joined text is counted as a whole.
 */
export function countJoinedTokens(lines: readonly string[]): number {
  if (lines.length === 0) return 0;
  if (!lines.every((l) => SELF_CONTAINED.test(l))) return countTextTokens(lines.join("\n"));
  let n = 0;
  for (let i = 0; i < lines.length - 1; i++) n += lineCost(lines[i]);
  return n + plainCost(lines[lines.length - 1]);
}

/**
 * Packs sections, given most important first, into `maxTokens` cl100k tokens.
 * Order of sacrifice: (1) normal sections, lowest priority first, tail line first;
 * (2) pinned sections, least important first, tail line first, down to their `keepLines`;
 * (3) kept lines are shortened (their `shrink`, else a plain cut), last one first.
 * Then dropped lines that fit in what is left come back (see refill). Pinned lines never give
 * way to normal ones, each section is only ever cut from its tail, and the result always fits.
 */
export function packSections(sections: PackSection[], maxTokens: number): PackResult {
  const slots: Slot[] = sections
    .filter((s) => s.lines.length > 0)
    .map((section) => ({
      section,
      all: section.lines.map((l) => ({ text: l.text, cost: lineCost(l.text), shrink: l.shrink })),
      kept: section.lines.length,
      cut: false,
    }));
  let total = slots.reduce((sum, s) => sum + s.all.reduce((a, l) => a + l.cost, 0), 0);

  const dropTail = (slot: Slot, floor: number): void => {
    while (total > maxTokens && slot.kept > floor) {
      total -= slot.all[--slot.kept].cost;
      slot.cut = true;
      // A header left without a body goes too (never below the floor).
      while (slot.kept <= slot.section.headerLines && slot.kept > floor) total -= slot.all[--slot.kept].cost;
    }
  };
  for (let i = slots.length - 1; i >= 0 && total > maxTokens; i--) {
    if (!slots[i].section.pinned) dropTail(slots[i], 0);
  }
  for (let i = slots.length - 1; i >= 0 && total > maxTokens; i--) {
    if (slots[i].section.pinned) dropTail(slots[i], slots[i].section.keepLines);
  }
  for (let i = slots.length - 1; i >= 0 && total > maxTokens; i--) {
    const slot = slots[i];
    for (let j = slot.kept - 1; j >= 0 && total > maxTokens; j--) {
      const line = slot.all[j];
      const room = maxTokens - (total - line.cost) - 1; // -1: the newline after it
      const text = line.shrink ? line.shrink(room) : truncateToTokens(line.text, room);
      const short = truncateToTokens(text, room);
      const cost = lineCost(short);
      total += cost - line.cost;
      slot.all[j] = { text: short, cost };
      slot.cut = true;
    }
  }
  total = refill(slots, total, maxTokens);

  let lines = render(slots);
  let tokens = countJoinedTokens(lines);
  // Guard for the bound above: if the exact count still overshoots, cut the last line further.
  while (tokens > maxTokens) {
    const slot = [...slots].reverse().find((s) => s.kept > 0)!;
    const last = slot.all[slot.kept - 1];
    const shorter = truncateToTokens(last.text, countTextTokens(last.text) - (tokens - maxTokens));
    if (shorter === "") slot.kept--;
    else slot.all[slot.kept - 1] = { text: shorter, cost: lineCost(shorter) };
    slot.cut = true;
    lines = render(slots);
    tokens = countJoinedTokens(lines);
  }
  const omitted = slots.filter((s) => s.cut).map((s) => s.section.name);
  return { text: lines.join("\n"), tokens, truncated: omitted.length > 0, omitted };
}

// Second pass, once lines were shortened or a long line left room: dropped lines come back in
// order of importance. A short pinned line may come back past a long one that still does not
// fit (pinned facts all matter more than their order); normal lines come back only after every
// pinned line, and stop at the first that does not fit, so their priority order stays strict.
function refill(slots: Slot[], total: number, maxTokens: number): number {
  let pinnedComplete = true;
  for (const slot of slots) {
    if (!slot.section.pinned && !pinnedComplete) break;
    while (slot.kept < slot.all.length) {
      // An empty section comes back with its header and first body line together, or not at all.
      const take = slot.kept === 0 ? Math.min(slot.section.headerLines + 1, slot.all.length) : 1;
      const lines = slot.all.slice(slot.kept, slot.kept + take);
      const cost = lines.reduce((a, l) => a + l.cost, 0);
      if (lines.some((l) => l.text === "") || total + cost > maxTokens) break;
      total += cost;
      slot.kept += take;
    }
    const complete = slot.kept === slot.all.length && slot.all.every((l, i) => l.text === slot.section.lines[i].text);
    slot.cut = slot.cut && !complete;
    if (slot.section.pinned) pinnedComplete &&= complete;
    else if (slot.kept < slot.all.length) break;
  }
  return total;
}

/** The kept lines, in order, without empty ones: the text is these joined by newlines. */
function render(slots: Slot[]): string[] {
  const lines: string[] = [];
  for (const s of slots) for (let i = 0; i < s.kept; i++) if (s.all[i].text !== "") lines.push(s.all[i].text);
  return lines;
}
