// Our note comes back as an operator message (message:received, type "note"): its fingerprint
// is one we recorded when posting. Notes are skipped anyway; this names the reason.
import type { InstallationInfo, NormalisedEvent } from "../types";

export function isCrispOwnEcho(event: NormalisedEvent, _installation: InstallationInfo, postedNoteRefs: ReadonlySet<string>): boolean {
  return event.messageRef !== undefined && postedNoteRefs.has(event.messageRef);
}
