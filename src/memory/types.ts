// The support profile (MemoryOS field names, so tools written for MemoryOS read it) and the
// shape every extractor returns. The profile is only ever changed by merge.ts.
import { z } from "zod";

export const VERTICALS = ["saas", "ecommerce", "banking_fintech", "travel", "telecom", "edtech_support", "general_info"] as const;
export type Vertical = (typeof VERTICALS)[number];
export const verticalSchema = z.enum(VERTICALS);

export const CHANNELS = ["chat", "email", "call", "whatsapp"] as const;
export const STYLES = ["formal", "casual", "direct", "detailed"] as const;
export const RESOLUTION_METHODS = ["refund", "replacement", "credit", "callback", "step_by_step", "escalate", "workaround"] as const;
export const SENTIMENTS = ["calm", "frustrated", "repeat_complainer", "easy_to_resolve", "high_escalation_risk"] as const;
// chargeback, regulatory and social_media are threats of their own: none of them is a customer leaving.
export const RISK_TYPES = ["churn", "refund", "fraud", "compliance", "legal", "regulatory", "chargeback", "social_media", "safety", "vip"] as const;
export const URGENCIES = ["low", "medium", "high", "critical"] as const;
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export const MOODS = ["positive", "calm", "frustrated", "angry"] as const;

