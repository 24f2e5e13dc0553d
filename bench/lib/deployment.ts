// Where a benchmark's server processes keep their state: a fresh PostgreSQL database (or an
// embedded store in a temporary directory) and a BullMQ queue of their own (or the embedded
// queue); cleaned up by dispose().
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { benchQueueName, describeDatabase, describeQueue, dropDatabase, freshDatabase, obliterateQueue, type Postgres, type RedisInfo } from "./infra";

export type Deployment = {
  /** Environment for service.ts (DATABASE_URL or DATA_DIR, REDIS_URL + BENCH_QUEUE, MASTER_KEY). */
  env: Record<string, string | undefined>;
  database: string;
  queue: string;
  dispose(): Promise<void>;
};

export async function createDeployment(name: string, postgres: Postgres | null, redis: RedisInfo | null, keepDb = false): Promise<Deployment> {
  const dbName = `hm_bench_${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `hm-bench-${name}-`));
  const queueName = benchQueueName(name);
  const databaseUrl = postgres ? await freshDatabase(postgres, dbName) : undefined;
  return {
    env: {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      REDIS_URL: redis?.url,
      BENCH_QUEUE: queueName,
      MASTER_KEY: randomBytes(32).toString("hex"),
    },
    database: describeDatabase(postgres),
    queue: describeQueue(redis),
    async dispose() {
      if (redis) await obliterateQueue(redis, queueName).catch(() => undefined);
      if (postgres && !keepDb) await dropDatabase(postgres, dbName).catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
