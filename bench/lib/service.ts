// A benchmark's server process, started by child.ts with node's IPC channel. Roles:
//   bare        an Express app whose one route reads the body and answers 200 (the baseline)
//   api         the real app: /v1 + webhooks (verify, inbox row, enqueue), no worker
//   api+worker  the same with the pipeline's worker in-process
//   worker      the worker alone (BullMQ), no HTTP
// Configured like the service (loadConfig: DATABASE_URL, REDIS_URL, DATA_DIR, MASTER_KEY,
// ZENDESK_API_URL, INTERCOM_API_URL, CRISP_API_URL, WORKER_CONCURRENCY) plus BENCH_ROLE,
// BENCH_QUEUE (a queue name of its own) and BENCH_INSTALLATION (JSON: create a tenant and that
// installation, report its id) or BENCH_SIGNING_SECRET (the same with a Zendesk installation).
import { createServer, type Server } from "node:http";
import { constants, monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import type { AddressInfo } from "node:net";
import express from "express";
import { Redis } from "ioredis";
import pg from "pg";
import { loadConfig } from "../../src/config";
import { createApp } from "../../src/http/app";
import { webhookHandler, type WebhookHandler } from "../../src/http/routes/webhooks";
import { createLogger } from "../../src/logger";
import { createPipelineRuntime, type PipelineRuntime } from "../../src/pipeline/runtime";
import { createBullmqQueue } from "../../src/queue/bullmq";
import { createEmbeddedQueue } from "../../src/queue/embedded";
import type { DeliveryQueue } from "../../src/queue/types";
import { createServices, type Services } from "../../src/services";
import { createInstallation } from "../../src/tenants/installations";
import { loadMasterKey } from "../../src/tenants/secrets";
import { createTenant } from "../../src/tenants/service";

import { startProfiling, type ProfileSummary } from "./cpu-profile";
import { summarize } from "./report";
import { ROLES, zendeskInstallation, type BenchInstallation, type CallCounts, type DeliveryCounts, type FromService, type LoopDelay, type Role, type Stages, type ToService } from "./service-protocol";

// Round trips are what a request costs here: count every statement (by kind and table) and
// command. Prisma's adapter and our raw SQL both go through pg.Client#query; BullMQ through ioredis.
const calls: CallCounts = { sql: 0, redis: 0, byStatement: {} };

const kinds = new Map<string, string>();
function statementKind(text: string): string {
  const known = kinds.get(text);
  if (known) return known;
  const kind = classify(text);
  if (kinds.size < 5_000) kinds.set(text, kind);
  return kind;
}

function classify(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  const verb = /^\w+/.exec(t)?.[0]?.toUpperCase() ?? "?";
  const table = /\b(?:FROM|INTO|UPDATE)\s+(?:"?public"?\.)?"?(\w+)"?/i.exec(t)?.[1];
  return table ? `${verb} ${table}` : t.slice(0, 40);
}

function wrap(proto: object, method: string, count: (args: unknown[]) => void): void {
  const target = proto as Record<string, (...args: unknown[]) => unknown>;
  const original = target[method]!;
  target[method] = function (this: unknown, ...args: unknown[]) {
    count(args);
    return original.apply(this, args);
  };
}
wrap(pg.Client.prototype, "query", (args) => {
  calls.sql++;
  const q = args[0];
  const text = typeof q === "string" ? q : typeof q === "object" && q !== null && "text" in q ? String((q as { text: unknown }).text) : "?";
  const kind = statementKind(text);
  calls.byStatement[kind] = (calls.byStatement[kind] ?? 0) + 1;
});
wrap(Redis.prototype, "sendCommand", () => void calls.redis++);

// Where an acknowledgement's time goes (see Stages), sampled until the next reading; a
// benchmark that never reads them keeps at most MAX_SAMPLES of each.
const samples = { server: [] as number[], insert: [] as number[], insertRows: [] as number[], enqueue: [] as number[], enqueueSync: [] as number[], enqueueIds: [] as number[] };
const MAX_SAMPLES = 500_000;

function sample(list: number[], v: number): void {
  if (list.length < MAX_SAMPLES) list.push(v);
}
const gc = { count: 0, totalMs: 0, maxMs: 0, major: 0, majorMs: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.count++;
    gc.totalMs += e.duration;
    gc.maxMs = Math.max(gc.maxMs, e.duration);
    // NODE_PERFORMANCE_GC_MAJOR: a mark-sweep-compact (the others are scavenges and incremental steps)
    if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
      gc.major++;
      gc.majorMs += e.duration;
    }
  }
}).observe({ entryTypes: ["gc"] });

