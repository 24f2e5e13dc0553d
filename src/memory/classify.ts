// Routes a conversation to a support vertical by a weighted vote of lexicon phrases and ID
// shapes, inside the tenant's routing rule. Pure: no I/O, every pattern compiled at load.
import type { TenantSupportSettings, Vertical } from "./types";
import { VERTICALS } from "./types";
import { verticalVotes } from "./extract/lexicons";
import { RequiredTextIndex, requiredTextOf } from "./required-text";
import { buildPhraseIndex, fold, scanPhrases, stripRedactions, tokenize } from "./extract/text";

export type VerticalClassification = {
  vertical: Vertical;
  confidence: number;
  scores: Partial<Record<Vertical, number>>;
};

const INDEX = buildPhraseIndex(verticalVotes());

// Reference shapes that only one vertical issues; they vote like a strong word. They read the
// folded text (lower case) unless `cased`, and a shape none of whose required strings is in the
// text is not run (most messages hold none).
const SHAPES: { re: RegExp; vertical: Vertical; weight: number; cased?: true }[] = [
  { re: /\b(?:ord|order|ordr|so)[-#_]?\d{4,}\b|\border (?:no\.? ?|number |#)?\d{5,}\b/, vertical: "ecommerce", weight: 3 },
  { re: /\b\d{3}-\d{7}-\d{7}\b/, vertical: "ecommerce", weight: 3 },
  { re: /\b(?:awb|tracking)\b/, vertical: "ecommerce", weight: 1 },
  { re: /\b[\w.-]{2,}@(?:ok(?:axis|hdfcbank|icici|sbi)|ybl|paytm|upi|ibl|axl|apl|oksbi)\b/, vertical: "banking_fintech", weight: 3 },
  { re: /\b(?:txn|utr|rrn)[-#:\s]*[a-z0-9]{6,}\b/, vertical: "banking_fintech", weight: 2 },
  { re: /\bpnr\b/, vertical: "travel", weight: 2 },
  { re: /\b[A-Z]{3}\s?(?:-|\u2013|\u2192|to)\s?[A-Z]{3}\b.{0,40}\bflight\b/, vertical: "travel", weight: 1, cased: true },
  { re: /\b(?:inv|invoice)[-#]?\d{3,}/, vertical: "saas", weight: 1 },
  { re: /\b\d{2,4}\s?(?:mbps|gb|mb)\b/, vertical: "telecom", weight: 1 },
];
const SHAPE_TEXT = new RequiredTextIndex(SHAPES.map((s) => (s.cased ? null : requiredTextOf(s.re))));

// When two verticals tie, the one whose mistakes cost most is preferred (money first).
const PRIORITY: Vertical[] = ["banking_fintech", "ecommerce", "travel", "telecom", "saas", "edtech_support", "general_info"];

/** Raw vote per vertical for a text; verticals that got nothing are absent. */
export function scoreVerticals(text: string): Partial<Record<Vertical, number>> {
  const clean = stripRedactions(text);
  const folded = fold(clean);
  const scores: Partial<Record<Vertical, number>> = {};
  scanPhrases(tokenize(folded), INDEX, (votes) => {
    for (const v of votes) scores[v.vertical] = (scores[v.vertical] ?? 0) + v.weight;
  });
  const may = SHAPE_TEXT.mayMatch(folded);
  SHAPES.forEach((s, i) => {
    if (may[i] && s.re.test(s.cased ? clean : folded)) scores[s.vertical] = (scores[s.vertical] ?? 0) + s.weight;
  });
  return scores;
}

/**
 * The top-scoring allowed vertical. A tie goes to the vertical with more of `words` (the
 * lexicon's own score: a guess from elsewhere does not beat what the text says), then to PRIORITY.
 */
function best(scores: Partial<Record<Vertical, number>>, allowed: readonly Vertical[], words: Partial<Record<Vertical, number>>): { vertical: Vertical; top: number; second: number } | null {
  let winner: Vertical | null = null;
  let top = 0;
  let second = 0;
  for (const v of PRIORITY) {
    if (!allowed.includes(v)) continue;
    const s = scores[v] ?? 0;
    if (s > top || (s === top && winner !== null && s > 0 && (words[v] ?? 0) > (words[winner] ?? 0))) {
      second = top; // on a tie, the one it beat scores as much
      top = s;
      winner = v;
    } else if (s > second) {
      second = s;
    }
  }
  return winner ? { vertical: winner, top, second } : null;
}

/** More evidence and a wider lead both raise confidence; a lone weak word stays near a coin toss. */
function confidenceOf(top: number, second: number): number {
  const base = Math.min(0.97, 0.45 + 0.07 * top);
  const share = top / (top + second);
  return Math.round(base * (0.5 + 0.5 * share) * 100) / 100;
}

const FALLBACK_CONFIDENCE = 0.35;
// A vertical "scores" with more than one weak word, and (in multi mode) with a fair share of the
// evidence: an incidental "cancelled" must not route a flight complaint to an ecommerce tenant.
const MIN_SCORE = 2;
const MIN_SHARE_OF_TOP = 0.25;

/**
 * `hints` are extra votes the caller already has (the extractor adds one for the vertical its
 * issue kind belongs to: "account frozen" leans banking even when no banking word is said).
 * `lexicon` is scoreVerticals(text), when the caller has it already.
 */
export function classifyVertical(
  text: string,
  settings: TenantSupportSettings,
  hints: Partial<Record<Vertical, number>> = {},
  lexicon: Partial<Record<Vertical, number>> = scoreVerticals(text),
): VerticalClassification {
  const scores = { ...lexicon };
  for (const [v, w] of Object.entries(hints) as [Vertical, number][]) if (w > 0) scores[v] = (scores[v] ?? 0) + w;
  if (settings.support_type_mode === "single" && settings.support_type) {
    return { vertical: settings.support_type, confidence: 1, scores };
  }
  const allowed: readonly Vertical[] =
    settings.support_type_mode === "multi" ? settings.support_types_allowed : VERTICALS;
  const pick = best(scores, allowed, lexicon);
  const overallTop = Math.max(0, ...Object.values(scores));
  if (!pick || pick.top < MIN_SCORE || pick.top < MIN_SHARE_OF_TOP * overallTop) {
    return { vertical: "general_info", confidence: FALLBACK_CONFIDENCE, scores };
  }
  return { vertical: pick.vertical, confidence: confidenceOf(pick.top, pick.second), scores };
}
