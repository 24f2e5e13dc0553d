// Tenants and their API keys. Keys are returned once, on creation; afterwards only their
// hash and a short prefix exist.
import { randomUUID } from "node:crypto";
import type { Database } from "../db/client";
import type { TenantRef } from "../memory/store";
import { generateApiKey, hashApiKey, keyPrefix, API_KEY_PATTERN } from "./api-keys";
import { settingsFromRow } from "./settings";
import type { TenantSupportSettings } from "../memory/types";

export type TenantView = {
  id: string;
  name: string;
  created_at: string;
  agent_scoping: "shared" | "per_agent";
} & TenantSupportSettings;

type TenantRow = Awaited<ReturnType<Database["prisma"]["tenant"]["findUniqueOrThrow"]>>;

export function tenantView(row: TenantRow): TenantView {
  return {
    id: row.id,
    name: row.name,
    created_at: row.createdAt.toISOString(),
    agent_scoping: row.agentScoping === "per_agent" ? "per_agent" : "shared",
    ...settingsFromRow(row),
  };
}

export function tenantRef(row: TenantRow): TenantRef {
  const v = tenantView(row);
  const { id, agent_scoping, name: _n, created_at: _c, ...settings } = v;
  return { id, agentScoping: agent_scoping, settings };
}

export async function createTenant(db: Database, name: string, label = "default") {
  const tenant = await db.prisma.tenant.create({ data: { id: `tnt_${randomUUID().replace(/-/g, "").slice(0, 20)}`, name } });
  const key = await createApiKey(db, tenant.id, label);
  return { tenant: tenantView(tenant), ...key };
}

export async function createApiKey(db: Database, tenantId: string, label?: string) {
  const apiKey = generateApiKey();
  const row = await db.prisma.apiKey.create({
    data: { id: `key_${randomUUID().replace(/-/g, "").slice(0, 20)}`, tenantId, keyHash: hashApiKey(apiKey), prefix: keyPrefix(apiKey), label },
  });
  return { api_key: apiKey, key_id: row.id, prefix: row.prefix };
}

export async function revokeApiKey(db: Database, keyId: string): Promise<boolean> {
  const r = await db.prisma.apiKey.updateMany({ where: { id: keyId, revokedAt: null }, data: { revokedAt: new Date() } });
  return r.count > 0;
}

export async function listApiKeys(db: Database, tenantId: string) {
  const rows = await db.prisma.apiKey.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } });
  return rows.map((k) => ({
    key_id: k.id,
    prefix: k.prefix,
    label: k.label,
    created_at: k.createdAt.toISOString(),
    revoked_at: k.revokedAt?.toISOString() ?? null,
  }));
}

/** The tenant behind a key, or null for an unknown, malformed or revoked key. */
export async function authenticateApiKey(db: Database, apiKey: string): Promise<TenantRow | null> {
  if (!API_KEY_PATTERN.test(apiKey)) return null;
  const key = await db.prisma.apiKey.findUnique({ where: { keyHash: hashApiKey(apiKey) }, include: { tenant: true } });
  if (!key || key.revokedAt) return null;
  return key.tenant;
}
