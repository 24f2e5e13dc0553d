// Child processes for the resilience tests: a private redis-server (stopping it disturbs no
// other test file) and `src/worker.ts` as a real process that a test can SIGKILL. Every child
// is killed when the test process exits, even after a failed test.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = path.resolve(__dirname, "../..");
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function track(child: ChildProcess): void {
  live.add(child);
  child.once("exit", () => live.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => {
      for (const c of live) c.kill("SIGKILL");
    });
  }
}

export type Child = {
  readonly pid: number;
  /** Exit code or signal once the process has ended, else null. */
  exited(): string | null;
  /** The last 20 kB the process wrote, for failure messages. */
  output(): string;
  /** Sends `signal` (unless already gone) and resolves when the process has ended. */
  stop(signal?: NodeJS.Signals): Promise<void>;
};

function wrap(child: ChildProcess, name: string): Child {
  let out = "";
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let ended: string | null = null;
  const gone = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      ended = signal ?? `code ${code}`;
      resolve();
    }),
  );
  child.once("error", (err) => {
    ended ??= `spawn error: ${err.message}`;
  });
  track(child);
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  const pid = child.pid;
  return {
    pid,
    exited: () => ended,
    output: () => out,
    async stop(signal = "SIGTERM") {
      if (ended === null) child.kill(signal);
      // a process that ignores SIGTERM gets SIGKILL after 5 s
      const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await gone;
      clearTimeout(force);
    },
  };
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One PING over a raw socket: true when Redis answers +PONG. */
function pingRedis(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (d) => done(d.toString().startsWith("+PONG")));
  });
}

export type PrivateRedis = { port: number; url: string; start(): Promise<void>; stop(): Promise<void> };

/**
 * A redis-server of our own on a free port, nothing persisted: stop() loses every job, as a
 * crashed Redis without persistence would. start() again reuses the same port.
 */
export async function createPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let server: Child | undefined;
  const redis: PrivateRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (server && server.exited() === null) return;
      const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      server = wrap(child, "redis-server");
      const deadline = Date.now() + 10_000;
      while (!(await pingRedis(port))) {
        if (server.exited() !== null || Date.now() > deadline) {
          throw new Error(`redis-server on port ${port} did not come up (${server.exited() ?? "no answer"}):\n${server.output()}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      await server?.stop("SIGTERM");
    },
  };
  await redis.start();
  return redis;
}

/**
 * `npm run worker` as a real process: node with tsx's loader, not the tsx CLI (the CLI runs
 * the script in a grandchild that a SIGKILL of the CLI would leave running). `env` is added
 * to this process's environment minus Jest's NODE_OPTIONS.
 */
export function startWorkerProcess(env: Record<string, string>): Child {
  return startServiceProcess("src/worker.ts", env);
}

/** `script` (src/worker.ts, src/main.ts) as a real process, as startWorkerProcess starts the worker. */
export function startServiceProcess(script: string, env: Record<string, string>): Child {
  const { NODE_OPTIONS: _jestOptions, ...inherited } = process.env;
  void _jestOptions;
  const child = spawn(
    process.execPath,
    ["--no-regexp-tier-up", "--import", pathToFileURL(require.resolve("tsx")).href, "--import", pathToFileURL(path.join(__dirname, "exit-with-parent.ts")).href, script],
    { cwd: ROOT, env: { ...inherited, ...env }, stdio: ["pipe", "pipe", "pipe"] },
  );
  return wrap(child, path.basename(script, ".ts"));
}
