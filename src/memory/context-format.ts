// Text renderers shared by the prompt sections and the items of get(). They render what the
// profile holds, redaction tokens included, and never fill a gap with a guess.
import type { OpenIssue, ResolvedIssue, RiskSignal, Severity, SupportProfile, Vertical } from "./types";
import { VERTICALS } from "./types";

// Text that cleanText would change: a whitespace run, whitespace other than a space, or a
// space at either end. Most stored values have none, and testing is cheaper than rewriting.
const NEEDS_CLEANING = /\s\s|[^\S ]|^ | $/;

/** One line of plain text: stored values may hold newlines or tabs, a prompt line may not. */
export function cleanText(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return NEEDS_CLEANING.test(text) ? text.replace(/\s+/g, " ").trim() : text;
}

/** ISO timestamps become their day; anything else ("last spring") is shown as stored. */
export function dayOf(value: string | undefined): string {
  const text = cleanText(value);
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
}

/** "customer since 2019", "customer since 2024-03-01", but "customer for 6 years" (a duration, as the customer said it). */
export function customerSince(value: string | undefined): string {
  const text = dayOf(value);
  return /\b(?:years?|yrs|months?|decades?)$/i.test(text) ? `customer for ${text}` : `customer since ${text}`;
}

function refsOf(item: { ref?: string; refs?: string[] }): string[] {
  const all = [item.ref, ...(item.refs ?? [])].map(cleanText).filter((r) => r !== "");
  return [...new Set(all)];
}

export type OpenIssueRendering = { summary?: string; compact?: boolean; maxRefs?: number };

/**
 * "<summary> (Ref: A, B) since <day>, urgency <u>, deadline <d>, ticket <t>".
 * `summary` replaces the stored one (to shorten it); `compact` leaves out the dates and mood,
 * which say least per token when the budget is tiny; `maxRefs` shows the first refs and a count.
 */
export function renderOpenIssue(issue: OpenIssue, how: OpenIssueRendering = {}): string {
  const summary = how.summary ?? cleanText(issue.summary);
  const all = refsOf(issue);
  const refs = how.maxRefs !== undefined && all.length > how.maxRefs ? [...all.slice(0, how.maxRefs), `+${all.length - how.maxRefs} more`] : all;
  const head = [summary || cleanText(issue.issue_type), refs.length > 0 ? `(Ref: ${refs.join(", ")})` : ""];
  const facts: string[] = [];
  const since = dayOf(issue.since);
  const lastUpdate = dayOf(issue.last_update);
  if (!how.compact && since) facts.push(`since ${since}`);
  if (!how.compact && lastUpdate && lastUpdate !== since) facts.push(`last update ${lastUpdate}`);
  facts.push(`urgency ${cleanText(issue.urgency)}`);
  if (issue.status === "escalated") facts.push("escalated");
  const deadline = cleanText(issue.deadline);
  if (deadline) facts.push(`deadline ${deadline}`);
  const ticket = cleanText(issue.ticket_id);
  if (ticket) facts.push(`ticket ${ticket}`);
  // The ticket's mood is a state of this issue, not a trait: worth a word only when it is bad.
  if (!how.compact && (issue.mood === "frustrated" || issue.mood === "angry")) facts.push(`customer ${issue.mood}`);
  // "since …" reads on from the summary; a compact line starts with "urgency", after a comma.
  return [head.filter(Boolean).join(" "), facts.join(", ")].filter(Boolean).join(how.compact ? ", " : " ");
}

/** "<type> (ticket X, resolved <day>: <outcome>) — <summary>" */
export function renderResolvedIssue(issue: ResolvedIssue): string {
  const inner = [cleanText(issue.ticket_id) ? `ticket ${cleanText(issue.ticket_id)}` : ""];
  const resolved = dayOf(issue.resolved_at);
  const outcome = cleanText(issue.outcome);
  if (resolved) inner.push(`resolved ${resolved}${outcome ? `: ${outcome}` : ""}`);
  else if (outcome) inner.push(outcome);
  const refs = refsOf(issue);
  if (refs.length > 0) inner.push(`Ref: ${refs.join(", ")}`);
  const parts = inner.filter(Boolean);
  const summary = cleanText(issue.summary);
  return `${cleanText(issue.issue_type) || "issue"}${parts.length ? ` (${parts.join(", ")})` : ""}${summary ? ` — ${summary}` : ""}`;
}

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

export function isCriticalRisk(risk: RiskSignal): boolean {
  return risk.status === "open" && SEVERITY_RANK[risk.severity] >= SEVERITY_RANK.high;
}

/** Open high/critical risks, most severe first, then newest first. */
export function criticalRisks(profile: SupportProfile): RiskSignal[] {
  return profile.risk_signals
    .filter(isCriticalRisk)
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || newerFirst(a.since, b.since));
}

/** "churn risk (high, since <day>, ticket 4512): threatened to cancel" */
export function renderRisk(risk: RiskSignal): string {
  const facts = [cleanText(risk.severity)];
  if (risk.status !== "open") facts.push(cleanText(risk.status));
  if (dayOf(risk.since)) facts.push(`since ${dayOf(risk.since)}`);
  if (cleanText(risk.ticket_id)) facts.push(`ticket ${cleanText(risk.ticket_id)}`);
  const reason = cleanText(risk.reason);
  return `${cleanText(risk.risk_type)} risk (${facts.join(", ")})${reason ? `: ${reason}` : ""}`;
}

