// API keys are `mem_` + 32 random base62 characters. Only a sha256 of the key is stored:
// the key is shown once, when it is made. (sha256 and not a slow hash: the key is 190 bits
// of randomness, so there is nothing to brute-force, and every /v1 request checks one.)
import { createHash, randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const API_KEY_PATTERN = /^mem_[0-9A-Za-z]{32}$/;

export function generateApiKey(): string {
  let out = "";
  // rejection sampling keeps every character equally likely
  while (out.length < 32) {
    for (const b of randomBytes(48)) {
      if (b < 248 && out.length < 32) out += ALPHABET[b % 62];
    }
  }
  return `mem_${out}`;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** What listings show of a key: enough to tell keys apart, too little to use. */
export function keyPrefix(key: string): string {
  return key.slice(0, 8);
}
