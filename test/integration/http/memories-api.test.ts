import request from "supertest";
import { createTestApp, type TestApp } from "../../helpers/app";
import { createTenant } from "../../../src/tenants/service";

const SEED_SAAS =
  "Our workspace billing failed after upgrading to Growth. We use Slack and webhook integrations, and I need the invoice fixed before my finance review.";

describe("memories API", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ maxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await t.db.close();
  });

  const add = (body: object, headers: Record<string, string> = {}) => request(t.app).post("/v1/memories").set(t.auth).set(headers).send(body);
  const search = (body: object) => request(t.app).post("/v1/memories/search").set(t.auth).send(body);

  it("remembers the seed SaaS example and returns it for a follow-up question", async () => {
    const r = await add({
      external_user_id: "cust-saas-1",
      agent_id: "support-bot",
      messages: [{ role: "user", content: SEED_SAAS }],
      metadata: { source: "api", ticket_id: "T-100" },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: "stored", support_type: "saas", external_user_id: "cust-saas-1" });

    const g = await search({ external_user_id: "cust-saas-1", agent_id: "support-bot", query: "Any update on my issue?", context_max_tokens: 700 });
    expect(g.status).toBe(200);
    expect(g.body.has_context).toBe(true);
    const text: string = g.body.system_prompt_addition;
    expect(text).toMatch(/billing/i);
    expect(text).toMatch(/Growth/);
    expect(text).toMatch(/Slack/);
    expect(text).toMatch(/webhook/i);
    expect(text).toMatch(/finance review/i);
    expect(g.body.context_token_count).toBeLessThanOrEqual(700);
  });

  it("applies the same source event once (body id or Idempotency-Key)", async () => {
    const body = { external_user_id: "cust-idem", messages: [{ role: "user", content: "My order ORD-55120 has not arrived, it is two weeks late." }] };
    const first = await add(body, { "Idempotency-Key": "evt-1" });
    expect(first.status).toBe(201);
    const before = await request(t.app).get("/v1/customers/cust-idem").set(t.auth);
    const again = await add(body, { "Idempotency-Key": "evt-1" });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe("duplicate");
    const viaBody = await add({ ...body, source_event_id: "evt-1" });
    expect(viaBody.body.status).toBe("duplicate");
    const after = await request(t.app).get("/v1/customers/cust-idem").set(t.auth);
    expect(after.body.version).toBe(before.body.version);
    expect(after.body.claims).toHaveLength(before.body.claims.length);
    // without any id, identical content for the same customer and ticket is one event too
    const plain = { external_user_id: "cust-idem", messages: [{ role: "user", content: "Where is my parcel?" }], metadata: { ticket_id: "9" } };
    expect((await add(plain)).body.status).toBe("stored");
    expect((await add(plain)).body.status).toBe("duplicate");
  });

  it("returns has_context false for an unknown customer", async () => {
    const g = await search({ external_user_id: "nobody", query: "hello" });
    expect(g.status).toBe(200);
    expect(g.body).toMatchObject({ has_context: false, system_prompt_addition: "" });
  });

  it.each([
    [{}, "external_user_id"],
    [{ external_user_id: "", messages: [{ role: "user", content: "x" }] }, "external_user_id"],
    [{ external_user_id: "a", messages: [] }, "messages"],
    [{ external_user_id: "a", messages: "hello" }, "messages"],
    [{ external_user_id: "a", messages: [{ role: "robot", content: "x" }] }, "messages[0].role"],
    [{ external_user_id: "a", messages: [{ role: "user", content: 42 }] }, "messages[0].content"],
    [{ external_user_id: "a", messages: [{ role: "user", content: "x" }], metadata: "t-1" }, "metadata"],
    [{ external_user_id: 7, messages: [{ role: "user", content: "x" }] }, "external_user_id"],
  ])("add rejects %j naming %s", async (body, field) => {
    const r = await add(body);
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe(field);
    expect(r.body.error.message).toContain(field);
  });

  it.each([
    [{ query: "x" }, "external_user_id"],
    [{ external_user_id: "a", limit: 0 }, "limit"],
    [{ external_user_id: "a", limit: "many" }, "limit"],
    [{ external_user_id: "a", context_max_tokens: 10 }, "context_max_tokens"],
    [{ external_user_id: "a", query: ["x"] }, "query"],
  ])("search rejects %j naming %s", async (body, field) => {
    const r = await search(body);
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe(field);
  });

  it("answers malformed JSON with 400 and an oversized body with 413", async () => {
    const bad = await request(t.app).post("/v1/memories").set(t.auth).set("Content-Type", "application/json").send('{"external_user_id": "a",');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("malformed_json");
    const big = await add({ external_user_id: "a", messages: [{ role: "user", content: "x".repeat(19_000) }, { role: "user", content: "y".repeat(19_000) }, { role: "user", content: "z".repeat(19_000) }, { role: "user", content: "w".repeat(19_000) }] });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("payload_too_large");
  });

  it("redacts as a service without echoing what it found", async () => {
    const text = "Card 4111 1111 1111 1111, OTP is 482913, order ORD-44821";
    const r = await request(t.app).post("/v1/redact").set(t.auth).send({ text });
    expect(r.status).toBe(200);
    expect(r.body.text).toContain("ORD-44821");
    const dump = JSON.stringify(r.body);
    expect(dump).not.toContain("4111 1111 1111 1111");
    expect(dump).not.toContain("482913");
    expect(r.body.findings).toEqual(expect.arrayContaining([expect.objectContaining({ type: "card_number", count: 1 }), expect.objectContaining({ type: "otp", count: 1 })]));
    expect((await request(t.app).post("/v1/redact").set(t.auth).send({ text: 5 })).status).toBe(400);
  });

  it("never writes redactable values to the database", async () => {
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
    const r = await request(t.app).post("/v1/memories").set(auth).send({ external_user_id: "c1", messages: [{ role: "user", content: SEED_SAAS }] });
    expect(r.body.support_type).toBe("travel");
  });
});
