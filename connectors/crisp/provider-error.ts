// Every failed Crisp call becomes one ProviderError: the queue decides from status and wait.
import { ProviderError } from "../types";
import { RATE_LIMIT_WAIT_MS } from "./facts";

/** What crisp-api rejects with: `{ reason, message, code, data: { namespace, message } }`. */
type SdkFailure = { message?: unknown; code?: unknown; data?: { namespace?: unknown; message?: unknown } };

const RATE_LIMITED = new Set([420, 429]);

/**
 * A daily plugin quota that has run out resets the next day: retrying within the queue's minutes
 * only burns attempts. Crisp's error reason for it is not documented; any rate-limit answer
 * naming a quota is taken for it.
 */
export function isQuotaExhausted(status: number | undefined, detail: string): boolean {
  return status !== undefined && RATE_LIMITED.has(status) && /quota/i.test(detail);
}

function statusOf(failure: SdkFailure): number | undefined {
  // crisp-api reports a network failure or timeout as code 500 in the "request" namespace.
  if (failure?.data?.namespace === "request") return undefined;
  return typeof failure?.code === "number" ? failure.code : undefined;
}

/** `what` names the call ("GET conversation messages"); it never carries a secret or a host. */
export function providerErrorFor(what: string, error: unknown): ProviderError {
  const failure = (typeof error === "object" && error !== null ? error : {}) as SdkFailure;
  const status = statusOf(failure);
  const detail = [failure.message, failure.data?.message].filter((m): m is string => typeof m === "string").join(" ").slice(0, 200);
  if (isQuotaExhausted(status, detail)) {
    return new ProviderError(
      `crisp ${what} failed: HTTP ${status}, the plugin's daily API quota is used up (${detail}); it resets daily, so this delivery is not retried`,
      status,
      undefined,
      false,
    );
  }
  const reason = status === undefined ? "no response" : `HTTP ${status}${detail ? ` (${detail})` : ""}`;
  if (status !== undefined && RATE_LIMITED.has(status)) return new ProviderError(`crisp ${what} failed: ${reason}`, status, RATE_LIMIT_WAIT_MS, true);
  // Retryable: no answer and 5xx. 401/403 (token revoked, plugin removed), 404 and other 4xx are not.
  const retryable = status === undefined || status >= 500;
  return new ProviderError(`crisp ${what} failed: ${reason}`, status, undefined, retryable);
}

/** A call we refuse to make (no token, an id of the wrong shape): never retried. */
export function refusedCall(message: string): ProviderError {
  return new ProviderError(`crisp: ${message}`, undefined, undefined, false);
}
