// The job queue behind one small interface: BullMQ on Redis in production, the embedded
// driver when REDIS_URL is unset. A job is only a delivery id: the WebhookDelivery row in
// the database is the durable record, so a lost job is recovered by the sweeper.

export type JobOutcome = "done" | "skipped";

/** Runs one delivery. Throw to retry (the error decides how: see decideRetry). */
export type JobHandler = (deliveryId: string, attempt: number) => Promise<void>;

/** Called once when a delivery fails for good (not retryable, or out of attempts). */
export type DeadHandler = (deliveryId: string, error: Error, attempts: number) => Promise<void>;

export interface DeliveryQueue {
  readonly kind: "bullmq" | "embedded";
  /** Idempotent: job id = delivery id; enqueueing a delivery already waiting/active is a no-op. */
  enqueue(deliveryId: string, opts?: { delayMs?: number }): Promise<void>;
  /** enqueue() for many ids in one call (BullMQ: one round trip); all or nothing is not promised. */
  enqueueMany?(deliveryIds: string[]): Promise<void>;
  /** Start consuming (a worker). */
  startWorker(handler: JobHandler, onDead: DeadHandler, opts?: { concurrency?: number }): Promise<void>;
  /**
   * Calls `listener` each time the queue's store is reachable again after it was not (BullMQ:
   * Redis came back, maybe empty), with the deliveries this process is running at that moment.
   * The embedded queue never loses its store while it runs.
   */
  onReconnect?(listener: (info: { running: ReadonlySet<string> }) => void): void;
  /** Waiting + delayed + active counts (for /readyz and tests). */
  counts(): Promise<{ waiting: number; active: number; delayed: number }>;
  close(): Promise<void>;
}
