// Every failed Intercom call becomes one ProviderError: the queue decides from status and wait.
import { IntercomError, IntercomTimeoutError } from "intercom-client";
import { ProviderError } from "../types";

/** Clocks differ and the window reopens within that second: never ask for less than this. */
const MIN_WAIT_MS = 1000;

/**
 * `X-RateLimit-Reset` is the unix time (seconds) the rate-limit window reopens: wait until then.
 * Milliseconds (13 digits) are tolerated, in case a proxy rewrites it. Pure: `nowMs` is passed in.
 */
export function retryAfterMsFromReset(header: string | null | undefined, nowMs: number): number | undefined {
  const text = header?.trim();
  if (!text || !/^\d+$/.test(text)) return undefined;
  const atMs = text.length >= 12 ? Number(text) : Number(text) * 1000;
  return Math.max(MIN_WAIT_MS, Math.ceil(atMs - nowMs));
}

/**
 * Retryable: no answer (network, timeout), 409, 429 and 5xx. Not retryable: 401/403 (token
 * revoked, app uninstalled), 404 (conversation or contact gone), 422 and other 4xx.
 */
export function isRetryableStatus(status: number | undefined): boolean {
  return status === undefined || status === 409 || status === 429 || status >= 500;
}

/** `what` names the call ("GET /conversations/{id}"); it never carries a token or a body. */
export function providerErrorFor(what: string, status: number | undefined, retryAfterMs?: number): ProviderError {
  const reason = status === undefined ? "no response" : `HTTP ${status}`;
  return new ProviderError(`intercom ${what} failed: ${reason}`, status, retryAfterMs, isRetryableStatus(status));
}

/** What the SDK threw, once its own retries are spent, as a ProviderError. Other errors are bugs: rethrown. */
export function fromSdkError(what: string, error: unknown, nowMs: number): unknown {
  if (error instanceof IntercomTimeoutError) return providerErrorFor(`${what} (timeout)`, undefined);
  if (!(error instanceof IntercomError)) return error;
  const status = typeof error.statusCode === "number" ? error.statusCode : undefined;
  const reset = status === 429 ? error.rawResponse?.headers?.get("x-ratelimit-reset") : undefined;
  return providerErrorFor(what, status, retryAfterMsFromReset(reset, nowMs));
}

/** A call we refuse to make (bad installation settings, an unusable id): never retried. */
export function refusedCall(message: string): ProviderError {
  return new ProviderError(`intercom: ${message}`, undefined, undefined, false);
}
