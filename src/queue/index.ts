// Picks the queue driver from the config: BullMQ when REDIS_URL is set, else the embedded one.
import type { Logger } from "../logger";
import { createBullmqQueue } from "./bullmq";
import { createEmbeddedQueue } from "./embedded";
import type { DeliveryQueue } from "./types";

export type { DeadHandler, DeliveryQueue, JobHandler, JobOutcome } from "./types";
export { decideRetry, MAX_ATTEMPTS, PermanentJobError } from "./retry";
export { createSweeper, type Sweeper } from "./sweeper";

export function createDeliveryQueue(opts: { redisUrl?: string; log?: Logger }): DeliveryQueue {
  return opts.redisUrl ? createBullmqQueue({ redisUrl: opts.redisUrl, log: opts.log }) : createEmbeddedQueue({ log: opts.log });
}
