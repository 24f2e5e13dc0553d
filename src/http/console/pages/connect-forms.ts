// The manual connect forms: the same fields, by the same names, as
// `npm run cli -- installations add <helpdesk>`, whose command the console runs.
export type FormField = { flag: string; label: string; type?: "text" | "password" | "email"; required?: boolean; hint?: string; choices?: [string, string][] };

export const CONNECT_FORMS: Record<string, { title: string; fields: FormField[] }> = {
  zendesk: {
    title: "Zendesk",
    fields: [
      { flag: "subdomain", label: "Zendesk subdomain", required: true, hint: "acme for acme.zendesk.com" },
      { flag: "email", label: "Agent e-mail", type: "email", required: true, hint: "the agent the API token belongs to" },
      { flag: "agent-id", label: "Agent user id", required: true, hint: "that agent's Zendesk user id: our notes' author" },
      { flag: "api-token", label: "API token", type: "password", hint: "Admin Center → Apps and integrations → Zendesk API" },
      { flag: "access-token", label: "OAuth access token", type: "password", hint: "instead of an API token" },
      { flag: "signing-secret", label: "Webhook signing secret", type: "password", hint: "optional now: reveal it after creating the webhook" },
    ],
  },
  intercom: {
    title: "Intercom",
    fields: [
      { flag: "app-id", label: "App id", required: true, hint: "the Intercom workspace id" },
      { flag: "access-token", label: "Access token", type: "password", required: true },
      { flag: "client-secret", label: "Client secret", type: "password", required: true, hint: "Intercom signs webhooks with it" },
      { flag: "admin-id", label: "Admin id", required: true, hint: "the admin who authors our notes" },
      { flag: "region", label: "Region", choices: [["us", "US"], ["eu", "EU"], ["au", "Australia"]] },
    ],
  },
  crisp: {
    title: "Crisp",
    fields: [
      { flag: "website-id", label: "Website id", required: true, hint: "the Crisp website_id (a UUID)" },
      { flag: "mode", label: "Hook kind", choices: [["plugin", "Plugin (Marketplace) hooks"], ["website-hook", "Website hook (Settings → Web Hooks)"]] },
      { flag: "identifier", label: "Plugin token identifier", hint: "optional: the plugin's token" },
      { flag: "key", label: "Plugin token key", type: "password" },
      { flag: "signing-secret", label: "Plugin hook signing secret", type: "password" },
    ],
  },
};

/** The CLI flags for a submitted form: empty fields left out, Crisp's hook kind as its flag. */
export function flagsFromForm(provider: string, form: Record<string, unknown>, tenantId: string): Record<string, string | boolean> {
  const flags: Record<string, string | boolean> = { tenant: tenantId };
  for (const f of CONNECT_FORMS[provider]?.fields ?? []) {
    const v = form[f.flag];
    if (typeof v !== "string" || v.trim() === "") continue;
    if (f.flag === "mode") flags[v === "website-hook" ? "website-hook" : "plugin"] = true;
    else flags[f.flag] = v.trim();
  }
  return flags;
}
