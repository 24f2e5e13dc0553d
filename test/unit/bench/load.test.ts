// The benchmarks' closed-loop load generator (raw keep-alive sockets) against a local node
// server: each answer is counted once with its status, whether it arrives in one piece or
// split across reads, and a connection the server closes ends that connection's loop.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { closedLoop } from "../../../bench/lib/load";

let server: Server;
let port: number;
const seen: Array<{ path: string; body: string; signature: string | undefined }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push({ path: req.url ?? "", body, signature: req.headers["x-signature"] as string | undefined });
      const n = Number(JSON.parse(body).n);
      if (req.url === "/split") {
        // head first, the body in two later writes. The second is scheduled from the first: two
        // timers of different delays set at once may fire out of order on a busy machine, and the
        // end written before the first part breaks the answer (it failed CI that way).
        res.writeHead(202, { "content-type": "application/json", "content-length": 14 });
        res.flushHeaders();
        setTimeout(() => {
          res.write('{"ok":');
          setTimeout(() => res.end(`"${String(n % 10)}0000"}`.slice(0, 8)), 2);
        }, 2);
        return;
      }
      if (req.url === "/close") {
        res.writeHead(503, { "content-length": 0, connection: "close" });
        res.end();
        return;
      }
      res.writeHead(n % 2 === 0 ? 200 : 401, { "content-type": "application/json", "content-length": 2 });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
});

const requests = (path: string) => {
  let n = 0;
  return () => {
    const body = JSON.stringify({ n: n++ });
    return { path, headers: { "content-type": "application/json", "x-signature": `sig-${n}` }, body };
  };
};

describe("closedLoop", () => {
  it("sends each request with its headers and body, and counts each answer once by status", async () => {
    const r = await closedLoop(port, requests("/plain"), { connections: 4, seconds: 5, maxRequests: 40 });
    expect(r.sent).toBe(40);
    expect(r.completed).toBe(40);
    expect(r.statuses).toEqual({ "200": 20, "401": 20 });
    expect(r.ok).toBe(20);
    expect(r.failed).toBe(20);
    expect(r.latencies).toHaveLength(40);
    expect(seen.map((s) => JSON.parse(s.body).n).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(seen.every((s) => s.signature === `sig-${JSON.parse(s.body).n + 1}`)).toBe(true);
  });

  it("waits for an answer split across reads before sending the next request on that connection", async () => {
    const r = await closedLoop(port, requests("/split"), { connections: 2, seconds: 5, maxRequests: 10 });
    expect(r.statuses).toEqual({ "202": 10 });
    expect(Math.min(...r.latencies)).toBeGreaterThanOrEqual(3);
  });

  it("a connection the server closes fails its next request and ends its loop", async () => {
    const r = await closedLoop(port, requests("/close"), { connections: 3, seconds: 5, maxRequests: 100 });
    // each connection: one 503 with connection: close, then one failed send
    expect(r.statuses).toEqual({ "503": 3, "0": 3 });
    expect(seen).toHaveLength(3);
  });
});
