// The connectors this build knows, by provider.
import type { Connector, Provider } from "./types";
import { crispConnector } from "./crisp";
import { intercomConnector } from "./intercom";
import { zendeskConnector } from "./zendesk";

export const connectors: Partial<Record<Provider, Connector>> = {
  zendesk: zendeskConnector as Connector,
  intercom: intercomConnector as Connector,
  crisp: crispConnector as Connector,
};
