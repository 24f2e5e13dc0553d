// The generic app-lifecycle handler and app-level credentials, driven by the Crisp connector:
// plugin:subscription:updated creates or uninstalls an installation, verified with the
// plugin's own hook secret, and the plugin's token fills in for installations without one.
import { crispConnector } from "../../../../connectors/crisp";
import { signCrispBody } from "../../../../connectors/crisp/verify";
import type { InstallationInfo, Provider, RawRequest } from "../../../../connectors/types";
import { loadConfig } from "../../../../src/config";
import { createLogger } from "../../../../src/logger";
import type { InstallationRecord } from "../../../../src/pipeline/deps";
import { createLifecycleReceiver, type NewAppInstallation } from "../../../../src/pipeline/intake/lifecycle";
import { withAppSecrets } from "../../../../src/pipeline/provider-apps";
import { fixtureBytes, IDENTIFIER, installation, KEY, WEBSITE } from "./fixtures";

const PLUGIN_SECRET = "plugin-level-hook-secret-5b2e";
const NOW = new Date(1764060000000);

function signedBy(name: string, secret = PLUGIN_SECRET, at = NOW): { req: RawRequest; json: unknown } {
  const body = fixtureBytes(name);
  const ts = String(at.getTime());
  return { req: { headers: { "x-crisp-signature": signCrispBody(secret, ts, body), "x-crisp-request-timestamp": ts }, rawBody: body, query: {} }, json: JSON.parse(body.toString("utf8")) };
}

/** Installations in memory, as the database would keep them. */
function store() {
  const rows: InstallationRecord[] = [];
  const changed: string[] = [];
  return {
    rows,
    changed,
    api: {
      async byAccount(provider: Provider, account: string) {
        return rows.find((r) => r.info.provider === provider && r.info.account === account) ?? null;
      },
      async create(input: NewAppInstallation): Promise<InstallationInfo> {
        const info: InstallationInfo = { id: `inst_${rows.length + 1}`, ...input, secrets: {} };
        rows.push({ info, status: "active" });
        return info;
      },
      async setStatus(id: string, status: "active" | "uninstalled") {
        const row = rows.find((r) => r.info.id === id);
        if (row) row.status = status;
        return Boolean(row);
      },
    },
  };
}

function receiver(s: ReturnType<typeof store>, app: { tenantId?: string; signingSecret?: string } = { tenantId: "tnt_acme", signingSecret: PLUGIN_SECRET }) {
  return createLifecycleReceiver({
    connectors: { crisp: crispConnector as never },
    clock: () => NOW,
    log: createLogger("silent"),
    apps: { crisp: { secrets: app.signingSecret ? { signingSecret: app.signingSecret } : {}, tenantId: app.tenantId } },
    installations: s.api,
    changed: (id) => s.changed.push(id),
  });
}

