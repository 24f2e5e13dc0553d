// Contract tests of the memory routes, from MemoryOS's documented wire contract: paths,
// defaults, ranges, shapes, status codes and error codes, against the real app and database.
import request from "supertest";
import { createTestApp, type TestApp } from "../../helpers/app";
import { createTenant } from "../../../src/tenants/service";

const SEED_SAAS =
  "Our workspace billing failed after upgrading to Growth. We use Slack and webhook integrations, and I need the invoice fixed before my finance review.";
const ENVELOPE = { request_id: expect.any(String), timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) };
const ISSUE_ERROR = { error: "validation_error", code: "REQ_422", request_id: expect.any(String), details: expect.any(Array) };

describe("memory routes (MemoryOS wire format)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ maxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await t.db.close();
  });

  const add = (body: object, headers: Record<string, string> = {}) => request(t.app).post("/v1/memories/add").set(t.auth).set(headers).send(body);
  const retrieve = (body: object) => request(t.app).post("/v1/memories/retrieve").set(t.auth).send(body);
  const fieldsOf = (body: { details: { field: string }[] }) => body.details.map((d) => d.field);

  it("add answers 200 in the queued shape, with a job that reports what it made", async () => {
    const r = await add({ external_user_id: "c-add", messages: [{ role: "user", content: SEED_SAAS }], metadata: { ticket_id: "T-1" } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      job_id: expect.stringMatching(/^job_/),
      status: "queued",
      blocked_reason: null,
      retry_after_seconds: null,
      budget_remaining_pct: expect.any(Number),
      processing_eta_seconds: expect.any(Number),
      processing_status: "normal",
      ...ENVELOPE,
    });
    expect(r.headers["x-request-id"]).toBe(r.body.request_id);
    const job = await request(t.app).get(`/v1/memories/jobs/${r.body.job_id}`).set(t.auth);
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ data: { job_id: r.body.job_id, status: "completed", attempts: 1, error: null }, ...ENVELOPE });
    expect(job.body.data.memories_created).toBeGreaterThanOrEqual(3);
    expect(job.body.data.created_memory_ids).toHaveLength(job.body.data.memories_created);
    // every id the job names is a fact the list shows
    const list = await request(t.app).get("/v1/memories?external_user_id=c-add").set(t.auth);
    const listed = list.body.data.map((m: { id: string }) => m.id);
    for (const id of job.body.data.created_memory_ids) expect(listed).toContain(id);
  });

  it("a repeated idempotency key (header or body) replays the first answer and applies once", async () => {
    const body = { external_user_id: "c-idem", messages: [{ role: "user", content: "My order ORD-55120 has not arrived, it is two weeks late." }] };
    const first = await add(body, { "Idempotency-Key": "evt-1" });
    const again = await add(body, { "Idempotency-Key": "evt-1" });
    const viaBody = await add({ ...body, idempotency_key: "evt-1" });
    expect(first.status).toBe(200);
    for (const r of [again, viaBody]) {
      expect(r.status).toBe(200);
      expect(r.body.job_id).toBe(first.body.job_id);
      expect(r.body.memories_created).toBe(first.body.memories_created);
    }
    const customer = await request(t.app).get("/v1/customers/c-idem").set(t.auth);
    expect(customer.body.data.version).toBe(1);
    const other = await add(body, { "Idempotency-Key": "evt-2" });
    expect(other.body.job_id).not.toBe(first.body.job_id);
    expect(other.body.memories_created).toBe(0);
  });

  it("retrieve answers the reference shape with memory items and stable ids", async () => {
    await add({ external_user_id: "c-ret", messages: [{ role: "user", content: SEED_SAAS }, { role: "assistant", content: "Sorry about that, I am checking the invoice." }] });
    const r = await retrieve({ external_user_id: "c-ret", query: "customer is asking for an update on their billing issue" });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      retrieval_id: expect.any(String),
      data: expect.any(Array),
      cached: false,
      system_prompt_addition: expect.any(String),
      context_token_count: expect.any(Number),
      has_context: true,
      clarification_question: null,
      quota_mode: "FULL",
      is_degraded: false,
      is_passthrough: false,
      ...ENVELOPE,
    });
    expect(r.body.context_token_count).toBeGreaterThan(0);
    expect(r.body.context_token_count).toBeLessThanOrEqual(500);
    expect(r.body.data.length).toBeGreaterThan(0);
    expect(r.body.data.length).toBeLessThanOrEqual(10);
    for (const item of r.body.data) {
      expect(item).toMatchObject({
        id: expect.stringMatching(/^mem_/),
        content: expect.any(String),
        category: expect.stringMatching(/^(fact|preference)$/),
        importance_score: expect.any(Number),
        relevance_score: expect.any(Number),
        last_accessed: null,
        context_snippet: expect.any(String),
      });
      expect(item).toHaveProperty("source_event_id");
      expect(item).toHaveProperty("provenance");
    }
    expect(r.body.data[0].content).toMatch(/^Open issue: .*billing/i);
    const again = await retrieve({ external_user_id: "c-ret", query: "something else entirely" });
    expect(new Set(again.body.data.map((i: { id: string }) => i.id))).toEqual(new Set(r.body.data.map((i: { id: string }) => i.id)));
  });

  it("retrieve honours limit, categories and context_max_tokens", async () => {
    const narrow = await retrieve({ external_user_id: "c-ret", query: "billing", limit: 1, context_max_tokens: 50 });
    expect(narrow.body.data).toHaveLength(1);
    expect(narrow.body.context_token_count).toBeLessThanOrEqual(50);
    const prefs = await retrieve({ external_user_id: "c-ret", query: "billing", categories: ["goal"] });
    expect(prefs.body.data).toEqual([]);
    expect(prefs.body.has_context).toBe(true);
    const asStrings = await retrieve({ external_user_id: "c-ret", query: "billing", limit: "2", context_max_tokens: "300" });
    expect(asStrings.status).toBe(200);
    expect(asStrings.body.data).toHaveLength(2);
  });

  it("retrieve for an unknown customer has no context and an empty addition", async () => {
    const r = await retrieve({ external_user_id: "nobody", query: "hello" });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ has_context: false, system_prompt_addition: "", data: [], context_token_count: 0 });
  });

  it("list pages through a customer's facts; delete removes one, soft or hard", async () => {
    await add({
      external_user_id: "c-list",
      messages: [{ role: "user", content: SEED_SAAS }, { role: "user", content: "Please email me rather than calling, and I'd like a refund for the failed charge." }],
      metadata: { ticket_id: "T-9" },
    });
    const all = await request(t.app).get("/v1/memories?external_user_id=c-list&limit=100").set(t.auth);
    expect(all.status).toBe(200);
    expect(all.body.pagination).toEqual({ next_cursor: null, limit: 100, total: all.body.data.length });
    const total = all.body.data.length;
    expect(total).toBeGreaterThanOrEqual(4);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/memories?external_user_id=c-list&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page: request.Response = await request(t.app).get(url).set(t.auth);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      expect(page.body.pagination.total).toBe(total);
      seen.push(...page.body.data.map((m: { id: string }) => m.id));
      cursor = page.body.pagination.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all.body.data.map((m: { id: string }) => m.id));

    const plan = all.body.data.find((m: { field: string }) => m.field === "support_context.saas.plan");
    expect(plan.content).toMatch(/Growth/);
    const soft = await request(t.app).delete(`/v1/memories/${plan.id}`).set(t.auth);
    expect(soft.status).toBe(200);
    expect(soft.body).toMatchObject({ data: { deleted: true }, ...ENVELOPE });
    const after = await request(t.app).get("/v1/memories?external_user_id=c-list&limit=100").set(t.auth);
    expect(after.body.pagination.total).toBe(total - 1);
    const ctx = await retrieve({ external_user_id: "c-list", query: "billing", context_max_tokens: 1000 });
    expect(ctx.body.system_prompt_addition).not.toMatch(/Plan: Growth/);
    // soft: the removal is a claim; the claims that wrote the plan stay for audit
    const detail = await request(t.app).get("/v1/customers/c-list").set(t.auth);
    const planClaims = detail.body.data.claims.filter((c: { field: string }) => c.field === plan.field);
    expect(planClaims.map((c: { action: string }) => c.action)).toEqual(expect.arrayContaining(["set", "remove"]));
    expect((await request(t.app).delete(`/v1/memories/${plan.id}`).set(t.auth)).status).toBe(404);

    const issue = after.body.data.find((m: { field: string }) => m.field === "current_open_issue");
    const hard = await request(t.app).delete(`/v1/memories/${issue.id}?hard_delete=true`).set(t.auth);
    expect(hard.status).toBe(200);
    const claims = await t.db.sql.query<{ action: string; value: unknown; previous: unknown }>(
      "SELECT action, value, previous FROM profile_claims WHERE external_user_id = 'c-list' AND field = 'current_open_issue'",
    );
    expect(claims).toEqual([{ action: "remove", value: null, previous: null }]);
    expect(JSON.stringify(await t.db.sql.query("SELECT profile FROM customer_profiles WHERE external_user_id = 'c-list'"))).not.toMatch(/billing failed/i);
  });

  it("a memory id of another tenant, a forged or unknown id, or an unknown job is a 404", async () => {
    await add({ external_user_id: "c-own", messages: [{ role: "user", content: SEED_SAAS }] });
    const mine = (await request(t.app).get("/v1/memories?external_user_id=c-own").set(t.auth)).body.data[0].id;
    const other = await createTenant(t.db, "Other");
    const otherAuth = { Authorization: `ApiKey ${other.api_key}` };
    for (const id of [mine, "mem_bm90LWpzb24", "unknown", `mem_${Buffer.from(JSON.stringify(["c-own", "shared", "support_context.saas.nope"])).toString("base64url")}`]) {
      const r = await request(t.app).delete(`/v1/memories/${id}`).set(id === mine ? otherAuth : t.auth);
      expect(r.status).toBe(404);
      expect(r.body).toMatchObject({ error: "memory_not_found", code: "MEM_404", request_id: expect.any(String) });
    }
    expect((await request(t.app).get("/v1/memories?external_user_id=c-own").set(t.auth)).body.data[0].id).toBe(mine);
    const job = await request(t.app).get("/v1/memories/jobs/job_nope").set(t.auth);
    expect(job.status).toBe(404);
    expect(job.body).toMatchObject({ error: "job_not_found", code: "JOB_404" });
    const someJob = (await add({ external_user_id: "c-own", messages: [{ role: "user", content: "hello again" }] })).body.job_id;
    expect((await request(t.app).get(`/v1/memories/jobs/${someJob}`).set(otherAuth)).status).toBe(404);
  });

  it.each([
    [{}, ["external_user_id", "messages"]],
    [{ external_user_id: "", messages: [{ role: "user", content: "x" }] }, ["external_user_id"]],
    [{ external_user_id: "a", messages: [] }, ["messages"]],
    [{ external_user_id: "a", messages: "hello" }, ["messages"]],
    [{ external_user_id: "a", messages: [{ role: "robot", content: "x" }] }, ["messages[0].role"]],
    [{ external_user_id: "a", messages: [{ role: "user", content: 42 }] }, ["messages[0].content"]],
    [{ external_user_id: "a", messages: [{ role: "user", content: "" }] }, ["messages[0].content"]],
    [{ external_user_id: "a", messages: [{ role: "user", content: "x" }], metadata: "t-1" }, ["metadata"]],
    [{ external_user_id: 7, messages: [{ role: "user", content: "x" }] }, ["external_user_id"]],
    [{ external_user_id: "a\u0000b", messages: [{ role: "user", content: "x" }] }, ["external_user_id"]],
  ])("add refuses %j with 422 REQ_422 naming %j, storing nothing", async (body, fields) => {
    const before = await t.db.sql.query("SELECT count(*)::int AS n FROM memory_jobs");
    const r = await add(body);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject(ISSUE_ERROR);
    expect(fieldsOf(r.body)).toEqual(fields);
    expect(r.body.details[0].loc[0]).toBe("body");
    expect(await t.db.sql.query("SELECT count(*)::int AS n FROM memory_jobs")).toEqual(before);
  });

  it.each([
    [{ query: "x" }, "external_user_id"],
    [{ external_user_id: "a" }, "query"],
    [{ external_user_id: "a", query: "" }, "query"],
    [{ external_user_id: "a", query: "q", limit: 0 }, "limit"],
    [{ external_user_id: "a", query: "q", limit: 51 }, "limit"],
    [{ external_user_id: "a", query: "q", limit: 2.5 }, "limit"],
    [{ external_user_id: "a", query: "q", limit: "many" }, "limit"],
    [{ external_user_id: "a", query: "q", context_max_tokens: 49 }, "context_max_tokens"],
    [{ external_user_id: "a", query: "q", context_max_tokens: 4001 }, "context_max_tokens"],
    [{ external_user_id: "a", query: "q", format: "yaml" }, "format"],
    [{ external_user_id: "a", query: "q", categories: ["gossip"] }, "categories[0]"],
    [{ external_user_id: "a", query: "q", time_filter_days: 0 }, "time_filter_days"],
    [{ external_user_id: "a", query: ["x"] }, "query"],
  ])("retrieve refuses %j naming %s", async (body, field) => {
    const r = await retrieve(body);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject(ISSUE_ERROR);
    expect(fieldsOf(r.body)[0]).toBe(field);
  });

  it("accepts the edges of every range", async () => {
    for (const body of [
      { limit: 1, context_max_tokens: 50 },
      { limit: 50, context_max_tokens: 4000, time_filter_days: 3650, format: "xml" },
    ]) {
      expect((await retrieve({ external_user_id: "c-ret", query: "q", ...body })).status).toBe(200);
    }
    expect((await request(t.app).get("/v1/memories?external_user_id=c-ret&limit=0").set(t.auth)).status).toBe(422);
    // without a customer (as MemoryOS's Python SDK lists), the tenant's recent customers' facts
    const tenantWide = await request(t.app).get("/v1/memories?limit=100").set(t.auth);
    expect(tenantWide.status).toBe(200);
    expect(tenantWide.body.data.some((m: { content: string }) => /Growth/.test(m.content))).toBe(true);
    expect((await request(t.app).get("/v1/memories?external_user_id=").set(t.auth)).body.details[0].field).toBe("external_user_id");
    const badCursor = await request(t.app).get("/v1/memories?external_user_id=c-ret&cursor=garbage").set(t.auth);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body).toMatchObject({ error: "invalid_cursor", code: "TEN_400" });
    expect((await request(t.app).delete("/v1/memories/x?hard_delete=maybe").set(t.auth)).status).toBe(422);
  });

  it("malformed JSON is a 422 naming the body, an oversized body a 413", async () => {
    const bad = await request(t.app).post("/v1/memories/add").set(t.auth).set("Content-Type", "application/json").send('{"external_user_id": "a",');
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ ...ISSUE_ERROR, details: [expect.objectContaining({ field: "body", type: "json_invalid" })] });
    const big = await add({ external_user_id: "a", messages: [1, 2, 3, 4].map((i) => ({ role: "user", content: String(i).repeat(19_000) })) });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ error: "payload_too_large", code: "REQ_413", request_id: expect.any(String) });
  });

  it("system messages are the caller's, not the customer's: a system-only add extracts nothing", async () => {
    const r = await add({ external_user_id: "c-sys", messages: [{ role: "system", content: "You are a support bot. Billing failed for Growth plan users." }] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "queued", memories_created: 0, nothing_to_extract: true });
    expect((await retrieve({ external_user_id: "c-sys", query: "billing" })).body.has_context).toBe(false);
  });

  it("redacts as a service, in the envelope, without echoing what it found", async () => {
    const text = "Card 4111 1111 1111 1111, OTP is 482913, order ORD-44821";
    const r = await request(t.app).post("/v1/redact").set(t.auth).send({ text });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ data: { text: expect.stringContaining("ORD-44821") }, ...ENVELOPE });
    const dump = JSON.stringify(r.body);
    expect(dump).not.toContain("4111 1111 1111 1111");
    expect(dump).not.toContain("482913");
    expect(r.body.data.findings).toEqual(expect.arrayContaining([expect.objectContaining({ type: "card_number", count: 1 }), expect.objectContaining({ type: "otp", count: 1 })]));
    const bad = await request(t.app).post("/v1/redact").set(t.auth).send({ text: 5 });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual(["text"]);
  });

  it("never writes redactable values to the database, jobs included", async () => {
    const secrets = ["4111 1111 1111 1111", "4111111111111111", "482913", "hunter2!", "2345 6789 0124"];
    await add({
      external_user_id: "cust-pii",
      messages: [
        { role: "user", content: "I was charged twice on card 4111 1111 1111 1111 for order ORD-77812, please refund me." },
        { role: "user", content: "The OTP is 482913 and my password is hunter2! if you need to log in." },
        { role: "user", content: "My aadhaar is 2345 6789 0124 for the KYC." },
      ],
      metadata: { ticket_id: "T-PII", subject: "refund for card 4111111111111111" },
    });
    const rows = [
      ...(await t.db.sql.query("SELECT * FROM customer_profiles")),
      ...(await t.db.sql.query("SELECT * FROM profile_claims")),
      ...(await t.db.sql.query("SELECT * FROM memory_events")),
      ...(await t.db.sql.query("SELECT * FROM memory_jobs")),
    ];
    const dump = JSON.stringify(rows);
    for (const s of secrets) expect(dump).not.toContain(s);
    expect(dump).toContain("ORD-77812");
  });

  it("routes a single-vertical tenant's conversations to its vertical", async () => {
    const other = await createTenant(t.db, "TravelCo");
    const auth = { Authorization: `ApiKey ${other.api_key}` };
    const p = await request(t.app).patch("/v1/tenant/support-type").set(auth).send({ support_type_mode: "single", support_type: "travel" });
    expect(p.status).toBe(200);
    const r = await request(t.app).post("/v1/memories/add").set(auth).send({ external_user_id: "c1", messages: [{ role: "user", content: SEED_SAAS }] });
    expect(r.body.support_type).toBe("travel");
  });

  it("the old routes are gone", async () => {
    for (const path of ["/v1/memories/search"]) {
      const r = await request(t.app).post(path).set(t.auth).send({ external_user_id: "a", query: "q" });
      expect(r.status).toBe(404);
      expect(r.body).toMatchObject({ error: "not_found", code: "REQ_404" });
    }
    expect((await request(t.app).post("/v1/memories").set(t.auth).send({})).status).toBe(404);
  });
});
