// Console pages over the admin functions: deliveries, customers, helpdesks and API keys.
// Each reads and changes only the session's tenant.
import type { Request, Response, Router } from "express";
import { connectorOf } from "../../../connectors";
import { SHARED_SCOPE } from "../../memory/store";
import { ApiError } from "../errors";
import { customerPage, parseCustomerSearch, searchCustomers } from "../admin/customers";
import { deliveryDetail, deliveryFilterSchema, listDeliveries, replayDelivery, replayMatching } from "../admin/deliveries";
import type { AdminDeps } from "../admin/deps";
import { changeStatus, installationCards, ownInstallation, reconnectInstallation, setNoteAuthor } from "../admin/installations";
import { createApiKey, keyLabel, listApiKeys, revokeTenantKey } from "../admin/keys";
import { updateInstallationSecrets, InstallationInputError } from "../../tenants/installations";
import type { ConsoleRequestState } from "./router";
import { customerDetailPage, customersPage, forgetConfirmPage } from "./pages/customers";
import { deliveriesPage, deliveryPage, rawFilter } from "./pages/deliveries";
import { connectedPage, connectPage, helpdesksPage, oauthStartPage, reconnectPage } from "./pages/helpdesks";
import { CONNECT_FORMS, flagsFromForm, secretFields } from "./pages/connect-forms";
import { keysPage } from "./pages/keys";

