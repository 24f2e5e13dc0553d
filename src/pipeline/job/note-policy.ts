// When does an agent get a note? Pure: the pipeline gathers the facts, this decides.
// Post on a ticket's first customer event; afterwards only when the ticket brings news (a
// customer message the last note had not seen) and the context gains something an agent must
// see; never on solved tickets; never more than the helpdesk-safe rate.
import type { EventKind, Thread } from "../../../connectors/types";
import type { SupportProfile } from "../../memory/types";

/** What a note showed, to tell later whether there is news. */
export type NoteDigest = {
  openIssue: string | null;
  escalation: boolean;
  risks: string[];
  /**
   * The ticket's newest customer message when the note was decided (null: none). Absent in
   * digests written before it was recorded: those notes are compared on the profile alone.
   */
  lastCustomerMessage?: string | null;
};

export type NoteFacts = {
  kind: EventKind;
  ticketStatus?: string;
  hasContext: boolean;
  /** Notes already posted on this ticket, newest first. */
  previous: { postedAt: Date; digest: NoteDigest }[];
  current: NoteDigest;
  now: Date;
  limit: { notes: number; windowMs: number };
};

export type NoteDecision = { post: boolean; reason: string };

const CUSTOMER_EVENTS: ReadonlySet<EventKind> = new Set(["ticket_created", "customer_message", "ticket_updated"]);
const CLOSED = new Set(["solved", "closed", "resolved", "deleted", "merged", "spam"]);

export function decideNote(f: NoteFacts): NoteDecision {
  if (f.ticketStatus && CLOSED.has(f.ticketStatus.toLowerCase())) return { post: false, reason: "ticket_closed" };
  if (!CUSTOMER_EVENTS.has(f.kind)) return { post: false, reason: "not_a_customer_event" };
  if (!f.hasContext) return { post: false, reason: "nothing_remembered" };
  const recent = f.previous.filter((n) => f.now.getTime() - n.postedAt.getTime() < f.limit.windowMs);
  if (recent.length >= f.limit.notes) return { post: false, reason: "rate_limited" };
  const last = f.previous[0];
  if (!last) return { post: true, reason: "first_note" };
  // The profile is the customer's, across tickets: it changes when another of their tickets is
  // fed (its open issue becomes the current one). That is news for the other ticket's note, not
  // for a second note here; this ticket's note is followed up only for what this ticket says.
  if (last.digest.lastCustomerMessage !== undefined && last.digest.lastCustomerMessage === f.current.lastCustomerMessage) {
    return { post: false, reason: "nothing_new_on_ticket" };
  }
  if (f.current.openIssue && f.current.openIssue !== last.digest.openIssue) return { post: true, reason: "new_open_issue" };
  if (f.current.escalation && !last.digest.escalation) return { post: true, reason: "escalation" };
  if (f.current.risks.some((r) => !last.digest.risks.includes(r))) return { post: true, reason: "new_risk" };
  return { post: false, reason: "nothing_new" };
}

export function digestOf(profile: SupportProfile | null, thread: Pick<Thread, "messages">): NoteDigest {
  const issue = profile?.current_open_issue;
  const lastCustomerMessage = [...thread.messages].reverse().find((m) => m.role === "customer" && !m.internal)?.id ?? null;
  const escalation = profile?.sentiment_pattern === "high_escalation_risk" || profile?.sentiment_pattern === "repeat_complainer";
  return {
    openIssue: issue ? `${issue.support_type}:${issue.issue_type}:${issue.ticket_id ?? ""}` : null,
    escalation: Boolean(escalation),
    risks: (profile?.risk_signals ?? []).filter((r) => r.status === "open").map((r) => `${r.risk_type}:${r.ticket_id ?? ""}`).sort(),
    lastCustomerMessage,
  };
}
