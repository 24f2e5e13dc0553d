// The requester as a person: Zendesk user id, the company's external_id, e-mail and whether
// Zendesk has verified it (identity mapping trusts only verified e-mails).
import type { RequesterIdentity } from "../types";
import { userSchema } from "./api-payloads";
import type { ZendeskClient } from "./client";
import { apiPath, asSdkId, requireId, viaSdk } from "./http";

export async function resolveZendeskRequester(client: ZendeskClient, requesterRef: string): Promise<RequesterIdentity> {
  const id = requireId(requesterRef, "user id");
  const user = userSchema.parse((await viaSdk(client, `GET ${apiPath(`/users/${id}.json`)}`, (sdk) => sdk.users.show(asSdkId(id)))) ?? {});
  const identity: RequesterIdentity = { providerUserRef: user.id ?? id, emailVerified: user.verified === true };
  if (user.external_id) identity.externalId = user.external_id;
  if (user.email) identity.email = user.email;
  if (user.name) identity.name = user.name;
  return identity;
}
