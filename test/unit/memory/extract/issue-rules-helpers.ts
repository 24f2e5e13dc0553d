// Helpers of the issue-rule tests: one message's kind from the rules alone, or with a model's advice.
import { detectIssue, prepareMessage, scanRules } from "../../../../src/memory/extract/issue";
import type { ModelAdvice } from "../../../../src/memory/extract/model/advice";
import type { Vertical } from "../../../../src/memory/types";

/** The kind the rules and the subject fallback alone (no model) give one message in `vertical`. */
export function kindOf(text: string, vertical: Vertical): string | undefined {
  const m = prepareMessage({ content: text, index: 0 });
  return detectIssue([m], [scanRules(m)], vertical, null, null)?.issue_type;
}

/** A model 0.99 sure of `kind` in `vertical`: how detectIssue weighs a sure model against the words. */
export function sureOf(kind: string, vertical: Vertical): ModelAdvice {
  const classes = [kind, "general_question"];
  return {
    vertical: { label: vertical, probability: 0.99 },
    verticals: { classes: [vertical], probabilities: Float64Array.from([0.99]) },
    kind: { kind, probability: 0.99, verticals: [vertical] },
    kinds: { classes, probabilities: Float64Array.from([0.99, 0.01]), verticals: { [kind]: [vertical], general_question: [vertical] }, onlyVertical: [vertical, null] },
    byVertical: {},
    english: true,
  };
}

/** The kind of one message in `vertical` with the rules and the given model advice. */
export function kindWith(text: string, vertical: Vertical, advice: ModelAdvice): string | undefined {
  const m = prepareMessage({ content: text, index: 0 });
  return detectIssue([m], [scanRules(m)], vertical, null, advice)?.issue_type;
}
