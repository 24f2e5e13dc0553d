// What the admin API and the console are built from; passed in by createApp.
import type { Database } from "../../db/client";
import type { Logger } from "../../logger";
import type { ConsoleSessions } from "../console/sessions";

/** A CLI command as the service runs it for `npm run cli` (same table, same output). */
export type AdminCommand = { usage: string; run(db: Database, flags: Record<string, string | boolean | undefined>): Promise<{ json: object; text: string }> };

export type AdminDeps = {
  db: Database;
  log: Logger;
  sessions: ConsoleSessions;
  publicUrl: string;
  /** Loads the key that decrypts installation secrets (throws when it cannot). */
  masterKey: () => Buffer;
  /** The operator token (embedded store): `Authorization: Bearer <token>` may run CLI commands. */
  adminToken?: string;
  commands?: Record<string, AdminCommand>;
  /** Extra clean-up when a customer is forgotten (identity links). */
  onForget?: (tenantId: string, externalUserId: string) => Promise<number>;
  /** Whether an OAuth install is configured for a provider (its Connect button starts it). */
  oauthConfigured?: (provider: string) => boolean;
};
