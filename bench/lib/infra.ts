// The backing services a benchmark runs on: PostgreSQL (DATABASE_URL, else the local server)
// and Redis (REDIS_URL, else the local server). Each run gets a database of its own, dropped
// and recreated, and a BullMQ queue name of its own, obliterated afterwards.
import { randomBytes } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
import { parseRedisUrl } from "../../src/queue/redis-url";

const LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres";
const LOCAL_REDIS = "redis://127.0.0.1:6379";
const PROBE_TIMEOUT_MS = 2_000;

export type Postgres = { url: string; version: string };
export type RedisInfo = { url: string; version: string };

/** The PostgreSQL server to use, or null when none answers. */
export async function findPostgres(): Promise<Postgres | null> {
  const url = process.env.DATABASE_URL || LOCAL_POSTGRES;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  try {
    await client.connect();
    const rows = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows;
    return { url, version: rows[0]!.v.split(" ")[0]! };
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The Redis server to use, or null when none answers. */
export async function findRedis(): Promise<RedisInfo | null> {
  const url = process.env.REDIS_URL || LOCAL_REDIS;
  const parsed = parseRedisUrl(url);
  if (!parsed.ok) return null;
  const redis = new Redis({ ...parsed.options, lazyConnect: true, connectTimeout: PROBE_TIMEOUT_MS, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    const info = await redis.info("server");
    return { url, version: /redis_version:([^\r\n]+)/.exec(info)?.[1] ?? "unknown" };
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}

/** Drops and creates `name` on the server; returns its URL. */
export async function freshDatabase(server: Postgres, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(server.url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(server: Postgres, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export function benchQueueName(bench: string): string {
  return `hm-bench-${bench}-${process.pid}-${randomBytes(3).toString("hex")}`;
}

/** Removes every key of the queue (jobs left waiting when the worker was off). */
export async function obliterateQueue(redis: RedisInfo, name: string): Promise<void> {
  const parsed = parseRedisUrl(redis.url);
  if (!parsed.ok) return;
  const queue = new Queue(name, { connection: { ...parsed.options, maxRetriesPerRequest: 1 } });
  queue.on("error", () => undefined);
  try {
    await queue.obliterate({ force: true, count: 5000 });
  } finally {
    await queue.close();
  }
}

export function describeDatabase(pgInfo: Postgres | null): string {
  return pgInfo ? `postgresql ${pgInfo.version}` : "embedded (pglite)";
}

export function describeQueue(redis: RedisInfo | null): string {
  return redis ? `bullmq (redis ${redis.version})` : "embedded";
}
