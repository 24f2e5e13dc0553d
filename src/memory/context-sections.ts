// The sections of system_prompt_addition, each a list of plain-text lines for packSections.
// Pinned: usage rules, the vertical's intro line, open issues, identity, escalation warning
// (the only place sentiment is spoken of), critical risks.
// Normal, highest priority first: vertical context, resolution preference, communication,
// history, lesser open risks.
import type { OpenIssue, SupportProfile, Vertical } from "./types";
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
import { isResolutionQuery } from "./resolution-query";
import { countTextTokens, truncateToTokens, type PackLine, type PackSection } from "./tokens";

const MAX_OTHER_OPEN = 5;
const MAX_HISTORY = 5;
const MAX_WARNING_TICKETS = 3;
const MAX_WARNING_RISKS = 2;
// Vertical facts share a line up to this width, so a short context reads as one line
// ("Plan: Growth; Integrations: Slack, webhooks") and a long one can still be trimmed by lines.
const FACT_LINE_CHARS = 160;

const plain = (text: string): PackLine => ({ text });

function section(name: string, pinned: boolean, lines: PackLine[], headerLines = 0, keepLines = 0): PackSection {
  return { name, pinned, lines, headerLines, keepLines };
}

// The header carries the one caveat that must survive any budget, so it is kept on its own.
export const RULES_HEADER = "Support memory usage rules (remembered from past conversations, not live account data):";
// The first two are MemoryOS's own rules: a support bot reading remembered context must not
// present it as something it just did or checked.
const RULES = [
  "- Do not claim you checked, changed, refunded, cancelled, verified, located, or triggered anything unless your own tool/API result confirms it.",
  "- If live system data is needed, say you need to check the relevant support system or call the appropriate tool.",
  "- Do not repeat sensitive data back to the customer.",
  '- Do not tell the customer "I remember" about sensitive matters.',
];
export const BANKING_RULE = "- Never ask for or repeat OTPs, passwords, full account numbers, full card numbers, Aadhaar, or PAN values.";

export function rulesSection(profile: SupportProfile): PackSection {
  const rules = profile.support_type === "banking_fintech" ? [...RULES, BANKING_RULE] : RULES;
  return section("rules", true, [RULES_HEADER, ...rules].map(plain), 0, 1);
}

// Who the facts below are about, in the vertical's words (MemoryOS's intro lines).
const INTRO: Record<Vertical, string> = {
  saas: "Customer account context:",
  banking_fintech: "Customer account context:",
  ecommerce: "Customer context:",
  travel: "Traveller context:",
  telecom: "Subscriber context:",
  edtech_support: "Student account context:",
  general_info: "Customer context:",
};

export function introLine(vertical: string): string {
  return (INTRO as Record<string, string>)[vertical] ?? "Customer context:";
}

export const INTRO_LINES: ReadonlySet<string> = new Set(Object.values(INTRO));

export function introSection(profile: SupportProfile): PackSection {
  return section("intro", true, [plain(introLine(profile.support_type))]);
}

// Under a tiny budget the line loses its dates first, then the tail of its summary, then all
// refs but the first: ticket, urgency and deadline say more per token. Only if even that does
// not fit is the line itself cut.
const MIN_SUMMARY_TOKENS = 4;

function openIssueLine(label: string, issue: OpenIssue): PackLine {
  const text = `${label}: ${renderOpenIssue(issue)}`;
  const shrink = (maxTokens: number): string => {
    const compact = `${label}: ${renderOpenIssue(issue, { compact: true })}`;
    if (countTextTokens(compact) <= maxTokens) return compact;
    const summary = cleanText(issue.summary) || cleanText(issue.issue_type);
    for (const maxRefs of [undefined, 1]) {
      const fixed = countTextTokens(`${label}: ${renderOpenIssue(issue, { compact: true, maxRefs, summary: "…" })}`);
      const room = maxTokens - fixed + 1; // the "…" placeholder is given back to the summary
      if (room >= MIN_SUMMARY_TOKENS) {
        const line = `${label}: ${renderOpenIssue(issue, { compact: true, maxRefs, summary: truncateToTokens(summary, room) })}`;
        return truncateToTokens(line, maxTokens); // merges at the seams can cost a token
      }
    }
    return truncateToTokens(`${label}: ${renderOpenIssue(issue, { compact: true, maxRefs: 1 })}`, maxTokens);
  };
  return { text, shrink };
}

export function openIssueSection(profile: SupportProfile): PackSection {
  const lines: PackLine[] = [];
  if (profile.current_open_issue) lines.push(openIssueLine("Open issue", profile.current_open_issue));
  for (const other of profile.other_open_issues.slice(0, MAX_OTHER_OPEN)) lines.push(openIssueLine("Other open issue", other));
  return section("open_issue", true, lines, 0, 1);
}

export function identitySection(profile: SupportProfile): PackSection {
  const identity = renderIdentity(profile, false);
  return section("identity", true, identity ? [plain(`Customer: ${identity}`)] : []);
}

export function isEscalationSentiment(profile: SupportProfile): boolean {
  return profile.sentiment_pattern === "high_escalation_risk" || profile.sentiment_pattern === "repeat_complainer";
}

function ticketsWhere(profile: SupportProfile, keep: (m: SupportProfile["mood_history"][number]) => boolean): string[] {
  const moods = profile.mood_history.filter(keep).sort((a, b) => newerFirst(a.at, b.at));
  return [...new Set(moods.map((m) => cleanText(m.ticket)).filter(Boolean))];
}

