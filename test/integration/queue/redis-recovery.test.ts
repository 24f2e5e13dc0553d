// Redis stopped with jobs in it and started again empty (no persistence, as a crashed Redis or a
// failover can be): every delivery we acknowledged must be queued and run again within 15 s of
// Redis being back, not after the sweeper's lease on its row (minutes). The real runtime (worker,
// sweeper) on the test database, BullMQ on a redis-server of the test's own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { loadConfig } from "../../../src/config";
import type { Database } from "../../../src/db/client";
import { Writable } from "node:stream";
import { createLogger } from "../../../src/logger";
import { createMemoryEngine } from "../../../src/memory/engine";
import { createDeterministicExtractor } from "../../../src/memory/extract/deterministic";
import { createMetrics } from "../../../src/metrics";
import { createPipelineRuntime, type PipelineRuntime } from "../../../src/pipeline/runtime";
import { createBullmqQueue } from "../../../src/queue/bullmq";
import { createTestDatabase, insertOrphanDelivery } from "../../helpers/db";
import { waitFor } from "../../helpers/pipeline";
import { createPrivateRedis, type PrivateRedis } from "../../helpers/processes";

jest.setTimeout(90_000);

function hasRedisServer(): boolean {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

// Needs a redis-server binary to stop and start (never the shared Redis): without one there is
// nothing to test here.
const describeWithRedisServer = hasRedisServer() ? describe : describe.skip;

describeWithRedisServer("recovery after Redis comes back empty", () => {
  let db: Database;
  let redis: PrivateRedis;
  let runtime: PipelineRuntime;
  let dataDir: string;
  let queue: ReturnType<typeof createBullmqQueue>;
  /** The runtime's log (debug and up), kept for the message of a test that times out. */
  const logLines: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await createPrivateRedis();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hm-recovery-"));
    const config = loadConfig({ DATA_DIR: dataDir, MASTER_KEY: randomBytes(32).toString("hex"), LOG_LEVEL: "silent" });
    const log = createLogger(
      "debug",
      new Writable({
        write(chunk: Buffer, _enc, done) {
          logLines.push(chunk.toString("utf8").trimEnd());
          if (logLines.length > 400) logLines.splice(0, logLines.length - 400);
          done();
        },
      }),
    );
    const engine = createMemoryEngine({ db, extractor: createDeterministicExtractor() });
    queue = createBullmqQueue({ redisUrl: redis.url, name: `recovery-${process.pid}-${randomBytes(3).toString("hex")}`, log });
    // the sweeper's regular pass runs often, so only its lease (not its interval) could delay recovery
    runtime = createPipelineRuntime({ config, db, engine, extractor: createDeterministicExtractor(), metrics: createMetrics(), log }, { queue, sweepIntervalMs: 500 });
    await runtime.startWorker({ concurrency: 8 });
  });
  afterAll(async () => {
    await redis?.start();
    await runtime?.close();
    await redis?.stop();
    await db?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const countUnfinished = async () =>
    Number((await db.sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM webhook_deliveries WHERE status IN ('received', 'queued', 'processing')`))[0]!.n);

  /** Waits until no row is unfinished; on timeout, says where each row and the queue stand, with the runtime's last log lines. */
  async function waitUntilAllFinished(what: string): Promise<void> {
    try {
      await waitFor(async () => (await countUnfinished()) === 0, 15_000, what);
    } catch (err) {
      const rowsNow = await db.sql.query<{ status: string; attempts: number; last_error: string | null; n: string | number }>(
        `SELECT status, attempts, last_error, count(*) AS n FROM webhook_deliveries GROUP BY status, attempts, last_error ORDER BY status`,
      );
      const counts = await queue.counts().catch((e: Error) => e.message);
      throw new Error(
        `${(err as Error).message}\nrows: ${JSON.stringify(rowsNow)}\nqueue: ${JSON.stringify(counts)}\nlog:\n${logLines.filter((l) => !l.includes("ECONNREFUSED")).slice(-60).join("\n")}`,
      );
    }
  }

  /** Rows acknowledged just before Redis went, touched now. Their installation is unknown, so each run ends at once as skipped. */
  async function rows(from: number, count: number, status: "queued" | "processing"): Promise<void> {
    for (let i = from; i < from + count; i++) {
      await insertOrphanDelivery(db, { id: `dlv_recovery${String(i).padStart(20, "0")}`, dedupeKey: `recovery-${i}`, ticketRef: String(i), status });
    }
  }

  it("re-enqueues every acknowledged delivery within 15 s", async () => {
    await redis.stop();
    // enqueued just before Redis went: `queued`, their jobs gone with Redis
    await rows(0, 60, "queued");
    await new Promise((r) => setTimeout(r, 2_000));
    await redis.start();
    const back = Date.now();
    // finished, not only picked up: a run still in flight is `processing` for a moment
    await waitUntilAllFinished("every queued delivery to run again");
    const seconds = (Date.now() - back) / 1000;
    const statuses = await db.sql.query<{ status: string; n: string | number }>(`SELECT status, count(*) AS n FROM webhook_deliveries GROUP BY status`);
    expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([["skipped", 60]]);
    console.info(`all 60 deliveries run again ${seconds.toFixed(1)} s after Redis was back`);
  });

  it("re-enqueues the jobs a worker killed during the outage was running (rows left `processing`), within 15 s", async () => {
    await redis.stop();
    // claimed by a worker that died with Redis down: `processing`, and no job anywhere
    await rows(100, 8, "processing");
    await new Promise((r) => setTimeout(r, 2_000));
    await redis.start();
    await waitUntilAllFinished("every delivery a dead worker held to run again");
    const attempts = await db.sql.query<{ status: string; attempts: number }>(`SELECT status, attempts FROM webhook_deliveries WHERE id = ANY($1)`, [
      Array.from({ length: 8 }, (_, i) => `dlv_recovery${String(100 + i).padStart(20, "0")}`),
    ]);
    // the lost run counts as an attempt: the re-enqueue does not reset it
    expect(attempts).toEqual(Array(8).fill({ status: "skipped", attempts: 2 }));
  });
});

describeWithRedisServer("a delivery running while Redis goes and comes back empty", () => {
  let redis: PrivateRedis;
  let queue: ReturnType<typeof createBullmqQueue>;

  beforeAll(async () => {
    redis = await createPrivateRedis();
    queue = createBullmqQueue({ redisUrl: redis.url, name: `running-${process.pid}-${randomBytes(3).toString("hex")}`, log: createLogger("silent") });
  });
  afterAll(async () => {
    await redis?.start();
    await queue?.close();
    await redis?.stop();
  });

  it("has a job in Redis again at once (delayed: it is running here), and runs again when that run fails", async () => {
    const runs: number[] = [];
    let release: ((outcome: "fail") => void) | undefined;
    await queue.startWorker(
      async (_id, attempt) => {
        runs.push(attempt);
        if (runs.length > 1) return;
        // the first run outlives the outage, then fails (a helpdesk 500, say)
        await new Promise<"fail">((resolve) => (release = resolve));
        throw Object.assign(new Error("helpdesk answered 500"), { retryAfterMs: 200 });
      },
      async () => undefined,
      { concurrency: 2 },
    );
    const comeback = new Promise<void>((resolve) => queue.onReconnect!(() => resolve()));
    await queue.enqueue("dlv_running_across_outage");
    await waitFor(async () => runs.length === 1, 10_000, "the first run to start");
    await redis.stop();
    await redis.start();
    await comeback;
    // the delivery is still running here; Redis came back without its job, and now holds one
    await waitFor(async () => (await queue.counts()).delayed === 1, 5_000, "a delayed job for the running delivery");
    release!("fail");
    // brought forward to the retry's time, not left for the safety net's two minutes
    await waitFor(async () => runs.length === 2, 10_000, "the failed run to run again");
  });
});
