// One request to the API under test, over a keep-alive agent: its status (0 when there was no
// answer) and body. Raw bytes, any method and headers: the fuzz phase sends what a client would not.
import http from "node:http";

export type Answer = { status: number; body: string; ms: number };

const TIMEOUT_MS = 10_000;

export function createClient(baseUrl: string, sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const base = new URL(baseUrl);
  return {
    send(method: string, path: string, headers: Record<string, string>, body?: Buffer | string): Promise<Answer> {
      const t0 = performance.now();
      return new Promise((resolve) => {
        const bytes = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8");
        const req = http.request(
          { host: base.hostname, port: base.port, method, path, agent, headers: { ...headers, ...(bytes ? { "content-length": String(bytes.length) } : {}) } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - t0 }));
            res.on("error", () => resolve({ status: 0, body: "", ms: performance.now() - t0 }));
          },
        );
        req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error("timeout")));
        // an oversized body may be answered (413) and the socket closed before it is all sent
        req.on("error", () => resolve({ status: 0, body: "", ms: performance.now() - t0 }));
        req.end(bytes);
      });
    },
    close: () => agent.destroy(),
  };
}

export type Client = ReturnType<typeof createClient>;

/** Runs `task(i)` for i in [0, n) on `lanes` concurrent lanes. */
export async function inLanes(n: number, lanes: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, n) }, async () => {
      while (next < n) await task(next++);
    }),
  );
}
