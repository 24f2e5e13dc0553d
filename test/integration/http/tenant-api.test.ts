// Contract tests of the tenant routes and of auth, from MemoryOS's documented wire contract,
// plus ours beside them (one customer, forget) and tenant isolation.
import request from "supertest";
import { createTestApp, type TestApp } from "../../helpers/app";
import { createTenant, createApiKey, revokeApiKey } from "../../../src/tenants/service";

const ENVELOPE = { request_id: expect.any(String), timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) };
const VERTICALS = ["saas", "ecommerce", "banking_fintech", "travel", "telecom", "edtech_support", "general_info"];

describe("tenant routes, auth and isolation", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.db.close();
  });

  const patch = (path: string, body: object, auth = t.auth) => request(t.app).patch(path).set(auth).send(body);
  const get = (path: string, auth = t.auth) => request(t.app).get(path).set(auth);
  const newTenant = async (name: string) => ({ Authorization: `ApiKey ${(await createTenant(t.db, name)).api_key}` });

  it.each([
    ["no header", {}],
    ["unknown key", { Authorization: "ApiKey mem_doesnotexist000000000000000000000" }],
    ["Bearer scheme", { Authorization: "Bearer KEY" }],
    ["bare key", { Authorization: "KEY" }],
    ["X-API-Key", { "X-API-Key": "KEY" }],
    ["Basic", { Authorization: "Basic abc" }],
  ])("refuses %s with 401 AUTH_001", async (_name, headers) => {
    const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace("KEY", t.apiKey)]));
    const r = await request(t.app).get("/v1/tenant/domain-schema").set(h).set("X-Request-Id", "trace-123");
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: "unauthorized", code: "AUTH_001", request_id: "trace-123", details: expect.anything() });
  });

  it("stops accepting a revoked key, and stores keys only as hashes", async () => {
    const k = await createApiKey(t.db, t.tenantId, "temp");
    expect((await get("/v1/tenant", { Authorization: `ApiKey ${k.api_key}` })).status).toBe(200);
    await revokeApiKey(t.db, k.key_id);
    expect((await get("/v1/tenant", { Authorization: `ApiKey ${k.api_key}` })).status).toBe(401);
    expect(JSON.stringify(await t.db.sql.query("SELECT * FROM api_keys"))).not.toContain(t.apiKey);
  });

  it("GET domain-schema answers the reference shape", async () => {
    const r = await get("/v1/tenant/domain-schema");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      data: {
        domain_schema: "support",
        support_type_configured: null,
        support_type_mode: expect.stringMatching(/^(single|multi|auto)$/),
        support_types_allowed: expect.any(Array),
      },
      ...ENVELOPE,
    });
    for (const d of r.body.data.available_domains) expect(d).toEqual({ value: d.value === null ? null : expect.any(String), label: expect.any(String), description: expect.any(String), status: expect.any(String) });
    expect(r.body.data.available_domains.map((d: { value: unknown }) => d.value)).toEqual(expect.arrayContaining([null, "support"]));
  });

  it("the seed's curl examples answer 200 with data: domain schema, support type single/multi/auto, customers, stats", async () => {
    const auth = await newTenant("Seed");
    const schema = await patch("/v1/tenant/domain-schema", { domain_schema: "support" }, auth);
    expect(schema.status).toBe(200);
    expect(schema.body.data.domain_schema).toBe("support");

    const single = await patch("/v1/tenant/support-type", { support_type: "saas", support_type_mode: "single" }, auth);
    expect(single.status).toBe(200);
    expect(single.body).toEqual({ data: { support_type_configured: "saas", support_type_mode: "single", support_types_allowed: [] }, ...ENVELOPE });

    const multi = await patch("/v1/tenant/support-type", { support_type_mode: "multi", support_types_allowed: ["saas", "ecommerce", "saas"] }, auth);
    expect(multi.status).toBe(200);
    expect(multi.body.data).toEqual({ support_type_configured: null, support_type_mode: "multi", support_types_allowed: ["saas", "ecommerce"] });

    const auto = await patch("/v1/tenant/support-type", { support_type_mode: "auto" }, auth);
    expect(auto.status).toBe(200);
    // stored as sent, not expanded to every vertical
    expect(auto.body.data).toEqual({ support_type_configured: null, support_type_mode: "auto", support_types_allowed: [] });
    expect((await get("/v1/tenant/domain-schema", auth)).body.data).toMatchObject(auto.body.data);

    const customers = await get("/v1/tenant/customers", auth);
    expect(customers.status).toBe(200);
    expect(customers.body).toEqual({ data: [], pagination: { next_cursor: null, limit: 50, total: 0 }, ...ENVELOPE });

    const stats = await get("/v1/tenant/support-stats", auth);
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      data: {
        total_customers_with_memory: 0,
        open_issues_count: 0,
        high_escalation_risk_count: 0,
        sentiment_breakdown: {},
        support_type_distribution: {},
        avg_issues_per_customer: 0,
      },
      ...ENVELOPE,
    });
  });

  it("single mode classifies into the configured vertical; auto with [] still picks from all", async () => {
    const auth = await newTenant("Modes");
    await patch("/v1/tenant/support-type", { support_type_mode: "single", support_type: "telecom" }, auth);
    const a = await request(t.app).post("/v1/memories/add").set(auth).send({ external_user_id: "m1", messages: [{ role: "user", content: "My order ORD-1 never arrived" }] });
    expect(a.body.support_type).toBe("telecom");
    await patch("/v1/tenant/support-type", { support_type_mode: "auto" }, auth);
    const b = await request(t.app).post("/v1/memories/add").set(auth).send({ external_user_id: "m2", messages: [{ role: "user", content: "My flight with PNR XK7Q2M was cancelled and I need a new booking" }] });
    expect(b.body.support_type).toBe("travel");
  });

  it("multi routes within the allow-list (else general_info)", async () => {
    const auth = await newTenant("Multi");
    await patch("/v1/tenant/support-type", { support_type_mode: "multi", support_types_allowed: ["ecommerce", "saas"] }, auth);
    const r = await request(t.app)
      .post("/v1/memories/add")
      .set(auth)
      .send({ external_user_id: "m1", messages: [{ role: "user", content: "My flight with PNR XK7Q2M was cancelled and I need a new booking" }] });
    expect(r.body.support_type).toBe("general_info");
  });

  it.each([
    [{ support_type_mode: "single" }, 400, "support_type_required"],
    [{}, 400, "support_type_required"],
    [{ support_type_mode: "multi", support_types_allowed: [] }, 400, "support_types_allowed_required"],
    [{ support_type_mode: "multi" }, 400, "support_types_allowed_required"],
    [{ support_type_mode: "multi", support_types_allowed: ["saas", "gaming"] }, 422, "validation_error"],
    [{ support_type_mode: "single", support_type: "health" }, 422, "validation_error"],
    [{ support_type_mode: "sometimes" }, 422, "validation_error"],
  ])("refuses support type %j with %i %s, changing nothing", async (body, status, error) => {
    const before = (await get("/v1/tenant/domain-schema")).body.data;
    const r = await patch("/v1/tenant/support-type", body);
    expect(r.status).toBe(status);
    expect(r.body).toMatchObject({ error, code: status === 400 ? "TEN_400" : "REQ_422", request_id: expect.any(String) });
    expect((await get("/v1/tenant/domain-schema")).body.data).toEqual(before);
  });

  it("keeps first_contact_note (default triage), sets it, and refuses anything else naming the field", async () => {
    expect((await request(t.app).get("/v1/tenant").set(t.auth)).body.data.first_contact_note).toBe("triage");
    const off = await request(t.app).patch("/v1/tenant/note-settings").set(t.auth).send({ first_contact_note: "none" });
    expect(off.status).toBe(200);
    expect(off.body.data.first_contact_note).toBe("none");
    for (const body of [{ first_contact_note: "summary" }, { first_contact_note: null }, {}]) {
      const bad = await request(t.app).patch("/v1/tenant/note-settings").set(t.auth).send(body);
      expect(bad.status).toBe(422);
      expect(bad.body.details[0].field).toBe("first_contact_note");
    }
    expect((await request(t.app).get("/v1/tenant").set(t.auth)).body.data.first_contact_note).toBe("none");
    await request(t.app).patch("/v1/tenant/note-settings").set(t.auth).send({ first_contact_note: "triage" });
  });

  it("names the bad field of a 422", async () => {
    const r = await patch("/v1/tenant/support-type", { support_type_mode: "multi", support_types_allowed: ["saas", "gaming"] });
    expect(r.body.details[0]).toMatchObject({ field: "support_types_allowed[1]", loc: ["body", "support_types_allowed", 1] });
    const d = await patch("/v1/tenant/domain-schema", { domain_schema: "medical" });
    expect(d.status).toBe(422);
    expect(d.body.details[0].field).toBe("domain_schema");
    expect((await patch("/v1/tenant/domain-schema", {})).status).toBe(422);
  });

  it("domain_schema null is the general engine: support overlay off and its settings reset, support routes 400", async () => {
    const auth = await newTenant("General");
    await patch("/v1/tenant/support-type", { support_type_mode: "single", support_type: "saas" }, auth);
    const r = await patch("/v1/tenant/domain-schema", { domain_schema: null }, auth);
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ domain_schema: null, support_type_configured: null, support_type_mode: "auto", support_types_allowed: [] });
    expect((await get("/v1/tenant/domain-schema", auth)).body.data.domain_schema).toBeNull();
    for (const res of [
      await patch("/v1/tenant/support-type", { support_type_mode: "single", support_type: "saas" }, auth),
      await get("/v1/tenant/customers", auth),
      await get("/v1/tenant/support-stats", auth),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: "support_schema_required", code: "TEN_400" });
    }
    // memory still works, without the support overlay's rules
    await request(t.app).post("/v1/memories/add").set(auth).send({ external_user_id: "g1", messages: [{ role: "user", content: "My order ORD-77 arrived broken, I want a replacement" }] });
    const g = await request(t.app).post("/v1/memories/retrieve").set(auth).send({ external_user_id: "g1", query: "order" });
    expect(g.body.has_context).toBe(true);
    expect(g.body.system_prompt_addition).toMatch(/ORD-77/);
    expect(g.body.system_prompt_addition).not.toMatch(/Support memory usage rules/);
    expect((await patch("/v1/tenant/domain-schema", { domain_schema: "support" }, auth)).body.data.domain_schema).toBe("support");
  });

  it("lists customers newest first with a cursor, in MemoryOS fields, and counts them in stats", async () => {
    const auth = await newTenant("Lists");
    for (let i = 0; i < 5; i++) {
      await request(t.app)
        .post("/v1/memories/add")
        .set(auth)
        .send({ external_user_id: `list-${i}`, messages: [{ role: "user", content: `Order ORD-1000${i} arrived damaged, I want a replacement` }], metadata: { ticket_id: `T-${i}` } });
    }
    await request(t.app)
      .post("/v1/memories/add")
      .set(auth)
      .send({ external_user_id: "list-4", messages: [{ role: "user", content: "Thanks, it works now" }], metadata: { ticket_id: "T-4", ticket_status: "solved" } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: request.Response = await get(`/v1/tenant/customers?limit=2${cursor ? `&cursor=${cursor}` : ""}`, auth);
      expect(r.status).toBe(200);
      expect(r.body.pagination).toMatchObject({ limit: 2, total: 5 });
      seen.push(...r.body.data.map((c: { external_user_id: string }) => c.external_user_id));
      cursor = r.body.pagination.next_cursor;
    } while (cursor);
    expect(seen).toEqual(["list-4", "list-3", "list-2", "list-1", "list-0"]);

    const page = (await get("/v1/tenant/customers?limit=50", auth)).body.data;
    for (const c of page) {
      expect(Object.keys(c).sort()).toEqual(["customer_tier", "external_user_id", "last_contact", "open_issues_count", "sentiment_pattern", "support_type", "total_issues_lifetime"]);
    }
    expect(page.find((c: { external_user_id: string }) => c.external_user_id === "list-3")).toMatchObject({ support_type: "ecommerce", open_issues_count: 1, total_issues_lifetime: 1 });
    expect(page.find((c: { external_user_id: string }) => c.external_user_id === "list-4")).toMatchObject({ open_issues_count: 0, total_issues_lifetime: 1 });

    const stats = (await get("/v1/tenant/support-stats", auth)).body.data;
    expect(stats).toMatchObject({ total_customers_with_memory: 5, open_issues_count: 4, avg_issues_per_customer: 1, support_type_distribution: { ecommerce: 5 } });
    expect(Object.values(stats.sentiment_breakdown as Record<string, number>).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5);
    expect((stats.adds_by_day as { count: number }[]).reduce((n, d) => n + d.count, 0)).toBe(6);
  });

  it.each([
    ["/v1/tenant/customers?limit=0", 422, "limit"],
    ["/v1/tenant/customers?limit=51", 422, "limit"],
    ["/v1/tenant/customers?limit=abc", 422, "limit"],
    ["/v1/tenant/support-stats?days=0", 422, "days"],
  ])("GET %s → %i naming %s", async (url, status, field) => {
    const r = await get(url);
    expect(r.status).toBe(status);
    expect(r.body.details[0]).toMatchObject({ field, loc: ["query", field] });
  });

  it("a cursor it did not hand out is 400 TEN_400 invalid_cursor", async () => {
    const r = await get("/v1/tenant/customers?cursor=garbage");
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: "invalid_cursor", code: "TEN_400" });
  });

  it("shows a customer with MemoryOS field names and claims, and forgets it", async () => {
    await request(t.app)
      .post("/v1/memories/add")
      .set(t.auth)
      .send({ external_user_id: "cust-x", messages: [{ role: "user", content: "UPI payment of Rs 4,500 debited but not credited to the merchant, UTR 412345678901" }], metadata: { ticket_id: "881" } });
    const r = await get("/v1/customers/cust-x");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject(ENVELOPE);
    for (const key of ["support_type", "customer_identity", "communication_preference", "language_profile", "current_open_issue", "issue_history", "resolution_preference", "sentiment_pattern", "risk_signals", "support_context"]) {
      expect(r.body.data.profile).toHaveProperty(key);
    }
    expect(r.body.data.profile.support_type).toBe("banking_fintech");
    expect(r.body.data.claims.find((c: { field: string }) => c.field === "current_open_issue").provenance).toMatchObject({ ticket_id: "881" });

    const del = await request(t.app).delete("/v1/customers/cust-x").set(t.auth);
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({ data: { external_user_id: "cust-x", forgotten: true }, ...ENVELOPE });
    const gone = await get("/v1/customers/cust-x");
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ error: "customer_not_found", code: "CUS_404" });
    const left = await t.db.sql.query(
      "SELECT 1 FROM profile_claims WHERE external_user_id = 'cust-x' UNION ALL SELECT 1 FROM memory_events WHERE external_user_id = 'cust-x' UNION ALL SELECT 1 FROM memory_jobs WHERE external_user_id = 'cust-x'",
    );
    expect(left).toHaveLength(0);
    expect((await request(t.app).delete("/v1/customers/cust-x").set(t.auth)).status).toBe(404);
  });

  it("never lets one tenant's key read or change another tenant's customer", async () => {
    const otherAuth = await newTenant("Other");
    await request(t.app).post("/v1/memories/add").set(t.auth).send({ external_user_id: "shared-id", messages: [{ role: "user", content: "My invoice INV-2231 is wrong" }] });
    expect((await get("/v1/customers/shared-id", otherAuth)).status).toBe(404);
    expect((await request(t.app).post("/v1/memories/retrieve").set(otherAuth).send({ external_user_id: "shared-id", query: "invoice" })).body.has_context).toBe(false);
    expect((await get("/v1/memories?external_user_id=shared-id", otherAuth)).body.data).toEqual([]);
    expect((await request(t.app).delete("/v1/customers/shared-id").set(otherAuth)).status).toBe(404);
    expect((await get("/v1/tenant/customers", otherAuth)).body.data).toEqual([]);
    expect((await get("/v1/customers/shared-id")).status).toBe(200);
  });

  it("answers unknown routes with the error body and serves health, readiness and metrics", async () => {
    const r = await get("/v1/nothing-here");
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ error: "not_found", code: "REQ_404", request_id: expect.any(String) });
    expect((await request(t.app).get("/healthz")).status).toBe(200);
    expect((await request(t.app).get("/readyz")).body).toMatchObject({ status: "ready" });
    expect((await request(t.app).get("/metrics")).text).toContain("hm_http_requests_total");
    expect(VERTICALS).toHaveLength(7);
  });
});
