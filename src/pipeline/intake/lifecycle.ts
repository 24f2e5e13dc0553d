// App-level install and uninstall events on a shared endpoint (an account subscribing to or
// leaving a plugin), for any connector with `lifecycle`. They arrive before any installation
// exists, so they are verified with the app's own secret, never recorded in the inbox.
// An install creates the installation in the tenant configured for the app (a setting of that
// app), or brings back one that was uninstalled; without a configured tenant
// it is only logged (add the installation with the CLI). An uninstall marks it `uninstalled`.
// An installation an admin disabled stays disabled whatever the helpdesk says.
import type { InstallationInfo, Provider, RawRequest } from "../../../connectors/types";
import type { Logger } from "../../logger";
import type { InstallationRecord, PipelineDeps } from "../deps";
import type { ProviderApps } from "../provider-apps";

type Answer = { status: number; body: Record<string, unknown> };

/** No secrets of its own: the app's are merged in on every read (see provider-apps.ts). */
export type NewAppInstallation = { tenantId: string; provider: Provider; account: string; settings: Record<string, string> };

export type LifecycleDeps = {
  connectors: PipelineDeps["connectors"];
  clock: () => Date;
  log: Logger;
  apps: ProviderApps;
  installations: {
    /** Read from the database (not a cache), with the app's secrets merged in. */
    byAccount(provider: Provider, account: string): Promise<InstallationRecord | null>;
    create(input: NewAppInstallation): Promise<InstallationInfo>;
    setStatus(id: string, status: "active" | "uninstalled", reason?: string): Promise<boolean>;
  };
  /** Told of each installation created or changed here, so cached copies are dropped at once. */
  changed?(installationId: string): void;
};

/** null: the body is no lifecycle event, the caller carries on. */
export type LifecycleReceiver = (provider: Provider, req: RawRequest, json: unknown) => Promise<Answer | null>;

export function createLifecycleReceiver(deps: LifecycleDeps): LifecycleReceiver {
  return async (provider, req, json) => {
    const connector = deps.connectors[provider];
    const change = connector?.lifecycle?.(json);
    if (!connector || !change) return null;
    const existing = await deps.installations.byAccount(provider, change.account);
    const app = deps.apps[provider];
    // The app's hook secret vouches for the event; without one configured, an existing
    // installation's own secret may. Neither: nothing can verify it, and it changes nothing.
    const probe: InstallationInfo = {
      id: existing?.info.id ?? "",
      tenantId: existing?.info.tenantId ?? app?.tenantId ?? "",
      provider,
      account: change.account,
      settings: { ...change.settings },
      secrets: { ...existing?.info.secrets, ...app?.secrets },
    };
    const verified = connector.verify(req, probe, deps.clock());
    if (!verified.ok) {
      deps.log.warn({ provider, account: change.account, code: verified.code }, "app lifecycle event refused");
      return { status: 401, body: { error: { code: verified.code, message: "signature verification failed" } } };
    }
    const answer = (outcome: string, installationId: string | null) => ({
      status: 200,
      body: { received: true, lifecycle: change.action, outcome, installation_id: installationId },
    });
    const note = (id: string) => deps.changed?.(id);

    if (change.action === "uninstall") {
      if (!existing || existing.status === "uninstalled") return answer("not_installed", existing?.info.id ?? null);
      await deps.installations.setStatus(existing.info.id, "uninstalled", `the ${provider} account removed the app at ${deps.clock().toISOString()}`);
      note(existing.info.id);
      deps.log.info({ provider, account: change.account, installation: existing.info.id }, "installation uninstalled by the helpdesk");
      return answer("uninstalled", existing.info.id);
    }

    if (existing) {
      if (existing.status !== "uninstalled") return answer(`already_${existing.status}`, existing.info.id);
      await deps.installations.setStatus(existing.info.id, "active");
      note(existing.info.id);
      deps.log.info({ provider, account: change.account, installation: existing.info.id }, "installation re-installed by the helpdesk");
      return answer("reinstalled", existing.info.id);
    }
    if (!app?.tenantId) {
      deps.log.warn({ provider, account: change.account }, "app installed but no tenant is configured for its installs: add the installation with the CLI");
      return answer("no_tenant_configured", null);
    }
    try {
      const info = await deps.installations.create({ tenantId: app.tenantId, provider, account: change.account, settings: { ...change.settings } });
      note(info.id);
      deps.log.info({ provider, account: change.account, installation: info.id, tenant: app.tenantId }, "installation created by the helpdesk");
      return answer("installed", info.id);
    } catch (err) {
      // the same install delivered twice at once: the other one created it
      const now = await deps.installations.byAccount(provider, change.account);
      if (now && now.status === "active") return answer("already_active", now.info.id);
      deps.log.error({ provider, account: change.account, err: (err as Error).message }, "could not create the installation for an app install");
      return { status: 500, body: { error: { code: "install_failed", message: "the installation could not be created; retry later" } } };
    }
  };
}