export function registerDataPages(router: Router, deps: AdminDeps, st: (res: Response) => ConsoleRequestState): void {
  const { db } = deps;
  const notice = (req: Request) => (typeof req.query.done === "string" ? req.query.done : undefined);
  const send = (res: Response, body: string, status = 200) => void res.status(status).type("html").send(body);
  const text = (v: unknown) => (typeof v === "string" ? v : "");

  // ---------------------------------------------------------------- deliveries
  router.get("/deliveries", async (req, res) => {
    const { tenant, ctx } = st(res);
    const parsed = deliveryFilterSchema.safeParse(req.query);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      return send(res, deliveriesPage(ctx, rawFilter(req.query, null), null, { error: `${i.path.join(".")}: ${i.message}` }), 400);
    }
    send(res, deliveriesPage(ctx, rawFilter(req.query, parsed.data), await listDeliveries(db, tenant.id, parsed.data), { notice: notice(req) }));
  });
  router.post("/deliveries/replay", async (req, res) => {
    const { tenant } = st(res);
    const parsed = deliveryFilterSchema.safeParse({ ...req.body, page: undefined });
    if (!parsed.success) throw new ApiError("invalid_request", `${String(parsed.error.issues[0]!.path[0])}: ${parsed.error.issues[0]!.message}`);
    const { page: _p, ...filter } = parsed.data;
    await replayMatching(db, tenant.id, filter);
    const back = new URLSearchParams(Object.entries({ status: text(req.body.status), provider: text(req.body.provider), since: text(req.body.since), until: text(req.body.until) }).filter(([, v]) => v));
    back.set("done", "replayed");
    res.redirect(303, `/console/deliveries?${back.toString()}`);
  });
  router.get("/deliveries/:id", async (req, res) => {
    const { tenant, ctx } = st(res);
    const d = await deliveryDetail(db, tenant.id, req.params.id);
    if (!d) throw new ApiError("not_found", `There is no delivery ${req.params.id}.`);
    send(res, deliveryPage(ctx, d, notice(req)));
  });
  router.post("/deliveries/:id/replay", async (req, res) => {
    const { tenant } = st(res);
    if (!(await replayDelivery(db, tenant.id, req.params.id))) throw new ApiError("not_found", `There is no dead or skipped delivery ${req.params.id}.`);
    res.redirect(303, `/console/deliveries/${encodeURIComponent(req.params.id)}?done=replayed`);
  });

  // ---------------------------------------------------------------- customers
  router.get("/customers", async (req, res) => {
    const { tenant, ctx } = st(res);
    send(res, customersPage(ctx, await searchCustomers(db, tenant.id, parseCustomerSearch(req.query)), notice(req)));
  });
  router.get("/customers/:id", async (req, res) => {
    const { tenant, ctx } = st(res);
    const scope = typeof req.query.scope === "string" && req.query.scope ? req.query.scope : SHARED_SCOPE;
    const d = await customerPage(db, tenant.id, req.params.id, scope);
    if (!d) throw new ApiError("not_found", `There is no customer ${req.params.id}.`);
    send(res, customerDetailPage(ctx, d));
  });
  router.get("/customers/:id/forget", (req, res) => {
    send(res, forgetConfirmPage(st(res).ctx, req.params.id));
  });

  // ---------------------------------------------------------------- helpdesks
  const masterKey = () => deps.masterKey();
  const helpdesks = async (res: Response, opts: { notice?: string; error?: string } = {}, status = 200) => {
    const { tenant, ctx } = st(res);
    send(res, helpdesksPage(ctx, await installationCards(db, tenant.id, deps.publicUrl, masterKey), { ...opts, oauth: deps.oauthConfigured }), status);
  };
  router.get("/helpdesks", async (req, res) => helpdesks(res, { notice: notice(req) }));
  router.get("/helpdesks/connect/:provider", (req, res) => {
    if (!CONNECT_FORMS[req.params.provider]) throw new ApiError("not_found", `There is no helpdesk ${req.params.provider}.`);
    send(res, connectPage(st(res).ctx, req.params.provider, {}));
  });
  router.post("/helpdesks/connect/:provider", async (req, res) => {
    const { tenant, ctx } = st(res);
    const provider = req.params.provider;
    const cmd = deps.commands?.[`installations add ${provider}`];
    if (!CONNECT_FORMS[provider] || !cmd) throw new ApiError("not_found", `There is no helpdesk ${provider}.`);
    try {
      const r = await cmd.run(db, flagsFromForm(provider, req.body ?? {}, tenant.id));
      send(res, connectedPage(ctx, provider, r.json as Parameters<typeof connectedPage>[2]), 201);
    } catch (err) {
      if (!(err instanceof Error) || err.name !== "CliUsageError") throw err;
      // the CLI's message names the flag; the form's fields carry the same names
      send(res, connectPage(ctx, provider, req.body ?? {}, err.message.split("\nusage:")[0]), 422);
    }
  });
  router.get("/helpdesks/oauth/:provider", (req, res) => {
    const provider = req.params.provider;
    if (!CONNECT_FORMS[provider] || !deps.oauthConfigured?.(provider)) throw new ApiError("not_found", `There is no OAuth install for ${provider}.`);
    const query = new URLSearchParams(Object.entries(req.query).filter((e): e is [string, string] => typeof e[1] === "string"));
    send(res, oauthStartPage(st(res).ctx, provider, `/install/${encodeURIComponent(provider)}${query.size ? `?${query}` : ""}`));
  });
  // where the OAuth callback sends the admin: the installation's card
  router.get("/installations/:id", async (req, res) => {
    const inst = await ownInstallation(db, st(res).tenant.id, req.params.id);
    res.redirect(303, `/console/helpdesks?done=connected#${encodeURIComponent(inst.id)}-title`);
  });
  const cardOf = async (res: Response, id: string) => {
    const { tenant } = st(res);
    await ownInstallation(db, tenant.id, id);
    return (await installationCards(db, tenant.id, deps.publicUrl, masterKey)).find((c) => c.installation_id === id)!;
  };
  router.get("/helpdesks/:id/reconnect", async (req, res) => {
    send(res, reconnectPage(st(res).ctx, await cardOf(res, req.params.id)));
  });
  router.post("/helpdesks/:id/reconnect", async (req, res) => {
    const { tenant, ctx } = st(res);
    const card = await cardOf(res, req.params.id);
    // the connect form's secret fields, into the secrets they fill (`secrets.apiToken`)
    const patch = Object.fromEntries(
      secretFields(card.provider)
        .filter((f) => text(req.body[f.flag]).trim() !== "")
        .map((f) => [f.path!.slice("secrets.".length), text(req.body[f.flag]).trim()]),
    );
    if (Object.keys(patch).length === 0) return send(res, reconnectPage(ctx, card, "Give at least one new credential."), 422);
    try {
      await reconnectInstallation(db, masterKey(), tenant.id, card.installation_id, patch);
    } catch (err) {
      if (err instanceof InstallationInputError) return send(res, reconnectPage(ctx, card, err.message), 422);
      throw err;
    }
    res.redirect(303, `/console/helpdesks?done=reconnected#${encodeURIComponent(card.installation_id)}-title`);
  });
  router.post("/helpdesks/:id/:action", async (req, res) => {
    const { tenant } = st(res);
    const id = req.params.id;
    try {
      switch (req.params.action) {
        case "secret": {
          const inst = await ownInstallation(db, tenant.id, id);
          const secret = text(req.body.secret).trim();
          if (!secret) throw new ApiError("invalid_request", "secret: is required");
          const field = connectorOf(inst.provider)?.installation.adminSecret.secret ?? "signingSecret";
          await updateInstallationSecrets(db, masterKey(), id, { [field]: secret });
          return res.redirect(303, "/console/helpdesks?done=secret_saved");
        }
        case "author":
          await setNoteAuthor(db, masterKey(), tenant.id, id, text(req.body.note_author).trim());
          return res.redirect(303, "/console/helpdesks?done=author_saved");
        case "disable":
          await changeStatus(db, tenant.id, id, "disabled", "disabled in the console");
          return res.redirect(303, "/console/helpdesks?done=disabled");
        case "uninstall": {
          await ownInstallation(db, tenant.id, id);
          // the CLI's command: the webhook at the helpdesk is removed and the token revoked too
          const cmd = deps.commands?.["installations uninstall"];
          if (!cmd) {
            await changeStatus(db, tenant.id, id, "uninstalled", "uninstalled in the console");
            return res.redirect(303, "/console/helpdesks?done=uninstalled");
          }
          const r = (await cmd.run(db, { installation: id })).json as { warning?: string };
          if (r.warning) return helpdesks(res, { error: `Uninstalled, but ${r.warning}` });
          return res.redirect(303, "/console/helpdesks?done=uninstalled");
        }
        default:
          throw new ApiError("not_found", `There is no helpdesk action ${req.params.action}.`);
      }
    } catch (err) {
      if (err instanceof InstallationInputError) return helpdesks(res, { error: err.message }, 422);
      if (err instanceof ApiError && err.code === "invalid_request") return helpdesks(res, { error: err.message }, 422);
      throw err;
    }
  });

  // ---------------------------------------------------------------- API keys
  router.get("/keys", async (req, res) => {
    const { tenant, ctx, session } = st(res);
    send(res, keysPage(ctx, await listApiKeys(db, tenant.id), { notice: notice(req), currentKeyId: session.keyId }));
  });
  router.post("/keys", async (req, res) => {
    const { tenant, ctx, session } = st(res);
    let label: string | undefined;
    try {
      label = keyLabel(req.body.label);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return send(res, keysPage(ctx, await listApiKeys(db, tenant.id), { error: err.message, currentKeyId: session.keyId }), 422);
    }
    const created = await createApiKey(db, tenant.id, label);
    send(res, keysPage(ctx, await listApiKeys(db, tenant.id), { created, currentKeyId: session.keyId }), 201);
  });
  router.post("/keys/:id/revoke", async (req, res) => {
    const { tenant } = st(res);
    await revokeTenantKey(db, tenant.id, req.params.id);
    deps.sessions.closeForKey(req.params.id);
    res.redirect(303, "/console/keys?done=key_revoked");
  });
}
