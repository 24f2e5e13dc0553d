// The profile as single remembered facts, each with a stable locator, for the memory API:
// retrieve's `data`, the list, and delete one fact. Pure: no I/O. A locator names a fact by
// what does not change while it is updated (an issue by the time it was opened, a vertical
// fact by its key), so the same fact keeps its id across retrievals and updates.
import {
  cleanText,
  dayOf,
  historyNewestFirst,
  humanizeKey,
  isCriticalRisk,
  newerFirst,
  renderOpenIssue,
  renderResolutionPreference,
  renderResolvedIssue,
  renderRisk,
  verticalLabel,
} from "./context-format";
import { escalationReasons, isEscalationSentiment } from "./context-sections";
import type { OpenIssue, SupportProfile } from "./types";

export type FactCategory = "fact" | "preference";

export type MemoryFact = {
  locator: string;
  /** The profile field the fact sits in, as claims name it (e.g. `customer_identity.tier`). */
  field: string;
  content: string;
  category: FactCategory;
  /** 0–1: open issues and critical risks first, sentiment last. */
  importance: number;
  pinned: boolean;
  created_at?: string;
  updated_at?: string;
  ticket_id?: string;
};

const IDENTITY_LABELS: Record<string, string> = {
  name: "Customer name",
  account_ref: "Account reference",
  tier: "Customer tier",
  customer_since: "Customer since",
  verified: "Identity verified",
};
const COMMUNICATION_LABELS: Record<string, string> = {
  channel: "Preferred channel",
  style: "Communication style",
  language: "Preferred language",
  times: "Best times to reach",
};

function fact(f: MemoryFact): MemoryFact {
  const out: MemoryFact = { ...f };
  for (const k of ["created_at", "updated_at", "ticket_id"] as const) if (!cleanText(out[k])) delete out[k];
  return out;
}

/**
 * A fact's key among its kind, with "#2", "#3"... for a second or third fact sharing it (two
 * issues opened in the same instant after a customer merge): counted in stored order, so the
 * same profile always gives the same locators.
 */
function keyed<T>(list: T[], item: T, key: (x: T) => string): string {
  const k = key(item);
  const nth = list.filter((x) => key(x) === k).indexOf(item);
  return nth > 0 ? `${k}#${nth + 1}` : k;
}

function pick<T>(list: T[], rest: string, key: (x: T) => string): T | undefined {
  const m = /^(.*)#(\d+)$/.exec(rest);
  const [k, nth] = m ? [m[1]!, Number(m[2]) - 1] : [rest, 0];
  return list.filter((x) => key(x) === k)[nth];
}

const issueKey = (i: OpenIssue) => i.since;
const resolvedKey = (i: SupportProfile["issue_history"][number]) => `${i.resolved_at}|${i.since}`;
const riskKey = (r: SupportProfile["risk_signals"][number]) => `${r.risk_type}|${r.since}`;

function openIssues(p: SupportProfile): OpenIssue[] {
  return [p.current_open_issue, ...(p.other_open_issues ?? [])].filter((i): i is OpenIssue => i !== null);
}

function issueFact(profile: SupportProfile, issue: OpenIssue, current: boolean): MemoryFact {
  return fact({
    locator: `open_issue:${keyed(openIssues(profile), issue, issueKey)}`,
    field: "current_open_issue",
    content: `${current ? "Open issue" : "Other open issue"}: ${renderOpenIssue(issue)}`,
    category: "fact",
    importance: current ? 1 : 0.9,
    pinned: true,
    created_at: issue.since,
    updated_at: issue.last_update || issue.since,
    ticket_id: issue.ticket_id,
  });
}

function scalarValue(value: unknown): string {
  if (value === true) return "yes";
  if (value === false) return "no";
  return cleanText(value);
}

