// The internal note an agent reads in the Intercom inbox: remembered context, plainly labelled as
// memory, grouped the way an agent scans it. Pure. Intercom notes take a little HTML (paragraphs,
// bold, italics, line breaks), so sections are paragraphs and items are "•" lines. Every value is
// escaped: the text comes from customers' own words.
import { escapeHtml, NOTE_CAVEAT, NOTE_NOTHING as NOTHING, noteFrame, noteGroups } from "../shared/note-sections";
import type { NoteInput, RenderedNote } from "../types";
import { MAX_PARTS, NOTE_MARKER } from "./facts";

const HEADING = "Remembered context (not live data)";
const TRUNCATED = `Older history was cut: Intercom returns only the newest ${MAX_PARTS} parts of a conversation, so earlier messages may be missing here.`;

/** Kept for callers that escaped with the connector's own helper. */
export { escapeHtml };

export function renderIntercomNote(input: NoteInput): RenderedNote {
  const frame = noteFrame(input, { heading: HEADING, caveat: `From this customer's past conversations. ${NOTE_CAVEAT}` });
  const parts = [`<p><b>${escapeHtml(frame.heading)}</b><br><i>${escapeHtml(frame.caveat)}</i></p>`];
  const groups = noteGroups(input);
  if (groups.length === 0) parts.push(`<p>${escapeHtml(NOTHING)}</p>`);
  for (const g of groups) parts.push(`<p><b>${escapeHtml(g.title)}</b><br>${g.lines.map((l) => `• ${escapeHtml(l)}`).join("<br>")}</p>`);
  if (input.historyTruncated) parts.push(`<p><i>${escapeHtml(TRUNCATED)}</i></p>`);
  // The footer is how we (and a retried job) recognise our own notes: keep it a paragraph of its own.
  parts.push(`<p>${NOTE_MARKER}${input.footerRef ? ` · ${escapeHtml(input.footerRef)}` : ""}</p>`);
  return { body: parts.join(""), format: "html" };
}
