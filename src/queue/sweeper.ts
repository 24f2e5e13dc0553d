// Re-enqueues deliveries the queue does not hold: rows still `received` (the webhook handler
// could not enqueue, e.g. Redis was down) and `queued`/`processing` rows whose lease ran out
// (the worker died, or the embedded queue restarted empty); and, when told the queue is back
// from an outage, every unfinished row at once (`processing` ones included). It does not give
// up on a delivery that keeps getting lost: the pipeline counts its attempts in the row. About
// once an hour it also deletes old rows recorded for accounts nobody installed: they hold no
// payload and no one could verify them, so they are kept only long enough to diagnose a setup.
import type { Database } from "../db/client";
import { createLogger, type Logger } from "../logger";
import { findStale, findUnfinished, markQueued, markSwept, purgeSkipped } from "./delivery-rows";
import type { DeliveryQueue } from "./types";

export type SweeperOptions = {
  db: Pick<Database, "sql">;
  queue: Pick<DeliveryQueue, "enqueue"> & Partial<Pick<DeliveryQueue, "enqueueMany">>;
  log?: Logger;
  clock?: () => Date;
  intervalMs?: number;
  /** A `received` row older than this was not enqueued by the webhook handler. */
  staleMs?: number;
  /**
   * A `queued`/`processing` row untouched for this long has lost its job. Longer than a
   * job runs and than BullMQ needs to re-run a stalled one (~25 s); when the job does still
   * exist, re-enqueueing it is a no-op on both drivers.
   */
  leaseMs?: number;
  /** Most rows per sweep, oldest first; the rest wait for the next sweep. */
  batchSize?: number;
  /** Rows skipped as `unknown_account` / `installation_inactive` are deleted after this long; default 7 days. */
  unverifiedRetentionMs?: number;
  /** How often that deletion runs; default hourly. */
  purgeEveryMs?: number;
};

/** Rows per enqueueMany call when recovering everything. */
const RECOVER_PAGE = 200;

/** Skip reasons of deliveries nobody could verify (receive.ts, skipUnknownAccount). */
const UNVERIFIED_REASONS = ["unknown_account", "installation_inactive"];

export type Sweeper = {
  /** One pass; resolves to how many deliveries it enqueued. */
  sweepOnce(): Promise<number>;
  /**
   * Enqueues every unfinished delivery (`received`, `queued`, `processing`), whatever its age:
   * for when the queue is back from an outage that may have emptied it, and when a worker starts. Enqueueing a job the
   * queue still holds is a no-op. A `processing` row is most likely a job whose worker died
   * while Redis was down (nothing else would run it again before the lease); the ones this
   * process is running itself (`running`) are left to their run. A row some other live worker
   * is running gets a second job, which is safe: it waits for the ticket's lease, then finds
   * the delivery done, or the messages seen and the note recorded. Resolves to how many were
   * handed to the queue.
   */
  recoverAll(opts?: { running?: ReadonlySet<string> }): Promise<number>;
  /** Deletes unverified skipped rows older than the retention; resolves to how many. */
  purgeOnce(): Promise<number>;
  start(): void;
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
};

export function createSweeper({
  db,
  queue,
  log: parentLog,
  clock = () => new Date(),
  intervalMs = 5000,
  staleMs = 10_000,
  leaseMs = 120_000,
  batchSize = 100,
  unverifiedRetentionMs = 7 * 24 * 3600_000,
  purgeEveryMs = 3600_000,
}: SweeperOptions): Sweeper {
  const log = (parentLog ?? createLogger("silent")).child({ module: "queue.sweeper" });
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  let running = false;
  let lastPurge = -Infinity;

  async function purgeOnce(): Promise<number> {
    const count = await purgeSkipped(db.sql, UNVERIFIED_REASONS, new Date(clock().getTime() - unverifiedRetentionMs));
    if (count > 0) log.info({ deleted: count }, "deleted old deliveries for accounts with no active installation");
    return count;
  }

  async function sweepOnce(): Promise<number> {
    const now = clock().getTime();
    const rows = await findStale(db.sql, new Date(now - staleMs), new Date(now - leaseMs), batchSize);
    let enqueued = 0;
    for (const row of rows) {
      try {
        await queue.enqueue(row.id);
      } catch (err) {
        // the queue is most likely down: stop here rather than wait out a timeout per row
        log.warn({ deliveryId: row.id, err: (err as Error).message, left: rows.length - enqueued }, "enqueue failed, will retry next sweep");
        break;
      }
      enqueued++;
      // Only if nobody moved the row since we read it: the job may already be running it.
      await markSwept(db.sql, row, clock());
    }
    if (enqueued > 0) log.info({ enqueued }, "re-enqueued deliveries");
    return enqueued;
  }

  async function recoverAll({ running }: { running?: ReadonlySet<string> } = {}): Promise<number> {
    let total = 0;
    let after: { receivedAt: string; id: string } | undefined;
    for (;;) {
      const page = await findUnfinished(db.sql, after, RECOVER_PAGE);
      if (page.length === 0) break;
      const rows = page.filter((r) => !running?.has(r.id));
      const ids = rows.map((r) => r.id);
      if (ids.length > 0) {
        if (queue.enqueueMany) await queue.enqueueMany(ids);
        else for (const id of ids) await queue.enqueue(id);
      }
      await markQueued(
        db.sql,
        rows.filter((r) => r.status === "received").map((r) => r.id),
        clock(),
      );
      total += rows.length;
      const last = page[page.length - 1]!;
      after = { receivedAt: last.received_at, id: last.id };
      if (page.length < RECOVER_PAGE) break;
    }
    if (total > 0) log.info({ enqueued: total }, "handed every unfinished delivery to the queue (it may have lost their jobs)");
    return total;
  }

  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      const purgeDue = performance.now() - lastPurge >= purgeEveryMs;
      if (purgeDue) lastPurge = performance.now();
      inFlight = sweepOnce()
        .then(() => (purgeDue ? purgeOnce() : 0))
        .then(() => undefined)
        .catch((err: unknown) => log.error({ err: (err as Error).message }, "sweep failed"))
        .finally(() => {
          inFlight = undefined;
          if (running) schedule(intervalMs);
        });
    }, delayMs);
    // the server keeps the process alive, not this timer
    timer.unref();
  }

  return {
    sweepOnce,
    recoverAll,
    purgeOnce,
    start() {
      if (running) return;
      running = true;
      // sweep at once: after a restart, what the last process left behind is recovered first
      schedule(0);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
}
