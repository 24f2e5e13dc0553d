// Uninstall: what provisioning made at the helpdesk is removed and the token revoked (the
// connector's `oauth.uninstall`), the installation becomes `uninstalled` (its webhooks are
// refused, its queued deliveries skipped) and its tokens are forgotten.
import { ProviderError } from "../../connectors/types";
import type { AppInstallDeps } from "./app-installs";
import { getInstallation } from "./installations";
import { oauthAppFor } from "./oauth-apps";
import { encryptSecrets } from "./secrets";

export type Uninstalled =
  | { ok: true; installationId: string; status: "uninstalled"; /** Set when the helpdesk could not be cleaned up. */ warning?: string }
  | { ok: false; code: "not_found"; message: string };

/** `tenantId`: when given, an installation of another tenant is "not found". */
export async function uninstallInstallation(
  deps: Omit<AppInstallDeps, "enqueue">,
  installationId: string,
  tenantId?: string,
): Promise<Uninstalled> {
  const record = await getInstallation(deps.db, deps.masterKey, installationId);
  if (!record || (tenantId !== undefined && record.info.tenantId !== tenantId)) return { ok: false, code: "not_found", message: `no installation ${installationId}` };
  let inst = record.info;
  const oauth = deps.connectors[inst.provider]?.oauth;
  const app = oauthAppFor(deps.config, inst.provider) ?? { clientId: "", clientSecret: "", redirectUri: "", apiUrl: deps.config.providerApiUrls[inst.provider] };
  let warning: string | undefined;
  if (oauth?.uninstall && record.status !== "uninstalled") {
    try {
      // an expired token could neither delete the webhook nor be revoked
      if (deps.credentials && record.status === "active") inst = await deps.credentials.fresh(inst).catch(() => inst);
      await oauth.uninstall(app, inst);
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      // uninstalled all the same: the webhook, if it stays, is refused here and paused there
      warning = `could not clean up at ${inst.provider}: ${err.message}`;
    }
  }
  const { accessToken: _a, refreshToken: _r, expiresAt: _e, refreshAt: _f, apiToken: _t, ...kept } = inst.secrets;
  void [_a, _r, _e, _f, _t];
  await deps.db.prisma.installation.update({
    where: { id: inst.id },
    data: { status: "uninstalled", statusReason: warning ?? null, secrets: encryptSecrets(deps.masterKey, kept) },
  });
  await deps.db.sql.query(
    `UPDATE webhook_deliveries SET status = 'skipped', skip_reason = 'installation_inactive', updated_at = $2 WHERE installation_id = $1 AND status = 'held'`,
    [inst.id, new Date().toISOString()],
  );
  deps.changed?.(inst.id);
  deps.log.info({ installation: inst.id, provider: inst.provider, warning }, "uninstalled");
  return { ok: true, installationId: inst.id, status: "uninstalled", ...(warning ? { warning } : {}) };
}
