// The JSON admin API under /v1/admin, shared by the console (session cookie + X-CSRF-Token on
// every change) and the CLI (the operator token, when a service runs on the embedded store).
// A tenant API key works too, for scripts. Tenant routes act only on the caller's tenant.
// Answers are the /v1 envelope (`data`, `request_id`, `timestamp`); errors come from the one
// table in ../errors.ts, a 400 or 422 naming its field.
import express, { Router, type Request, type Response } from "express";
import { supportStats } from "../../memory/store";
import { requestIds, sendOk } from "../envelope";
import { ApiError, errorHandler } from "../errors";
import { sameToken } from "../console/sessions";
import { deliveryDetail, listDeliveries, parseDeliveryFilter, replayDelivery, replayMatching } from "./deliveries";
import type { AdminDeps } from "./deps";
import { installationCards } from "./installations";
import { createApiKey, keyLabel, listApiKeys, revokeTenantKey } from "./keys";
import { parseCustomerSearch, searchCustomers } from "./customers";
import { principalOf, type Principal } from "./principal";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export function adminRouter(deps: AdminDeps, opts: { maxBodyBytes: number; clock: () => Date }): Router {
  const router = Router();
  const { db } = deps;
  const ok = (res: Response, data: object, status = 200) => sendOk(res, opts.clock, { data }, status);

  router.use(requestIds());
  router.use(async (req, res, next) => {
    const p = await principalOf(deps, req);
    if (!p) return next(new ApiError("unauthorized", "sign in to the console, or send `Authorization: ApiKey mem_...`"));
    // a cookie is sent by the browser on its own: a change made with one must prove it came from our page
    if (p.kind === "session" && !SAFE.has(req.method) && !sameToken(req.get("x-csrf-token"), p.session.csrf)) {
      return next(new ApiError("forbidden", "missing or wrong CSRF token: send the X-CSRF-Token header of the console page"));
    }
    res.locals.principal = p;
    next();
  });
  router.use(express.json({ limit: opts.maxBodyBytes, type: () => true }));

  router.post("/commands", async (req, res) => {
    if ((res.locals.principal as Principal).kind !== "operator") throw new ApiError("forbidden", "CLI commands need the operator token");
    const body = (req.body ?? {}) as { command?: unknown; flags?: unknown };
    const cmd = typeof body.command === "string" ? deps.commands?.[body.command] : undefined;
    if (!cmd) throw new ApiError("not_found", `no command ${JSON.stringify(body.command)}`, "command");
    const flags = body.flags && typeof body.flags === "object" && !Array.isArray(body.flags) ? (body.flags as Record<string, string | boolean>) : {};
    try {
      ok(res, await cmd.run(db, flags));
    } catch (err) {
      // a usage mistake is the CLI's own message: handed back as it would have printed it, a 400
      // naming the flag it starts with (`--name is required: ...`)
      if (err instanceof Error && err.name === "CliUsageError") throw new ApiError("invalid_request", err.message, usageField(err.message));
      throw err;
    }
  });

  const tenantOf = (res: Response): string => {
    const p = res.locals.principal as Principal;
    if (p.kind === "operator") throw new ApiError("forbidden", "this route acts on one tenant: call it with a console session or the tenant's API key");
    return p.tenant.id;
  };
  const param = (req: Request, name: string) => String(req.params[name] ?? "");

  router.get("/overview", async (req, res) => {
    ok(res, await supportStats(db, tenantOf(res), 30, opts.clock()));
  });
  router.get("/deliveries", async (req, res) => {
    ok(res, await listDeliveries(db, tenantOf(res), parseDeliveryFilter(req.query)));
  });
  router.post("/deliveries/replay", async (req, res) => {
    const { page: _page, ...filter } = parseDeliveryFilter(req.body ?? {}, "body");
    ok(res, { replayed: await replayMatching(db, tenantOf(res), filter) });
  });
  router.get("/deliveries/:id", async (req, res) => {
    const d = await deliveryDetail(db, tenantOf(res), param(req, "id"));
    if (!d) throw new ApiError("not_found", `no delivery ${param(req, "id")}`, "delivery_id");
    ok(res, d);
  });
  router.post("/deliveries/:id/replay", async (req, res) => {
    if (!(await replayDelivery(db, tenantOf(res), param(req, "id")))) throw new ApiError("not_found", `no dead or skipped delivery ${param(req, "id")}`, "delivery_id");
    ok(res, { delivery_id: param(req, "id"), status: "received" });
  });
  router.get("/installations", async (_req, res) => {
    ok(res, { installations: await installationCards(db, tenantOf(res), deps.publicUrl, deps.masterKey) });
  });
  router.get("/customers", async (req, res) => {
    ok(res, await searchCustomers(db, tenantOf(res), parseCustomerSearch(req.query)));
  });
  router.get("/keys", async (_req, res) => {
    ok(res, { keys: await listApiKeys(db, tenantOf(res)) });
  });
  router.post("/keys", async (req, res) => {
    const tenantId = tenantOf(res);
    ok(res, { tenant_id: tenantId, ...(await createApiKey(db, tenantId, keyLabel((req.body ?? {}).label))) }, 201);
  });
  router.delete("/keys/:id", async (req, res) => {
    await revokeTenantKey(db, tenantOf(res), param(req, "id"));
    deps.sessions.closeForKey(param(req, "id"));
    ok(res, { key_id: param(req, "id"), revoked: true });
  });

  router.use((req, _res, next) => next(new ApiError("not_found", `no route ${req.method} /v1/admin${req.path}`)));
  router.use(errorHandler(deps.log));
  return router;
}

/** The flag a CLI usage message is about: `--subdomain must be ...` names `subdomain`; else `flags`. */
export function usageField(message: string): string {
  return /^--([a-z][a-z0-9-]*)/.exec(message)?.[1] ?? "flags";
}
