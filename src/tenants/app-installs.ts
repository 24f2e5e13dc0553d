// One-click install, provider-agnostic: the consent page with a signed `state`, then the
// callback (code → tokens → who installed → the installation, created or updated → whatever
// the helpdesk needs set up, e.g. a webhook → active, held deliveries resumed).
// The helpdesk specifics are each connector's `oauth` capability.
import { NOTE_AUTHOR_PICKED } from "../../connectors/shared/installation-fields";
import type { Connector, InstallationInfo, OAuthApp, Provider } from "../../connectors/types";
import { ProviderError } from "../../connectors/types";
import type { Database } from "../db/client";
import type { Logger } from "../logger";
import { resumeHeldDeliveries } from "./held-deliveries";
import { findTenantInstallation, InstallationInputError, saveInstallation } from "./installations";
import { oauthAppFor, oauthVariables, type OAuthConfig } from "./oauth-apps";
import type { Credentials } from "./oauth-tokens";
import { consumeState, issueState, readState, stateKey } from "./oauth-state";

export type AppInstallDeps = {
  db: Database;
  masterKey: Buffer;
  connectors: Partial<Record<Provider, Connector>>;
  config: OAuthConfig;
  clock: () => Date;
  log: Logger;
  /** An installation's secrets or status changed: cached copies must go. */
  changed?: (installationId: string) => void;
  /** Deliveries back in the inbox (held ones, resumed): hand them to the queue now rather than at the next sweep. */
  enqueue?: (deliveryIds: string[]) => void;
  /** Fresh tokens for calls made outside a job (uninstall). */
  credentials?: Credentials;
};

export type InstallErrorCode =
  | "unknown_provider"
  | "not_configured"
  | "invalid_request"
  | "bad_state"
  | "expired_state"
  | "replayed_state"
  | "wrong_tenant"
  | "access_denied"
  | "already_installed"
  | "provider_error";

export type InstallFailure = { ok: false; code: InstallErrorCode; message: string; field?: string };

export type Installed = {
  ok: true;
  installation: { id: string; tenantId: string; provider: Provider; account: string; status: "active"; settings: Record<string, string> };
  /** What the admin still has to do at the helpdesk (the app's webhook topics, where they are set per app), if anything. */
  nextSteps: string[];
  resumed: number;
};

type Ready = { ok: true; connector: Connector; oauth: NonNullable<Connector["oauth"]>; app: OAuthApp };

function ready(deps: AppInstallDeps, provider: string): Ready | InstallFailure {
  const connector = Object.hasOwn(deps.connectors, provider) ? deps.connectors[provider as Provider] : undefined;
  if (!connector?.oauth) return { ok: false, code: "unknown_provider", message: `no one-click install for "${provider.slice(0, 40)}"` };
  const app = oauthAppFor(deps.config, connector.provider);
  if (!app) {
    const vars = oauthVariables(connector.provider);
    return { ok: false, code: "not_configured", message: `one-click ${provider} install is not configured: set ${vars.join(" and ")} (or install by hand with the CLI)` };
  }
  return { ok: true, connector, oauth: connector.oauth, app };
}

/**
 * Where to send the admin to consent, for this tenant. The tenant is whoever the caller
 * authenticated (an API key, a console session): this function trusts it.
 */
export function startInstall(deps: AppInstallDeps, tenantId: string, provider: string, query: Record<string, string | undefined>): { ok: true; location: string } | InstallFailure {
  const r = ready(deps, provider);
  if (!r.ok) return r;
  const params = r.oauth.installParams(query);
  if (!params.ok) return { ok: false, code: "invalid_request", field: params.field, message: `${params.field} ${params.message}` };
  const state = issueState(stateKey(deps.masterKey), { tenantId, provider: r.connector.provider, account: params.account }, deps.clock());
  return { ok: true, location: r.oauth.authorizeUrl(r.app, params.account, state) };
}

export type CallbackQuery = { code?: string; state?: string; error?: string; error_description?: string };

/**
 * The helpdesk sent the admin back. `callerTenantId`: the tenant the request itself proves
 * (API key, console session), if any; it must be the one the state was issued to. Nothing is
 * created unless the state is genuine, fresh, unused and this provider's.
 */