export type Channel = (typeof CHANNELS)[number];
export type Style = (typeof STYLES)[number];
export type ResolutionMethod = (typeof RESOLUTION_METHODS)[number];
export type Sentiment = (typeof SENTIMENTS)[number];
export type RiskType = (typeof RISK_TYPES)[number];
export type Urgency = (typeof URGENCIES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Mood = (typeof MOODS)[number];

export type SupportTypeMode = "single" | "multi" | "auto";
export const FIRST_CONTACT_NOTES = ["triage", "none"] as const;
export type FirstContactNote = (typeof FIRST_CONTACT_NOTES)[number];
export type TenantSupportSettings = {
  domain_schema: string;
  support_type_mode: SupportTypeMode;
  support_type: Vertical | null;
  support_types_allowed: Vertical[];
  /** The note on a customer's first ticket: a short triage (default), or none. */
  first_contact_note?: FirstContactNote;
};

// ---------------------------------------------------------------- messages in

export type Role = "user" | "assistant";
export type InputMessage = { role: Role; content: string };
/** Metadata of an add(); free-form, these keys have meaning to the engine. */
export type AddMetadata = {
  source?: string;
  ticket_id?: string;
  ticket_status?: string;
  channel?: string;
  subject?: string;
  /** The customer's name and company as the caller's system holds them (not secrets). */
  customer_name?: string;
  customer_company?: string;
  [key: string]: unknown;
};

// ---------------------------------------------------------------- extraction out

/** Per-vertical facts: scalar strings replace, arrays are unioned (refs, integrations). */
export type VerticalFacts = Record<string, string | string[]>;

export type ExtractedIssue = {
  /** A short machine-friendly kind, e.g. `billing_failed`, `delivery_delay`, `payment_debited_not_credited`. */
  issue_type: string;
  /** One readable sentence, already redacted. */
  summary: string;
  /** Business references found with the issue (order ids, invoice numbers, PNRs, ticket refs). */
  refs: string[];
  urgency: Urgency;
  /** What the customer is up against, e.g. "before my finance review", "by Friday". */
  deadline?: string;
  /** Index (in the add's messages) of the message the issue came from. */
  message_index: number;
};

export type ExtractedRisk = { risk_type: RiskType; reason: string; severity: Severity; message_index: number };

export type Extraction = {
  support_type: Vertical;
  support_type_confidence: number;
  customer_identity: Partial<{
    name: string;
    /** The customer's organisation or company, when the caller knows it. */
    company: string;
    /** How the customer wrote in (email, chat, messaging…), when the caller knows it. */
    channel: string;
    account_ref: string;
    tier: string;
    customer_since: string;
    verified: boolean;
  }>;
  communication_preference: Partial<{ channel: Channel; style: Style; language: string; times: string }>;
  /** ISO 639-1 code of the customer's language, when it can be told. */
  language?: string;
  /** The problem the customer raises in these messages, if any. */
  issue: ExtractedIssue | null;
  /** The customer says the problem is gone ("works now, thanks"). */
  customer_confirms_resolved: boolean;
  resolution_preference: { method: ResolutionMethod; note?: string; message_index: number } | null;
  /** The customer's mood in these messages (not a trait: merge.ts decides the pattern). */
  mood: Mood;
  /** Threats to escalate: cancel, chargeback, regulator, lawyer, social media, manager. */
  escalation_threat: boolean;
  risk_signals: ExtractedRisk[];
  /** Facts for the vertical the conversation was classified into. */
  support_context: VerticalFacts;
};

export const extractionSchema = z.object({
  support_type: verticalSchema,
  support_type_confidence: z.number().min(0).max(1),
  customer_identity: z
    .object({
      name: z.string().max(200),
      company: z.string().max(200),
      channel: z.string().max(40),
      account_ref: z.string().max(100),
      tier: z.string().max(100),
      customer_since: z.string().max(100),
      verified: z.boolean(),
    })
    .partial(),
  communication_preference: z
    .object({ channel: z.enum(CHANNELS), style: z.enum(STYLES), language: z.string().max(40), times: z.string().max(200) })
    .partial(),
  language: z.string().max(40).optional(),
  issue: z
    .object({
      issue_type: z.string().min(1).max(80),
      summary: z.string().min(1).max(500),
      refs: z.array(z.string().max(80)).max(20),
      urgency: z.enum(URGENCIES),
      deadline: z.string().max(200).optional(),
      message_index: z.number().int().min(0),
    })
    .nullable(),
  customer_confirms_resolved: z.boolean(),
  resolution_preference: z
    .object({ method: z.enum(RESOLUTION_METHODS), note: z.string().max(300).optional(), message_index: z.number().int().min(0) })
    .nullable(),
  mood: z.enum(MOODS),
  escalation_threat: z.boolean(),
  risk_signals: z
    .array(z.object({ risk_type: z.enum(RISK_TYPES), reason: z.string().max(300), severity: z.enum(SEVERITIES), message_index: z.number().int().min(0) }))
    .max(20),
  support_context: z.record(z.string(), z.union([z.string().max(300), z.array(z.string().max(120)).max(50)])),
});

export type ExtractionInput = {
  /** Messages of this add, already redacted; `index` is the position in the add. */
  messages: { role: Role; content: string; index: number }[];
  metadata: AddMetadata;
  settings: TenantSupportSettings;
  /** The profile as it stands, for context (e.g. the open issue being followed up). */
  existing: SupportProfile | null;
};

export interface Extractor {
  readonly name: string;
  extract(input: ExtractionInput): Promise<Extraction>;
}

// ---------------------------------------------------------------- the profile

export type Provenance = {
  source_event_id?: string;
  ticket_id?: string;
  message_index?: number;
  observed_at: string;
  source?: string;
};

export type OpenIssue = {
  issue_type: string;
  summary: string;
  ref?: string;
  refs: string[];
  since: string;
  urgency: Urgency;
  status: "open" | "escalated";
  last_update: string;
  deadline?: string;
  ticket_id?: string;
  support_type: Vertical;
  /** How many messages restated or followed up this issue. */
  mentions: number;
  /** The customer's mood on this issue: a state of the ticket, not a trait of the customer. */
  mood?: Mood;
};

export type ResolvedIssue = {
  issue_type: string;
  summary: string;
  ref?: string;
  refs: string[];
  ticket_id?: string;
  support_type: Vertical;
  since: string;
  resolved_at: string;
  outcome: string;
};

export type RiskSignal = {
  risk_type: RiskType;
  reason: string;
  severity: Severity;
  status: "open" | "resolved";
  since: string;
  ticket_id?: string;
};

export type SupportProfile = {
  support_type: Vertical;
  customer_identity: Extraction["customer_identity"];
  communication_preference: Extraction["communication_preference"];
  language_profile: { primary?: string; seen: string[] };
  current_open_issue: OpenIssue | null;
  /** Other issues still open on other tickets (newest first). */
  other_open_issues: OpenIssue[];
  issue_history: ResolvedIssue[];
  resolution_preference: { method: ResolutionMethod; note?: string; since: string } | null;
  sentiment_pattern: Sentiment | null;
  risk_signals: RiskSignal[];
  /** Facts per vertical, e.g. `{ saas: { plan: "Growth", integrations: ["Slack"] } }`. */
  support_context: Partial<Record<Vertical, VerticalFacts>>;
  /** Evidence behind sentiment_pattern: the tickets on which each mood was seen. */
  mood_history: { ticket: string; mood: Mood; at: string; escalation_threat: boolean }[];
};

export function emptyProfile(vertical: Vertical = "general_info"): SupportProfile {
  return {
    support_type: vertical,
    customer_identity: {},
    communication_preference: {},
    language_profile: { seen: [] },
    current_open_issue: null,
    other_open_issues: [],
    issue_history: [],
    resolution_preference: null,
    sentiment_pattern: null,
    risk_signals: [],
    support_context: {},
    mood_history: [],
  };
}

/** One field change, with where it came from. */
export type ClaimDraft = {
  field: string;
  action: "set" | "supersede" | "update" | "append" | "resolve" | "remove";
  value: unknown;
  previous?: unknown;
  provenance: Provenance;
};
