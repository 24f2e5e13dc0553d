// zod schemas of the Crisp bodies we read: webhook envelopes (plugin and website hooks carry the
// same `data` as the RTM events) and the REST answers crisp-api unwraps. Tolerant by design: a
// field of an unexpected type reads as absent, one unreadable message is dropped.
import { z } from "zod";
import { nested, tolerantArray } from "../shared/tolerant-zod";

/** An id as a string: safe integers are stringified (fingerprints), "" / null / others are absent. */
export function refOf(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? String(value) : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return text === "" ? undefined : text;
}

/** Epoch milliseconds (Crisp's unit for message and event timestamps). */
export function millisOf(value: unknown): number | undefined {
  const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) && n > 0 ? n : undefined;
}

const ref = z.unknown().transform(refOf).optional();
const text = z.unknown().transform((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined)).optional();
const millis = z.unknown().transform(millisOf).optional();
const flag = z.unknown().transform((v) => (typeof v === "boolean" ? v : undefined)).optional();
/** Message content is a string for text and notes, an object for files, pickers and the like. */
const content = z.unknown().transform((v) => (typeof v === "string" ? v : undefined)).optional();

const userSchema = z.object({ user_id: ref, nickname: text, type: text });

/** `{ website_id, event, data, timestamp }`: the body of every hook. */
export const envelopeSchema = z.object({
  website_id: ref,
  event: z.string(),
  timestamp: millis,
  data: nested(z.record(z.string(), z.unknown())),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** `data` of message:send / message:received. */
export const messageDataSchema = z.object({
  website_id: ref,
  session_id: ref,
  type: text,
  from: text,
  origin: text,
  content,
  fingerprint: ref,
  timestamp: millis,
  automated: flag,
  user: nested(userSchema),
});

/** `data` of session:* and people:bind:session events. */
export const sessionDataSchema = z.object({ website_id: ref, session_id: ref, state: text, people_id: ref });

/** `data` of plugin:subscription:updated. */
export const subscriptionDataSchema = z.object({ website_id: ref, plugin_id: ref, bound: flag });

export const verificationSchema = z.object({ identity: text, method: text, annotation: text });

/** GET /v1/website/{w}/conversation/{s} (unwrapped by crisp-api). */
export const conversationSchema = z.object({
  session_id: ref,
  people_id: ref,
  state: text,
  topic: text,
  meta: nested(z.object({ nickname: text, email: text, subject: text, origin: text, data: nested(z.record(z.string(), z.unknown())) })),
  verifications: tolerantArray(verificationSchema),
});
export type ApiConversation = z.output<typeof conversationSchema>;

/** One message of GET …/conversation/{s}/messages. */
export const apiMessageSchema = z.object({
  fingerprint: ref,
  type: text,
  from: text,
  content,
  timestamp: millis,
  automated: flag,
  user: nested(userSchema),
});
export type ApiMessage = z.output<typeof apiMessageSchema>;

export const messageBatchSchema = tolerantArray(apiMessageSchema);

/** GET /v1/website/{w}/people/data/{p}: the company's own key/values for the contact. */
export const peopleDataSchema = z.object({ data: nested(z.record(z.string(), z.unknown())) });

/** POST …/conversation/{s}/message answers with the new message's fingerprint. */
export const sentMessageSchema = z.object({ fingerprint: ref });
