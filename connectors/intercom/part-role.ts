// Which parts of an Intercom conversation are messages, and who wrote them. Pure.
// Kept: the source message and `comment` parts by contacts (customer) and admins (agent); Fin's
// answers as "bot". Notes are kept as internal (never fed to memory; the pipeline finds its own
// note in them after a crash). Dropped: assignments, open/close/snooze, attribute and workflow
// events, and Operator/workflow bot messages, which say nothing about the customer.
import type { ThreadMessage } from "../types";
import type { Author } from "./payloads";

const CUSTOMER_AUTHORS = new Set(["user", "lead", "contact"]);
const MESSAGE_PARTS = new Set(["comment"]);
const NOTE_PARTS = new Set(["note"]);

export type PartClass = { keep: false } | { keep: true; role: ThreadMessage["role"]; internal: boolean };

/** Fin flags its parts whatever the author type (it may answer on behalf of an admin). */
export function isAiAnswer(author: Author | undefined): boolean {
  return author?.from_ai_agent === true || author?.is_ai_answer === true;
}

export function authorRole(author: Author | undefined): ThreadMessage["role"] | undefined {
  if (isAiAnswer(author)) return "bot";
  const type = author?.type?.toLowerCase();
  if (type && CUSTOMER_AUTHORS.has(type)) return "customer";
  if (type === "admin") return "agent";
  // "bot" without the AI flags is Operator or a workflow; "team" is a campaign: not a conversation.
  return undefined;
}

export function classifyPart(part: { part_type?: string; author?: Author }): PartClass {
  const type = part.part_type?.toLowerCase();
  if (type && NOTE_PARTS.has(type)) return { keep: true, role: "agent", internal: true };
  if (!type || !MESSAGE_PARTS.has(type)) return { keep: false };
  const role = authorRole(part.author);
  return role ? { keep: true, role, internal: false } : { keep: false };
}

export function isCustomerAuthor(author: Author | undefined): boolean {
  const type = author?.type?.toLowerCase();
  return type !== undefined && CUSTOMER_AUTHORS.has(type);
}
