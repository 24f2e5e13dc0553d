// The dispatcher that enqueues recorded deliveries after the webhook was answered, on both
// queue drivers (BullMQ on the real Redis: REDIS_URL, default local). Calls to the queue are
// counted by a wrapper that passes each on to the real driver.
import { Writable } from "node:stream";
import { Queue } from "bullmq";
import { createLogger } from "../../../src/logger";
import { createDispatcher } from "../../../src/pipeline/intake/dispatcher";
import { createBullmqQueue } from "../../../src/queue/bullmq";
import { createEmbeddedQueue } from "../../../src/queue/embedded";
import { parseRedisUrl } from "../../../src/queue/redis-url";
import type { DeliveryQueue } from "../../../src/queue/types";
import { LOCAL_REDIS_URL, testRedisUrl, whenAvailable } from "../../helpers/services";

// REDIS_URL, else the local default; the cases that need it skip when it does not answer
const REDIS_URL = testRedisUrl() ?? LOCAL_REDIS_URL;
const PREFIX = `hm-test-dispatcher-${process.pid}`;
const bullmqNames: string[] = [];
const open: DeliveryQueue[] = [];

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

const drivers: Array<[string, () => DeliveryQueue]> = [
  ["embedded", () => createEmbeddedQueue()],
  ...whenAvailable("redis", "the BullMQ driver's cases", [
    [
      "bullmq",
      () => {
        const name = `dispatcher-${bullmqNames.length + 1}`;
        bullmqNames.push(name);
        return createBullmqQueue({ redisUrl: REDIS_URL, name, prefix: PREFIX });
      },
    ] as [string, () => DeliveryQueue],
  ]),
];

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(JSON.parse(chunk.toString("utf8")) as Record<string, unknown>);
      cb();
    },
  });
  return { log: createLogger("warn", stream), lines };
}

function counted(queue: DeliveryQueue, opts: { withoutMany?: boolean } = {}) {
  const calls: Array<{ many: string[] } | { one: string }> = [];
  const q: Pick<DeliveryQueue, "enqueue" | "enqueueMany"> = {
    enqueue: (id) => (calls.push({ one: id }), queue.enqueue(id)),
    enqueueMany: opts.withoutMany ? undefined : (ids) => (calls.push({ many: [...ids] }), queue.enqueueMany!(ids)),
  };
  return { q, calls };
}

const ids = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `dlv_${tag}_${i}`);

describe.each(drivers)("createDispatcher on the %s queue", (_name, make) => {
  let queue: DeliveryQueue;
  beforeEach(() => {
    queue = make();
    open.push(queue);
  });

  it("enqueues ids dispatched together with one enqueueMany call, after dispatch() has returned", async () => {
    const { q, calls } = counted(queue);
    const d = createDispatcher({ queue: q, log: capture().log });
    for (const id of ids(50, "a")) d.dispatch(id);
    expect(calls).toEqual([]); // nothing on the request's path
    expect(d.backlog()).toBe(50);
    await d.flush();
    expect(calls).toEqual([{ many: ids(50, "a") }]);
    expect((await queue.counts()).waiting).toBe(50);
    expect(d.backlog()).toBe(0);
  });

  it("splits a large burst into calls of at most maxBatch ids", async () => {
    const { q, calls } = counted(queue);
    const d = createDispatcher({ queue: q, log: capture().log, maxBatch: 40 });
    for (const id of ids(100, "b")) d.dispatch(id);
    await d.flush();
    expect(calls.map((c) => ("many" in c ? c.many.length : 1))).toEqual([40, 40, 20]);
    expect((await queue.counts()).waiting).toBe(100);
  });

  it("dispatching an id the queue already holds changes nothing (job id = delivery id)", async () => {
    const d = createDispatcher({ queue, log: capture().log });
    for (const id of ids(5, "c")) d.dispatch(id);
    await d.flush();
    for (const id of ids(5, "c")) d.dispatch(id);
    d.dispatch("dlv_c_new");
    await d.flush();
    expect((await queue.counts()).waiting).toBe(6);
  });

  it("falls back to enqueue() per id on a queue without enqueueMany", async () => {
    const { q, calls } = counted(queue, { withoutMany: true });
    const d = createDispatcher({ queue: q, log: capture().log });
    for (const id of ids(3, "d")) d.dispatch(id);
    await d.flush();
    expect(calls).toEqual(ids(3, "d").map((one) => ({ one })));
    expect((await queue.counts()).waiting).toBe(3);
  });
});

