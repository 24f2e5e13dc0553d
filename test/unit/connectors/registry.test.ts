// The connector contract's installing and settings capabilities: what the CLI, console, config
// and installation store read instead of naming a helpdesk.
import { connectorOf, providerNames, registeredConnectors, ticketUrl, webhookUrl } from "../../../connectors";
import type { Connector, Provider } from "../../../connectors/types";
import { loadConfig, OAUTH_CLIENT_VARIABLES } from "../../../src/config";
import { INSTALLATION_CLI_OPTIONS, SECRET_FLAGS } from "../../../src/cli/installations";
import { CONNECT_FORMS, flagsFromForm } from "../../../src/http/console/pages/connect-forms";

describe("the registry", () => {
  it("finds connectors by name, and nothing for a name that is no helpdesk", () => {
    expect(providerNames).toEqual(["zendesk", "intercom", "crisp"]);
    for (const p of providerNames) expect(connectorOf(p)?.provider).toBe(p);
    for (const name of ["constructor", "__proto__", "toString", "freshdesk", ""]) expect(connectorOf(name)).toBeUndefined();
    expect(ticketUrl("freshdesk", "acme", "1")).toBeNull();
  });

  it("lists the install methods a connector has the capabilities for", () => {
    for (const c of registeredConnectors) {
      expect(c.installation.methods.includes("oauth")).toBe(Boolean(c.oauth));
      expect(c.installation.methods.includes("manual")).toBe(Boolean(c.installation.manual));
      expect(c.installation.methods.length).toBeGreaterThan(0);
    }
    expect(connectorOf("crisp")?.installation.methods).toEqual(["plugin", "website_hook", "manual"]);
  });

  it("builds each helpdesk's webhook URL from its own declaration", () => {
    const base = "https://memory.example.com/";
    expect(webhookUrl(base, { id: "inst_1", provider: "zendesk", settings: {}, secrets: {} })).toBe("https://memory.example.com/webhooks/zendesk/inst_1");
    expect(webhookUrl(base, { id: "inst_2", provider: "intercom", settings: {}, secrets: {} })).toBe("https://memory.example.com/webhooks/intercom");
    expect(webhookUrl(base, { id: "inst_3", provider: "crisp", settings: { mode: "plugin" }, secrets: {} })).toBe("https://memory.example.com/webhooks/crisp");
    expect(webhookUrl(base, { id: "inst_4", provider: "crisp", settings: { mode: "website_hook" }, secrets: { hookKey: "k1" } })).toBe("https://memory.example.com/webhooks/crisp/inst_4?key=k1");
  });

  it("every manual field that fills a validated value names a path the schema reports errors on", () => {
    for (const c of registeredConnectors) {
      const r = c.installation.schema.safeParse({ account: "", settings: {}, secrets: {} });
      expect(r.success).toBe(false);
      const paths = new Set(r.error!.issues.map((i) => i.path.join(".")));
      // the first thing a person leaves out is the account: its flag is named, not the path
      expect(paths.has("account")).toBe(true);
      expect(c.installation.manual?.fields.find((f) => f.path === "account")).toBeDefined();
    }
  });
});

describe("CLI flags and console forms from the connectors' fields", () => {
  it("declares every field's flag to the argument parser, choices that are flags as booleans", () => {
    for (const c of registeredConnectors) {
      for (const f of c.installation.manual?.fields ?? []) {
        if (f.choicesAreFlags) for (const [flag] of f.choices ?? []) expect(INSTALLATION_CLI_OPTIONS[flag]).toEqual({ type: "boolean" });
        else expect(INSTALLATION_CLI_OPTIONS[f.flag]).toEqual({ type: "string" });
        if (f.type === "password") expect(SECRET_FLAGS).toContain(f.flag);
      }
    }
  });

  it("turns a form into the same flags the CLI takes", () => {
    expect(Object.keys(CONNECT_FORMS)).toEqual(["zendesk", "intercom", "crisp"]);
    expect(CONNECT_FORMS.constructor).toBeUndefined();
    expect(flagsFromForm("crisp", { "website-id": " w ", mode: "website-hook", key: "" }, "tnt_1")).toEqual({ tenant: "tnt_1", "website-id": "w", "website-hook": true });
    expect(flagsFromForm("crisp", { mode: "plugin" }, "tnt_1")).toEqual({ tenant: "tnt_1", plugin: true });
    expect(flagsFromForm("nowhere", { x: "1" }, "tnt_1")).toEqual({ tenant: "tnt_1" });
  });
});

