// The whole conversation, oldest first, as Intercom gives it: GET /conversations/{id} in plain
// text returns the source message and at most the 500 newest parts (no pagination for older
// ones); `total_count` says how many there are, so a cut thread is marked truncated.
import { customerFacts } from "../shared/customer-facts";
import type { Thread, ThreadMessage } from "../types";
import { callSdk, type IntercomClient, requireId } from "./client";
import { customerOf } from "./parse-conversation";
import { authorRole, classifyPart, isCustomerAuthor } from "./part-role";
import { type Conversation, conversationSchema } from "./payloads";
import { isoTime } from "../shared/fields";
import { plainText } from "./text";

function isoOf(seconds: number | undefined): string {
  return (seconds === undefined ? undefined : isoTime(seconds * 1000)) ?? "";
}

function sourceMessage(c: Conversation): ThreadMessage | undefined {
  const s = c.source;
  const role = authorRole(s?.author);
  if (!s?.id || !role) return undefined;
  return { id: s.id, role, authorRef: s.author?.id ?? "", body: plainText(s.body), createdAt: isoOf(c.created_at), internal: false };
}

/** `source.type` in an agent's words: how the conversation started. */
const CHANNELS: Record<string, string> = {
  conversation: "chat",
  email: "email",
  push: "chat",
  whatsapp: "messaging (WhatsApp)",
  facebook: "messaging (Facebook)",
  instagram: "messaging (Instagram)",
  twitter: "messaging (X/Twitter)",
  sms: "SMS",
  phone_call: "phone",
  phone_switch: "phone",
};

export function threadOf(c: Conversation & { id: string }): Thread {
  const messages: ThreadMessage[] = [];
  const seen = new Set<string>();
  const source = sourceMessage(c);
  if (source) {
    messages.push(source);
    seen.add(source.id);
  }
  const parts = c.conversation_parts?.conversation_parts ?? [];
  for (const part of parts) {
    const kept = classifyPart(part);
    if (!kept.keep || !part.id || seen.has(part.id)) continue;
    seen.add(part.id);
    messages.push({ id: part.id, role: kept.role, authorRef: part.author?.id ?? "", body: plainText(part.body), createdAt: isoOf(part.created_at), internal: kept.internal });
  }
  // Intercom lists parts oldest first; a stable sort guards against a list out of order and
  // keeps the source (the conversation's start) first.
  const at = (m: ThreadMessage) => (m.createdAt ? Date.parse(m.createdAt) : 0);
  messages.sort((a, b) => at(a) - at(b));

  const thread: Thread = { ticketRef: c.id, messages };
  const subject = plainText(c.source?.subject ?? c.title);
  if (subject) thread.subject = subject;
  if (c.state) thread.status = c.state.toLowerCase();
  const customer = customerOf(c);
  if (customer) thread.requesterRef = customer.id;
  // The starter's name, when the customer started it (an outbound message names the admin).
  const starter = c.source?.author;
  const facts = isCustomerAuthor(starter) ? customerFacts(starter?.name) : undefined;
  if (facts) thread.customer = facts;
  const channel = c.source?.type ? CHANNELS[c.source.type.toLowerCase()] : undefined;
  if (channel) thread.channel = channel;
  const total = c.conversation_parts?.total_count;
  if (total !== undefined && total > parts.length) thread.truncated = true;
  return thread;
}

export async function fetchIntercomThread(client: IntercomClient, ticketRef: string): Promise<Thread> {
  const id = requireId(ticketRef, "conversation id");
  const raw = await callSdk(client, "GET /conversations/{id}", (sdk) => sdk.conversations.find({ conversation_id: id, display_as: "plaintext" }));
  const c = conversationSchema.parse(raw ?? {});
  return threadOf({ ...c, id: c.id ?? id });
}
