// Webhook endpoints. Bytes are captured raw (every helpdesk signs bytes, and a re-serialised
// body no longer matches); everything after that is src/pipeline/receive.ts.
import express, { Router, type Request, type Response } from "express";
import type { Provider, RawRequest } from "../../../connectors/types";
import type { PipelineDeps } from "../../pipeline/deps";
import { receiveWebhook, type Route } from "../../pipeline/receive";

export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

function rawRequest(req: Request): RawRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(",") : v;
  const query: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.query)) query[k] = typeof v === "string" ? v : undefined;
  return { headers, rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), query };
}

export function webhooksRouter(deps: PipelineDeps): Router {
  const router = Router();
  router.use(express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }));

  const handle = (route: (req: Request) => Route) => async (req: Request, res: Response) => {
    const result = await receiveWebhook(deps, route(req), rawRequest(req));
    res.status(result.status).json(result.body);
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
