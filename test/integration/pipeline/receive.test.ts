// The webhook intake over HTTP, on the real store (PGlite, or PostgreSQL when DATABASE_URL is
// set), with no worker: what is answered, what is recorded before the answer, what reaches
// the queue after it, and that a delivery acknowledged but never enqueued (queue down, process
// killed in between) is recovered by the sweeper. Shared endpoints (Intercom/Crisp) are driven
// through a small test connector so these tests do not depend on a real one's payloads.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHmac, randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import type { RequestListener } from "node:http";
import request from "supertest";
import type { Connector, ConnectorFacts, NormalisedEvent, RawRequest } from "../../../connectors/types";
import { loadConfig } from "../../../src/config";
import type { Database } from "../../../src/db/client";
import { createApp } from "../../../src/http/app";
import { webhookHandler } from "../../../src/http/routes/webhooks";
import { createLogger, type Logger } from "../../../src/logger";
import { createMemoryEngine } from "../../../src/memory/engine";
import { createDeterministicExtractor } from "../../../src/memory/extract/deterministic";
import { createMetrics } from "../../../src/metrics";
import { createInboxWriter } from "../../../src/pipeline/intake/inbox-writer";
import { recordBudget, type ReceiveDeps } from "../../../src/pipeline/intake/receive";
import { createPipelineRuntime, type PipelineRuntime } from "../../../src/pipeline/runtime";
import { createEmbeddedQueue } from "../../../src/queue/embedded";
import { createSweeper } from "../../../src/queue/sweeper";
import type { DeliveryQueue } from "../../../src/queue/types";
import { createInstallation, setInstallationStatus, updateInstallationSecrets } from "../../../src/tenants/installations";
import { loadMasterKey } from "../../../src/tenants/secrets";
import { createTenant } from "../../../src/tenants/service";
import { createTestDatabase } from "../../helpers/db";
import { createTestZendeskInstallation, ticketCreatedEvent, ZENDESK_AGENT_ID, ZENDESK_SECRET, zendeskHeaders } from "../../helpers/pipeline";

jest.setTimeout(30_000);

const SHARED_SECRET = "shared-endpoint-test-secret";

/** A shared-endpoint helpdesk reduced to what the intake uses: the account in the body, an HMAC header. */
const sharedConnector = {
  provider: "intercom",
  facts: { webhookRoutes: { shared: { methods: ["POST", "HEAD"], unknownAccountStatus: 200 } } } as Partial<ConnectorFacts> as ConnectorFacts,
  accountOf: (body: unknown) => (body as { app_id?: string }).app_id,
  verify: (req: RawRequest, inst) => {
    const sig = createHmac("sha256", inst.secrets.clientSecret ?? "").update(req.rawBody).digest("hex");
    return req.headers["x-test-signature"] === sig ? { ok: true } : { ok: false, code: "bad_signature" };
  },
  parse: (body: unknown) => {
    const b = body as { id: string; topic: string };
    return { ok: true, event: { kind: "customer_message", type: b.topic, eventId: b.id } as unknown as NormalisedEvent };
  },
  dedupeKey: (event: NormalisedEvent, _req: RawRequest, inst) => `${inst.account}:${event.eventId}`,
} as Partial<Connector> as Connector;

const sharedHeaders = (body: string, secret = SHARED_SECRET) => ({
  "content-type": "application/json",
  "x-test-signature": createHmac("sha256", secret).update(body).digest("hex"),
});

type Setup = {
  app: RequestListener;
  db: Database;
  runtime: PipelineRuntime;
  queue: DeliveryQueue;
  masterKey: Buffer;
  tenantId: string;
  zendeskId: string;
  warnings: Array<Record<string, unknown>>;
  close(): Promise<void>;
};

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await db.sql.query("DELETE FROM webhook_deliveries");
});

