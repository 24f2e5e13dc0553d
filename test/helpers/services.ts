// Which backing services this test run has: PostgreSQL (DATABASE_URL), Redis (REDIS_URL, else
// the local default) and the redis-server program (the resilience tests start their own).
// global-setup.ts probes them once and hands the answer to every test file through the
// environment; a test that needs a missing one skips and says why, and global-teardown.ts
// lists the skips at the end of the run. With REQUIRE_SERVICES=1 (CI) a missing service
// fails the run in global setup instead, so nothing is skipped silently there.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import net from "node:net";
import tls from "node:tls";
import pg from "pg";
import { parseRedisUrl, type RedisConnectionOptions } from "../../src/queue/redis-url";

export const LOCAL_REDIS_URL = "redis://127.0.0.1:6379";
const PROBE_TIMEOUT_MS = 2_000;
const STATE_ENV = "HM_TEST_SERVICES";
const SKIPS_ENV = "HM_TEST_SKIPS_FILE";

export type ServiceName = "postgres" | "redis" | "redis-server";

/** What one probe found: the service answers (at `url`), or why it cannot be used. */
export type ServiceState = { ok: true; url?: string } | { ok: false; reason: string };
export type ServiceStates = Record<ServiceName, ServiceState>;

async function probePostgres(url: string | undefined): Promise<ServiceState> {
  // no DATABASE_URL is a choice (the embedded store), not a missing server
  if (!url) return { ok: false, reason: "DATABASE_URL is not set (this run uses the embedded store)" };
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return { ok: true, url };
  } catch (err) {
    return { ok: false, reason: `PostgreSQL does not answer at ${redact(url)} (${errorText(err)})` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function probeRedis(url: string): Promise<ServiceState> {
  const parsed = parseRedisUrl(url);
  if (!parsed.ok) return { ok: false, reason: parsed.message };
  const answer = await pingRedis(parsed.options);
  return answer === "ok" ? { ok: true, url } : { ok: false, reason: `Redis does not answer at ${redact(url)} (${answer})` };
}

/**
 * AUTH (when the URL has a password) and PING over a plain socket: "ok" on +PONG, else why
 * not. Not ioredis: a client that failed to connect keeps a timer for seconds after close.
 */
function pingRedis(o: RedisConnectionOptions): Promise<string> {
  return new Promise((resolve) => {
    const socket = o.tls ? tls.connect({ host: o.host, port: o.port, servername: o.host }) : net.connect(o.port, o.host);
    let buffered = "";
    const done = (answer: string) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done("no answer within 2 s"));
    socket.once("error", (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
    socket.once(o.tls ? "secureConnect" : "connect", () => {
      const auth = o.password ? resp(o.username ? ["AUTH", o.username, o.password] : ["AUTH", o.password]) : "";
      socket.write(`${auth}${resp(["PING"])}`);
    });
    socket.on("data", (d: Buffer) => {
      buffered += d.toString("utf8");
      const lines = buffered.split("\r\n").filter(Boolean);
      const error = lines.find((l) => l.startsWith("-"));
      if (error) done(error.slice(1).split(" ")[0] ?? "error");
      else if (lines.includes("+PONG")) done("ok");
    });
  });
}

function resp(args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`;
}

function probeRedisServer(): ServiceState {
  const r = spawnSync("redis-server", ["--version"], { encoding: "utf8", timeout: PROBE_TIMEOUT_MS });
  return r.status === 0 ? { ok: true } : { ok: false, reason: `the redis-server program is not available (${r.error?.message ?? `exit ${r.status}`})` };
}

export async function probeServices(env: NodeJS.ProcessEnv): Promise<ServiceStates> {
  const [postgres, redis] = await Promise.all([probePostgres(env.DATABASE_URL || undefined), probeRedis(env.REDIS_URL || LOCAL_REDIS_URL)]);
  return { postgres, redis, "redis-server": probeRedisServer() };
}

/** Under REQUIRE_SERVICES=1, what is missing (an unset DATABASE_URL is the embedded pass, not missing). */
export function missingRequired(states: ServiceStates, env: NodeJS.ProcessEnv): string[] {
  if (env.REQUIRE_SERVICES !== "1") return [];
  const missing: string[] = [];
  if (env.DATABASE_URL && !states.postgres.ok) missing.push(states.postgres.reason);
  if (!states.redis.ok) missing.push(states.redis.reason);
  if (!states["redis-server"].ok) missing.push(states["redis-server"].reason);
  return missing;
}

/** Called by global setup: what every test file will read. */
export function publishServices(states: ServiceStates, skipsFile: string): void {
  process.env[STATE_ENV] = JSON.stringify(states);
  process.env[SKIPS_ENV] = skipsFile;
}

function states(): ServiceStates {
  const raw = process.env[STATE_ENV];
  // run without the global setup (a single file through another runner): assume the defaults
  if (!raw) return { postgres: process.env.DATABASE_URL ? { ok: true, url: process.env.DATABASE_URL } : { ok: false, reason: "DATABASE_URL is not set" }, redis: { ok: true, url: process.env.REDIS_URL || LOCAL_REDIS_URL }, "redis-server": { ok: true } };
  return JSON.parse(raw) as ServiceStates;
}

export function serviceState(name: ServiceName): ServiceState {
  return states()[name];
}

/** The Redis the tests use (REDIS_URL, else the local default), or null when it does not answer. */
export function testRedisUrl(): string | null {
  const s = serviceState("redis");
  return s.ok ? (s.url ?? null) : null;
}

/** REDIS_URL when it is set and answers: the tests that run "on Redis when REDIS_URL is set". */
export function configuredRedisUrl(): string | null {
  return process.env.REDIS_URL ? testRedisUrl() : null;
}

/** DATABASE_URL when it is set and answers, else null (the tests use the embedded store). */
export function testDatabaseUrl(): string | null {
  const s = serviceState("postgres");
  return s.ok ? (s.url ?? null) : null;
}

/** Records that part of the current test file did not run, and why (listed at the end of the run). */
export function noteSkipped(what: string, reason: string): void {
  const file = process.env[SKIPS_ENV];
  const testPath = (expect.getState().testPath as string | undefined) ?? "?";
  const line = JSON.stringify({ file: path.relative(process.cwd(), testPath), what, reason });
  if (file) fs.appendFileSync(file, `${line}\n`);
}

/**
 * `describe` when every service in `needs` answers, else `describe.skip` with the reason
 * recorded: `describeWith(["redis"])("BullMQ driver", () => …)`.
 */
export function describeWith(needs: ServiceName[]): jest.Describe {
  const missing = needs.map((n) => serviceState(n)).filter((s): s is Extract<ServiceState, { ok: false }> => !s.ok);
  if (missing.length === 0) return describe;
  const run = ((name: string, fn: () => void) => {
    noteSkipped(`skipped "${name}"`, missing.map((m) => m.reason).join("; "));
    describe.skip(name, fn);
  }) as unknown as jest.Describe;
  return run;
}

/** Reads (and removes) the skips recorded during the run; one entry per distinct file + reason. */
export function takeSkips(skipsFile: string): Array<{ file: string; what: string; reason: string }> {
  let text = "";
  try {
    text = fs.readFileSync(skipsFile, "utf8");
    fs.rmSync(skipsFile, { force: true });
  } catch {
    return [];
  }
  const seen = new Map<string, { file: string; what: string; reason: string }>();
  for (const line of text.split("\n").filter(Boolean)) {
    const s = JSON.parse(line) as { file: string; what: string; reason: string };
    seen.set(`${s.file}\u0000${s.what}\u0000${s.reason}`, s);
  }
  return [...seen.values()].sort((a, b) => a.file.localeCompare(b.file));
}

function errorText(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return e?.code ?? e?.message ?? String(err);
}

/** A URL without its password, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable URL)";
  }
}

/** `items` when `need` answers, else none, with the skip recorded: cases of a `describe.each` that need a service. */
export function whenAvailable<T>(need: ServiceName, what: string, items: T[]): T[] {
  const s = serviceState(need);
  if (s.ok) return items;
  noteSkipped(`skipped ${what}`, s.reason);
  return [];
}
