// `npm run worker`: processes webhook deliveries from the BullMQ queue (REDIS_URL) without
// serving HTTP, so the API and the workers scale apart. Also runs the sweeper.
import { loadConfigOrExit } from "./config";
import { createLogger } from "./logger";
import { createPipelineRuntime } from "./pipeline/runtime";
import { createServices } from "./services";

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.redisUrl) {
    console.error("REDIS_URL is required for a separate worker; without it `npm start` runs the worker in-process.");
    process.exit(2);
  }
  const log = createLogger(config.logLevel).child({ process: "worker" });
  const services = await createServices(config, log);
  const pipeline = createPipelineRuntime(services);
  await pipeline.startWorker({ concurrency: config.workerConcurrency });
  log.info({ concurrency: config.workerConcurrency, database: services.db.kind }, "worker started");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "worker shutting down");
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    await pipeline.close().catch((err) => log.error({ err }, "queue close failed"));
    await services.db.close().catch(() => undefined);
    clearTimeout(force);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

void main().catch((err) => {
  console.error("worker start-up failed:", err instanceof Error ? err.message : err);
  process.exit(1);
});
