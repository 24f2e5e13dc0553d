// Crisp hook authentication. Plugin hooks: hex HMAC-SHA256 of "[" + timestamp + ";" + body + "]"
// with the plugin's signing secret, constant-time, in a ±5 min window. Website hooks are unsigned:
// a per-installation key in the URL's query string authenticates them.
import { createHmac } from "node:crypto";
import type { InstallationInfo, RawRequest, VerifyResult } from "../types";
import { headerOf, sameBytes } from "../shared/signature";
import { REPLAY_WINDOW_MS, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./facts";

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** Crisp does not document the unit: 12+ digits cannot be seconds before the year 5000, so ms. */
export function parseCrispTimestamp(value: string): number | undefined {
  const text = value.trim();
  if (!/^\d{1,16}$/.test(text)) return undefined;
  return text.length >= 12 ? Number(text) : Number(text) * 1000;
}

export function signCrispBody(secret: string, timestamp: string, body: string | Buffer): string {
  return createHmac("sha256", secret).update(`[${timestamp};`, "utf8").update(body).update("]", "utf8").digest("hex");
}

function sameAsHex(given: Buffer, expectedHex: string): boolean {
  return sameBytes(given, Buffer.from(expectedHex, "hex"));
}

/**
 * Crisp's Go library signs the raw bytes; its Node library and docs sign JSON.stringify of the
 * parsed body. They differ when Crisp escapes what JSON.stringify would not (`\/`, `\u00e9`):
 * the raw bytes are tried first, the re-serialised body second.
 */
function signatureMatches(secret: string, timestamp: string, rawBody: Buffer, given: Buffer): boolean {
  if (sameAsHex(given, signCrispBody(secret, timestamp, rawBody))) return true;
  let reserialised: string;
  try {
    reserialised = JSON.stringify(JSON.parse(rawBody.toString("utf8")));
  } catch {
    return false;
  }
  return sameAsHex(given, signCrispBody(secret, timestamp, reserialised));
}

function verifyHookKey(req: RawRequest, installation: InstallationInfo): VerifyResult {
  const expected = installation.secrets.hookKey;
  const given = req.query.key;
  if (!expected || !given) return { ok: false, code: "bad_key" };
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return sameBytes(a, b) ? { ok: true } : { ok: false, code: "bad_key" };
}

export function verifyCrispRequest(req: RawRequest, installation: InstallationInfo, now: Date): VerifyResult {
  if (installation.settings.mode === "website_hook") return verifyHookKey(req, installation);

  const signature = headerOf(req.headers, SIGNATURE_HEADER)?.trim();
  const timestamp = headerOf(req.headers, TIMESTAMP_HEADER)?.trim();
  if (!signature || !timestamp) return { ok: false, code: "missing_signature" };
  const secret = installation.secrets.signingSecret;
  if (!secret) return { ok: false, code: "bad_key" };
  if (!SHA256_HEX.test(signature)) return { ok: false, code: "bad_signature" };
  if (!signatureMatches(secret, timestamp, req.rawBody ?? Buffer.alloc(0), Buffer.from(signature, "hex"))) {
    return { ok: false, code: "bad_signature" };
  }

  // Checked after the signature so a forged request learns nothing about our clock.
  const signedAt = parseCrispTimestamp(timestamp);
  if (signedAt === undefined || Math.abs(now.getTime() - signedAt) > REPLAY_WINDOW_MS) return { ok: false, code: "stale_timestamp" };
  return { ok: true };
}
