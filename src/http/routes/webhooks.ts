// Webhook endpoints, served on node's request and response directly, in front of Express:
// they are the hot path (a helpdesk can send thousands a second) and need none of what
// Express adds (router, query parser, response helpers). Bytes are read raw (every helpdesk
// signs bytes, and a re-serialised body no longer matches); everything after that is
// src/pipeline/intake/receive.ts. A path under /webhooks/ that is not one of these is left to
// Express, which answers 404 in the API's error format.
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import zlib from "node:zlib";
import type { Connector, Provider, RawRequest } from "../../../connectors/types";
import type { Logger } from "../../logger";
import type { Metrics } from "../../metrics";
import { receiveWebhook, type ReceiveDeps, type Route } from "../../pipeline/intake/receive";

export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/** Answers the request and returns true if it is a webhook; false leaves it to the caller. */
export type WebhookHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export type WebhookHandlerOptions = { metrics?: Metrics; log?: Logger; bodyLimit?: number };

type Endpoint = {
  /** The route's label in metrics, in Express's notation. */
  label: string;
  method: "POST" | "HEAD";
  route: (installationId: string | undefined) => Route;
};

const PREFIX = "/webhooks/";
const NO_QUERY: Record<string, string | undefined> = Object.freeze({});

type Endpoints = Record<string, { shared?: Endpoint[]; perInstallation?: Endpoint }>;

/** provider segment → endpoints without and with an installation id in the path, as each connector declares them. */
export function endpointsOf(connectors: Partial<Record<Provider, Connector>>): Endpoints {
  const table: Endpoints = {};
  for (const connector of Object.values(connectors)) {
    if (!connector) continue;
    const provider = connector.provider;
    const routes = connector.facts.webhookRoutes;
    const label = `/webhooks/${provider}`;
    table[provider] = {
      ...(routes.shared
        ? {
            shared: routes.shared.methods.map((method): Endpoint => ({
              label,
              method,
              // HEAD is a URL check: answered 200, nothing routed
              route: () => (method === "POST" && routes.shared?.unknownAccountStatus ? { provider, unknownAccountStatus: routes.shared.unknownAccountStatus } : { provider }),
            })),
          }
        : {}),
      ...(routes.perInstallation ? { perInstallation: { label: `${label}/:installationId`, method: "POST", route: (installationId) => ({ provider, installationId }) } } : {}),
    };
  }
  return table;
}

export function webhookHandler(deps: ReceiveDeps, opts: WebhookHandlerOptions = {}): WebhookHandler {
  const limit = opts.bodyLimit ?? WEBHOOK_BODY_LIMIT;
  const log = opts.log ?? deps.log;
  const observe = opts.metrics ? requestMetrics(opts.metrics) : () => undefined;
  const endpoints = endpointsOf(deps.connectors);

  return (req, res) => {
    const url = req.url ?? "";
    if (url.length <= PREFIX.length || !url.slice(0, PREFIX.length).toLowerCase().startsWith(PREFIX)) return false;
    const q = url.indexOf("?");
    const match = matchEndpoint(endpoints, q < 0 ? url : url.slice(0, q), req.method ?? "");
    if (!match) return false;
    const { endpoint, installationId } = match;
    const started = performance.now();
    const answer = (status: number, body: Record<string, unknown> | null, close = false) => {
      sendJson(res, status, body, close);
      observe(endpoint, status, started);
    };

    if (endpoint.method === "HEAD") {
      answer(200, null);
      return true;
    }
    readBody(req, limit, (read) => {
      if (!read.ok) {
        if (!("aborted" in read)) answer(read.status, error(read.code, read.message), true);
        return;
      }
      const raw: RawRequest = { headers: headersOf(req), rawBody: read.body, query: q < 0 ? NO_QUERY : queryOf(url.slice(q + 1)) };
      receiveWebhook(deps, endpoint.route(installationId), raw).then(
        (result) => answer(result.status, result.body),
        (err: unknown) => {
          log.error({ err, route: endpoint.label }, "webhook handler failed");
          answer(500, error("internal", "internal error"));
        },
      );
    });
    return true;
  };
}

