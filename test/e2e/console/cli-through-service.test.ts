// `npm start` on the embedded default and `npm run cli` beside it, as real processes: the CLI
// is served by the running service through the admin API (never opening the store itself),
// opens the store itself when nothing runs, and a store held by a CLI keeps `npm start` out.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { freePort } from "../../helpers/processes";
import { waitFor } from "../../helpers/pipeline";

// each process starts tsx and PGlite: slow on a busy machine
jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, "../../..");
const TSX = ["--import", pathToFileURL(require.resolve("tsx")).href, "--import", pathToFileURL(path.join(ROOT, "test/helpers/exit-with-parent.ts")).href];

function childEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // the embedded default in both CI runs: no DATABASE_URL, no REDIS_URL, no jest NODE_OPTIONS
  const { NODE_OPTIONS: _o, DATABASE_URL: _d, REDIS_URL: _r, ...env } = process.env;
  return { ...env, DATA_DIR: dataDir, LOG_LEVEL: "warn", ...extra };
}

type Proc = { out: () => string; code: Promise<number | null>; kill(signal?: NodeJS.Signals): void };
function run(script: string, args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, [...TSX, script, ...args], { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const code = new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  return { out: () => out, code, kill: (signal = "SIGTERM") => void child.kill(signal) };
}

async function cli(dataDir: string, ...args: string[]): Promise<{ code: number | null; out: string }> {
  const p = run("src/cli.ts", args, childEnv(dataDir));
  const code = await p.code;
  return { code, out: p.out().trim() };
}

describe("npm run cli beside npm start on the embedded store", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hm-cli-service-"));
  let service: Proc;
  let base: string;

  beforeAll(async () => {
    // A free port can be taken by another test between the probe and the listen: then try another.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      service = run("src/main.ts", [], childEnv(dataDir, { PORT: String(port), PUBLIC_URL: base }));
      const listening = () => service.out().includes("/console/link/") && fs.existsSync(path.join(dataDir, "service.json"));
      await waitFor(async () => listening() || service.out().includes("EADDRINUSE"), 180_000, "npm start to listen").catch((err) => {
        throw new Error(`${(err as Error).message}; it printed:\n${service.out()}`);
      });
      if (listening()) return;
      service.kill("SIGKILL");
      await service.code;
      if (attempt === 3) throw new Error(`npm start found its port taken three times; it printed:\n${service.out()}`);
    }
  });
  afterAll(async () => {
    service?.kill("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("records its loopback URL and an admin token in DATA_DIR, readable by its owner only", () => {
    const file = path.join(dataDir, "service.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const info = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(info.url).toBe(base);
    expect(info.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it("prints a one-time console link that signs the demo tenant in", async () => {
    const link = /(http:\/\/\S+\/console\/link\/\S+)/.exec(service.out())![1]!;
    const first = await fetch(link, { redirect: "manual" });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/console");
    const cookie = first.headers.get("set-cookie")!;
    expect(cookie).toMatch(/hm_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    const overview = await fetch(`${base}/console`, { headers: { cookie: cookie.split(";")[0]! } });
    expect(await overview.text()).toContain("<h1>Overview</h1>");
    expect((await fetch(link, { redirect: "manual" })).status).toBe(410);
  });

  it("tenants create --json prints a key the running service accepts at once", async () => {
    const r = await cli(dataDir, "tenants", "create", "--name", "X", "--json");
    expect(r.code).toBe(0);
    const created = JSON.parse(r.out);
    expect(created).toMatchObject({ name: "X", api_key: expect.stringMatching(/^mem_/), tenant_id: expect.stringMatching(/^tnt_/) });
    const me = await fetch(`${base}/v1/tenant`, { headers: { authorization: `ApiKey ${created.api_key}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { data: { name: string } }).data.name).toBe("X");
  });

  it("gives the same output and errors through the service as on its own, which it uses once the service stops", async () => {
    const listed = await cli(dataDir, "tenants", "list");
    const mistake = await cli(dataDir, "keys", "create", "--json");
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/\tDemo\tauto\n.*\tX\tauto$/);
    expect(mistake.code).toBe(2);
    expect(JSON.parse(mistake.out).error).toMatch(/^--tenant is required.*\nusage: npm run cli -- keys create/s);

    service.kill("SIGTERM");
    expect(await service.code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "service.json"))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "store.lock"))).toBe(false);
    // nothing runs: the CLI opens the store itself and finds what the service wrote
    expect(await cli(dataDir, "tenants", "list")).toEqual(listed);
    expect(await cli(dataDir, "keys", "create", "--json")).toEqual(mistake);
  });

  it("npm start refuses, with a clear message, while a CLI holds the store", async () => {
    const lock = path.join(dataDir, "store.lock");
    // this test process stands in for a CLI command that is running
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, role: "cli" }));
    try {
      const refused = run("src/main.ts", [], childEnv(dataDir, { PORT: String(await freePort()) }));
      expect(await refused.code).toBe(1);
      expect(refused.out()).toContain(`The embedded store in ${dataDir} is in use by \`npm run cli\` (pid ${process.pid}). Wait for it to finish, then start again.`);
      // and a CLI beside it waits its turn too
      const other = await cli(dataDir, "tenants", "list");
      expect(other.code).toBe(2);
      expect(other.out).toMatch(/another `npm run cli` \(pid \d+\) is using the embedded store/);
    } finally {
      fs.rmSync(lock, { force: true });
    }
  });
});