describe("createDispatcher's window", () => {
  it("gathers ids dispatched within windowMs into one call, and sends a lone id without flush()", async () => {
    const queue = createEmbeddedQueue();
    const { q, calls } = counted(queue);
    const d = createDispatcher({ queue: q, log: capture().log, windowMs: 30 });
    d.dispatch("dlv_w_1");
    await new Promise((r) => setTimeout(r, 10));
    d.dispatch("dlv_w_2");
    expect(calls).toEqual([]);
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toEqual([{ many: ["dlv_w_1", "dlv_w_2"] }]);
    d.dispatch("dlv_w_3");
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toEqual([{ many: ["dlv_w_1", "dlv_w_2"] }, { many: ["dlv_w_3"] }]);
    expect((await queue.counts()).waiting).toBe(3);
    await queue.close();
  });

  it("by default carries at most 50 ids a call", async () => {
    const queue = createEmbeddedQueue();
    const { q, calls } = counted(queue);
    const d = createDispatcher({ queue: q, log: capture().log });
    for (const id of ids(120, "cap")) d.dispatch(id);
    await d.flush();
    expect(calls.map((c) => ("many" in c ? c.many.length : 1))).toEqual([50, 50, 20]);
    expect((await queue.counts()).waiting).toBe(120);
    await queue.close();
  });

  it("sends a full batch on the next turn of the event loop, never inside dispatch() (on the request's path)", async () => {
    // a queue that answers after a round trip, as Redis does
    const calls: string[][] = [];
    const queue = {
      enqueue: async () => undefined,
      enqueueMany: async (many: string[]) => {
        calls.push([...many]);
        await new Promise((r) => setTimeout(r, 5));
      },
    };
    const d = createDispatcher({ queue, log: capture().log, windowMs: 60_000, maxBatch: 3 });
    for (const id of ids(7, "turn")) d.dispatch(id);
    // the third and sixth dispatch() filled a batch: nothing was sent while they ran
    expect(calls).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(calls).toEqual([ids(3, "turn")]);
    await d.flush();
    expect(calls).toEqual([ids(3, "turn"), ids(7, "turn").slice(3, 6), ["dlv_turn_6"]]);
  });

  it("does not wait out the window once maxBatch ids are there", async () => {
    const queue = createEmbeddedQueue();
    const { q, calls } = counted(queue);
    const d = createDispatcher({ queue: q, log: capture().log, windowMs: 60_000, maxBatch: 3 });
    for (const id of ids(3, "full")) d.dispatch(id);
    await new Promise((r) => setImmediate(r));
    expect(calls).toEqual([{ many: ids(3, "full") }]);
    await queue.close();
  });
});

describe("createDispatcher when the queue fails", () => {
  it("never throws at the caller, drops the ids to the sweeper and warns once per interval", async () => {
    const queue = createEmbeddedQueue();
    await queue.close(); // enqueue now rejects: "queue is closed"
    const { log, lines } = capture();
    const d = createDispatcher({ queue, log, warnEveryMs: 60_000 });
    for (const id of ids(10, "e")) d.dispatch(id);
    await d.flush();
    for (const id of ids(10, "f")) d.dispatch(id);
    await d.flush();
    expect(d.backlog()).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, err: "queue is closed", notEnqueued: 10 });
    expect(String(lines[0]!.msg)).toMatch(/sweeper/);
  });

  it("holds at most maxBacklog ids while the queue hangs, and close() gives up after its timeout", async () => {
    let release!: () => void;
    const hanging = new Promise<void>((r) => (release = r));
    const enqueued: string[] = [];
    const queue = {
      enqueue: async (id: string) => void enqueued.push(id),
      enqueueMany: async (many: string[]) => {
        await hanging;
        enqueued.push(...many);
      },
    };
    const { log, lines } = capture();
    const d = createDispatcher({ queue, log, maxBatch: 2, maxInFlight: 1, maxBacklog: 5, warnEveryMs: 0 });
    for (const id of ids(8, "g")) d.dispatch(id);
    await new Promise((r) => setImmediate(r));
    expect(d.backlog()).toBe(5);
    expect(lines.filter((l) => l.dropped !== undefined)).toHaveLength(3);

    const t0 = Date.now();
    await d.close(100);
    expect(Date.now() - t0).toBeLessThan(1_000);
    d.dispatch("dlv_after_close");
    release();
    await new Promise((r) => setTimeout(r, 20));
    // the call in flight finishes; what was still waiting is left to the sweeper
    expect(enqueued).toEqual(["dlv_g_0", "dlv_g_1"]);
  });
});
