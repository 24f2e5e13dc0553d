// Shared by the parsers of Zendesk event bodies: results, ids from `detail` or `subject`.
import type { EventKind, NormalisedEvent, ParseResult } from "../types";
import { type Envelope, readTicketDetail, readUserDetail } from "./payloads";

export type Handler = (env: Envelope) => ParseResult;

export const TICKET_ID = /^\d+$/;

/** Skip reasons of messages the webhook names as written by staff or by a bot. */
export const STAFF_MESSAGE = "staff_message";
export const BOT_MESSAGE = "bot_message";

export function malformed(message: string): ParseResult {
  return { ok: false, code: "malformed", message };
}

export function skip(reason: string, type?: string): ParseResult {
  return type === undefined ? { ok: false, code: "skip", reason } : { ok: false, code: "skip", reason, type };
}

export function event(env: Envelope, kind: EventKind, fields: Omit<NormalisedEvent, "kind" | "type" | "eventId" | "occurredAt">): ParseResult {
  const out: NormalisedEvent = { kind, type: env.type, ...fields };
  if (env.id) out.eventId = env.id;
  if (env.time) out.occurredAt = env.time;
  return { ok: true, event: dropUndefined(out) };
}

export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** `subject` is "zen:ticket:5158" or "zen:user:6596848315901". */
export function subjectRef(env: Envelope, resource: "ticket" | "user"): string | undefined {
  const match = env.subject?.match(new RegExp(`^zen:${resource}:(\\d+)$`));
  return match?.[1];
}

export function lower(value: string | undefined): string | undefined {
  return value?.toLowerCase();
}

export function ticketOf(env: Envelope): { ticketRef: string; detail: ReturnType<typeof readTicketDetail> } | { error: ParseResult } {
  const detail = readTicketDetail(env.detail);
  const ticketRef = detail.id ?? subjectRef(env, "ticket");
  if (!ticketRef) return { error: malformed(`${env.type}: no ticket id (detail.id or subject "zen:ticket:<id>")`) };
  if (!TICKET_ID.test(ticketRef)) return { error: malformed(`${env.type}: ticket id must be a number, got "${ticketRef.slice(0, 40)}"`) };
  return { ticketRef, detail };
}

export function userOf(env: Envelope): { userRef: string; detail: ReturnType<typeof readUserDetail> } | { error: ParseResult } {
  const detail = readUserDetail(env.detail);
  const userRef = detail.id ?? subjectRef(env, "user");
  if (!userRef) return { error: malformed(`${env.type}: no user id (detail.id or subject "zen:user:<id>")`) };
  return { userRef, detail };
}

export const STAFF_ROLES = new Set(["agent", "admin"]);
