// Requester → external_user_id, helpdesk user merges and forgetting, on the identity tables.
// The rule itself is decideExternalUserId; profiles are merged by the caller (memory engine)
// for the ids this returns, since identity knows nothing about profiles.
import type { Provider, RequesterIdentity } from "../../connectors/types";
import type { Database } from "../db/client";
import { hashEmail } from "../tenants/secrets";
import { collectAliases, findLinked, followAliases, linkIdentitiesAndListAliases, linkIdentity, readIdentityFacts, recordAlias } from "./aliases";
import { decideExternalUserId, emailIdentityKey, externalIdKey, fallbackId, helpdeskUserKey, type IdPrefix } from "./decide";

export { aliasesOf, currentId } from "./aliases";

export type ResolveCustomerInput = {
  tenantId: string;
  provider: Provider;
  /** The installation's account, as its connector names it (a subdomain, a workspace id…). */
  account: string;
  identity: RequesterIdentity;
  /** emailKey(masterKey): e-mails are only ever stored as this key's HMAC. */
  emailKey: Buffer;
  prefix: IdPrefix;
};

export type ResolvedCustomer = {
  externalUserId: string;
  /** Ids of this person that just became aliases of externalUserId: merge their profiles in. */
  previousIds: string[];
};

export async function resolveCustomer(db: Database, input: ResolveCustomerInput): Promise<ResolvedCustomer> {
  const { externalUserId, previousIds } = await resolveCustomerWithAliases(db, input);
  return { externalUserId, previousIds };
}

/**
 * resolveCustomer, and every older id that now resolves to the customer (aliasesOf), for the
 * caller to fold their profiles in. A requester already known costs two statements: one read
 * of what the links and aliases say, one write of the links that also lists the aliases.
 */
export async function resolveCustomerWithAliases(db: Database, input: ResolveCustomerInput): Promise<ResolvedCustomer & { aliases: string[] }> {
  const { tenantId, identity } = input;
  const userKey = helpdeskUserKey(input.provider, input.account, identity.providerUserRef);
  const email = identity.email?.trim();
  const emailKey = identity.emailVerified && email ? emailIdentityKey(hashEmail(input.emailKey, email)) : undefined;
  const externalId = identity.externalId?.trim() || undefined;

  const facts = await readIdentityFacts(db, tenantId, { userKey, emailKey, externalId });
  const decision = decideExternalUserId({
    externalId: facts.externalId,
    verifiedEmail: emailKey !== undefined,
    emailLinked: facts.emailLinked,
    userLinked: facts.userLinked,
    fallbackId: fallbackId(input.prefix, input.account, identity.providerUserRef),
  });
  const id = decision.externalUserId;
  const keys = [userKey, ...(emailKey ? [emailKey] : []), ...(externalId ? [externalIdKey(externalId)] : [])];
  if (decision.merge.length === 0) {
    return { externalUserId: id, previousIds: [], aliases: await linkIdentitiesAndListAliases(db, tenantId, id, keys) };
  }
  // Rare: two known ids turn out to be one person. Aliases and links move together.
  await db.prisma.$transaction(async (tx) => {
    for (const old of decision.merge) await recordAlias(tx, tenantId, old, id, decision.rule);
    for (const key of keys) await linkIdentity(tx, tenantId, key, id);
  });
  return { externalUserId: id, previousIds: decision.merge, aliases: await collectAliases(db.prisma, tenantId, id) };
}

export type MergeHelpdeskUsersInput = {
  tenantId: string;
  provider: Provider;
  account: string;
  /** The helpdesk user that was merged away (a merged user, a lead folded into a user…). */
  fromUserRef: string;
  /** The helpdesk user that survives. */
  intoUserRef: string;
  prefix: IdPrefix;
};

/**
 * After a helpdesk merged two of its users: the merged-away user's id becomes an alias of
 * the survivor's, and both helpdesk-user keys point at the survivor. `from` equals `into`
 * when they already were one customer. The caller merges the profile of `from` into `into`.
 */
export async function mergeHelpdeskUsers(db: Database, input: MergeHelpdeskUsersInput): Promise<{ from: string; into: string }> {
  const { tenantId, provider, account, prefix } = input;
  const fromKey = helpdeskUserKey(provider, account, input.fromUserRef);
  const intoKey = helpdeskUserKey(provider, account, input.intoUserRef);
  return db.prisma.$transaction(async (tx) => {
    const idOf = async (key: string, ref: string) => (await findLinked(tx, tenantId, key))?.id ?? (await followAliases(tx, tenantId, fallbackId(prefix, account, ref)));
    const from = await idOf(fromKey, input.fromUserRef);
    const into = await idOf(intoKey, input.intoUserRef);
    await recordAlias(tx, tenantId, from, into, "helpdesk_user_merge");
    await linkIdentity(tx, tenantId, fromKey, into);
    await linkIdentity(tx, tenantId, intoKey, into);
    return { from, into };
  });
}

/**
 * Forgetting a customer: deletes the links and aliases that point at `externalUserId` or at
 * any of its older ids, and those ids' own alias rows. Returns how many rows went.
 */
export async function forgetIdentities(db: Database, tenantId: string, externalUserId: string): Promise<number> {
  return db.prisma.$transaction(async (tx) => {
    const ids = [externalUserId, ...(await collectAliases(tx, tenantId, externalUserId))];
    const links = await tx.customerIdentity.deleteMany({ where: { tenantId, externalUserId: { in: ids } } });
    const aliases = await tx.customerAlias.deleteMany({
      where: { tenantId, OR: [{ aliasId: { in: ids } }, { externalUserId: { in: ids } }] },
    });
    return links.count + aliases.count;
  });
}
