// GET /install/:provider (start: the caller is a tenant, by API key or console session) and
// GET /oauth/:provider/callback (the helpdesk sends the admin back). The flow itself is
// src/tenants/app-installs.ts; this file reads requests and writes answers: a redirect, a
// small page for a person, or JSON when the request asks for application/json. Error codes
// and their statuses are the one error table's (src/http/errors.ts).
import express, { type Request, type Response } from "express";
import type { Database } from "../../db/client";
import { type AppInstallDeps, completeInstall, type InstallFailure, startInstall } from "../../tenants/app-installs";
import { authenticateApiKey } from "../../tenants/service";
import { ApiError, sendError, statusOf } from "../errors";

export type InstallRoutesDeps = AppInstallDeps & {
  /**
   * The tenant of a console session, if the request carries one. The console supplies this;
   * without it only `Authorization: ApiKey mem_...` identifies the caller.
   */
  sessionTenant?: (req: Request) => Promise<string | undefined>;
};

export function installRouter(deps: InstallRoutesDeps): express.Router {
  const router = express.Router();

  router.get("/install/:provider", async (req, res, next) => {
    try {
      const tenantId = await callerTenant(deps, req);
      if (!tenantId) return fail(req, res, { ok: false, code: "unauthorized", message: "sign in to the console, or send `Authorization: ApiKey mem_...`" });
      const r = startInstall(deps, tenantId, String(req.params.provider), queryOf(req));
      if (!r.ok) return fail(req, res, r);
      res.redirect(302, r.location);
    } catch (err) {
      next(err);
    }
  });

  router.get("/oauth/:provider/callback", async (req, res, next) => {
    try {
      const q = queryOf(req);
      const r = await completeInstall(deps, String(req.params.provider), { code: q.code, state: q.state, error: q.error, error_description: q.error_description }, await callerTenant(deps, req));
      if (!r.ok) return fail(req, res, r);
      const consoleUrl = `${deps.config.publicUrl.replace(/\/+$/, "")}/console/installations/${encodeURIComponent(r.installation.id)}`;
      if (wantsJson(req)) {
        res.json({ installation: { ...r.installation, installation_id: r.installation.id }, console_url: consoleUrl, next_steps: r.nextSteps, resumed_deliveries: r.resumed });
        return;
      }
      res.redirect(302, consoleUrl);
    } catch (err) {
      next(err);
    }
  });

  return router;
}

/** An API key, else the console session; a key that is given but wrong identifies nobody. */
async function callerTenant(deps: { db: Database; sessionTenant?: InstallRoutesDeps["sessionTenant"] }, req: Request): Promise<string | undefined> {
  const header = req.get("authorization");
  if (header) {
    const match = /^(?:ApiKey|Bearer)\s+(\S+)\s*$/i.exec(header);
    const tenant = match ? await authenticateApiKey(deps.db, match[1]!) : null;
    return tenant?.id;
  }
  return deps.sessionTenant?.(req);
}

function queryOf(req: Request): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.query)) out[k] = typeof v === "string" ? v : undefined;
  return out;
}

function wantsJson(req: Request): boolean {
  return /application\/json/i.test(req.get("accept") ?? "");
}

/** JSON in the shared error envelope, else a small page for the person in the browser. */
function fail(req: Request, res: Response, f: InstallFailure | { ok: false; code: "unauthorized"; message: string }): void {
  if (wantsJson(req)) return sendError(res, new ApiError(f.code, f.message, "field" in f ? f.field : undefined));
  const status = statusOf(f.code);
  const title = f.code === "access_denied" ? "Access was not granted" : "The helpdesk could not be connected";
  res
    .status(status)
    .type("html")
    .send(`<!doctype html><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p>${escapeHtml(f.message)}</p><p><code>${f.code}</code></p>`);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
