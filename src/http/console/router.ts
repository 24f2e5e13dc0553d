// The admin console at /console: server-rendered pages, forms that post back (each with the
// session's CSRF token), and three static files. It reads and writes through the same
// functions as the JSON admin API (src/http/admin), scoped to the session's tenant.
import { randomBytes } from "node:crypto";
import path from "node:path";
import express, { Router, type ErrorRequestHandler, type Request, type Response } from "express";
import { hashApiKey, API_KEY_PATTERN } from "../../tenants/api-keys";
import { tenantView } from "../../tenants/service";
import { forgetCustomer, supportStats } from "../../memory/store";
import { ApiError } from "../errors";
import type { AdminDeps } from "../admin/deps";
import { sessionOf } from "../admin/principal";
import { parseCookies, sameToken, sessionCookie, type Session } from "./sessions";
import { consoleHeaders } from "./security";
import type { PageContext } from "./layout";
import { signInPage, messagePage } from "./pages/sign-in";
import { overviewPage } from "./pages/overview";
import { saveSettings, settingsPage } from "./pages/settings";
import { registerDataPages } from "./data-routes";

const SIGN_IN_COOKIE = "hm_sign_in";
const ASSETS = path.join(__dirname, "assets");
const CHART_JS = path.join(path.dirname(require.resolve("chart.js")), "chart.umd.js");

export type ConsoleRequestState = { session: Session; ctx: PageContext; tenant: NonNullable<Awaited<ReturnType<typeof sessionOf>>>["tenant"] };

