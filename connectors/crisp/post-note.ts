// Posts a rendered note as a Crisp operator note (type "note": only operators see it) and
// returns its fingerprint, which is how the note is recognised when it comes back as an event.
import type { InstallationInfo, RenderedNote } from "../types";
import { callCrisp, type CrispClient, requireSessionId } from "./client";
import { NOTE_AUTHOR } from "./facts";
import { sentMessageSchema } from "./payloads";

export function noteMessage(note: RenderedNote) {
  return {
    type: "note" as const,
    from: "operator" as const,
    origin: "chat" as const,
    content: note.body,
    // Only a display name: Crisp shows it on the note in the inbox.
    user: { nickname: NOTE_AUTHOR },
  };
}

export async function postCrispNote(client: CrispClient, ticketRef: string, note: RenderedNote, _installation: InstallationInfo): Promise<{ noteRef: string }> {
  const sessionId = requireSessionId(ticketRef);
  const raw = await callCrisp(client, "POST conversation note", (sdk) => sdk.website.sendMessageInConversation(client.websiteId, sessionId, noteMessage(note)));
  // Without a fingerprint we return "" rather than guess which message is ours.
  return { noteRef: sentMessageSchema.parse(raw ?? {}).fingerprint ?? "" };
}
