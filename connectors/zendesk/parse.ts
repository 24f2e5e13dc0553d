// A Zendesk webhook body → one normalised event, a skip, or a clear "malformed". Two kinds of
// body arrive: event subscriptions (fixed envelope, `type: "zen:event-type:…"`) and
// trigger-connected webhooks (a body the admin wrote, from which we need only a ticket id).
import type { EventKind, NormalisedEvent, ParseResult } from "../types";
import { EVENT_TYPE_PREFIXES } from "./facts";
import {
  commentAddedSchema,
  type Envelope,
  envelopeSchema,
  externalIdChangedSchema,
  identityChangedSchema,
  messageAddedSchema,
  statusChangedSchema,
  ticketDetailSchema,
  triggerBodySchema,
  userDetailSchema,
  userMergedSchema,
} from "./payloads";

type Handler = (env: Envelope) => ParseResult;

const TICKET_ID = /^\d+$/;
const TRIGGER_TYPE = "zendesk.trigger";

function malformed(message: string): ParseResult {
  return { ok: false, code: "malformed", message };
}

function skip(reason: string, type?: string): ParseResult {
  return type === undefined ? { ok: false, code: "skip", reason } : { ok: false, code: "skip", reason, type };
}

function event(env: Envelope, kind: EventKind, fields: Omit<NormalisedEvent, "kind" | "type" | "eventId" | "occurredAt">): ParseResult {
  const out: NormalisedEvent = { kind, type: env.type, ...fields };
  if (env.id) out.eventId = env.id;
  if (env.time) out.occurredAt = env.time;
  return { ok: true, event: dropUndefined(out) };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** `subject` is "zen:ticket:5158" or "zen:user:6596848315901". */
function subjectRef(env: Envelope, resource: "ticket" | "user"): string | undefined {
  const match = env.subject?.match(new RegExp(`^zen:${resource}:(\\d+)$`));
  return match?.[1];
}

function lower(value: string | undefined): string | undefined {
  return value?.toLowerCase();
}

function ticketOf(env: Envelope): { ticketRef: string; detail: ReturnType<typeof ticketDetailSchema.parse> } | { error: ParseResult } {
  const detail = ticketDetailSchema.parse(env.detail ?? {});
  const ticketRef = detail.id ?? subjectRef(env, "ticket");
  if (!ticketRef) return { error: malformed(`${env.type}: no ticket id (detail.id or subject "zen:ticket:<id>")`) };
  if (!TICKET_ID.test(ticketRef)) return { error: malformed(`${env.type}: ticket id must be a number, got "${ticketRef.slice(0, 40)}"`) };
  return { ticketRef, detail };
}

function userOf(env: Envelope): { userRef: string; detail: ReturnType<typeof userDetailSchema.parse> } | { error: ParseResult } {
  const detail = userDetailSchema.parse(env.detail ?? {});
  const userRef = detail.id ?? subjectRef(env, "user");
  if (!userRef) return { error: malformed(`${env.type}: no user id (detail.id or subject "zen:user:<id>")`) };
  return { userRef, detail };
}

const STAFF_ROLES = new Set(["agent", "admin"]);

const ticketCreated: Handler = (env) => {
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

const commentAdded: Handler = (env) => {
  const t = ticketOf(env);
  if ("error" in t) return t.error;
  const { comment } = commentAddedSchema.parse(env.event ?? {});
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

const statusChanged: Handler = (env) => {
  const t = ticketOf(env);
  if ("error" in t) return t.error;
  const change = statusChangedSchema.parse(env.event ?? {});
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
const ticketMerged: Handler = (env) => {
  const t = ticketOf(env);
  if ("error" in t) return t.error;
  return event(env, "ticket_status_changed", {
    ticketRef: t.ticketRef,
    requesterRef: t.detail.requester_id,
    actorRef: t.detail.actor_id,
    status: "merged",
  });
};

const userMerged: Handler = (env) => {
  const u = userOf(env);
  if ("error" in u) return u.error;
  const e = userMergedSchema.parse(env.event ?? {});
  const into = e.merged_into_user_id ?? e.merged_to_user_id ?? e.target_user_id ?? e.surviving_user_id ?? e.winner_id ?? e.target_user ?? e.surviving_user ?? e.current;
  const from = e.original_user_id ?? e.source_user_id ?? e.merged_user_id ?? e.loser_id ?? e.source_user ?? e.discarded_user ?? e.previous;
  // The subject is one side of the merge: whichever side the event does not name.
  const fromUserRef = from ?? (into !== undefined && into !== u.userRef ? u.userRef : undefined);
  const intoUserRef = into ?? (from !== undefined && from !== u.userRef ? u.userRef : undefined);
  if (!fromUserRef || !intoUserRef) return skip(`${env.type}: the event names no other user than ${u.userRef}`, env.type);
  if (fromUserRef === intoUserRef) return skip(`${env.type}: user ${fromUserRef} merged into itself`, env.type);
  return event(env, "user_merged", { requesterRef: intoUserRef, merge: { fromUserRef, intoUserRef } });
};

const externalIdChanged: Handler = (env) => {
  const u = userOf(env);
  if ("error" in u) return u.error;
  if (u.detail.role && STAFF_ROLES.has(u.detail.role)) return skip(`${env.type}: user ${u.userRef} is staff (${u.detail.role})`, env.type);
  const change = externalIdChangedSchema.parse(env.event ?? {});
  return event(env, "identity_changed", {
    requesterRef: u.userRef,
    identity: dropUndefined({ providerUserRef: u.userRef, externalId: change.current ?? u.detail.external_id, email: u.detail.email }),
  });
};

const identityChanged: Handler = (env) => {
  const u = userOf(env);
  if ("error" in u) return u.error;
  if (u.detail.role && STAFF_ROLES.has(u.detail.role)) return skip(`${env.type}: user ${u.userRef} is staff (${u.detail.role})`, env.type);
  const change = identityChangedSchema.parse(env.event ?? {});
  const now = change.current ?? change.identity;
  // `detail.email` is the primary e-mail now; it is verified only if the event says so for it.
  const sameEmail = now?.type === "email" && now.value !== undefined && now.value.toLowerCase() === u.detail.email?.toLowerCase();
  const emailVerified = sameEmail && !env.type.endsWith("identity_deleted") ? now?.verified : undefined;
  return event(env, "identity_changed", {
    requesterRef: u.userRef,
    identity: dropUndefined({ providerUserRef: u.userRef, externalId: u.detail.external_id, email: u.detail.email, emailVerified }),
  });
};

const messageAdded: Handler = (env) => {
  const t = ticketOf(env);
  if ("error" in t) return t.error;
  const e = messageAddedSchema.parse(env.event ?? {});
  return event(env, e.actor?.type === "end_user" ? "customer_message" : "agent_message", {
    ticketRef: t.ticketRef,
    requesterRef: t.detail.requester_id,
    actorRef: e.actor?.id,
    messageRef: e.message?.id,
    status: lower(t.detail.status),
  });
};

/** Event types we act on, without the "zen:event-type:" prefix. Anything else is skipped. */
const HANDLERS: Record<string, Handler> = {
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
};

function eventName(type: string): string | undefined {
  const prefix = EVENT_TYPE_PREFIXES.find((p) => type.startsWith(p));
  return prefix === undefined ? undefined : type.slice(prefix.length);
}

function parseTrigger(body: Record<string, unknown>): ParseResult {
  const b = triggerBodySchema.parse(body);
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

function asObject(body: unknown): Record<string, unknown> | string {
  let value = body;
  if (Buffer.isBuffer(value)) value = value.toString("utf8");
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return "body is not JSON";
    }
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "body must be a JSON object";
  return value as Record<string, unknown>;
}

export function parseZendeskBody(body: unknown): ParseResult {
  const value = asObject(body);
  if (typeof value === "string") return malformed(value);
  const type = typeof value.type === "string" ? value.type : undefined;
  const name = type === undefined ? undefined : eventName(type);
  if (type !== undefined && name !== undefined) {
    const env = envelopeSchema.safeParse(value);
    if (!env.success) return malformed(`${type}: unreadable envelope`);
    const handler = HANDLERS[name];
    return handler ? handler(env.data) : skip(`event type not handled: ${type}`, type);
  }
  // A trigger body is ours to define; a `type` there is the admin's own field, not Zendesk's.
  if ("ticket_id" in value || (typeof value.ticket === "object" && value.ticket !== null)) return parseTrigger(value);
  if (type !== undefined) return skip(`event type not handled: ${type}`, type);
  return malformed("body has neither an event-subscription \"type\" nor a trigger \"ticket_id\"");
}
