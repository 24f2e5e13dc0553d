// Conversation topics: which conversation, which customer, and the part the event is about.
import type { EventKind } from "../types";
import { dropUndefined, event, type Handler, malformed, skip } from "./parse-helpers";
import { isAiAnswer, isCustomerAuthor } from "./part-role";
import { type Conversation, conversationSchema, type Part } from "./payloads";

/** The part a topic is about: the newest one of its kind in the notification's copy. */
const PART_OF: Partial<Record<EventKind, (p: Part) => boolean>> = {
  customer_message: (p) => isCustomerAuthor(p.author),
  agent_message: (p) => p.part_type === "comment" && p.author?.type === "admin",
  internal_note: (p) => p.part_type === "note",
  ticket_status_changed: (p) => p.part_type === "close",
};

/**
 * The customer: the contact who wrote the source message, when one did, else the first contact
 * listed (a group conversation lists more than one; an outbound one starts with an admin).
 */
export function customerOf(c: Conversation): { id: string; externalId?: string } | undefined {
  const contacts = c.contacts?.contacts ?? [];
  const author = c.source?.author;
  const starter = isCustomerAuthor(author) && author?.id ? author.id : undefined;
  const listed = contacts.find((k) => k.id !== undefined && k.id === starter) ?? contacts.find((k) => k.id !== undefined);
  const id = starter ?? listed?.id;
  if (!id) return undefined;
  const externalId = listed?.id === id ? listed.external_id : undefined;
  return externalId ? { id, externalId } : { id };
}

function newestPart(c: Conversation, kind: EventKind): Part | undefined {
  const parts = c.conversation_parts?.conversation_parts ?? [];
  const wanted = PART_OF[kind];
  const pick = (list: Part[]) => [...list].reverse().find((p) => p.id !== undefined);
  return (wanted ? pick(parts.filter(wanted)) : undefined) ?? pick(parts);
}

export function conversationEvent(kind: EventKind, status?: string): Handler {
  return (n, item) => {
    const c = conversationSchema.parse(item);
    if (!c.id) return malformed(`${n.topic}: data.item has no conversation id`);
    const customer = customerOf(c);
    // A new conversation is about its source message; later topics about their newest part.
    const part = kind === "ticket_created" ? undefined : newestPart(c, kind);
    const identity = customer?.externalId ? { providerUserRef: customer.id, externalId: customer.externalId } : undefined;
    return event(
      n,
      kind,
      dropUndefined({
        ticketRef: c.id,
        requesterRef: customer?.id,
        actorRef: part ? part.author?.id : c.source?.author?.id,
        messageRef: part ? part.id : c.source?.id,
        status: status ?? c.state?.toLowerCase(),
        identity,
      }),
    );
  };
}

/**
 * conversation.admin.replied: the topic names the author as staff (a bot or Fin when the part
 * says so). Nothing to read for it: the job would fetch the conversation only to post nothing,
 * and the reply is fed with the conversation's next customer event. Skipped with no API call.
 */
export const staffReply: Handler = (n, item) => {
  const part = newestPart(conversationSchema.parse(item), "agent_message");
  const type = part?.author?.type?.toLowerCase();
  const bot = isAiAnswer(part?.author) || type === "bot";
  return skip(bot ? "bot_message" : "staff_message", n.topic);
};
