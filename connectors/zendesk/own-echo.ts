// Our own note comes back as a ticket.comment_added (and as any trigger on "ticket updated").
import type { InstallationInfo, NormalisedEvent } from "../types";

export function isZendeskOwnEcho(event: NormalisedEvent, installation: InstallationInfo, postedNoteRefs: ReadonlySet<string>): boolean {
  const agentId = installation.settings.agentId?.trim();
  if (agentId && event.actorRef === agentId) return true;
  return event.messageRef !== undefined && postedNoteRefs.has(event.messageRef);
}