export async function completeInstall(deps: AppInstallDeps, provider: string, query: CallbackQuery, callerTenantId?: string): Promise<Installed | InstallFailure> {
  const r = ready(deps, provider);
  if (!r.ok) return r;
  const name = r.connector.provider;
  if (query.error) {
    const why = query.error_description ? `: ${query.error_description.slice(0, 200)}` : "";
    return { ok: false, code: "access_denied", message: `${name} did not grant access (${query.error.slice(0, 60)})${why}. Nothing was installed; start again to retry.` };
  }
  const now = deps.clock();
  const checked = readState(stateKey(deps.masterKey), query.state, now);
  if (!checked.ok) return { ok: false, code: checked.code, field: "state", message: checked.message };
  const claims = checked.claims;
  if (claims.provider !== name) return { ok: false, code: "bad_state", field: "state", message: "state was issued for another helpdesk" };
  // checked before the state is spent, so the rightful tenant can still finish
  if (callerTenantId !== undefined && callerTenantId !== claims.tenantId) {
    return { ok: false, code: "wrong_tenant", field: "state", message: "state was issued to another tenant" };
  }
  if (!query.code) return { ok: false, code: "invalid_request", field: "code", message: "code is required" };
  if (!(await consumeState(deps.db, claims, now))) return { ok: false, code: "replayed_state", field: "state", message: "state was already used: start the install again" };
  if (!(await deps.db.prisma.tenant.findUnique({ where: { id: claims.tenantId } }))) return { ok: false, code: "bad_state", field: "state", message: "the tenant of this state no longer exists" };

  try {
    return await install(deps, r, claims.tenantId, claims.account, query.code, now);
  } catch (err) {
    if (err instanceof InstallationInputError) return { ok: false, code: "already_installed", message: err.message };
    if (err instanceof ProviderError) return { ok: false, code: "provider_error", message: err.message };
    throw err;
  }
}

async function install(deps: AppInstallDeps, r: Ready, tenantId: string, stateAccount: string | undefined, code: string, now: Date): Promise<Installed> {
  const { oauth, app } = r;
  const provider = r.connector.provider;
  const tokens = await oauth.exchangeCode(app, stateAccount, code, now);
  const identity = await oauth.identify(app, stateAccount, tokens);
  // re-installing the same account for the same tenant updates that installation, never a second one
  const existing = await findTenantInstallation(deps.db, deps.masterKey, tenantId, provider, identity.account);
  const settings = { ...existing?.info.settings, ...identity.settings, ...chosenAuthor(r.connector, existing?.info.settings) };
  // the new tokens replace whatever credential was there (an API token of a manual install too)
  const secrets = { ...(existing?.info.secrets.signingSecret ? { signingSecret: existing.info.secrets.signingSecret } : {}), ...tokens };
  const save = (info: { id?: string; settings: Record<string, string | undefined>; secrets: InstallationInfo["secrets"] }, status: "pending" | "active") =>
    saveInstallation(deps.db, deps.masterKey, { ...info, tenantId, provider, account: identity.account, status });

  let saved = await save({ id: existing?.info.id, settings, secrets }, oauth.provision ? "pending" : "active");
  if (oauth.provision) {
    // where the connector's webhook routes receive this installation
    const webhookUrl = r.connector.installation.webhookUrl(deps.config.publicUrl.replace(/\/+$/, ""), saved);
    const made = await oauth.provision(app, saved, webhookUrl);
    saved = await save({ id: saved.id, settings: { ...saved.settings, ...made.settings }, secrets: { ...saved.secrets, ...made.secrets } }, "active");
  }
  deps.changed?.(saved.id);
  const resumed = await resumeHeldDeliveries(deps.db, saved.id);
  if (resumed.length > 0) deps.enqueue?.(resumed);
  deps.log.info({ installation: saved.id, provider, tenant: tenantId, reinstall: Boolean(existing), resumed: resumed.length }, "installed through OAuth");
  const hooks = oauth.appWebhooks;
  const nextSteps = hooks
    ? [`The app's webhook (Developer Hub → Webhooks) must send ${hooks.topics.join(", ")} to ${deps.config.publicUrl.replace(/\/+$/, "")}${hooks.path}`]
    : [];
  return {
    ok: true,
    installation: { id: saved.id, tenantId, provider, account: saved.account, status: "active", settings: publicSettings(saved.settings) },
    nextSteps,
    resumed: resumed.length,
  };
}

/**
 * The note author an admin chose outlives a re-install: one picked in the console, or typed in a
 * manual install (which the new tokens now replace). Only an author that was the installing
 * user by default gives way to who installs this time.
 */
function chosenAuthor(connector: Connector, settings: Record<string, string | undefined> | undefined): Record<string, string> {
  const key = connector.installation.noteAuthor?.setting;
  const author = key ? settings?.[key] : undefined;
  if (!key || !author || !settings) return {};
  const chosen = settings[NOTE_AUTHOR_PICKED] === "true" || settings.auth !== "oauth";
  return chosen ? { [key]: author, [NOTE_AUTHOR_PICKED]: "true" } : {};
}

function publicSettings(settings: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(settings).filter((e): e is [string, string] => typeof e[1] === "string"));
}
