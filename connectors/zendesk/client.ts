// A Zendesk API client per installation: base URL, credentials and the fetch every call goes
// through (http.ts). node-zendesk is built only when a call asks for it (`sdk`, on first use):
// the install-time calls (users/me, webhooks), not the hot path (see http.ts).
import { createClient as createSdkClient, type ZendeskClient as SdkClient } from "node-zendesk";
import type { InstallationInfo } from "../types";
import { API_PATH, REQUEST_TIMEOUT_MS } from "./facts";

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type ZendeskClient = {
  /** e.g. "https://acme.zendesk.com", no trailing slash and no /api/v2. */
  readonly baseUrl: string;
  readonly authorization: string;
  readonly sdk: SdkClient;
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  /** Set when the installation cannot make calls (no credentials, bad subdomain): calls refuse. */
  readonly problem?: string;
};

export type ZendeskClientOptions = { apiBaseUrl?: string; fetch?: FetchLike; timeoutMs?: number };

const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** "acme", "acme.zendesk.com" or "https://acme.zendesk.com/agent/…" → "acme"; anything else → undefined. */
export function subdomainOf(account: string): string | undefined {
  const name = account
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/\/.*$/, "")
    .replace(/\.zendesk\.com$/, "");
  return SUBDOMAIN.test(name) ? name : undefined;
}

/** Where the account's API and OAuth endpoints are: the override (tests) or https://<subdomain>.zendesk.com. */
export function baseUrlOf(installation: Pick<InstallationInfo, "account">, apiBaseUrl: string | undefined): { baseUrl: string } | { problem: string } {
  if (apiBaseUrl && apiBaseUrl.trim() !== "") {
    // The override names the host; tolerate one that already ends in /api/v2.
    return { baseUrl: apiBaseUrl.trim().replace(/\/+$/, "").replace(/\/api\/v2$/, "") };
  }
  const subdomain = subdomainOf(installation.account ?? "");
  // Credentials go only to <subdomain>.zendesk.com: an account value that is not a plain
  // subdomain could point them elsewhere.
  if (!subdomain) return { problem: `account "${String(installation.account).slice(0, 60)}" is not a Zendesk subdomain` };
  return { baseUrl: `https://${subdomain}.zendesk.com` };
}

type Auth = { authorization: string; sdk: { username?: string; token: string; oauth?: boolean } };

function authOf(installation: InstallationInfo): Auth | { problem: string } {
  const { accessToken, apiToken } = installation.secrets;
  if (accessToken) return { authorization: `Bearer ${accessToken}`, sdk: { token: accessToken, oauth: true } };
  const email = installation.settings.email?.trim();
  if (apiToken && email) {
    const basic = Buffer.from(`${email}/token:${apiToken}`, "utf8").toString("base64");
    return { authorization: `Basic ${basic}`, sdk: { username: email, token: apiToken } };
  }
  return { problem: apiToken ? "API token set but settings.email is missing" : "no API token or access token" };
}

export function createZendeskClient(installation: InstallationInfo, options: ZendeskClientOptions = {}): ZendeskClient {
  // Resolved per call so a test's HTTP interceptor, installed after import, is used.
  const fetchFn: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const base = baseUrlOf(installation, options.apiBaseUrl);
  const auth = authOf(installation);
  const problem = "problem" in base ? base.problem : "problem" in auth ? auth.problem : undefined;
  // With a problem, calls refuse before any request (http.ts): these placeholders are never sent.
  const baseUrl = "baseUrl" in base ? base.baseUrl : "https://invalid.zendesk.com";
  const sdkAuth = "sdk" in auth ? auth.sdk : { username: "unset", token: "unset" };
  const makeSdk = (): SdkClient => createSdkClient({
    ...sdkAuth,
    endpointUri: `${baseUrl}${API_PATH}`,
    // Thrown errors keep their statusCode (the default rethrows a bare message).
    throwOriginalException: true,
    // The SDK's own transport has no timeout; this one does, and it is the same fetch as ours.
    transportConfig: {
      transportFn: (uri: string, init: { method?: string; headers?: Record<string, string>; body?: string }) =>
        fetchFn(uri, { method: init.method, headers: init.headers, body: init.body, signal: AbortSignal.timeout(timeoutMs) }),
      responseAdapter: (res: Response) => ({
        json: () => res.json(),
        status: res.status,
        statusText: res.statusText,
        headers: { get: (name: string) => res.headers.get(name) },
      }),
    },
  });
  let sdk: SdkClient | undefined;
  return {
    baseUrl,
    authorization: "authorization" in auth ? auth.authorization : "",
    get sdk() {
      return (sdk ??= makeSdk());
    },
    fetch: fetchFn,
    timeoutMs,
    ...(problem === undefined ? {} : { problem }),
  };
}
