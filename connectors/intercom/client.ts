// An Intercom API client per installation: intercom-client on the workspace's regional host
// (or the INTERCOM_API_URL override), with the SDK's own retries bounded (see facts.ts).
import { IntercomClient as SdkClient } from "intercom-client";
import type { InstallationInfo } from "../types";
import { REGION_HOSTS, REQUEST_TIMEOUT_SECONDS, SDK_MAX_RETRIES, type Region } from "./facts";
import { fromSdkError, refusedCall } from "./provider-error";

export type IntercomClient = {
  readonly sdk: SdkClient;
  /** e.g. "https://api.eu.intercom.io", no trailing slash. */
  readonly baseUrl: string;
  /** Our notes' author (settings.adminId). */
  readonly adminId?: string;
  /** For X-RateLimit-Reset, which is a point in time. */
  readonly now: () => number;
  /** Set when the installation cannot make calls (no token, unknown region): calls refuse. */
  readonly problem?: string;
};

export type IntercomClientOptions = {
  apiBaseUrl?: string;
  fetch?: typeof fetch;
  maxRetries?: number;
  timeoutSeconds?: number;
  now?: () => number;
};

function baseUrlOf(installation: InstallationInfo, apiBaseUrl: string | undefined): { baseUrl: string } | { problem: string } {
  if (apiBaseUrl && apiBaseUrl.trim() !== "") return { baseUrl: apiBaseUrl.trim().replace(/\/+$/, "") };
  const region = (installation.settings.region ?? "us").trim().toLowerCase();
  // The token goes only to one of Intercom's own hosts.
  if (!Object.hasOwn(REGION_HOSTS, region)) return { problem: `settings.region "${region.slice(0, 20)}" is not one of us, eu, au` };
  return { baseUrl: REGION_HOSTS[region as Region] };
}

export function createIntercomClient(installation: InstallationInfo, options: IntercomClientOptions = {}): IntercomClient {
  const base = baseUrlOf(installation, options.apiBaseUrl);
  const token = installation.secrets.accessToken?.trim();
  const problem = "problem" in base ? base.problem : !token ? "no access token (secrets.accessToken)" : undefined;
  // With a problem, calls refuse before any request (callSdk): these placeholders are never sent.
  const baseUrl = "baseUrl" in base ? base.baseUrl : REGION_HOSTS.us;
  // Resolved per call so a test's HTTP interceptor, installed after import, is used.
  const fetchFn = options.fetch ?? (((input, init) => globalThis.fetch(input, init)) as typeof fetch);
  const sdk = new SdkClient({
    token: token || "unset",
    baseUrl,
    maxRetries: options.maxRetries ?? SDK_MAX_RETRIES,
    timeoutInSeconds: options.timeoutSeconds ?? REQUEST_TIMEOUT_SECONDS,
    fetch: fetchFn,
  });
  const adminId = installation.settings.adminId?.trim() || undefined;
  const client: IntercomClient = { sdk, baseUrl, now: options.now ?? Date.now, ...(adminId ? { adminId } : {}) };
  return problem === undefined ? client : { ...client, problem };
}

/** Runs one SDK call; whatever fails comes out as a ProviderError (bugs excepted). */
export async function callSdk<T>(client: IntercomClient, what: string, call: (sdk: SdkClient) => Promise<T>): Promise<T> {
  if (client.problem) throw refusedCall(client.problem);
  try {
    return await call(client.sdk);
  } catch (error) {
    throw fromSdkError(what, error, client.now());
  }
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Ids go into URL paths: plain tokens only, so a hostile id cannot reach another endpoint. */
export function requireId(ref: string, what: string): string {
  const id = String(ref ?? "").trim();
  if (!ID.test(id)) throw refusedCall(`${what} "${id.slice(0, 40)}" is not an Intercom id`);
  return id;
}
