// Webhook endpoints. Bytes are captured raw (every helpdesk signs bytes, and a re-serialised
// body no longer matches); everything after that is src/pipeline/receive.ts.
import express, { Router, type Request, type Response } from "express";
import type { Provider, RawRequest } from "../../../connectors/types";
import { receiveWebhook, type ReceiveDeps, type Route } from "../../pipeline/receive";

export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

const NO_QUERY: Record<string, string | undefined> = Object.freeze({});

function rawRequest(req: Request): RawRequest {
  // Node already lower-cases header names and joins repeated headers into one string, all but
  // set-cookie: the object is used as it is unless that one is there (a copy per request is
  // measurable at thousands of webhooks a second).
  let headers = req.headers as Record<string, string | undefined>;
  if (req.headers["set-cookie"]) {
    headers = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(",") : v;
  }
  let query = NO_QUERY;
  if (req.url.includes("?")) {
    query = {};
    for (const [k, v] of Object.entries(req.query)) query[k] = typeof v === "string" ? v : undefined;
  }
  return { headers, rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), query };
}

/** res.json() without what a webhook answer does not need (an ETag hashed over the body, a freshness check). */
function sendJson(res: Response, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json) });
  res.end(json);
}

export function webhooksRouter(deps: ReceiveDeps): Router {
  const router = Router();
  router.use(express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }));

  const handle = (route: (req: Request) => Route) => async (req: Request, res: Response) => {
    const result = await receiveWebhook(deps, route(req), rawRequest(req));
    sendJson(res, result.status, result.body);
  };
  const perInstallation = (provider: Provider) => (req: Request): Route => ({ provider, installationId: String(req.params.installationId) });

  router.post("/zendesk/:installationId", handle(perInstallation("zendesk")));
  // Intercom validates the URL with HEAD and counts error answers toward pausing the subscription.
  router.head("/intercom", (_req, res) => void res.status(200).end());
  router.post("/intercom", handle(() => ({ provider: "intercom", unknownAccountStatus: 200 })));
  router.post("/crisp", handle(() => ({ provider: "crisp", unknownAccountStatus: 200 })));
  router.post("/crisp/:installationId", handle(perInstallation("crisp")));
  return router;
}
