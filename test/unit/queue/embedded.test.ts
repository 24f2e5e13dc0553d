// What the contract test cannot show quickly: the embedded driver's default backoff
// (a plain Error waits ~1 s) and that close() drops pending retries to the sweeper.
import { createEmbeddedQueue } from "../../../src/queue/embedded";

// only timers are faked: getTimerCount() then counts the queue's timers, not the runtime's ticks
beforeEach(() => jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] }));
afterEach(() => jest.useRealTimers());

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

it("retries a plain Error after the exponential backoff: 1 s ± 20 %", async () => {
  const queue = createEmbeddedQueue();
  const attempts: number[] = [];
  await queue.startWorker(async (_id, attempt) => {
    attempts.push(attempt);
    if (attempt === 1) throw new Error("socket hang up");
  }, async () => undefined);
  await queue.enqueue("dlv_backoff");
  await settle();
  expect(attempts).toEqual([1]);
  expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 1 });

  await jest.advanceTimersByTimeAsync(799);
  expect(attempts).toEqual([1]);
  await jest.advanceTimersByTimeAsync(402);
  expect(attempts).toEqual([1, 2]);
  expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0 });
  await queue.close();
});

it("close() drops a pending retry (the sweeper owns recovery) and leaves no timer behind", async () => {
  const queue = createEmbeddedQueue();
  const attempts: number[] = [];
  const dead: string[] = [];
  await queue.startWorker(async (_id, attempt) => {
    attempts.push(attempt);
    throw new Error("flaky");
  }, async (id) => void dead.push(id));
  await queue.enqueue("dlv_pending");
  await queue.enqueue("dlv_later", { delayMs: 60_000 });
  await settle();
  expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 2 });
  await queue.close();
  expect(jest.getTimerCount()).toBe(0);
  await jest.advanceTimersByTimeAsync(120_000);
  expect(attempts).toEqual([1]);
  expect(dead).toEqual([]);
});

it("accepts only one worker", async () => {
  const queue = createEmbeddedQueue();
  await queue.startWorker(async () => undefined, async () => undefined);
  await expect(queue.startWorker(async () => undefined, async () => undefined)).rejects.toThrow(/already running/);
  await queue.close();
});
