// Intercom webhook signatures: `X-Hub-Signature: sha1=<hex>`, HMAC-SHA1 of the raw body keyed
// with the app's client secret, checked on the raw bytes, constant-time, after a length check.
// Intercom signs no timestamp, so there is no replay window: the notification id dedupes.
import { createHmac } from "node:crypto";
import type { InstallationInfo, RawRequest, VerifyResult } from "../types";
import { headerOf, sameBytes } from "../shared/signature";
import { SIGNATURE_HEADER } from "./facts";

const SHA1_HEX = /^sha1=([0-9a-f]{40})$/i;

/** The header value Intercom sends for `rawBody`: "sha1=" + lowercase hex. */
export function signIntercomBody(clientSecret: string, rawBody: Buffer): string {
  return `sha1=${createHmac("sha1", Buffer.from(clientSecret, "utf8")).update(rawBody).digest("hex")}`;
}

// `now` is part of the Connector contract; Intercom signs no time, so it is not used.
export function verifyIntercomSignature(req: RawRequest, installation: InstallationInfo, _now?: Date): VerifyResult {
  const header = headerOf(req.headers, SIGNATURE_HEADER);
  if (!header) return { ok: false, code: "missing_signature" };
  const secret = installation.secrets.clientSecret;
  if (!secret) return { ok: false, code: "bad_key" };

  // The regex is the length check: exactly 40 hex digits, so both buffers are 20 bytes.
  const match = SHA1_HEX.exec(header.trim());
  if (!match) return { ok: false, code: "bad_signature" };
  const given = Buffer.from(match[1]!.toLowerCase(), "hex");
  const expected = createHmac("sha1", Buffer.from(secret, "utf8")).update(req.rawBody ?? Buffer.alloc(0)).digest();
  if (!sameBytes(given, expected)) return { ok: false, code: "bad_signature" };
  return { ok: true };
}
