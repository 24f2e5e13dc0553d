// A keep-alive HTTP load generator: a closed loop (C connections, each sends its
// next request when the previous answer is in: maximum throughput) and an open loop (requests
// started on a fixed schedule whatever the answers do: latency at a given rate, on node:http). Bounded in
// time and in count; requests still in flight at the end get a grace period, then are aborted.
import http from "node:http";
import net from "node:net";
import { nowMs } from "./report";

export type OutgoingRequest = { path: string; headers: Record<string, string>; body: string };

export type LoadResult = {
  seconds: number;
  sent: number;
  completed: number;
  ok: number;
  failed: number;
  statuses: Record<string, number>;
  /** Per completed request, ms from start of the request to the end of the response. */
  latencies: number[];
  /** Open loop only: how late each request started against its schedule, ms. */
  lag: number[];
  /** Open loop only: requests not started because `maxInFlight` were already waiting. */
  shed: number;
};

const REQUEST_TIMEOUT_MS = 10_000;
const DRAIN_MS = 10_000;

function sendOne(agent: http.Agent, port: number, r: OutgoingRequest): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: "127.0.0.1", port, method: "POST", path: r.path, agent, headers: { ...r.headers, "content-length": String(Buffer.byteLength(r.body)) } },
      (res) => {
        res.on("data", () => undefined);
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(0));
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve(0));
    req.end(r.body);
  });
}

function emptyResult(): LoadResult {
  return { seconds: 0, sent: 0, completed: 0, ok: 0, failed: 0, statuses: {}, latencies: [], lag: [], shed: 0 };
}

function record(result: LoadResult, status: number, latency: number): void {
  result.completed++;
  result.statuses[String(status)] = (result.statuses[String(status)] ?? 0) + 1;
  if (status >= 200 && status < 300) result.ok++;
  else result.failed++;
  result.latencies.push(latency);
}

/**
 * C connections for `seconds`; throughput is completed / seconds. Each connection is a raw
 * keep-alive socket writing pre-encoded HTTP/1.1 requests and reading just the status line and
 * content-length of each answer: node's http client cost this process about twice the CPU of
 * the server it measured, and on a machine of two cores that CPU is taken from the server.
 */
export async function closedLoop(
  port: number,
  next: () => OutgoingRequest,
  opts: { connections: number; seconds: number; maxRequests: number },
): Promise<LoadResult> {
  const result = emptyResult();
  const started = nowMs();
  const end = started + opts.seconds * 1000;
  const loop = async () => {
    const conn = await RawConnection.open(port).catch(() => null);
    try {
      while (nowMs() < end && result.sent < opts.maxRequests) {
        const r = next();
        result.sent++;
        const t0 = nowMs();
        const status = conn ? await conn.send(r) : 0;
        record(result, status, nowMs() - t0);
        if (status === 0) break;
      }
    } finally {
      conn?.close();
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, loop));
  result.seconds = (nowMs() - started) / 1000;
  return result;
}

const HEAD_END = Buffer.from("\r\n\r\n");
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;

/** One keep-alive HTTP/1.1 connection, one request at a time; an answer's status, or 0 when the connection failed. */
class RawConnection {
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: ((status: number) => void) | null = null;
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly socket: net.Socket,
    private readonly port: number,
  ) {
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.parse();
    });
    const fail = () => this.settle(0);
    socket.on("error", fail);
    socket.on("close", fail);
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => resolve(new RawConnection(socket, port)));
      socket.once("error", reject);
    });
  }

  send(r: OutgoingRequest): Promise<number> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.timer = setTimeout(() => {
        this.socket.destroy();
        this.settle(0);
      }, REQUEST_TIMEOUT_MS);
      const body = Buffer.from(r.body);
      let head = `POST ${r.path} HTTP/1.1\r\nhost: 127.0.0.1:${this.port}\r\ncontent-length: ${body.length}\r\n`;
      for (const [k, v] of Object.entries(r.headers)) if (k.toLowerCase() !== "content-length") head += `${k}: ${v}\r\n`;
      this.socket.write(Buffer.concat([Buffer.from(`${head}\r\n`), body]));
    });
  }

  close(): void {
    this.socket.destroy();
  }

  /** Settles the request in flight once its whole answer (head + content-length bytes) is in. */
  private parse(): void {
    const headEnd = this.buffered.indexOf(HEAD_END);
    if (headEnd < 0) return;
    const head = this.buffered.subarray(0, headEnd).toString("latin1");
    const length = Number(CONTENT_LENGTH.exec(head)?.[1] ?? 0);
    const total = headEnd + HEAD_END.length + length;
    if (this.buffered.length < total) return;
    this.buffered = this.buffered.subarray(total);
    this.settle(Number(head.slice(9, 12)) || 0);
  }

  private settle(status: number): void {
    clearTimeout(this.timer);
    const w = this.waiting;
    this.waiting = null;
    w?.(status);
  }
}

/** Starts `rate` requests per second for `seconds`; latency is per request from its actual start. */
export async function openLoop(
  port: number,
  next: () => OutgoingRequest,
  opts: { rate: number; seconds: number; maxInFlight: number },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.maxInFlight });
  const result = emptyResult();
  const total = Math.round(opts.rate * opts.seconds);
  const interval = 1000 / opts.rate;
  const inFlight = new Set<Promise<void>>();
  const started = nowMs();
  let issued = 0;
  while (issued < total) {
    const due = Math.min(total, Math.floor((nowMs() - started) / interval) + 1);
    while (issued < due) {
      const scheduled = started + issued * interval;
      issued++;
      if (inFlight.size >= opts.maxInFlight) {
        result.shed++;
        continue;
      }
      const r = next();
      result.sent++;
      const t0 = nowMs();
      result.lag.push(t0 - scheduled);
      const p = sendOne(agent, port, r).then((status) => {
        record(result, status, nowMs() - t0);
        inFlight.delete(p);
      });
      inFlight.add(p);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(interval, started + issued * interval - nowMs()))));
  }
  const sendingSeconds = (nowMs() - started) / 1000;
  await Promise.race([Promise.all([...inFlight]), new Promise((resolve) => setTimeout(resolve, DRAIN_MS))]);
  result.seconds = sendingSeconds;
  agent.destroy();
  return result;
}
