// Our own note comes back as conversation.admin.noted (and as a part in later notifications).
import type { InstallationInfo, NormalisedEvent } from "../types";

export function isIntercomOwnEcho(event: NormalisedEvent, installation: InstallationInfo, postedNoteRefs: ReadonlySet<string>): boolean {
  if (event.messageRef !== undefined && postedNoteRefs.has(event.messageRef)) return true;
  // Only a note by our admin is ours: the admin may be a real teammate whose public replies
  // must still be read (we never post replies, only notes).
  const adminId = installation.settings.adminId?.trim();
  return Boolean(adminId) && event.kind === "internal_note" && event.actorRef === adminId;
}
