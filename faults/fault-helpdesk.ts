// The fake Zendesk of the tests (test/helpers/fake-zendesk.ts) over HTTP on 127.0.0.1, with
// faults injected while `storm` is on: 429 with Retry-After, 500s, and timeouts. A timed-out
// note PUT takes effect before the answer is withheld (the note is in the ticket, the worker
// never hears so): the case where a retry must find its own note instead of posting again.
import http from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { FakeZendesk } from "../test/helpers/fake-zendesk";
import type { Rng } from "../bench/lib/rng";

// the helper loads nock, which hooks node:http on import: our own requests must go untouched
if (nock.isActive()) nock.restore();

export type FaultRates = { rateLimited: number; serverError: number; timeout: number };
export type FaultCounts = { requests: number; rate_limited_429: number; server_error_500: number; timeouts: number };

/** How long a timed-out request is held before its socket is dropped (longer than the connector waits). */
const HOLD_MS = 20_000;

export class FaultyZendesk extends FakeZendesk {
  /** Faults are injected only while on. */
  storm = false;
  readonly counts: FaultCounts = { requests: 0, rate_limited_429: 0, server_error_500: 0, timeouts: 0 };

  constructor(
    private readonly rng: Rng,
    private readonly rates: FaultRates,
  ) {
    super();
  }

  /** Notes per ticket, as the helpdesk holds them (timed-out PUTs included). */
  maxNotesPerTicket(): { max: number; tickets_with_more_than_one: number } {
    const per = new Map<number, number>();
    for (const n of this.notes) per.set(n.ticketId, (per.get(n.ticketId) ?? 0) + 1);
    let max = 0;
    let over = 0;
    for (const n of per.values()) {
      max = Math.max(max, n);
      if (n > 1) over++;
    }
    return { max, tickets_with_more_than_one: over };
  }

  private pickFault(): "429" | "500" | "timeout" | null {
    if (!this.storm) return null;
    const r = this.rng.next();
    if (r < this.rates.rateLimited) return "429";
    if (r < this.rates.rateLimited + this.rates.serverError) return "500";
    if (r < this.rates.rateLimited + this.rates.serverError + this.rates.timeout) return "timeout";
    return null;
  }

  async serve(): Promise<{ url: string; close(): Promise<void> }> {
    const held = new Set<http.ServerResponse>();
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        this.counts.requests++;
        const raw = Buffer.concat(chunks).toString("utf8");
        const { port } = server.address() as AddressInfo;
        const method = req.method ?? "GET";
        const fault = this.pickFault();
        if (fault === "429") {
          this.counts.rate_limited_429++;
          res.writeHead(429, { "content-type": "application/json", "retry-after": String(1 + Math.floor(this.rng.next() * 2)) });
          res.end(JSON.stringify({ error: "APIRateLimitExceeded" }));
          return;
        }
        if (fault === "500") {
          this.counts.server_error_500++;
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: "InternalError" }));
          return;
        }
        let reply: { status: number; headers?: Record<string, string>; body: unknown };
        try {
          reply = this.handle(method, `http://127.0.0.1:${port}${req.url ?? "/"}`, raw ? JSON.parse(raw) : undefined);
        } catch {
          reply = { status: 400, body: { error: "InvalidJSON" } };
        }
        // the request log is for tests; a long run would only grow it
        this.requests.length = 0;
        if (fault === "timeout") {
          this.counts.timeouts++;
          held.add(res);
          setTimeout(() => {
            held.delete(res);
            res.destroy();
          }, HOLD_MS).unref();
          return;
        }
        res.writeHead(reply.status, { "content-type": "application/json", ...(reply.headers ?? {}) });
        res.end(JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      close: () =>
        new Promise((resolve) => {
          for (const r of held) r.destroy();
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }
}
