// The Intercom connector: the only code that knows Intercom's headers, payloads, SDK and markup.
import type { Connector } from "../types";
import { createIntercomClient, type IntercomClient } from "./client";
import { intercomDedupeKey } from "./dedupe-key";
import { intercomFacts } from "./facts";
import { intercomInstallation, intercomSettings, intercomTicketUrl } from "./installation";
import { isIntercomOwnEcho } from "./own-echo";
import { intercomAccountOf, parseIntercomBody } from "./parse";
import { postIntercomNote } from "./post-note";
import { renderIntercomNote } from "./render-note";
import { resolveIntercomRequester } from "./requester";
import { fetchIntercomThread } from "./thread";
import { intercomOAuth } from "./oauth";
import { verifyIntercomSignature } from "./verify";

export type { IntercomClient };

export const intercomConnector: Connector<IntercomClient> = {
  provider: "intercom",
  displayName: "Intercom",
  facts: intercomFacts,
  installation: intercomInstallation,
  settings: intercomSettings,
  ticketUrl: intercomTicketUrl,
  verify: verifyIntercomSignature,
  parse: parseIntercomBody,
  dedupeKey: intercomDedupeKey,
  isOwnEcho: isIntercomOwnEcho,
  createClient: (installation, apiBaseUrl) => createIntercomClient(installation, { apiBaseUrl }),
  fetchThread: fetchIntercomThread,
  resolveRequester: resolveIntercomRequester,
  renderNote: renderIntercomNote,
  postNote: postIntercomNote,
  accountOf: intercomAccountOf,
  oauth: intercomOAuth,
};
