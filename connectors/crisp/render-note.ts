// The note an operator reads in the Crisp inbox: remembered context, plainly labelled as memory,
// grouped the way an agent scans it, as Crisp markdown. Pure. Customers' own words end up here:
// each value is kept to one line (no fake headings or footers) and cannot form a link.
import type { ContextItem } from "../../src/memory/context";
import type { NoteInput, RenderedNote } from "../types";
import { NOTE_MARKER } from "./facts";

type Section = { title: string; takes: (item: ContextItem) => boolean; max?: number };

// In reading order; an item goes to the first section that takes it, the rest to "Other signals".
const SECTIONS: Section[] = [
  { title: "Open issue", takes: (i) => i.field === "current_open_issue" || i.field === "other_open_issues" },
  { title: "Escalation warning", takes: (i) => i.pinned && (i.field === "sentiment_pattern" || i.field === "risk_signals") },
  { title: "Identity hints", takes: (i) => i.field === "customer_identity" },
  { title: "Context", takes: (i) => i.field.startsWith("support_context") },
  { title: "Preferences", takes: (i) => i.field === "resolution_preference" || i.field === "communication_preference" },
  { title: "Past issues", takes: (i) => i.field === "issue_history", max: 5 },
  { title: "Other signals", takes: () => true },
];

const HEADING = "Remembered context from this customer's past conversations";
const CAVEAT = "This is memory, not live account data: check orders, billing and account status in your live systems before promising anything.";
const NOTHING = "Nothing is remembered about this customer yet.";
const TRUNCATED = "Older messages were not available from Crisp, so earlier conversations may be missing here.";
const MAX_ITEM_CHARS = 600;

/** One line, no link or image syntax, bounded. */
export function plainLine(text: string): string {
  let line = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\]\s*\(/g, "] (")
    .replace(/!\[/g, "! [");
  if (line.length > MAX_ITEM_CHARS) line = `${line.slice(0, MAX_ITEM_CHARS - 1)}…`;
  return line;
}

function groupsOf(input: NoteInput): { title: string; lines: string[] }[] {
  const items = Array.isArray(input.context?.items) ? input.context.items : [];
  const buckets = SECTIONS.map((section) => ({ section, lines: [] as string[] }));
  for (const item of items) {
    if (!item || typeof item.text !== "string" || item.text.trim() === "") continue;
    const bucket = buckets.find((b) => b.section.takes({ ...item, field: String(item.field ?? "") }));
    if (bucket && (bucket.section.max === undefined || bucket.lines.length < bucket.section.max)) bucket.lines.push(plainLine(item.text));
  }
  const groups = buckets.filter((b) => b.lines.length > 0).map((b) => ({ title: b.section.title, lines: b.lines }));
  if (groups.length > 0) return groups;
  // The prompt text is only a fallback for an engine that returns no items.
  const prompt = typeof input.context?.system_prompt_addition === "string" ? input.context.system_prompt_addition : "";
  const lines = prompt
    .split("\n")
    .map((l) => l.replace(/^[-•*]\s*/, "").trim())
    .filter((l) => l !== "" && !/usage rules/i.test(l))
    .map(plainLine);
  return lines.length > 0 ? [{ title: "Remembered", lines: lines.slice(0, 20) }] : [];
}

export function renderCrispNote(input: NoteInput): RenderedNote {
  // The heading is plain text: it must read the same whether or not the inbox renders markdown.
  const parts = [`${HEADING}\n${CAVEAT}`];
  const groups = groupsOf(input);
  if (groups.length === 0) parts.push(NOTHING);
  for (const g of groups) parts.push(`*${g.title}*\n${g.lines.map((l) => `- ${l}`).join("\n")}`);
  if (input.historyTruncated) parts.push(`_${TRUNCATED}_`);
  // The footer is how a retried job recognises its own note in the thread: a line of its own.
  parts.push(`${NOTE_MARKER}${input.footerRef ? ` · ${plainLine(input.footerRef)}` : ""}`);
  return { body: parts.join("\n\n"), format: "markdown" };
}
