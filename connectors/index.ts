// The one registry: the connectors this build knows, by provider. A new helpdesk is a folder
// under connectors/ and one line here; nothing under src/ names a helpdesk.
import type { Connector, Provider } from "./types";
import { crispConnector } from "./crisp";
import { intercomConnector } from "./intercom";
import { zendeskConnector } from "./zendesk";

// one line a helpdesk: the key is its provider name everywhere (routes, rows, settings)
const registry = {
  zendesk: zendeskConnector,
  intercom: intercomConnector,
  crisp: crispConnector,
};

export type ProviderName = keyof typeof registry;

export const connectors: Partial<Record<Provider, Connector>> = registry as Record<Provider, Connector>;

for (const [name, c] of Object.entries(connectors)) {
  if (c?.provider !== name) throw new Error(`the registry lists ${c?.provider} under ${name}`);
}

/** Every registered connector, in registry order (the order pages and usage lines list them). */
export const registeredConnectors: readonly Connector[] = Object.values(connectors).filter((c): c is Connector => c !== undefined);

/** The providers this build knows, in registry order. */
export const providerNames: readonly Provider[] = registeredConnectors.map((c) => c.provider);

/** The connector of a provider named by a request, a row or a command; undefined when unknown. */
export function connectorOf(provider: string): Connector | undefined {
  return Object.hasOwn(connectors, provider) ? connectors[provider as Provider] : undefined;
}

/** Every connector's signature and key headers, for log redaction. */
export const secretHeaderNames: readonly string[] = registeredConnectors.flatMap((c) => c.facts.secretHeaders);

/** The URL the helpdesk must call for this installation. */
export function webhookUrl(publicUrl: string, inst: { id: string; provider: Provider; settings: Record<string, string | undefined>; secrets: object }): string {
  const c = connectorOf(inst.provider);
  if (!c) throw new Error(`no connector for provider ${inst.provider}`);
  return c.installation.webhookUrl(publicUrl.replace(/\/+$/, ""), { id: inst.id, settings: inst.settings, secrets: inst.secrets });
}

/** Where an agent opens the ticket; null when the helpdesk has no such link. */
export function ticketUrl(provider: string, account: string, ticketRef: string): string | null {
  return connectorOf(provider)?.ticketUrl?.(account, ticketRef) ?? null;
}
