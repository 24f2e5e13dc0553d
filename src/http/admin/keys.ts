// A tenant's API keys from the console: listed by prefix, created (the key shown once), revoked.
import type { Database } from "../../db/client";
import { createApiKey, listApiKeys } from "../../tenants/service";
import { ApiError, fieldError } from "../errors";

export { createApiKey, listApiKeys };

/** Revokes one of this tenant's active keys; a 404 for any other id. */
export async function revokeTenantKey(db: Database, tenantId: string, keyId: string): Promise<void> {
  const r = await db.prisma.apiKey.updateMany({ where: { id: keyId, tenantId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (r.count === 0) throw new ApiError("not_found", `no active key ${keyId}`, "key_id");
}

export function keyLabel(raw: unknown): string | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined;
  if (typeof raw !== "string" || raw.trim().length > 100) throw fieldError("label", "must be text of at most 100 characters");
  return raw.trim() || undefined;
}
