// Who wrote a Zendesk comment, as the memory engine needs it: customer, agent or bot. Pure.
import type { ThreadMessage } from "../types";
import type { ApiComment } from "./api-payloads";

// Comments added by business rules and Zendesk's bots, whoever is named as their author.
const BOT_CHANNELS = new Set(["rule"]);
const BOT_CHANNEL_PREFIXES = ["answer_bot"];
const BOT_SOURCES = new Set(["trigger", "automation"]);
const CUSTOMER_ROLES = new Set(["end-user", "end_user"]);
const AGENT_ROLES = new Set(["agent", "admin"]);

export type CommentAuthorFacts = {
  /** Roles of the users sideloaded with the comments (include=users), by user id. */
  roles: ReadonlyMap<string, string | undefined>;
  requesterRef?: string;
};

export function commentRole(comment: Pick<ApiComment, "author_id" | "via">, facts: CommentAuthorFacts): ThreadMessage["role"] {
  const author = comment.author_id;
  const channel = comment.via?.channel?.toLowerCase();
  const source = comment.via?.source?.rel?.toLowerCase();
  if (channel && (BOT_CHANNELS.has(channel) || BOT_CHANNEL_PREFIXES.some((p) => channel.startsWith(p)))) return "bot";
  if (source && BOT_SOURCES.has(source)) return "bot";
  // Zendesk's system user is -1; no author at all is no human either.
  if (author === undefined || Number(author) <= 0) return "bot";
  const role = facts.roles.get(author)?.toLowerCase();
  if (role && CUSTOMER_ROLES.has(role)) return "customer";
  if (role && AGENT_ROLES.has(role)) return "agent";
  // An API comment whose author Zendesk does not list is an integration, not a person.
  if (channel === "api" && !facts.roles.has(author)) return "bot";
  return author === facts.requesterRef ? "customer" : "agent";
}