/** Every fact the profile holds, most important first. */
export function listFacts(profile: SupportProfile): MemoryFact[] {
  const out: MemoryFact[] = [];
  if (profile.current_open_issue) out.push(issueFact(profile, profile.current_open_issue, true));
  for (const other of profile.other_open_issues ?? []) out.push(issueFact(profile, other, false));

  for (const [key, value] of Object.entries(profile.customer_identity ?? {})) {
    const shown = key === "customer_since" ? dayOf(String(value)) : scalarValue(value);
    if (!shown) continue;
    out.push(fact({ locator: `customer_identity.${key}`, field: `customer_identity.${key}`, content: `${IDENTITY_LABELS[key] ?? humanizeKey(key)}: ${shown}`, category: "fact", importance: 0.8, pinned: true }));
  }

  const latestMood = [...(profile.mood_history ?? [])].sort((a, b) => newerFirst(a.at, b.at))[0];
  if (profile.sentiment_pattern && isEscalationSentiment(profile)) {
    const reasons = escalationReasons({ ...profile, risk_signals: [] });
    out.push(fact({ locator: "sentiment_pattern", field: "sentiment_pattern", content: `Sentiment pattern: ${reasons.join("; ")}`, category: "fact", importance: 0.9, pinned: true, updated_at: latestMood?.at }));
  }

  const risks = [...(profile.risk_signals ?? [])].filter((r) => r.status === "open").sort((a, b) => newerFirst(a.since, b.since));
  for (const risk of risks.filter(isCriticalRisk)) out.push(riskFact(profile, risk, true));

  for (const [vertical, facts] of Object.entries(profile.support_context ?? {})) {
    for (const [key, value] of Object.entries(facts ?? {})) {
      const shown = Array.isArray(value) ? value.map(cleanText).filter(Boolean).join(", ") : cleanText(value);
      if (!shown) continue;
      out.push(
        fact({
          locator: `support_context.${vertical}.${key}`,
          field: `support_context.${vertical}.${key}`,
          content: `${humanizeKey(key)}: ${shown} (${verticalLabel(vertical)})`,
          category: "fact",
          importance: vertical === profile.support_type ? 0.7 : 0.6,
          pinned: false,
        }),
      );
    }
  }

  const pref = profile.resolution_preference;
  if (pref) {
    out.push(fact({ locator: "resolution_preference", field: "resolution_preference", content: `Resolution preference: ${renderResolutionPreference(pref)}`, category: "preference", importance: 0.6, pinned: false, updated_at: pref.since }));
  }
  for (const [key, value] of Object.entries(profile.communication_preference ?? {})) {
    const shown = scalarValue(value);
    if (!shown) continue;
    out.push(fact({ locator: `communication_preference.${key}`, field: `communication_preference.${key}`, content: `${COMMUNICATION_LABELS[key] ?? humanizeKey(key)}: ${shown}`, category: "preference", importance: 0.5, pinned: false }));
  }
  const language = cleanText(profile.language_profile?.primary);
  if (language) out.push(fact({ locator: "language_profile.primary", field: "language_profile.primary", content: `Language: ${language}`, category: "preference", importance: 0.45, pinned: false }));

  for (const past of historyNewestFirst(profile)) {
    out.push(
      fact({
        locator: `resolved_issue:${keyed(profile.issue_history, past, resolvedKey)}`,
        field: "issue_history",
        content: `Resolved issue: ${renderResolvedIssue(past)}`,
        category: "fact",
        importance: 0.4,
        pinned: false,
        created_at: past.since,
        updated_at: past.resolved_at,
        ticket_id: past.ticket_id,
      }),
    );
  }
  if (profile.sentiment_pattern && !isEscalationSentiment(profile)) {
    out.push(fact({ locator: "sentiment_pattern", field: "sentiment_pattern", content: `Sentiment pattern: ${profile.sentiment_pattern.replace(/_/g, " ")}`, category: "fact", importance: 0.3, pinned: false, updated_at: latestMood?.at }));
  }
  for (const risk of risks.filter((r) => !isCriticalRisk(r))) out.push(riskFact(profile, risk, false));
  return out;
}

