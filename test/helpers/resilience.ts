// The pieces of a multi-process deployment for the resilience tests: a fresh PostgreSQL
// database whose URL a child process can use, the API in-process with no worker (BullMQ on
// a given Redis), and the fake Zendesk over HTTP with a per-request delay.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { loadConfig } from "../../src/config";
import { openDatabase, type Database } from "../../src/db/client";
import { createApp } from "../../src/http/app";
import { webhookHandler } from "../../src/http/routes/webhooks";
import { createLogger } from "../../src/logger";
import { createMemoryEngine } from "../../src/memory/engine";
import { createDeterministicExtractor } from "../../src/memory/extract/deterministic";
import { createMetrics } from "../../src/metrics";
import { createPipelineRuntime } from "../../src/pipeline/runtime";
import { createBullmqQueue } from "../../src/queue/bullmq";
import { createInstallation } from "../../src/tenants/installations";
import { loadMasterKey } from "../../src/tenants/secrets";
import { createTenant } from "../../src/tenants/service";
import type { FakeZendesk } from "./fake-zendesk";
import { ZENDESK_AGENT_ID, ZENDESK_SECRET } from "./pipeline";

export type ScratchDatabase = { url: string; db: Database; drop(): Promise<void> };

/** A new database on DATABASE_URL's server, migrated; drop() also ends other processes' sessions. */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `hm_test_resilience_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  let db: Database;
  try {
    db = await openDatabase({ databaseUrl: url, poolSize: 4 });
  } catch (err) {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw err;
  }
  let dropped = false;
  return {
    url,
    db,
    async drop() {
      if (dropped) return;
      dropped = true;
      await db.close().catch(() => undefined);
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

export type ApiOnly = { url: string; installationId: string; close(): Promise<void> };

/**
 * The webhook API as `RUN_WORKER=false` runs it: verify, record, enqueue on BullMQ (queue
 * "deliveries", as the worker process reads it). A tenant and a Zendesk installation signed
 * with ZENDESK_SECRET are created; the worker needs the same MASTER_KEY to read them.
 */
export async function startApiOnly(p: { db: Database; redisUrl: string; masterKey: string }): Promise<ApiOnly> {
  const config = loadConfig({ MASTER_KEY: p.masterKey, LOG_LEVEL: "silent", REDIS_URL: p.redisUrl, RUN_WORKER: "false" });
  const log = createLogger("silent");
  const extractor = createDeterministicExtractor();
  const engine = createMemoryEngine({ db: p.db, extractor });
  const metrics = createMetrics();
  const queue = createBullmqQueue({ redisUrl: p.redisUrl, log });
  const runtime = createPipelineRuntime({ config, db: p.db, engine, extractor, metrics, log }, { queue });
  const app = createApp({ db: p.db, engine, log, metrics, maxBodyBytes: 1_000_000, webhooks: webhookHandler(runtime.deps, { metrics }) });
  const tenant = await createTenant(p.db, "Acme");
  const installation = await createInstallation(p.db, loadMasterKey({ masterKey: p.masterKey, dataDir: ".", embedded: false }), {
    tenantId: tenant.tenant.id,
    provider: "zendesk",
    account: "acme",
    settings: { email: "admin@acme.example", agentId: ZENDESK_AGENT_ID },
    secrets: { apiToken: "zd-api-token-test", signingSecret: ZENDESK_SECRET },
  });
  const server = http.createServer(app).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    installationId: installation.id,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // queue.close() returns even with Redis down; bounded all the same so cleanup finishes
      await Promise.race([runtime.close(), new Promise((r) => setTimeout(r, 5_000).unref())]);
    },
  };
}

/**
 * Serves `zd` over HTTP like FakeZendesk.listen(), but answers each request `delayMs(method,
 * path)` later. The request takes effect at once and only the answer waits, so a worker
 * killed during a slow PUT leaves a note in the ticket that it never recorded as posted.
 */
export async function serveSlowly(zd: FakeZendesk, delayMs: (method: string, path: string) => number): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const { port } = server.address() as AddressInfo;
      const method = req.method ?? "GET";
      const r = zd.handle(method, `http://127.0.0.1:${port}${req.url ?? "/"}`, raw ? JSON.parse(raw) : undefined);
      setTimeout(() => {
        res.writeHead(r.status, { "content-type": "application/json", ...(r.headers ?? {}) });
        res.end(JSON.stringify(r.body));
      }, delayMs(method, new URL(req.url ?? "/", "http://x").pathname));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
