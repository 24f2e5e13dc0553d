// What a note says, independent of any helpdesk's markup: the engine's context items grouped
// the way an agent scans them. Each connector renders these groups in its own markup.
import type { ContextItem } from "../../src/memory/context";
import type { NoteInput } from "../types";
import { isTriageNote, TRIAGE_HEADING, triageGroups } from "./triage-note";

export type NoteGroup = { title: string; lines: string[] };

type Section = { title: string; takes: (item: ContextItem) => boolean; max?: number };

// In reading order; an item goes to the first section that takes it, the rest to "Other signals".
const SECTIONS: Section[] = [
  { title: "Open issue", takes: (i) => i.field === "current_open_issue" || i.field === "other_open_issues" },
  { title: "Escalation warning", takes: (i) => i.pinned && (i.field === "sentiment_pattern" || i.field === "risk_signals") },
  { title: "Identity hints", takes: (i) => i.field === "customer_identity" },
  { title: "Context", takes: (i) => i.field.startsWith("support_context") },
  { title: "Preferences", takes: (i) => i.field === "resolution_preference" || i.field === "communication_preference" },
  // A short history: the newest few, each with its ticket so the agent can open it.
  { title: "Past issues", takes: (i) => i.field === "issue_history", max: 5 },
  { title: "Other signals", takes: () => true },
];

export const NOTE_HEADING = "Remembered context from this customer's past conversations";
export const NOTE_CAVEAT =
  "This is memory, not live account data: check orders, billing and account status in your live systems before promising anything.";
export const NOTE_NOTHING = "Nothing is remembered about this customer yet.";
export const TRIAGE_CAVEAT = "Read from this ticket alone: check orders, billing and account status in your live systems before promising anything.";

/** The heading and caveat for this note: a first contact's triage is not memory. */
export function noteFrame(input: NoteInput, memory: { heading: string; caveat: string }): { heading: string; caveat: string; triage: boolean } {
  return isTriageNote(input) ? { heading: TRIAGE_HEADING, caveat: TRIAGE_CAVEAT, triage: true } : { ...memory, triage: false };
}

// Lines that tell the agent nothing: a calm customer is the normal case, not a signal.
const SAYS_NOTHING = /^sentiment pattern:\s*calm\.?$/i;
/** Long enough for any item the engine writes; a runaway value must not bury the note. */
const MAX_ITEM_CHARS = 600;

function lineOf(item: ContextItem): string {
  let text = item.text.replace(/\s+/g, " ").trim();
  if (text.length > MAX_ITEM_CHARS) text = `${text.slice(0, MAX_ITEM_CHARS - 1)}…`;
  const ticket = item.ticket_id?.trim();
  // Most items already name their ticket ("ticket 4512"); add it only when they do not.
  if (ticket && !text.includes(ticket)) text = `${text} (ticket #${ticket})`;
  return text;
}

function group(items: ContextItem[]): NoteGroup[] {
  const buckets = SECTIONS.map((s) => ({ section: s, lines: [] as string[] }));
  for (const item of items) {
    if (!item || typeof item.text !== "string" || item.text.trim() === "" || SAYS_NOTHING.test(item.text.trim())) continue;
    const bucket = buckets.find((b) => b.section.takes({ ...item, field: String(item.field ?? "") }));
    if (bucket && (bucket.section.max === undefined || bucket.lines.length < bucket.section.max)) bucket.lines.push(lineOf(item));
  }
  return buckets.filter((b) => b.lines.length > 0).map((b) => ({ title: b.section.title, lines: b.lines }));
}

/** Items are the engine's readable facts; the prompt text is only a fallback. */
export function noteGroups(input: NoteInput): NoteGroup[] {
  if (isTriageNote(input)) return triageGroups(input);
  const items = Array.isArray(input.context?.items) ? input.context.items : [];
  const groups = group(items);
  if (groups.length > 0) return groups;
  const prompt = typeof input.context?.system_prompt_addition === "string" ? input.context.system_prompt_addition : "";
  const lines = prompt
    .split("\n")
    .map((l) => l.replace(/^[-•*]\s*/, "").trim())
    .filter((l) => l !== "" && !/usage rules/i.test(l) && !SAYS_NOTHING.test(l));
  return lines.length > 0 ? [{ title: "Remembered", lines: lines.slice(0, 20) }] : [];
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
