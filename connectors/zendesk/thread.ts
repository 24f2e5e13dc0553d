// The whole ticket thread, oldest first: the ticket (subject, status, requester, channel, with its
// users and organization sideloaded so the requester needs no call of its own), then the comments
// through cursor pagination (100 a page, users sideloaded), all through requestJson.
import { isRecord } from "../shared/fields";
import type { RequesterIdentity, Thread, ThreadMessage } from "../types";
import { customerFacts } from "../shared/customer-facts";
import { commentsPageSchema, organizationSchema, ticketSchema, type ApiComment } from "./api-payloads";
import type { ZendeskClient } from "./client";
import { MAX_COMMENT_PAGES } from "./facts";
import { apiPath, requestJson, requireId } from "./http";
import { commentRole } from "./comment-role";
import { refOf } from "./payloads";
import { identityOf, wholeUserRecord } from "./requester";

/**
 * Follow a `links.next` only on our own base URL: credentials must not follow a link elsewhere.
 * A next link on another host (a proxy rewrote it, or a test server) is re-rooted on our base.
 */
export function sameBaseUrl(next: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  const url = new URL(next, base);
  const rooted = url.origin === base.origin ? url : new URL(`${baseUrl}${url.pathname.slice(Math.max(0, url.pathname.indexOf("/api/v2/")))}${url.search}`);
  // Zendesk's next links keep the cursor; make sure they keep the page size and sideloads too.
  if (!rooted.searchParams.has("include")) rooted.searchParams.set("include", "users");
  if (!rooted.searchParams.has("page[size]") && rooted.searchParams.has("page[after]")) rooted.searchParams.set("page[size]", "100");
  return rooted.href;
}

function toMessage(comment: ApiComment & { id: string }, role: ThreadMessage["role"]): ThreadMessage {
  return {
    id: comment.id,
    role,
    authorRef: comment.author_id ?? "",
    body: comment.plain_body ?? comment.body ?? "",
    createdAt: comment.created_at ?? "",
    // A comment without the flag is public: Zendesk's default.
    internal: comment.public === false,
  };
}

function timeOf(message: ThreadMessage): number {
  const ms = Date.parse(message.createdAt);
  return Number.isNaN(ms) ? 0 : ms;
}

function sideloadedRequester(users: unknown, requesterRef: string | undefined): RequesterIdentity | undefined {
  if (!requesterRef || !Array.isArray(users)) return undefined;
  const user = users.find((u) => isRecord(u) && refOf(u.id) === requesterRef);
  return wholeUserRecord(user) ? identityOf(user, requesterRef) : undefined;
}

/** `via.channel` in an agent's words; "api" and unknown channels say nothing about the customer. */
const CHANNELS: Record<string, string> = {
  email: "email",
  web: "web form",
  chat: "chat",
  native_messaging: "messaging",
  messaging: "messaging",
  mobile_sdk: "messaging",
  sunshine_conversations: "messaging",
  whatsapp: "messaging (WhatsApp)",
  facebook: "messaging (Facebook)",
  instagram_dm: "messaging (Instagram)",
  line: "messaging (LINE)",
  sms: "SMS",
  voice: "phone",
  phone: "phone",
};

// Messaging tickets are titled by Zendesk itself ("Conversation with Dana"): not the customer's words.
const GENERATED_SUBJECT = /^conversation with\b/i;

function organizationName(organizations: unknown, organizationRef: string | undefined): string | undefined {
  if (!organizationRef || !Array.isArray(organizations)) return undefined;
  const found = organizations.map((o) => organizationSchema.safeParse(o)).find((r) => r.success && r.data.id === organizationRef);
  return found?.success ? found.data.name : undefined;
}

/** A partial sideload still names the person, even when it cannot stand in for their record. */
function sideloadedName(users: unknown, requesterRef: string | undefined): string | undefined {
  if (!requesterRef || !Array.isArray(users)) return undefined;
  const user = users.find((u) => isRecord(u) && refOf(u.id) === requesterRef);
  return isRecord(user) && typeof user.name === "string" ? user.name : undefined;
}

export async function fetchZendeskThread(client: ZendeskClient, ticketRef: string): Promise<Thread> {
  const id = requireId(ticketRef, "ticket id");
  const shown = (await requestJson(client, "GET", apiPath(`/tickets/${id}.json?include=users,organizations`))) as {
    ticket?: unknown;
    users?: unknown;
    organizations?: unknown;
  } | null;
  const ticket = ticketSchema.parse(shown?.ticket ?? {});
  const requester = sideloadedRequester(shown?.users, ticket.requester_id);

  const comments = new Map<string, ApiComment & { id: string }>();
  const roles = new Map<string, string | undefined>();
  const seen = new Set<string>();
  let next: string | undefined = `${client.baseUrl}${apiPath(`/tickets/${id}/comments.json?page[size]=100&include=users`)}`;
  let truncated = false;
  while (next !== undefined) {
    // A server that hands back a page we already read would loop forever; past 5,000 comments
    // Zendesk has nothing more to give. Either way we stop and say the thread may be partial.
    if (seen.has(next) || seen.size >= MAX_COMMENT_PAGES) {
      truncated = true;
      break;
    }
    seen.add(next);
    const page = commentsPageSchema.parse((await requestJson(client, "GET", next)) ?? {});
    for (const user of page.users) if (user.id) roles.set(user.id, user.role);
    for (const comment of page.comments) if (comment.id && !comments.has(comment.id)) comments.set(comment.id, { ...comment, id: comment.id });
    const link = page.meta?.has_more ? page.links?.next : page.next_page;
    next = link ? sameBaseUrl(link, client.baseUrl) : undefined;
  }

  const messages = [...comments.values()]
    .map((c) => toMessage(c, commentRole(c, { roles, requesterRef: ticket.requester_id })))
    // Zendesk returns oldest first; sorting (stable) guards against a page out of order.
    .sort((a, b) => timeOf(a) - timeOf(b));
  const thread: Thread = { ticketRef: id, messages };
  if (ticket.subject && !GENERATED_SUBJECT.test(ticket.subject)) thread.subject = ticket.subject;
  const requesterName = requester?.name ?? sideloadedName(shown?.users, ticket.requester_id);
  const customer = customerFacts(requesterName, organizationName(shown?.organizations, ticket.organization_id));
  if (customer) thread.customer = customer;
  const channel = ticket.via?.channel ? CHANNELS[ticket.via.channel.toLowerCase()] : undefined;
  if (channel) thread.channel = channel;
  if (ticket.status) thread.status = ticket.status.toLowerCase();
  if (ticket.requester_id) thread.requesterRef = ticket.requester_id;
  if (requester) thread.requester = requester;
  if (truncated) thread.truncated = true;
  return thread;
}