describe("settings declared by connectors", () => {
  // a fourth helpdesk: one declaration, and the config reads it like the others
  const helpscout = {
    provider: "helpscout" as Provider,
    settings: {
      variables: [
        { name: "HELPSCOUT_API_URL", kind: "url", use: "api_url", description: "API host override" },
        { name: "HELPSCOUT_OAUTH_CLIENT_ID", kind: "text", use: "oauth_client_id", description: "client id" },
        { name: "HELPSCOUT_OAUTH_CLIENT_SECRET", kind: "text", use: "oauth_client_secret", secret: "signingSecret", description: "client secret" },
        { name: "HELPSCOUT_APP_TENANT", kind: "text", use: "app_tenant", description: "tenant of app installs" },
      ],
    },
  } satisfies Pick<Connector, "provider" | "settings">;

  it("reads a new helpdesk's variables with no change to the config", () => {
    const c = loadConfig(
      { HELPSCOUT_API_URL: "http://127.0.0.1:9/hs", HELPSCOUT_OAUTH_CLIENT_ID: "id", HELPSCOUT_OAUTH_CLIENT_SECRET: "sec", HELPSCOUT_APP_TENANT: "tnt_9" },
      [helpscout],
    );
    expect(c.providerApiUrls).toEqual({ helpscout: "http://127.0.0.1:9/hs" });
    expect(c.oauthClients).toEqual({ helpscout: { clientId: "id", clientSecret: "sec" } });
    expect(c.providerApps).toEqual({ helpscout: { secrets: { signingSecret: "sec" }, tenantId: "tnt_9" } });
  });

  it("names the variable that is wrong: a bad URL, half an OAuth client", () => {
    expect(() => loadConfig({ HELPSCOUT_API_URL: "not a url" }, [helpscout])).toThrow(/HELPSCOUT_API_URL: /);
    expect(() => loadConfig({ HELPSCOUT_OAUTH_CLIENT_SECRET: "s" }, [helpscout])).toThrow(/HELPSCOUT_OAUTH_CLIENT_ID: required with HELPSCOUT_OAUTH_CLIENT_SECRET/);
    expect(() => loadConfig({ ZENDESK_API_URL: "zendesk.example" })).toThrow(/ZENDESK_API_URL: /);
    expect(() => loadConfig({ CRISP_PLUGIN_KEY: "k" })).toThrow(/CRISP_PLUGIN_IDENTIFIER: required with the other half of the Crisp plugin token/);
  });

  it("refuses a variable two connectors declare", () => {
    expect(() => loadConfig({}, [helpscout, { ...helpscout, provider: "other" as Provider }])).toThrow(/HELPSCOUT_API_URL is declared twice/);
    expect(() => loadConfig({}, [{ provider: "x" as Provider, settings: { variables: [{ name: "PORT", kind: "text", use: "app_tenant", description: "" }] } }])).toThrow(/PORT is declared twice/);
  });

  it("keeps the documented variable names of the registered helpdesks", () => {
    expect(OAUTH_CLIENT_VARIABLES).toEqual({
      zendesk: ["ZENDESK_OAUTH_CLIENT_ID", "ZENDESK_OAUTH_CLIENT_SECRET"],
      intercom: ["INTERCOM_OAUTH_CLIENT_ID", "INTERCOM_OAUTH_CLIENT_SECRET"],
    });
    const c = loadConfig({ ZENDESK_API_URL: "http://127.0.0.1:1/z", INTERCOM_API_URL: "http://127.0.0.1:1/i", INTERCOM_APP_URL: "http://127.0.0.1:1/a", CRISP_API_URL: "http://127.0.0.1:1/c" });
    expect(c.providerApiUrls).toEqual({ zendesk: "http://127.0.0.1:1/z", intercom: "http://127.0.0.1:1/i", crisp: "http://127.0.0.1:1/c" });
    expect(c.providerAppUrls).toEqual({ intercom: "http://127.0.0.1:1/a" });
    for (const c of registeredConnectors) for (const v of c.settings?.variables ?? []) expect(v.description.length).toBeGreaterThan(10);
  });
});
