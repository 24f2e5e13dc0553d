// Which external_user_id a requester gets, and which earlier ids become its aliases: a pure
// rule over what the identity table already says (see DESIGN.md "Identity").
import type { Provider } from "../../connectors/types";

/** A connector's own short prefix (ConnectorFacts.idPrefix). */
export type IdPrefix = string;

/** An id found through a link, already followed to its current id. */
export type LinkedId = {
  id: string;
  /** The id carries a company-set external_id (an `external:` identity points at it). */
  external: boolean;
};

export type IdentityFacts = {
  /** The helpdesk user's external_id, followed to its current id; absent when not set. */
  externalId?: string;
  /** The requester has an e-mail the helpdesk marks verified. */
  verifiedEmail: boolean;
  /** The customer that verified e-mail is linked to (looked up only when verified). */
  emailLinked?: LinkedId;
  /** The customer this helpdesk user was linked to before. */
  userLinked?: LinkedId;
  /** `<prefix>_<account>_<user ref>`: the id a requester with no other link gets. */
  fallbackId: string;
};

export type IdentityRule = "external_id" | "kept_external_id" | "verified_email" | "helpdesk_user" | "new";

export type IdentityDecision = {
  externalUserId: string;
  rule: IdentityRule;
  /** Earlier ids of this same person, to become aliases of externalUserId (profiles merged). */
  merge: string[];
};

export function decideExternalUserId(f: IdentityFacts): IdentityDecision {
  const email = f.verifiedEmail ? f.emailLinked : undefined;
  if (f.externalId) {
    // The same helpdesk user is the same person whatever id it had (a fallback id, or an
    // external_id the company has since changed). A verified e-mail only vouches for
    // generated ids: two different company ids sharing a mailbox stay two customers.
    return decision(f.externalId, "external_id", [f.userLinked?.id, email && !email.external ? email.id : undefined]);
  }
  if (f.userLinked?.external) {
    // The helpdesk stopped sending the external_id (or this payload lacks it): the company's
    // id stays, rather than letting an e-mail link pull the user onto a generated id.
    return decision(f.userLinked.id, "kept_external_id", [email && !email.external ? email.id : undefined]);
  }
  if (email) return decision(email.id, "verified_email", [f.userLinked?.id]);
  if (f.userLinked) return decision(f.userLinked.id, "helpdesk_user", []);
  return decision(f.fallbackId, "new", []);
}

function decision(externalUserId: string, rule: IdentityRule, candidates: (string | undefined)[]): IdentityDecision {
  const merge = [...new Set(candidates.filter((id): id is string => id !== undefined && id !== externalUserId))];
  return { externalUserId, rule, merge };
}

// Identity keys: one namespace per kind of fact, all scoped by tenant in the table.
export function helpdeskUserKey(provider: Provider, account: string, userRef: string): string {
  return `${provider}:${account}:user:${userRef}`;
}

export function emailIdentityKey(emailHash: string): string {
  return `email:${emailHash}`;
}

export const EXTERNAL_KEY_PREFIX = "external:";

export function externalIdKey(externalId: string): string {
  return `${EXTERNAL_KEY_PREFIX}${externalId}`;
}

/** Scoped by provider and account: user 42 of one helpdesk account is not user 42 of another. */
export function fallbackId(prefix: IdPrefix, account: string, userRef: string): string {
  return `${prefix}_${account}_${userRef}`;
}
