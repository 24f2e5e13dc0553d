// Ticket and messaging events: who wrote, on which ticket, in which state.
import type { EventKind } from "../types";
import { BOT_MESSAGE, event, type Handler, lower, malformed, skip, STAFF_MESSAGE, ticketOf } from "./parse-helpers";
import { readCommentAdded, readMessageAdded, readStatusChanged } from "./payloads";

const BOT_ACTORS = new Set(["trigger", "system", "bot", "ai_agent"]);

export const ticketCreated: Handler = (env) => {
  const t = ticketOf(env);
  if ("error" in t) return t.error;
  return event(env, "ticket_created", {
    ticketRef: t.ticketRef,
    requesterRef: t.detail.requester_id,
    // An agent may open a ticket for a customer: the submitter acted, the requester is the customer.
    actorRef: t.detail.actor_id ?? t.detail.submitter_id,
    status: lower(t.detail.status),
  });
};

export const commentAdded: Handler = (env) => {
  const t = ticketOf(env);
  if ("error" in t) return t.error;
  const { comment } = readCommentAdded(env.event);
  if (!comment) return malformed(`${env.type}: no event.comment`);
  // Zendesk comments are public unless marked otherwise.
  const isPublic = comment.is_public ?? comment.public ?? true;
  const authorRef = comment.author?.id ?? t.detail.actor_id;
  // Without is_staff, the requester writing is the customer; anyone else on the ticket is staff.
  const staff = comment.author?.is_staff ?? (authorRef !== undefined && authorRef !== t.detail.requester_id);
  // A public comment the body itself names as staff's costs no API call: the job would read the
  // thread only to post nothing, and the reply is fed with the ticket's next customer event.
  // A private one is still read (it may be our own note coming back).
  if (isPublic && comment.author?.is_staff === true) return skip(STAFF_MESSAGE, env.type);
  const kind: EventKind = !isPublic ? "internal_note" : staff ? "agent_message" : "customer_message";
  return event(env, kind, {
    ticketRef: t.ticketRef,
    requesterRef: t.detail.requester_id,
    actorRef: authorRef,
    messageRef: comment.id,
    status: lower(t.detail.status),
  });
};

export const statusChanged: Handler = (env) => {
  const t = ticketOf(env);
  if ("error" in t) return t.error;
  const change = readStatusChanged(env.event);
  const status = lower(change.current ?? t.detail.status);
  if (!status) return malformed(`${env.type}: no new status (event.current or detail.status)`);
  return event(env, "ticket_status_changed", {
    ticketRef: t.ticketRef,
    requesterRef: t.detail.requester_id,
    actorRef: t.detail.actor_id,
    status,
  });
};

// The merged ticket is closed into `event.target_ticket_id`; its issue lives on there, and the
// target ticket gets its own comment_added event. For the merged ticket this is an end, like
// "closed", but not a resolution: we say "merged" and let the pipeline treat it as closed.
export const ticketMerged: Handler = (env) => {
  const t = ticketOf(env);
  if ("error" in t) return t.error;
  return event(env, "ticket_status_changed", {
    ticketRef: t.ticketRef,
    requesterRef: t.detail.requester_id,
    actorRef: t.detail.actor_id,
    status: "merged",
  });
};

export const messageAdded: Handler = (env) => {
  const t = ticketOf(env);
  if ("error" in t) return t.error;
  const e = readMessageAdded(env.event);
  const actor = e.actor?.type?.toLowerCase();
  // Agents and bots (triggers, the system) named as such: nothing to read for them (see above).
  if (actor === "agent") return skip(STAFF_MESSAGE, env.type);
  if (actor !== undefined && BOT_ACTORS.has(actor)) return skip(BOT_MESSAGE, env.type);
  return event(env, actor === "end_user" ? "customer_message" : "agent_message", {
    ticketRef: t.ticketRef,
    requesterRef: t.detail.requester_id,
    actorRef: e.actor?.id,
    messageRef: e.message?.id,
    status: lower(t.detail.status),
  });
};
