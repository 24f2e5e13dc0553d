// zod schemas of what Intercom sends us: webhook notifications and the REST objects inside them
// (conversation, part, contact), which have the same shape in both. Tolerant by design: ids come
// as strings or numbers, fields are null or missing, Intercom adds fields per API version. A
// field of an unexpected type reads as absent; one unreadable part is dropped, not the thread.
import { z } from "zod";
import { nested, tolerantArray } from "../shared/tolerant-zod";

/** An id as a string: numbers are stringified, "" / null / anything else is absent. */
export function refOf(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? String(value) : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return text === "" || text === "null" ? undefined : text;
}

/** Non-empty trimmed text, else absent. */
export function textOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return text === "" ? undefined : text;
}

export function flagOf(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

/** Unix seconds (Intercom's timestamps), as a number; also from a digit string. */
export function secondsOf(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

const ref = z.unknown().transform(refOf).optional();
const text = z.unknown().transform(textOf).optional();
const flag = z.unknown().transform(flagOf).optional();
const seconds = z.unknown().transform(secondsOf).optional();
/** Message text keeps its inner whitespace; only "absent" is normalised. */
const body = z.unknown().transform((v) => (typeof v === "string" ? v : undefined)).optional();

/** Every webhook body: `{ type: "notification_event", id, topic, app_id, data: { item } }`. */
export const notificationSchema = z.object({
  type: text,
  id: ref,
  topic: text,
  app_id: ref,
  created_at: seconds,
  first_sent_at: seconds,
  delivery_attempts: seconds,
  data: nested(z.object({ item: nested(z.record(z.string(), z.unknown())) })),
});
export type Notification = z.output<typeof notificationSchema>;

/** Author of a source message or a part: user / lead / contact / admin / bot / team. */
export const authorSchema = z.object({ type: text, id: ref, name: text, email: text, from_ai_agent: flag, is_ai_answer: flag });
export type Author = z.output<typeof authorSchema>;

export const partSchema = z.object({
  id: ref,
  part_type: text,
  body,
  created_at: seconds,
  author: nested(authorSchema),
  app_package_code: text,
});
export type Part = z.output<typeof partSchema>;

export const conversationSchema = z.object({
  type: text,
  id: ref,
  title: text,
  state: text,
  created_at: seconds,
  source: nested(z.object({ type: text, id: ref, delivered_as: text, subject: text, body, author: nested(authorSchema) })),
  contacts: nested(z.object({ contacts: tolerantArray(z.object({ id: ref, external_id: ref })) })),
  conversation_parts: nested(z.object({ total_count: seconds, conversation_parts: tolerantArray(partSchema) })),
});
export type Conversation = z.output<typeof conversationSchema>;

/** A merged-away contact is `{ type: "contact", id }`; an older or proxied shape may be the bare id. */
const contactRefSchema = z.union([z.object({ id: ref }).transform((o) => o.id), ref]).catch(undefined);

export const contactSchema = z.object({
  type: text,
  id: ref,
  role: text,
  external_id: ref,
  email: text,
  // Intercom's contact model has no such field today; read it in case a version adds one.
  email_verified: flag,
  name: text,
  // contact.merged: the surviving contact carries the id of the one absorbed into it.
  merged_from: contactRefSchema,
  merged_from_id: ref,
});
export type Contact = z.output<typeof contactSchema>;

/** A contact's external_id is the company's id for a *user*; leads have none worth trusting. */
export function externalIdOf(contact: Pick<Contact, "role" | "external_id">): string | undefined {
  return contact.role?.toLowerCase() === "lead" ? undefined : contact.external_id;
}
