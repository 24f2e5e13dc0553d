// A "digit group" is a run of digits split by a space (or two), a dash or a spaced dash, the
// way people type card and account numbers ("4111 1111 1111 1111", "35-209900-176148-1",
// "4273 - 3303"). Which leading chunks of a group make the value is decided per kind.

export type Chunk = { start: number; end: number };
export type DigitGroup = { start: number; end: number; chunks: Chunk[] };

// No nested ambiguity: a separator is always followed by a digit, so this is linear. A value
// never has more than a dozen chunks, so reading stops there (bounded work per label).
/** Between two chunks: a space (or two), a dash, a spaced dash. patterns.ts reads unlabelled groups with it too. */
export const CHUNK_SEPARATOR = String.raw`(?:[ \u00a0]{1,2}|[ \u00a0]?-[ \u00a0]?)`;
const GROUP_AT = new RegExp(String.raw`\d+(?:${CHUNK_SEPARATOR}\d+){0,11}`, "y");
const CHUNK = /\d+/g;

/** "…,50" or "….5" continues a number; ",5500000000000004" starts the next one in a list. */
// not a date's or a time's next part ("…,05/26" in a pasted table) nor the next field of a CSV line
export const DECIMALS = /^[.,]\d{1,3}(?![\d/:,])/;

/**
 * Identity and account numbers are also written with dots ("123.45.6789", an SSN) or slashes
 * (an IMEI "35/980695/924516/5"), which in
 * other numbers mark decimals: read only for the kinds in DOTTED_KINDS, and only with three
 * chunks or more ("49.99" stays an amount).
 */
const DOTTED_AT = /\d+(?:[./]\d+){2,11}(?![\d/]|\.\d)/y; // (a sentence's stop may follow)
export const DOTTED_KINDS: ReadonlySet<string> = new Set(["ssn", "bank_account", "sort_code_account", "aadhaar", "imei"]);

export function readDigitGroup(text: string, at: number, dotted = false): DigitGroup | null {
  const re = dotted ? DOTTED_AT : GROUP_AT;
  re.lastIndex = at;
  const m = re.exec(text);
  if (!m) return null;
  const chunks: Chunk[] = [];
  for (const c of m[0].matchAll(CHUNK)) chunks.push({ start: at + c.index, end: at + c.index + c[0].length });
  return { start: at, end: at + m[0].length, chunks };
}

export function chunkLengths(chunks: Chunk[]): number[] {
  return chunks.map((c) => c.end - c.start);
}

export function digitsIn(text: string, chunks: Chunk[]): string {
  let out = "";
  for (const c of chunks) out += text.slice(c.start, c.end);
  return out;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const within = (n: number, lo: number, hi: number) => n >= lo && n <= hi;

/** A short code read out digit by digit ("1 2 3 4"): single digits, `lo` to `hi` of them. */
const spelledOut = (l: number[], lo: number, hi: number) => l.length > 1 && l.every((n) => n === 1) && within(l.length, lo, hi);

/** What a labelled value of each digit kind may look like, by the lengths of its chunks. */
export const DIGIT_SHAPES = {
  // "482913", "482 913", "4829 1376", "48-29-13"; not a date ("2026-11-25", "25-11-2026").
  otp: (l: number[]) =>
    l.length === 1 ? within(l[0], 4, 8) : l.length === 2 ? l.every((n) => within(n, 3, 4)) : (l.length === 3 && l.every((n) => n === 2)) || spelledOut(l, 4, 8),
  cvv: (l: number[]) => (l.length === 1 && within(l[0], 3, 4)) || spelledOut(l, 3, 4),
  // a CVV, or a one-time code as written in groups ("482 913")
  security_code: (l: number[]) => (l.length === 1 && within(l[0], 3, 8)) || (l.length > 1 && (DIGIT_SHAPES.otp(l) || spelledOut(l, 3, 8))),
  pin: (l: number[]) => (l.length === 1 && within(l[0], 4, 8)) || spelledOut(l, 4, 8),
  // The Indian postal PIN code has 6 digits; a 6-digit "PIN code" is kept as an address.
  pin_code: (l: number[]) => l.length === 1 && within(l[0], 4, 8) && l[0] !== 6,
  card_number: (l: number[]) => within(sum(l), 13, 19),
  // 9–18 digits nearly everywhere; the Spanish CCC has 20; Brazil's accounts are 4–12 digits
  // and a check digit after a dash ("conta 12345-6").
  // (the French RIB has 23 with its bank, branch and key)
  bank_account: (l: number[]) => within(sum(l), 9, 23) || (l.length === 2 && within(l[0], 4, 12) && l[1] === 1),
  // Next to a sort code or a BSB, an account number has 6–8 digits too (UK and Australian ones).
  sort_code_account: (l: number[]) => within(sum(l), 6, 20),
  // 12 digits, or the 16-digit Aadhaar Virtual ID.
  aadhaar: (l: number[]) => sum(l) === 12 || sum(l) === 16,
  ssn: (l: number[]) => sum(l) === 9,
  // 15 digits, 14 without the check digit, 16 for IMEISV.
  imei: (l: number[]) => within(sum(l), 14, 16),
} as const;
export type DigitKind = keyof typeof DIGIT_SHAPES;

/** Short secrets sit next to other numbers ("OTP 482913 2 minutes ago"); long ones fill the group. */
const SHORT_KINDS = new Set<DigitKind>(["otp", "cvv", "security_code", "pin", "pin_code"]);

/**
 * How many leading chunks of the group are the value, or 0. The whole group when it fits.
 * A short secret may take a prefix only when what follows is no number of its own size
 * (a phone number "98765 43210" after "OTP sent to" is not an OTP); a long one takes its
 * longest fitting prefix ("4111 1111 1111 1111 12/27": the card, not the expiry), a card
 * preferring a prefix that passes Luhn.
 */
export function pickPrefix(text: string, group: DigitGroup, kind: DigitKind, passesLuhn: (d: string) => boolean): number {
  const fits = DIGIT_SHAPES[kind];
  const lengths = chunkLengths(group.chunks);
  const n = lengths.length;
  if (kind === "card_number") {
    for (let k = n; k >= 1; k--) {
      if (fits(lengths.slice(0, k)) && passesLuhn(digitsIn(text, group.chunks.slice(0, k)))) return k;
    }
  }
  if (fits(lengths)) return n;
  for (let k = n - 1; k >= 1; k--) {
    if (!fits(lengths.slice(0, k))) continue;
    if (!SHORT_KINDS.has(kind)) return k;
    const rest = sum(lengths.slice(k));
    return rest < 4 || rest >= 13 ? k : 0;
  }
  return 0;
}

/** Text before `start` on the same line, at most `max` characters. */
export function lineBefore(text: string, start: number, max: number): string {
  const from = Math.max(0, start - max);
  const slice = text.slice(from, start);
  const nl = slice.lastIndexOf("\n");
  return nl === -1 ? slice : slice.slice(nl + 1);
}