/** Newest first; unparseable dates sort last rather than being guessed. */
export function timeOf(value: string | undefined): number {
  const t = Date.parse(value ?? "");
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** Comparator: newer date first; two unparseable dates keep their stored order (sort is stable). */
export function newerFirst(a: string | undefined, b: string | undefined): number {
  const diff = timeOf(b) - timeOf(a);
  return Number.isNaN(diff) ? 0 : diff;
}

export function historyNewestFirst(profile: SupportProfile): ResolvedIssue[] {
  return [...profile.issue_history].sort((a, b) => newerFirst(a.resolved_at, b.resolved_at));
}

function isEnglish(language: string): boolean {
  return /^(en|eng|english)([-_ ].*)?$/i.test(language);
}

/** The language worth telling the agent about: the preferred or primary one, when it is not English. */
export function notableLanguage(profile: SupportProfile): string {
  const language = cleanText(profile.communication_preference.language) || cleanText(profile.language_profile.primary);
  return language && !isEnglish(language) ? language : "";
}

/** "Priya (Acme Ltd); via email; tier Enterprise; customer since 2021; language es; verified" (account ref only when asked for). */
export function renderIdentity(profile: SupportProfile, withAccountRef: boolean): string {
  const id = profile.customer_identity;
  const parts: string[] = [];
  const name = cleanText(id.name);
  const company = cleanText(id.company);
  if (name || company) parts.push(name && company ? `${name} (${company})` : name || company);
  if (cleanText(id.channel)) parts.push(`via ${cleanText(id.channel)}`);
  if (withAccountRef && cleanText(id.account_ref)) parts.push(`account ${cleanText(id.account_ref)}`);
  if (cleanText(id.tier)) parts.push(`tier ${cleanText(id.tier)}`);
  if (cleanText(id.customer_since)) parts.push(customerSince(id.customer_since));
  if (notableLanguage(profile)) parts.push(`language ${notableLanguage(profile)}`);
  if (id.verified === true) parts.push("verified");
  if (id.verified === false) parts.push("not verified");
  return parts.join("; ");
}

/** "prefers email; style direct; best times: mornings" */
export function renderCommunication(profile: SupportProfile): string {
  const pref = profile.communication_preference;
  const parts: string[] = [];
  if (cleanText(pref.channel)) parts.push(`prefers ${cleanText(pref.channel)}`);
  if (cleanText(pref.style)) parts.push(`style ${cleanText(pref.style)}`);
  if (cleanText(pref.times)) parts.push(`best times: ${cleanText(pref.times)}`);
  return parts.join("; ");
}

export function renderResolutionPreference(pref: NonNullable<SupportProfile["resolution_preference"]>): string {
  const since = dayOf(pref.since);
  const note = cleanText(pref.note);
  return `${cleanText(pref.method).replace(/_/g, " ")}${since ? ` (since ${since})` : ""}${note ? ` — ${note}` : ""}`;
}

const VERTICAL_LABELS: Record<Vertical, string> = {
  saas: "SaaS account context",
  ecommerce: "Orders and returns context",
  banking_fintech: "Banking context",
  travel: "Travel booking context",
  telecom: "Telecom context",
  edtech_support: "Learning context",
  general_info: "General context",
};

export function verticalLabel(vertical: string): string {
  return (VERTICAL_LABELS as Record<string, string>)[vertical] ?? `${humanizeKey(vertical)} context`;
}

const ACRONYMS = new Set(["id", "ids", "kyc", "pnr", "imei", "sim", "esim", "sla", "sso", "api", "url", "upi", "iban", "otp", "vat", "sku"]);

/** `kyc_status` → "KYC status", `integrations` → "Integrations", `orderIds` → "Order IDs". */
export function humanizeKey(key: string): string {
  let label = LABELS.get(key);
  if (label === undefined) {
    label = labelOf(key);
    // fact keys are a small vocabulary; the bound only stops a flood of odd keys
    if (LABELS.size >= MAX_LABELS) LABELS.clear();
    LABELS.set(key, label);
  }
  return label;
}

const LABELS = new Map<string, string>();
const MAX_LABELS = 2_000;

function labelOf(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()));
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Each fact as "Label: value", arrays joined with ", "; empty values are skipped. */
export function renderFacts(facts: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(facts)) {
    const shown = Array.isArray(value) ? value.map(cleanText).filter(Boolean).join(", ") : cleanText(value);
    if (shown) out.push(`${humanizeKey(key)}: ${shown}`);
  }
  return out;
}

/** Verticals with facts, the customer's own first, then in the catalogue's order, unknown keys last. */
export function verticalsWithFacts(profile: SupportProfile): [string, string[]][] {
  const keys = Object.keys(profile.support_context);
  const rank = (k: string): number => (k === profile.support_type ? -1 : VERTICALS.includes(k as Vertical) ? VERTICALS.indexOf(k as Vertical) : VERTICALS.length);
  return keys
    .sort((a, b) => rank(a) - rank(b))
    .map((k): [string, string[]] => [k, renderFacts((profile.support_context as Record<string, Record<string, unknown>>)[k] ?? {})])
    .filter(([, facts]) => facts.length > 0);
}
