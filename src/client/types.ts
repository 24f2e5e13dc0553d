// What the client returns: the wire's answers in camelCase, with the envelope's request id.
import type { MemoryCategory, SupportTypeMode, WireRole } from "./wire";

export type { MemoryCategory, SupportTypeMode };

export type Message = { role: WireRole; content: string };

export type MemoryClientOptions = {
  apiKey: string;
  /** e.g. `http://localhost:3000`; a trailing slash or `/v1` is fine. */
  baseUrl: string;
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
  /** Retries of 429, 502, 503, 504 and network errors; default 2. */
  maxRetries?: number;
  /** Another fetch (tests, proxies); default the global one. */
  fetch?: typeof fetch;
};

export type AddOptions = { idempotencyKey?: string; conversationId?: string; source?: string };

export type AddResult = {
  jobId: string | null;
  status: string;
  blockedReason: string | null;
  retryAfterSeconds: number | null;
  budgetRemainingPct: number | null;
  processingEtaSeconds: number | null;
  processingStatus: "normal" | "delayed";
  memoriesCreated: number | null;
  supportType: string | null;
  redactions: { type: string; count: number }[];
  requestId: string;
  /** The add was accepted (MemoryOS says "queued"; this service has already applied it). */
  wasQueued: boolean;
};

export type GetParams = {
  query: string;
  externalUserId: string;
  agentId?: string;
  /** 1–50, default 10. */
  limit?: number;
  categories?: MemoryCategory[];
  timeFilterDays?: number;
  format?: "bullets" | "json" | "xml";
  /** 50–4000, default 500. */
  contextMaxTokens?: number;
};

export type MemoryItem = {
  id: string;
  content: string;
  category: MemoryCategory;
  importanceScore: number;
  relevanceScore: number;
  lastAccessed: string | null;
  contextSnippet: string;
  sourceEventId: string | null;
  provenance: Record<string, unknown> | null;
  field: string | null;
  pinned: boolean;
};

export type RetrieveResult = {
  retrievalId: string | null;
  items: MemoryItem[];
  cached: boolean;
  systemPromptAddition: string;
  contextTokenCount: number;
  /** There is something to add to the prompt. */
  hasContext: boolean;
  clarificationQuestion: string | null;
  quotaMode: "FULL" | "PASSTHROUGH" | "DEGRADED_RETRIEVE" | "BLOCKED";
  isDegraded: boolean;
  isPassthrough: boolean;
  supportType: string | null;
  truncated: boolean;
  requestId: string;
};

export type JobStatus = {
  jobId: string;
  status: string;
  memoriesCreated: number;
  createdMemoryIds: string[];
  attempts: number;
  error: string | null;
  createdAt: string | null;
  completedAt: string | null;
  succeeded: boolean;
  requestId: string;
};

export type MemoryRecord = {
  id: string;
  content: string;
  category: MemoryCategory;
  importanceScore: number;
  confidenceScore: number;
  createdAt: string | null;
  updatedAt: string | null;
  agentId: string | null;
  sourceEventId: string | null;
  provenance: Record<string, unknown> | null;
  metadata: Record<string, unknown>;
  field: string | null;
};

export type Paged<T> = { items: T[]; nextCursor: string | null; limit: number; total: number; requestId: string };
export type PageOptions = { limit?: number; cursor?: string };

export type SupportTypeSettings = {
  supportTypeConfigured: string | null;
  supportTypeMode: SupportTypeMode;
  supportTypesAllowed: string[];
  requestId: string;
};

export type DomainSchemaSettings = SupportTypeSettings & {
  domainSchema: string | null;
  availableDomains: { value: string | null; label: string; description: string; status: string }[];
};

export type SupportTypeUpdate = { supportTypeMode: SupportTypeMode; supportType?: string | null; supportTypesAllowed?: string[] };

export type Customer = {
  externalUserId: string;
  customerTier: string | null;
  supportType: string | null;
  sentimentPattern: string | null;
  openIssuesCount: number;
  totalIssuesLifetime: number;
  lastContact: string | null;
};

export type SupportStats = {
  totalCustomersWithMemory: number;
  openIssuesCount: number;
  highEscalationRiskCount: number;
  sentimentBreakdown: Record<string, number>;
  supportTypeDistribution: Record<string, number>;
  avgIssuesPerCustomer: number;
  addsByDay: { day: string; count: number }[];
  notesByDay: { day: string; count: number }[];
  windowDays: number | null;
  requestId: string;
};
