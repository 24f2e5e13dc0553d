// The requester as a person: Intercom contact id, the company's external_id (users only), and the
// e-mail, which counts as verified only if Intercom says so (its contact model has no such flag).
import type { ProviderError, RequesterIdentity } from "../types";
import { callSdk, type IntercomClient, requireId } from "./client";
import { contactSchema, externalIdOf } from "./payloads";

export async function resolveIntercomRequester(client: IntercomClient, requesterRef: string): Promise<RequesterIdentity> {
  const id = requireId(requesterRef, "contact id");
  let raw: unknown;
  try {
    raw = await callSdk(client, "GET /contacts/{id}", (sdk) => sdk.contacts.find({ contact_id: id }));
  } catch (error) {
    // A lead merged into a user answers 404 from then on. The contact id alone still resolves:
    // the merge linked it to the user (contact.merged), and a never-seen id gets its own.
    if ((error as ProviderError).status === 404) return { providerUserRef: id, emailVerified: false };
    throw error;
  }
  const contact = contactSchema.parse(raw ?? {});
  const identity: RequesterIdentity = { providerUserRef: contact.id ?? id, emailVerified: contact.email_verified === true };
  const externalId = externalIdOf(contact);
  if (externalId) identity.externalId = externalId;
  if (contact.email) identity.email = contact.email;
  if (contact.name) identity.name = contact.name;
  return identity;
}
