// The profile as readable items for get(): one fact per item, pinned facts first, in the
// same order of importance as the prompt sections. Unlike the prompt, items do not depend on
// the query (the caller may want the resolution preference whatever was asked).
import type { SupportProfile } from "./types";
import {
  cleanText,
  criticalRisks,
  historyNewestFirst,
  isCriticalRisk,
  newerFirst,
  renderCommunication,
  renderIdentity,
  renderOpenIssue,
  renderResolutionPreference,
  renderResolvedIssue,
  renderRisk,
  verticalLabel,
  verticalsWithFacts,
} from "./context-format";
import { escalationReasons, isEscalationSentiment } from "./context-sections";

export type ContextItem = { field: string; text: string; pinned: boolean; updated_at?: string; ticket_id?: string };

function item(field: string, text: string, pinned: boolean, updatedAt?: string, ticketId?: string): ContextItem {
  const out: ContextItem = { field, text, pinned };
  if (cleanText(updatedAt)) out.updated_at = cleanText(updatedAt);
  if (cleanText(ticketId)) out.ticket_id = cleanText(ticketId);
  return out;
}

/** Every item the profile yields, most important first (the caller applies the limit). */
export function buildContextItems(profile: SupportProfile): ContextItem[] {
  const items: ContextItem[] = [];
  const open = profile.current_open_issue;
  if (open) items.push(item("current_open_issue", `Open issue: ${renderOpenIssue(open)}`, true, open.last_update || open.since, open.ticket_id));
  for (const other of profile.other_open_issues) {
    items.push(item("other_open_issues", `Other open issue: ${renderOpenIssue(other)}`, true, other.last_update || other.since, other.ticket_id));
  }
  const identity = renderIdentity(profile, true);
  if (identity) items.push(item("customer_identity", `Customer: ${identity}`, true));

  const latestMood = [...profile.mood_history].sort((a, b) => newerFirst(a.at, b.at))[0];
  if (isEscalationSentiment(profile)) {
    // Only the sentiment part of the reasons: risks get their own items below.
    const sentimentOnly = escalationReasons({ ...profile, risk_signals: [] });
    items.push(item("sentiment_pattern", `Sentiment pattern: ${sentimentOnly.join("; ")}`, true, latestMood?.at));
  }
  for (const risk of criticalRisks(profile)) items.push(item("risk_signals", `Risk: ${renderRisk(risk)}`, true, risk.since, risk.ticket_id));

  for (const [vertical, facts] of verticalsWithFacts(profile)) {
    items.push(item(`support_context.${vertical}`, `${verticalLabel(vertical)}: ${facts.join("; ")}`, false));
  }
  const pref = profile.resolution_preference;
  if (pref) items.push(item("resolution_preference", `Resolution preference: ${renderResolutionPreference(pref)}`, false, pref.since));
  const communication = renderCommunication(profile);
  if (communication) items.push(item("communication_preference", `Communication: ${communication}`, false));
  for (const past of historyNewestFirst(profile)) {
    items.push(item("issue_history", `Resolved issue: ${renderResolvedIssue(past)}`, false, past.resolved_at, past.ticket_id));
  }
  if (profile.sentiment_pattern && !isEscalationSentiment(profile)) {
    items.push(item("sentiment_pattern", `Sentiment pattern: ${profile.sentiment_pattern.replace(/_/g, " ")}`, false, latestMood?.at));
  }
  // Open risks below high severity still tell the agent something; resolved ones are history.
  const minorRisks = profile.risk_signals.filter((r) => r.status === "open" && !isCriticalRisk(r)).sort((a, b) => newerFirst(a.since, b.since));
  for (const risk of minorRisks) items.push(item("risk_signals", `Risk: ${renderRisk(risk)}`, false, risk.since, risk.ticket_id));
  return items;
}
