// Is this the customer's first contact? True when nothing in the profile comes from another
// ticket than this one: no past issue, no issue or risk or mood seen elsewhere. Pure. A note
// on a first contact has nothing to remember, so it triages the ticket instead.
import type { SupportProfile } from "./types";

export function isFirstContact(profile: SupportProfile | null, ticketRef: string | undefined): boolean {
  if (!profile) return true;
  const here = (ticket: string | undefined): boolean => ticketRef !== undefined && ticket === ticketRef;
  if ((profile.issue_history ?? []).length > 0) return false;
  const open = [profile.current_open_issue, ...(profile.other_open_issues ?? [])];
  if (open.some((i) => i && !here(i.ticket_id))) return false;
  if ((profile.risk_signals ?? []).some((r) => !here(r.ticket_id))) return false;
  return (profile.mood_history ?? []).every((m) => here(m.ticket));
}
