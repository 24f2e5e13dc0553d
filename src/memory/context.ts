// The read side of the memory engine: a stored support profile plus a query become what get()
// returns. Pure: no I/O, no LLM, no clock. The profile itself is only changed by merge.ts.
import type { SupportProfile, Vertical } from "./types";
import { emptyProfile } from "./types";
import { buildContextItems, type ContextItem } from "./context-items";
import { buildSections } from "./context-sections";
import { listFacts } from "./memory-facts";
import { isResolutionQuery } from "./resolution-query";
import { packSections } from "./tokens";

export type { ContextItem };
export { isResolutionQuery };

export type SupportContext = {
  /** false for an unknown profile or one holding no fact worth showing. */
  has_context: boolean;
  /** The profile's vertical; null when there is no context. */
  support_type: Vertical | null;
  /** The profile as readable items, most important first, at most `limit`. */
  items: ContextItem[];
  /** Pinned sections, then normal ones, within contextMaxTokens; "" when has_context is false. */
  system_prompt_addition: string;
  /** cl100k tokens of system_prompt_addition, counted on the final string. */
  context_token_count: number;
  /** Something did not fit the budget (a normal section, or, under a tiny budget, pinned lines). */
  truncated: boolean;
};

export type SupportContextOptions = {
  query: string;
  limit?: number;
  contextMaxTokens?: number;
  /** false: the general engine (domain_schema null), the remembered facts without the support overlay. */
  supportOverlay?: boolean;
};

export const GENERAL_HEADER = "What you know about this user (remembered from past conversations, not live data):";

/** The general engine's context: the caveat, then the facts, most important first. */
function generalSections(profile: SupportProfile) {
  return [
    { name: "general", pinned: true, lines: [{ text: GENERAL_HEADER }], headerLines: 0, keepLines: 1 },
    {
      name: "facts",
      pinned: false,
      // as in the support context, sentiment is worth a line only as a warning
      lines: listFacts(profile)
        .filter((f) => f.field !== "sentiment_pattern" || f.pinned)
        .map((f) => ({ text: `- ${f.content}` })),
      headerLines: 0,
      keepLines: 0,
    },
  ];
}

export const DEFAULT_LIMIT = 10;
export const DEFAULT_CONTEXT_MAX_TOKENS = 600;
// Room for the rules header and a shortened open issue line; below this the text is useless.
export const MIN_CONTEXT_MAX_TOKENS = 50;

function wholeOr(value: number | undefined, fallback: number, min: number): number {
  return value === undefined || !Number.isFinite(value) ? fallback : Math.max(min, Math.floor(value));
}

const NO_CONTEXT: SupportContext = {
  has_context: false,
  support_type: null,
  items: [],
  system_prompt_addition: "",
  context_token_count: 0,
  truncated: false,
};

// Rows written by older code may lack a field or hold null: read them as empty, never guess.
function normalize(profile: SupportProfile): SupportProfile {
  const base = emptyProfile(profile.support_type ?? "general_info");
  return {
    ...base,
    ...profile,
    customer_identity: profile.customer_identity ?? {},
    communication_preference: profile.communication_preference ?? {},
    language_profile: profile.language_profile ?? base.language_profile,
    other_open_issues: profile.other_open_issues ?? [],
    issue_history: profile.issue_history ?? [],
    risk_signals: profile.risk_signals ?? [],
    support_context: profile.support_context ?? {},
    mood_history: profile.mood_history ?? [],
  };
}

export function buildSupportContext(profile: SupportProfile | null, opts: SupportContextOptions): SupportContext {
  if (!profile) return { ...NO_CONTEXT, items: [] };
  const p = normalize(profile);
  const allItems = buildContextItems(p);
  if (allItems.length === 0) return { ...NO_CONTEXT, items: [] };

  const limit = wholeOr(opts.limit, DEFAULT_LIMIT, 0);
  const maxTokens = wholeOr(opts.contextMaxTokens, DEFAULT_CONTEXT_MAX_TOKENS, MIN_CONTEXT_MAX_TOKENS);
  const sections = opts.supportOverlay === false ? generalSections(p) : buildSections(p, opts.query ?? "");
  const packed = packSections(sections, maxTokens);
  return {
    has_context: true,
    support_type: p.support_type,
    items: allItems.slice(0, limit),
    system_prompt_addition: packed.text,
    context_token_count: packed.tokens,
    truncated: packed.truncated,
  };
}
