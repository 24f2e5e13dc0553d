// One contract, both drivers: what the webhook handler, the worker and the sweeper rely on.
// BullMQ runs against the real Redis (REDIS_URL, default local), one queue per test.
import { Queue } from "bullmq";
import { ProviderError } from "../../../connectors/types";
import { createBullmqQueue } from "../../../src/queue/bullmq";
import { createEmbeddedQueue } from "../../../src/queue/embedded";
import { parseRedisUrl } from "../../../src/queue/redis-url";
import { MAX_ATTEMPTS, PermanentJobError } from "../../../src/queue/retry";
import type { DeliveryQueue, JobHandler } from "../../../src/queue/types";
import { LOCAL_REDIS_URL, testRedisUrl, whenAvailable } from "../../helpers/services";

// REDIS_URL, else the local default; the cases that need it skip when it does not answer
const REDIS_URL = testRedisUrl() ?? LOCAL_REDIS_URL;
const PREFIX = `hm-test-contract-${process.pid}`;
const bullmqNames: string[] = [];
const open: DeliveryQueue[] = [];

const drivers: Array<[string, () => DeliveryQueue]> = [
  ["embedded", () => createEmbeddedQueue()],
  ...whenAvailable("redis", "the BullMQ driver's cases", [
    [
      "bullmq",
      () => {
        const name = `contract-${bullmqNames.length + 1}`;
        bullmqNames.push(name);
        return createBullmqQueue({ redisUrl: REDIS_URL, name, prefix: PREFIX });
      },
    ] as [string, () => DeliveryQueue],
  ]),
];

afterEach(async () => {
  await Promise.all(open.splice(0).map((q) => q.close().catch(() => undefined)));
});

