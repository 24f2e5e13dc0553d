// Every failed Zendesk call becomes one ProviderError: the queue decides from status and wait.
import { ProviderError } from "../types";

/** `Retry-After: <seconds>` (Zendesk sends whole seconds; fractions are tolerated) → ms. */
export function retryAfterMs(header: string | null | undefined): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  return Math.ceil(Number(text) * 1000);
}

/**
 * Retryable: no answer (network, timeout), 409 (Zendesk's answer to two concurrent updates of
 * one ticket), 429 and 5xx. Not retryable: 401/403 (token revoked, app uninstalled), 404 (ticket
 * or user gone), 422 and other 4xx, which a retry cannot fix.
 */
export function isRetryableStatus(status: number | undefined): boolean {
  return status === undefined || status === 409 || status === 429 || status >= 500;
}

/** `what` names the call ("GET /api/v2/tickets/5158.json"); it never carries a secret. */
export function providerErrorFor(what: string, status: number | undefined, retryAfter?: string | null): ProviderError {
  const reason = status === undefined ? "no response" : `HTTP ${status}`;
  return new ProviderError(`zendesk ${what} failed: ${reason}`, status, retryAfterMs(retryAfter), isRetryableStatus(status));
}

/** A call we refuse to make (bad installation settings, an id that is not a number): never retried. */
export function refusedCall(message: string): ProviderError {
  return new ProviderError(`zendesk: ${message}`, undefined, undefined, false);
}
