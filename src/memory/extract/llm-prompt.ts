// The text the LLM extractor sends: a system prompt stating the Extraction JSON shape and
// the rules, and a user message with the compressed profile and the numbered messages.
// Pure functions, no I/O. The enum lists are built from the constants in types.ts so the
// prompt cannot drift from the schema that validates the answer.
import {
  CHANNELS,
  MOODS,
  RESOLUTION_METHODS,
  RISK_TYPES,
  SEVERITIES,
  STYLES,
  URGENCIES,
  VERTICALS,
  type ExtractionInput,
  type SupportProfile,
  type TenantSupportSettings,
} from "../types";

/** Budget for the messages block. Beyond it the oldest messages are dropped: the newest carry the current state. */
export const MAX_MESSAGES_CHARS = 12_000;

const oneOf = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(" | ");

/** The routing rule the model must follow; llm.ts enforces the same rule on the answer. */
export function describeRouting(settings: TenantSupportSettings): string {
  switch (settings.support_type_mode) {
    case "single":
      return `This tenant supports one vertical: always set support_type to "${settings.support_type ?? "general_info"}".`;
    case "multi": {
      const allowed = settings.support_types_allowed.filter((v) => v !== "general_info");
      return allowed.length === 0
        ? `Always set support_type to "general_info".`
        : `Set support_type to one of ${oneOf(allowed)}; if none of them fits the conversation, use "general_info".`;
    }
    case "auto":
      return `Set support_type to the vertical that best fits the conversation: ${oneOf(VERTICALS)}.`;
  }
}

export function buildSystemPrompt(settings: TenantSupportSettings): string {
  return [
    "You extract a customer-support memory from a conversation between a customer (role user) and a support agent or bot (role assistant).",
    "Answer with ONE JSON object and nothing else: no prose, no markdown.",
    "",
    "JSON shape (omit an optional key you cannot fill; never write null except where shown):",
    "{",
    `  "support_type": ${oneOf(VERTICALS)},`,
    '  "support_type_confidence": number 0..1,',
    '  "customer_identity": { "name"?: string, "account_ref"?: string (masked or partial only), "tier"?: string, "customer_since"?: string, "verified"?: boolean },',
    `  "communication_preference": { "channel"?: ${oneOf(CHANNELS)}, "style"?: ${oneOf(STYLES)}, "language"?: string, "times"?: string },`,
    '  "language"?: ISO 639-1 code of the customer\'s language,',
    `  "issue": null | { "issue_type": short snake_case kind e.g. "billing_failed", "summary": one sentence, "refs": [business references: order ids, invoice numbers, PNRs, ticket refs], "urgency": ${oneOf(URGENCIES)}, "deadline"?: string, "message_index": integer },`,
    '  "customer_confirms_resolved": boolean,',
    `  "resolution_preference": null | { "method": ${oneOf(RESOLUTION_METHODS)}, "note"?: string, "message_index": integer },`,
    `  "mood": ${oneOf(MOODS)},`,
    '  "escalation_threat": boolean (threat to cancel, charge back, go to a regulator, lawyer, social media or a manager),',
    `  "risk_signals": [ { "risk_type": ${oneOf(RISK_TYPES)}, "reason": string, "severity": ${oneOf(SEVERITIES)}, "message_index": integer } ],`,
    '  "support_context": { key: string | string[] } facts for the chosen vertical, e.g. saas plan/workspace/integrations, ecommerce order_refs/return_status, banking_fintech transaction_refs/kyc_status, travel booking_refs/pnr, telecom plan/device/imei_last4/porting_status, edtech_support course/enrolment_status',
    "}",
    "message_index is the number in brackets of the message the fact comes from.",
    "",
    "Routing: " + describeRouting(settings),
    "",
    "Rules:",
    "- Store only facts about the customer, stated or confirmed by the customer or clearly established in the conversation.",
    "- Never store agent names or agent ids; the assistant's words are context, not facts about the customer.",
    "- Never output card numbers, CVV, OTPs, PINs, passwords, national id numbers, passport numbers, full IMEI or full bank account numbers, even if they appear; redaction placeholders like [card] stay as they are.",
    "- Do not store transient chit-chat.",
    "- Temporary anger is the mood of these messages, not a permanent trait of the customer.",
    "- Separate the open issue from resolved history: issue is the problem raised in these messages; set customer_confirms_resolved only when the customer says the problem is gone.",
    "- The existing profile is context: when the messages follow up its open issue, reuse its issue_type and refs.",
  ].join("\n");
}

/** The profile in a few lines: what the model needs to recognise a follow-up, nothing more. */
export function compressProfile(profile: SupportProfile | null): string {
  if (!profile) return "none";
  const issue = profile.current_open_issue;
  const compact = {
    support_type: profile.support_type,
    open_issue: issue ? { issue_type: issue.issue_type, summary: issue.summary, refs: issue.refs, status: issue.status } : null,
    resolution_preference: profile.resolution_preference?.method ?? null,
    communication_preference: profile.communication_preference,
  };
  return JSON.stringify(compact);
}

/**
 * The newest messages that fit the budget, formatted `[index] role: content`, oldest first.
 * A single newest message larger than the budget is cut, so something is always sent.
 */
export function selectMessages(messages: ExtractionInput["messages"], budget = MAX_MESSAGES_CHARS): { lines: string[]; indices: number[] } {
  const lines: string[] = [];
  const indices: number[] = [];
  let used = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    const line = `[${m.index}] ${m.role}: ${m.content}`;
    if (used + line.length + 1 > budget) {
      if (lines.length === 0) {
        lines.unshift(line.slice(0, budget));
        indices.unshift(m.index);
      }
      break;
    }
    lines.unshift(line);
    indices.unshift(m.index);
    used += line.length + 1;
  }
  return { lines, indices };
}

export function buildUserPrompt(input: ExtractionInput): { text: string; indices: number[] } {
  const { lines, indices } = selectMessages(input.messages);
  const text = [`Existing profile: ${compressProfile(input.existing)}`, "", "Messages:", ...lines].join("\n");
  return { text, indices };
}
