// Whether and when a failed delivery runs again. Pure: both queue drivers call it with the
// error the job threw, so a helpdesk's Retry-After is honoured the same way everywhere.

export const MAX_ATTEMPTS = 5;
/** A helpdesk may ask for a long pause; beyond this we would rather retry and ask again. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;
export const MAX_BACKOFF_MS = 5 * 60_000;
const BASE_BACKOFF_MS = 1000;
const JITTER = 0.2;

/** Thrown by a job for a failure no retry can fix (the delivery's tenant is gone…). */
export class PermanentJobError extends Error {
  readonly permanent = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentJobError";
  }
}

export type RetryDecision = { retry: boolean; waitMs: number; reason: string };

/**
 * attempt is 1-based: the attempt that just failed. The error is read by shape, not by
 * class (ProviderError's `retryable` / `retryAfterMs` / `status`, PermanentJobError's
 * `permanent`), so errors wrapped or re-created by another module still decide the same.
 */
export function decideRetry(error: unknown, attempt: number, rand: () => number = Math.random): RetryDecision {
  const e = (typeof error === "object" && error !== null ? error : {}) as {
    permanent?: unknown;
    retryable?: unknown;
    retryAfterMs?: unknown;
    status?: unknown;
  };
  const status = typeof e.status === "number" ? ` (${e.status})` : "";
  if (e.permanent === true) return { retry: false, waitMs: 0, reason: "permanent error" };
  if (e.retryable === false) return { retry: false, waitMs: 0, reason: `not retryable${status}` };
  if (attempt >= MAX_ATTEMPTS) return { retry: false, waitMs: 0, reason: `gave up after ${attempt} attempts` };
  const retryAfter = e.retryAfterMs;
  if (typeof retryAfter === "number" && Number.isFinite(retryAfter) && retryAfter >= 0) {
    const waitMs = Math.min(Math.round(retryAfter), MAX_RETRY_AFTER_MS);
    return { retry: true, waitMs, reason: `retry-after ${waitMs} ms${status}` };
  }
  const waitMs = backoffMs(attempt, rand);
  return { retry: true, waitMs, reason: `backoff ${waitMs} ms after attempt ${attempt}${status}` };
}

/** 1 s · 2^(attempt−1), ±20 % so deliveries that failed together do not retry together. */
export function backoffMs(attempt: number, rand: () => number = Math.random): number {
  const base = BASE_BACKOFF_MS * 2 ** Math.max(0, attempt - 1);
  const jittered = base * (1 + (rand() * 2 - 1) * JITTER);
  return Math.round(Math.min(jittered, MAX_BACKOFF_MS));
}
