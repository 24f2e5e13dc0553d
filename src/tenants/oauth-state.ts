// The OAuth `state` of a one-click install: signed (HMAC-SHA256 with a key derived from the
// master key), valid for ten minutes, accepted once, and binding the tenant, the helpdesk and
// the account (e.g. a subdomain) the consent was asked for. It carries no secret.
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import type { Database } from "../db/client";

export const STATE_TTL_MS = 10 * 60 * 1000;

export type StateClaims = { tenantId: string; provider: string; account?: string; nonce: string; expiresAt: number };

export type StateCheck = { ok: true; claims: StateClaims } | { ok: false; code: "bad_state" | "expired_state" | "replayed_state" | "wrong_tenant"; message: string };

/** A key of its own, so the encryption key never signs anything a browser carries. */
export function stateKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey, "helpdesk-memory", "oauth-state v1", 32));
}

export function issueState(key: Buffer, claims: { tenantId: string; provider: string; account?: string }, now: Date): string {
  const full: StateClaims = { ...claims, nonce: randomBytes(16).toString("base64url"), expiresAt: now.getTime() + STATE_TTL_MS };
  const payload = Buffer.from(JSON.stringify(full), "utf8").toString("base64url");
  return `${payload}.${sign(key, payload)}`;
}

/** Pure: the claims if the signature holds and the state has not expired. Use consumeState after. */
export function readState(key: Buffer, state: string | undefined, now: Date): StateCheck {
  const bad = (message: string): StateCheck => ({ ok: false, code: "bad_state", message });
  if (!state) return bad("state is required");
  const dot = state.indexOf(".");
  if (dot <= 0 || state.length > 2048) return bad("state is not one this service issued");
  const payload = state.slice(0, dot);
  const given = Buffer.from(state.slice(dot + 1), "base64url");
  const expected = Buffer.from(sign(key, payload), "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return bad("state is not one this service issued");
  let claims: StateClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as StateClaims;
  } catch {
    return bad("state is not one this service issued");
  }
  if (typeof claims.tenantId !== "string" || typeof claims.nonce !== "string" || typeof claims.expiresAt !== "number") return bad("state is not one this service issued");
  if (now.getTime() > claims.expiresAt) return { ok: false, code: "expired_state", message: "state has expired: start the install again" };
  return { ok: true, claims };
}

/** Marks the state used; false when it already was (a replay). Old marks are cleared on the way. */
export async function consumeState(db: Database, claims: StateClaims, now: Date): Promise<boolean> {
  // a mark is needed only while the state could still be accepted
  await db.sql.query(`DELETE FROM oauth_state_uses WHERE expires_at < $1`, [new Date(now.getTime() - STATE_TTL_MS).toISOString()]);
  const rows = await db.sql.query(
    `INSERT INTO oauth_state_uses (nonce, expires_at, used_at) VALUES ($1, $2, $3) ON CONFLICT (nonce) DO NOTHING RETURNING nonce`,
    [claims.nonce, new Date(claims.expiresAt).toISOString(), now.toISOString()],
  );
  return rows.length === 1;
}

function sign(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(payload, "utf8").digest("base64url");
}
