// OAuth client settings: a pair or nothing, and the Intercom app's secret verifies its webhooks.
import { loadConfig } from "../../src/config";
import { oauthAppFor } from "../../src/tenants/oauth-apps";

describe("OAuth client settings", () => {
  it("names the missing half of a pair", () => {
    expect(() => loadConfig({ ZENDESK_OAUTH_CLIENT_ID: "zdg-x" })).toThrow(/ZENDESK_OAUTH_CLIENT_SECRET: required with ZENDESK_OAUTH_CLIENT_ID/);
    expect(() => loadConfig({ INTERCOM_OAUTH_CLIENT_SECRET: "s" })).toThrow(/INTERCOM_OAUTH_CLIENT_ID: required with INTERCOM_OAUTH_CLIENT_SECRET/);
  });

  it("builds each provider's OAuth app from settings, with the callback under PUBLIC_URL and the host overrides", () => {
    const c = loadConfig({
      PUBLIC_URL: "https://memory.example.com/",
      ZENDESK_OAUTH_CLIENT_ID: "zdg-x",
      ZENDESK_OAUTH_CLIENT_SECRET: "zs",
      INTERCOM_OAUTH_CLIENT_ID: "ic",
      INTERCOM_OAUTH_CLIENT_SECRET: "is",
      INTERCOM_API_URL: "http://127.0.0.1:9/api",
      INTERCOM_APP_URL: "http://127.0.0.1:9/app",
    });
    expect(oauthAppFor(c, "zendesk")).toEqual({ clientId: "zdg-x", clientSecret: "zs", redirectUri: "https://memory.example.com/oauth/zendesk/callback" });
    expect(oauthAppFor(c, "intercom")).toEqual({ clientId: "ic", clientSecret: "is", redirectUri: "https://memory.example.com/oauth/intercom/callback", apiUrl: "http://127.0.0.1:9/api", appUrl: "http://127.0.0.1:9/app" });
    expect(oauthAppFor(c, "crisp")).toBeUndefined();
    expect(c.providerApps.intercom?.secrets.clientSecret).toBe("is");
    expect(oauthAppFor(loadConfig({}), "zendesk")).toBeUndefined();
  });
});
