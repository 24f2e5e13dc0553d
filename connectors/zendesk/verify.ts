// Zendesk webhook signatures: base64(HMAC-SHA256(secret, timestamp + rawBody)), checked on the
// raw bytes, constant-time, after a length check; the signed timestamp bounds replays.
import { createHmac } from "node:crypto";
import type { InstallationInfo, RawRequest, VerifyResult } from "../types";
import { headerOf, sameBytes } from "../shared/signature";
import { REPLAY_WINDOW_MS, SIGNATURE_HEADER, SIGNATURE_TIMESTAMP_HEADER } from "./facts";

const SHA256_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The anatomy page shows ISO-8601 (`2021-03-25T05:09:27Z`). Epoch seconds or milliseconds are
 * accepted too, in case a proxy or an older webhook sends them. Returns epoch ms or undefined.
 */
export function parseSignatureTimestamp(value: string): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    // 12+ digits cannot be seconds before the year 5000: they are milliseconds.
    return text.length >= 12 ? n : n * 1000;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

export function signZendeskBody(secret: string, timestamp: string, rawBody: Buffer): string {
  // The secret is used as its literal UTF-8 bytes, though it looks like base64: Zendesk does so.
  // Timestamp and body are signed with no separator.
  return createHmac("sha256", Buffer.from(secret, "utf8")).update(timestamp, "utf8").update(rawBody).digest("base64");
}

export function verifyZendeskSignature(req: RawRequest, installation: InstallationInfo, now: Date): VerifyResult {
  const signature = headerOf(req.headers, SIGNATURE_HEADER);
  const timestamp = headerOf(req.headers, SIGNATURE_TIMESTAMP_HEADER);
  if (!signature || !timestamp) return { ok: false, code: "missing_signature" };
  const secret = installation.secrets.signingSecret;
  if (!secret) return { ok: false, code: "bad_key" };

  const given = signature.trim();
  if (!BASE64.test(given)) return { ok: false, code: "bad_signature" };
  const givenBytes = Buffer.from(given, "base64");
  if (givenBytes.length !== SHA256_BYTES) return { ok: false, code: "bad_signature" };
  const expected = Buffer.from(signZendeskBody(secret, timestamp, req.rawBody ?? Buffer.alloc(0)), "base64");
  if (!sameBytes(givenBytes, expected)) return { ok: false, code: "bad_signature" };

  // Checked after the signature so a forged request learns nothing about our clock.
  // A genuine signature over a timestamp we cannot read is still not a fresh request.
  const signedAt = parseSignatureTimestamp(timestamp);
  if (signedAt === undefined) return { ok: false, code: "stale_timestamp" };
  if (Math.abs(now.getTime() - signedAt) > REPLAY_WINDOW_MS) return { ok: false, code: "stale_timestamp" };
  return { ok: true };
}
