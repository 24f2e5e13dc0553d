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

/** What the identity tables say about one requester, read in one statement (see readIdentityFacts). */
export type IdentityFactsRead = {
  /** The external_id followed to its current id. */
  externalId?: string;
  userLinked?: LinkedId;
  emailLinked?: LinkedId;
};

/**
 * In one statement: the ids the helpdesk-user key and the e-mail key are linked to, and the
 * external_id, each followed through the aliases to its current id (as followAliases does),
 * and whether each linked id carries an external_id (as findLinked does).
 */
export async function readIdentityFacts(
  db: Database,
  tenantId: string,
  keys: { userKey: string; emailKey?: string; externalId?: string },
): Promise<IdentityFactsRead> {
  const rows = await db.sql.query<{ kind: "user" | "email" | "external"; id: string; hops: number; external: boolean }>(
    `WITH RECURSIVE start(kind, id) AS (
       SELECT CASE WHEN i.identity_key = $2 THEN 'user' ELSE 'email' END, i.external_user_id
         FROM customer_identities i WHERE i.tenant_id = $1 AND i.identity_key IN ($2, $3)
       UNION ALL
       SELECT 'external', $4::text WHERE $4::text IS NOT NULL
     ),
     chain(kind, id, hops) AS (
       SELECT kind, id, 0 FROM start
       UNION ALL
       SELECT c.kind, a.external_user_id, c.hops + 1
         FROM chain c JOIN customer_aliases a ON a.tenant_id = $1 AND a.alias_id = c.id
        WHERE c.hops < ${MAX_HOPS}
     ),
     ends AS (SELECT DISTINCT ON (kind) kind, id, hops FROM chain ORDER BY kind, hops DESC)
     SELECT kind, id, hops,
            kind <> 'external' AND EXISTS (
              SELECT 1 FROM customer_identities x
               WHERE x.tenant_id = $1 AND x.external_user_id = ends.id AND x.identity_key LIKE '${EXTERNAL_KEY_PREFIX}%'
            ) AS external
       FROM ends`,
    [tenantId, keys.userKey, keys.emailKey ?? null, keys.externalId ?? null],
  );
  const out: IdentityFactsRead = {};
  for (const r of rows) {
    if (Number(r.hops) >= MAX_HOPS) throw new Error(`alias chain in tenant ${tenantId} does not end (cycle?)`);
    if (r.kind === "external") out.externalId = r.id;
    else out[r.kind === "user" ? "userLinked" : "emailLinked"] = { id: r.id, external: Boolean(r.external) };
  }
  return out;
}

/**
 * In one statement: points every key in `identityKeys` at `externalUserId` (creating or moving
 * the links, leaving the ones already there untouched), and returns every older id that
 * resolves to `externalUserId` (as collectAliases does).
 */
export async function linkIdentitiesAndListAliases(db: Database, tenantId: string, externalUserId: string, identityKeys: string[]): Promise<string[]> {
  const now = new Date().toISOString();
  const rows = await db.sql.query<{ id: string }>(
    `WITH RECURSIVE links AS (
       INSERT INTO customer_identities (id, tenant_id, identity_key, external_user_id, created_at, updated_at)
       SELECT k.id, $1, k.key, $2, $5, $5 FROM unnest($3::text[], $4::text[]) AS k(key, id)
       ON CONFLICT (tenant_id, identity_key) DO UPDATE SET external_user_id = EXCLUDED.external_user_id, updated_at = EXCLUDED.updated_at
         WHERE customer_identities.external_user_id IS DISTINCT FROM EXCLUDED.external_user_id
       RETURNING 1
     ),
     tree(id) AS (
       SELECT a.alias_id FROM customer_aliases a WHERE a.tenant_id = $1 AND a.external_user_id = $2
       UNION
       SELECT a.alias_id FROM tree t JOIN customer_aliases a ON a.tenant_id = $1 AND a.external_user_id = t.id
     )
     SELECT id FROM tree WHERE id <> $2`,
    [tenantId, externalUserId, identityKeys, identityKeys.map(newIdentityId), now],
  );
  return rows.map((r) => r.id);
}

function newIdentityId(): string {
  return `cid_${randomBytes(10).toString("hex")}`;
}

/** Points an identity key at an id, creating the link or moving it. */
export async function linkIdentity(client: IdentityClient, tenantId: string, identityKey: string, externalUserId: string): Promise<void> {
  await client.customerIdentity.upsert({
    where: { tenantId_identityKey: { tenantId, identityKey } },
    create: { id: newIdentityId(), tenantId, identityKey, externalUserId },
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
