// The client against the wire as documented, intercepted at the HTTP boundary: what it sends
// (paths, headers, snake_case bodies, defaults) and how it reads answers and errors.
import nock from "nock";
import { AuthError, MemoryApiError, MemoryClient, NotFoundError, RateLimitError, ValidationError } from "helpdesk-memory/client";

const BASE = "http://memory.test";
const KEY = "mem_test_0123456789abcdef0123456789abcdef";
const envelope = { request_id: "req_1", timestamp: "2026-12-02T10:00:00.000Z" };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

function client(extra: Partial<ConstructorParameters<typeof MemoryClient>[0]> = {}) {
  return new MemoryClient({ apiKey: KEY, baseUrl: `${BASE}/`, maxRetries: 0, ...extra });
}

describe("MemoryClient", () => {
  it("add posts the reference body with the ApiKey header and reads the queued answer", async () => {
    let sent: Record<string, unknown> = {};
    const scope = nock(BASE, { reqheaders: { authorization: `ApiKey ${KEY}`, "idempotency-key": "evt-9" } })
      .post("/v1/memories/add", (b) => ((sent = b), true))
      .reply(200, {
        job_id: "job_1",
        status: "queued",
        blocked_reason: null,
        retry_after_seconds: null,
        budget_remaining_pct: 100,
        processing_eta_seconds: 0,
        processing_status: "normal",
        memories_created: 4,
        support_type: "saas",
        ...envelope,
      });
    const r = await client().add([{ role: "user", content: "billing failed" }], "cust_8a72", "bot-1", { ticket_id: "T-1" }, { idempotencyKey: "evt-9" });
    expect(scope.isDone()).toBe(true);
    expect(sent).toEqual({ external_user_id: "cust_8a72", agent_id: "bot-1", messages: [{ role: "user", content: "billing failed" }], metadata: { ticket_id: "T-1" } });
    expect(r).toMatchObject({ jobId: "job_1", status: "queued", wasQueued: true, memoriesCreated: 4, supportType: "saas", requestId: "req_1", budgetRemainingPct: 100 });
  });

  it("add without agent or metadata sends metadata {} and no agent_id", async () => {
    let sent: Record<string, unknown> = {};
    nock(BASE)
      .post("/v1/memories/add", (b) => ((sent = b), true))
      .reply(200, { job_id: "j", status: "queued", blocked_reason: null, retry_after_seconds: null, budget_remaining_pct: null, processing_eta_seconds: null, processing_status: "normal", ...envelope });
    await client().add([{ role: "assistant", content: "hi" }], "u1");
    expect(sent).toEqual({ external_user_id: "u1", messages: [{ role: "assistant", content: "hi" }], metadata: {} });
  });

  it("get sends the documented defaults and maps items and has_context", async () => {
    let sent: Record<string, unknown> = {};
    nock(BASE)
      .post("/v1/memories/retrieve", (b) => ((sent = b), true))
      .reply(200, {
        retrieval_id: "ret_1",
        data: [
          {
            id: "mem_1",
            content: "Open issue: billing failed",
            category: "fact",
            importance_score: 0.95,
            relevance_score: 0.8,
            last_accessed: null,
            context_snippet: "Open issue: billing failed",
            source_event_id: "evt-9",
            provenance: { ticket_id: "T-1" },
            field: "current_open_issue",
            pinned: true,
          },
        ],
        cached: false,
        system_prompt_addition: "Support memory usage rules:\n- ...",
        context_token_count: 12,
        has_context: true,
        clarification_question: null,
        quota_mode: "FULL",
        is_degraded: false,
        is_passthrough: false,
        ...envelope,
      });
    const r = await client().get({ query: "any update?", externalUserId: "cust_8a72" });
    expect(sent).toEqual({ external_user_id: "cust_8a72", query: "any update?", limit: 10, categories: [], format: "bullets", context_max_tokens: 500 });
    expect(r.hasContext).toBe(true);
    expect(r.items[0]).toMatchObject({ id: "mem_1", importanceScore: 0.95, field: "current_open_issue", pinned: true, sourceEventId: "evt-9" });
    expect(r).toMatchObject({ retrievalId: "ret_1", contextTokenCount: 12, quotaMode: "FULL", requestId: "req_1" });
  });

  it("get passes limit, agent and budget through", async () => {
    let sent: Record<string, unknown> = {};
    nock(BASE)
      .post("/v1/memories/retrieve", (b) => ((sent = b), true))
      .reply(200, { retrieval_id: null, data: [], cached: false, system_prompt_addition: "", context_token_count: 0, has_context: false, ...envelope });
    const r = await client().get({ query: "q", externalUserId: "u", agentId: "a", limit: 8, contextMaxTokens: 700, timeFilterDays: 30 });
    expect(sent).toMatchObject({ limit: 8, agent_id: "a", context_max_tokens: 700, time_filter_days: 30 });
    expect(r.hasContext).toBe(false);
    expect(r.items).toEqual([]);
  });

  it("customers and supportStats read the tenant views", async () => {
    nock(BASE)
      .get("/v1/tenant/customers")
      .query({ limit: "2", cursor: "c1" })
      .reply(200, {
        data: [
          { external_user_id: "u1", customer_tier: "Growth", support_type: "saas", sentiment_pattern: "calm", open_issues_count: 1, total_issues_lifetime: 3, last_contact: "2026-12-01T00:00:00.000Z" },
        ],
        pagination: { next_cursor: "c2", limit: 2, total: 5 },
        ...envelope,
      })
      .get("/v1/tenant/support-stats")
      .reply(200, {
        data: {
          total_customers_with_memory: 5,
          open_issues_count: 2,
          high_escalation_risk_count: 1,
          sentiment_breakdown: { calm: 4, high_escalation_risk: 1 },
          support_type_distribution: { saas: 5 },
          avg_issues_per_customer: 1.4,
        },
        ...envelope,
      });
    const page = await client().customers({ limit: 2, cursor: "c1" });
    expect(page).toMatchObject({ nextCursor: "c2", limit: 2, total: 5 });
    expect(page.items[0]).toEqual({ externalUserId: "u1", customerTier: "Growth", supportType: "saas", sentimentPattern: "calm", openIssuesCount: 1, totalIssuesLifetime: 3, lastContact: "2026-12-01T00:00:00.000Z" });
    const stats = await client().supportStats();
    expect(stats).toMatchObject({ totalCustomersWithMemory: 5, highEscalationRiskCount: 1, avgIssuesPerCustomer: 1.4, supportTypeDistribution: { saas: 5 } });
  });

  it.each([
    [401, { error: "unauthorized", code: "AUTH_001", request_id: "r", details: null }, AuthError],
    [422, { error: "validation_error", code: "REQ_422", request_id: "r", details: [{ field: "query", message: "must not be empty" }] }, ValidationError],
    [404, { error: "not_found", code: "REQ_404", request_id: "r", details: null }, NotFoundError],
    [429, { error: "rate_limited", code: "RATE_429", request_id: "r", details: null }, RateLimitError],
    [500, { error: "internal_server_error", code: "SRV_500", request_id: "r", details: null }, MemoryApiError],
  ])("a %i becomes a typed error", async (status, body, kind) => {
    nock(BASE).post("/v1/memories/retrieve").reply(status, body, { "retry-after": "7" });
    const err = await client()
      .get({ query: "q", externalUserId: "u" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(kind);
    expect(err).toMatchObject({ status, code: body.code, requestId: "r" });
  });

  it("a validation error names the field, from ours or from pydantic-style details", async () => {
    nock(BASE)
      .post("/v1/memories/add")
      .reply(422, { error: "validation_error", code: "REQ_422", request_id: "r", details: [{ field: "messages[0].role", message: "must be one of: user, assistant, system" }] })
      .post("/v1/memories/add")
      .reply(422, { error: "validation_error", code: "REQ_422", request_id: "r", details: [{ loc: ["body", "external_user_id"], msg: "String should have at least 1 character" }] });
    const a = (await client().add([{ role: "user", content: "x" }], "u").catch((e: unknown) => e)) as ValidationError;
    expect(a.field).toBe("messages[0].role");
    expect(a.message).toContain("messages[0].role");
    const b = (await client().add([{ role: "user", content: "x" }], "").catch((e: unknown) => e)) as ValidationError;
    expect(b.field).toBe("external_user_id");
  });

  it("retries a 429 after Retry-After and a 503, then succeeds", async () => {
    const ok = { data: { total_customers_with_memory: 0, open_issues_count: 0, high_escalation_risk_count: 0, sentiment_breakdown: {}, support_type_distribution: {}, avg_issues_per_customer: 0 }, ...envelope };
    const scope = nock(BASE)
      .get("/v1/tenant/support-stats")
      .reply(429, { error: "rate_limited", code: "RATE_429", request_id: "r", details: null }, { "retry-after": "0" })
      .get("/v1/tenant/support-stats")
      .reply(503, { error: "unavailable", code: "SRV_503", request_id: "r", details: null })
      .get("/v1/tenant/support-stats")
      .reply(200, ok);
    const stats = await client({ maxRetries: 2 }).supportStats();
    expect(stats.totalCustomersWithMemory).toBe(0);
    expect(scope.isDone()).toBe(true);
  });

  it("does not retry a 401 or a 422", async () => {
    const scope = nock(BASE).get("/v1/tenant/support-stats").once().reply(401, { error: "unauthorized", code: "AUTH_001", request_id: "r", details: null });
    await expect(client({ maxRetries: 3 }).supportStats()).rejects.toBeInstanceOf(AuthError);
    expect(scope.isDone()).toBe(true);
  });

  it("a body that is not JSON is a clear error, not a crash", async () => {
    nock(BASE).get("/v1/tenant/support-stats").reply(502, "<html>bad gateway</html>");
    const err = (await client().supportStats().catch((e: unknown) => e)) as MemoryApiError;
    expect(err).toBeInstanceOf(MemoryApiError);
    expect(err.status).toBe(502);
  });

  it("refuses to be built without a key or with a base URL that is not http(s)", () => {
    expect(() => new MemoryClient({ apiKey: " ", baseUrl: BASE })).toThrow(/apiKey/);
    expect(() => new MemoryClient({ apiKey: KEY, baseUrl: "memory.test" })).toThrow(/baseUrl/);
    expect(new MemoryClient({ apiKey: KEY, baseUrl: `${BASE}/v1/` }).baseUrl).toBe(BASE);
  });

  it("delete, list and jobStatus use the reference paths", async () => {
    nock(BASE)
      .delete("/v1/memories/mem_a%2Fb")
      .query({ hard_delete: "true" })
      .reply(200, { data: { deleted: true }, ...envelope })
      .get("/v1/memories")
      .query({ external_user_id: "u", limit: "50" })
      .reply(200, { data: [], pagination: { next_cursor: null, limit: 50, total: 0 }, ...envelope })
      .get("/v1/memories/jobs/job_1")
      .reply(200, { data: { job_id: "job_1", status: "completed", memories_created: 2, created_memory_ids: ["m1", "m2"], attempts: 1, error: null, created_at: null, completed_at: null }, ...envelope });
    expect(await client().delete("mem_a/b", true)).toBe(true);
    expect((await client().list("u")).total).toBe(0);
    expect(await client().jobStatus("job_1")).toMatchObject({ succeeded: true, memoriesCreated: 2, createdMemoryIds: ["m1", "m2"] });
  });
});