afterAll(async () => {
  const parsed = parseRedisUrl(REDIS_URL);
  if (!parsed.ok) throw new Error(parsed.message);
  for (const name of bullmqNames) {
    const q = new Queue(name, { connection: parsed.options, prefix: PREFIX });
    await q.obliterate({ force: true });
    await q.close();
  }
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

type Run = { id: string; attempt: number; at: number };
type Dead = { id: string; error: Error; attempts: number };

function recorder(behaviour: (id: string, attempt: number) => Promise<void> = async () => undefined) {
  const runs: Run[] = [];
  const dead: Dead[] = [];
  const handler: JobHandler = async (id, attempt) => {
    runs.push({ id, attempt, at: Date.now() });
    await behaviour(id, attempt);
  };
  const onDead = async (id: string, error: Error, attempts: number) => {
    dead.push({ id, error, attempts });
  };
  return { runs, dead, handler, onDead };
}

const idle = (q: DeliveryQueue) => async () => {
  const c = await q.counts();
  return c.waiting + c.active + c.delayed === 0;
};

describe.each(drivers)("DeliveryQueue contract: %s", (_kind, make) => {
  let queue: DeliveryQueue;
  beforeEach(() => {
    queue = make();
    open.push(queue);
  });

  it("runs a job once, as attempt 1, and is empty afterwards", async () => {
    const r = recorder();
    await queue.startWorker(r.handler, r.onDead);
    await queue.enqueue("dlv_run1");
    await waitFor("the run", () => r.runs.length === 1);
    await waitFor("an empty queue", idle(queue));
    expect(r.runs.map(({ id, attempt }) => ({ id, attempt }))).toEqual([{ id: "dlv_run1", attempt: 1 }]);
    expect(r.dead).toEqual([]);
  });

  it("enqueueing a waiting delivery twice runs it once", async () => {
    await queue.enqueue("dlv_twice");
    await queue.enqueue("dlv_twice");
    expect(await queue.counts()).toEqual({ waiting: 1, active: 0, delayed: 0 });
    const r = recorder();
    await queue.startWorker(r.handler, r.onDead);
    await waitFor("an empty queue", idle(queue));
    await sleep(150);
    expect(r.runs.map((x) => x.id)).toEqual(["dlv_twice"]);
  });

  it("enqueueing an active delivery is a no-op; once finished it can be enqueued again", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const r = recorder((_id, _attempt) => (r.runs.length === 1 ? gate : Promise.resolve()));
    await queue.startWorker(r.handler, r.onDead);
    await queue.enqueue("dlv_active");
    await waitFor("the first run", () => r.runs.length === 1);
    try {
      await queue.enqueue("dlv_active");
      expect(await queue.counts()).toEqual({ waiting: 0, active: 1, delayed: 0 });
    } finally {
      release(); // else a failure here would leave close() waiting for this job
    }
    await waitFor("an empty queue", idle(queue));
    await sleep(100);
    expect(r.runs).toHaveLength(1);
    // the inbox row, not the queue, says whether a delivery is done: a finished job frees its id
    await queue.enqueue("dlv_active");
    await waitFor("the second run", () => r.runs.length === 2);
  });

  it("a delayed enqueue waits, counted as delayed", async () => {
    const r = recorder();
    await queue.startWorker(r.handler, r.onDead);
    const t0 = Date.now();
    await queue.enqueue("dlv_later", { delayMs: 300 });
    expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 1 });
    await waitFor("the run", () => r.runs.length === 1);
    expect(r.runs[0].at - t0).toBeGreaterThanOrEqual(290);
  });

  it("a job failing twice then succeeding runs 3 times, spaced by the error's Retry-After", async () => {
    const r = recorder(async (_id, attempt) => {
      if (attempt < 3) throw new ProviderError("rate limited", 429, 150);
    });
    await queue.startWorker(r.handler, r.onDead);
    await queue.enqueue("dlv_flaky");
    await waitFor("the third run", () => r.runs.length === 3);
    await waitFor("an empty queue", idle(queue));
    expect(r.runs.map((x) => x.attempt)).toEqual([1, 2, 3]);
    for (const i of [1, 2]) {
      const gap = r.runs[i].at - r.runs[i - 1].at;
      expect(gap).toBeGreaterThanOrEqual(140);
      // the default backoff would be 800–1200 ms: this proves Retry-After was used
      expect(gap).toBeLessThan(700);
    }
    expect(r.dead).toEqual([]);
  });

  it(`a job failing ${MAX_ATTEMPTS} times goes to onDead once, with the last error`, async () => {
    const r = recorder(async (_id, attempt) => {
      throw new ProviderError(`unavailable #${attempt}`, 503, 20);
    });
    await queue.startWorker(r.handler, r.onDead);
    await queue.enqueue("dlv_doomed");
    await waitFor("onDead", () => r.dead.length === 1);
    await sleep(200);
    expect(r.runs.map((x) => x.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(r.dead).toHaveLength(1);
    expect(r.dead[0].id).toBe("dlv_doomed");
    expect(r.dead[0].attempts).toBe(MAX_ATTEMPTS);
    expect(r.dead[0].error).toBeInstanceOf(ProviderError);
    expect(r.dead[0].error.message).toBe(`unavailable #${MAX_ATTEMPTS}`);
    expect(await idle(queue)()).toBe(true);
  });

  it.each([
    ["a non-retryable 404", () => new ProviderError("ticket deleted", 404)],
    ["a PermanentJobError", () => new PermanentJobError("tenant removed")],
  ])("%s goes to onDead after one attempt", async (_name, makeError) => {
    const error = makeError();
    const r = recorder(async () => {
      throw error;
    });
    await queue.startWorker(r.handler, r.onDead);
    await queue.enqueue("dlv_permanent");
    await waitFor("onDead", () => r.dead.length === 1);
    await sleep(200);
    expect(r.runs).toHaveLength(1);
    expect(r.dead).toEqual([{ id: "dlv_permanent", error, attempts: 1 }]);
  });

  it.each([1, 3])("runs at most %i jobs at a time", async (concurrency) => {
    let current = 0;
    let max = 0;
    const r = recorder(async () => {
      max = Math.max(max, ++current);
      await sleep(120);
      current--;
    });
    await queue.startWorker(r.handler, r.onDead, { concurrency });
    for (let i = 0; i < concurrency * 2 + 1; i++) await queue.enqueue(`dlv_c${i}`);
    await waitFor("every run", () => r.runs.length === concurrency * 2 + 1);
    await waitFor("an empty queue", idle(queue));
    expect(max).toBe(concurrency);
  });

  it("close() waits for the active job, then refuses new work", async () => {
    let finished = false;
    const r = recorder(async () => {
      await sleep(300);
      finished = true;
    });
    await queue.startWorker(r.handler, r.onDead);
    await queue.enqueue("dlv_closing");
    await waitFor("the run", () => r.runs.length === 1);
    await queue.close();
    expect(finished).toBe(true);
    await expect(queue.enqueue("dlv_after_close")).rejects.toThrow();
  });

  it("refuses a delivery id BullMQ could not take, on every driver", async () => {
    await expect(queue.enqueue("12345")).rejects.toThrow(TypeError);
    await expect(queue.enqueue("zendesk:1")).rejects.toThrow(/':'/);
  });
});
