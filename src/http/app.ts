// The HTTP app: /v1 API behind API keys, health, readiness and metrics on Express, with the
// webhook endpoints (routes/webhooks.ts) answered ahead of it on node's own request and
// response. Everything it needs is passed in, so tests build the real thing on a test database.
import type { RequestListener } from "node:http";
import express from "express";
import type { Database } from "../db/client";
import type { Logger } from "../logger";
import type { MemoryEngine } from "../memory/engine";
import type { Metrics } from "../metrics";
import { adminRouter } from "./admin/router";
import type { AdminDeps } from "./admin/deps";
import { requireApiKey } from "./auth";
import { requestIds } from "./envelope";
import { ApiError, errorHandler, webhookError } from "./errors";
import { customersRouter } from "./v1/customers";
import { memoriesRouter } from "./v1/memories";
import { tenantRouter } from "./v1/tenant";
import { consoleRouter } from "./console/router";
import { createConsoleSessions } from "./console/sessions";
import type { WebhookHandler } from "./routes/webhooks";
import { installRouter, type InstallRoutesDeps } from "./install/routes";

export type AppDeps = {
  db: Database;
  engine: MemoryEngine;
  log: Logger;
  metrics: Metrics;
  maxBodyBytes: number;
  clock?: () => Date;
  /** The webhook endpoints (routes/webhooks.ts), served ahead of Express. */
  webhooks?: WebhookHandler;
  onForget?: (tenantId: string, externalUserId: string) => Promise<number>;
  /** GET /install/:provider and the OAuth callbacks (install/routes.ts). */
  install?: InstallRoutesDeps;
  /** The console at /console and the admin API at /v1/admin; without it neither is served. */
  admin?: Omit<AdminDeps, "db" | "log" | "onForget" | "sessions"> & { sessions?: AdminDeps["sessions"]; secureCookies?: boolean };
};

/** The service's request listener: `http.createServer(createApp(deps))`, or supertest's `request(app)`. */
export function createApp(deps: AppDeps): RequestListener {
  const app = express();
  const clock = deps.clock ?? (() => new Date());
  app.disable("x-powered-by");
  app.set("query parser", "simple");

  app.use((req, res, next) => {
    const end = deps.metrics.httpDuration.startTimer();
    res.on("finish", () => {
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : "unmatched";
      end({ method: req.method, route });
      deps.metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  });

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      await deps.db.sql.query("SELECT 1");
      res.json({ status: "ready", database: deps.db.kind });
    } catch {
      res.status(503).json({ status: "unavailable", database: deps.db.kind });
    }
  });
  app.get("/metrics", async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

  if (deps.admin) {
    const admin: AdminDeps = { ...deps.admin, db: deps.db, log: deps.log, onForget: deps.onForget, sessions: deps.admin.sessions ?? createConsoleSessions() };
    // mounted ahead of /v1: the admin API has its own callers (a console session, the operator token)
    app.use("/v1/admin", adminRouter(admin, { maxBodyBytes: deps.maxBodyBytes, clock }));
    app.use("/console", consoleRouter(admin, { secureCookies: deps.admin.secureCookies ?? admin.publicUrl.startsWith("https:"), clock }));
  }

  // The MemoryOS wire API: request id first, so even a refused key's answer carries one.
  const v1 = express.Router();
  v1.use(requestIds());
  v1.use(requireApiKey(deps.db));
  v1.use(express.json({ limit: deps.maxBodyBytes, type: () => true }));
  v1.use(tenantRouter({ db: deps.db, clock }));
  v1.use(memoriesRouter({ db: deps.db, engine: deps.engine, metrics: deps.metrics, clock }));
  v1.use(customersRouter({ db: deps.db, metrics: deps.metrics, clock, onForget: deps.onForget }));
  v1.use((req, _res, next) => next(new ApiError("not_found", `no route ${req.method} /v1${req.path}`)));
  v1.use(errorHandler(deps.log));
  app.use("/v1", v1);
  if (deps.install) app.use(installRouter(deps.install));

  // Outside /v1 (webhook paths with the wrong method, typos) the answer keeps the shape the
  // helpdesks have always seen.
  app.use((req, res) => {
    const answer = webhookError("not_found", `no route ${req.method} ${req.path}`);
    res.status(answer.status).json(answer.body);
  });
  app.use(errorHandler(deps.log));

  const webhooks = deps.webhooks;
  if (!webhooks) return app;
  return (req, res) => {
    if (!webhooks(req, res)) void app(req, res);
  };
}
