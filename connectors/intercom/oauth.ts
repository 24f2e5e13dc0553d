// Intercom as a public app: the consent page, the code exchange at /auth/eagle/token and who
// installed (GET /me: the workspace and the admin). Intercom tokens do not expire and there is
// no refresh; webhooks are set once for the app in the Developer Hub, so nothing is provisioned.
import type { OAuthCapability, OAuthIdentity } from "../types";
import { callTokenEndpoint } from "../shared/oauth-token";
import { callSdk, createIntercomClient } from "./client";
import { REGION_HOSTS, type Region } from "./facts";
import { refusedCall } from "./provider-error";

export const INTERCOM_APP_URL = "https://app.intercom.com";

/** The topics the app must subscribe to in the Developer Hub: what parse.ts acts on. */
export const INTERCOM_TOPICS = [
  "conversation.user.created",
  "conversation.user.replied",
  "conversation.admin.replied",
  "conversation.admin.closed",
  "contact.user.created",
  "contact.email.updated",
  "contact.merged",
  "contact.lead.signed_up",
] as const;

/** /me says `app.region` in words or codes ("US", "Europe", "eu"…); the API host follows from it. */
export function regionOf(value: unknown): Region {
  const v = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (v === "eu" || v.startsWith("europe")) return "eu";
  if (v === "au" || v.startsWith("australia")) return "au";
  return "us";
}

export const intercomOAuth: OAuthCapability = {
  installParams: () => ({ ok: true }),

  authorizeUrl(app, _account, state) {
    const q = new URLSearchParams({ client_id: app.clientId, state, redirect_uri: app.redirectUri });
    return `${(app.appUrl ?? INTERCOM_APP_URL).replace(/\/+$/, "")}/oauth?${q.toString()}`;
  },

  async exchangeCode(app, _account, code, now) {
    const r = await callTokenEndpoint({
      provider: "intercom",
      url: `${(app.apiUrl ?? REGION_HOSTS.us).replace(/\/+$/, "")}/auth/eagle/token`,
      encoding: "form",
      body: { code, client_id: app.clientId, client_secret: app.clientSecret },
      now,
    });
    if (!r.ok) throw refusedCall(`the authorization code was refused (${r.error})`);
    return r.tokens;
  },

  async identify(app, _account, tokens): Promise<OAuthIdentity> {
    const client = createIntercomClient(
      { id: "", tenantId: "", provider: "intercom", account: "", settings: { region: "us" }, secrets: { accessToken: tokens.accessToken } },
      { apiBaseUrl: app.apiUrl },
    );
    const me = await callSdk(client, "GET /me", (sdk) => sdk.admins.identify());
    const appId = me?.app?.id_code;
    if (!me?.id || !appId) throw refusedCall("GET /me named no admin or workspace");
    // the installing admin authors our notes unless another one is picked later
    return { account: appId, settings: { adminId: String(me.id), region: regionOf(me.app?.region), auth: "oauth" } };
  },

  appWebhooks: { path: "/webhooks/intercom", topics: INTERCOM_TOPICS },
};
