// The OAuth token endpoint call both Zendesk and Intercom make (code exchange, refresh): one
// POST, a bounded wait, and the answer read as tokens, a refusal for good, or a ProviderError.
import { ProviderError, type OAuthTokens } from "../types";
import { isRecord } from "./fields";

export type TokenCall = {
  /** e.g. "zendesk", for error messages. */
  provider: string;
  url: string;
  body: Record<string, string | number>;
  /** Intercom's endpoint takes a form; Zendesk's takes JSON. */
  encoding: "json" | "form";
  now: Date;
  timeoutMs?: number;
};

export type TokenAnswer = { ok: true; tokens: OAuthTokens } | { ok: false; error: string; status: number };

const TIMEOUT_MS = 15_000;
const REFRESH_EARLY_MS = 5 * 60 * 1000;

/**
 * A 4xx with an OAuth `error` (invalid_grant, invalid_client…) comes back as a value: the
 * caller decides what it means. No answer, a 5xx or a 2xx without a token is a ProviderError
 * (retryable unless it is a 2xx, which a retry will not change). Nothing secret is in messages.
 */
export async function callTokenEndpoint(call: TokenCall): Promise<TokenAnswer> {
  const what = `${call.provider} POST ${new URL(call.url).pathname}`;
  const body =
    call.encoding === "json"
      ? JSON.stringify(call.body)
      : new URLSearchParams(Object.entries(call.body).map(([k, v]) => [k, String(v)])).toString();
  let res: Response;
  try {
    res = await globalThis.fetch(call.url, {
      method: "POST",
      headers: { "Content-Type": call.encoding === "json" ? "application/json" : "application/x-www-form-urlencoded", Accept: "application/json" },
      body,
      signal: AbortSignal.timeout(call.timeoutMs ?? TIMEOUT_MS),
    });
  } catch {
    throw new ProviderError(`${what} failed: no response`, undefined);
  }
  const json: unknown = await res.json().catch(() => undefined);
  if (res.status >= 400 && res.status < 500) {
    const error = isRecord(json) && typeof json.error === "string" ? json.error : `http_${res.status}`;
    return { ok: false, error, status: res.status };
  }
  if (!res.ok) throw new ProviderError(`${what} failed: HTTP ${res.status}`, res.status);
  const tokens = isRecord(json) ? tokensOf(json, call.now) : undefined;
  if (!tokens) throw new ProviderError(`${what} answered without an access token`, res.status, undefined, false);
  return { ok: true, tokens };
}

/** `access_token` (Intercom also sends it as `token`), `refresh_token`, `expires_in` seconds. */
function tokensOf(json: Record<string, unknown>, now: Date): OAuthTokens | undefined {
  const access = typeof json.access_token === "string" ? json.access_token : typeof json.token === "string" ? json.token : undefined;
  if (!access) return undefined;
  const tokens: OAuthTokens = { accessToken: access };
  if (typeof json.refresh_token === "string" && json.refresh_token !== "") tokens.refreshToken = json.refresh_token;
  const expiresIn = Number(json.expires_in);
  if (json.expires_in !== undefined && json.expires_in !== null && Number.isFinite(expiresIn) && expiresIn > 0) {
    tokens.expiresAt = new Date(now.getTime() + expiresIn * 1000).toISOString();
    // five minutes early, or half-way for a short-lived token: never a refresh before every call
    tokens.refreshAt = new Date(now.getTime() + expiresIn * 1000 - Math.min(REFRESH_EARLY_MS, (expiresIn * 1000) / 2)).toISOString();
  }
  return tokens;
}
