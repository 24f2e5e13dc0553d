// The Crisp connector: the only code that knows Crisp's hooks, payloads, SDK and markup.
import type { Connector } from "../types";
import { createCrispClient, type CrispClient } from "./client";
import { crispDedupeKey } from "./dedupe-key";
import { crispFacts } from "./facts";
import { crispInstallation, crispSettings, crispTicketUrl } from "./installation";
import { isCrispOwnEcho } from "./own-echo";
import { parseCrispBody } from "./parse";
import { postCrispNote } from "./post-note";
import { renderCrispNote } from "./render-note";
import { resolveCrispRequester } from "./requester";
import { crispAccountOf, crispLifecycle } from "./routing";
import { fetchCrispThread } from "./thread";
import { verifyCrispRequest } from "./verify";

export type { CrispClient };

export const crispConnector: Connector<CrispClient> = {
  provider: "crisp",
  displayName: "Crisp",
  facts: crispFacts,
  installation: crispInstallation,
  settings: crispSettings,
  ticketUrl: crispTicketUrl,
  verify: verifyCrispRequest,
  parse: parseCrispBody,
  dedupeKey: crispDedupeKey,
  isOwnEcho: isCrispOwnEcho,
  createClient: (installation, apiBaseUrl) => createCrispClient(installation, { apiBaseUrl }),
  fetchThread: fetchCrispThread,
  resolveRequester: resolveCrispRequester,
  renderNote: renderCrispNote,
  postNote: postCrispNote,
  accountOf: crispAccountOf,
  lifecycle: crispLifecycle,
};