describe("app install events (plugin:subscription:updated)", () => {
  it("creates a plugin installation in the configured tenant, then marks it uninstalled, then brings it back", async () => {
    const s = store();
    const receive = receiver(s);
    const bound = signedBy("plugin-subscription-bound.json");
    expect(await receive("crisp", bound.req, bound.json)).toMatchObject({ status: 200, body: { outcome: "installed", installation_id: "inst_1" } });
    expect(s.rows[0]).toMatchObject({ status: "active", info: { tenantId: "tnt_acme", account: WEBSITE, settings: { mode: "plugin" } } });

    const unbound = signedBy("plugin-subscription-unbound.json");
    expect(await receive("crisp", unbound.req, unbound.json)).toMatchObject({ status: 200, body: { outcome: "uninstalled" } });
    expect(s.rows[0]!.status).toBe("uninstalled");
    expect(await receive("crisp", unbound.req, unbound.json)).toMatchObject({ status: 200, body: { outcome: "not_installed" } });

    expect(await receive("crisp", bound.req, bound.json)).toMatchObject({ status: 200, body: { outcome: "reinstalled" } });
    expect(s.rows).toHaveLength(1);
    expect(s.rows[0]!.status).toBe("active");
    expect(s.changed).toEqual(["inst_1", "inst_1", "inst_1"]);
  });

  it("leaves an installation an admin disabled as it is", async () => {
    const s = store();
    s.rows.push({ info: installation({ id: "inst_9" }), status: "disabled" });
    const bound = signedBy("plugin-subscription-bound.json");
    expect(await receiver(s)("crisp", bound.req, bound.json)).toMatchObject({ status: 200, body: { outcome: "already_disabled" } });
    expect(s.rows[0]!.status).toBe("disabled");
  });

  it.each([
    ["signed with another secret", () => signedBy("plugin-subscription-bound.json", "not-the-plugin-secret")],
    ["signed 10 minutes ago", () => signedBy("plugin-subscription-bound.json", PLUGIN_SECRET, new Date(NOW.getTime() - 600_000))],
  ])("refuses an install %s with 401 and creates nothing", async (_name, make) => {
    const s = store();
    const { req, json } = make();
    expect(await receiver(s)("crisp", req, json)).toMatchObject({ status: 401 });
    expect(s.rows).toHaveLength(0);
  });

  it("refuses an uninstall nobody can verify (no plugin secret anywhere) and keeps the installation", async () => {
    const s = store();
    s.rows.push({ info: installation({ id: "inst_7", secrets: { identifier: IDENTIFIER, key: KEY } }), status: "active" });
    const { req, json } = signedBy("plugin-subscription-unbound.json");
    expect(await receiver(s, { tenantId: "tnt_acme" })("crisp", req, json)).toMatchObject({ status: 401, body: { error: { code: "bad_key" } } });
    expect(s.rows[0]!.status).toBe("active");
  });

  it("creates nothing when no tenant is configured for plugin installs, and says so", async () => {
    const s = store();
    const { req, json } = signedBy("plugin-subscription-bound.json");
    expect(await receiver(s, { signingSecret: PLUGIN_SECRET })("crisp", req, json)).toMatchObject({ status: 200, body: { outcome: "no_tenant_configured" } });
    expect(s.rows).toHaveLength(0);
  });

  it("lets every other body through (null)", async () => {
    const { req, json } = signedBy("message-send-text.json");
    expect(await receiver(store())("crisp", req, json)).toBeNull();
    expect(await receiver(store())("zendesk", req, json)).toBeNull();
  });
});

describe("plugin-level credentials", () => {
  const apps = { crisp: { secrets: { identifier: "plugin-id", key: "plugin-key", signingSecret: "plugin-secret" } } };

  it("fill in an installation that has none of its own", () => {
    const record = withAppSecrets({ info: installation({ secrets: {} }), status: "active" }, apps);
    expect(record!.info.secrets).toEqual(apps.crisp.secrets);
  });

  it("never replace an installation's own token or secret", () => {
    const own = { identifier: IDENTIFIER, key: KEY, signingSecret: "own-secret" };
    expect(withAppSecrets({ info: installation({ secrets: own }), status: "active" }, apps)!.info.secrets).toEqual(own);
  });

  it("are read from CRISP_PLUGIN_* and refuse half a token", () => {
    const config = loadConfig({ CRISP_PLUGIN_IDENTIFIER: "plugin-id", CRISP_PLUGIN_KEY: "plugin-key", CRISP_PLUGIN_SIGNING_SECRET: "plugin-secret", CRISP_PLUGIN_TENANT_ID: "tnt_1" });
    expect(config.providerApps).toEqual({ crisp: { ...apps.crisp, tenantId: "tnt_1" } });
    expect(loadConfig({}).providerApps).toEqual({});
    expect(() => loadConfig({ CRISP_PLUGIN_IDENTIFIER: "plugin-id" })).toThrow(/CRISP_PLUGIN_KEY: required/);
  });
});