async function setUp(opts: { queue?: DeliveryQueue; deps?: (d: ReceiveDeps) => ReceiveDeps } = {}): Promise<Setup> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hm-receive-"));
  const config = loadConfig({ DATA_DIR: dataDir, MASTER_KEY: randomBytes(32).toString("hex"), LOG_LEVEL: "warn" });
  const warnings: Array<Record<string, unknown>> = [];
  const log: Logger = createLogger(
    "warn",
    new Writable({
      write(chunk: Buffer, _e, cb) {
        warnings.push(JSON.parse(chunk.toString("utf8")) as Record<string, unknown>);
        cb();
      },
    }),
  );
  const extractor = createDeterministicExtractor();
  const engine = createMemoryEngine({ db, extractor });
  const metrics = createMetrics();
  const queue = opts.queue ?? createEmbeddedQueue();
  const runtime = createPipelineRuntime({ config, db, engine, extractor, metrics, log }, { queue });
  const deps: ReceiveDeps = { ...runtime.deps, connectors: { ...runtime.deps.connectors, intercom: sharedConnector } };
  const app = createApp({ db, engine, log, metrics, maxBodyBytes: 1_000_000, webhooks: webhookHandler(opts.deps ? opts.deps(deps) : deps, { metrics }) });
  const masterKey = loadMasterKey({ masterKey: config.masterKey, dataDir, embedded: db.kind === "embedded" });
  const t = await createTenant(db, "Acme");
  const zendesk = await createTestZendeskInstallation(db, masterKey, t.tenant.id, `acme${randomBytes(3).toString("hex")}`);
  return {
    app,
    db,
    runtime,
    queue,
    masterKey,
    tenantId: t.tenant.id,
    zendeskId: zendesk.id,
    warnings,
    async close() {
      await runtime.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let seq = 0;
const event = () => ticketCreatedEvent({ ticketId: 9000 + ++seq, requesterId: 501, subject: "Billing failed" });
const postZendesk = (s: Setup, body: object | string, headers?: Record<string, string>, id = s.zendeskId) => {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  return request(s.app).post(`/webhooks/zendesk/${id}`).set(headers ?? zendeskHeaders(raw)).send(raw);
};
const rows = () =>
  db.sql.query<{ id: string; status: string; installation_id: string; tenant_id: string; skip_reason: string | null; dedupe_key: string }>(
    "SELECT id, status, installation_id, tenant_id, skip_reason, dedupe_key FROM webhook_deliveries ORDER BY received_at, id",
  );

describe("receiving a signed webhook", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });
  afterAll(async () => {
    await s.close();
  });

  it("answers 200 once the row is committed, and enqueues it after the answer (the row stays `received`)", async () => {
    const r = await postZendesk(s, event());
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ received: true, delivery_id: expect.stringMatching(/^dlv_/) });
    expect(await rows()).toEqual([expect.objectContaining({ id: r.body.delivery_id, status: "received", installation_id: s.zendeskId, tenant_id: s.tenantId })]);
    await s.runtime.deps.intake.dispatcher.flush();
    expect((await s.queue.counts()).waiting).toBe(1);
    // no second write per request: the worker moves the row on
    expect((await rows())[0]!.status).toBe("received");
  });

  it("answers a delivery seen before, even at the same moment, as a duplicate: one row, one job", async () => {
    const e = event();
    const answers = await Promise.all([postZendesk(s, e), postZendesk(s, e), postZendesk(s, e)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.filter((a) => a.body.delivery_id)).toHaveLength(1);
    expect(answers.filter((a) => a.body.duplicate === true)).toHaveLength(2);
    const again = await postZendesk(s, e);
    expect(again.body).toEqual({ received: true, duplicate: true });
    expect(await rows()).toHaveLength(1);
  });

  it("keeps refusing what it refused: 401 (nothing stored, logged at most once per interval), 400, 404, 413", async () => {
    s.warnings.length = 0;
    const body = JSON.stringify(event());
    for (let i = 0; i < 20; i++) expect((await postZendesk(s, body, zendeskHeaders(body, "not-the-secret"))).status).toBe(401);
    expect(s.warnings.filter((w) => w.msg === "webhook refused")).toHaveLength(1);
    expect((await postZendesk(s, "{not json", zendeskHeaders("{not json"))).status).toBe(400);
    expect((await postZendesk(s, body, undefined, "inst_nope")).status).toBe(404);
    expect((await postZendesk(s, body, undefined, "inst_nope")).status).toBe(404);
    const huge = JSON.stringify({ ticket_id: "1", padding: "x".repeat(1_100_000) });
    expect((await postZendesk(s, huge)).status).toBe(413);
    expect(await rows()).toEqual([]);
  });
});

