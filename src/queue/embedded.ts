// The in-process queue used when REDIS_URL is unset: same semantics as the BullMQ driver
// (dedupe by id, concurrency, retries decided by decideRetry, onDead once).
// It does not persist anything yet: after a restart the sweeper re-enqueues from the inbox rows.
import { createLogger, type Logger } from "../logger";
import { invalidDeliveryId } from "./delivery-id";
import { decideRetry } from "./retry";
import type { DeadHandler, DeliveryQueue, JobHandler } from "./types";

export type EmbeddedQueueOptions = {
  log?: Logger;
  /** Only dates the logs ("retry at"); the delays are the runtime's timers (fake timers work). */
  clock?: () => Date;
};

type Entry = {
  id: string;
  state: "waiting" | "delayed" | "active";
  /** Attempts that have failed so far. */
  failed: number;
  timer?: NodeJS.Timeout;
};

export function createEmbeddedQueue({ log: parentLog, clock = () => new Date() }: EmbeddedQueueOptions = {}): DeliveryQueue {
  const log = (parentLog ?? createLogger("silent")).child({ module: "queue.embedded" });
  const jobs = new Map<string, Entry>();
  const waiting: Entry[] = [];
  const running = new Set<Promise<void>>();
  let worker: { handler: JobHandler; onDead: DeadHandler; concurrency: number } | undefined;
  let closed = false;

  function makeWaiting(entry: Entry): void {
    entry.state = "waiting";
    entry.timer = undefined;
    waiting.push(entry);
    pump();
  }

  function makeDelayed(entry: Entry, delayMs: number): void {
    entry.state = "delayed";
    // unref: a pending retry must not keep the process alive; the inbox row survives it
    entry.timer = setTimeout(() => makeWaiting(entry), delayMs);
    entry.timer.unref();
  }

  function pump(): void {
    if (!worker || closed) return;
    let active = running.size;
    while (active < worker.concurrency && waiting.length > 0) {
      const entry = waiting.shift()!;
      const run = runOne(worker, entry).finally(() => {
        running.delete(run);
        pump();
      });
      running.add(run);
      active++;
    }
  }

  async function runOne(w: NonNullable<typeof worker>, entry: Entry): Promise<void> {
    entry.state = "active";
    const attempt = entry.failed + 1;
    try {
      await w.handler(entry.id, attempt);
      jobs.delete(entry.id);
      return;
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      const decision = decideRetry(error, attempt);
      if (decision.retry && !closed) {
        entry.failed = attempt;
        const retryAt = new Date(clock().getTime() + decision.waitMs).toISOString();
        log.warn({ deliveryId: entry.id, attempt, retryAt, reason: decision.reason, err: error.message }, "delivery failed, will retry");
        if (decision.waitMs > 0) makeDelayed(entry, decision.waitMs);
        else makeWaiting(entry);
        return;
      }
      jobs.delete(entry.id);
      if (decision.retry) {
        // closing: the retry would be dropped with the process; the inbox row is still
        // not done, so the sweeper picks it up after the next start
        log.info({ deliveryId: entry.id, attempt }, "queue closing, retry left to the sweeper");
        return;
      }
      log.error({ deliveryId: entry.id, attempt, reason: decision.reason, err: error.message }, "delivery failed for good");
      try {
        await w.onDead(entry.id, error, attempt);
      } catch (deadError) {
        log.error({ deliveryId: entry.id, err: (deadError as Error).message }, "onDead failed");
      }
    }
  }

  function enqueue(deliveryId: string, opts: { delayMs?: number } = {}): void {
    const invalid = invalidDeliveryId(deliveryId);
    if (invalid) throw new TypeError(invalid);
    if (closed) throw new Error("queue is closed");
    if (jobs.has(deliveryId)) return;
    const entry: Entry = { id: deliveryId, state: "waiting", failed: 0 };
    jobs.set(deliveryId, entry);
    if (opts.delayMs && opts.delayMs > 0) makeDelayed(entry, opts.delayMs);
    else makeWaiting(entry);
  }

  return {
    kind: "embedded",

    async enqueue(deliveryId, opts = {}) {
      enqueue(deliveryId, opts);
    },

    async enqueueMany(deliveryIds) {
      for (const id of deliveryIds) enqueue(id);
    },

    async startWorker(handler, onDead, opts = {}) {
      if (closed) throw new Error("queue is closed");
      if (worker) throw new Error("a worker is already running on this queue");
      worker = { handler, onDead, concurrency: Math.max(1, opts.concurrency ?? 1) };
      pump();
    },

    async counts() {
      let delayed = 0;
      let active = 0;
      for (const entry of jobs.values()) {
        if (entry.state === "delayed") delayed++;
        else if (entry.state === "active") active++;
      }
      return { waiting: waiting.length, active, delayed };
    },

    async close() {
      closed = true;
      // waiting and delayed jobs are dropped, not lost: their rows are still not done
      for (const entry of jobs.values()) if (entry.timer) clearTimeout(entry.timer);
      waiting.length = 0;
      while (running.size > 0) await Promise.all([...running]);
      jobs.clear();
    },
  };
}
