// Posts a rendered note as a private comment: PUT /api/v2/tickets/{id}.json with only a comment,
// so nothing else on the ticket changes. Returns the new comment's id, read from the audit.
import type { InstallationInfo, RenderedNote } from "../types";
import { ticketUpdateSchema } from "./api-payloads";
import type { ZendeskClient } from "./client";
import { apiPath, requestJson, requireId } from "./http";

export function noteRequestBody(note: RenderedNote, installation: InstallationInfo): { ticket: { comment: Record<string, unknown> } } {
  // html_body renders our markup; plain text or markdown goes in `body`, which Zendesk formats.
  const comment: Record<string, unknown> = note.format === "html" ? { html_body: note.body } : { body: note.body };
  // Always explicit: a ticket created public would otherwise make later comments public too.
  comment.public = false;
  const agentId = installation.settings.agentId?.trim();
  // Our integration agent is the author, so our note is recognisable when it echoes back.
  if (agentId && /^\d+$/.test(agentId)) comment.author_id = Number(agentId);
  return { ticket: { comment } };
}

export async function postZendeskNote(client: ZendeskClient, ticketRef: string, note: RenderedNote, installation: InstallationInfo): Promise<{ noteRef: string }> {
  const id = requireId(ticketRef, "ticket id");
  const response = ticketUpdateSchema.parse((await requestJson(client, "PUT", apiPath(`/tickets/${id}.json`), noteRequestBody(note, installation))) ?? {});
  // The new comment is the audit's Comment event. Without it we return "" rather than guess
  // (the ticket's latest comment could be someone else's, posted in the same second).
  const comment = response.audit?.events.find((e) => e.type === "Comment" || e.type === "VoiceComment");
  return { noteRef: comment?.id ?? "" };
}