describe("installations served from memory", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });
  afterAll(async () => {
    await s.close();
  });

  it("takes a rotated signing secret at the next delivery, not after the cache's TTL", async () => {
    expect((await postZendesk(s, event())).status).toBe(200); // cached with the first secret
    await updateInstallationSecrets(s.db, s.masterKey, s.zendeskId, { signingSecret: "whsec_rotated" });
    // a refusal re-reads an entry at most once a second
    await new Promise((r) => setTimeout(r, 1_100));
    const body = JSON.stringify(event());
    expect((await postZendesk(s, body, zendeskHeaders(body, "whsec_rotated"))).status).toBe(200);
    const old = JSON.stringify(event());
    expect((await postZendesk(s, old, zendeskHeaders(old))).status).toBe(401);
    await updateInstallationSecrets(s.db, s.masterKey, s.zendeskId, { signingSecret: ZENDESK_SECRET });
    s.runtime.deps.intake.installations.invalidate(s.zendeskId);
  });

  it("takes an installation that went live (pending → active) at the next delivery", async () => {
    const pending = await createInstallation(s.db, s.masterKey, {
      tenantId: s.tenantId,
      provider: "zendesk",
      account: `pending${randomBytes(3).toString("hex")}`,
      settings: { email: "admin@acme.example", agentId: ZENDESK_AGENT_ID },
      secrets: { apiToken: "t" },
    });
    const body = JSON.stringify(event());
    expect((await postZendesk(s, body, zendeskHeaders(body, "whsec_new"), pending.id)).status).toBe(404);
    await updateInstallationSecrets(s.db, s.masterKey, pending.id, { signingSecret: "whsec_new" });
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await postZendesk(s, body, zendeskHeaders(body, "whsec_new"), pending.id)).status).toBe(200);
  });

  it("does not read the installation again for each delivery", async () => {
    await postZendesk(s, event());
    await setInstallationStatus(s.db, s.zendeskId, "disabled", "test");
    try {
      // disabled in the database, still served from memory: within the documented TTL (30 s)
      expect((await postZendesk(s, event())).status).toBe(200);
      s.runtime.deps.intake.installations.invalidate(s.zendeskId);
      expect((await postZendesk(s, event())).status).toBe(404);
    } finally {
      await setInstallationStatus(s.db, s.zendeskId, "active");
      s.runtime.deps.intake.installations.invalidate(s.zendeskId);
    }
  });
});

describe("a shared endpoint (unknownAccountStatus 200)", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });
  afterAll(async () => {
    await s.close();
  });

  it("records a body for an account nobody installed as skipped (unknown_account), once per body, logging at most once per interval", async () => {
    s.warnings.length = 0;
    const body = JSON.stringify({ app_id: "nobody", id: "evt-1", topic: "conversation.user.replied" });
    for (let i = 0; i < 3; i++) {
      const r = await request(s.app).post("/webhooks/intercom").set(sharedHeaders(body)).send(body);
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ received: false, skipped: "unknown_account" });
    }
    const other = JSON.stringify({ app_id: "someone-else", id: "evt-2", topic: "conversation.user.replied" });
    expect((await request(s.app).post("/webhooks/intercom").set(sharedHeaders(other)).send(other)).status).toBe(200);

    const recorded = await rows();
    expect(recorded).toHaveLength(2);
    expect(recorded).toEqual(
      ["nobody", "someone-else"].map((account) =>
        expect.objectContaining({ status: "skipped", skip_reason: "unknown_account", installation_id: "", tenant_id: "", dedupe_key: expect.stringContaining(`unknown_account:${account}:`) }),
      ),
    );
    expect(s.warnings.filter((w) => w.msg === "webhook for an account with no active installation")).toHaveLength(1);
    // recorded as skipped: nothing for the worker
    await s.runtime.deps.intake.dispatcher.flush();
    expect((await s.queue.counts()).waiting).toBe(0);
  });

  it("answers a flood of distinct bodies for unknown accounts alike, but records only as many as its budget allows", async () => {
    const flood = await setUp({ deps: (d) => ({ ...d, intake: { ...d.intake, unrecognised: recordBudget(5, () => 0) } }) });
    try {
      for (let i = 0; i < 12; i++) {
        const body = JSON.stringify({ app_id: `stranger-${i}`, id: `evt-${i}`, topic: "conversation.user.replied" });
        const r = await request(flood.app).post("/webhooks/intercom").set(sharedHeaders(body)).send(body);
        expect(r.status).toBe(200);
        expect(r.body).toEqual({ received: false, skipped: "unknown_account" });
      }
      expect(await rows()).toHaveLength(5);
    } finally {
      await flood.close();
    }
  });

  it("records a disabled installation's delivery under that installation, and a live one as received", async () => {
    const inst = await createInstallation(s.db, s.masterKey, {
      tenantId: s.tenantId,
      provider: "intercom",
      account: `app${randomBytes(3).toString("hex")}`,
      settings: { adminId: "123" },
      secrets: { accessToken: "tok", clientSecret: SHARED_SECRET },
    });
    const live = JSON.stringify({ app_id: inst.account, id: "evt-live", topic: "conversation.user.replied" });
    const ok = await request(s.app).post("/webhooks/intercom").set(sharedHeaders(live)).send(live);
    expect(ok.body).toEqual({ received: true, delivery_id: expect.stringMatching(/^dlv_/) });

    await setInstallationStatus(s.db, inst.id, "disabled");
    s.runtime.deps.intake.installations.invalidate(inst.id);
    const late = JSON.stringify({ app_id: inst.account, id: "evt-late", topic: "conversation.user.replied" });
    const r = await request(s.app).post("/webhooks/intercom").set(sharedHeaders(late)).send(late);
    expect(r.body).toEqual({ received: false, skipped: "unknown_account" });
    expect(await rows()).toEqual([
      expect.objectContaining({ id: ok.body.delivery_id, status: "received" }),
      expect.objectContaining({ status: "skipped", skip_reason: "installation_inactive", installation_id: inst.id, tenant_id: s.tenantId }),
    ]);
  });
});

