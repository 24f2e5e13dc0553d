// The production queue: BullMQ on Redis. Retries are BullMQ's (attempts + a custom backoff
// strategy that asks decideRetry), a job stalled by a dead worker is re-run by BullMQ.
// It does not report jobs BullMQ fails for stalling twice yet: their rows stay `processing`
// and the sweeper re-enqueues them after its lease.
import { Queue, UnrecoverableError, Worker, type Job } from "bullmq";
import { createLogger, type Logger } from "../logger";
import { invalidDeliveryId } from "./delivery-id";
import { parseRedisUrl } from "./redis-url";
import { decideRetry, MAX_ATTEMPTS } from "./retry";
import type { DeadHandler, DeliveryQueue, JobHandler } from "./types";

export type BullmqQueueOptions = {
  redisUrl: string;
  /** Queue name; default "deliveries". */
  name?: string;
  /** Redis key prefix; BullMQ's default ("bull") when unset. */
  prefix?: string;
  log?: Logger;
  /**
   * How long a job's lock lives without renewal (renewed every half of it while the job
   * runs). A SIGKILLed worker's job is re-run once the lock has expired and the next
   * stalled check has run: about lockDurationMs + 2 × stalledIntervalMs (~25 s by default,
   * against BullMQ's ~90 s). Shorter would re-run jobs of a worker whose event loop is
   * merely busy; jobs here are I/O-bound, so 15 s is ample.
   */
  lockDurationMs?: number;
  /** How often a worker looks for stalled jobs; default 5 s. */
  stalledIntervalMs?: number;
  /** enqueue() and counts() give up after this long when Redis is unreachable; default 1 s. */
  timeoutMs?: number;
};

type JobData = { deliveryId: string };

const JOB_NAME = "delivery";
/** How long the job kept for a delivery running across a Redis comeback waits (the sweeper's lease on a row). */
const RUNNING_SAFETY_NET_MS = 120_000;
const BACKOFF_TYPE = "decide-retry";

/** The job's last failure, marked final so BullMQ stops retrying and onDead is called. */
class FinalFailure extends UnrecoverableError {
  constructor(
    readonly original: Error,
    readonly attempt: number,
    readonly reason: string,
  ) {
    super(original.message);
  }
}

