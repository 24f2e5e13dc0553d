// A typed client for this service's /v1 API (MemoryOS's wire format): add and get a customer's
// memory, read the tenant's customers and support stats. Retries what is worth retrying
// (429, 502–504, network errors) with backoff; every other failure is a typed error at once.
import { errorFromResponse, MemoryApiError, parseRetryAfter, RateLimitError, type ErrorBody } from "./errors";
import type {
  AddOptions,
  AddResult,
  Customer,
  DomainSchemaSettings,
  GetParams,
  JobStatus,
  MemoryClientOptions,
  MemoryItem,
  MemoryRecord,
  Message,
  PageOptions,
  Paged,
  RetrieveResult,
  SupportStats,
  SupportTypeSettings,
  SupportTypeUpdate,
} from "./types";
import type {
  AddBody,
  AddResponse,
  CustomersResponse,
  DeleteMemoryResponse,
  DomainSchemaResponse,
  JobStatusResponse,
  ListMemoriesResponse,
  RetrieveBody,
  RetrieveResponse,
  SupportStatsResponse,
  SupportTypeResponse,
  SupportTypeSettingsData,
  WireMemoryItem,
} from "./wire";

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 2;
const RETRYABLE = new Set([429, 502, 503, 504]);
// A server asking for a longer wait than this is better answered by the caller.
const MAX_RETRY_WAIT_MS = 30_000;

type RequestInit = { body?: unknown; headers?: Record<string, string> };

