// The whole conversation, oldest first: the conversation (state, subject, contact) and every
// batch of messages, walking back with timestamp_before until Crisp returns an empty batch.
// Text messages from the visitor and operators are the thread; notes are kept, marked internal,
// so memory never reads them and a retried job can find the note it already posted.
import { customerFacts } from "../shared/customer-facts";
import { isoTime } from "../shared/fields";
import type { Thread, ThreadMessage } from "../types";
import { callCrisp, type CrispClient, requireSessionId } from "./client";
import { MAX_MESSAGE_BATCHES } from "./facts";
import { type ApiConversation, type ApiMessage, conversationSchema, messageBatchSchema } from "./payloads";
import { requesterRefOf } from "./requester-ref";

export async function getCrispConversation(client: CrispClient, sessionId: string): Promise<ApiConversation> {
  const raw = await callCrisp(client, "GET conversation", (sdk) => sdk.website.getConversation(client.websiteId, sessionId));
  return conversationSchema.parse(raw ?? {});
}

function roleOf(message: ApiMessage): ThreadMessage["role"] {
  if (message.from === "user") return "customer";
  // Crisp's bots and automations write as operators, flagged automated.
  return message.automated ? "bot" : "agent";
}

function toThreadMessage(message: ApiMessage): ThreadMessage | undefined {
  const isNote = message.type === "note";
  if ((message.type !== "text" && !isNote) || message.content === undefined || !message.fingerprint) return undefined;
  if (message.from !== "user" && message.from !== "operator") return undefined;
  return {
    id: message.fingerprint,
    role: isNote ? "agent" : roleOf(message),
    authorRef: message.user?.user_id ?? "",
    body: message.content,
    createdAt: isoTime(message.timestamp || undefined) ?? "",
    internal: isNote,
  };
}

type Walk = { messages: Map<string, ApiMessage>; truncated: boolean };

async function walkBack(client: CrispClient, sessionId: string): Promise<Walk> {
  const messages = new Map<string, ApiMessage>();
  let before: number | undefined;
  for (let batchNo = 0; ; batchNo++) {
    // Past this many batches, or when a batch brings nothing older, we stop and say the
    // thread may be partial rather than loop on a server that repeats itself.
    if (batchNo >= MAX_MESSAGE_BATCHES) return { messages, truncated: true };
    const raw = await callCrisp(client, "GET conversation messages", (sdk) => sdk.website.getMessagesInConversation(client.websiteId, sessionId, before));
    const batch = messageBatchSchema.parse(Array.isArray(raw) ? raw : []);
    if (batch.length === 0) return { messages, truncated: false };
    let fresh = 0;
    for (const m of batch) {
      if (m.fingerprint && !messages.has(m.fingerprint)) {
        messages.set(m.fingerprint, m);
        fresh++;
      }
    }
    const times = batch.map((m) => m.timestamp).filter((t): t is number => t !== undefined);
    const oldest = times.length > 0 ? Math.min(...times) : undefined;
    if (fresh === 0 || oldest === undefined || (before !== undefined && oldest >= before)) return { messages, truncated: true };
    before = oldest;
  }
}

/** `meta.origin` in an agent's words; "urn:…" origins are other plugins' channels. */
function channelOf(origin: string | undefined): string | undefined {
  if (!origin) return undefined;
  if (origin === "chat") return "chat";
  if (origin === "email") return "email";
  const urn = /^urn:(?:crisp\.im:)?([a-z]+)/i.exec(origin)?.[1]?.toLowerCase();
  const named: Record<string, string> = { whatsapp: "WhatsApp", messenger: "Messenger", instagram: "Instagram", telegram: "Telegram", line: "LINE", twitter: "X/Twitter", sms: "SMS" };
  return urn ? `messaging${named[urn] ? ` (${named[urn]})` : ""}` : undefined;
}

/** A company the website set on the session (`meta.data.company`), when it is a plain name. */
function companyOf(data: Record<string, unknown> | undefined): string | undefined {
  const value = data?.company ?? data?.company_name;
  return typeof value === "string" ? value : undefined;
}

export async function fetchCrispThread(client: CrispClient, ticketRef: string): Promise<Thread> {
  const sessionId = requireSessionId(ticketRef);
  const conversation = await getCrispConversation(client, sessionId);
  const walk = await walkBack(client, sessionId);
  const messages = [...walk.messages.values()]
    .map(toThreadMessage)
    .filter((m): m is ThreadMessage => m !== undefined)
    // Batches come newest first; within one, order is not documented: sort (stable) by time.
    .sort((a, b) => (Date.parse(a.createdAt) || 0) - (Date.parse(b.createdAt) || 0));
  const thread: Thread = { ticketRef: sessionId, messages };
  const subject = conversation.meta?.subject ?? conversation.topic;
  if (subject) thread.subject = subject;
  if (conversation.state) thread.status = conversation.state.toLowerCase();
  // The nickname is typed in the chatbox (a hint, never an identity); "visitor493603" is Crisp's default.
  const customer = customerFacts(conversation.meta?.nickname, companyOf(conversation.meta?.data));
  if (customer) thread.customer = customer;
  const channel = channelOf(conversation.meta?.origin);
  if (channel) thread.channel = channel;
  // An anonymous visitor has no contact (people_id): there is no person to remember yet.
  if (conversation.people_id) thread.requesterRef = requesterRefOf(conversation.people_id, sessionId);
  if (walk.truncated) thread.truncated = true;
  return thread;
}
