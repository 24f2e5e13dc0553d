import { ProviderError } from "../../../connectors/types";
import { backoffMs, decideRetry, MAX_ATTEMPTS, MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS, PermanentJobError } from "../../../src/queue/retry";

const mid = () => 0.5; // no jitter
const low = () => 0; // −20 %
const high = () => 0.999999; // +20 %

describe("decideRetry", () => {
  it.each<[string, unknown, number, () => number, { retry: boolean; waitMs: number }]>([
    ["retryable 500, first attempt", new ProviderError("server error", 500), 1, mid, { retry: true, waitMs: 1000 }],
    ["retryable 503, third attempt doubles twice", new ProviderError("unavailable", 503), 3, mid, { retry: true, waitMs: 4000 }],
    ["429 with Retry-After 2000 ms is honoured exactly", new ProviderError("slow down", 429, 2000), 1, high, { retry: true, waitMs: 2000 }],
    ["Retry-After 0 retries at once", new ProviderError("slow down", 429, 0), 2, mid, { retry: true, waitMs: 0 }],
    ["Retry-After of an hour is capped at 10 minutes", new ProviderError("slow down", 429, 3_600_000), 1, mid, { retry: true, waitMs: MAX_RETRY_AFTER_MS }],
    ["a negative Retry-After is ignored: backoff", new ProviderError("slow down", 429, -5), 1, mid, { retry: true, waitMs: 1000 }],
    ["non-retryable 404: no retry", new ProviderError("ticket gone", 404), 1, mid, { retry: false, waitMs: 0 }],
    ["non-retryable 401 even with Retry-After", new ProviderError("uninstalled", 401, 1000), 1, mid, { retry: false, waitMs: 0 }],
    ["a 500 marked not retryable by its connector", new ProviderError("bad state", 500, undefined, false), 1, mid, { retry: false, waitMs: 0 }],
    ["PermanentJobError: no retry", new PermanentJobError("tenant deleted"), 1, mid, { retry: false, waitMs: 0 }],
    ["plain Error: backoff, −20 % jitter", new Error("socket hang up"), 1, low, { retry: true, waitMs: 800 }],
    ["plain Error: backoff, +20 % jitter", new Error("socket hang up"), 2, high, { retry: true, waitMs: 2400 }],
    ["a thrown string is retried like an Error", "boom", 1, mid, { retry: true, waitMs: 1000 }],
    ["network error (no status) is retryable", new ProviderError("ECONNRESET", undefined), 4, mid, { retry: true, waitMs: 8000 }],
    [`attempt ${MAX_ATTEMPTS}: no retry`, new ProviderError("server error", 500), MAX_ATTEMPTS, mid, { retry: false, waitMs: 0 }],
    [`attempt ${MAX_ATTEMPTS} with Retry-After: no retry`, new ProviderError("slow down", 429, 50), MAX_ATTEMPTS, mid, { retry: false, waitMs: 0 }],
    ["attempt past the maximum: no retry", new Error("x"), MAX_ATTEMPTS + 3, mid, { retry: false, waitMs: 0 }],
  ])("%s", (_name, error, attempt, rand, expected) => {
    const decision = decideRetry(error, attempt, rand);
    expect({ retry: decision.retry, waitMs: decision.waitMs }).toEqual(expected);
    expect(decision.reason).toMatch(/\w/);
  });

  it.each<[string, unknown, number, RegExp]>([
    ["429", new ProviderError("slow down", 429, 2000), 1, /^retry-after 2000 ms \(429\)$/],
    ["404", new ProviderError("gone", 404), 1, /^not retryable \(404\)$/],
    ["permanent", new PermanentJobError("no tenant"), 1, /^permanent/],
    ["out of attempts", new Error("x"), MAX_ATTEMPTS, /^gave up after 5 attempts$/],
    ["backoff", new Error("x"), 2, /^backoff 2000 ms after attempt 2$/],
  ])("reason for %s reads well", (_name, error, attempt, reason) => {
    expect(decideRetry(error, attempt, mid).reason).toMatch(reason);
  });

  it("jitter stays within ±20 % of the exponential delay", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 500; i++) {
      const { waitMs } = decideRetry(new Error("x"), 3, rand);
      expect(waitMs).toBeGreaterThanOrEqual(3200);
      expect(waitMs).toBeLessThanOrEqual(4800);
    }
  });
});

describe("backoffMs", () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [5, 16_000],
    [9, 256_000],
    [10, MAX_BACKOFF_MS], // 512 s capped at 5 minutes
    [40, MAX_BACKOFF_MS],
  ])("attempt %i waits %i ms without jitter", (attempt, expected) => {
    expect(backoffMs(attempt, mid)).toBe(expected);
  });

  it("caps after jitter, so the cap is never exceeded", () => {
    expect(backoffMs(9, high)).toBe(MAX_BACKOFF_MS); // 256 s + 20 % > 300 s
  });
});
