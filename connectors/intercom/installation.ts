// What an Intercom installation holds and how an admin makes one by hand: the schema, the CLI
// flags and console fields, the setup steps, and the settings this connector reads.
import { z } from "zod";
import type { ConnectorSettings, InstallationCapability } from "../types";
import { authorPicked, digits, installedBy, NOTE_AUTHOR_PICKED, optional, required } from "../shared/installation-fields";
import { INTERCOM_TOPICS } from "./oauth";

const schema = z
  .object({
    account: required().regex(/^[a-z0-9]+$/i, "must be the Intercom app_id (workspace id): letters and digits"),
    settings: z.object({
      adminId: digits("Intercom admin id that authors our notes"),
      region: z.enum(["us", "eu", "au"], { error: "must be one of: us, eu, au" }).default("us"),
      auth: installedBy,
      [NOTE_AUTHOR_PICKED]: authorPicked,
    }),
    // an app installed through OAuth verifies webhooks with the app's client secret, from settings
    secrets: z.object({ accessToken: required(), clientSecret: optional() }),
  })
  .superRefine((v, ctx) => {
    if (v.settings.auth !== "oauth" && !v.secrets.clientSecret) ctx.addIssue({ code: "custom", path: ["secrets", "clientSecret"], message: "is required" });
  });

const USAGE = "installations add intercom --tenant <tenant id> --app-id <app_id> --access-token <token> --client-secret <client secret> --admin-id <admin id> [--region us|eu|au]";

export const intercomInstallation: InstallationCapability = {
  schema,
  // app_id is case-sensitive
  normaliseAccount: (account) => account.trim(),
  webhookUrl: (base) => `${base}/webhooks/intercom`,
  // Intercom signs webhooks with the app's client secret
  adminSecret: { secret: "clientSecret", label: "Client secret" },
  noteAuthor: { setting: "adminId", label: "Intercom admin id who authors the notes" },
  methods: ["oauth", "manual"],
  manual: {
    usage: USAGE,
    fields: [
      { flag: "app-id", path: "account", label: "App id", required: true, hint: "the Intercom workspace id" },
      { flag: "access-token", path: "secrets.accessToken", label: "Access token", type: "password", required: true },
      { flag: "client-secret", path: "secrets.clientSecret", label: "Client secret", type: "password", required: true, hint: "Intercom signs webhooks with it" },
      { flag: "admin-id", path: "settings.adminId", label: "Admin id", required: true, hint: "the admin who authors our notes" },
      { flag: "region", path: "settings.region", label: "Region", choices: [["us", "US"], ["eu", "EU"], ["au", "Australia"]] },
    ],
    fromFlags(f) {
      const account = f.need("app-id", "the Intercom app_id (workspace id)");
      const accessToken = f.need("access-token", "the app's access token");
      const clientSecret = f.need("client-secret", "the app's client secret (Intercom signs webhooks with it)");
      const adminId = f.need("admin-id", "the Intercom admin who authors our notes");
      const region = f.opt("region");
      return { account, settings: { adminId, region }, secrets: { accessToken, clientSecret } };
    },
    setupSteps: (_inst, url) => [
      `In the Intercom Developer Hub → your app → Webhooks, set the endpoint URL to ${url}`,
      `Tick the topics ${INTERCOM_TOPICS.join(", ")} and save (Intercom checks the URL with a HEAD request)`,
    ],
  },
};

export const intercomSettings: ConnectorSettings = {
  variables: [
    { name: "INTERCOM_API_URL", kind: "url", use: "api_url", description: "Replaces the Intercom API host, /auth/eagle/token included (tests, local fakes)." },
    { name: "INTERCOM_APP_URL", kind: "url", use: "app_url", description: "Replaces https://app.intercom.com, where Intercom's consent page is." },
    { name: "INTERCOM_OAUTH_CLIENT_ID", kind: "text", use: "oauth_client_id", description: "The public app's client id; with the secret, GET /install/intercom is one click." },
    // Intercom signs every workspace's webhooks with the app's client secret
    { name: "INTERCOM_OAUTH_CLIENT_SECRET", kind: "text", use: "oauth_client_secret", secret: "clientSecret", description: "The public app's client secret; it also verifies the app's webhooks." },
  ],
};

export function intercomTicketUrl(account: string, ticketRef: string): string {
  return `https://app.intercom.com/a/apps/${encodeURIComponent(account)}/inbox/inbox/conversation/${encodeURIComponent(ticketRef)}`;
}
