// An Intercom webhook body → one normalised event, a skip, or a clear "malformed". Every body is
// a notification `{ type: "notification_event", id, topic, app_id, data: { item } }`; the topic
// says what `item` is. Topics we do not act on are skipped (recorded, answered 200).
import type { ParseResult } from "../types";
import { contactChanged, contactMerged, leadConverted } from "./parse-contact";
import { conversationEvent, staffReply } from "./parse-conversation";
import { type Handler, malformed, skip } from "./parse-helpers";
import { notificationSchema, refOf } from "./payloads";
import { asObject } from "../shared/body";

const NOTIFICATION_TYPE = "notification_event";

// A Map: the topic comes from the body, and "__proto__" must not find Object.prototype's members.
const HANDLERS: ReadonlyMap<string, Handler> = new Map(Object.entries({
  "conversation.user.created": conversationEvent("ticket_created"),
  "conversation.user.replied": conversationEvent("customer_message"),
  "conversation.admin.replied": staffReply,
  "conversation.admin.noted": conversationEvent("internal_note"),
  "conversation.admin.closed": conversationEvent("ticket_status_changed", "closed"),
  "contact.user.created": contactChanged,
  "contact.email.updated": contactChanged,
  "contact.merged": contactMerged,
  "contact.lead.signed_up": leadConverted,
  "visitor.signed_up": leadConverted,
}));

export function parseIntercomBody(body: unknown): ParseResult {
  const value = asObject(body);
  if (typeof value === "string") return malformed(value);
  const n = notificationSchema.parse(value);
  if (n.type !== undefined && n.type !== NOTIFICATION_TYPE) return malformed(`type must be "${NOTIFICATION_TYPE}", got "${n.type.slice(0, 40)}"`);
  if (!n.topic) return malformed("notification has no \"topic\"");
  const topic = n.topic;
  // Without a notification id nothing tells two notifications with the same bytes apart.
  const distinct = n.id === undefined;
  // Intercom sends ping on subscribing and now and then; it is always subscribed.
  if (topic === "ping") return skip("ping", topic, distinct);
  const handler = HANDLERS.get(topic);
  if (!handler) return skip(`topic not handled: ${topic}`, topic, distinct);
  const item = n.data?.item;
  if (!item) return malformed(`${topic}: notification has no data.item`);
  return handler({ ...n, topic }, item);
}

/** The workspace a notification belongs to: one endpoint serves every workspace of the app. */
export function intercomAccountOf(body: unknown): string | undefined {
  const value = asObject(body);
  return typeof value === "string" ? undefined : refOf(value.app_id);
}
