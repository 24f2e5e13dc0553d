// The note on a customer's first ticket: nothing is remembered yet, so it triages what the
// ticket says (what the customer wants, the references, deadline, urgency, language, vertical,
// who they are, any risk). A line is written only when it says something.
import { cleanText, customerSince, verticalsWithFacts } from "../../src/memory/context-format";
import { isFirstContact } from "../../src/memory/first-contact";
import type { SupportProfile, Vertical } from "../../src/memory/types";
import type { NoteInput } from "../types";
import type { NoteGroup } from "./note-sections";

export const TRIAGE_HEADING = "First-contact triage";
export const FIRST_CONTACT_LINE = "First contact: nothing remembered from earlier tickets.";

const VERTICAL_NAMES: Record<Vertical, string> = {
  saas: "software / SaaS",
  ecommerce: "e-commerce",
  banking_fintech: "banking / fintech",
  travel: "travel",
  telecom: "telecom",
  edtech_support: "education",
  general_info: "",
};

// Issue kinds are machine words (`payment_debited_not_credited`); a few abbreviations stay upper-case.
const UPPER = new Set(["kyc", "otp", "pnr", "sim", "esim", "sso", "api", "upi", "imei", "2fa", "mfa", "vat", "emi"]);

/** `duplicate_charge` → "duplicate charge", `kyc_pending` → "KYC pending". */
export function kindInWords(issueType: string): string {
  return cleanText(issueType)
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((w) => (UPPER.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()))
    .join(" ");
}

/** A long bare number (a bank or card account) shows only its last four. */
function masked(ref: string): string {
  const digits = ref.replace(/[\s-]/g, "");
  return /^\d{7,}$/.test(digits) ? `…${digits.slice(-4)}` : ref;
}

function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames(["en"], { type: "language" }).of(code);
    return name && name.toLowerCase() !== code.toLowerCase() ? name : code;
  } catch {
    return code;
  }
}

/** Is this note a first-contact triage? Only when the tenant wants one and nothing is remembered. */
export function isTriageNote(input: NoteInput): boolean {
  return input.firstContactNote !== "none" && input.ticketRef !== undefined && isFirstContact(input.profile, input.ticketRef);
}

function who(profile: SupportProfile): string {
  const id = profile.customer_identity ?? {};
  const name = cleanText(id.name);
  const company = cleanText(id.company);
  const parts = [name && company ? `${name} (${company})` : name || company];
  if (cleanText(id.channel)) parts.push(`wrote in by ${cleanText(id.channel)}`);
  if (cleanText(id.tier)) parts.push(`tier ${cleanText(id.tier)}`);
  if (cleanText(id.customer_since)) parts.push(customerSince(id.customer_since));
  return parts.filter(Boolean).join("; ");
}

/** The triage as note groups; the caller renders them in its helpdesk's markup. */
export function triageGroups(input: NoteInput): NoteGroup[] {
  const profile = input.profile;
  const lines: string[] = [];
  const push = (label: string, value: string) => void (value && lines.push(`${label}: ${value}`));
  if (profile) {
    const issue = profile.current_open_issue;
    if (issue) {
      const kind = kindInWords(issue.issue_type);
      const summary = cleanText(issue.summary);
      push("Wants", kind && summary && summary.toLowerCase() !== kind ? `${kind} — "${summary}"` : kind || summary);
      const refs = [...new Set([issue.ref, ...(issue.refs ?? [])].map(cleanText).filter(Boolean))];
      const account = cleanText(profile.customer_identity?.account_ref);
      push("References", [...refs, ...(account ? [`account ${masked(account)}`] : [])].join(", "));
      push("Deadline", cleanText(issue.deadline));
      push("Urgency", cleanText(issue.urgency));
    } else if (cleanText(profile.customer_identity?.account_ref)) {
      push("References", `account ${masked(cleanText(profile.customer_identity.account_ref))}`);
    }
    const language = cleanText(profile.communication_preference?.language) || cleanText(profile.language_profile?.primary);
    push("Language", language ? languageName(language) : "");
    push("Vertical", VERTICAL_NAMES[profile.support_type] ?? "");
    // References are on their own line already.
    const facts = verticalsWithFacts({ ...profile, support_context: profile.support_context ?? {} }).flatMap(([, f]) => f);
    push("Details", facts.filter((f) => !/^[^:]*\b(?:refs?|references?|ids?)\s*:/i.test(f)).join("; "));
    push("Customer", who(profile));
    for (const risk of (profile.risk_signals ?? []).filter((r) => r.status === "open")) {
      push("Risk", `${kindInWords(risk.risk_type)} (${cleanText(risk.severity)})${cleanText(risk.reason) ? ` — ${cleanText(risk.reason)}` : ""}`);
    }
  }
  lines.push(FIRST_CONTACT_LINE);
  return [{ title: "This ticket", lines }];
}
