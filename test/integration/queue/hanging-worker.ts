// Child process for bullmq.test.ts: a worker that takes a job and never finishes it, so
// the test can SIGKILL it mid-job like a crashed or OOM-killed worker process.
import { createBullmqQueue } from "../../../src/queue/bullmq";

const queue = createBullmqQueue({
  redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  name: process.env.QUEUE_NAME,
  prefix: process.env.QUEUE_PREFIX,
  lockDurationMs: Number(process.env.LOCK_DURATION_MS),
  stalledIntervalMs: Number(process.env.STALLED_INTERVAL_MS),
});

// Never outlive the test: exit when the test process goes away (stdin closes) or after 60 s.
process.stdin.on("close", () => process.exit(2));
process.stdin.resume();
setTimeout(() => process.exit(3), 60_000).unref();

void queue.startWorker(
  async (deliveryId, attempt) => {
    process.stdout.write(`started ${deliveryId} ${attempt}\n`);
    await new Promise<never>(() => undefined);
  },
  async () => undefined,
);
