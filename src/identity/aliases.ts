// Reads and writes of the identity tables: links (identity key → id) and aliases (old id →
// current id). Every query is scoped by tenant; the same key in two tenants is two people.
import { randomBytes } from "node:crypto";
import type { Database } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { EXTERNAL_KEY_PREFIX, type LinkedId } from "./decide";

/** The Prisma client or a transaction of it. */
export type IdentityClient = Prisma.TransactionClient;

// Chains stay short (writes flatten them), so a long one can only be a cycle: a bug.
const MAX_HOPS = 32;

/** The id `id` now goes by: follows old → new aliases to the end. */
export async function currentId(db: Database, tenantId: string, id: string): Promise<string> {
  return followAliases(db.prisma, tenantId, id);
}

/** Every older id that resolves to `id` (not `id` itself), e.g. to fold leftover profiles. */
export async function aliasesOf(db: Database, tenantId: string, id: string): Promise<string[]> {
  return collectAliases(db.prisma, tenantId, id);
}

export async function followAliases(client: IdentityClient, tenantId: string, id: string): Promise<string> {
  let current = id;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const alias = await client.customerAlias.findUnique({ where: { tenantId_aliasId: { tenantId, aliasId: current } } });
    if (!alias) return current;
    current = alias.externalUserId;
  }
  throw new Error(`alias chain from ${id} in tenant ${tenantId} does not end (cycle?)`);
}

export async function collectAliases(client: IdentityClient, tenantId: string, id: string): Promise<string[]> {
  const seen = new Set([id]);
  let frontier = [id];
  while (frontier.length) {
    const rows = await client.customerAlias.findMany({ where: { tenantId, externalUserId: { in: frontier } }, select: { aliasId: true } });
    frontier = rows.map((r) => r.aliasId).filter((a) => !seen.has(a));
    for (const a of frontier) seen.add(a);
  }
  seen.delete(id);
  return [...seen];
}

/** The current id behind an identity key, and whether it carries a company external_id. */
export async function findLinked(client: IdentityClient, tenantId: string, identityKey: string): Promise<LinkedId | undefined> {
  const row = await client.customerIdentity.findUnique({ where: { tenantId_identityKey: { tenantId, identityKey } } });
  if (!row) return undefined;
  const id = await followAliases(client, tenantId, row.externalUserId);
  return { id, external: await carriesExternalId(client, tenantId, id) };
}

async function carriesExternalId(client: IdentityClient, tenantId: string, id: string): Promise<boolean> {
  const row = await client.customerIdentity.findFirst({ where: { tenantId, externalUserId: id, identityKey: { startsWith: EXTERNAL_KEY_PREFIX } }, select: { id: true } });
  return row !== null;
}

/** Points an identity key at an id, creating the link or moving it. */
export async function linkIdentity(client: IdentityClient, tenantId: string, identityKey: string, externalUserId: string): Promise<void> {
  await client.customerIdentity.upsert({
    where: { tenantId_identityKey: { tenantId, identityKey } },
    create: { id: `cid_${randomBytes(10).toString("hex")}`, tenantId, identityKey, externalUserId },
    update: { externalUserId },
  });
}

/**
 * Makes `fromId` an alias of `intoId` (both current ids). Links and aliases that pointed at
 * `fromId` move to `intoId` too, so chains stay one hop long and lookups stay cheap.
 */
export async function recordAlias(client: IdentityClient, tenantId: string, fromId: string, intoId: string, reason: string): Promise<void> {
  if (fromId === intoId) return;
  await client.customerAlias.upsert({
    where: { tenantId_aliasId: { tenantId, aliasId: fromId } },
    create: { tenantId, aliasId: fromId, externalUserId: intoId, reason },
    update: { externalUserId: intoId, reason },
  });
  await client.customerAlias.updateMany({ where: { tenantId, externalUserId: fromId }, data: { externalUserId: intoId } });
  await client.customerIdentity.updateMany({ where: { tenantId, externalUserId: fromId }, data: { externalUserId: intoId } });
}