describe("when the queue or the inbox fails", () => {
  it("a queue that is down: still 200 at once, the row waits `received`, the sweeper enqueues it later", async () => {
    const down = createEmbeddedQueue();
    await down.close(); // every enqueue now fails
    const s = await setUp({ queue: down });
    try {
      const t0 = Date.now();
      const r = await postZendesk(s, event());
      expect(r.status).toBe(200);
      expect(Date.now() - t0).toBeLessThan(1_000);
      await s.runtime.deps.intake.dispatcher.flush();
      expect(await rows()).toEqual([expect.objectContaining({ id: r.body.delivery_id, status: "received" })]);

      const back = createEmbeddedQueue();
      const sweeper = createSweeper({ db, queue: back, clock: () => new Date(Date.now() + 11_000), staleMs: 10_000 });
      expect(await sweeper.sweepOnce()).toBe(1);
      expect((await back.counts()).waiting).toBe(1);
      expect((await rows())[0]!.status).toBe("queued");
      await back.close();
    } finally {
      await s.close();
    }
  });

  it("a process killed between the answer and the enqueue loses nothing: the next process's sweeper enqueues every acknowledged row", async () => {
    // a queue that never answers: the ids are still in the dispatcher when the process "dies"
    const frozen: DeliveryQueue = { ...createEmbeddedQueue(), enqueue: () => new Promise(() => undefined), enqueueMany: () => new Promise(() => undefined) };
    const s = await setUp({ queue: frozen });
    const answers = await Promise.all(Array.from({ length: 10 }, () => postZendesk(s, event())));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const acknowledged = answers.map((a) => a.body.delivery_id as string).sort();
    // the process dies here: nothing more of it runs (its runtime is never closed)

    const next = createEmbeddedQueue();
    const enqueued: string[] = [];
    const sweeper = createSweeper({
      db,
      queue: { enqueue: (id) => (enqueued.push(id), next.enqueue(id)) },
      clock: () => new Date(Date.now() + 11_000),
      staleMs: 10_000,
    });
    expect(await sweeper.sweepOnce()).toBe(10);
    expect(enqueued.sort()).toEqual(acknowledged);
    expect((await next.counts()).waiting).toBe(10);
    await next.close();
  });

  it("an inbox that cannot write answers 503 and acknowledges nothing", async () => {
    const gone = await createTestDatabase();
    await gone.close();
    const s = await setUp({ deps: (d) => ({ ...d, intake: { ...d.intake, inbox: createInboxWriter({ sql: gone.sql }) } }) });
    try {
      const answers = await Promise.all(Array.from({ length: 3 }, () => postZendesk(s, event())));
      expect(answers.map((a) => a.status)).toEqual([503, 503, 503]);
      expect(answers[0]!.body).toEqual({ error: { code: "inbox_unavailable", message: expect.any(String) } });
      expect(s.warnings.filter((w) => w.msg === "could not record a delivery; answered 503")).toHaveLength(1);
    } finally {
      await s.close();
    }
  });
});