export function createBullmqQueue(opts: BullmqQueueOptions): DeliveryQueue {
  const parsed = parseRedisUrl(opts.redisUrl);
  if (!parsed.ok) throw new Error(parsed.message);
  const name = opts.name ?? "deliveries";
  const timeoutMs = opts.timeoutMs ?? 1000;
  const log = (opts.log ?? createLogger("silent")).child({ module: "queue.bullmq", queue: name });
  const prefix = opts.prefix ? { prefix: opts.prefix } : {};

  const queue = new Queue<JobData>(name, {
    ...prefix,
    // No offline queue and one try per command: with Redis down, enqueue fails fast so the
    // webhook is still answered 2xx and its row waits, `received`, for the sweeper.
    connection: { ...parsed.options, enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: reconnectDelay },
    // BullMQ reads Redis's version (INFO) once, as the connection first opens, and keeps the
    // outcome for good: should Redis go away before the answer comes, that one try fails
    // (maxRetriesPerRequest above) and every later call of this queue rejects with the same
    // error, even once Redis is back. The worker's connection, which retries for ever, still
    // checks the version.
    skipVersionCheck: true,
    defaultJobOptions: {
      attempts: MAX_ATTEMPTS,
      backoff: { type: BACKOFF_TYPE },
      // the inbox row is the record: Redis keeps only what is still to run
      removeOnComplete: true,
      removeOnFail: true,
    },
  });
  // without a listener, a connection error event would crash the process
  queue.on("error", (err) => log.warn({ err: err.message }, "queue connection error"));
  // Redis back after an outage: it may have come back empty (no persistence, a failover), and
  // then the jobs of rows we acknowledged are gone. Whoever listens re-enqueues them at once
  // (the sweeper), rather than after their rows' lease.
  const reconnected = new Set<(info: { running: ReadonlySet<string> }) => void>();
  /** Deliveries this process's worker is running now. */
  const running = new Set<string>();
  let wasDown = false;
  /** How many times Redis came back: a run that saw it change may have lost its job. */
  let comebacks = 0;
  const connection = queue.getBackend().connection;
  connection.on("close", () => void (wasDown = true));
  connection.on("ready", () => {
    if (!wasDown) return;
    wasDown = false;
    comebacks++;
    log.info({ running: running.size }, "Redis reachable again");
    void keepRunningJobs([...running]);
    for (const listener of reconnected) listener({ running });
  });

  let worker: Worker<JobData> | undefined;
  const deadCalls = new Set<Promise<void>>();
  const runs = new Set<Promise<void>>();
  let closing: Promise<void> | undefined;

  async function runJob(handler: JobHandler, job: Job<JobData>): Promise<void> {
    const run = runHandler(handler, job).finally(() => runs.delete(run));
    runs.add(run);
    return run;
  }

  async function runHandler(handler: JobHandler, job: Job<JobData>): Promise<void> {
    const deliveryId = job.data.deliveryId;
    // attemptsMade counts failed attempts only: a stalled run does not use one up
    const attempt = job.attemptsMade + 1;
    const comebacksAtStart = comebacks;
    running.add(deliveryId);
    try {
      await handler(deliveryId, attempt);
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      const decision = decideRetry(error, attempt);
      // Redis went and came back while this ran: if it came back empty, BullMQ has no job to
      // fail or retry, and the recovery left this one to its run. Enqueued again here, with the
      // retry's delay (a no-op when Redis still holds the job); a final failure is enqueued too,
      // and its next run, out of attempts by the row's count, ends it dead at once.
      if (comebacks !== comebacksAtStart) await requeueAfterOutage(deliveryId, decision.retry ? decision.waitMs : 0);
      if (!decision.retry) throw new FinalFailure(error, attempt, decision.reason);
      throw error;
    } finally {
      running.delete(deliveryId);
    }
  }

  /**
   * Redis back, maybe empty, while this worker runs `ids`: each gets a job again, delayed by
   * RUNNING_SAFETY_NET_MS, so nothing acknowledged depends on a job Redis may have lost (were
   * this process to die now, the delayed job runs the delivery again). Not run sooner: the
   * delivery is running here, and a second run at once would only wait for its ticket. A
   * run that ends well leaves the delayed job to find the delivery done; one that fails
   * brings it forward to the retry's time (requeueAfterOutage). A no-op for a job Redis kept.
   */
  async function keepRunningJobs(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const jobs = ids.map((deliveryId) => ({ name: JOB_NAME, data: { deliveryId }, opts: { jobId: deliveryId, delay: RUNNING_SAFETY_NET_MS } }));
    await withTimeout(queue.addBulk(jobs), timeoutMs * Math.ceil(jobs.length / 100), "enqueue").catch((err: unknown) =>
      // down again: each run that fails enqueues itself, and the next comeback's recovery the rest
      log.warn({ running: ids.length, err: (err as Error).message }, "could not enqueue the running deliveries after Redis came back"),
    );
  }

  async function requeueAfterOutage(deliveryId: string, delayMs: number): Promise<void> {
    try {
      await withTimeout(queue.add(JOB_NAME, { deliveryId }, { jobId: deliveryId, delay: delayMs > 0 ? delayMs : undefined }), timeoutMs, "enqueue");
      // the add is a no-op when the comeback's delayed job holds the id: bring that one forward
      const held = await withTimeout(queue.getJob(deliveryId), timeoutMs, "getJob");
      if (held && (await withTimeout(held.getState(), timeoutMs, "getState")) === "delayed") {
        await withTimeout(delayMs > 0 ? held.changeDelay(delayMs) : held.promote(), timeoutMs, "reschedule");
      }
    } catch (err) {
      // down again: the next comeback's recovery enqueues it
      log.warn({ deliveryId, err: (err as Error).message }, "could not enqueue a delivery after Redis came back");
    }
  }

  function onFailed(onDead: DeadHandler, job: Job<JobData> | undefined, err: Error): void {
    if (!job) return;
    const deliveryId = job.data.deliveryId;
    if (!(err instanceof FinalFailure)) {
      log.warn({ deliveryId, attempt: job.attemptsMade, retryInMs: job.delay, err: err.message }, "delivery failed, will retry");
      return;
    }
    log.error({ deliveryId, attempt: err.attempt, reason: err.reason, err: err.message }, "delivery failed for good");
    const call = onDead(deliveryId, err.original, err.attempt)
      .catch((deadError: unknown) => log.error({ deliveryId, err: (deadError as Error).message }, "onDead failed"))
      .finally(() => deadCalls.delete(call));
    deadCalls.add(call);
  }

  async function closeAll(): Promise<void> {
    // The worker first: it finishes its active jobs, which may still report to onDead.
    if (worker) {
      const reachable = await withTimeout(queue.getJobCounts("active"), timeoutMs, "ping").then(
        () => true,
        () => false,
      );
      if (reachable) {
        await worker.close();
      } else {
        // BullMQ's graceful close never returns while Redis is unreachable: let our
        // handlers finish, then force it. Their results cannot be recorded in Redis
        // anyway; the jobs stall and run again, or the sweeper re-enqueues their rows.
        log.warn("Redis unreachable at close: forcing the worker closed");
        await Promise.allSettled([...runs]);
        await worker.close(true);
      }
    }
    await Promise.all([...deadCalls]);
    // Redis gone since we connected: BullMQ's close rejects (QUIT cannot be sent) and leaves
    // the connection reconnecting for ever. disconnect(false) stops it at once (waiting, as
    // queue.disconnect() does, for an `end` event a dead socket never emits would hang).
    await queue.close().catch(async (err: unknown) => {
      log.warn({ err: (err as Error).message }, "Redis unreachable at close: dropping the connection");
      await queue.getBackend().connection.disconnect(false);
    });
  }

  return {
    kind: "bullmq",

    async enqueue(deliveryId, enqueueOpts = {}) {
      const invalid = invalidDeliveryId(deliveryId);
      if (invalid) throw new TypeError(invalid);
      const delay = enqueueOpts.delayMs && enqueueOpts.delayMs > 0 ? enqueueOpts.delayMs : undefined;
      // jobId = delivery id: BullMQ ignores an add for an id it still holds (waiting, delayed, active)
      await withTimeout(queue.add(JOB_NAME, { deliveryId }, { jobId: deliveryId, delay }), timeoutMs, "enqueue");
    },

    async enqueueMany(deliveryIds) {
      for (const id of deliveryIds) {
        const invalid = invalidDeliveryId(id);
        if (invalid) throw new TypeError(invalid);
      }
      if (deliveryIds.length === 0) return;
      // one pipelined round trip; each add is skipped, as in enqueue(), for an id BullMQ still holds
      const jobs = deliveryIds.map((deliveryId) => ({ name: JOB_NAME, data: { deliveryId }, opts: { jobId: deliveryId } }));
      // the timeout is for an unreachable Redis, not for a large batch on a busy machine
      await withTimeout(queue.addBulk(jobs), timeoutMs * Math.ceil(jobs.length / 100), "enqueue");
    },

    async startWorker(handler, onDead, workerOpts = {}) {
      if (closing) throw new Error("queue is closed");
      if (worker) throw new Error("a worker is already running on this queue");
      worker = new Worker<JobData>(name, (job) => runJob(handler, job), {
        ...prefix,
        connection: { ...parsed.options, maxRetriesPerRequest: null, retryStrategy: reconnectDelay },
        concurrency: Math.max(1, workerOpts.concurrency ?? 1),
        lockDuration: opts.lockDurationMs ?? 15_000,
        stalledInterval: opts.stalledIntervalMs ?? 5_000,
        // after a failed Redis call (Redis down) the worker waits this long before fetching
        // again: BullMQ's 15 s would hold back recovery once Redis is back
        runRetryDelay: 1_000,
        settings: {
          // called with the thrown error, so a 429's Retry-After sets the delay
          backoffStrategy: (attemptsMade, _type, err) => {
            const decision = decideRetry(err, attemptsMade);
            return decision.retry ? decision.waitMs : -1;
          },
        },
      });
      worker.on("failed", (job, err) => onFailed(onDead, job, err));
      worker.on("error", (err) => log.warn({ err: err.message }, "worker error"));
      // connects (and reconnects) in the background: a worker started before Redis is up waits for it
    },

    onReconnect(listener) {
      reconnected.add(listener);
    },

    async counts() {
      const c = await withTimeout(queue.getJobCounts("waiting", "prioritized", "active", "delayed"), timeoutMs, "counts");
      return { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0 };
    },

    close() {
      closing ??= closeAll();
      return closing;
    },
  };

}

/**
 * Reconnect attempts every 200 ms growing to 1 s: ioredis-through-BullMQ's default grows to 20 s,
 * which left the queue unreachable for up to that long after Redis was back.
 */
function reconnectDelay(times: number): number {
  return Math.min(200 * times, 1000);
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms: Redis unreachable?`)), ms);
  });
  // a late failure of the abandoned call must not surface as an unhandled rejection
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