function riskFact(profile: SupportProfile, risk: SupportProfile["risk_signals"][number], critical: boolean): MemoryFact {
  return fact({
    locator: `risk:${keyed(profile.risk_signals, risk, riskKey)}`,
    field: `risk_signals.${risk.risk_type}`,
    content: `Risk: ${renderRisk(risk)}`,
    category: "fact",
    importance: critical ? 0.95 : 0.5,
    pinned: critical,
    created_at: risk.since,
    updated_at: risk.since,
    ticket_id: risk.ticket_id,
  });
}

/** The profile without the fact at `locator`, and what was removed; null when there is no such fact. */
export function removeFact(profile: SupportProfile, locator: string): { profile: SupportProfile; removed: unknown } | null {
  const p = structuredClone(profile);
  const [kind, rest] = splitOnce(locator, ":");
  if (rest !== undefined) {
    if (kind === "open_issue") {
      const all = openIssues(p);
      const gone = pick(all, rest, issueKey);
      if (!gone) return null;
      const remaining = all.filter((i) => i !== gone);
      p.current_open_issue = remaining[0] ?? null;
      p.other_open_issues = remaining.slice(1);
      return { profile: p, removed: gone };
    }
    if (kind === "resolved_issue") {
      const gone = pick(p.issue_history ?? [], rest, resolvedKey);
      if (!gone) return null;
      p.issue_history = p.issue_history.filter((i) => i !== gone);
      return { profile: p, removed: gone };
    }
    if (kind === "risk") {
      const gone = pick(p.risk_signals ?? [], rest, riskKey);
      if (!gone) return null;
      p.risk_signals = p.risk_signals.filter((r) => r !== gone);
      return { profile: p, removed: gone };
    }
  }
  if (locator === "resolution_preference") {
    if (!p.resolution_preference) return null;
    const removed = p.resolution_preference;
    p.resolution_preference = null;
    return { profile: p, removed };
  }
  if (locator === "sentiment_pattern") {
    if (!p.sentiment_pattern) return null;
    const removed = p.sentiment_pattern;
    // The pattern is recomputed from the mood evidence on the next add: the evidence goes too.
    p.sentiment_pattern = null;
    p.mood_history = [];
    return { profile: p, removed };
  }
  if (locator === "language_profile.primary") {
    if (!p.language_profile?.primary) return null;
    const removed = p.language_profile.primary;
    p.language_profile = { ...p.language_profile, primary: undefined, seen: (p.language_profile.seen ?? []).filter((l) => l !== removed) };
    return { profile: p, removed };
  }
  for (const group of ["customer_identity", "communication_preference"] as const) {
    if (locator.startsWith(`${group}.`)) {
      const key = locator.slice(group.length + 1);
      const target = p[group] as Record<string, unknown>;
      if (!target || !(key in target)) return null;
      const removed = target[key];
      delete target[key];
      return { profile: p, removed };
    }
  }
  if (locator.startsWith("support_context.")) {
    const [vertical, key] = splitOnce(locator.slice("support_context.".length), ".");
    const facts = (p.support_context as Record<string, Record<string, unknown>>)[vertical];
    if (!facts || key === undefined || !(key in facts)) return null;
    const removed = facts[key];
    delete facts[key];
    if (Object.keys(facts).length === 0) delete (p.support_context as Record<string, unknown>)[vertical];
    return { profile: p, removed };
  }
  return null;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + sep.length)];
}

// ---------------------------------------------------------------- ids

/**
 * A memory id names the customer, the scope and the fact, so DELETE /v1/memories/:id needs
 * nothing else; every use is still scoped by the caller's tenant.
 */
export function encodeMemoryId(externalUserId: string, agentScope: string, locator: string): string {
  return `mem_${Buffer.from(JSON.stringify([externalUserId, agentScope, locator])).toString("base64url")}`;
}

export function decodeMemoryId(id: string): { externalUserId: string; agentScope: string; locator: string } | null {
  if (!id.startsWith("mem_") || id.length > 2000) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(id.slice(4), "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 3 || !v.every((x) => typeof x === "string" && x !== "")) return null;
    return { externalUserId: v[0], agentScope: v[1], locator: v[2] };
  } catch {
    return null;
  }
}
