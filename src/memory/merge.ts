// Folds one extraction into a profile, deterministically, and says what changed as claims.
// Pure: no I/O and no clock of its own (the caller passes `now`). The rules live here and
// nowhere else: a restated issue updates the open one, a solved ticket moves its issue to
// history, a changed preference supersedes the old one, one angry ticket is not a trait.
import {
  emptyProfile,
  type ClaimDraft,
  type Extraction,
  type Mood,
  type OpenIssue,
  type Provenance,
  type ResolvedIssue,
  type Sentiment,
  type Severity,
  type SupportProfile,
  type Urgency,
} from "./types";

export type MergeContext = {
  provenance: Provenance;
  /** The helpdesk status of the ticket the messages came from (solved, closed, open…). */
  ticketStatus?: string;
  now: string;
};

export type MergeResult = { profile: SupportProfile; claims: ClaimDraft[] };

const HISTORY_CAP = 50;
const RISK_CAP = 25;
const MOOD_CAP = 50;
const LIST_CAP = 20;
const RESOLVED_STATUSES = new Set(["solved", "closed", "resolved", "done", "completed"]);
const URGENCY_RANK: Record<Urgency, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const UNHAPPY: ReadonlySet<Mood> = new Set(["frustrated", "angry"]);

export function isResolvedStatus(status: string | undefined): boolean {
  return status !== undefined && RESOLVED_STATUSES.has(status.trim().toLowerCase());
}

export function mergeExtraction(current: SupportProfile | null, ex: Extraction, ctx: MergeContext): MergeResult {
  const profile: SupportProfile = structuredClone(current ?? emptyProfile(ex.support_type));
  const claims: ClaimDraft[] = [];
  const claim = (field: string, action: ClaimDraft["action"], value: unknown, previous?: unknown, messageIndex?: number) =>
    claims.push({
      field,
      action,
      value,
      previous,
      provenance: messageIndex === undefined ? ctx.provenance : { ...ctx.provenance, message_index: messageIndex },
    });
  const ticket = ctx.provenance.ticket_id;

  // A chit-chat add must not turn a known vertical back into general_info.
  if (ex.support_type !== profile.support_type && (ex.support_type !== "general_info" || current === null)) {
    claim("support_type", current ? "supersede" : "set", ex.support_type, current ? profile.support_type : undefined);
    profile.support_type = ex.support_type;
  }

  mergeScalars(profile.customer_identity as Record<string, unknown>, ex.customer_identity, "customer_identity", claim);
  mergeScalars(profile.communication_preference as Record<string, unknown>, ex.communication_preference, "communication_preference", claim);

  if (ex.language) {
    if (!profile.language_profile.seen.includes(ex.language)) profile.language_profile.seen.push(ex.language);
    if (profile.language_profile.primary !== ex.language) {
      claim("language_profile.primary", profile.language_profile.primary ? "supersede" : "set", ex.language, profile.language_profile.primary);
      profile.language_profile.primary = ex.language;
    }
  }

  let touched: OpenIssue | null = null;
  if (ex.issue) touched = upsertIssue(profile, ex, ctx, claim);
  if (touched && ex.mood) touched.mood = worseMood(touched.mood, ex.mood);
  if (touched && ex.escalation_threat && touched.status !== "escalated") touched.status = "escalated";

  if (ex.resolution_preference && ex.resolution_preference.method !== profile.resolution_preference?.method) {
    const next = { method: ex.resolution_preference.method, note: ex.resolution_preference.note, since: ctx.now };
    claim("resolution_preference", profile.resolution_preference ? "supersede" : "set", next, profile.resolution_preference ?? undefined, ex.resolution_preference.message_index);
    profile.resolution_preference = next;
  }

  mergeRisks(profile, ex, ctx, claim);
  mergeVerticalFacts(profile, ex, claim);
  recordMood(profile, ex, ctx);

  if (isResolvedStatus(ctx.ticketStatus) || ex.customer_confirms_resolved) {
    const outcome = isResolvedStatus(ctx.ticketStatus) ? `ticket ${ctx.ticketStatus!.trim().toLowerCase()}` : "customer confirmed it is resolved";
    resolveIssue(profile, ticket ? (i) => i.ticket_id === ticket : (i) => i === (touched ?? profile.current_open_issue), outcome, ctx, claim);
  }

  const pattern = sentimentPattern(profile);
  if (pattern !== profile.sentiment_pattern) {
    claim("sentiment_pattern", profile.sentiment_pattern ? "supersede" : "set", pattern, profile.sentiment_pattern ?? undefined);
    profile.sentiment_pattern = pattern;
  }
  return { profile, claims };
}

