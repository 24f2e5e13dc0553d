// What the shipped model adds to the rules: a vote for the vertical and a candidate issue kind,
// each only when the model is sure enough (margin thresholds chosen by cross-validation on
// the training data, `npm run train -- --cv 4`: at 0.1 a kind is right ~80 % of the time,
// at 0.8 ~98 %; a vertical at 0.2 ~94 %). Rules keep the last word on hard signals.
import type { Vertical } from "../../types";
import { shippedModel } from "./linear";

export type KindAdvice = { kind: string; margin: number; verticals: string[] };
export type ModelAdvice = { vertical: { label: string; margin: number }; kind: KindAdvice };

/** Margin above which the model's vertical votes, and the vote it casts there and past 0.5. */
const VERTICAL_MARGIN = 0.2;
const VERTICAL_VOTE = 2;
const VERTICAL_STRONG_MARGIN = 0.5;
const VERTICAL_STRONG_VOTE = 3;
/** Margin above which the model's kind replaces a generic fallback, and above which it replaces a rule's kind. */
export const KIND_OVER_FALLBACK = 0.1;
export const KIND_OVER_RULE = 0.8;
/** Below this share of known features the text is mostly words the model never saw: it abstains. */
const MIN_COVERAGE = 0.6;
/**
 * Kinds whose rule carries a risk signal or a legal duty (safety, fraud, a hacked account, KYC,
 * a data-protection request, a refund, a double charge, a cancellation): when a rule names one,
 * the model does not overrule it.
 */
const HARD_KINDS = new Set([
  "safety_issue", "fraud_dispute", "account_compromised", "kyc_pending", "data_request", "refund_request", "duplicate_charge", "cancellation_request",
]);
export const isHardKind = (kind: string): boolean => HARD_KINDS.has(kind);

export function adviseFromModel(text: string): ModelAdvice | null {
  if (text.trim() === "") return null;
  const model = shippedModel();
  const p = model.predict(text);
  const v = p.vertical!;
  const k = p.kind!;
  if (v.coverage < MIN_COVERAGE) return null;
  return { vertical: { label: v.label, margin: v.margin }, kind: { kind: k.label, margin: k.margin, verticals: model.kindVerticals[k.label] ?? [] } };
}

/** The model's vote for the classifier; general_info never gets one (it is what no evidence means). */
export function modelVerticalHint(advice: ModelAdvice | null): Partial<Record<Vertical, number>> {
  if (!advice || advice.vertical.label === "general_info" || advice.vertical.margin < VERTICAL_MARGIN) return {};
  const vote = advice.vertical.margin >= VERTICAL_STRONG_MARGIN ? VERTICAL_STRONG_VOTE : VERTICAL_VOTE;
  return { [advice.vertical.label as Vertical]: vote };
}

/**
 * The model's kind, if it leads the runner-up by `minMargin` and fits the routed vertical (a
 * kind seen only in other verticals is not offered).
 */
export function modelKind(advice: ModelAdvice | null, vertical: Vertical, minMargin: number): string | null {
  if (!advice || advice.kind.margin < minMargin) return null;
  const fits = vertical === "general_info" || advice.kind.verticals.length === 0 || advice.kind.verticals.includes(vertical) || advice.kind.verticals.length > 1;
  return fits ? advice.kind.kind : null;
}
