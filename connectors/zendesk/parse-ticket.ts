// Ticket and messaging events: who wrote, on which ticket, in which state.
import type { EventKind } from "../types";
import { event, type Handler, lower, malformed, ticketOf } from "./parse-helpers";
import { readCommentAdded, readMessageAdded, readStatusChanged } from "./payloads";

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
  return event(env, e.actor?.type === "end_user" ? "customer_message" : "agent_message", {
    ticketRef: t.ticketRef,
    requesterRef: t.detail.requester_id,
    actorRef: e.actor?.id,
    messageRef: e.message?.id,
    status: lower(t.detail.status),
  });
};
