// Support profiles and helpers shared by the context tests: the real tokenizer, profiles from
// the seed example to one well over any budget, and a shorthand for buildSupportContext.
import { countTokens } from "gpt-tokenizer/encoding/cl100k_base";
import { buildSupportContext } from "../../../src/memory/context";
import { emptyProfile, type OpenIssue, type ResolvedIssue, type RiskSignal, type SupportProfile } from "../../../src/memory/types";

// The real tokenizer, independent of the code under test; special tokens count as text.
export const tokens = (text: string): number => countTokens(text, { disallowedSpecial: new Set<string>() });
export const UNLIMITED = 1_000_000;

export function openIssue(over: Partial<OpenIssue> = {}): OpenIssue {
  return {
    issue_type: "billing_failed",
    summary: "Workspace billing failed after upgrading to Growth",
    ref: "INV-88",
    refs: ["INV-88"],
    since: "2026-11-20T10:00:00.000Z",
    urgency: "high",
    status: "open",
    last_update: "2026-11-21T09:00:00.000Z",
    deadline: "before my finance review",
    ticket_id: "4512",
    support_type: "saas",
    mentions: 2,
    ...over,
  };
}

export function resolved(ticket: string, resolvedAt: string, over: Partial<ResolvedIssue> = {}): ResolvedIssue {
  return {
    issue_type: "login_problem",
    summary: `Could not log in (ticket ${ticket})`,
    refs: [],
    ticket_id: ticket,
    support_type: "saas",
    since: "2026-01-01T00:00:00.000Z",
    resolved_at: resolvedAt,
    outcome: "solved",
    ...over,
  };
}

export function risk(over: Partial<RiskSignal> = {}): RiskSignal {
  return { risk_type: "churn", reason: "threatened to cancel", severity: "high", status: "open", since: "2026-11-20T00:00:00.000Z", ticket_id: "4512", ...over };
}

export function profile(over: Partial<SupportProfile> = {}): SupportProfile {
  return { ...emptyProfile("saas"), ...over };
}

export const seedSaas = (): SupportProfile =>
  profile({
    customer_identity: { name: "Priya", tier: "Enterprise" },
    communication_preference: { channel: "email", style: "direct" },
    language_profile: { primary: "en", seen: ["en"] },
    current_open_issue: openIssue(),
    issue_history: [resolved("3999", "2026-10-03T00:00:00.000Z")],
    resolution_preference: { method: "credit", since: "2026-10-01T00:00:00.000Z" },
    sentiment_pattern: "frustrated",
    risk_signals: [risk()],
    support_context: { saas: { plan: "Growth", integrations: ["Slack", "webhooks"] } },
  });

// Everything filled, well over 700 tokens unbounded, so the budget has to cut.
export const fullProfile = (): SupportProfile =>
  profile({
    customer_identity: { name: "Priya Raman", account_ref: "ACC-***921", tier: "Enterprise", customer_since: "2021-03-04", verified: true },
    communication_preference: { channel: "email", style: "direct", times: "weekday mornings CET" },
    language_profile: { primary: "es", seen: ["es", "en"] },
    current_open_issue: openIssue(),
    other_open_issues: [
      openIssue({ issue_type: "sso_loop", summary: "SSO login loops for the marketing team", ref: undefined, refs: [], ticket_id: "4400", urgency: "medium", deadline: undefined }),
      openIssue({ issue_type: "export_slow", summary: "CSV export takes over an hour", ref: undefined, refs: ["EXP-9"], ticket_id: "4390", urgency: "low", deadline: "by Friday" }),
    ],
    issue_history: Array.from({ length: 9 }, (_, i) =>
      resolved(`30${i}0`, `2026-0${i + 1}-15T00:00:00.000Z`, { summary: `Reported problem ${i} with the reporting dashboard after an update`, refs: [`INC-${i}`] }),
    ),
    resolution_preference: { method: "credit", since: "2026-10-01T00:00:00.000Z", note: "prefers account credit over refunds" },
    sentiment_pattern: "high_escalation_risk",
    risk_signals: [risk(), risk({ risk_type: "refund", reason: "threatened chargeback", severity: "critical", ticket_id: "123" }), risk({ risk_type: "vip", reason: "board member", severity: "medium" })],
    support_context: {
      saas: { plan: "Growth", workspace: "acme-eu", integrations: ["Slack", "webhooks", "Jira", "Salesforce", "HubSpot", "Zapier"], seats: "240", sso_provider: "Okta" },
      ecommerce: { orders: ["ORD-1001", "ORD-1002", "ORD-1003"], return_status: "label sent" },
      telecom: { plan: "Unlimited 5G", imei_last4: "4821", porting: "in progress" },
    },
    mood_history: [
      { ticket: "4512", mood: "angry", at: "2026-11-20T00:00:00.000Z", escalation_threat: true },
      { ticket: "4400", mood: "frustrated", at: "2026-11-10T00:00:00.000Z", escalation_threat: true },
    ],
  });

// A pinned part alone far over small budgets: long summary, many refs, many risks.
export const heavyPinned = (): SupportProfile =>
  profile({
    ...fullProfile(),
    current_open_issue: openIssue({
      summary: "Billing failed ".repeat(60).trim(),
      refs: Array.from({ length: 12 }, (_, i) => `INV-${900 + i}`),
    }),
    risk_signals: Array.from({ length: 8 }, (_, i) => risk({ reason: `threat number ${i} to escalate to the regulator`, ticket_id: `70${i}`, severity: "critical" })),
  });

export const ctx = (p: SupportProfile | null, query = "", contextMaxTokens?: number, limit?: number) =>
  buildSupportContext(p, { query, contextMaxTokens, limit });
