// The console's and the admin API's security over HTTP: headers, cookie flags, the sign-in
// limiter, CSRF on the admin API, the operator token, and one tenant never seeing another's.
import type { RequestListener } from "node:http";
import request from "supertest";
import { createCommands } from "../../../src/cli/commands";
import { loadConfig } from "../../../src/config";
import type { Database } from "../../../src/db/client";
import { createApp } from "../../../src/http/app";
import { consoleSessionTenant } from "../../../src/http/admin/principal";
import { createConsoleSessions, MAX_FAILED_SIGN_INS } from "../../../src/http/console/sessions";
import { createLogger } from "../../../src/logger";
import { createMemoryEngine } from "../../../src/memory/engine";
import { createDeterministicExtractor } from "../../../src/memory/extract/deterministic";
import { createMetrics } from "../../../src/metrics";
import { createInstallation } from "../../../src/tenants/installations";
import { createTenant } from "../../../src/tenants/service";
import { createTestDatabase } from "../../helpers/db";

const MASTER = Buffer.alloc(32, 7);
const ADMIN_TOKEN = "operator-token-for-tests-0123456789abcdef";

function appFor(db: Database, publicUrl: string): RequestListener {
  const config = loadConfig({ PUBLIC_URL: publicUrl, MASTER_KEY: MASTER.toString("hex"), LOG_LEVEL: "silent" });
  return createApp({
    db,
    engine: createMemoryEngine({ db, extractor: createDeterministicExtractor() }),
    log: createLogger("silent"),
    metrics: createMetrics(),
    maxBodyBytes: 100_000,
    admin: { sessions: createConsoleSessions(), publicUrl, masterKey: () => MASTER, adminToken: ADMIN_TOKEN, commands: createCommands({ config: () => config }) },
  });
}

/** Signs in through the form as a browser would: the sign-in cookie and its hidden token. */
async function signIn(app: RequestListener, apiKey: string) {
  const form = await request(app).get("/console/sign-in");
  const token = /name="_csrf" value="([^"]+)"/.exec(form.text)![1]!;
  const signInCookie = form.headers["set-cookie"]![0]!.split(";")[0]!;
  const r = await request(app).post("/console/sign-in").set("cookie", signInCookie).type("form").send({ _csrf: token, api_key: apiKey });
  return r;
}

async function session(app: RequestListener, apiKey: string) {
  const r = await signIn(app, apiKey);
  expect(r.status).toBe(303);
  const cookie = (r.headers["set-cookie"] as unknown as string[]).find((c) => c.startsWith("hm_session="))!;
  const page = await request(app).get("/console/settings").set("cookie", cookie.split(";")[0]!);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
  return { cookie: cookie.split(";")[0]!, raw: cookie, csrf };
}

