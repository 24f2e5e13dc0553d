// The Zendesk connector: the only code that knows Zendesk's headers, payloads, SDK and markup.
import type { Connector } from "../types";
import { createZendeskClient, type ZendeskClient } from "./client";
import { zendeskDedupeKey } from "./dedupe-key";
import { zendeskFacts } from "./facts";
import { zendeskInstallation, zendeskSettings, zendeskTicketUrl } from "./installation";
import { zendeskOAuth } from "./oauth";
import { isZendeskOwnEcho } from "./own-echo";
import { parseZendeskBody } from "./parse";
import { postZendeskNote } from "./post-note";
import { renderZendeskNote } from "./render-note";
import { resolveZendeskRequester } from "./requester";
import { fetchZendeskThread } from "./thread";
import { verifyZendeskSignature } from "./verify";

export type { ZendeskClient };

export const zendeskConnector: Connector<ZendeskClient> = {
  provider: "zendesk",
  displayName: "Zendesk",
  facts: zendeskFacts,
  installation: zendeskInstallation,
  settings: zendeskSettings,
  ticketUrl: zendeskTicketUrl,
  verify: verifyZendeskSignature,
  parse: parseZendeskBody,
  dedupeKey: zendeskDedupeKey,
  isOwnEcho: isZendeskOwnEcho,
  createClient: (installation, apiBaseUrl) => createZendeskClient(installation, { apiBaseUrl }),
  fetchThread: fetchZendeskThread,
  resolveRequester: resolveZendeskRequester,
  renderNote: renderZendeskNote,
  postNote: postZendeskNote,
  oauth: zendeskOAuth,
};
