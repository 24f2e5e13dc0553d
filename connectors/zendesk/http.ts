// How this connector calls Zendesk, turning every failure into a ProviderError. Every call on
// the hot path goes through requestJson (the client's fetch: Node's, keep-alive): show a ticket,
// show a user, comments with cursor pagination at page[size]=100 and sideloaded users
// (node-zendesk's getComments sends no page size and drops the sideloads), and the note PUT,
// whose `audit` node-zendesk discards though the new comment id is there. Install-time calls
// (users/me, webhooks and their signing secret) go through node-zendesk with viaSdk.
import type { ZendeskClient } from "./client";
import { API_PATH } from "./facts";
import { providerErrorFor, refusedCall } from "./provider-error";

const ZENDESK_ID = /^\d+$/;

/** Ids go into URL paths: only digits, so a hostile id cannot reach another endpoint. */
export function requireId(ref: string, what: string): string {
  const id = String(ref ?? "").trim();
  if (!ZENDESK_ID.test(id)) throw refusedCall(`${what} "${id.slice(0, 40)}" is not a Zendesk id`);
  return id;
}

function requireReady(client: ZendeskClient): void {
  if (client.problem) throw refusedCall(client.problem);
}

/** Path (under the base URL) of an absolute or relative URL, for error messages without hosts. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split("?")[0] ?? url;
  }
}

/** `path` is "/api/v2/…" or an absolute URL already checked to be on the client's base. */
export async function requestJson(client: ZendeskClient, method: "GET" | "PUT" | "DELETE", path: string, body?: unknown): Promise<unknown> {
  requireReady(client);
  const url = /^https?:\/\//.test(path) ? path : `${client.baseUrl}${path}`;
  const what = `${method} ${pathOf(url)}`;
  const headers: Record<string, string> = { Authorization: client.authorization, Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let res: Response;
  try {
    res = await client.fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(client.timeoutMs),
    });
  } catch {
    throw providerErrorFor(what, undefined);
  }
  if (!res.ok) {
    // Drain the body so the connection can be reused; its content is not needed.
    await res.arrayBuffer().catch(() => undefined);
    throw providerErrorFor(what, res.status, res.headers.get("retry-after"));
  }
  if (res.status === 204) return undefined;
  try {
    return await res.json();
  } catch {
    // A 2xx that is not JSON is a proxy or maintenance page: worth another try later.
    throw providerErrorFor(`${what} (body not JSON)`, 502);
  }
}

type SdkResponse = { response?: { status?: number; headers?: { get(name: string): string | null } }; result?: unknown };

/**
 * node-zendesk pitfalls handled here: a response with Retry-After resolves (not rejects) with an
 * Error as `result`; a status outside its table (502, 504…) resolves with whatever body came;
 * thrown errors carry `statusCode` but no headers.
 */
export async function viaSdk(client: ZendeskClient, what: string, call: (sdk: ZendeskClient["sdk"]) => Promise<unknown>): Promise<unknown> {
  requireReady(client);
  let out: SdkResponse;
  try {
    out = (await call(client.sdk)) as SdkResponse;
  } catch (error) {
    const status = (error as { statusCode?: unknown })?.statusCode;
    throw providerErrorFor(what, typeof status === "number" ? status : undefined);
  }
  const status = out?.response?.status;
  const retryAfter = out?.response?.headers?.get("retry-after");
  if (status === undefined) throw providerErrorFor(what, undefined);
  if (status >= 400) throw providerErrorFor(what, status, retryAfter);
  // A 204 (a DELETE) comes back as an Error named "No Content": nothing to read, and no failure.
  if (status === 204) return undefined;
  // The SDK turns any response carrying Retry-After into an Error and drops the body: a rate limit.
  if (out.result instanceof Error) throw providerErrorFor(what, 429, retryAfter);
  return out.result;
}

export const apiPath = (path: string): string => `${API_PATH}${path}`;
