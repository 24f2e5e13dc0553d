// Keeps an installation's OAuth access token usable: refreshed shortly before it expires or
// after a 401, by one process at a time (a lease on the installation row, taken with one
// UPDATE, works the same on PostgreSQL and the embedded store). Helpdesks that rotate on refresh
// delete the old pair, so a second refresh with it would fail and cut the installation off.
// A refresh refused for good (invalid_grant), or a 401 with no way to refresh, makes the
// installation `needs_reauth`. It does not refresh tokens no job asks for.
import { randomUUID } from "node:crypto";
import type { Connector, InstallationInfo, InstallationSecrets, OAuthApp, Provider } from "../../connectors/types";
import type { Database } from "../db/client";
import type { Logger } from "../logger";
import { decryptSecrets, encryptSecrets } from "./secrets";

/** Without a refreshAt, refresh when the token has less than this left. */
export const REFRESH_SKEW_MS = 5 * 60 * 1000;
/** How long one process may hold the refresh lease (a token call is bounded at 15 s). */
export const REFRESH_LEASE_MS = 30_000;
const POLL_MS = 100;

/** The installation can make no call until an admin connects it again. */
export class NeedsReauthError extends Error {
  override name = "NeedsReauthError";
  readonly needsReauth = true;
}

export type Credentials = {
  /** The installation with a token that is good for a while: refreshed first when it is about to expire. */
  fresh(installation: InstallationInfo): Promise<InstallationInfo>;
  /** After the helpdesk answered 401 to `installation`'s token: a newer token, or NeedsReauthError. */
  renew(installation: InstallationInfo): Promise<InstallationInfo>;
};

export type CredentialsDeps = {
  db: Database;
  masterKey: Buffer;
  connectors: Partial<Record<Provider, Connector>>;
  /** The OAuth client for a provider, when one is configured. */
  app(provider: Provider): OAuthApp | undefined;
  clock: () => Date;
  log: Logger;
  /** Told when an installation's secrets or status changed here (to drop cached copies). */
  changed?: (installationId: string) => void;
  leaseMs?: number;
};

type Outcome = { secrets: InstallationSecrets } | { needsReauth: string };

