// The internal note an agent reads in Zendesk: remembered context, plainly labelled as memory,
// grouped the way an agent scans it. Pure. Every value is escaped: the text comes from
// customers' own words, and Zendesk renders html_body.
import { escapeHtml, NOTE_CAVEAT as CAVEAT, NOTE_HEADING as HEADING, NOTE_NOTHING as NOTHING, noteFrame, noteGroups } from "../shared/note-sections";
import type { NoteInput, RenderedNote } from "../types";
import { NOTE_MARKER } from "./facts";

const TRUNCATED = "Older history was not available from Zendesk, so earlier conversations may be missing here.";

/** Kept for callers that escaped with the connector's own helper. */
export { escapeHtml };

export function renderZendeskNote(input: NoteInput): RenderedNote {
  const frame = noteFrame(input, { heading: HEADING, caveat: CAVEAT });
  const parts = [`<p><strong>${escapeHtml(frame.heading)}</strong><br>${escapeHtml(frame.caveat)}</p>`];
  const groups = noteGroups(input);
  if (groups.length === 0) parts.push(`<p>${escapeHtml(NOTHING)}</p>`);
  for (const g of groups) {
    parts.push(`<p><strong>${escapeHtml(g.title)}</strong></p>`);
    parts.push(`<ul>${g.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>`);
  }
  if (input.historyTruncated) parts.push(`<p><em>${escapeHtml(TRUNCATED)}</em></p>`);
  // The footer is how we recognise our own notes in a thread: keep it a line of its own.
  parts.push(`<p>${NOTE_MARKER}${input.footerRef ? ` · ${escapeHtml(input.footerRef)}` : ""}</p>`);
  return { body: parts.join("\n"), format: "html" };
}
