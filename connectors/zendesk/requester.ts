// The requester as a person: Zendesk user id, the company's external_id, e-mail and whether
// Zendesk has verified it (identity mapping trusts only verified e-mails).
import type { RequesterIdentity } from "../types";
import { userSchema } from "./api-payloads";
import type { ZendeskClient } from "./client";
import { apiPath, requestJson, requireId } from "./http";

export async function resolveZendeskRequester(client: ZendeskClient, requesterRef: string): Promise<RequesterIdentity> {
  const id = requireId(requesterRef, "user id");
  const shown = (await requestJson(client, "GET", apiPath(`/users/${id}.json`))) as { user?: unknown } | null;
  const user = userSchema.parse(shown?.user ?? {});
  const identity: RequesterIdentity = { providerUserRef: user.id ?? id, emailVerified: user.verified === true };
  if (user.external_id) identity.externalId = user.external_id;
  if (user.email) identity.email = user.email;
  if (user.name) identity.name = user.name;
  return identity;
}
