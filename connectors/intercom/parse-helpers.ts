// Shared by the parsers of Intercom notifications: results and the event envelope.
import type { EventKind, NormalisedEvent, ParseResult } from "../types";
import { isoTime } from "../shared/fields";
import type { Notification } from "./payloads";

export type Handler = (n: Notification & { topic: string }, item: Record<string, unknown>) => ParseResult;

export function malformed(message: string): ParseResult {
  return { ok: false, code: "malformed", message };
}

export function skip(reason: string, type?: string, distinct = false): ParseResult {
  const out: ParseResult = type === undefined ? { ok: false, code: "skip", reason } : { ok: false, code: "skip", reason, type };
  return distinct ? { ...out, distinct } : out;
}

export function event(n: Notification & { topic: string }, kind: EventKind, fields: Omit<NormalisedEvent, "kind" | "type" | "eventId" | "occurredAt">): ParseResult {
  const out: NormalisedEvent = { kind, type: n.topic, ...fields };
  if (n.id) out.eventId = n.id;
  const at = n.created_at ?? n.first_sent_at;
  const occurredAt = at === undefined ? undefined : isoTime(at * 1000);
  if (occurredAt !== undefined) out.occurredAt = occurredAt;
  return { ok: true, event: dropUndefined(out) };
}

export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