export function consoleRouter(deps: AdminDeps, opts: { secureCookies: boolean; clock: () => Date }): Router {
  const router = Router();
  const { db } = deps;
  router.use(consoleHeaders());
  router.use(express.urlencoded({ extended: false, limit: "64kb", parameterLimit: 200 }));

  const assets = { "console.js": path.join(ASSETS, "console.js"), "charts.js": path.join(ASSETS, "charts.js"), "console.css": path.join(ASSETS, "console.css"), "chart.umd.js": CHART_JS };
  router.get("/assets/:name", (req, res) => {
    const file = assets[req.params.name as keyof typeof assets];
    if (!file) return void res.status(404).type("text/plain").send("not found");
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.sendFile(file);
  });

  router.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  const signInForm = (res: Response, status: number, error?: string) => {
    const token = randomBytes(24).toString("base64url");
    res.setHeader("Set-Cookie", `${SIGN_IN_COOKIE}=${token}; Path=/console; HttpOnly; SameSite=Strict${opts.secureCookies ? "; Secure" : ""}`);
    res.status(status).type("html").send(signInPage(token, error));
  };
  const startSession = (res: Response, tenantId: string, keyId: string) => {
    const s = deps.sessions.open(tenantId, keyId);
    res.setHeader("Set-Cookie", [sessionCookie(s.id, { secure: opts.secureCookies }), `${SIGN_IN_COOKIE}=; Path=/console; Max-Age=0`]);
    res.redirect(303, "/console");
  };

  router.get("/sign-in", (_req, res) => signInForm(res, 200));
  router.post("/sign-in", async (req, res) => {
    const client = req.ip ?? req.socket.remoteAddress ?? "unknown";
    const wait = deps.sessions.lockedFor(client);
    if (wait > 0) return signInForm(res, 429, `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? "s" : ""}.`);
    if (!sameToken(String(req.body?._csrf ?? ""), parseCookies(req.headers.cookie)[SIGN_IN_COOKIE] ?? "\0")) {
      return signInForm(res, 403, "The sign-in form expired. Enter the key again.");
    }
    const apiKey = typeof req.body?.api_key === "string" ? req.body.api_key.trim() : "";
    const key = API_KEY_PATTERN.test(apiKey) ? await db.prisma.apiKey.findUnique({ where: { keyHash: hashApiKey(apiKey) } }) : null;
    if (!key || key.revokedAt) {
      deps.sessions.recordFailure(client);
      deps.log.warn({ client }, "console sign-in failed");
      return signInForm(res, 401, "That API key is not valid or was revoked.");
    }
    startSession(res, key.tenantId, key.id);
  });
  router.get("/link/:token", (req, res) => {
    const link = deps.sessions.redeemLink(req.params.token);
    if (!link) return signInForm(res, 410, "This console link was used already or has expired. Sign in with an API key.");
    startSession(res, link.tenantId, link.keyId);
  });

  // Everything below needs a session; every form post needs its CSRF token.
  router.use(async (req, res, next) => {
    const s = await sessionOf(deps, req);
    if (!s) {
      if (req.method === "GET") return res.redirect(303, "/console/sign-in");
      return void res.status(401).type("html").send(messagePage("Signed out", "Your session has ended. Sign in again."));
    }
    if (req.method !== "GET" && req.method !== "HEAD" && !sameToken(typeof req.body?._csrf === "string" ? req.body._csrf : undefined, s.session.csrf)) {
      deps.log.warn({ path: req.path }, "console form without a valid CSRF token");
      return void res.status(403).type("html").send(messagePage("Refused", "This form was sent without its security (CSRF) token. Reload the page and try again."));
    }
    const state: ConsoleRequestState = {
      session: s.session,
      tenant: s.tenant,
      ctx: { tenantName: s.tenant.name, tenantId: s.tenant.id, csrf: s.session.csrf, path: req.baseUrl + (req.path === "/" ? "" : req.path) },
    };
    res.locals.console = state;
    next();
  });

  const st = (res: Response) => res.locals.console as ConsoleRequestState;
  const notice = (req: Request) => (typeof req.query.done === "string" ? req.query.done : undefined);

  router.post("/sign-out", (_req, res) => {
    deps.sessions.close(st(res).session.id);
    res.setHeader("Set-Cookie", sessionCookie("", { secure: opts.secureCookies, maxAgeSeconds: 0 }));
    res.redirect(303, "/console/sign-in");
  });

  router.get("/", async (req, res) => {
    const { tenant, ctx } = st(res);
    const [stats, helpdesks] = await Promise.all([supportStats(db, tenant.id, 30, opts.clock()), db.prisma.installation.count({ where: { tenantId: tenant.id } })]);
    res.type("html").send(overviewPage(ctx, stats, helpdesks, notice(req)));
  });

  router.get("/settings", (req, res) => {
    const { tenant, ctx } = st(res);
    res.type("html").send(settingsPage(ctx, tenantView(tenant), { notice: notice(req) }));
  });
  router.post("/settings", async (req, res) => {
    const { tenant, ctx } = st(res);
    try {
      await saveSettings(db, tenant.id, req.body ?? {});
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return void res.status(422).type("html").send(settingsPage(ctx, tenantView(tenant), { error: err.message }));
    }
    res.redirect(303, "/console/settings?done=settings_saved");
  });

  registerDataPages(router, deps, st);

  router.post("/customers/:id/forget", async (req, res) => {
    const { tenant } = st(res);
    const id = req.params.id;
    await forgetCustomer(db, tenant.id, id);
    if (deps.onForget) await deps.onForget(tenant.id, id);
    res.redirect(303, "/console/customers?done=forgotten");
  });

  router.use((req, res) => {
    res.status(404).type("html").send(messagePage("Not found", `There is no console page at ${req.originalUrl.split("?")[0]}.`));
  });
  const pageError: ErrorRequestHandler = (err, req, res, next) => {
    if (err instanceof ApiError && err.code === "not_found") return void res.status(404).type("html").send(messagePage("Not found", err.message));
    if (err instanceof ApiError && (err.code === "invalid_request" || err.code === "validation_error")) return void res.status(400).type("html").send(messagePage("Not accepted", err.message));
    const e = err as { type?: string };
    if (e.type === "entity.too.large" || e.type === "entity.parse.failed") return void res.status(400).type("html").send(messagePage("Not accepted", "The form could not be read."));
    deps.log.error({ err, path: req.path }, "console page failed");
    if (res.headersSent) return next(err);
    res.status(500).type("html").send(messagePage("Something went wrong", "The page could not be shown. The error is in the service's log."));
  };
  router.use(pageError);
  return router;
}
