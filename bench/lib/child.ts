// Starts a server process for a benchmark (service.ts under tsx), waits until it listens, and
// talks to it over IPC: its CPU time, its inbox counts, stop. Its stdout goes to our stderr,
// so our stdout carries only JSON lines.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { ProfileSummary } from "./cpu-profile";
import type { CallCounts, DeliveryCounts, FromService, LoopDelay, Role, Stages, ToService } from "./service-protocol";

const REPO = path.resolve(__dirname, "..", "..");
const START_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 20_000;

export type ServiceChild = {
  role: Role;
  port: number;
  installationId: string | null;
  database: string;
  queue: string;
  /** CPU time (user + system) in ms since the process started. */
  cpuMs(): Promise<number>;
  deliveries(): Promise<DeliveryCounts>;
  calls(): Promise<CallCounts>;
  /** The event loop's delay since the previous call (which it resets). */
  loopDelay(): Promise<LoopDelay>;
  /** Where the acknowledgements' time went since the previous call (which resets it). */
  stages(): Promise<Stages>;
  /** Samples the process's CPU until the returned function is called. */
  profile(): Promise<() => Promise<ProfileSummary>>;
  stop(): Promise<void>;
};

export async function startService(role: Role, env: Record<string, string | undefined>): Promise<ServiceChild> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: undefined, REDIS_URL: undefined, LOG_LEVEL: "error", NODE_ENV: "production", ...env, BENCH_ROLE: role };
  for (const k of Object.keys(childEnv)) if (childEnv[k] === undefined) delete childEnv[k];
  const child = fork(path.join(__dirname, "service.ts"), [], {
    cwd: REPO,
    execArgv: ["--no-regexp-tier-up", "--import", "tsx"],
    env: childEnv,
    stdio: ["ignore", 2, 2, "ipc"],
  });
  const pending = new Map<number, (value: unknown) => void>();
  let nextId = 1;
  const ready = new Promise<Extract<FromService, { type: "ready" }>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${role} process did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    child.on("message", (msg: FromService) => {
      if (msg.type === "ready") {
        clearTimeout(timer);
        resolve(msg);
      } else if (msg.type === "failed") {
        clearTimeout(timer);
        reject(new Error(`${role} process failed: ${msg.message}`));
      } else if (msg.type === "reply") {
        pending.get(msg.id)?.(msg.value);
        pending.delete(msg.id);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${role} process exited (${code}) before it was ready`));
    });
  });
  let info: Extract<FromService, { type: "ready" }>;
  try {
    info = await ready;
  } catch (err) {
    kill(child);
    throw err;
  }

  const request = (cmd: ToService["cmd"]) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${role} process did not answer ${cmd}`));
      }, REQUEST_TIMEOUT_MS);
      pending.set(id, (v) => {
        clearTimeout(timer);
        resolve(v);
      });
      child.send({ id, cmd } satisfies ToService);
    });

  return {
    role,
    port: info.port ?? 0,
    installationId: info.installationId,
    database: info.database,
    queue: info.queue,
    async cpuMs() {
      const u = (await request("cpu")) as NodeJS.CpuUsage;
      return (u.user + u.system) / 1000;
    },
    deliveries: async () => (await request("deliveries")) as DeliveryCounts,
    calls: async () => (await request("calls")) as CallCounts,
    loopDelay: async () => (await request("loop-delay")) as LoopDelay,
    stages: async () => (await request("stages")) as Stages,
    async profile() {
      await request("profile-start");
      return async () => (await request("profile-stop")) as ProfileSummary;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      await request("stop").catch(() => undefined);
      const timer = setTimeout(() => kill(child), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function kill(child: ChildProcess): void {
  if (child.exitCode === null && child.pid) child.kill("SIGKILL");
}

/** Round trips per unit of work (request, ticket) between two readings of one or more processes. */
export function callsPer(before: CallCounts[], after: CallCounts[], units: number) {
  const per = (n: number) => Math.round((n / Math.max(1, units)) * 100) / 100;
  const statements: Record<string, number> = {};
  let sql = 0;
  let redis = 0;
  after.forEach((a, i) => {
    const b = before[i]!;
    sql += a.sql - b.sql;
    redis += a.redis - b.redis;
    for (const [k, n] of Object.entries(a.byStatement)) statements[k] = (statements[k] ?? 0) + n - (b.byStatement[k] ?? 0);
  });
  const byStatement = Object.fromEntries(
    Object.entries(statements)
      .filter(([, n]) => n > 0)
      .sort((x, y) => y[1] - x[1])
      .map(([k, n]) => [k, per(n)]),
  );
  return { sql_statements: per(sql), redis_commands: per(redis), sql_by_statement: byStatement };
}