describe("console and admin API security", () => {
  let db: Database;
  let app: RequestListener;
  let a: { tenantId: string; key: string };
  let b: { tenantId: string; key: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = appFor(db, "http://localhost:3000");
    const ta = await createTenant(db, "Tenant A");
    const tb = await createTenant(db, "Tenant B");
    a = { tenantId: ta.tenant.id, key: ta.api_key };
    b = { tenantId: tb.tenant.id, key: tb.api_key };
  });
  afterAll(async () => {
    await db.close();
  });

  it("sends a CSP without inline scripts, frame protection and a referrer policy on every console page", async () => {
    for (const path of ["/console/sign-in", "/console", "/console/nope"]) {
      const r = await request(app).get(path);
      const csp = r.headers["content-security-policy"]!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(r.headers["x-frame-options"]).toBe("DENY");
      expect(r.headers["referrer-policy"]).toBe("no-referrer");
    }
    const page = await request(app).get("/console/sign-in");
    // every script is a file of ours: no inline code and no other origin
    expect(page.text.match(/<script[^>]*>/g)!.every((s) => /src="\/console\/assets\/[a-z.]+js"/.test(s))).toBe(true);
    expect(page.text).not.toMatch(/\son[a-z]+=/i);
  });

  it("serves Chart.js from the package", async () => {
    const r = await request(app).get("/console/assets/chart.umd.js");
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/Chart\.js v4/);
  });

  it("sets an HttpOnly SameSite=Lax session cookie, Secure only under an https PUBLIC_URL", async () => {
    const plain = await session(app, a.key);
    expect(plain.raw).toMatch(/HttpOnly/);
    expect(plain.raw).toMatch(/SameSite=Lax/);
    expect(plain.raw).not.toMatch(/Secure/);
    const https = await session(appFor(db, "https://memory.example.com"), a.key);
    expect(https.raw).toMatch(/; Secure/);
  });

  it("limits failed sign-ins per client: after the limit even the right key waits", async () => {
    const limited = appFor(db, "http://localhost:3000");
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) expect((await signIn(limited, `mem_${"y".repeat(32)}`)).status).toBe(401);
    const r = await signIn(limited, a.key);
    expect(r.status).toBe(429);
    expect(r.text).toMatch(/Too many failed sign-ins/);
    expect((r.headers["set-cookie"] as unknown as string[]).some((c: string) => c.startsWith("hm_session="))).toBe(false);
  });

  it("refuses admin API changes from a session without the X-CSRF-Token header", async () => {
    const s = await session(app, a.key);
    expect((await request(app).post("/v1/admin/keys").set("cookie", s.cookie).send({ label: "x" })).status).toBe(403);
    const ok = await request(app).post("/v1/admin/keys").set("cookie", s.cookie).set("x-csrf-token", s.csrf).send({ label: "x" });
    expect(ok.status).toBe(201);
    expect(ok.body.data.tenant_id).toBe(a.tenantId);
  });

  it("shows a session only its own tenant's installations, deliveries and keys", async () => {
    const inst = await createInstallation(db, MASTER, {
      tenantId: a.tenantId,
      provider: "zendesk",
      account: "tenant-a",
      settings: { email: "a@example.com", agentId: "1" },
      secrets: { apiToken: "t", signingSecret: "s" },
    });
    await db.prisma.webhookDelivery.create({
      data: { id: "dlv_tenant_a_1", installationId: inst.id, tenantId: a.tenantId, provider: "zendesk", dedupeKey: "a-1", eventType: "ticket.created", status: "dead", event: {} },
    });
    const sb = await session(app, b.key);
    const asB = (path: string) => request(app).get(path).set("cookie", sb.cookie);
    expect((await asB("/v1/admin/installations")).body.data.installations).toEqual([]);
    expect((await asB("/v1/admin/deliveries")).body.data.deliveries).toEqual([]);
    expect((await asB("/v1/admin/deliveries/dlv_tenant_a_1")).status).toBe(404);
    expect((await asB("/console/deliveries/dlv_tenant_a_1")).status).toBe(404);
    const replay = await request(app).post("/console/deliveries/dlv_tenant_a_1/replay").set("cookie", sb.cookie).type("form").send({ _csrf: sb.csrf });
    expect(replay.status).toBe(404);
    const disable = await request(app).post(`/console/helpdesks/${inst.id}/disable`).set("cookie", sb.cookie).type("form").send({ _csrf: sb.csrf });
    expect(disable.status).toBe(404);
    const keyOfA = (await db.prisma.apiKey.findFirstOrThrow({ where: { tenantId: a.tenantId } })).id;
    expect((await request(app).delete(`/v1/admin/keys/${keyOfA}`).set("cookie", sb.cookie).set("x-csrf-token", sb.csrf)).status).toBe(404);
    expect((await db.prisma.installation.findUniqueOrThrow({ where: { id: inst.id } })).status).toBe("active");
    expect((await db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: "dlv_tenant_a_1" } })).status).toBe("dead");

    const sa = await session(app, a.key);
    const mine = await request(app).get("/v1/admin/deliveries?status=dead").set("cookie", sa.cookie);
    expect(mine.body.data.deliveries.map((d: { delivery_id: string }) => d.delivery_id)).toEqual(["dlv_tenant_a_1"]);
  });

  it("runs CLI commands for the operator token only", async () => {
    const body = { command: "tenants list", flags: {} };
    expect((await request(app).post("/v1/admin/commands").send(body)).status).toBe(401);
    expect((await request(app).post("/v1/admin/commands").set("authorization", `ApiKey ${a.key}`).send(body)).status).toBe(403);
    expect((await request(app).post("/v1/admin/commands").set("authorization", "Bearer not-the-token").send(body)).status).toBe(401);
    const r = await request(app).post("/v1/admin/commands").set("authorization", `Bearer ${ADMIN_TOKEN}`).send(body);
    expect(r.status).toBe(200);
    expect(r.body.data.text).toContain("Tenant A");
  });

  it("ends a session when its key is revoked", async () => {
    const k = await request(app).post("/v1/admin/keys").set("authorization", `ApiKey ${a.key}`).send({ label: "short-lived" });
    const s = await session(app, k.body.data.api_key);
    expect((await request(app).get("/v1/admin/keys").set("cookie", s.cookie)).status).toBe(200);
    await request(app).delete(`/v1/admin/keys/${k.body.data.key_id}`).set("authorization", `ApiKey ${a.key}`);
    expect((await request(app).get("/v1/admin/keys").set("cookie", s.cookie)).status).toBe(401);
    expect((await request(app).get("/console/keys").set("cookie", s.cookie)).headers.location).toBe("/console/sign-in");
  });

  it("names a console session's tenant to the install routes only while its key is valid", async () => {
    const sessions = createConsoleSessions();
    const key = await request(app).post("/v1/admin/keys").set("authorization", `ApiKey ${a.key}`).send({ label: "installer" });
    const s = sessions.open(a.tenantId, key.body.data.key_id);
    const tenantOf = consoleSessionTenant({ db, sessions });
    const req = (cookie: string) => ({ headers: { cookie } }) as unknown as Parameters<typeof tenantOf>[0];
    expect(await tenantOf(req(`hm_session=${s.id}`))).toBe(a.tenantId);
    expect(await tenantOf(req("hm_session=made-up"))).toBeUndefined();
    await request(app).delete(`/v1/admin/keys/${key.body.data.key_id}`).set("authorization", `ApiKey ${a.key}`);
    expect(await tenantOf(req(`hm_session=${s.id}`))).toBeUndefined();
  });
});
