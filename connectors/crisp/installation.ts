// What a Crisp installation holds and how an admin makes one by hand: the schema, the CLI
// flags and console fields, the setup steps, and the plugin settings this connector reads.
import { z } from "zod";
import type { ConnectorSettings, InstallationCapability } from "../types";
import { optional, required } from "../shared/installation-fields";

const schema = z
  .object({
    account: required().toLowerCase().pipe(z.guid("must be the Crisp website_id (a UUID)")),
    settings: z.object({ mode: z.enum(["plugin", "website_hook"], { error: "must be one of: plugin, website_hook" }) }),
    secrets: z.object({ identifier: optional(), key: optional(), signingSecret: optional() }),
  })
  .superRefine((v, ctx) => {
    // a plugin token is a pair: half of one is a typo, not a choice
    if (Boolean(v.secrets.identifier) !== Boolean(v.secrets.key)) {
      const missing = v.secrets.identifier ? "key" : "identifier";
      ctx.addIssue({ code: "custom", path: ["secrets", missing], message: "is required with the other half of the Crisp plugin token" });
    }
  });

const USAGE =
  "installations add crisp --tenant <tenant id> --website-id <website_id> (--plugin | --website-hook) [--identifier <plugin token id> --key <plugin token key>] [--signing-secret <plugin hook secret>]";

const websiteHook = (settings: Record<string, string | undefined>) => settings.mode === "website_hook";

export const crispInstallation: InstallationCapability = {
  schema,
  normaliseAccount: (account) => account.trim().toLowerCase(),
  // website hooks are unsigned: a generated key in their URL is what authenticates them
  keyedWebhook: websiteHook,
  webhookUrl: (base, inst) => (websiteHook(inst.settings) ? `${base}/webhooks/crisp/${inst.id}?key=${inst.secrets.hookKey ?? ""}` : `${base}/webhooks/crisp`),
  adminSecret: { secret: "signingSecret", label: "Signing secret" },
  methods: ["plugin", "website_hook", "manual"],
  manual: {
    usage: USAGE,
    fields: [
      { flag: "website-id", path: "account", label: "Website id", required: true, hint: "the Crisp website_id (a UUID)" },
      { flag: "mode", label: "Hook kind", choicesAreFlags: true, choices: [["plugin", "Plugin (Marketplace) hooks"], ["website-hook", "Website hook (Settings → Web Hooks)"]] },
      { flag: "identifier", path: "secrets.identifier", label: "Plugin token identifier", hint: "optional: the plugin's token" },
      { flag: "key", path: "secrets.key", label: "Plugin token key", type: "password" },
      { flag: "signing-secret", path: "secrets.signingSecret", label: "Plugin hook signing secret", type: "password" },
    ],
    fromFlags(f) {
      const account = f.need("website-id", "the Crisp website_id");
      if (f.isSet("plugin") === f.isSet("website-hook")) f.fail("choose one of --plugin or --website-hook");
      const mode = f.isSet("plugin") ? "plugin" : "website_hook";
      return { account, settings: { mode }, secrets: { identifier: f.opt("identifier"), key: f.opt("key"), signingSecret: f.opt("signing-secret") } };
    },
    setupSteps(inst, url) {
      if (!websiteHook(inst.settings)) {
        return [`In the Crisp Marketplace → your plugin → Settings → Web Hooks, add ${url} for message:send and message:received`, `Subscribe website ${inst.account} to the plugin`];
      }
      return [
        `In Crisp → Settings → Website Settings → Advanced configuration → Web Hooks, add ${url} for message:send and message:received`,
        "Keep the URL secret: website hooks are unsigned, the key in it is what authenticates them",
      ];
    },
  },
};

export const crispSettings: ConnectorSettings = {
  variables: [
    { name: "CRISP_API_URL", kind: "url", use: "api_url", description: "Replaces the Crisp REST API host (tests, local fakes)." },
    // one plugin token and hook secret for every website that installed the plugin
    { name: "CRISP_PLUGIN_IDENTIFIER", kind: "text", use: "app_secret", secret: "identifier", description: "The Crisp plugin token's identifier, for websites that installed the plugin." },
    { name: "CRISP_PLUGIN_KEY", kind: "text", use: "app_secret", secret: "key", description: "The Crisp plugin token's key." },
    { name: "CRISP_PLUGIN_SIGNING_SECRET", kind: "text", use: "app_secret", secret: "signingSecret", description: "The Crisp plugin's hook signing secret." },
    { name: "CRISP_PLUGIN_TENANT_ID", kind: "text", use: "app_tenant", description: "The tenant that gets the installation when a website installs the plugin (plugin:subscription:updated)." },
  ],
  // a plugin token is a pair: half of one is a typo, not a choice
  pairs: [{ names: ["CRISP_PLUGIN_IDENTIFIER", "CRISP_PLUGIN_KEY"], message: "required with the other half of the Crisp plugin token" }],
};

export function crispTicketUrl(account: string, ticketRef: string): string {
  return `https://app.crisp.chat/website/${encodeURIComponent(account)}/inbox/${encodeURIComponent(ticketRef)}/`;
}
