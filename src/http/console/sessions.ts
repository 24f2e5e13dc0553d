// Console sessions, one-time sign-in links and the failed sign-in limiter, kept in the api
// process's memory: a restart signs everyone out, and two api processes do not share them.
// That fits how the service runs: one api process (docker-compose scales the worker, not the
// api); several api replicas behind a balancer would need sticky sessions or a shared store.
// A session ends on sign-out, after 12 h idle, or 7 days after sign-in, whichever comes first.
// A session holds the tenant and the API key it was opened with (re-checked on every request,
// so revoking the key ends it) and its CSRF token; the key itself is never kept.
import { randomBytes, timingSafeEqual } from "node:crypto";

export type Session = { id: string; tenantId: string; keyId: string; csrf: string; expiresAt: number; endsAt: number };

export const SESSION_COOKIE = "hm_session";
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60_000;
export const LINK_TTL_MS = 24 * 60 * 60_000;
const FAILURE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILED_SIGN_INS = 5;

export type ConsoleSessions = ReturnType<typeof createConsoleSessions>;

export function createConsoleSessions(clock: () => number = Date.now) {
  const sessions = new Map<string, Session>();
  const links = new Map<string, { tenantId: string; keyId: string; expiresAt: number }>();
  const failures = new Map<string, number[]>();

  const token = () => randomBytes(32).toString("base64url");
  const sweep = () => {
    const now = clock();
    for (const [id, s] of sessions) if (s.expiresAt <= now) sessions.delete(id);
    for (const [id, l] of links) if (l.expiresAt <= now) links.delete(id);
  };

  return {
    open(tenantId: string, keyId: string): Session {
      sweep();
      const s = { id: token(), tenantId, keyId, csrf: token(), expiresAt: clock() + SESSION_IDLE_MS, endsAt: clock() + SESSION_MAX_MS };
      sessions.set(s.id, s);
      return s;
    },
    /** The live session for a cookie value, its idle timer restarted (up to its end); null when unknown or expired. */
    find(id: string | undefined): Session | null {
      if (!id) return null;
      const s = sessions.get(id);
      if (!s) return null;
      if (s.expiresAt <= clock()) {
        sessions.delete(id);
        return null;
      }
      s.expiresAt = Math.min(clock() + SESSION_IDLE_MS, s.endsAt);
      return s;
    },
    close(id: string): void {
      sessions.delete(id);
    },
    /** Ends every session opened with this key (the key was revoked). */
    closeForKey(keyId: string): void {
      for (const [id, s] of sessions) if (s.keyId === keyId) sessions.delete(id);
    },
    /** A one-time sign-in token for the console link printed at first start. */
    issueLink(tenantId: string, keyId: string): string {
      const t = token();
      links.set(t, { tenantId, keyId, expiresAt: clock() + LINK_TTL_MS });
      return t;
    },
    /** Consumes a link token: it signs in once. */
    redeemLink(t: string): { tenantId: string; keyId: string } | null {
      const l = links.get(t);
      links.delete(t);
      return l && l.expiresAt > clock() ? { tenantId: l.tenantId, keyId: l.keyId } : null;
    },
    /** Seconds until `client` may try again, or 0 when it may sign in now. */
    lockedFor(client: string): number {
      const now = clock();
      const recent = (failures.get(client) ?? []).filter((t) => t > now - FAILURE_WINDOW_MS);
      failures.set(client, recent);
      if (recent.length < MAX_FAILED_SIGN_INS) return 0;
      return Math.ceil((recent[0]! + FAILURE_WINDOW_MS - now) / 1000);
    },
    recordFailure(client: string): void {
      const list = failures.get(client) ?? [];
      list.push(clock());
      failures.set(client, list.slice(-MAX_FAILED_SIGN_INS));
      if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
    },
  };
}

export function sameToken(a: string | undefined, b: string): boolean {
  if (typeof a !== "string") return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    const name = part.slice(0, i).trim();
    if (name && !(name in out)) out[name] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

export function sessionCookie(value: string, opts: { secure: boolean; maxAgeSeconds?: number }): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    ...(opts.secure ? ["Secure"] : []),
    ...(opts.maxAgeSeconds !== undefined ? [`Max-Age=${opts.maxAgeSeconds}`] : []),
  ].join("; ");
}
