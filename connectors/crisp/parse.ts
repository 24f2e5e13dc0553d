// A Crisp hook body → one normalised event, a skip, or a clear "malformed". The conversation
// (session_id) is the ticket; the person behind it (people_id) is found when the thread is read,
// never taken from the hook: a visitor's user_id is the session id, not a person.
import type { EventKind, NormalisedEvent, ParseResult } from "../types";
import { SESSION_ID } from "./facts";
import { type Envelope, envelopeSchema, messageDataSchema, sessionDataSchema } from "./payloads";
import { asObject } from "../shared/body";
import { isoTime } from "../shared/fields";

type Handler = (env: Envelope) => ParseResult;

function malformed(message: string): ParseResult {
  return { ok: false, code: "malformed", message };
}

function skip(reason: string, type: string): ParseResult {
  return { ok: false, code: "skip", reason, type };
}

function event(env: Envelope, kind: EventKind, fields: Omit<NormalisedEvent, "kind" | "type">): ParseResult {
  const out: NormalisedEvent = { kind, type: env.event, ...fields };
  return { ok: true, event: Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as NormalisedEvent };
}

function sessionOf(env: Envelope, sessionId: string | undefined): { sessionId: string } | { error: ParseResult } {
  if (!sessionId) return { error: malformed(`${env.event}: no data.session_id`) };
  if (!SESSION_ID.test(sessionId)) return { error: malformed(`${env.event}: data.session_id must look like session_<uuid>, got "${sessionId.slice(0, 60)}"`) };
  return { sessionId };
}

const message: Handler = (env) => {
  const data = messageDataSchema.parse(env.data ?? {});
  const s = sessionOf(env, data.session_id);
  if ("error" in s) return s.error;
  if (!data.fingerprint) return malformed(`${env.event}: no data.fingerprint`);
  // `from` says who wrote; the event name only says which way the message went.
  let kind: EventKind;
  if (data.type === "note") kind = "internal_note";
  else if (data.from === "user") kind = "customer_message";
  // An operator's message (an agent, a bot or the plugin) named as such: nothing to read for it,
  // the job would fetch the conversation only to post nothing, and the message is fed with the
  // conversation's next customer event. Skipped with no API call. Notes are read (our echo).
  else if (data.from === "operator") return skip(data.automated === true ? "bot_message" : "staff_message", env.event);
  else return skip(`${env.event}: message without a known sender (from: ${data.from ?? "absent"})`, env.event);
  return event(env, kind, {
    ticketRef: s.sessionId,
    actorRef: data.user?.user_id,
    messageRef: data.fingerprint,
    occurredAt: isoTime(data.timestamp ?? env.timestamp),
  });
};

const stateChanged: Handler = (env) => {
  const data = sessionDataSchema.parse(env.data ?? {});
  const s = sessionOf(env, data.session_id);
  if ("error" in s) return s.error;
  if (!data.state) return malformed(`${env.event}: no data.state`);
  return event(env, "ticket_status_changed", { ticketRef: s.sessionId, status: data.state.toLowerCase(), occurredAt: isoTime(env.timestamp) });
};

// The e-mail in session:set_email is typed by the visitor: it only tells us to look again. The
// conversation's verifications[] and the contact's people_id are read when the thread is fetched.
const identityChanged: Handler = (env) => {
  const data = sessionDataSchema.parse(env.data ?? {});
  const s = sessionOf(env, data.session_id);
  if ("error" in s) return s.error;
  return event(env, "identity_changed", { ticketRef: s.sessionId, occurredAt: isoTime(env.timestamp) });
};

// A Map: the event name comes from the body, and "valueOf" must not find Object.prototype's members.
const HANDLERS: ReadonlyMap<string, Handler> = new Map(Object.entries({
  "message:send": message,
  "message:received": message,
  "session:set_state": stateChanged,
  "session:set_email": identityChanged,
  "people:bind:session": identityChanged,
}));

export function parseCrispBody(body: unknown): ParseResult {
  const value = asObject(body);
  if (typeof value === "string") return malformed(value);
  const env = envelopeSchema.safeParse(value);
  if (!env.success) return malformed('body has no "event" (a Crisp hook body is { website_id, event, data, timestamp })');
  const handler = HANDLERS.get(env.data.event);
  // plugin:subscription:updated is an installation change, handled before any installation is looked up.
  return handler ? handler(env.data) : skip(`event not handled: ${env.data.event}`, env.data.event);
}
