// No body, however odd, gets a 500: every route answers 4xx in the one error shape.
import request from "supertest";
import { createTestApp, type TestApp } from "../../helpers/app";

const ROUTES: Array<["post" | "patch" | "get" | "delete", string]> = [
  ["post", "/v1/memories/add"],
  ["post", "/v1/memories/retrieve"],
  ["post", "/v1/redact"],
  ["patch", "/v1/tenant/domain-schema"],
  ["patch", "/v1/tenant/support-type"],
];

// Every row has all three columns: jest hands a test function with more parameters than
// the row has columns a `done` callback.
const JSON_TYPE = "application/json";
const BODIES: Array<[string, string, string]> = [
  ["empty", "", JSON_TYPE],
  ["null", "null", JSON_TYPE],
  ["array", "[]", JSON_TYPE],
  ["string", '"hello"', JSON_TYPE],
  ["number", "42", JSON_TYPE],
  ["truncated", '{"a":', JSON_TYPE],
  ["wrong types", '{"external_user_id":{"$ne":1},"messages":{"role":"user"},"text":[1],"domain_schema":5,"support_type_mode":["single"]}', JSON_TYPE],
  ["nested nulls", '{"external_user_id":"a","messages":[null],"query":null,"limit":null}', JSON_TYPE],
  ["xml", "<xml>1</xml>", "application/xml"],
  ["form", "a=1&b=2", "application/x-www-form-urlencoded"],
  ["utf8 junk", "\u0000\u0001{\"x\":1}", JSON_TYPE],
];

describe("malformed input never yields a 500", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.db.close();
  });

  for (const [method, path] of ROUTES) {
    it.each(BODIES)(`${method.toUpperCase()} ${path} with %s body → 4xx with the error body`, async (_name, body, type) => {
      const r = await request(t.app)[method](path).set(t.auth).set("Content-Type", type).send(body);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body).toEqual({ error: expect.any(String), code: expect.stringMatching(/^[A-Z]+_\d{3}$/), request_id: expect.any(String), details: expect.anything() });
    });
  }

  it.each([
    ["/v1/customers/%00"],
    ["/v1/customers/" + "x".repeat(5000)],
    ["/v1/customers/%E0%A4%A"],
    ["/v1/tenant/customers?limit=1e9"],
    ["/v1/tenant/customers?limit=1&limit=2"],
    ["/v1/tenant/customers?cursor=%7B%7D"],
    ["/v1/memories/jobs/x%00"],
    ["/v1/memories/jobs/%20%00%20"],
  ])("GET %s → 4xx, never 500", async (url) => {
    const r = await request(t.app).get(url).set(t.auth);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });

  it("stores text with NUL bytes without them, and refuses ids with control characters", async () => {
    const ok = await request(t.app)
      .post("/v1/memories/add")
      .set(t.auth)
      .send({ external_user_id: "nul-1", messages: [{ role: "user", content: "my order ORD-1\u0000 is late" }], metadata: { ticket_id: "T\u00001" } });
    expect(ok.status).toBe(200);
    expect(ok.body.memories_created).toBeGreaterThan(0);
    const bad = await request(t.app).post("/v1/memories/add").set(t.auth).send({ external_user_id: "a\u0000b", messages: [{ role: "user", content: "x" }] });
    expect(bad.status).toBe(422);
    expect(bad.body.details[0].field).toBe("external_user_id");
  });

  it.each([
    ["a message", { external_user_id: "surrogate-1", messages: [{ role: "user", content: "my order ORD-2 \ud800 is late" }] }],
    ["the customer id", { external_user_id: "surrogate-\ud800", messages: [{ role: "user", content: "my order ORD-3 is late" }] }],
    ["metadata", { external_user_id: "surrogate-2", messages: [{ role: "user", content: "my order ORD-4 is late" }], metadata: { ticket_id: "T\udc001" } }],
    ["a metadata key", { external_user_id: "surrogate-3", messages: [{ role: "user", content: "my order ORD-5 is late" }], metadata: { "k\ud800": "v" } }],
  ])("an add with a lone UTF-16 surrogate escape in %s → 2xx or 4xx, never 500", async (_where, body) => {
    // JSON.stringify writes a lone surrogate as its \\uXXXX escape, as the fuzz phase sends it
    const r = await request(t.app).post("/v1/memories/add").set(t.auth).set("Content-Type", "application/json").send(JSON.stringify(body));
    expect(r.status).toBeLessThan(500);
  });

  it("refuses a wrong key before reading a body", async () => {
    const r = await request(t.app).post("/v1/memories/add").set({ Authorization: "ApiKey mem_x" }).send("{bad json");
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ error: "unauthorized", code: "AUTH_001" });
  });
});
