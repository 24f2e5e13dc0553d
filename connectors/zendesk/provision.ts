// What an installation needs at Zendesk, made through the API: a webhook subscribed to the
// events the connector handles, pointed at the installation's URL, and its signing secret.
// Uninstall deletes that webhook and revokes the token. Calls go through node-zendesk.
import { ProviderError, type InstallationInfo, type OAuthApp, type Provisioned } from "../types";
import { isRecord } from "../shared/fields";
import { createZendeskClient, type ZendeskClient } from "./client";
import { requestJson, viaSdk } from "./http";
import { HANDLED_EVENT_TYPES } from "./parse";
import { refusedCall } from "./provider-error";

export const WEBHOOK_NAME = "helpdesk-memory";

export async function provisionZendeskWebhook(app: OAuthApp, installation: InstallationInfo, webhookUrl: string): Promise<Provisioned> {
  const client = createZendeskClient(installation, { apiBaseUrl: app.apiUrl });
  let webhookId = await existingWebhook(client, installation.settings.webhookId, webhookUrl);
  if (!webhookId) {
    const created = await viaSdk(client, "POST /api/v2/webhooks", (sdk) =>
      sdk.webhooks.create({
        webhook: {
          name: WEBHOOK_NAME,
          endpoint: webhookUrl,
          http_method: "POST",
          request_format: "json",
          status: "active",
          subscriptions: [...HANDLED_EVENT_TYPES],
        },
      }),
    );
    webhookId = idOf(created);
    if (!webhookId) throw refusedCall("creating the webhook answered without its id");
  }
  const id = webhookId;
  const secretOut = await viaSdk(client, "GET /api/v2/webhooks/{id}/signing_secret", (sdk) => sdk.webhooks.getSigningSecret(id));
  const secret = signingSecretOf(secretOut);
  if (!secret) throw refusedCall("the webhook's signing secret could not be read");
  return { settings: { webhookId: id }, secrets: { signingSecret: secret } };
}

/** The webhook a previous install made, if it is still there and still points at us. */
async function existingWebhook(client: ZendeskClient, webhookId: string | undefined, webhookUrl: string): Promise<string | undefined> {
  if (!webhookId || !/^[A-Za-z0-9]+$/.test(webhookId)) return undefined;
  let out: unknown;
  try {
    out = await viaSdk(client, "GET /api/v2/webhooks/{id}", (sdk) => sdk.webhooks.show(webhookId));
  } catch (err) {
    if (err instanceof ProviderError && err.status === 404) return undefined;
    throw err;
  }
  const webhook = isRecord(out) && isRecord(out.webhook) ? out.webhook : out;
  if (!isRecord(webhook) || webhook.endpoint !== webhookUrl) return undefined;
  if (webhook.status !== "active") {
    await viaSdk(client, "PATCH /api/v2/webhooks/{id}", (sdk) => sdk.webhooks.patch(webhookId, { webhook: { status: "active" } }));
  }
  return webhookId;
}

export async function uninstallZendesk(app: OAuthApp, installation: InstallationInfo): Promise<void> {
  const client = createZendeskClient(installation, { apiBaseUrl: app.apiUrl });
  const webhookId = installation.settings.webhookId;
  if (webhookId && /^[A-Za-z0-9]+$/.test(webhookId)) {
    await viaSdk(client, "DELETE /api/v2/webhooks/{id}", (sdk) => sdk.webhooks.delete(webhookId)).catch(goneIsDone);
  }
  // An API token is the admin's to revoke; an OAuth token is ours. `current` = the calling token.
  if (installation.secrets.accessToken) {
    await requestJson(client, "DELETE", "/api/v2/oauth/tokens/current.json").catch(goneIsDone);
  }
}

/** Already deleted, or the token already revoked: what uninstall wanted. */
function goneIsDone(err: unknown): void {
  if (err instanceof ProviderError && (err.status === 404 || err.status === 401)) return;
  throw err;
}

function idOf(out: unknown): string | undefined {
  const webhook = isRecord(out) && isRecord(out.webhook) ? out.webhook : out;
  const id = isRecord(webhook) ? webhook.id : undefined;
  return typeof id === "string" || typeof id === "number" ? String(id) : undefined;
}

function signingSecretOf(out: unknown): string | undefined {
  const s = isRecord(out) && isRecord(out.signing_secret) ? out.signing_secret : out;
  return isRecord(s) && typeof s.secret === "string" && s.secret !== "" ? s.secret : undefined;
}
