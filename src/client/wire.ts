// The wire format of the /v1 API (MemoryOS's, snake_case), as the server sends it. The client
// maps these to camelCase; the server's routes are typed against them, so the two cannot drift.

export type Envelope = { request_id: string; timestamp: string };
export type Page = { next_cursor: string | null; limit: number; total: number };

export type WireRole = "user" | "assistant" | "system";
export type WireMessage = { role: WireRole; content: string };
export type MemoryCategory = "preference" | "fact" | "goal" | "procedure" | "relationship" | "expertise";

export type AddBody = {
  external_user_id: string;
  agent_id?: string;
  messages: WireMessage[];
  metadata?: Record<string, unknown>;
  conversation_id?: string;
  source?: unknown;
  idempotency_key?: string;
};

export type AddResponse = Envelope & {
  job_id: string | null;
  status: string;
  blocked_reason: string | null;
  retry_after_seconds: number | null;
  budget_remaining_pct: number | null;
  processing_eta_seconds: number | null;
  processing_status: "normal" | "delayed";
  /** Ours beside the reference's: what the add did, so a caller need not poll the job. */
  memories_created?: number;
  support_type?: string | null;
  redactions?: { type: string; count: number }[];
};

export type JobStatusResponse = Envelope & {
  data: {
    job_id: string;
    status: "queued" | "processing" | "completed" | "failed";
    memories_created: number;
    created_memory_ids: string[];
    attempts: number;
    error: string | null;
    created_at: string | null;
    completed_at: string | null;
    external_user_id?: string;
  };
};

export type RetrieveBody = {
  external_user_id: string;
  query: string;
  limit?: number;
  categories?: MemoryCategory[];
  agent_id?: string;
  time_filter_days?: number;
  format?: "bullets" | "json" | "xml";
  context_max_tokens?: number;
};

export type WireMemoryItem = {
  id: string;
  content: string;
  category: MemoryCategory;
  importance_score: number;
  relevance_score: number;
  last_accessed: string | null;
  context_snippet: string;
  source_event_id: string | null;
  provenance: Record<string, unknown> | null;
  /** Ours: the profile field the fact sits in, e.g. `current_open_issue`, `support_context.saas.plan`. */
  field?: string;
  /** Ours: a pinned fact survives any context budget. */
  pinned?: boolean;
};

export type RetrieveResponse = Envelope & {
  retrieval_id: string | null;
  data: WireMemoryItem[];
  cached: boolean;
  system_prompt_addition: string;
  context_token_count: number;
  has_context: boolean;
  clarification_question: string | null;
  quota_mode: "FULL" | "PASSTHROUGH" | "DEGRADED_RETRIEVE" | "BLOCKED";
  is_degraded: boolean;
  is_passthrough: boolean;
  /** Ours: the profile's vertical, and whether something did not fit context_max_tokens. */
  support_type?: string | null;
  truncated?: boolean;
};

export type WireMemoryRecord = {
  id: string;
  content: string;
  category: MemoryCategory;
  importance_score: number;
  confidence_score: number;
  created_at: string | null;
  updated_at: string | null;
  last_accessed_at: string | null;
  access_count: number;
  is_archived: boolean;
  agent_id: string | null;
  previous_version_id: string | null;
  source_conversation_id: string | null;
  source_event_id: string | null;
  provenance: Record<string, unknown> | null;
  metadata: Record<string, unknown>;
  field?: string;
};

export type ListMemoriesResponse = Envelope & { data: WireMemoryRecord[]; pagination: Page };
export type DeleteMemoryResponse = Envelope & { data: { deleted: boolean } };

export type SupportTypeMode = "single" | "multi" | "auto";
export type SupportTypeSettingsData = {
  support_type_configured: string | null;
  support_type_mode: SupportTypeMode;
  support_types_allowed: string[];
};
export type DomainSchemaData = SupportTypeSettingsData & {
  domain_schema: string | null;
  available_domains: { value: string | null; label: string; description: string; status: string }[];
};
export type DomainSchemaResponse = Envelope & { data: DomainSchemaData };
export type SupportTypeResponse = Envelope & { data: SupportTypeSettingsData };

export type WireCustomer = {
  external_user_id: string;
  customer_tier: string | null;
  support_type: string | null;
  sentiment_pattern: string | null;
  open_issues_count: number;
  total_issues_lifetime: number;
  last_contact: string | null;
};
export type CustomersResponse = Envelope & { data: WireCustomer[]; pagination: Page };

export type SupportStatsData = {
  total_customers_with_memory: number;
  open_issues_count: number;
  high_escalation_risk_count: number;
  sentiment_breakdown: Record<string, number>;
  support_type_distribution: Record<string, number>;
  avg_issues_per_customer: number;
  /** Ours: activity per day over the last `window_days`. */
  adds_by_day?: { day: string; count: number }[];
  notes_by_day?: { day: string; count: number }[];
  window_days?: number;
};
export type SupportStatsResponse = Envelope & { data: SupportStatsData };

export type ErrorResponse = { error: string; code: string; request_id: string; details: unknown };
