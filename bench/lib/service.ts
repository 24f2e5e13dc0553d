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
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { AddressInfo } from "node:net";
import express from "express";
import { Redis } from "ioredis";
import pg from "pg";
import { loadConfig } from "../../src/config";
import { createApp } from "../../src/http/app";
import { webhookHandler } from "../../src/http/routes/webhooks";
import { createLogger } from "../../src/logger";
import { createPipelineRuntime, type PipelineRuntime } from "../../src/pipeline/runtime";
import { createBullmqQueue } from "../../src/queue/bullmq";
import { createEmbeddedQueue } from "../../src/queue/embedded";
import { createServices, type Services } from "../../src/services";
import { createInstallation } from "../../src/tenants/installations";
import { loadMasterKey } from "../../src/tenants/secrets";
import { createTenant } from "../../src/tenants/service";

import { startProfiling, type ProfileSummary } from "./cpu-profile";
import { ROLES, zendeskInstallation, type BenchInstallation, type CallCounts, type DeliveryCounts, type FromService, type LoopDelay, type Role, type ToService } from "./service-protocol";

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
    const queue = config.redisUrl
      ? createBullmqQueue({ redisUrl: config.redisUrl, name: process.env.BENCH_QUEUE || "hm-bench", log })
      : createEmbeddedQueue({ log });
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
        webhooks: webhookHandler(runtime.deps, { metrics: services.metrics }),
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
