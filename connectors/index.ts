// The one registry: the connectors this build knows, by provider. A new helpdesk is a folder
// under connectors/ and one line here; nothing under src/ names a helpdesk.
import type { Connector, Provider } from "./types";
import { crispConnector } from "./crisp";
import { intercomConnector } from "./intercom";
import { zendeskConnector } from "./zendesk";

export const connectors: Partial<Record<Provider, Connector>> = {
  zendesk: zendeskConnector as Connector,
  intercom: intercomConnector as Connector,
  crisp: crispConnector as Connector,
};

/** Every connector's signature and key headers, for log redaction. */
export const secretHeaderNames: readonly string[] = Object.values(connectors).flatMap((c) => c?.facts.secretHeaders ?? []);