type ClaimFn = (field: string, action: ClaimDraft["action"], value: unknown, previous?: unknown, messageIndex?: number) => void;

function mergeScalars(target: Record<string, unknown>, patch: Record<string, unknown>, prefix: string, claim: ClaimFn): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === null || value === "") continue;
    if (target[key] === value) continue;
    claim(`${prefix}.${key}`, target[key] === undefined ? "set" : "supersede", value, target[key]);
    target[key] = value;
  }
}

function sameIssue(a: OpenIssue, ex: NonNullable<Extraction["issue"]>, supportType: string, ticket?: string): boolean {
  if (ticket && a.ticket_id === ticket) return true;
  if (ex.refs.some((r) => a.refs.includes(r))) return true;
  // The same problem restated on a new ticket is the same issue, not a second one.
  return a.issue_type === ex.issue_type && a.support_type === supportType && ex.issue_type !== "general_question";
}

function upsertIssue(profile: SupportProfile, ex: Extraction, ctx: MergeContext, claim: ClaimFn): OpenIssue {
  const issue = ex.issue!;
  const ticket = ctx.provenance.ticket_id;
  const open = [profile.current_open_issue, ...profile.other_open_issues].filter((i): i is OpenIssue => i !== null);
  const match = open.find((i) => sameIssue(i, issue, ex.support_type, ticket));
  if (match) {
    const before = structuredClone(match);
    match.refs = union(match.refs, issue.refs);
    match.ref ??= match.refs[0];
    if (URGENCY_RANK[issue.urgency] > URGENCY_RANK[match.urgency]) match.urgency = issue.urgency;
    if (issue.deadline) match.deadline = issue.deadline;
    // A follow-up on the same ticket often says less ("any update?"): keep the richer summary.
    if (issue.issue_type === match.issue_type || match.issue_type === "general_question") {
      if (issue.summary.length > match.summary.length || match.issue_type === "general_question") match.summary = issue.summary;
      match.issue_type = issue.issue_type === "general_question" ? match.issue_type : issue.issue_type;
    }
    match.ticket_id ??= ticket;
    match.last_update = ctx.now;
    match.mentions += 1;
    // the issue being talked about becomes the current one
    if (profile.current_open_issue !== match) {
      profile.other_open_issues = [profile.current_open_issue!, ...profile.other_open_issues.filter((i) => i !== match)].filter(Boolean);
      profile.current_open_issue = match;
    }
    claim("current_open_issue", "update", match, before, issue.message_index);
    return match;
  }
  const created: OpenIssue = {
    issue_type: issue.issue_type,
    summary: issue.summary,
    ref: issue.refs[0],
    refs: [...issue.refs],
    since: ctx.now,
    urgency: issue.urgency,
    status: "open",
    last_update: ctx.now,
    deadline: issue.deadline,
    ticket_id: ticket,
    support_type: ex.support_type,
    mentions: 1,
  };
  if (profile.current_open_issue) profile.other_open_issues = [profile.current_open_issue, ...profile.other_open_issues].slice(0, LIST_CAP);
  profile.current_open_issue = created;
  claim("current_open_issue", "set", created, undefined, issue.message_index);
  return created;
}

function resolveIssue(profile: SupportProfile, which: (i: OpenIssue) => boolean, outcome: string, ctx: MergeContext, claim: ClaimFn): void {
  const all = [profile.current_open_issue, ...profile.other_open_issues].filter((i): i is OpenIssue => i !== null);
  const done = all.filter(which);
  if (done.length === 0) return;
  for (const issue of done) {
    const resolved: ResolvedIssue = {
      issue_type: issue.issue_type,
      summary: issue.summary,
      ref: issue.ref,
      refs: issue.refs,
      ticket_id: issue.ticket_id,
      support_type: issue.support_type,
      since: issue.since,
      resolved_at: ctx.now,
      outcome,
    };
    profile.issue_history = [resolved, ...profile.issue_history].slice(0, HISTORY_CAP);
    claim("issue_history", "resolve", resolved, issue);
    for (const risk of profile.risk_signals) {
      if (risk.status === "open" && risk.ticket_id && risk.ticket_id === issue.ticket_id && risk.risk_type !== "vip") {
        risk.status = "resolved";
      }
    }
  }
  const remaining = all.filter((i) => !done.includes(i));
  profile.current_open_issue = remaining[0] ?? null;
  profile.other_open_issues = remaining.slice(1);
}

