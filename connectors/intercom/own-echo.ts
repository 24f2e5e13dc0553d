// Our own note comes back as conversation.admin.noted (and as a part in later notifications).
import type { InstallationInfo, NormalisedEvent } from "../types";

export function isIntercomOwnEcho(event: NormalisedEvent, installation: InstallationInfo, postedNoteRefs: ReadonlySet<string>): boolean {
  // A new conversation's messageRef is its source message: another id space than parts, so it
  // may equal one of our notes' part ids by chance. Only a part can be our note.
  if (event.kind !== "ticket_created" && event.messageRef !== undefined && postedNoteRefs.has(event.messageRef)) return true;
  // Only a note by our admin is ours: the admin may be a real teammate whose public replies
  // must still be read (we never post replies, only notes).
  const adminId = installation.settings.adminId?.trim();
  return Boolean(adminId) && event.kind === "internal_note" && event.actorRef === adminId;
}
