// The admin API's answers are the /v1 envelope, and its errors come from the one error table:
// `{error, code, request_id, details}`, a 400 or 422 naming the field that is wrong. Also what
// its deliveries, customers and reconnect functions read and change in the database.
import type { RequestListener } from "node:http";
import request from "supertest";
import { createCommands } from "../../../src/cli/commands";
import { loadConfig } from "../../../src/config";
import type { Database } from "../../../src/db/client";
import { createApp } from "../../../src/http/app";
import { createConsoleSessions } from "../../../src/http/console/sessions";
import { createLogger } from "../../../src/logger";
import { createMemoryEngine } from "../../../src/memory/engine";
import { createDeterministicExtractor } from "../../../src/memory/extract/deterministic";
import { createMetrics } from "../../../src/metrics";
import { reconnectInstallation } from "../../../src/http/admin/installations";
import { ApiError } from "../../../src/http/errors";
import { createInstallation, getInstallation, setInstallationStatus } from "../../../src/tenants/installations";
import { createTenant } from "../../../src/tenants/service";
import { createTestDatabase } from "../../helpers/db";

const MASTER = Buffer.alloc(32, 9);
const ADMIN_TOKEN = "operator-token-for-admin-api-tests-0123456789";
const NOW = new Date("2026-11-20T10:00:00.000Z");

