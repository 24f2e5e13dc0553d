// The connectors this build knows, by provider.
import type { Connector, Provider } from "./types";
import { intercomConnector } from "./intercom";
import { zendeskConnector } from "./zendesk";

export const connectors: Partial<Record<Provider, Connector>> = {
  zendesk: zendeskConnector as Connector,
  intercom: intercomConnector as Connector,
};
