// The ticket's subject (add metadata `subject`) as the customer's first words on a ticket: what
// they typed in the subject line is what they want ("Help, my printer is on fire!"). Reply and
// forward prefixes are not words of theirs. Once the ticket has its open issue, later batches
// are read for what changed, not for the subject again.
import type { AddMetadata, SupportProfile } from "../types";
import { substantive, summarise, type PreparedMessage } from "./issue";
import { hasPlainProblem } from "./issue-subjects";
import { stripRedactions, wordCount } from "./text";

const PREFIX = /^\s*(?:(?:re|fw|fwd|aw|wg|tr|rv|sv|vs|antw|odp|ynt|res|enc)\s*(?:\[\d+\])?\s*:\s*)+/i;
// Subjects that say nothing of the problem: the form's default, a bare greeting or "question".
const EMPTY = /^(?:\(?no subject\)?|none|n\/a|help|support|question|enquiry|inquiry|hi|hello|hey|urgent|issue|problem|request|ticket|contact(?: us)?(?: form)?|new (?:message|ticket|conversation|request))[\s!.?:-]*$/i;

/** The subject as readable text, or "" when there is none worth reading. */
export function subjectText(metadata: AddMetadata): string {
  if (typeof metadata.subject !== "string") return "";
  const text = stripRedactions(metadata.subject).replace(PREFIX, "").replace(/\s+/g, " ").trim();
  return EMPTY.test(text) ? "" : text;
}

/** The subject speaks for the customer until their ticket has an open issue in the profile. */
export function subjectOpensIssue(existing: SupportProfile | null, ticketId: unknown): boolean {
  if (typeof ticketId !== "string" || ticketId === "") return existing?.current_open_issue == null;
  const open = [existing?.current_open_issue, ...(existing?.other_open_issues ?? [])];
  return !open.some((i) => i?.ticket_id === ticketId);
}

/**
 * The open issue's summary on a new ticket: the subject in the customer's own words, with the
 * message's sentence after it when the subject alone is a word or two ("Refund: …").
 */
export function summaryWithSubject(subject: string, found: string): string {
  if (wordCount(subject) >= 3 || !found || found.toLowerCase().includes(subject.toLowerCase())) return subject;
  return `${subject.replace(/[\s:.!?-]+$/, "")}: ${found}`;
}

/**
 * What follows a subject of a word or two that holds the problem alone ("Formal complaint: …"):
 * the customer's first sentence that states a problem; "" if none, or if the subject says enough.
 */
export function statedSummary(subject: string, messages: PreparedMessage[]): string {
  if (wordCount(subject) >= 3) return "";
  for (const m of messages) {
    const si = m.sentences.findIndex((s) => substantive(s) && hasPlainProblem(s.folded));
    if (si >= 0) return summarise(m, si);
  }
  return "";
}
