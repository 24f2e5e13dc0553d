// Helpdesk installations as console cards: status, webhook URL, last delivery and error,
// and the few changes an admin makes (note author, disable, uninstall). Creating and
// re-keying go through src/tenants/installations.ts like the CLI's commands.
import { connectorOf, webhookUrl } from "../../../connectors";
import { NOTE_AUTHOR_PICKED } from "../../../connectors/shared/installation-fields";
import type { InstallationSecrets } from "../../../connectors/types";
import type { Database } from "../../db/client";
import { resumeHeldDeliveries } from "../../tenants/held-deliveries";
import { encryptSecrets } from "../../tenants/secrets";
import {
  getInstallation,
  listInstallations,
  setInstallationStatus,
  updateInstallationSecrets,
  validateInstallation,
  type InstallationStatus,
} from "../../tenants/installations";
import { ApiError } from "../errors";

export type InstallationCard = Awaited<ReturnType<typeof installationCards>>[number];

export async function installationCards(db: Database, tenantId: string, publicUrl: string, masterKey: () => Buffer) {
  const rows = (await listInstallations(db, tenantId)).filter((r) => r.tenantId === tenantId);
  const [last, errors] = await Promise.all([
    db.sql.query<{ installation_id: string; last_at: Date | string }>(
      `SELECT installation_id, max(received_at) AS last_at FROM webhook_deliveries WHERE tenant_id = $1 GROUP BY installation_id`,
      [tenantId],
    ),
    db.sql.query<{ installation_id: string; last_error: string; at: Date | string }>(
      `SELECT DISTINCT ON (installation_id) installation_id, last_error, updated_at AS at
         FROM webhook_deliveries WHERE tenant_id = $1 AND last_error IS NOT NULL
        ORDER BY installation_id, updated_at DESC`,
      [tenantId],
    ),
  ]);
  const iso = (v: Date | string | undefined) => (v === undefined ? null : new Date(v).toISOString());
  return Promise.all(
    rows.map(async (r) => {
      const installation = connectorOf(r.provider)?.installation;
      // a keyed webhook URL carries a generated key: only the decrypted record has it
      const secrets = installation?.keyedWebhook?.(r.settings) ? ((await getInstallation(db, masterKey(), r.id))?.info.secrets ?? {}) : {};
      const author = installation?.noteAuthor;
      const err = errors.find((e) => e.installation_id === r.id);
      return {
        installation_id: r.id,
        provider: r.provider,
        account: r.account,
        status: r.status as InstallationStatus | string,
        status_reason: r.statusReason,
        webhook_url: webhookUrl(publicUrl, { id: r.id, provider: r.provider, settings: r.settings, secrets }),
        note_author: author ? { setting: author.setting, label: author.label, value: r.settings[author.setting] ?? null } : null,
        last_delivery_at: iso(last.find((l) => l.installation_id === r.id)?.last_at),
        last_error: err ? { message: err.last_error, at: iso(err.at) } : null,
        created_at: r.createdAt.toISOString(),
      };
    }),
  );
}

/** The installation when it is this tenant's; a 404 otherwise (another tenant's looks unknown). */
export async function ownInstallation(db: Database, tenantId: string, id: string) {
  const row = await db.prisma.installation.findFirst({ where: { id, tenantId } });
  if (!row) throw new ApiError("not_found", `no installation ${id}`, "installation_id");
  return row;
}

export async function setNoteAuthor(db: Database, masterKey: Buffer, tenantId: string, id: string, value: string): Promise<void> {
  await ownInstallation(db, tenantId, id);
  const current = (await getInstallation(db, masterKey, id))!;
  const author = connectorOf(current.info.provider)?.installation.noteAuthor;
  if (!author) throw new ApiError("invalid_request", `${current.info.provider} notes have no author to pick`, "note_author");
  // marked as chosen: a re-install keeps it (src/tenants/app-installs.ts)
  const settings = { ...current.info.settings, [author.setting]: value, [NOTE_AUTHOR_PICKED]: "true" };
  const valid = validateInstallation(current.info.provider, { account: current.info.account, settings, secrets: current.info.secrets });
  if (!valid.ok) {
    const field = valid.field === `settings.${author.setting}` ? "note_author" : valid.field;
    throw new ApiError("invalid_request", `${field}: ${valid.message}`, field);
  }
  await db.prisma.installation.update({ where: { id }, data: { settings: { ...current.info.settings, ...valid.value.settings } } });
}

export async function changeStatus(db: Database, tenantId: string, id: string, status: "disabled" | "uninstalled", reason: string): Promise<void> {
  await ownInstallation(db, tenantId, id);
  await setInstallationStatus(db, id, status, reason);
}

/**
 * Connects an installation again by hand: the credentials the admin typed replace the old ones
 * (validated as the CLI's set-secret does). One that needed re-auth goes live, and its held
 * deliveries go back to the inbox, where the sweeper enqueues them. Throws InstallationInputError.
 */
export async function reconnectInstallation(db: Database, masterKey: Buffer, tenantId: string, id: string, patch: InstallationSecrets): Promise<{ status: string; resumed: number }> {
  await ownInstallation(db, tenantId, id);
  const r = (await updateInstallationSecrets(db, masterKey, id, patch))!;
  if (patch.accessToken !== undefined) {
    // a token typed by hand has no refresh token and no expiry: the old OAuth ones would make
    // the token store refresh it (or give up on it) at once
    const { refreshToken: _r, expiresAt: _e, refreshAt: _a, ...kept } = r.info.secrets;
    await db.prisma.installation.update({ where: { id }, data: { secrets: encryptSecrets(masterKey, kept) } });
  }
  if (r.status !== "needs_reauth") return { status: r.status, resumed: 0 };
  await setInstallationStatus(db, id, "active");
  return { status: "active", resumed: (await resumeHeldDeliveries(db, id)).length };
}