export function createCredentials(deps: CredentialsDeps): Credentials {
  const leaseMs = deps.leaseMs ?? REFRESH_LEASE_MS;
  // within a process, one refresh per installation at a time; the lease covers other processes
  const inFlight = new Map<string, Promise<Outcome>>();

  const expiring = (secrets: InstallationSecrets, now: Date): boolean => {
    const refreshAt = secrets.refreshAt ? Date.parse(secrets.refreshAt) : NaN;
    if (Number.isFinite(refreshAt)) return now.getTime() >= refreshAt;
    const at = secrets.expiresAt ? Date.parse(secrets.expiresAt) : NaN;
    return Number.isFinite(at) && at - now.getTime() < REFRESH_SKEW_MS;
  };

  function run(inst: InstallationInfo, reason: "expiring" | "unauthorized"): Promise<Outcome> {
    const key = `${inst.id}\u0000${inst.secrets.accessToken ?? ""}`;
    let p = inFlight.get(key);
    if (!p) {
      p = underLease(inst, reason).finally(() => inFlight.delete(key));
      inFlight.set(key, p);
    }
    return p;
  }

  async function underLease(inst: InstallationInfo, reason: "expiring" | "unauthorized"): Promise<Outcome> {
    const owner = randomUUID();
    const deadline = Date.now() + leaseMs * 2;
    for (;;) {
      const now = deps.clock();
      const rows = await deps.db.sql.query<{ secrets: string; status: string }>(
        `UPDATE installations SET refresh_owner = $2, refresh_until = $3
          WHERE id = $1 AND (refresh_until IS NULL OR refresh_until < $4) RETURNING secrets, status`,
        [inst.id, owner, new Date(Date.now() + leaseMs).toISOString(), new Date().toISOString()],
      );
      const row = rows[0];
      if (row) {
        try {
          return await decide(inst, reason, row, now);
        } finally {
          await deps.db.sql.query(`UPDATE installations SET refresh_owner = NULL, refresh_until = NULL WHERE id = $1 AND refresh_owner = $2`, [inst.id, owner]);
        }
      }
      if (Date.now() > deadline) throw new Error(`installation ${inst.id}: token refresh lease not released in time`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  async function decide(inst: InstallationInfo, reason: "expiring" | "unauthorized", row: { secrets: string; status: string }, now: Date): Promise<Outcome> {
    if (row.status !== "active") {
      // uninstalled, disabled or cut off elsewhere: this process's cached copy may still say active
      deps.changed?.(inst.id);
      return { needsReauth: `installation is ${row.status}` };
    }
    const current = decryptSecrets<InstallationSecrets>(deps.masterKey, row.secrets);
    // Another process (or an admin re-installing) replaced the token meanwhile: use that one,
    // and drop this process's cached copy, or the next job would present the dead token again.
    if (current.accessToken !== inst.secrets.accessToken) {
      deps.log.info({ installation: inst.id, provider: inst.provider, reason }, "access token already renewed; using the stored one");
      deps.changed?.(inst.id);
      return { secrets: current };
    }
    if (reason === "expiring" && !expiring(current, now)) return { secrets: current };

    const oauth = deps.connectors[inst.provider]?.oauth;
    const app = deps.app(inst.provider);
    if (!oauth?.refresh || !current.refreshToken || !app) {
      return markNeedsReauth(inst.id, reason === "unauthorized" ? `${inst.provider} refused the credentials (401)` : "the access token expired and cannot be refreshed");
    }
    const tokens = await oauth.refresh(app, { ...inst, secrets: current }, now);
    if (tokens === "invalid_grant") return markNeedsReauth(inst.id, `${inst.provider} refused the refresh token (invalid_grant)`);
    const secrets: InstallationSecrets = { ...current, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? current.refreshToken };
    for (const k of ["expiresAt", "refreshAt"] as const) {
      if (tokens[k]) secrets[k] = tokens[k];
      else delete secrets[k];
    }
    await deps.db.sql.query(`UPDATE installations SET secrets = $2, updated_at = $3 WHERE id = $1`, [inst.id, encryptSecrets(deps.masterKey, secrets), new Date().toISOString()]);
    deps.log.info({ installation: inst.id, provider: inst.provider, reason }, "access token refreshed");
    deps.changed?.(inst.id);
    return { secrets };
  }

  async function markNeedsReauth(id: string, why: string): Promise<Outcome> {
    await deps.db.sql.query(`UPDATE installations SET status = 'needs_reauth', status_reason = $2, updated_at = $3 WHERE id = $1 AND status = 'active'`, [id, why, new Date().toISOString()]);
    deps.log.warn({ installation: id, reason: why }, "installation needs to be connected again");
    deps.changed?.(id);
    return { needsReauth: why };
  }

  const apply = (inst: InstallationInfo, outcome: Outcome): InstallationInfo => {
    if ("needsReauth" in outcome) throw new NeedsReauthError(`installation ${inst.id}: ${outcome.needsReauth}`);
    return { ...inst, secrets: { ...inst.secrets, ...tokenFields(outcome.secrets) } };
  };

  return {
    async fresh(inst) {
      if (!expiring(inst.secrets, deps.clock())) return inst;
      return apply(inst, await run(inst, "expiring"));
    },
    async renew(inst) {
      return apply(inst, await run(inst, "unauthorized"));
    },
  };
}

/** Only what a refresh changes: app-level secrets merged in on read stay as they were. */
function tokenFields(s: InstallationSecrets): InstallationSecrets {
  const out: InstallationSecrets = {};
  if (s.accessToken !== undefined) out.accessToken = s.accessToken;
  if (s.refreshToken !== undefined) out.refreshToken = s.refreshToken;
  out.expiresAt = s.expiresAt;
  out.refreshAt = s.refreshAt;
  return out;
}
