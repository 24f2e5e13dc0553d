import request from "supertest";
import { createTestApp, type TestApp } from "../../helpers/app";
import { createTenant, createApiKey, revokeApiKey } from "../../../src/tenants/service";

describe("tenant API, keys and isolation", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.db.close();
  });

  it.each([
    [{}, 401, /missing API key/],
    [{ Authorization: "ApiKey mem_doesnotexist000000000000000000000" }, 401, /not valid/],
    [{ Authorization: "Basic abc" }, 401, /missing API key/],
  ])("rejects %j", async (headers, status, message) => {
    const r = await request(t.app).get("/v1/tenant").set(headers);
    expect(r.status).toBe(status);
    expect(r.body.error.message).toMatch(message);
  });

  it("stops accepting a revoked key", async () => {
    const k = await createApiKey(t.db, t.tenantId, "temp");
    expect((await request(t.app).get("/v1/tenant").set({ Authorization: `ApiKey ${k.api_key}` })).status).toBe(200);
    await revokeApiKey(t.db, k.key_id);
    expect((await request(t.app).get("/v1/tenant").set({ Authorization: `ApiKey ${k.api_key}` })).status).toBe(401);
  });

  it("stores keys only as hashes", async () => {
    const rows = await t.db.sql.query("SELECT * FROM api_keys");
    expect(JSON.stringify(rows)).not.toContain(t.apiKey);
  });

  it("sets the domain schema and refuses unknown ones", async () => {
    expect((await request(t.app).patch("/v1/tenant/domain-schema").set(t.auth).send({ domain_schema: "support" })).status).toBe(200);
    const bad = await request(t.app).patch("/v1/tenant/domain-schema").set(t.auth).send({ domain_schema: "medical" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("domain_schema");
  });

  it.each([
    [{ support_type_mode: "single" }, "support_type"],
    [{ support_type_mode: "multi", support_types_allowed: [] }, "support_types_allowed"],
    [{ support_type_mode: "multi" }, "support_types_allowed"],
    [{ support_type_mode: "multi", support_types_allowed: ["saas", "gaming"] }, "support_types_allowed[1]"],
    [{ support_type_mode: "single", support_type: "health" }, "support_type"],
    [{ support_type_mode: "sometimes" }, "support_type_mode"],
    [{}, "support_type_mode"],
  ])("refuses support type %j naming %s, changing nothing", async (body, field) => {
    const before = (await request(t.app).get("/v1/tenant").set(t.auth)).body;
    const r = await request(t.app).patch("/v1/tenant/support-type").set(t.auth).send(body);
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe(field);
    expect((await request(t.app).get("/v1/tenant").set(t.auth)).body).toEqual(before);
  });

  it("keeps first_contact_note (default triage), sets it, and refuses anything else naming the field", async () => {
    expect((await request(t.app).get("/v1/tenant").set(t.auth)).body.first_contact_note).toBe("triage");
    const off = await request(t.app).patch("/v1/tenant/note-settings").set(t.auth).send({ first_contact_note: "none" });
    expect(off.status).toBe(200);
    expect(off.body.first_contact_note).toBe("none");
    for (const body of [{ first_contact_note: "summary" }, { first_contact_note: null }, {}]) {
      const bad = await request(t.app).patch("/v1/tenant/note-settings").set(t.auth).send(body);
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe("first_contact_note");
    }
    expect((await request(t.app).get("/v1/tenant").set(t.auth)).body.first_contact_note).toBe("none");
    await request(t.app).patch("/v1/tenant/note-settings").set(t.auth).send({ first_contact_note: "triage" });
  });

  it("accepts multi with an allow-list and routes within it", async () => {
    const r = await request(t.app).patch("/v1/tenant/support-type").set(t.auth).send({ support_type_mode: "multi", support_types_allowed: ["ecommerce", "saas"] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ support_type_mode: "multi", support_types_allowed: ["ecommerce", "saas"] });
    const add = await request(t.app)
      .post("/v1/memories")
      .set(t.auth)
      .send({ external_user_id: "m1", messages: [{ role: "user", content: "My flight with PNR XK7Q2M was cancelled and I need a new booking" }] });
    expect(add.body.support_type).toBe("general_info");
    await request(t.app).patch("/v1/tenant/support-type").set(t.auth).send({ support_type_mode: "auto" });
  });

  it("lists customers newest first with a cursor, and counts them in stats", async () => {
    for (let i = 0; i < 5; i++) {
      await request(t.app)
        .post("/v1/memories")
        .set(t.auth)
        .send({ external_user_id: `list-${i}`, messages: [{ role: "user", content: `Order ORD-1000${i} arrived damaged, I want a replacement` }] });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: request.Response = await request(t.app).get(`/v1/tenant/customers?limit=2${cursor ? `&cursor=${cursor}` : ""}`).set(t.auth);
      expect(r.status).toBe(200);
      seen.push(...r.body.customers.map((c: { external_user_id: string }) => c.external_user_id));
      cursor = r.body.next_cursor;
    } while (cursor);
    const listed = seen.filter((s) => s.startsWith("list-"));
    expect(listed).toEqual(["list-4", "list-3", "list-2", "list-1", "list-0"]);
    expect(new Set(seen).size).toBe(seen.length);

    const first = (await request(t.app).get("/v1/tenant/customers?limit=50").set(t.auth)).body.customers.find((c: { external_user_id: string }) => c.external_user_id === "list-4");
    expect(first).toMatchObject({ support_type: "ecommerce", open_issue: expect.any(String) });

    const stats = await request(t.app).get("/v1/tenant/support-stats").set(t.auth);
    expect(stats.status).toBe(200);
    expect(stats.body.customers).toBeGreaterThanOrEqual(5);
    expect(stats.body.by_vertical.ecommerce).toBeGreaterThanOrEqual(5);
    expect(stats.body.open_issues).toBeGreaterThanOrEqual(5);
    expect(stats.body.adds_by_day.reduce((n: number, d: { count: number }) => n + d.count, 0)).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ["/v1/tenant/customers?limit=0", "limit"],
    ["/v1/tenant/customers?limit=abc", "limit"],
    ["/v1/tenant/customers?cursor=garbage", "cursor"],
    ["/v1/tenant/support-stats?days=0", "days"],
  ])("GET %s → 400 naming %s", async (url, field) => {
    const r = await request(t.app).get(url).set(t.auth);
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe(field);
  });

  it("shows a customer with MemoryOS field names and claims, and forgets it", async () => {
    await request(t.app)
      .post("/v1/memories")
      .set(t.auth)
      .send({ external_user_id: "cust-x", messages: [{ role: "user", content: "UPI payment of Rs 4,500 debited but not credited to the merchant, UTR 412345678901" }], metadata: { ticket_id: "881" } });
    const r = await request(t.app).get("/v1/customers/cust-x").set(t.auth);
    expect(r.status).toBe(200);
    for (const key of ["support_type", "customer_identity", "communication_preference", "language_profile", "current_open_issue", "issue_history", "resolution_preference", "sentiment_pattern", "risk_signals", "support_context"]) {
      expect(r.body.profile).toHaveProperty(key);
    }
    expect(r.body.profile.support_type).toBe("banking_fintech");
    expect(r.body.claims.find((c: { field: string }) => c.field === "current_open_issue").provenance).toMatchObject({ ticket_id: "881" });

    const del = await request(t.app).delete("/v1/customers/cust-x").set(t.auth);
    expect(del.status).toBe(200);
    expect((await request(t.app).get("/v1/customers/cust-x").set(t.auth)).status).toBe(404);
    const left = await t.db.sql.query("SELECT 1 FROM profile_claims WHERE external_user_id = 'cust-x' UNION ALL SELECT 1 FROM memory_events WHERE external_user_id = 'cust-x'");
    expect(left).toHaveLength(0);
    expect((await request(t.app).delete("/v1/customers/cust-x").set(t.auth)).status).toBe(404);
  });

  it("never lets one tenant's key read or change another tenant's customer", async () => {
    const other = await createTenant(t.db, "Other");
    const otherAuth = { Authorization: `ApiKey ${other.api_key}` };
    await request(t.app).post("/v1/memories").set(t.auth).send({ external_user_id: "shared-id", messages: [{ role: "user", content: "My invoice INV-2231 is wrong" }] });
    expect((await request(t.app).get("/v1/customers/shared-id").set(otherAuth)).status).toBe(404);
    expect((await request(t.app).post("/v1/memories/search").set(otherAuth).send({ external_user_id: "shared-id", query: "invoice" })).body.has_context).toBe(false);
    expect((await request(t.app).delete("/v1/customers/shared-id").set(otherAuth)).status).toBe(404);
    expect((await request(t.app).get("/v1/tenant/customers").set(otherAuth)).body.customers).toEqual([]);
    expect((await request(t.app).get("/v1/customers/shared-id").set(t.auth)).status).toBe(200);
  });

  it("answers unknown routes with a JSON 404 and serves health, readiness and metrics", async () => {
    const r = await request(t.app).get("/v1/nothing-here").set(t.auth);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("not_found");
    expect((await request(t.app).get("/healthz")).status).toBe(200);
    expect((await request(t.app).get("/readyz")).body).toMatchObject({ status: "ready" });
    const m = await request(t.app).get("/metrics");
    expect(m.text).toContain("hm_http_requests_total");
  });
});
