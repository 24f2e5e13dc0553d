// Zendesk as an installable app (a global OAuth client): the consent page on the account's own
// host, the code exchange and the refresh at /oauth/tokens, and who installed (users/me).
// Provisioning the webhook and uninstalling are provision.ts.
import type { InstallationInfo, OAuthApp, OAuthCapability, OAuthIdentity, OAuthTokens } from "../types";
import { callTokenEndpoint } from "../shared/oauth-token";
import { baseUrlOf, createZendeskClient, subdomainOf } from "./client";
import { viaSdk } from "./http";
import { refusedCall } from "./provider-error";
import { provisionZendeskWebhook, uninstallZendesk } from "./provision";
import { isRecord } from "../shared/fields";

/** Read and write: tickets (notes), users, and webhooks (provisioning). */
export const OAUTH_SCOPE = "read write";

/**
 * Zendesk lets the client choose lifetimes (access 5 min–2 days, refresh 7–90 days). The
 * longest: fewer refreshes, each a rotation that must not race (see src/tenants/oauth-tokens.ts).
 */
const ACCESS_TOKEN_SECONDS = 172_800;
const REFRESH_TOKEN_SECONDS = 7_776_000;

function base(app: OAuthApp, account: string | undefined): string {
  const b = baseUrlOf({ account: account ?? "" }, app.apiUrl);
  if ("problem" in b) throw refusedCall(b.problem);
  return b.baseUrl;
}

async function tokenCall(app: OAuthApp, account: string | undefined, body: Record<string, string | number>, now: Date) {
  return callTokenEndpoint({
    provider: "zendesk",
    url: `${base(app, account)}/oauth/tokens`,
    encoding: "json",
    body: { ...body, client_id: app.clientId, client_secret: app.clientSecret, expires_in: ACCESS_TOKEN_SECONDS, refresh_token_expires_in: REFRESH_TOKEN_SECONDS },
    now,
  });
}

export const zendeskOAuth: OAuthCapability = {
  installParams(query) {
    const given = query.subdomain?.trim();
    if (!given) return { ok: false, field: "subdomain", message: "is required: the Zendesk subdomain, acme for acme.zendesk.com" };
    const account = subdomainOf(given);
    if (!account) return { ok: false, field: "subdomain", message: "must be a Zendesk subdomain: letters, digits and dashes (acme for acme.zendesk.com)" };
    return { ok: true, account };
  },

  authorizeUrl(app, account, state) {
    const q = new URLSearchParams({ response_type: "code", client_id: app.clientId, redirect_uri: app.redirectUri, scope: OAUTH_SCOPE, state });
    return `${base(app, account)}/oauth/authorizations/new?${q.toString()}`;
  },

  async exchangeCode(app, account, code, now) {
    const r = await tokenCall(app, account, { grant_type: "authorization_code", code, redirect_uri: app.redirectUri, scope: OAUTH_SCOPE }, now);
    if (!r.ok) throw refusedCall(`the authorization code was refused (${r.error})`);
    return r.tokens;
  },

  async identify(app, account, tokens): Promise<OAuthIdentity> {
    const client = createZendeskClient(asInstallation(account, tokens), { apiBaseUrl: app.apiUrl });
    const out = await viaSdk(client, "GET /api/v2/users/me", (sdk) => sdk.users.me());
    const user = isRecord(out) && isRecord(out.user) ? out.user : out;
    const id = isRecord(user) ? user.id : undefined;
    if (typeof id !== "number" && typeof id !== "string") throw refusedCall("users/me named no user: the token is not an agent's");
    const email = isRecord(user) && typeof user.email === "string" ? user.email : undefined;
    // the installing admin authors our notes unless another agent is picked later
    return { account: account ?? "", settings: { agentId: String(id), ...(email ? { email: email.toLowerCase() } : {}), auth: "oauth" } };
  },

  async refresh(app, installation, now) {
    const refreshToken = installation.secrets.refreshToken;
    if (!refreshToken) return "invalid_grant";
    const r = await tokenCall(app, installation.account, { grant_type: "refresh_token", refresh_token: refreshToken }, now);
    if (r.ok) return r.tokens;
    // invalid_grant: the pair was rotated away or revoked; invalid_client: our app was removed
    if (r.error === "invalid_grant" || r.error === "invalid_client" || r.status === 401) return "invalid_grant";
    throw refusedCall(`token refresh refused (${r.error})`);
  },

  provision: provisionZendeskWebhook,
  uninstall: uninstallZendesk,
};

/** A client needs an installation; before one exists, the account and the new token stand in. */
export function asInstallation(account: string | undefined, tokens: OAuthTokens): InstallationInfo {
  return { id: "", tenantId: "", provider: "zendesk", account: account ?? "", settings: {}, secrets: { accessToken: tokens.accessToken } };
}
