// Scores the whole extractor (redaction, rules, lexicons and model) on labelled examples the way
// a tenant in auto mode meets them: one customer message, no history. Used by `npm run eval`
// and by the cross-validation of `npm run train`.
import { extractDeterministic } from "../../src/memory/extract/deterministic";
import { redactText } from "../../src/memory/redact";
import type { TenantSupportSettings } from "../../src/memory/types";
import { NO_ISSUE, type Example } from "./corpora";
import type { Outcome } from "./metrics";

const AUTO: TenantSupportSettings = { domain_schema: "support", support_type_mode: "auto", support_type: null, support_types_allowed: [] };

export const extractAuto = (text: string) =>
  extractDeterministic({ messages: [{ role: "user", content: text, index: 0 }], metadata: {}, settings: AUTO, existing: null });

/**
 * Vertical outcomes (examples whose label names a business), issue-kind outcomes (all), and
 * `unnamed`: the examples whose label names no business ("I want to speak to a human agent"),
 * which a tenant in auto mode should see as general_info rather than some business's.
 */
export function scoreExamples(examples: Example[]): { vertical: Outcome[]; kind: Outcome[]; unnamed: Outcome[] } {
  const vertical: Outcome[] = [];
  const kind: Outcome[] = [];
  const unnamed: Outcome[] = [];
  for (const e of examples) {
    const out = extractAuto(redactText(e.text).text);
    if (e.vertical) vertical.push({ gold: e.vertical, accepted: [e.vertical], predicted: out.support_type });
    else unnamed.push({ gold: "general_info", accepted: ["general_info"], predicted: out.support_type });
    kind.push({ gold: e.kinds[0]!, accepted: e.kinds, predicted: out.issue?.issue_type ?? NO_ISSUE });
  }
  return { vertical, kind, unnamed };
}
