// A Zendesk webhook body → one normalised event, a skip, or a clear "malformed". Two kinds of
// body arrive: event subscriptions (fixed envelope, `type: "zen:event-type:…"`) and
// trigger-connected webhooks (a body the admin wrote, from which we need only a ticket id).
import type { NormalisedEvent, ParseResult } from "../types";
import { EVENT_TYPE_PREFIXES } from "./facts";
import { dropUndefined, type Handler, lower, malformed, skip, TICKET_ID } from "./parse-helpers";
import { commentAdded, messageAdded, statusChanged, ticketCreated, ticketMerged } from "./parse-ticket";
import { externalIdChanged, identityChanged, userMerged } from "./parse-user";
import { readEnvelope, readTriggerBody } from "./payloads";
import { asObject } from "../shared/body";

const TRIGGER_TYPE = "zendesk.trigger";

/**
 * Event types we act on, without the "zen:event-type:" prefix. Anything else is skipped. A Map,
 * not an object: the name comes from the body, and "__proto__" or "toString" must not find
 * Object.prototype's members.
 */
const HANDLERS: ReadonlyMap<string, Handler> = new Map(Object.entries({
  "ticket.created": ticketCreated,
  "ticket.comment_added": commentAdded,
  "ticket.status_changed": statusChanged,
  "ticket.merged": ticketMerged,
  "user.merged": userMerged,
  "user.external_id_changed": externalIdChanged,
  "user.identity_changed": identityChanged,
  "user.identity_created": identityChanged,
  "user.identity_deleted": identityChanged,
  "messaging_ticket.message_added": messageAdded,
}));

/** The event subscriptions a provisioned webhook asks for: exactly the types handled above. */
export const HANDLED_EVENT_TYPES: readonly string[] = [...HANDLERS.keys()].map((t) => `${EVENT_TYPE_PREFIXES[0]}${t}`);

function eventName(type: string): string | undefined {
  const prefix = EVENT_TYPE_PREFIXES.find((p) => type.startsWith(p));
  return prefix === undefined ? undefined : type.slice(prefix.length);
}

function parseTrigger(body: Record<string, unknown>): ParseResult {
  const b = readTriggerBody(body);
  const ticketRef = b.ticket_id ?? b.ticket?.id;
  if (!ticketRef) return malformed("trigger webhook body has no ticket_id (write \"ticket_id\": \"{{ticket.id}}\" in the trigger)");
  if (!TICKET_ID.test(ticketRef)) return malformed(`trigger webhook body: ticket_id must be a number, got "${ticketRef.slice(0, 40)}"`);
  const requesterRef = b.requester_id ?? b.ticket?.requester_id;
  const identity = dropUndefined({ providerUserRef: requesterRef, externalId: b.requester_external_id, email: b.requester_email });
  const out: NormalisedEvent = {
    kind: "ticket_updated",
    type: TRIGGER_TYPE,
    ticketRef,
    requesterRef,
    actorRef: b.actor_id ?? b.current_user_id,
    messageRef: b.comment_id,
    status: lower(b.status ?? b.ticket?.status),
  };
  if (identity.externalId !== undefined || identity.email !== undefined) out.identity = identity;
  return { ok: true, event: dropUndefined(out) };
}

export function parseZendeskBody(body: unknown): ParseResult {
  const value = asObject(body);
  if (typeof value === "string") return malformed(value);
  const type = typeof value.type === "string" ? value.type : undefined;
  const name = type === undefined ? undefined : eventName(type);
  if (type !== undefined && name !== undefined) {
    const handler = HANDLERS.get(name);
    return handler ? handler(readEnvelope(value, type)) : skip(`event type not handled: ${type}`, type);
  }
  // A trigger body is ours to define; a `type` there is the admin's own field, not Zendesk's.
  if ("ticket_id" in value || (typeof value.ticket === "object" && value.ticket !== null)) return parseTrigger(value);
  if (type !== undefined) return skip(`event type not handled: ${type}`, type);
  return malformed("body has neither an event-subscription \"type\" nor a trigger \"ticket_id\"");
}
