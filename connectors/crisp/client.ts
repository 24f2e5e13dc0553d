// A Crisp REST client per installation, through crisp-api with the plugin tier. The token is the
// installation's own, else the plugin-level one the pipeline fills in (one keypair serves every
// website that installed the plugin). CRISP_API_URL (apiBaseUrl) replaces the REST host.
import { Crisp } from "crisp-api";
import type { InstallationInfo } from "../types";
import { PEOPLE_ID, SESSION_ID, WEBSITE_ID } from "./facts";
import { providerErrorFor, refusedCall } from "./provider-error";

export type CrispClient = {
  readonly sdk: Crisp;
  readonly websiteId: string;
  /** Set when the installation cannot make calls (no token, a bad website id): calls refuse. */
  readonly problem?: string;
};

export function createCrispClient(installation: InstallationInfo, options: { apiBaseUrl?: string } = {}): CrispClient {
  const sdk = new Crisp();
  // crisp-api appends "/v1/…" to the host: tolerate an override that already ends in /v1.
  const host = options.apiBaseUrl?.trim().replace(/\/+$/, "").replace(/\/v1$/, "");
  if (host) sdk.setRestHost(host);
  const { identifier, key } = installation.secrets;
  const websiteId = String(installation.account ?? "").trim().toLowerCase();
  let problem: string | undefined;
  if (!WEBSITE_ID.test(websiteId)) problem = `account "${websiteId.slice(0, 60)}" is not a Crisp website_id`;
  else if (!identifier || !key) problem = "no Crisp plugin token (secrets.identifier and secrets.key, or CRISP_PLUGIN_IDENTIFIER and CRISP_PLUGIN_KEY)";
  else sdk.authenticateTier("plugin", identifier, key);
  return problem === undefined ? { sdk, websiteId } : { sdk, websiteId, problem };
}

/** Runs one SDK call; every failure becomes a ProviderError naming the call. */
export async function callCrisp<T>(client: CrispClient, what: string, call: (sdk: Crisp) => Promise<T>): Promise<T> {
  if (client.problem) throw refusedCall(client.problem);
  try {
    return await call(client.sdk);
  } catch (error) {
    throw providerErrorFor(what, error);
  }
}

/** crisp-api joins ids into the URL path unencoded: only ids of the expected shape are sent. */
export function requireSessionId(ref: string): string {
  const id = String(ref ?? "").trim();
  if (!SESSION_ID.test(id)) throw refusedCall(`session id "${id.slice(0, 60)}" is not session_<uuid>`);
  return id;
}

export function requirePeopleId(ref: string): string {
  const id = String(ref ?? "").trim();
  if (!PEOPLE_ID.test(id)) throw refusedCall(`people id "${id.slice(0, 60)}" is not a Crisp people_id`);
  return id;
}
