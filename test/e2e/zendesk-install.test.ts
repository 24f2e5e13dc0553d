// Zendesk installed as an app, end to end against a fake Zendesk (nock at the HTTP boundary):
// GET /install/zendesk → consent → callback → installation active with the webhook and its
// signing secret obtained through the API → a webhook signed with that secret → one private
// note. Then the token lifecycle (expiry mid-batch, invalid_grant, re-install), the `state`
// checks and uninstall. Embedded store and queue, or PostgreSQL + BullMQ when configured.
import nock from "nock";
import request from "supertest";
import { createInstallationCommands } from "../../src/cli/installations";
import { setNoteAuthor } from "../../src/http/admin/installations";
import { uninstallInstallation } from "../../src/tenants/app-uninstall";
import { createTenant } from "../../src/tenants/service";
import { createInstallDeps } from "../../src/http/install/deps";
import { FakeZendeskApp } from "../helpers/fake-zendesk-app";
import { createTestPipeline, createTestZendeskInstallation, settled, ticketCreatedEvent, waitFor, ZENDESK_AGENT_ID, zendeskHeaders, type TestPipeline } from "../helpers/pipeline";

jest.setTimeout(60_000);

const ZENDESK_URL = "https://globex.zendesk.test";
const CLIENT = { id: "zdg-helpdesk-memory", secret: "zd-oauth-client-secret-test-0123456789" };

