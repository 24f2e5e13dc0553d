// What a Zendesk installation holds and how an admin makes one by hand: the schema, the CLI
// flags and console fields, the setup steps, and the settings this connector reads.
import { z } from "zod";
import type { ConnectorSettings, InstallationCapability } from "../types";
import { authorPicked, digits, installedBy, NOTE_AUTHOR_PICKED, optional, required } from "../shared/installation-fields";
import { subdomainOf } from "./client";

// Accepts "acme", "acme.zendesk.com" or "https://acme.zendesk.com/": people paste all three.
// The client's own reading, so the installation and the API client agree on what is valid.
const subdomain = required().transform((v, ctx) => {
  const sub = subdomainOf(v);
  if (sub) return sub;
  ctx.addIssue({ code: "custom", message: "must be a Zendesk subdomain: letters, digits and dashes (acme for acme.zendesk.com)" });
  return z.NEVER;
});

const schema = z
  .object({
    account: subdomain,
    settings: z.object({
      email: optional().transform((v) => v?.toLowerCase()).pipe(z.email("must be the e-mail address of the Zendesk agent the API token belongs to").optional()),
      agentId: digits("Zendesk user id of that agent (our notes' author)"),
      webhookId: optional(),
      auth: installedBy,
      [NOTE_AUTHOR_PICKED]: authorPicked,
    }),
    secrets: z
      .object({ apiToken: optional(), accessToken: optional(), refreshToken: optional(), expiresAt: optional(), refreshAt: optional(), signingSecret: optional() })
      .refine((s) => s.apiToken || s.accessToken, { path: ["apiToken"], message: "is required (or secrets.accessToken for OAuth)" }),
  })
  .superRefine((v, ctx) => {
    // an API token is used as <email>/token: it is half a credential without the e-mail
    if (v.secrets.apiToken && !v.secrets.accessToken && !v.settings.email) {
      ctx.addIssue({ code: "custom", path: ["settings", "email"], message: "is required: the e-mail address of the Zendesk agent the API token belongs to" });
    }
  });

/** The events a hand-made webhook subscribes to, as Zendesk's Admin Center names them. */
const MANUAL_EVENTS = ["ticket.created", "ticket.comment_added", "ticket.status_changed"];

const USAGE =
  "installations add zendesk --tenant <tenant id> --subdomain <acme> --email <agent e-mail> --agent-id <agent user id> (--api-token <token> | --access-token <oauth token>) [--signing-secret <webhook signing secret>]";

export const zendeskInstallation: InstallationCapability = {
  schema,
  normaliseAccount: (account) => account.trim().toLowerCase(),
  // Zendesk reveals a webhook's signing secret after the webhook exists, and the webhook needs
  // our URL, which needs the installation id: a hand-made installation waits for it.
  initialStatus: (secrets) => (secrets.signingSecret ? "active" : "pending"),
  webhookUrl: (base, inst) => `${base}/webhooks/zendesk/${inst.id}`,
  adminSecret: { secret: "signingSecret", label: "Signing secret" },
  noteAuthor: { setting: "agentId", label: "Zendesk user id of the agent who authors the notes" },
  methods: ["oauth", "manual"],
  oauthStartFields: [{ name: "subdomain", label: "Zendesk subdomain" }],
  manual: {
    usage: USAGE,
    fields: [
      { flag: "subdomain", path: "account", label: "Zendesk subdomain", required: true, hint: "acme for acme.zendesk.com" },
      { flag: "email", path: "settings.email", label: "Agent e-mail", type: "email", required: true, hint: "the agent the API token belongs to" },
      { flag: "agent-id", path: "settings.agentId", label: "Agent user id", required: true, hint: "that agent's Zendesk user id: our notes' author" },
      { flag: "api-token", path: "secrets.apiToken", label: "API token", type: "password", hint: "Admin Center → Apps and integrations → Zendesk API" },
      { flag: "access-token", path: "secrets.accessToken", label: "OAuth access token", type: "password", hint: "instead of an API token" },
      { flag: "signing-secret", path: "secrets.signingSecret", label: "Webhook signing secret", type: "password", hint: "optional now: reveal it after creating the webhook" },
    ],
    fromFlags(f) {
      const account = f.need("subdomain", "the Zendesk subdomain, acme for acme.zendesk.com");
      const email = f.need("email", "the e-mail of the Zendesk agent the API token belongs to");
      const agentId = f.need("agent-id", "that agent's Zendesk user id (our notes' author)");
      const apiToken = f.opt("api-token");
      const accessToken = f.opt("access-token");
      if (!apiToken && !accessToken) f.fail("--api-token is required (or --access-token for OAuth)");
      const signingSecret = f.opt("signing-secret");
      return { account, settings: { email, agentId }, secrets: { apiToken, accessToken, signingSecret } };
    },
    setupSteps(inst, url) {
      const secretStep = inst.secrets.signingSecret
        ? `Zendesk must sign with the secret you gave; if the webhook shows another one ("Reveal secret"), run: npm run cli -- installations set-secret --installation ${inst.id} --signing-secret <secret>`
        : `Open the webhook, click "Reveal secret" and run: npm run cli -- installations set-secret --installation ${inst.id} --signing-secret <secret> (webhooks are refused until then)`;
      return [
        `In Zendesk Admin Center → Apps and integrations → Webhooks, create a webhook: endpoint ${url}, method POST, format JSON`,
        `Either subscribe it to the Zendesk events ${MANUAL_EVENTS.join(", ")}, or choose "Trigger or automation" and connect a trigger on tickets created and updated`,
        secretStep,
      ];
    },
  },
};

export const zendeskSettings: ConnectorSettings = {
  variables: [
    { name: "ZENDESK_API_URL", kind: "url", use: "api_url", description: "Replaces https://<subdomain>.zendesk.com for the API and the OAuth endpoints (tests, local fakes)." },
    { name: "ZENDESK_OAUTH_CLIENT_ID", kind: "text", use: "oauth_client_id", description: "The global OAuth client's identifier; with the secret, GET /install/zendesk is one click." },
    { name: "ZENDESK_OAUTH_CLIENT_SECRET", kind: "text", use: "oauth_client_secret", description: "The global OAuth client's secret." },
  ],
};

export function zendeskTicketUrl(account: string, ticketRef: string): string {
  return `https://${account}.zendesk.com/agent/tickets/${encodeURIComponent(ticketRef)}`;
}