describe("the admin API's envelope and errors", () => {
  let db: Database;
  let app: RequestListener;
  let key: string;
  let tenantId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const publicUrl = "http://localhost:3000";
    const config = loadConfig({ PUBLIC_URL: publicUrl, MASTER_KEY: MASTER.toString("hex"), LOG_LEVEL: "silent" });
    app = createApp({
      db,
      engine: createMemoryEngine({ db, extractor: createDeterministicExtractor() }),
      log: createLogger("silent"),
      metrics: createMetrics(),
      maxBodyBytes: 100_000,
      clock: () => NOW,
      admin: { sessions: createConsoleSessions(), publicUrl, masterKey: () => MASTER, adminToken: ADMIN_TOKEN, commands: createCommands({ config: () => config }) },
    });
    const t = await createTenant(db, "Envelope Co");
    key = t.api_key;
    tenantId = t.tenant.id;
  });
  afterAll(async () => {
    await db.close();
  });

  const asTenant = (r: request.Test) => r.set("authorization", `ApiKey ${key}`);
  const asOperator = (r: request.Test) => r.set("authorization", `Bearer ${ADMIN_TOKEN}`);

  /** Every error answer: the table's code for `error`, its AREA_NNN, the request id echoed in the header. */
  function expectError(r: request.Response, status: number, error: string, code: string) {
    expect(r.status).toBe(status);
    expect(r.body).toMatchObject({ error, code });
    expect(r.body.request_id).toMatch(/^req_[0-9a-f]{32}$/);
    expect(r.headers["x-request-id"]).toBe(r.body.request_id);
    expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+/);
  }

  it("wraps a success in data with request_id and timestamp, echoing the caller's request id", async () => {
    const r = await asTenant(request(app).get("/v1/admin/keys")).set("x-request-id", "ops-trace-42");
    expect(r.status).toBe(200);
    expect(r.body.request_id).toBe("ops-trace-42");
    expect(r.headers["x-request-id"]).toBe("ops-trace-42");
    expect(r.body.timestamp).toBe(NOW.toISOString());
    expect(r.body.data.keys).toHaveLength(1);
    const created = await asTenant(request(app).post("/v1/admin/keys")).send({ label: "bot" });
    expect(created.status).toBe(201);
    expect(created.body.data.tenant_id).toBe(tenantId);
    expect(created.body.data.api_key).toMatch(/^mem_/);
  });

  it("answers a missing or wrong credential with 401 AUTH_001", async () => {
    expectError(await request(app).get("/v1/admin/overview"), 401, "unauthorized", "AUTH_001");
    expectError(await request(app).get("/v1/admin/overview").set("authorization", `ApiKey mem_${"z".repeat(32)}`), 401, "unauthorized", "AUTH_001");
  });

  it("refuses the operator token on a tenant's route with 403 AUTH_003", async () => {
    const r = await asOperator(request(app).get("/v1/admin/deliveries"));
    expectError(r, 403, "forbidden", "AUTH_003");
    expect(r.body.details.message).toMatch(/acts on one tenant/);
  });

  it("names the bad query field in a 422, and changes nothing", async () => {
    const r = await asTenant(request(app).get("/v1/admin/deliveries?status=lost&page=0"));
    expectError(r, 422, "validation_error", "REQ_422");
    expect(r.body.details.map((d: { field: string }) => d.field).sort()).toEqual(["page", "status"]);
    expect(r.body.details.find((d: { field: string }) => d.field === "status")).toMatchObject({
      message: "must be one of: received, queued, processing, held, done, skipped, dead",
      loc: ["query", "status"],
    });
    const c = await asTenant(request(app).get(`/v1/admin/customers?q=${"x".repeat(300)}`));
    expectError(c, 422, "validation_error", "REQ_422");
    expect(c.body.details[0]).toMatchObject({ field: "q", message: "must be at most 256 characters" });
  });

  it("names the bad body field in a 422: a replay filter, a key label, a body that is not JSON", async () => {
    const replay = await asTenant(request(app).post("/v1/admin/deliveries/replay")).send({ status: "dead", since: "last tuesday" });
    expectError(replay, 422, "validation_error", "REQ_422");
    expect(replay.body.details[0]).toMatchObject({ field: "since", loc: ["body", "since"] });

    const before = await db.prisma.apiKey.count({ where: { tenantId } });
    const label = await asTenant(request(app).post("/v1/admin/keys")).send({ label: "l".repeat(101) });
    expectError(label, 422, "validation_error", "REQ_422");
    expect(label.body.details[0]).toMatchObject({ field: "label", message: "must be text of at most 100 characters" });
    const notJson = await asTenant(request(app).post("/v1/admin/keys")).set("content-type", "application/json").send("{label:");
    expectError(notJson, 422, "validation_error", "REQ_422");
    expect(notJson.body.details[0]).toMatchObject({ field: "body", type: "json_invalid" });
    expect(await db.prisma.apiKey.count({ where: { tenantId } })).toBe(before);
  });

  it("answers an unknown id or route with 404 REQ_404, naming the id's field", async () => {
    const d = await asTenant(request(app).get("/v1/admin/deliveries/dlv_nope"));
    expectError(d, 404, "not_found", "REQ_404");
    expect(d.body.details).toEqual({ message: "no delivery dlv_nope", field: "delivery_id" });
    const k = await asTenant(request(app).delete("/v1/admin/keys/key_nope"));
    expectError(k, 404, "not_found", "REQ_404");
    expect(k.body.details.field).toBe("key_id");
    const route = await asTenant(request(app).get("/v1/admin/nothing-here"));
    expectError(route, 404, "not_found", "REQ_404");
    expect(route.body.details.message).toBe("no route GET /v1/admin/nothing-here");
  });

  it("hands back a CLI usage mistake as a 400 naming its flag, and an unknown command as a 404", async () => {
    const before = await db.prisma.tenant.count();
    const r = await asOperator(request(app).post("/v1/admin/commands")).send({ command: "tenants create", flags: {} });
    expectError(r, 400, "invalid_request", "REQ_400");
    expect(r.body.details).toEqual({ message: "--name is required: the tenant's display name, e.g. --name Acme", field: "name" });
    expect(await db.prisma.tenant.count()).toBe(before);
    const unknown = await asOperator(request(app).post("/v1/admin/commands")).send({ command: "tenants explode" });
    expectError(unknown, 404, "not_found", "REQ_404");
    expect(unknown.body.details.field).toBe("command");
    const ok = await asOperator(request(app).post("/v1/admin/commands")).send({ command: "tenants list" });
    expect(ok.status).toBe(200);
    expect(ok.body.data.text).toContain("Envelope Co");
    expect(ok.body.data.json.tenants.map((t: { id: string }) => t.id)).toContain(tenantId);
  });

  it("lists deliveries newest first, 25 a page, filtered by status, helpdesk and time; replays the dead ones a filter matches", async () => {
    const zd = await createInstallation(db, MASTER, {
      tenantId,
      provider: "zendesk",
      account: "envelope",
      settings: { email: "a@example.com", agentId: "1" },
      secrets: { apiToken: "t", signingSecret: "s" },
    });
    const base = Date.UTC(2026, 10, 1, 8);
    // 27 Zendesk deliveries an hour apart: every third dead, the rest done
    await db.prisma.webhookDelivery.createMany({
      data: Array.from({ length: 27 }, (_, i) => ({
        id: `dlv_env_${String(i).padStart(2, "0")}`,
        installationId: zd.id,
        tenantId,
        provider: "zendesk",
        dedupeKey: `env-${i}`,
        eventType: "ticket.created",
        status: i % 3 === 0 ? "dead" : "done",
        lastError: i % 3 === 0 ? "HTTP 500" : null,
        attempts: i % 3 === 0 ? 5 : 1,
        event: { ticketRef: String(9000 + i) },
        receivedAt: new Date(base + i * 3_600_000),
      })),
    });
    const list = (q: string) => asTenant(request(app).get(`/v1/admin/deliveries${q}`));
    const first = await list("?provider=zendesk");
    expect(first.body.data).toMatchObject({ page: 1, page_size: 25, total: 27 });
    const ids = first.body.data.deliveries.map((d: { delivery_id: string }) => d.delivery_id);
    expect(ids[0]).toBe("dlv_env_26");
    expect(ids).toHaveLength(25);
    const times = first.body.data.deliveries.map((d: { received_at: string }) => d.received_at);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await list("?provider=zendesk&page=2");
    expect(second.body.data.deliveries.map((d: { delivery_id: string }) => d.delivery_id)).toEqual(["dlv_env_01", "dlv_env_00"]);
    expect((await list("?provider=crisp")).body.data.total).toBe(0);
    // hours 0..11, dead: 0, 3, 6, 9
    const window = `since=${new Date(base).toISOString()}&until=${new Date(base + 11 * 3_600_000).toISOString()}`;
    const dead = await list(`?status=dead&${window}`);
    expect(dead.body.data.deliveries.map((d: { delivery_id: string }) => d.delivery_id)).toEqual(["dlv_env_09", "dlv_env_06", "dlv_env_03", "dlv_env_00"]);

    const replay = await asTenant(request(app).post("/v1/admin/deliveries/replay")).send({ status: "dead", provider: "zendesk", since: new Date(base).toISOString(), until: new Date(base + 11 * 3_600_000).toISOString() });
    expect(replay.status).toBe(200);
    expect(replay.body.data).toEqual({ replayed: 4 });
    const rows = await db.prisma.webhookDelivery.findMany({ where: { installationId: zd.id }, orderBy: { id: "asc" } });
    const byStatus = (st: string) => rows.filter((r) => r.status === st).map((r) => r.id);
    expect(byStatus("received")).toEqual(["dlv_env_00", "dlv_env_03", "dlv_env_06", "dlv_env_09"]);
    expect(rows.filter((r) => r.status === "received").every((r) => r.attempts === 0 && r.lastError === null)).toBe(true);
    // dead ones outside the window, and the done ones, are left alone
    expect(byStatus("dead")).toEqual(["dlv_env_12", "dlv_env_15", "dlv_env_18", "dlv_env_21", "dlv_env_24"]);
    expect(byStatus("done")).toHaveLength(18);
  });

  it("reconnects a needs_reauth installation by hand: new token in, the old OAuth refresh state out, held deliveries back in the inbox", async () => {
    const inst = await createInstallation(db, MASTER, {
      tenantId,
      provider: "zendesk",
      account: "reconnected",
      settings: { email: "a@example.com", agentId: "1" },
      secrets: { accessToken: "old-access", refreshToken: "old-refresh", expiresAt: "2026-11-01T00:00:00.000Z", signingSecret: "s" },
    });
    await setInstallationStatus(db, inst.id, "needs_reauth", "zendesk refused the refresh token (invalid_grant)");
    await db.prisma.webhookDelivery.createMany({
      data: [
        { id: "dlv_held_1", installationId: inst.id, tenantId, provider: "zendesk", dedupeKey: "held-1", eventType: "ticket.created", status: "held", attempts: 2, lastError: "needs re-auth", event: {} },
        { id: "dlv_dead_1", installationId: inst.id, tenantId, provider: "zendesk", dedupeKey: "dead-1", eventType: "ticket.created", status: "dead", attempts: 5, lastError: "HTTP 500", event: {} },
      ],
    });
    // another tenant's installation is unknown to this one
    const other = await createTenant(db, "Other Co");
    await expect(reconnectInstallation(db, MASTER, other.tenant.id, inst.id, { accessToken: "x" })).rejects.toEqual(expect.any(ApiError));

    expect(await reconnectInstallation(db, MASTER, tenantId, inst.id, { accessToken: "typed-by-hand" })).toEqual({ status: "active", resumed: 1 });
    const after = (await getInstallation(db, MASTER, inst.id))!;
    expect(after.status).toBe("active");
    expect(after.statusReason).toBeNull();
    expect(after.info.secrets).toEqual({ accessToken: "typed-by-hand", signingSecret: "s" });
    const rows = await db.prisma.webhookDelivery.findMany({ where: { installationId: inst.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.id, r.status, r.attempts])).toEqual([
      ["dlv_dead_1", "dead", 5],
      ["dlv_held_1", "received", 0],
    ]);
  });

  it("searches customers by external id, most recent first, 25 a page", async () => {
    const base = Date.UTC(2026, 10, 5, 8);
    await db.prisma.customerProfile.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        id: `cp_search_${i}`,
        tenantId,
        externalUserId: i < 27 ? `crm-${1000 + i}` : `vip-${i}`,
        agentScope: "shared",
        profile: {},
        supportType: "saas",
        lastActivityAt: new Date(base + i * 60_000),
      })),
    });
    const search = (q: string) => asTenant(request(app).get(`/v1/admin/customers${q}`));
    const first = await search("?q=CRM-");
    expect(first.body.data).toMatchObject({ q: "CRM-", page: 1, page_size: 25, total: 27 });
    const ids = first.body.data.customers.map((c: { external_user_id: string }) => c.external_user_id);
    expect(ids[0]).toBe("crm-1026");
    expect(ids).toHaveLength(25);
    expect((await search("?q=crm-&page=2")).body.data.customers.map((c: { external_user_id: string }) => c.external_user_id)).toEqual(["crm-1001", "crm-1000"]);
    expect((await search("?q=vip")).body.data.total).toBe(3);
    expect((await search("?q=nobody")).body.data).toMatchObject({ customers: [], total: 0 });
  });
});
