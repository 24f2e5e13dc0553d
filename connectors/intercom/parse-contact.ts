// Contact topics: identity changes of one contact, and leads that became (or merged into) users.
import type { RequesterIdentity } from "../types";
import { dropUndefined, event, type Handler, malformed, skip } from "./parse-helpers";
import { type Contact, contactSchema, externalIdOf } from "./payloads";

function identityOf(c: Contact & { id: string }): Partial<RequesterIdentity> {
  // Only a verification Intercom states counts; absent means unverified (the pipeline's default).
  return dropUndefined({ providerUserRef: c.id, externalId: externalIdOf(c), email: c.email, emailVerified: c.email_verified === true ? true : undefined, name: c.name });
}

function contactOf(item: Record<string, unknown>): (Contact & { id: string }) | undefined {
  const c = contactSchema.parse(item);
  return c.id ? { ...c, id: c.id } : undefined;
}

/** contact.user.created, contact.email.updated: the contact's ids and e-mail as they are now. */
export const contactChanged: Handler = (n, item) => {
  const c = contactOf(item);
  if (!c) return malformed(`${n.topic}: data.item has no contact id`);
  return event(n, "identity_changed", { requesterRef: c.id, identity: identityOf(c) });
};

/**
 * contact.merged (documented): `data.item` is the surviving contact, `merged_from.id` the one
 * absorbed into it — a lead merged into a user, whose lead id then returns 404. The merged-away
 * id becomes an alias of the survivor, so the lead's memory follows the user.
 */
export const contactMerged: Handler = (n, item) => {
  const c = contactOf(item);
  if (!c) return malformed(`${n.topic}: data.item has no contact id`);
  const from = c.merged_from ?? c.merged_from_id;
  if (!from) return skip(`${n.topic}: contact ${c.id} names no merged_from contact`, n.topic);
  if (from === c.id) return skip(`${n.topic}: contact ${c.id} merged into itself`, n.topic);
  return event(n, "user_merged", { requesterRef: c.id, merge: { fromUserRef: from, intoUserRef: c.id }, identity: identityOf(c) });
};

/**
 * contact.lead.signed_up / visitor.signed_up: a lead (or visitor) became a user. When the same
 * contact converts, it keeps its id and may gain an external_id: an identity change, which links
 * the lead's generated id to the user's. Should the payload name another, absorbed contact
 * (the merge fields), it is a merge.
 */
export const leadConverted: Handler = (n, item) => {
  const c = contactOf(item);
  if (!c) return malformed(`${n.topic}: data.item has no contact id`);
  const from = c.merged_from ?? c.merged_from_id;
  if (from && from !== c.id) return contactMerged(n, item);
  return event(n, "identity_changed", { requesterRef: c.id, identity: identityOf(c) });
};