/** Why the agent should be careful, from the evidence the profile holds (mood history, open risks). */
export function escalationReasons(profile: SupportProfile): string[] {
  const reasons: string[] = [];
  if (profile.sentiment_pattern === "high_escalation_risk") {
    const tickets = ticketsWhere(profile, (m) => m.escalation_threat);
    const shown = tickets.slice(0, MAX_WARNING_TICKETS).join(", ");
    reasons.push(tickets.length ? `high escalation risk (escalation threats on tickets ${shown})` : "high escalation risk");
  }
  if (profile.sentiment_pattern === "repeat_complainer") {
    const tickets = ticketsWhere(profile, (m) => m.mood === "frustrated" || m.mood === "angry");
    const shown = tickets.slice(0, MAX_WARNING_TICKETS).join(", ");
    reasons.push(tickets.length ? `repeat complainer (frustrated or angry on ${tickets.length} tickets: ${shown})` : "repeat complainer");
  }
  for (const risk of criticalRisks(profile).slice(0, MAX_WARNING_RISKS)) {
    const what = cleanText(risk.reason) || `${cleanText(risk.risk_type)} risk`;
    const ticket = cleanText(risk.ticket_id);
    reasons.push(`${what}${ticket ? ` on ticket ${ticket}` : ""} (${risk.risk_type}, ${risk.severity})`);
  }
  return reasons;
}

export function escalationSection(profile: SupportProfile): PackSection {
  const reasons = escalationReasons(profile);
  if (reasons.length === 0) return section("escalation", true, []);
  return section("escalation", true, [
    plain(`Escalation warning: ${reasons.join("; ")}.`),
    plain("- Acknowledge earlier contacts, do not make the customer repeat themselves, and check with a lead before promising outcomes."),
  ]);
}

export function criticalRisksSection(profile: SupportProfile): PackSection {
  const risks = criticalRisks(profile);
  if (risks.length === 0) return section("critical_risks", true, []);
  return section("critical_risks", true, [plain("Critical risks:"), ...risks.map((r) => plain(`- ${renderRisk(r)}`))], 1);
}

function packFacts(facts: string[]): string[] {
  const lines: string[] = [];
  for (const fact of facts) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 2 + fact.length <= FACT_LINE_CHARS) lines[last] += `; ${fact}`;
    else lines.push(fact);
  }
  return lines;
}

/** One section per vertical with facts, the customer's own first: each is trimmed on its own. */
export function verticalContextSections(profile: SupportProfile): PackSection[] {
  return verticalsWithFacts(profile).map(([vertical, facts]) =>
    section(`vertical_context.${vertical}`, false, [plain(`${verticalLabel(vertical)}:`), ...packFacts(facts).map((f) => plain(`- ${f}`))], 1),
  );
}

/**
 * Shown when the query is about resolving, and also when the query is blank: a blank query
 * (a note for a human agent, a generic lookup) names no topic, so the whole profile is relevant.
 */
export function shouldShowResolutionPreference(profile: SupportProfile, query: string): boolean {
  const pref = profile.resolution_preference;
  if (!pref) return false;
  return query.trim() === "" || isResolutionQuery(query, pref.method);
}

export function resolutionSection(profile: SupportProfile, query: string): PackSection {
  const pref = profile.resolution_preference;
  if (!pref || !shouldShowResolutionPreference(profile, query)) return section("resolution_preference", false, []);
  return section("resolution_preference", false, [plain(`Resolution preference: ${renderResolutionPreference(pref)}`)]);
}

export function communicationSection(profile: SupportProfile): PackSection {
  const text = renderCommunication(profile);
  return section("communication", false, text ? [plain(`Communication: ${text}`)] : []);
}

export function historySection(profile: SupportProfile): PackSection {
  const total = profile.issue_history.length;
  if (total === 0) return section("history", false, []);
  const shown = historyNewestFirst(profile).slice(0, MAX_HISTORY);
  const header = `Past support history: ${total} resolved issue${total === 1 ? "" : "s"}${total > shown.length ? ` (newest ${shown.length})` : ""}:`;
  return section("history", false, [plain(header), ...shown.map((i) => plain(`- ${renderResolvedIssue(i)}`))], 1);
}

export function minorRisksSection(profile: SupportProfile): PackSection {
  const risks = profile.risk_signals.filter((r) => r.status === "open" && !isCriticalRisk(r)).sort((a, b) => newerFirst(a.since, b.since));
  if (risks.length === 0) return section("other_risks", false, []);
  return section("other_risks", false, [plain("Other open risks:"), ...risks.map((r) => plain(`- ${renderRisk(r)}`))], 1);
}

/** All sections, most important first: the order packSections sacrifices them in reverse. */
export function buildSections(profile: SupportProfile, query: string): PackSection[] {
  return [
    rulesSection(profile),
    introSection(profile),
    openIssueSection(profile),
    identitySection(profile),
    escalationSection(profile),
    criticalRisksSection(profile),
    ...verticalContextSections(profile),
    resolutionSection(profile, query),
    communicationSection(profile),
    historySection(profile),
    // Sentiment is spoken of only as the escalation warning (high escalation risk, repeat
    // complaints): "calm" or a past frustration tells the agent nothing to act on.
    minorRisksSection(profile),
  ];
}