function matchEndpoint(endpoints: Endpoints, path: string, method: string): { endpoint: Endpoint; installationId?: string } | null {
  // Express's defaults, kept: case-insensitive fixed segments, one trailing slash allowed
  const rest = path.slice(PREFIX.length).replace(/\/$/, "");
  const slash = rest.indexOf("/");
  const provider = (slash < 0 ? rest : rest.slice(0, slash)).toLowerCase();
  const known = Object.hasOwn(endpoints, provider) ? endpoints[provider] : undefined;
  if (!known) return null;
  if (slash < 0) {
    const endpoint = known.shared?.find((e) => e.method === method);
    return endpoint ? { endpoint } : null;
  }
  const id = rest.slice(slash + 1);
  const endpoint = known.perInstallation;
  if (!endpoint || endpoint.method !== method || id === "" || id.includes("/")) return null;
  let installationId: string;
  try {
    installationId = decodeURIComponent(id);
  } catch {
    return null;
  }
  return { endpoint, installationId };
}

type BodyRead = { ok: true; body: Buffer } | { ok: false; status: number; code: string; message: string } | { ok: false; aborted: true };

const DECODERS: Record<string, (b: Buffer, o: zlib.ZlibOptions) => Buffer> = {
  gzip: zlib.gunzipSync,
  "x-gzip": zlib.gunzipSync,
  deflate: zlib.inflateSync,
  br: (b, o) => zlib.brotliDecompressSync(b, o as zlib.BrotliOptions),
};

/** The whole body, at most `limit` bytes once decoded; a callback, not a promise: one less allocation per request. */
function readBody(req: IncomingMessage, limit: number, done: (r: BodyRead) => void): void {
  const tooLarge = (): BodyRead => ({ ok: false, status: 413, code: "payload_too_large", message: `request body is larger than ${limit} bytes` });
  const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase();
  // own keys only: a content-encoding of "toString" must not find Object.prototype's
  const decode = encoding === "identity" ? null : Object.hasOwn(DECODERS, encoding) ? DECODERS[encoding] : undefined;
  if (decode === undefined) return done({ ok: false, status: 415, code: "unsupported_media_type", message: `content-encoding ${encoding} is not supported` });
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) return done(tooLarge());

  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (r: BodyRead) => {
    if (finished) return;
    finished = true;
    req.off("data", onData);
    done(r);
  };
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) {
      // answered now; node discards the rest, and the connection closes after the answer
      req.resume();
      return finish(tooLarge());
    }
    chunks.push(chunk);
  };
  req.on("data", onData);
  req.once("end", () => {
    const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
    if (!decode) return finish({ ok: true, body });
    try {
      finish({ ok: true, body: decode(body, { maxOutputLength: limit }) });
    } catch (err) {
      finish((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? tooLarge() : { ok: false, status: 400, code: "invalid_request", message: `request body is not valid ${encoding}` });
    }
  });
  // the client went away: nobody to answer
  req.once("error", () => finish({ ok: false, aborted: true }));
  req.once("close", () => {
    if (!req.complete) finish({ ok: false, aborted: true });
  });
}

function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  // Node already lower-cases header names and joins repeated headers into one string, all but
  // set-cookie: the object is used as it is unless that one is there (a copy per request is
  // measurable at thousands of webhooks a second).
  if (!req.headers["set-cookie"]) return req.headers as Record<string, string | undefined>;
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(",") : v;
  return headers;
}

function queryOf(search: string): Record<string, string | undefined> {
  const query: Record<string, string | undefined> = {};
  // a repeated key is ambiguous: it counts as absent
  for (const [k, v] of Object.entries(parseQuery(search))) query[k] = typeof v === "string" ? v : undefined;
  return query;
}

function sendJson(res: ServerResponse, status: number, body: Record<string, unknown> | null, close: boolean): void {
  if (body === null) {
    res.writeHead(status, close ? { "content-length": 0, connection: "close" } : { "content-length": 0 });
    res.end();
    return;
  }
  const json = JSON.stringify(body);
  const headers: Record<string, string | number> = { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json) };
  if (close) headers.connection = "close";
  res.writeHead(status, headers);
  res.end(json);
}

/** hm_http_* for webhook requests, with the labelled children looked up once, not per request. */
function requestMetrics(metrics: Metrics): (endpoint: Endpoint, status: number, started: number) => void {
  const durations = new Map<Endpoint, { observe(v: number): void }>();
  const counts = new Map<string, { inc(): void }>();
  return (endpoint, status, started) => {
    let duration = durations.get(endpoint);
    if (!duration) durations.set(endpoint, (duration = metrics.httpDuration.labels(endpoint.method, endpoint.label)));
    duration.observe((performance.now() - started) / 1000);
    const key = `${endpoint.method} ${endpoint.label} ${status}`;
    let count = counts.get(key);
    if (!count) counts.set(key, (count = metrics.httpRequests.labels(endpoint.method, endpoint.label, String(status))));
    count.inc();
  };
}

function error(code: string, message: string) {
  return { error: { code, message } };
}
