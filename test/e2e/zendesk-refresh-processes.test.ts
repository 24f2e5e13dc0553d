// Token refresh across processes: two worker processes (`src/worker.ts`), a private
// redis-server, PostgreSQL, and the fake Zendesk over HTTP. Twenty deliveries meet an access
// token that stopped working at once; Zendesk rotates on refresh (the old pair dies), so a
// second refresh would fail and cut the installation off: exactly one refresh call is made, and
// the jobs that met the dead token, in either process, run again with the new one at no attempt.
import { randomBytes } from "node:crypto";
import nock from "nock";
import request from "supertest";
import { loadConfig } from "../../src/config";
import { createApp } from "../../src/http/app";
import { createInstallDeps } from "../../src/http/install/deps";
import { webhookHandler } from "../../src/http/routes/webhooks";
import { createLogger } from "../../src/logger";
import { createMemoryEngine } from "../../src/memory/engine";
import { createDeterministicExtractor } from "../../src/memory/extract/deterministic";
import { createMetrics } from "../../src/metrics";
import { createPipelineRuntime, type PipelineRuntime } from "../../src/pipeline/runtime";
import { createBullmqQueue } from "../../src/queue/bullmq";
import { createTenant } from "../../src/tenants/service";
import { FakeZendeskApp } from "../helpers/fake-zendesk-app";
import { ticketCreatedEvent, waitFor, zendeskHeaders } from "../helpers/pipeline";
import { createPrivateRedis, startWorkerProcess, type Child, type PrivateRedis } from "../helpers/processes";
import { createScratchDatabase, type ScratchDatabase } from "../helpers/resilience";

// PostgreSQL only: two worker processes cannot share the embedded store (one process at a time).
const describeWithPostgres = process.env.DATABASE_URL ? describe : describe.skip;

jest.setTimeout(120_000);

const CLIENT = { id: "zdg-helpdesk-memory", secret: "zd-oauth-client-secret-test-0123456789" };