export class MemoryClient {
  readonly baseUrl: string;
  private readonly apiKey: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: MemoryClientOptions) {
    if (!options || typeof options.apiKey !== "string" || options.apiKey.trim() === "") throw new TypeError("MemoryClient: apiKey is required");
    if (typeof options.baseUrl !== "string" || !/^https?:\/\//i.test(options.baseUrl)) {
      throw new TypeError("MemoryClient: baseUrl must be an http(s) URL, e.g. http://localhost:3000");
    }
    this.apiKey = options.apiKey.trim();
    this.baseUrl = options.baseUrl.replace(/\/+$/, "").replace(/\/v1$/, "");
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = Math.max(0, Math.floor(options.maxRetries ?? DEFAULT_MAX_RETRIES));
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Remembers a conversation for a customer (`POST /v1/memories/add`). */
  async add(messages: Message[], externalUserId: string, agentId?: string, metadata?: Record<string, unknown>, options: AddOptions = {}): Promise<AddResult> {
    const body: AddBody = {
      external_user_id: externalUserId,
      messages: messages.map((m) => ({ role: m.role, content: m.content })),
      metadata: metadata ?? {},
      ...(agentId ? { agent_id: agentId } : {}),
      ...(options.conversationId ? { conversation_id: options.conversationId } : {}),
      ...(options.source ? { source: options.source } : {}),
    };
    const headers: Record<string, string> = options.idempotencyKey ? { "Idempotency-Key": options.idempotencyKey } : {};
    const r = await this.request<AddResponse>("POST", "/v1/memories/add", { body, headers });
    return {
      jobId: r.job_id,
      status: r.status,
      blockedReason: r.blocked_reason ?? null,
      retryAfterSeconds: r.retry_after_seconds ?? null,
      budgetRemainingPct: r.budget_remaining_pct ?? null,
      processingEtaSeconds: r.processing_eta_seconds ?? null,
      processingStatus: r.processing_status ?? "normal",
      memoriesCreated: r.memories_created ?? null,
      supportType: r.support_type ?? null,
      redactions: r.redactions ?? [],
      requestId: r.request_id,
      wasQueued: r.status === "queued",
    };
  }

  /** What is remembered about a customer, for a question (`POST /v1/memories/retrieve`). */
  async get(params: GetParams): Promise<RetrieveResult> {
    const body: RetrieveBody = {
      external_user_id: params.externalUserId,
      query: params.query,
      limit: params.limit ?? 10,
      categories: params.categories ?? [],
      format: params.format ?? "bullets",
      context_max_tokens: params.contextMaxTokens ?? 500,
      ...(params.agentId !== undefined ? { agent_id: params.agentId } : {}),
      ...(params.timeFilterDays !== undefined ? { time_filter_days: params.timeFilterDays } : {}),
    };
    const r = await this.request<RetrieveResponse>("POST", "/v1/memories/retrieve", { body });
    const quotaMode = r.quota_mode ?? "FULL";
    return {
      retrievalId: r.retrieval_id ?? null,
      items: (r.data ?? []).map(toItem),
      cached: r.cached ?? false,
      systemPromptAddition: r.system_prompt_addition ?? "",
      contextTokenCount: r.context_token_count ?? 0,
      hasContext: r.has_context ?? Boolean(r.system_prompt_addition),
      clarificationQuestion: r.clarification_question ?? null,
      quotaMode,
      isDegraded: r.is_degraded ?? quotaMode === "DEGRADED_RETRIEVE",
      isPassthrough: r.is_passthrough ?? quotaMode === "PASSTHROUGH",
      supportType: r.support_type ?? null,
      truncated: r.truncated ?? false,
      requestId: r.request_id,
    };
  }

  /** The record of one add (`GET /v1/memories/jobs/:id`). */
  async jobStatus(jobId: string): Promise<JobStatus> {
    const r = await this.request<JobStatusResponse>("GET", `/v1/memories/jobs/${encodeURIComponent(jobId)}`);
    const d = r.data;
    return {
      jobId: d.job_id,
      status: d.status,
      memoriesCreated: d.memories_created ?? 0,
      createdMemoryIds: d.created_memory_ids ?? [],
      attempts: d.attempts ?? 0,
      error: d.error ?? null,
      createdAt: d.created_at ?? null,
      completedAt: d.completed_at ?? null,
      succeeded: d.status === "completed",
      requestId: r.request_id,
    };
  }

  /** A customer's remembered facts, a page at a time (`GET /v1/memories`). */
  async list(externalUserId: string, options: PageOptions = {}): Promise<Paged<MemoryRecord>> {
    const q = new URLSearchParams({ external_user_id: externalUserId, limit: String(options.limit ?? 50) });
    if (options.cursor) q.set("cursor", options.cursor);
    const r = await this.request<ListMemoriesResponse>("GET", `/v1/memories?${q}`);
    return {
      items: r.data.map(
        (m): MemoryRecord => ({
          id: m.id,
          content: m.content,
          category: m.category,
          importanceScore: m.importance_score,
          confidenceScore: m.confidence_score,
          createdAt: m.created_at,
          updatedAt: m.updated_at,
          agentId: m.agent_id,
          sourceEventId: m.source_event_id ?? null,
          provenance: m.provenance ?? null,
          metadata: m.metadata ?? {},
          field: m.field ?? null,
        }),
      ),
      ...page(r),
    };
  }

  /** Removes one remembered fact; its history stays for audit unless `hardDelete`. */
  async delete(memoryId: string, hardDelete = false): Promise<boolean> {
    const r = await this.request<DeleteMemoryResponse>("DELETE", `/v1/memories/${encodeURIComponent(memoryId)}?hard_delete=${hardDelete}`);
    return r.data.deleted;
  }

  async domainSchema(): Promise<DomainSchemaSettings> {
    return toDomainSchema(await this.request<DomainSchemaResponse>("GET", "/v1/tenant/domain-schema"));
  }

  /** `support`, or null for the general engine (turns the support overlay off). */
  async setDomainSchema(domainSchema: string | null): Promise<DomainSchemaSettings> {
    return toDomainSchema(await this.request<DomainSchemaResponse>("PATCH", "/v1/tenant/domain-schema", { body: { domain_schema: domainSchema } }));
  }

  async setSupportType(update: SupportTypeUpdate): Promise<SupportTypeSettings> {
    const body = {
      support_type_mode: update.supportTypeMode,
      ...(update.supportType !== undefined ? { support_type: update.supportType } : {}),
      ...(update.supportTypesAllowed !== undefined ? { support_types_allowed: update.supportTypesAllowed } : {}),
    };
    const r = await this.request<SupportTypeResponse>("PATCH", "/v1/tenant/support-type", { body });
    return { ...toSupportType(r.data), requestId: r.request_id };
  }

  /** The tenant's customers with memory, most recently active first (`GET /v1/tenant/customers`). */
  async customers(options: PageOptions = {}): Promise<Paged<Customer>> {
    const q = new URLSearchParams({ limit: String(options.limit ?? 50) });
    if (options.cursor) q.set("cursor", options.cursor);
    const r = await this.request<CustomersResponse>("GET", `/v1/tenant/customers?${q}`);
    return {
      items: r.data.map(
        (c): Customer => ({
          externalUserId: c.external_user_id,
          customerTier: c.customer_tier ?? null,
          supportType: c.support_type ?? null,
          sentimentPattern: c.sentiment_pattern ?? null,
          openIssuesCount: c.open_issues_count ?? 0,
          totalIssuesLifetime: c.total_issues_lifetime ?? 0,
          lastContact: c.last_contact ?? null,
        }),
      ),
      ...page(r),
    };
  }

  /** `GET /v1/tenant/support-stats`. */
  async supportStats(): Promise<SupportStats> {
    const r = await this.request<SupportStatsResponse>("GET", "/v1/tenant/support-stats");
    const d = r.data;
    return {
      totalCustomersWithMemory: d.total_customers_with_memory,
      openIssuesCount: d.open_issues_count,
      highEscalationRiskCount: d.high_escalation_risk_count,
      sentimentBreakdown: d.sentiment_breakdown ?? {},
      supportTypeDistribution: d.support_type_distribution ?? {},
      avgIssuesPerCustomer: d.avg_issues_per_customer,
      addsByDay: d.adds_by_day ?? [],
      notesByDay: d.notes_by_day ?? [],
      windowDays: d.window_days ?? null,
      requestId: r.request_id,
    };
  }

  /** One customer's profile with the claims (provenance) behind it (`GET /v1/customers/:id`). */
  async customer(externalUserId: string, agentId?: string): Promise<Record<string, unknown>> {
    const q = agentId ? `?${new URLSearchParams({ agent_id: agentId })}` : "";
    const r = await this.request<{ data: Record<string, unknown> }>("GET", `/v1/customers/${encodeURIComponent(externalUserId)}${q}`);
    return r.data;
  }

  /** Forgets a customer everywhere (`DELETE /v1/customers/:id`). */
  async forget(externalUserId: string): Promise<Record<string, unknown>> {
    const r = await this.request<{ data: Record<string, unknown> }>("DELETE", `/v1/customers/${encodeURIComponent(externalUserId)}`);
    return r.data;
  }

  /** What the service would store of a text, with the PII it found (`POST /v1/redact`). */
  async redact(text: string): Promise<{ text: string; findings: { type: string; count: number }[] }> {
    const r = await this.request<{ data: { text: string; findings: { type: string; count: number }[] } }>("POST", "/v1/redact", { body: { text } });
    return r.data;
  }

  private async request<T>(method: string, path: string, init: RequestInit = {}): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.fetchImpl(`${this.baseUrl}${path}`, {
          method,
          headers: {
            Authorization: `ApiKey ${this.apiKey}`,
            Accept: "application/json",
            ...(init.body !== undefined ? { "Content-Type": "application/json" } : {}),
            ...init.headers,
          },
          ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (err) {
        if (attempt < this.maxRetries) {
          await sleep(backoffMs(attempt));
          continue;
        }
        throw new MemoryApiError(`request to ${method} ${path} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (response.ok) return (await readJson(response)) as T;
      const error = errorFromResponse(response.status, (await readJson(response).catch(() => null)) as Partial<ErrorBody> | null, response.headers.get("retry-after"));
      if (RETRYABLE.has(response.status) && attempt < this.maxRetries) {
        const asked = error instanceof RateLimitError ? error.retryAfterSeconds : parseRetryAfter(response.headers.get("retry-after"));
        const wait = asked !== null ? asked * 1000 : backoffMs(attempt);
        if (wait <= MAX_RETRY_WAIT_MS) {
          await sleep(wait);
          continue;
        }
      }
      throw error;
    }
  }
}

function toItem(m: WireMemoryItem): MemoryItem {
  return {
    id: m.id,
    content: m.content,
    category: m.category,
    importanceScore: m.importance_score,
    relevanceScore: m.relevance_score,
    lastAccessed: m.last_accessed ?? null,
    contextSnippet: m.context_snippet ?? m.content,
    sourceEventId: m.source_event_id ?? null,
    provenance: m.provenance ?? null,
    field: m.field ?? null,
    pinned: m.pinned ?? false,
  };
}

function toSupportType(d: SupportTypeSettingsData): Omit<SupportTypeSettings, "requestId"> {
  return { supportTypeConfigured: d.support_type_configured, supportTypeMode: d.support_type_mode, supportTypesAllowed: d.support_types_allowed };
}

function toDomainSchema(r: DomainSchemaResponse): DomainSchemaSettings {
  return { domainSchema: r.data.domain_schema, availableDomains: r.data.available_domains, ...toSupportType(r.data), requestId: r.request_id };
}

function page(r: { pagination: { next_cursor: string | null; limit: number; total: number }; request_id: string }) {
  return { nextCursor: r.pagination.next_cursor, limit: r.pagination.limit, total: r.pagination.total, requestId: r.request_id };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new MemoryApiError(`the server answered ${response.status} with a body that is not JSON`, { status: response.status });
  }
}

function backoffMs(attempt: number): number {
  return Math.min(8_000, 250 * 2 ** attempt) + Math.floor(Math.random() * 100);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
