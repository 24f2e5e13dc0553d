// The person behind a conversation: the company's own id from the contact's people data when it
// set one, else an e-mail the conversation's verifications[] vouch for (never the visitor-typed
// meta.email), else only the people_id (the pipeline then uses cr_<website>_<people_id>).
import type { RequesterIdentity } from "../types";
import { callCrisp, type CrispClient, requirePeopleId, requireSessionId } from "./client";
import { DEFAULT_NICKNAME, EXTERNAL_ID_KEYS, TRUSTED_VERIFICATION_METHODS } from "./facts";
import { type ApiConversation, peopleDataSchema, refOf } from "./payloads";
import { parseRequesterRef } from "./requester-ref";
import { getCrispConversation } from "./thread";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function verifiedEmailOf(conversation: ApiConversation): string | undefined {
  const trusted = conversation.verifications.filter(
    (v) => v.identity === "email" && v.method !== undefined && TRUSTED_VERIFICATION_METHODS.has(v.method) && v.annotation && EMAIL.test(v.annotation),
  );
  return trusted.at(-1)?.annotation?.toLowerCase();
}

export function externalIdOf(data: Record<string, unknown> | undefined): string | undefined {
  for (const key of EXTERNAL_ID_KEYS) {
    const value = refOf(data?.[key]);
    if (value) return value;
  }
  return undefined;
}

export async function resolveCrispRequester(client: CrispClient, requesterRef: string): Promise<RequesterIdentity> {
  const ref = parseRequesterRef(requesterRef);
  const peopleId = requirePeopleId(ref.peopleId).toLowerCase();
  const identity: RequesterIdentity = { providerUserRef: peopleId, emailVerified: false };

  const raw = await callCrisp(client, "GET people data", (sdk) => sdk.website.getPeopleData(client.websiteId, peopleId));
  const externalId = externalIdOf(peopleDataSchema.parse(raw ?? {}).data);
  if (externalId) identity.externalId = externalId;

  if (ref.sessionId) {
    const conversation = await getCrispConversation(client, requireSessionId(ref.sessionId));
    // Verifications belong to the conversation's contact: if the session was bound to someone
    // else since, they vouch for nobody here.
    if (conversation.people_id?.toLowerCase() === peopleId) {
      const email = verifiedEmailOf(conversation);
      if (email) Object.assign(identity, { email, emailVerified: true });
      const nickname = conversation.meta?.nickname;
      if (nickname && !DEFAULT_NICKNAME.test(nickname)) identity.name = nickname;
    }
  }
  return identity;
}
