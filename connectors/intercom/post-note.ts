// Posts a rendered note: POST /conversations/{id}/reply with message_type "note" by our admin.
// Returns the new part's id, read from the conversation the reply returns.
import type { InstallationInfo, RenderedNote } from "../types";
import { callSdk, type IntercomClient, requireId } from "./client";
import { escapeHtml } from "./render-note";
import { conversationSchema, type Part } from "./payloads";
import { refusedCall } from "./provider-error";

export function noteRequestBody(note: RenderedNote, adminId: string) {
  // Intercom renders a note's body as HTML; text or markdown is escaped into paragraphs.
  const body = note.format === "html" ? note.body : note.body.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`).join("");
  return { message_type: "note" as const, type: "admin" as const, admin_id: adminId, body };
}

/**
 * Our note is the newest note part by our admin in the returned conversation. Without one we
 * return "" rather than guess. The ticket lease keeps two of our notes on one conversation from
 * being posted at the same moment.
 */
export function noteRefOf(parts: Part[], adminId: string): string {
  let best: Part | undefined;
  for (const p of parts) {
    if (p.part_type !== "note" || p.author?.id !== adminId || !p.id) continue;
    if (!best || (p.created_at ?? 0) >= (best.created_at ?? 0)) best = p;
  }
  return best?.id ?? "";
}

export async function postIntercomNote(client: IntercomClient, ticketRef: string, note: RenderedNote, installation: InstallationInfo): Promise<{ noteRef: string }> {
  const id = requireId(ticketRef, "conversation id");
  const adminId = client.adminId ?? installation.settings.adminId?.trim();
  if (!adminId) throw refusedCall("settings.adminId is missing: Intercom notes need an admin as author");
  // No SDK retry here: a 5xx may come after Intercom stored the note, and a blind retry would post
  // it twice. The queue retries instead, and the pipeline first looks for our footer in the thread.
  const raw = await callSdk(client, "POST /conversations/{id}/reply", (sdk) =>
    sdk.conversations.reply({ conversation_id: id, body: noteRequestBody(note, adminId) }, { maxRetries: 0 }),
  );
  const conversation = conversationSchema.parse(raw ?? {});
  return { noteRef: noteRefOf(conversation.conversation_parts?.conversation_parts ?? [], adminId) };
}
