// What only the BullMQ driver has to prove: a job whose worker died mid-job runs again,
// and enqueue fails fast (so the webhook is still answered) when Redis is unreachable.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Queue } from "bullmq";
import { createBullmqQueue } from "../../../src/queue/bullmq";
import { parseRedisUrl } from "../../../src/queue/redis-url";
import type { DeliveryQueue } from "../../../src/queue/types";
import { describeWith, LOCAL_REDIS_URL, testRedisUrl } from "../../helpers/services";

// REDIS_URL, else the local default; the cases that need it skip when it does not answer
const REDIS_URL = testRedisUrl() ?? LOCAL_REDIS_URL;
const PREFIX = `hm-test-bullmq-${process.pid}`;
const names: string[] = [];
const open: DeliveryQueue[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((q) => q.close()));
});

afterAll(async () => {
  const parsed = parseRedisUrl(REDIS_URL);
  if (!parsed.ok) throw new Error(parsed.message);
  for (const name of names) {
    const q = new Queue(name, { connection: parsed.options, prefix: PREFIX });
    await q.obliterate({ force: true });
    await q.close();
  }
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function newQueue(extra: { lockDurationMs?: number; stalledIntervalMs?: number } = {}): { queue: DeliveryQueue; name: string } {
  const name = `bullmq-${names.length + 1}`;
  names.push(name);
  const queue = createBullmqQueue({ redisUrl: REDIS_URL, name, prefix: PREFIX, ...extra });
  open.push(queue);
  return { queue, name };
}

async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A TCP proxy to Redis that cuts the first connection at the first command its client sends
 * after Redis has answered an INFO (ioredis's ready check, so the connection is "ready"), then
 * stops listening for 1.5 s (connections refused): Redis gone at the worst moment, and back.
 */
async function cuttingProxy(redisUrl: string): Promise<{ port: number; cutDone(): boolean; close(): Promise<void> }> {
  const target = new URL(redisUrl);
  const sockets = new Set<net.Socket>();
  let cutAt: number | undefined;
  let backAt: number | undefined;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 6379), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    upstream.on("close", () => client.destroy());
    client.on("close", () => upstream.destroy());
    let answeredInfo = false;
    upstream.on("data", (chunk: Buffer) => {
      if (chunk.includes("redis_version:")) answeredInfo = true;
      client.write(chunk);
    });
    client.on("data", (chunk: Buffer) => {
      if (cutAt === undefined && answeredInfo) {
        cutAt = Date.now();
        server.close();
        setTimeout(() => server.listen(port, "127.0.0.1", () => (backAt = Date.now())), 1_500);
        client.destroy();
        return;
      }
      upstream.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    cutDone: () => backAt !== undefined,
    async close() {
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describeWith(["redis"])("BullMQ driver", () => {
  // First: ioredis destroys a socket to an unreachable Redis ~2 s after close(), and that
  // timer then runs out during the tests below instead of delaying Jest's exit.
  describe("with Redis unreachable", () => {
    let queue: DeliveryQueue;
    beforeEach(async () => {
      queue = createBullmqQueue({ redisUrl: `redis://127.0.0.1:${await unusedPort()}`, name: "unreachable", timeoutMs: 500 });
    });
    afterEach(() => queue.close());

    it("enqueue rejects quickly instead of hanging, so the webhook can still be answered", async () => {
      const t0 = Date.now();
      await expect(queue.enqueue("dlv_nowhere")).rejects.toThrow(/timed out after 500 ms/);
      expect(Date.now() - t0).toBeLessThan(1500);
      await expect(queue.counts()).rejects.toThrow(/timed out/);
    });

    it("close() still returns", async () => {
      await queue.enqueue("dlv_nowhere").catch(() => undefined);
      const t0 = Date.now();
      await queue.close();
      expect(Date.now() - t0).toBeLessThan(2000);
    });

    it("close() still returns with a worker started (BullMQ's graceful close alone would hang)", async () => {
      await queue.startWorker(async () => undefined, async () => undefined);
      await sleep(300);
      const t0 = Date.now();
      await queue.close();
      expect(Date.now() - t0).toBeLessThan(2000);
    });
  });

  it("re-runs a job whose worker process was SIGKILLed mid-job (stalled recovery)", async () => {
    // Short lock and stalled check so the test takes seconds; production uses 15 s / 5 s.
    const timings = { lockDurationMs: 1000, stalledIntervalMs: 300 };
    const { queue, name } = newQueue(timings);
    await queue.enqueue("dlv_orphan");

    // node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a grandchild
    // that a SIGKILL of the CLI would leave running
    const tsx = pathToFileURL(require.resolve("tsx")).href;
    const child = spawn(process.execPath, ["--import", tsx, path.join(__dirname, "hanging-worker.ts")], {
      env: {
        ...process.env,
        REDIS_URL,
        QUEUE_NAME: name,
        QUEUE_PREFIX: PREFIX,
        LOCK_DURATION_MS: String(timings.lockDurationMs),
        STALLED_INTERVAL_MS: String(timings.stalledIntervalMs),
      },
      stdio: ["pipe", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      await waitFor("the child to take the job", () => out.includes("started dlv_orphan 1"), 30000);
    } finally {
      child.kill("SIGKILL");
      await exited;
    }
    expect(await queue.counts()).toEqual({ waiting: 0, active: 1, delayed: 0 });

    const runs: Array<[string, number]> = [];
    const dead: string[] = [];
    const t0 = Date.now();
    await queue.startWorker(
      async (id, attempt) => void runs.push([id, attempt]),
      async (id) => void dead.push(id),
    );
    await waitFor("the orphaned job to run again", () => runs.length === 1, 6000);
    // lock expiry + up to two stalled checks, not BullMQ's 30 s defaults
    expect(Date.now() - t0).toBeLessThan(3000);
    // a crash is not the job's failure: it is still attempt 1
    expect(runs).toEqual([["dlv_orphan", 1]]);
    await waitFor("an empty queue", async () => (await queue.counts()).active === 0, 2000);
    expect(dead).toEqual([]);
  });

  it("works again once Redis is back, when Redis went away while the queue was still connecting", async () => {
    // BullMQ's first command on a new connection (a version check, before this fix) cut, and
    // Redis unreachable for a second: that one failure must not break the queue for good
    const proxy = await cuttingProxy(REDIS_URL);
    const name = `bullmq-${names.length + 1}`;
    names.push(name);
    const queue = createBullmqQueue({ redisUrl: `redis://127.0.0.1:${proxy.port}`, name, prefix: PREFIX });
    open.push(queue);
    try {
      // the first try may be the command that is cut
      await queue.enqueue("dlv_after_blip").catch(() => undefined);
      await waitFor("the cut and the outage to pass", () => proxy.cutDone(), 10_000);
      let lastError = "";
      await waitFor(
        "enqueue to work again",
        () =>
          queue.enqueue("dlv_after_blip").then(
            () => true,
            (err: Error) => ((lastError = err.message), false),
          ),
        5_000,
      ).catch((err: Error) => {
        throw new Error(`${err.message}; last error: ${lastError}`);
      });
      expect(await queue.counts()).toMatchObject({ waiting: 1 });
    } finally {
      await queue.close();
      await proxy.close();
    }
  });

  it("keeps its keys under the given prefix and queue name", async () => {
    const { queue, name } = newQueue();
    await queue.enqueue("dlv_keys");
    const parsed = parseRedisUrl(REDIS_URL);
    if (!parsed.ok) throw new Error(parsed.message);
    const probe = new Queue(name, { connection: parsed.options, prefix: PREFIX });
    try {
      const job = await probe.getJob("dlv_keys");
      expect(job?.name).toBe("delivery");
      expect(job?.data).toEqual({ deliveryId: "dlv_keys" });
      expect(job?.opts).toMatchObject({ attempts: 5, removeOnComplete: true, removeOnFail: true });
    } finally {
      await probe.close();
    }
  });
});
