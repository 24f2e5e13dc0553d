// Readers of the Zendesk webhook bodies (connectors/shared/fields.ts: they are read on the
// request's path). Tolerant by design: Zendesk sends ids as strings in `detail` but numbers
// elsewhere, "" or null for absent ids, and adds fields over time. A field of an unexpected
// type reads as absent instead of failing the whole body.
import { fields, isRecord, nestedFields, type Reader, record } from "../shared/fields";

/** A trigger placeholder Zendesk did not fill (test deliveries send them raw). */
function isPlaceholder(text: string): boolean {
  return text.includes("{{");
}

/** An id as a string: numbers are stringified, "" / null / anything else is absent. */
export function refOf(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? String(value) : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return text === "" || text === "null" || isPlaceholder(text) ? undefined : text;
}

/** Non-empty trimmed text, else absent. */
export function textOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return text === "" || isPlaceholder(text) ? undefined : text;
}

/** true/false, also as "true"/"false" or 1/0 (placeholders and older payloads). */
export function flagOf(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === 1 || value === "1") return true;
  if (value === "false" || value === 0 || value === "0") return false;
  return undefined;
}

const ref: Reader<string> = refOf;
const flag: Reader<boolean> = flagOf;
const text: Reader<string> = textOf;

/** Every event-subscription body: `type`, `id`, `account_id`, `time`, `subject`, `detail`, `event`. */
const envelopeFields = fields({ id: ref, account_id: ref, time: text, subject: text, detail: record, event: record });
export type Envelope = ReturnType<typeof envelopeFields> & { type: string };
export function readEnvelope(body: Record<string, unknown>, type: string): Envelope {
  return { ...envelopeFields(body), type };
}

/** `detail` of ticket events (and of messaging_ticket events, which carry the ticket too). */
export const readTicketDetail = fields({
  id: ref,
  requester_id: ref,
  submitter_id: ref,
  actor_id: ref,
  assignee_id: ref,
  status: text,
  external_id: ref,
});

export const readCommentAdded = fields({
  comment: nestedFields(
    fields({
      id: ref,
      body: text,
      is_public: flag,
      // Some payloads (and the REST API) say `public`.
      public: flag,
      author: nestedFields(fields({ id: ref, is_staff: flag, name: text })),
    }),
  ),
});

/** `event` of ticket.status_changed: `{ current: "SOLVED", previous: "OPEN" }`. */
export const readStatusChanged = fields({ current: text, previous: text });

/** `detail` of user events. */
export const readUserDetail = fields({ id: ref, email: text, external_id: ref, role: text });

/** `event` of user.external_id_changed: `{ current, previous }`. */
export const readExternalIdChanged = fields({ current: ref, previous: ref });

/** `event` of user.identity_*: the identity before/after, when Zendesk includes it. */
const identity = nestedFields(fields({ type: text, value: text, verified: flag, primary: flag }));
export const readIdentityChanged = fields({ current: identity, previous: identity, identity });

/**
 * `event` of user.merged. Zendesk's reference lists the event without a field table we could
 * confirm, so every name seen for "the surviving user" / "the merged-away user" is read.
 */
const userRef: Reader<string> = (value) => (isRecord(value) ? refOf(value.id) : refOf(value));
export const readUserMerged = fields({
  merged_into_user_id: ref,
  merged_to_user_id: ref,
  target_user_id: ref,
  surviving_user_id: ref,
  winner_id: ref,
  current: userRef,
  target_user: userRef,
  surviving_user: userRef,
  original_user_id: ref,
  source_user_id: ref,
  merged_user_id: ref,
  loser_id: ref,
  previous: userRef,
  source_user: userRef,
  discarded_user: userRef,
});

/** `event` of messaging_ticket.message_added. */
export const readMessageAdded = fields({
  actor: nestedFields(fields({ id: ref, type: text, name: text })),
  conversation_id: ref,
  message: nestedFields(fields({ id: ref, body: text })),
});

/**
 * A trigger/automation-connected body: its shape is whatever the admin wrote in the trigger.
 * We read the fields our install template writes, top level or under `ticket`.
 */
export const readTriggerBody = fields({
  ticket_id: ref,
  requester_id: ref,
  requester_external_id: ref,
  requester_email: text,
  status: text,
  comment_id: ref,
  actor_id: ref,
  current_user_id: ref,
  ticket: nestedFields(fields({ id: ref, status: text, requester_id: ref })),
});
