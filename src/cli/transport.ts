// Who may open the embedded store, and how the CLI reaches a running service. PGlite is one
// process's database: two processes opening the same DATA_DIR would corrupt it. So whoever
// opens it holds DATA_DIR/store.lock ({pid, role}); a running service also writes
// DATA_DIR/service.json (its loopback URL and a random admin token, mode 0600), and the CLI
// then sends its command to that service instead of opening the store. PostgreSQL needs none of this.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const STORE_LOCK = "store.lock";
export const SERVICE_FILE = "service.json";

export type LockHolder = { pid: number; role: "service" | "cli" };
export type ServiceInfo = { url: string; token: string; pid: number };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but is someone else's
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

/** Takes the store for this process, or returns the live process that holds it. A dead holder's lock is taken over. */
export function acquireStoreLock(dataDir: string, role: LockHolder["role"]): { ok: true; release(): void } | { ok: false; holder: LockHolder } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, STORE_LOCK);
  for (let tries = 0; tries < 5; tries++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, role } satisfies LockHolder), { flag: "wx", mode: 0o600 });
      return {
        ok: true,
        release() {
          if (readJson<LockHolder>(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const holder = readJson<LockHolder>(file);
    // a lock being written (empty for an instant) is retried; a crashed holder's is removed
    if (holder && typeof holder.pid === "number" && alive(holder.pid)) return { ok: false, holder };
    if (holder || tries > 2) fs.rmSync(file, { force: true });
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  throw new Error(`cannot take ${file}: remove it if no helpdesk-memory process runs`);
}

/** Written by the service once it listens; readable by its owner only. */
export function writeServiceInfo(dataDir: string, info: Omit<ServiceInfo, "pid">): () => void {
  const file = path.join(dataDir, SERVICE_FILE);
  const tmp = `${file}.${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify({ ...info, pid: process.pid } satisfies ServiceInfo), { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
  return () => {
    if (readJson<ServiceInfo>(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
}

export function newAdminToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The running service's address, waiting a little for one that holds the lock but is still starting. */
export async function waitForServiceInfo(dataDir: string, holderPid: number, timeoutMs = 30_000): Promise<ServiceInfo | null> {
  const file = path.join(dataDir, SERVICE_FILE);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = readJson<ServiceInfo>(file);
    if (info && info.pid === holderPid && typeof info.url === "string" && typeof info.token === "string") return info;
    if (Date.now() > deadline || !alive(holderPid)) return null;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export type RemoteResult = { ok: true; json: object; text: string } | { ok: false; message: string; usage: boolean };

/** Runs one CLI command in the running service (POST /v1/admin/commands with the admin token). */
export async function runRemoteCommand(info: ServiceInfo, command: string, flags: Record<string, unknown>): Promise<RemoteResult> {
  const res = await fetch(`${info.url}/v1/admin/commands`, {
    method: "POST",
    headers: { authorization: `Bearer ${info.token}`, "content-type": "application/json" },
    body: JSON.stringify({ command, flags }),
  });
  // the /v1 envelope: {data: {json, text}}, or {error, code, details: {message, field}}
  const body = (await res.json().catch(() => null)) as { data?: { json?: object; text?: unknown }; error?: string; details?: { message?: string } } | null;
  const data = body?.data;
  if (res.ok && data?.json && typeof data.text === "string") return { ok: true, json: data.json, text: data.text };
  // the commands route answers 400 only for a usage mistake, the CLI's own message
  return { ok: false, message: body?.details?.message ?? `the service answered ${res.status}`, usage: res.status === 400 && body?.error === "invalid_request" };
}
