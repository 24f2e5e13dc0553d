// A keep-alive HTTP load generator on node:http: a closed loop (C connections, each sends its
// next request when the previous answer is in: maximum throughput) and an open loop (requests
// started on a fixed schedule whatever the answers do: latency at a given rate). Bounded in
// time and in count; requests still in flight at the end get a grace period, then are aborted.
import http from "node:http";
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

/** C connections for `seconds`; throughput is completed / seconds. */
export async function closedLoop(
  port: number,
  next: () => OutgoingRequest,
  opts: { connections: number; seconds: number; maxRequests: number },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const result = emptyResult();
  const started = nowMs();
  const end = started + opts.seconds * 1000;
  const loop = async () => {
    while (nowMs() < end && result.sent < opts.maxRequests) {
      const r = next();
      result.sent++;
      const t0 = nowMs();
      const status = await sendOne(agent, port, r);
      record(result, status, nowMs() - t0);
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, loop));
  result.seconds = (nowMs() - started) / 1000;
  agent.destroy();
  return result;
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