function mergeRisks(profile: SupportProfile, ex: Extraction, ctx: MergeContext, claim: ClaimFn): void {
  const ticket = ctx.provenance.ticket_id;
  for (const r of ex.risk_signals) {
    const existing = profile.risk_signals.find((s) => s.status === "open" && s.risk_type === r.risk_type && s.ticket_id === ticket);
    if (existing) {
      if (SEVERITY_RANK[r.severity] > SEVERITY_RANK[existing.severity]) {
        claim(`risk_signals.${r.risk_type}`, "update", { ...existing, severity: r.severity, reason: r.reason }, { ...existing }, r.message_index);
        existing.severity = r.severity;
        existing.reason = r.reason;
      }
      continue;
    }
    const signal = { risk_type: r.risk_type, reason: r.reason, severity: r.severity, status: "open" as const, since: ctx.now, ticket_id: ticket };
    profile.risk_signals = [signal, ...profile.risk_signals].slice(0, RISK_CAP);
    claim(`risk_signals.${r.risk_type}`, "append", signal, undefined, r.message_index);
  }
}

function mergeVerticalFacts(profile: SupportProfile, ex: Extraction, claim: ClaimFn): void {
  const entries = Object.entries(ex.support_context).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== ""));
  if (entries.length === 0) return;
  const facts = (profile.support_context[ex.support_type] ??= {});
  for (const [key, value] of entries) {
    const field = `support_context.${ex.support_type}.${key}`;
    const before = facts[key];
    if (Array.isArray(value)) {
      const prior = Array.isArray(before) ? before : before ? [before] : [];
      const next = union(prior, value).slice(-LIST_CAP);
      if (next.length !== prior.length || next.some((v, i) => v !== prior[i])) {
        claim(field, "append", value.filter((v) => !prior.includes(v)), prior.length ? prior : undefined);
        facts[key] = next;
      }
    } else if (before !== value) {
      claim(field, before === undefined ? "set" : "supersede", value, before);
      facts[key] = value;
    }
  }
}

function recordMood(profile: SupportProfile, ex: Extraction, ctx: MergeContext): void {
  const key = ctx.provenance.ticket_id ?? ctx.provenance.source_event_id ?? ctx.now;
  const entry = profile.mood_history.find((m) => m.ticket === key);
  if (entry) {
    entry.mood = worseMood(entry.mood, ex.mood);
    entry.escalation_threat ||= ex.escalation_threat;
    entry.at = ctx.now;
  } else {
    profile.mood_history = [{ ticket: key, mood: ex.mood, at: ctx.now, escalation_threat: ex.escalation_threat }, ...profile.mood_history].slice(0, MOOD_CAP);
  }
}

const MOOD_RANK: Record<Mood, number> = { positive: 0, calm: 1, frustrated: 2, angry: 3 };
function worseMood(a: Mood | undefined, b: Mood): Mood {
  return a === undefined || MOOD_RANK[b] > MOOD_RANK[a] ? b : a;
}

/**
 * The pattern is read off the evidence across tickets, never off one message: a threat to
 * escalate on a ticket still open is a risk now; unhappiness on two tickets is frustration,
 * on three or more a repeat complainer; two or more smooth resolutions and no unhappiness
 * make an easy customer.
 */
export function sentimentPattern(profile: SupportProfile): Sentiment | null {
  if (profile.mood_history.length === 0) return profile.sentiment_pattern;
  const open = new Set([profile.current_open_issue, ...profile.other_open_issues].flatMap((i) => (i?.ticket_id ? [i.ticket_id] : [])));
  const threatOpen =
    profile.mood_history.some((m) => m.escalation_threat && open.has(m.ticket)) ||
    [profile.current_open_issue, ...profile.other_open_issues].some((i) => i?.status === "escalated");
  if (threatOpen) return "high_escalation_risk";
  const unhappy = profile.mood_history.filter((m) => UNHAPPY.has(m.mood)).length;
  if (unhappy >= 3) return "repeat_complainer";
  if (unhappy === 2) return "frustrated";
  if (unhappy === 0 && profile.issue_history.length >= 2) return "easy_to_resolve";
  return "calm";
}

function union(a: string[], b: string[]): string[] {
  const out = [...a];
  for (const v of b) if (!out.includes(v)) out.push(v);
  return out;
}
