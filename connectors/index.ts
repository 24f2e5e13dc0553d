// The connectors this build knows, by provider.
import type { Connector, Provider } from "./types";
import { zendeskConnector } from "./zendesk";

export const connectors: Partial<Record<Provider, Connector>> = {
  zendesk: zendeskConnector as Connector,
};
