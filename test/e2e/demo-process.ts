// `npm run demo` as a real process: a script written to its stdin (or a file), its output
// split into the blocks that follow each echoed input line.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

export type DemoRun = { code: number | null; stdout: string; stderr: string; dataDir: string };

/** Runs the demo on a fresh DATA_DIR; `script` goes to stdin (`--script -`) unless `scriptFile` is set. */
export async function runDemo(opts: { script: string; env?: Record<string, string>; viaFile?: boolean; timeoutMs?: number }): Promise<DemoRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hm-demo-"));
  // The demo must need nothing from the test's environment: no database, no model, no Jest flags.
  const { NODE_OPTIONS: _n, DATABASE_URL: _d, REDIS_URL: _r, LLM_BASE_URL: _l, LLM_API_KEY: _k, LLM_MODEL: _m, ...inherited } = process.env;
  void [_n, _d, _r, _l, _k, _m];
  let args = ["run", "-s", "demo", "--", "--script", "-"];
  if (opts.viaFile) {
    const file = path.join(dataDir, "script.txt");
    fs.writeFileSync(file, opts.script);
    args = ["run", "-s", "demo", "--", "--script", file];
  }
  // Its own process group, so a timeout can end npm, tsx and node together.
  const child = spawn("npm", args, { cwd: ROOT, env: { ...inherited, DATA_DIR: dataDir, ...opts.env }, stdio: ["pipe", "pipe", "pipe"], detached: true });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
  if (opts.viaFile) child.stdin.end();
  else child.stdin.end(opts.script);
  const timeoutMs = opts.timeoutMs ?? 240_000;
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
      reject(new Error(`demo did not finish within ${timeoutMs} ms\n${stdout.slice(-3000)}\n${stderr.slice(-2000)}`));
    }, timeoutMs);
    child.once("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  return { code, stdout, stderr, dataDir };
}

export type Turn = { input: string; body: string; lines: string[] };

/** The output after each echoed `you> ` line, in order. */
export function turnsOf(stdout: string): Turn[] {
  return stdout
    .split(/^you> /m)
    .slice(1)
    .map((chunk) => {
      const [input = "", ...lines] = chunk.split("\n");
      return { input: input.trim(), body: lines.join("\n"), lines };
    });
}

/** The reply the customer saw in a message's block. */
export function replyOf(turn: Turn): string {
  const line = turn.lines.find((l) => l.startsWith("agent> "));
  if (!line) throw new Error(`no reply after "${turn.input}":\n${turn.body}`);
  return line.slice("agent> ".length);
}

export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
