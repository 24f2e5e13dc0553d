// The note an operator reads in the Crisp inbox: the shared grouping of the remembered context
// (connectors/shared/note-sections.ts) as Crisp markdown. Pure. Customers' own words end up
// here: each value is kept to one line (no fake headings or footers) and cannot form a link.
import { NOTE_CAVEAT, NOTE_HEADING, NOTE_NOTHING, noteFrame, noteGroups } from "../shared/note-sections";
import type { NoteInput, RenderedNote } from "../types";
import { NOTE_MARKER } from "./facts";

const TRUNCATED = "Older messages were not available from Crisp, so earlier conversations may be missing here.";

/** One line, with no link or image syntax. */
export function plainLine(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\]\s*\(/g, "] (")
    .replace(/!\[/g, "! [");
}

export function renderCrispNote(input: NoteInput): RenderedNote {
  // The heading is plain text: it must read the same whether or not the inbox renders markdown.
  const frame = noteFrame(input, { heading: NOTE_HEADING, caveat: NOTE_CAVEAT });
  const parts = [`${frame.heading}\n${frame.caveat}`];
  const groups = noteGroups(input);
  if (groups.length === 0) parts.push(NOTE_NOTHING);
  for (const g of groups) parts.push(`*${g.title}*\n${g.lines.map((l) => `- ${plainLine(l)}`).join("\n")}`);
  if (input.historyTruncated) parts.push(`_${TRUNCATED}_`);
  // The footer is how a retried job recognises its own note in the thread: a line of its own.
  parts.push(`${NOTE_MARKER}${input.footerRef ? ` · ${plainLine(input.footerRef)}` : ""}`);
  return { body: parts.join("\n\n"), format: "markdown" };
}
