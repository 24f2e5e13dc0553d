// Hands recorded deliveries to the queue after the webhook was answered, many per call
// (enqueueMany: one Redis round trip on BullMQ). It does not retry and keeps nothing
// durable: an id it could not enqueue (queue down, process killed before it got there)
// stays `received` in the inbox, and the sweeper enqueues rows left `received` longer
// than its staleMs. Enqueueing is idempotent (job id = delivery id), so a sweep that
// overlaps a late dispatch does no harm.
import type { Logger } from "../../logger";
import type { DeliveryQueue } from "../../queue/types";

export type DeliveryDispatcher = {
  /** Queues the id for enqueueing; never waits, never throws. */
  dispatch(deliveryId: string): void;
  /** Resolves once every id handed in so far has been tried. */
  flush(): Promise<void>;
  /** Tries what is pending for at most `timeoutMs`, then drops the rest (the sweeper has them). */
  close(timeoutMs?: number): Promise<void>;
  /** Ids waiting or being enqueued. */
  backlog(): number;
};

export type DispatcherOptions = {
  queue: Pick<DeliveryQueue, "enqueue" | "enqueueMany">;
  log: Logger;
  /**
   * Most ids per call to the queue; default 50. BullMQ builds all of a call's commands in one
   * go, holding the event loop (and the acknowledgements waiting on it) about 2 ms for 50 ids
   * and 13-17 ms for 200; per id it costs hardly less beyond 50.
   */
  maxBatch?: number;
  /**
   * How long the first id waits for company before the call; default 40 ms. Enqueueing is
   * off the request's path, and BullMQ's client spends per job ~0.2 ms of CPU in calls of 10,
   * ~0.07 ms in calls of 50+ (its addBulk). Under a burst that CPU is taken from the
   * acknowledgements: with 10 ms windows it was a third of the API's CPU per webhook.
   */
  windowMs?: number;
  /** Calls to the queue in flight at once; default 1 (ids arriving meanwhile make the next call larger). */
  maxInFlight?: number;
  /** Ids held while the queue is slow or down; beyond, new ids are left to the sweeper. Default 20,000. */
  maxBacklog?: number;
  /** At most one warning per this many ms while enqueueing fails; default 10 s. */
  warnEveryMs?: number;
  now?: () => number;
};

export function createDispatcher(opts: DispatcherOptions): DeliveryDispatcher {
  const maxBatch = Math.max(1, opts.maxBatch ?? 50);
  const windowMs = Math.max(0, opts.windowMs ?? 40);
  const maxInFlight = Math.max(1, opts.maxInFlight ?? 1);
  const maxBacklog = Math.max(1, opts.maxBacklog ?? 20_000);
  const warnEveryMs = opts.warnEveryMs ?? 10_000;
  const now = opts.now ?? (() => performance.now());
  const queue = opts.queue;
  let pending: string[] = [];
  let inFlight = 0;
  let inFlightIds = 0;
  let timer: NodeJS.Timeout | undefined;
  let soon: NodeJS.Immediate | undefined;
  let closed = false;
  const idle: Array<() => void> = [];
  // failures since the last warning, and when that was
  let failed = 0;
  let dropped = 0;
  let lastWarn = -Infinity;

  function warn(err: Error | null): void {
    const t = now();
    if (t - lastWarn < warnEveryMs) return;
    lastWarn = t;
    opts.log.warn({ err: err?.message, notEnqueued: failed, dropped }, "deliveries not enqueued (queue failing or backlog full); the sweeper will enqueue them");
    failed = 0;
    dropped = 0;
  }

  function schedule(): void {
    if (timer) return;
    timer = setTimeout(pump, windowMs);
    // the sweeper, not this timer, is what guarantees the enqueue
    timer.unref();
  }

  /**
   * A full batch goes on the next turn of the event loop, not inside dispatch(): that runs on
   * the request's path, before its 2xx is written.
   */
  function pumpSoon(): void {
    soon ??= setImmediate(() => {
      soon = undefined;
      pump();
    });
  }

  function pump(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    while (inFlight < maxInFlight && pending.length > 0) {
      const batch = pending.length <= maxBatch ? pending : pending.slice(0, maxBatch);
      pending = pending.length <= maxBatch ? [] : pending.slice(maxBatch);
      inFlight++;
      inFlightIds += batch.length;
      void send(batch).finally(() => {
        inFlight--;
        inFlightIds -= batch.length;
        if (pending.length > 0) pump();
        else if (inFlight === 0) for (const done of idle.splice(0)) done();
      });
    }
  }

  async function send(ids: string[]): Promise<void> {
    try {
      if (queue.enqueueMany) await queue.enqueueMany(ids);
      else await Promise.all(ids.map((id) => queue.enqueue(id)));
    } catch (err) {
      failed += ids.length;
      warn(err instanceof Error ? err : new Error(String(err)));
    }
  }

  return {
    dispatch(deliveryId) {
      if (closed) return;
      if (pending.length + inFlightIds >= maxBacklog) {
        dropped++;
        warn(null);
        return;
      }
      pending.push(deliveryId);
      if (pending.length >= maxBatch) pumpSoon();
      else schedule();
    },
    flush() {
      if (pending.length === 0 && inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        idle.push(resolve);
        pump();
      });
    },
    async close(timeoutMs = 2_000) {
      closed = true;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.flush(), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
      if (pending.length > 0) {
        opts.log.warn({ left: pending.length }, "closing before these deliveries were enqueued; the sweeper will enqueue them");
        pending = [];
      }
    },
    backlog() {
      return pending.length + inFlightIds;
    },
  };
}
