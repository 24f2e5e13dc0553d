// User events: merges and identity changes of end users (staff users are skipped).
import { dropUndefined, event, type Handler, skip, STAFF_ROLES, userOf } from "./parse-helpers";
import { readExternalIdChanged, readIdentityChanged, readUserMerged } from "./payloads";

export const userMerged: Handler = (env) => {
  const u = userOf(env);
  if ("error" in u) return u.error;
  const e = readUserMerged(env.event);
  const into = e.merged_into_user_id ?? e.merged_to_user_id ?? e.target_user_id ?? e.surviving_user_id ?? e.winner_id ?? e.target_user ?? e.surviving_user ?? e.current;
  const from = e.original_user_id ?? e.source_user_id ?? e.merged_user_id ?? e.loser_id ?? e.source_user ?? e.discarded_user ?? e.previous;
  // The subject is one side of the merge: whichever side the event does not name.
  const fromUserRef = from ?? (into !== undefined && into !== u.userRef ? u.userRef : undefined);
  const intoUserRef = into ?? (from !== undefined && from !== u.userRef ? u.userRef : undefined);
  if (!fromUserRef || !intoUserRef) return skip(`${env.type}: the event names no other user than ${u.userRef}`, env.type);
  if (fromUserRef === intoUserRef) return skip(`${env.type}: user ${fromUserRef} merged into itself`, env.type);
  return event(env, "user_merged", { requesterRef: intoUserRef, merge: { fromUserRef, intoUserRef } });
};

export const externalIdChanged: Handler = (env) => {
  const u = userOf(env);
  if ("error" in u) return u.error;
  if (u.detail.role && STAFF_ROLES.has(u.detail.role)) return skip(`${env.type}: user ${u.userRef} is staff (${u.detail.role})`, env.type);
  const change = readExternalIdChanged(env.event);
  return event(env, "identity_changed", {
    requesterRef: u.userRef,
    identity: dropUndefined({ providerUserRef: u.userRef, externalId: change.current ?? u.detail.external_id, email: u.detail.email }),
  });
};

export const identityChanged: Handler = (env) => {
  const u = userOf(env);
  if ("error" in u) return u.error;
  if (u.detail.role && STAFF_ROLES.has(u.detail.role)) return skip(`${env.type}: user ${u.userRef} is staff (${u.detail.role})`, env.type);
  const change = readIdentityChanged(env.event);
  const now = change.current ?? change.identity;
  // `detail.email` is the primary e-mail now; it is verified only if the event says so for it.
  const sameEmail = now?.type === "email" && now.value !== undefined && now.value.toLowerCase() === u.detail.email?.toLowerCase();
  const emailVerified = sameEmail && !env.type.endsWith("identity_deleted") ? now?.verified : undefined;
  return event(env, "identity_changed", {
    requesterRef: u.userRef,
    identity: dropUndefined({ providerUserRef: u.userRef, externalId: u.detail.external_id, email: u.detail.email, emailVerified }),
  });
};