describe("Zendesk one-click install", () => {
  let p: TestPipeline;
  let zd: FakeZendeskApp;
  let ticketId = 8100;

  beforeAll(async () => {
    p = await createTestPipeline({ zendeskApiUrl: ZENDESK_URL, env: { ZENDESK_OAUTH_CLIENT_ID: CLIENT.id, ZENDESK_OAUTH_CLIENT_SECRET: CLIENT.secret } });
  });
  afterAll(async () => {
    await p.close();
  });
  beforeEach(() => {
    zd = new FakeZendeskApp(CLIENT);
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    zd.intercept(ZENDESK_URL);
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  const installations = () => p.db.prisma.installation.count();

  /** Install → consent → callback, as the admin's browser would; returns the callback's answer. */
  async function install(subdomain: string, apiKey = p.apiKey) {
    const start = await request(p.app).get(`/install/zendesk?subdomain=${subdomain}`).set("authorization", `ApiKey ${apiKey}`);
    expect(start.status).toBe(302);
    const consent = zd.consent(start.headers.location!);
    return request(p.app).get(`/oauth/zendesk/callback?code=${consent.code}&state=${encodeURIComponent(consent.state)}`).set("accept", "application/json");
  }

  /** A new ticket at the fake and its ticket.created webhook, signed with the webhook's own secret. */
  async function ticketEvent(installationId: string, secret: string) {
    const id = ++ticketId;
    const requester = 600_000 + id;
    zd.zd.addUser({ id: requester, name: `Customer ${id}`, email: `c${id}@example.com` });
    zd.zd.addTicket({ id, subject: "Invoice missing", requester_id: requester, comments: [{ body: "I was charged twice for my Growth plan and need a refund of the duplicate invoice." }] });
    const body = JSON.stringify(ticketCreatedEvent({ ticketId: id, requesterId: requester, subject: "Invoice missing" }));
    const r = await request(p.app).post(`/webhooks/zendesk/${installationId}`).set(zendeskHeaders(body, secret)).send(body);
    expect(r.status).toBe(200);
    return id;
  }

  const deliveriesBy = async (installationId: string) => {
    const rows = await p.db.prisma.webhookDelivery.groupBy({ by: ["status"], where: { installationId }, _count: true });
    return Object.fromEntries(rows.map((r) => [r.status, r._count]));
  };

  it("installs with one click: the webhook and its signing secret come from the API, and a signed webhook gets one private note", async () => {
    const start = await request(p.app).get("/install/zendesk?subdomain=Globex").set("authorization", `ApiKey ${p.apiKey}`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.location!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${ZENDESK_URL}/oauth/authorizations/new`);
    expect(Object.fromEntries(authorize.searchParams)).toEqual({
      response_type: "code",
      client_id: CLIENT.id,
      redirect_uri: `${p.config.publicUrl}/oauth/zendesk/callback`,
      scope: "read write",
      state: expect.any(String),
    });
    const consent = zd.consent(start.headers.location!);
    const cb = await request(p.app).get(`/oauth/zendesk/callback?code=${consent.code}&state=${encodeURIComponent(consent.state)}`).set("accept", "application/json");
    expect(cb.status).toBe(200);
    const inst = cb.body.installation;
    expect(inst).toMatchObject({ provider: "zendesk", account: "globex", status: "active", tenantId: p.tenantId, settings: { agentId: String(zd.admin.id), auth: "oauth" } });

    // the webhook Zendesk now has: ours, active, JSON, subscribed to what the connector handles
    const hooks = [...zd.webhooks.values()];
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ endpoint: `${p.config.publicUrl}/webhooks/zendesk/${inst.id}`, http_method: "POST", request_format: "json", status: "active" });
    expect(hooks[0]!.subscriptions).toEqual(expect.arrayContaining(["zen:event-type:ticket.created", "zen:event-type:ticket.comment_added"]));

    // stored encrypted: neither token nor secret appears in the row
    const row = await p.db.prisma.installation.findUniqueOrThrow({ where: { id: inst.id } });
    expect(row.secrets).not.toContain(hooks[0]!.secret);
    expect(row.secrets).not.toContain("zat_");

    // a webhook signed with the secret Zendesk holds (nobody copied it) → one private note by the installing admin
    const id = await ticketEvent(inst.id, hooks[0]!.secret);
    await settled(p.db);
    const notes = zd.zd.notesOn(id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.authorId).toBe(zd.admin.id);
    expect(notes[0]!.htmlBody).toMatch(/refund|invoice/i);

    // the console page, when the browser (not JSON) comes back
    const again = await install("globex");
    expect(again.status).toBe(200);
    expect(again.body.installation.id).toBe(inst.id);
  });

  it("re-installing the same subdomain updates that installation and keeps its webhook", async () => {
    const first = await install("initech");
    const count = await installations();
    const second = await install("initech");
    expect(second.status).toBe(200);
    expect(second.body.installation.id).toBe(first.body.installation.id);
    expect(await installations()).toBe(count);
    expect(zd.webhooks.size).toBe(1);
  });

  it("re-installing keeps the note author the admin picked, and notes go on being theirs", async () => {
    const first = await install("soylent");
    const inst = first.body.installation;
    expect(inst.settings.agentId).toBe(String(zd.admin.id));
    const picked = { id: 3_300_001, name: "Nora Notes", email: "nora@globex.example" };
    zd.zd.addUser({ ...picked, role: "agent" });
    await setNoteAuthor(p.db, p.masterKey, p.tenantId, inst.id, String(picked.id));
    // someone else connects again: the installing user changes, the chosen author does not
    zd.signInAs({ id: 3_300_002, name: "Otto Other", email: "otto@globex.example" });
    const again = await install("soylent");
    expect(again.status).toBe(200);
    expect(again.body.installation.settings.agentId).toBe(String(picked.id));
    const row = await p.db.prisma.installation.findUniqueOrThrow({ where: { id: inst.id } });
    expect((row.settings as Record<string, string>).agentId).toBe(String(picked.id));
    const id = await ticketEvent(inst.id, [...zd.webhooks.values()][0]!.secret);
    await settled(p.db);
    expect(zd.zd.notesOn(id).map((n) => n.authorId)).toEqual([picked.id]);
  });

  it("switching a manual install to one click keeps the agent typed in by hand as the author", async () => {
    const manual = await createTestZendeskInstallation(p.db, p.masterKey, p.tenantId, "cyberdyne");
    const cb = await install("cyberdyne");
    expect(cb.status).toBe(200);
    expect(cb.body.installation).toMatchObject({ id: manual.id, status: "active", settings: { agentId: ZENDESK_AGENT_ID, auth: "oauth" } });
  });

  it("re-installing by another admin makes them the author when nobody picked one", async () => {
    const first = await install("tyrell");
    expect(first.body.installation.settings.agentId).toBe(String(zd.admin.id));
    const other = { id: 3_300_003, name: "Rachael Admin", email: "rachael@globex.example" };
    zd.signInAs(other);
    const again = await install("tyrell");
    expect(again.body.installation.id).toBe(first.body.installation.id);
    expect(again.body.installation.settings.agentId).toBe(String(other.id));
  });

  it("answers a browser with a redirect to the installation's console page", async () => {
    const start = await request(p.app).get("/install/zendesk?subdomain=umbrella").set("authorization", `ApiKey ${p.apiKey}`);
    const consent = zd.consent(start.headers.location!);
    const cb = await request(p.app).get(`/oauth/zendesk/callback?code=${consent.code}&state=${encodeURIComponent(consent.state)}`);
    expect(cb.status).toBe(302);
    expect(cb.headers.location).toMatch(new RegExp(`^${p.config.publicUrl}/console/installations/inst_[0-9a-f]+$`));
  });

  it("refreshes a token that expires mid-batch exactly once, and every delivery gets its note", async () => {
    const cb = await install("hooli");
    const inst = cb.body.installation;
    const secret = [...zd.webhooks.values()][0]!.secret;
    const first = await Promise.all([1, 2, 3].map(() => ticketEvent(inst.id, secret)));
    await settled(p.db);
    zd.expireAccessTokens();
    const second = await Promise.all([1, 2, 3, 4, 5, 6].map(() => ticketEvent(inst.id, secret)));
    await settled(p.db);
    expect(zd.refreshCalls()).toBe(1);
    for (const id of [...first, ...second]) expect(zd.zd.notesOn(id)).toHaveLength(1);
    expect(await deliveriesBy(inst.id)).toEqual({ done: 9 });
    // the jobs that met the expired token ran again at once with the new one: no attempt spent
    expect(zd.refusedCalls).toBeGreaterThan(0);
    const attempts = await p.db.prisma.webhookDelivery.findMany({ where: { installationId: inst.id }, select: { attempts: true } });
    expect(attempts.map((d) => d.attempts)).toEqual(attempts.map(() => 1));
  });

  it("refreshes ahead of expiry on the pipeline's clock, without a 401 first", async () => {
    const cb = await install("piedpiper");
    const inst = cb.body.installation;
    const secret = [...zd.webhooks.values()][0]!.secret;
    p.now.value = new Date(Date.now() + 2 * 3600 * 1000);
    try {
      const id = ++ticketId;
      zd.zd.addUser({ id: 700_000 + id, name: "Later", email: `later${id}@example.com` });
      zd.zd.addTicket({ id, subject: "Later", requester_id: 700_000 + id, comments: [{ body: "My refund has still not arrived." }] });
      const event = JSON.stringify(ticketCreatedEvent({ ticketId: id, requesterId: 700_000 + id, subject: "Later" }));
      const r = await request(p.app).post(`/webhooks/zendesk/${inst.id}`).set(zendeskHeaders(event, secret, p.now.value.toISOString())).send(event);
      expect(r.status).toBe(200);
      await settled(p.db);
      expect(zd.refreshCalls()).toBe(1);
      expect(zd.zd.notesOn(id)).toHaveLength(1);
      // no call was refused on the way: the refresh came first
      expect(zd.refusedCalls).toBe(0);
    } finally {
      p.now.value = null;
    }
  });

  it("invalid_grant: the installation needs re-auth, its deliveries are held (none dead), /readyz stays green, re-installing resumes them", async () => {
    const cb = await install("vandelay");
    const inst = cb.body.installation;
    const secret = [...zd.webhooks.values()][0]!.secret;
    zd.revokeEverything();
    const ids = await Promise.all([1, 2, 3].map(() => ticketEvent(inst.id, secret)));
    await waitFor(async () => (await deliveriesBy(inst.id)).held === 3, 15_000, "deliveries held");
    expect(await deliveriesBy(inst.id)).toEqual({ held: 3 });
    const row = await p.db.prisma.installation.findUniqueOrThrow({ where: { id: inst.id } });
    expect(row.status).toBe("needs_reauth");
    expect(row.statusReason).toMatch(/invalid_grant/);
    expect((await request(p.app).get("/readyz")).status).toBe(200);
    // `installations list --json` says which installation needs the admin, and why
    const listed = async () => {
      const out = await createInstallationCommands({ config: () => p.config })["installations list"]!.run(p.db, { json: true, tenant: p.tenantId });
      return (out.json as { installations: { installation_id: string; status: string; status_reason: string | null }[] }).installations.find((i) => i.installation_id === inst.id);
    };
    expect(await listed()).toMatchObject({ status: "needs_reauth", status_reason: expect.stringMatching(/invalid_grant/) });
    // a webhook arriving meanwhile is still accepted, and held too
    const late = await ticketEvent(inst.id, secret);
    await waitFor(async () => (await deliveriesBy(inst.id)).held === 4, 15_000, "the late delivery held");

    const again = await install("vandelay");
    expect(again.status).toBe(200);
    expect(again.body.installation.id).toBe(inst.id);
    expect(again.body.resumed_deliveries).toBe(4);
    expect(await listed()).toMatchObject({ status: "active", status_reason: null });
    await settled(p.db);
    expect(await deliveriesBy(inst.id)).toEqual({ done: 4 });
    for (const id of [...ids, late]) expect(zd.zd.notesOn(id)).toHaveLength(1);
  });

  it("uninstall deletes the webhook at Zendesk, revokes the token and stops processing", async () => {
    const cb = await install("wonka");
    const inst = cb.body.installation;
    const secret = [...zd.webhooks.values()][0]!.secret;
    const deps = createInstallDeps({ config: p.config, db: p.db, engine: p.runtime.deps.engine, extractor: undefined as never, metrics: undefined as never, log: p.runtime.deps.log }, p.runtime);
    const r = await uninstallInstallation(deps, inst.id);
    expect(r).toEqual({ ok: true, installationId: inst.id, status: "uninstalled" });
    expect(zd.webhooks.size).toBe(0);
    const row = await p.db.prisma.installation.findUniqueOrThrow({ where: { id: inst.id } });
    expect(row.status).toBe("uninstalled");
    // the token is revoked at Zendesk: it opens nothing any more
    const body = JSON.stringify(ticketCreatedEvent({ ticketId: 1, requesterId: 1, subject: "after" }));
    const after = await request(p.app).post(`/webhooks/zendesk/${inst.id}`).set(zendeskHeaders(body, secret)).send(body);
    expect(after.status).toBe(404);
    expect(await p.db.prisma.webhookDelivery.count({ where: { installationId: inst.id } })).toBe(0);
  });

  it("a delivery caught mid-way by the uninstall posts nothing: it ends skipped, not dead", async () => {
    const cb = await install("initrode");
    const inst = cb.body.installation;
    const gate = zd.holdTicketReads();
    const id = await ticketEvent(inst.id, [...zd.webhooks.values()][0]!.secret);
    await waitFor(async () => gate.waiting() > 0, 15_000, "the job reading the ticket");
    const deps = createInstallDeps({ config: p.config, db: p.db, engine: p.runtime.deps.engine, extractor: undefined as never, metrics: undefined as never, log: p.runtime.deps.log }, p.runtime);
    expect(await uninstallInstallation(deps, inst.id)).toMatchObject({ ok: true, status: "uninstalled" });
    gate.release();
    await settled(p.db);
    // the read went on with the revoked token: refused, and the job then found the installation gone
    expect(zd.refusedCalls).toBeGreaterThan(0);
    const rows = await p.db.prisma.webhookDelivery.findMany({ where: { installationId: inst.id }, select: { status: true, skipReason: true, attempts: true } });
    expect(rows).toEqual([{ status: "skipped", skipReason: "installation_inactive", attempts: 1 }]);
    expect(zd.zd.notesOn(id)).toHaveLength(0);
  });

  describe("state", () => {
    async function started(apiKey = p.apiKey, subdomain = "stark") {
      const start = await request(p.app).get(`/install/zendesk?subdomain=${subdomain}`).set("authorization", `ApiKey ${apiKey}`);
      return zd.consent(start.headers.location!);
    }
    const callback = (code: string, state: string, headers: Record<string, string> = {}) =>
      request(p.app).get(`/oauth/zendesk/callback?code=${code}&state=${encodeURIComponent(state)}`).set({ accept: "application/json", ...headers });

    async function expectNothingCreated(answer: request.Response, code: string, before: number) {
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: code, code: "INS_400" });
      expect(await installations()).toBe(before);
      expect(zd.tokenCalls).toHaveLength(0);
      expect(zd.webhooks.size).toBe(0);
    }

    it("a tampered state is refused and nothing is created", async () => {
      const c = await started();
      const before = await installations();
      const [payload, sig] = c.state.split(".");
      const claims = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8"));
      const forged = Buffer.from(JSON.stringify({ ...claims, account: "evil" })).toString("base64url");
      await expectNothingCreated(await callback(c.code, `${forged}.${sig}`), "bad_state", before);
      const flipped = c.state.slice(0, -2) + (c.state.endsWith("A") ? "BB" : "AA");
      await expectNothingCreated(await callback(c.code, flipped), "bad_state", before);
    });

    it("an expired state is refused and nothing is created", async () => {
      const c = await started();
      const before = await installations();
      p.now.value = new Date(Date.now() + 11 * 60 * 1000);
      try {
        await expectNothingCreated(await callback(c.code, c.state), "expired_state", before);
      } finally {
        p.now.value = null;
      }
    });

    it("a replayed state is refused the second time and creates nothing more", async () => {
      const c = await started();
      expect((await callback(c.code, c.state)).status).toBe(200);
      const before = await installations();
      const calls = zd.tokenCalls.length;
      const replay = await callback(c.code, c.state);
      expect(replay.status).toBe(400);
      expect(replay.body.error).toBe("replayed_state");
      expect(await installations()).toBe(before);
      expect(zd.tokenCalls).toHaveLength(calls);
    });

    it("another tenant's state is refused and nothing is created", async () => {
      const other = await createTenant(p.db, "Other");
      const c = await started(other.api_key, "wayne");
      const before = await installations();
      await expectNothingCreated(await callback(c.code, c.state, { authorization: `ApiKey ${p.apiKey}` }), "wrong_tenant", before);
      // the rightful tenant can still finish
      const mine = await callback(c.code, c.state, { authorization: `ApiKey ${other.api_key}` });
      expect(mine.status).toBe(200);
      expect(mine.body.installation.tenantId).toBe(other.tenant.id);
    });
  });

  it("asks for a valid subdomain and a tenant, and shows a clear page when access is denied", async () => {
    const bad = await request(p.app).get("/install/zendesk?subdomain=not_a..subdomain").set({ authorization: `ApiKey ${p.apiKey}`, accept: "application/json" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: "invalid_request", code: "REQ_400", details: { field: "subdomain" } });
    const anonymous = await request(p.app).get("/install/zendesk?subdomain=acme").set("accept", "application/json");
    expect(anonymous.status).toBe(401);
    const denied = await request(p.app).get("/oauth/zendesk/callback?error=access_denied&error_description=The+end-user+or+authorization+server+denied+the+request.&state=x");
    expect(denied.status).toBe(400);
    expect(denied.headers["content-type"]).toMatch(/html/);
    expect(denied.text).toMatch(/did not grant access/);
  });
});