function readStages(): Stages {
  const stages: Stages = {
    server_ms: summarize(samples.server),
    insert_ms: summarize(samples.insert),
    insert_rows: summarize(samples.insertRows),
    enqueue_ms: summarize(samples.enqueue),
    enqueue_sync_ms: summarize(samples.enqueueSync),
    enqueue_ids: summarize(samples.enqueueIds),
    gc: { count: gc.count, total_ms: round2(gc.totalMs), max_ms: round2(gc.maxMs), major: gc.major, major_ms: round2(gc.majorMs) },
  };
  for (const list of Object.values(samples)) list.length = 0;
  Object.assign(gc, { count: 0, totalMs: 0, maxMs: 0, major: 0, majorMs: 0 });
  return stages;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

const INBOX_INSERT = /^\s*INSERT INTO webhook_deliveries/;

/** Times the inbox writer's INSERTs (it calls services.db.sql.query, read at each call). */
function timeInboxInserts(services: Services): void {
  const sql = services.db.sql;
  const query = sql.query.bind(sql);
  sql.query = (async (text: string, params?: unknown[]) => {
    if (!INBOX_INSERT.test(text)) return query(text, params);
    const t0 = performance.now();
    const rows = await query(text, params);
    sample(samples.insert, performance.now() - t0);
    // the rows it created: every webhook a benchmark sends is a new delivery
    sample(samples.insertRows, rows.length);
    return rows;
  }) as typeof sql.query;
}

/** Times the dispatcher's calls to the queue: the round trip, and the part before the call returns its promise. */
function timeEnqueues(queue: DeliveryQueue): DeliveryQueue {
  const many = queue.enqueueMany?.bind(queue);
  if (!many) return queue;
  queue.enqueueMany = (ids) => {
    const t0 = performance.now();
    const done = many(ids);
    sample(samples.enqueueSync, performance.now() - t0);
    sample(samples.enqueueIds, ids.length);
    return done.finally(() => sample(samples.enqueue, performance.now() - t0));
  };
  return queue;
}

/** The webhook handler, timed from its call to the response's last byte handed to the socket. */
function timeWebhooks(handler: WebhookHandler): WebhookHandler {
  return (req, res) => {
    const t0 = performance.now();
    const handled = handler(req, res);
    if (handled) res.once("finish", () => sample(samples.server, performance.now() - t0));
    return handled;
  };
}

function send(msg: FromService): void {
  process.send?.(msg);
}

async function main(): Promise<void> {
  const role = process.env.BENCH_ROLE as Role;
  if (!ROLES.includes(role)) throw new Error(`BENCH_ROLE must be one of ${ROLES.join(", ")}`);
  let server: Server | undefined;
  let services: Services | undefined;
  let runtime: PipelineRuntime | undefined;
  let installationId: string | null = null;

  if (role === "bare") {
    const app = express();
    app.disable("x-powered-by");
    app.post("/bare", express.raw({ type: () => true, limit: 1024 * 1024 }), (_req, res) => void res.status(200).json({ received: true }));
    server = app.listen(0, "127.0.0.1");
  } else {
    const config = loadConfig(process.env);
    const log = createLogger(config.logLevel);
    services = await createServices(config, log);
    timeInboxInserts(services);
    const queue = timeEnqueues(
      config.redisUrl ? createBullmqQueue({ redisUrl: config.redisUrl, name: process.env.BENCH_QUEUE || "hm-bench", log }) : createEmbeddedQueue({ log }),
    );
    runtime = createPipelineRuntime(services, { queue });
    const installation = benchInstallation(process.env);
    if (installation) installationId = await setUp(services, installation);
    if (role !== "api") await runtime.startWorker({ concurrency: config.workerConcurrency });
    if (role !== "worker") {
      const app = createApp({
        db: services.db,
        engine: services.engine,
        log,
        metrics: services.metrics,
        maxBodyBytes: config.maxBodyBytes,
        webhooks: timeWebhooks(webhookHandler(runtime.deps, { metrics: services.metrics })),
      });
      server = createServer(app).listen(0, "127.0.0.1");
    }
  }
  if (server) await new Promise<void>((resolve) => server!.once("listening", () => resolve()));
  send({
    type: "ready",
    port: server ? (server.address() as AddressInfo).port : null,
    installationId,
    database: services?.db.kind ?? "none",
    queue: runtime?.deps.queue.kind ?? "none",
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 15_000).unref();
    if (server) {
      server.close();
      server.closeAllConnections();
    }
    await runtime?.close().catch(() => undefined);
    await services?.db.close().catch(() => undefined);
  };
  let profiling: (() => Promise<ProfileSummary>) | undefined;
  // a request's latency is partly the time it waited for the event loop: a blocked loop
  // (GC, a long synchronous step) shows here, a slow database or Redis does not
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const loopDelay = (): LoopDelay => {
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    const d = { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) };
    loop.reset();
    return d;
  };
  process.on("message", (msg: ToService) => {
    void (async () => {
      let value: unknown = null;
      if (msg.cmd === "cpu") value = process.cpuUsage();
      if (msg.cmd === "loop-delay") value = loopDelay();
      if (msg.cmd === "stages") value = readStages();
      if (msg.cmd === "calls") value = { ...calls, byStatement: { ...calls.byStatement } };
      if (msg.cmd === "profile-start") profiling = await startProfiling();
      if (msg.cmd === "profile-stop" && profiling) {
        value = await profiling();
        profiling = undefined;
      }
      if (msg.cmd === "deliveries" && services) value = await deliveryCounts(services);
      if (msg.cmd === "stop") await stop();
      send({ type: "reply", id: msg.id, value });
      if (msg.cmd === "stop") process.exit(0);
    })();
  });
  // the parent went away: do not linger
  process.on("disconnect", () => void stop().then(() => process.exit(0)));
}

function benchInstallation(env: NodeJS.ProcessEnv): BenchInstallation | undefined {
  if (env.BENCH_INSTALLATION) return JSON.parse(env.BENCH_INSTALLATION) as BenchInstallation;
  return env.BENCH_SIGNING_SECRET ? zendeskInstallation(env.BENCH_SIGNING_SECRET) : undefined;
}

/** A tenant and an active installation in it, made as the CLI makes one; returns the installation id. */
async function setUp(services: Services, installation: BenchInstallation): Promise<string> {
  const { config, db } = services;
  const t = await createTenant(db, "Bench");
  const masterKey = loadMasterKey({ masterKey: config.masterKey, dataDir: config.dataDir, embedded: db.kind === "embedded" });
  const inst = await createInstallation(db, masterKey, { tenantId: t.tenant.id, ...installation });
  return inst.id;
}

async function deliveryCounts(services: Services): Promise<DeliveryCounts> {
  const rows = await services.db.sql.query<{ status: string; n: string | number }>("SELECT status, count(*) AS n FROM webhook_deliveries GROUP BY status");
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
}

main().catch((err: unknown) => {
  send({ type: "failed", message: err instanceof Error ? err.message : String(err) });
  process.stderr.write(`bench service failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
