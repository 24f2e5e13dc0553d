// What the console shows of each helpdesk: where a ticket opens, which URL the helpdesk must
// call, and which setting picks the author of our notes.
import type { InstallationInfo, Provider } from "./types";

const TICKET_URL: Record<Provider, (account: string, ticketRef: string) => string> = {
  zendesk: (account, ref) => `https://${account}.zendesk.com/agent/tickets/${encodeURIComponent(ref)}`,
  intercom: (account, ref) => `https://app.intercom.com/a/apps/${encodeURIComponent(account)}/inbox/inbox/conversation/${encodeURIComponent(ref)}`,
  crisp: (account, ref) => `https://app.crisp.chat/website/${encodeURIComponent(account)}/inbox/${encodeURIComponent(ref)}/`,
};

export function ticketUrl(provider: Provider, account: string, ticketRef: string): string {
  return TICKET_URL[provider](account, ticketRef);
}

/** The URL the helpdesk must call: per installation (Zendesk, Crisp website hooks) or shared. */
export function webhookUrl(publicUrl: string, inst: Pick<InstallationInfo, "id" | "provider" | "settings" | "secrets">): string {
  const base = publicUrl.replace(/\/+$/, "");
  if (inst.provider === "zendesk") return `${base}/webhooks/zendesk/${inst.id}`;
  if (inst.provider === "intercom") return `${base}/webhooks/intercom`;
  if (inst.settings.mode === "website_hook") return `${base}/webhooks/crisp/${inst.id}?key=${inst.secrets.hookKey ?? ""}`;
  return `${base}/webhooks/crisp`;
}

/** The installation setting that names who authors our notes; none where the helpdesk has no such choice. */
export const NOTE_AUTHOR_SETTING: Record<Provider, { setting: string; label: string } | null> = {
  zendesk: { setting: "agentId", label: "Zendesk user id of the agent who authors the notes" },
  intercom: { setting: "adminId", label: "Intercom admin id who authors the notes" },
  crisp: null,
};

/**
 * Set ("true") when an admin chose the note author (in the console, or by typing it in a manual
 * install): a re-install keeps that author, where it would otherwise take the installing user.
 */
export const NOTE_AUTHOR_PICKED = "authorPicked";
