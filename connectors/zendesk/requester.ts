// The requester as a person: Zendesk user id, the company's external_id, e-mail and whether
// Zendesk has verified it (identity mapping trusts only verified e-mails).
import type { RequesterIdentity } from "../types";
import { isRecord } from "../shared/fields";
import { userSchema } from "./api-payloads";
import type { ZendeskClient } from "./client";
import { apiPath, requestJson, requireId } from "./http";

export async function resolveZendeskRequester(client: ZendeskClient, requesterRef: string): Promise<RequesterIdentity> {
  const id = requireId(requesterRef, "user id");
  const shown = (await requestJson(client, "GET", apiPath(`/users/${id}.json`))) as { user?: unknown } | null;
  return identityOf(shown?.user ?? {}, id);
}

export function identityOf(rawUser: unknown, id: string): RequesterIdentity {
  const user = userSchema.parse(rawUser);
  const identity: RequesterIdentity = { providerUserRef: user.id ?? id, emailVerified: user.verified === true };
  if (user.external_id) identity.externalId = user.external_id;
  if (user.email) identity.email = user.email;
  if (user.name) identity.name = user.name;
  return identity;
}

/**
 * A sideloaded user stands in for GET /users/{id} only if it carries every field identity
 * mapping reads: Zendesk documents sideloads as "partial" records, and a missing `verified`
 * or `external_id` read as false or unset could split or wrongly join a customer.
 */
export function wholeUserRecord(rawUser: unknown): boolean {
  return isRecord(rawUser) && typeof rawUser.verified === "boolean" && "external_id" in rawUser && "email" in rawUser;
}
