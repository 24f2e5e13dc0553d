import type { Provider } from "../../../connectors/types";
import { generateHookKey, initialStatus, validateInstallation, type InstallationInput } from "../../../src/tenants/installations";

const WEBSITE = "8c842203-7ed8-4e29-a608-7cf78a7d2fcc";
const zendesk: InstallationInput = {
  account: "acme",
  settings: { email: "agent@acme.com", agentId: "123" },
  secrets: { apiToken: "tok", signingSecret: "sig" },
};
const intercom: InstallationInput = { account: "abc123de", settings: { adminId: "42" }, secrets: { accessToken: "at", clientSecret: "cs" } };
const crisp: InstallationInput = { account: WEBSITE, settings: { mode: "plugin" } };

type Expected = { value: { account?: string; settings?: object; secrets?: object } } | { field: string; message: RegExp };
type Case = [string, Provider, InstallationInput, Expected];
const ok = (value: { account?: string; settings?: object; secrets?: object }): Expected => ({ value });

describe("validateInstallation", () => {
  const cases: Case[] = [
    ["zendesk: complete", "zendesk", zendesk, ok({ account: "acme", settings: { email: "agent@acme.com", agentId: "123" } })],
    ["zendesk: full host pasted", "zendesk", { ...zendesk, account: "https://Acme-EU.zendesk.com/" }, ok({ account: "acme-eu" })],
    ["zendesk: OAuth token instead of API token", "zendesk", { ...zendesk, secrets: { accessToken: "oauth", signingSecret: "s" } }, ok({ secrets: { accessToken: "oauth", signingSecret: "s" } })],
    ["zendesk: signing secret may come later", "zendesk", { ...zendesk, secrets: { apiToken: "tok" } }, ok({ secrets: { apiToken: "tok" } })],
    ["zendesk: unknown settings are dropped", "zendesk", { ...zendesk, settings: { ...zendesk.settings, colour: "red" } }, ok({ settings: { email: "agent@acme.com", agentId: "123" } })],
    ["zendesk: subdomain with a dot", "zendesk", { ...zendesk, account: "acme.corp" }, { field: "account", message: /Zendesk subdomain/ }],
    ["zendesk: subdomain with an underscore", "zendesk", { ...zendesk, account: "ac_me" }, { field: "account", message: /letters, digits and dashes/ }],
    ["zendesk: empty subdomain", "zendesk", { ...zendesk, account: " " }, { field: "account", message: /is required/ }],
    ["zendesk: no e-mail", "zendesk", { ...zendesk, settings: { agentId: "123" } }, { field: "settings.email", message: /is required/ }],
    ["zendesk: bad e-mail", "zendesk", { ...zendesk, settings: { email: "agent", agentId: "123" } }, { field: "settings.email", message: /e-mail address/ }],
    ["zendesk: agent id not digits", "zendesk", { ...zendesk, settings: { email: "a@b.co", agentId: "abc" } }, { field: "settings.agentId", message: /numeric/ }],
    ["zendesk: no token at all", "zendesk", { ...zendesk, secrets: { signingSecret: "s" } }, { field: "secrets.apiToken", message: /accessToken/ }],
    ["intercom: region defaults to us", "intercom", intercom, ok({ account: "abc123de", settings: { adminId: "42", region: "us" } })],
    ["intercom: eu", "intercom", { ...intercom, settings: { adminId: "42", region: "eu" } }, ok({ settings: { adminId: "42", region: "eu" } })],
    ["intercom: unknown region", "intercom", { ...intercom, settings: { adminId: "42", region: "mars" } }, { field: "settings.region", message: /us, eu, au/ }],
    ["intercom: no admin id", "intercom", { ...intercom, settings: {} }, { field: "settings.adminId", message: /is required/ }],
    ["intercom: no client secret", "intercom", { ...intercom, secrets: { accessToken: "at" } }, { field: "secrets.clientSecret", message: /is required/ }],
    ["intercom: app id with symbols", "intercom", { ...intercom, account: "abc-123" }, { field: "account", message: /app_id/ }],
    ["crisp: plugin without token", "crisp", crisp, ok({ account: WEBSITE, settings: { mode: "plugin" }, secrets: {} })],
    ["crisp: website id is lower-cased", "crisp", { ...crisp, account: WEBSITE.toUpperCase() }, ok({ account: WEBSITE })],
    ["crisp: plugin token pair", "crisp", { ...crisp, secrets: { identifier: "id", key: "k" } }, ok({ secrets: { identifier: "id", key: "k" } })],
    ["crisp: half a plugin token", "crisp", { ...crisp, secrets: { identifier: "id" } }, { field: "secrets.key", message: /other half/ }],
    ["crisp: website id not a UUID", "crisp", { ...crisp, account: "my-site" }, { field: "account", message: /website_id/ }],
    ["crisp: no mode", "crisp", { ...crisp, settings: {} }, { field: "settings.mode", message: /plugin, website_hook/ }],
    ["crisp: typed hook keys are not taken", "crisp", { ...crisp, settings: { mode: "website_hook" }, secrets: { hookKey: "mine" } }, ok({ secrets: {} })],
  ];

  it.each(cases)("%s", (_name, provider, input, expected) => {
    const r = validateInstallation(provider, input);
    if ("field" in expected) {
      expect(r).toEqual({ ok: false, field: expected.field, message: expect.stringMatching(expected.message) });
      return;
    }
    if (!r.ok) throw new Error(`expected valid, got ${r.field} ${r.message}`);
    // exact equality on the parts a case names: unknown keys must be dropped, not kept
    for (const [part, want] of Object.entries(expected.value)) expect(r.value[part as keyof typeof r.value]).toEqual(want);
  });
});

describe("initialStatus", () => {
  it.each([
    ["zendesk", { apiToken: "t", signingSecret: "s" }, "active"],
    ["zendesk", { apiToken: "t" }, "pending"],
    ["intercom", { accessToken: "a", clientSecret: "c" }, "active"],
    ["crisp", {}, "active"],
  ] as const)("%s %j → %s", (provider, secrets, status) => {
    expect(initialStatus(provider, secrets)).toBe(status);
  });
});

it("hook keys are 32 URL-safe characters and never repeat", () => {
  const keys = new Set(Array.from({ length: 50 }, generateHookKey));
  expect(keys.size).toBe(50);
  for (const k of keys) expect(k).toMatch(/^[A-Za-z0-9_-]{32}$/);
});