describeWithPostgres("OAuth refresh across two worker processes", () => {
  const masterKey = randomBytes(32).toString("hex");
  const zd = new FakeZendeskApp(CLIENT);
  let scratch: ScratchDatabase;
  let redis: PrivateRedis;
  let fake: { url: string; close(): Promise<void> };
  let runtime: PipelineRuntime;
  const workers: Child[] = [];
  /** What the first test set up (the app, the installation, both workers), for the second. */
  let installed: { app: ReturnType<typeof createApp>; apiKey: string; installationId: string; secret: string } | undefined;

  beforeAll(async () => {
    // nothing is intercepted here: the install's own calls (in this process) reach the fake over
    // HTTP, and nock's fetch interception refuses request bodies made in Jest's realm
    nock.restore();
    redis = await createPrivateRedis();
    scratch = await createScratchDatabase(process.env.DATABASE_URL!);
    // slow answers keep many jobs in flight together: the refreshes would really race. A slow
    // token endpoint keeps the refresh in flight until the second worker, which takes the jobs
    // the first has no slot for (8 each, 20 jobs), has met the dead token too.
    fake = await zd.listen(60, 3_000);
  });
  afterAll(async () => {
    const steps: Array<() => Promise<unknown>> = [
      () => Promise.all(workers.map((w) => w.stop("SIGKILL"))),
      () => runtime?.close(),
      () => scratch?.drop(),
      () => redis?.stop(),
      () => fake?.close(),
    ];
    for (const step of steps) await step().catch((err: unknown) => console.error("cleanup failed:", err));
    nock.activate();
  });

  it("20 concurrent deliveries across two workers make exactly one refresh call, and all get their note", async () => {
    const env = { MASTER_KEY: masterKey, REDIS_URL: redis.url, ZENDESK_API_URL: fake.url, ZENDESK_OAUTH_CLIENT_ID: CLIENT.id, ZENDESK_OAUTH_CLIENT_SECRET: CLIENT.secret };
    const config = loadConfig({ ...env, LOG_LEVEL: "silent", RUN_WORKER: "false" });
    const log = createLogger("silent");
    const extractor = createDeterministicExtractor();
    const db = scratch.db;
    const engine = createMemoryEngine({ db, extractor });
    const metrics = createMetrics();
    const services = { config, db, engine, extractor, metrics, log };
    runtime = createPipelineRuntime(services, { queue: createBullmqQueue({ redisUrl: redis.url, log }) });
    const app = createApp({ db, engine, log, metrics, maxBodyBytes: 1_000_000, webhooks: webhookHandler(runtime.deps, { metrics }), install: createInstallDeps(services, runtime) });
    const tenant = await createTenant(db, "Globex");

    // one click: install → consent → callback
    const start = await request(app).get("/install/zendesk?subdomain=globex").set("authorization", `ApiKey ${tenant.api_key}`);
    const consent = zd.consent(start.headers.location!);
    const cb = await request(app).get(`/oauth/zendesk/callback?code=${consent.code}&state=${encodeURIComponent(consent.state)}`).set("accept", "application/json");
    expect({ status: cb.status, error: cb.body.error }).toEqual({ status: 200 });
    const installationId: string = cb.body.installation.id;
    const secret = [...zd.webhooks.values()][0]!.secret;
    installed = { app, apiKey: tenant.api_key, installationId, secret };

    for (let i = 0; i < 2; i++) workers.push(startWorkerProcess({ ...env, DATABASE_URL: scratch.url, LOG_LEVEL: "info", WORKER_CONCURRENCY: "8" }));
    // both take jobs from the first one on, so both meet the dead token
    await waitFor(async () => workers.every((w) => w.output().includes("worker started")), 60_000, "both workers started");
    // the token stops working before any job runs: every one of them meets it
    zd.expireAccessTokens();
    const tickets = Array.from({ length: 20 }, (_, i) => 9100 + i);
    for (const id of tickets) {
      zd.zd.addUser({ id: 800_000 + id, name: `Customer ${id}`, email: `c${id}@example.com` });
      zd.zd.addTicket({ id, subject: "Refund", requester_id: 800_000 + id, comments: [{ body: "Please refund the duplicate charge on my last invoice." }] });
    }
    const answers = await Promise.all(
      tickets.map((id) => {
        const body = JSON.stringify(ticketCreatedEvent({ ticketId: id, requesterId: 800_000 + id, subject: "Refund" }));
        return request(app).post(`/webhooks/zendesk/${installationId}`).set(zendeskHeaders(body, secret)).send(body);
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(tickets.map(() => 200));

    const done = async () => Number((await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM webhook_deliveries WHERE status IN ('done', 'dead', 'held')`))[0]!.n);
    try {
      await waitFor(async () => (await done()) === 20, 90_000, "20 deliveries finished");
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- workers ---\n${workers.map((w) => w.output()).join("\n---\n")}`);
    }
    const byStatus = await db.sql.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM webhook_deliveries GROUP BY status`);
    expect(Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)]))).toEqual({ done: 20 });
    // A 401 met with a token the other process had already rotated away is run again at once with
    // the stored one: it is no attempt of the delivery's (else 20 jobs waiting out one refresh
    // would use theirs up and go dead).
    const attempts = await db.sql.query<{ attempts: number }>(`SELECT attempts FROM webhook_deliveries`);
    expect(attempts.map((r) => Number(r.attempts))).toEqual(tickets.map(() => 1));
    expect(zd.refreshCalls()).toBe(1);
    // many jobs met the dead token, not one that then refreshed for all
    expect(zd.refusedCalls).toBeGreaterThan(1);
    for (const id of tickets) expect(zd.zd.notesOn(id)).toHaveLength(1);
    // both workers took part, and the one that did not refresh met the dead token too: it waited
    // for the other's refresh and went on with the token that one stored
    expect(workers.every((w) => w.exited() === null)).toBe(true);
    const logged = (w: Child, line: string) => w.output().split(line).length - 1;
    expect(workers.every((w) => logged(w, "delivery processed") > 0)).toBe(true);
    const refresher = workers.findIndex((w) => logged(w, "access token refreshed") === 1);
    expect(refresher).toBeGreaterThanOrEqual(0);
    expect(logged(workers[1 - refresher]!, "access token refreshed")).toBe(0);
    expect(logged(workers[1 - refresher]!, "access token already renewed")).toBeGreaterThan(0);
    const row = await db.prisma.installation.findUniqueOrThrow({ where: { id: installationId } });
    expect(row.status).toBe("active");
  });
  it("invalid_grant across both workers: the installation needs re-auth, 0 deliveries dead, re-installing resumes them", async () => {
    if (!installed) throw new Error("needs the installation and the workers of the test before");
    const { app, apiKey, installationId, secret } = installed;
    const db = scratch.db;
    // the admin revoked the app at Zendesk: the token and the refresh token are dead
    zd.revokeEverything();
    const refreshesBefore = zd.refreshCalls();
    const earlier = (await db.sql.query<{ id: string }>(`SELECT id FROM webhook_deliveries`)).map((r) => r.id);
    const tickets = Array.from({ length: 10 }, (_, i) => 9200 + i);
    for (const id of tickets) {
      zd.zd.addUser({ id: 800_000 + id, name: `Customer ${id}`, email: `c${id}@example.com` });
      zd.zd.addTicket({ id, subject: "Invoice", requester_id: 800_000 + id, comments: [{ body: "Where is my invoice for last month?" }] });
    }
    const answers = await Promise.all(
      tickets.map((id) => {
        const body = JSON.stringify(ticketCreatedEvent({ ticketId: id, requesterId: 800_000 + id, subject: "Invoice" }));
        return request(app).post(`/webhooks/zendesk/${installationId}`).set(zendeskHeaders(body, secret)).send(body);
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(tickets.map(() => 200));
    const counts = async () =>
      Object.fromEntries(
        (await db.sql.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM webhook_deliveries WHERE id <> ALL($1) GROUP BY status`, [earlier])).map((r) => [
          r.status,
          Number(r.n),
        ]),
      );
    try {
      await waitFor(async () => (await counts()).held === 10, 60_000, "10 deliveries held");
    } catch (err) {
      throw new Error(`${(err as Error).message}: ${JSON.stringify(await counts())}\n--- workers ---\n${workers.map((w) => w.output()).join("\n---\n")}`);
    }
    expect(await counts()).toEqual({ held: 10 });
    // one refresh was tried (and refused); the other worker did not try the dead pair again
    expect(zd.refreshCalls() - refreshesBefore).toBe(1);
    const row = await db.prisma.installation.findUniqueOrThrow({ where: { id: installationId } });
    expect(row.status).toBe("needs_reauth");

    // connecting again (a new consent) resumes them, in either worker
    const start = await request(app).get("/install/zendesk?subdomain=globex").set("authorization", `ApiKey ${apiKey}`);
    const consent = zd.consent(start.headers.location!);
    const cb = await request(app).get(`/oauth/zendesk/callback?code=${consent.code}&state=${encodeURIComponent(consent.state)}`).set("accept", "application/json");
    expect({ status: cb.status, id: cb.body.installation?.id, resumed: cb.body.resumed_deliveries }).toEqual({ status: 200, id: installationId, resumed: 10 });
    await waitFor(async () => (await counts()).done === 10, 60_000, "10 resumed deliveries done");
    for (const id of tickets) expect(zd.zd.notesOn(id)).toHaveLength(1);
  });
});
