// Encryption at rest for helpdesk credentials and webhook secrets, and the keyed hash that
// stands in for an e-mail address. One 32-byte master key feeds both; nothing here logs.
import fs from "node:fs";
import path from "node:path";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

export class MasterKeyError extends Error {
  override name = "MasterKeyError";
}

export class SecretsError extends Error {
  override name = "SecretsError";
}

export type MasterKeySource = {
  /** MASTER_KEY as configured: 64 hex characters, or any passphrase of 32+ characters. */
  masterKey?: string;
  /** DATA_DIR: where the embedded default keeps its generated key. */
  dataDir: string;
  /** True on the embedded default (no DATABASE_URL). */
  embedded: boolean;
};

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const KEY_FILE = "master.key";

/**
 * The master key, in this order:
 * - MASTER_KEY of 64 hex characters: those 32 bytes, as is;
 * - any other MASTER_KEY of 32+ characters: 32 bytes derived with HKDF-SHA256 (fixed salt
 *   and info below), so a long passphrase works too — changing them would orphan every
 *   stored secret;
 * - no MASTER_KEY on the embedded default: `<dataDir>/master.key`, generated (mode 0600) on
 *   first use so `npm start` needs no set-up, and reused afterwards;
 * - no MASTER_KEY with PostgreSQL: an error, because a key generated on one host would
 *   leave the other api/worker processes unable to read what it encrypted.
 */
export function loadMasterKey(source: MasterKeySource): Buffer {
  const configured = source.masterKey?.trim();
  if (configured) return keyFromString(configured, "MASTER_KEY");
  if (!source.embedded) {
    throw new MasterKeyError("MASTER_KEY is required when DATABASE_URL is set: generate one with `openssl rand -hex 32`");
  }
  return loadOrCreateKeyFile(path.join(source.dataDir, KEY_FILE));
}

function keyFromString(value: string, origin: string): Buffer {
  if (HEX_KEY.test(value)) return Buffer.from(value, "hex");
  if (value.length < 32) {
    throw new MasterKeyError(`${origin} must be 64 hex characters or a passphrase of at least 32 characters: generate one with \`openssl rand -hex 32\``);
  }
  return Buffer.from(hkdfSync("sha256", value, "helpdesk-memory", "master-key v1", 32));
}

function loadOrCreateKeyFile(file: string): Buffer {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      // "wx": when two processes start together, the second one reads the first one's key
      fs.writeFileSync(file, randomBytes(32).toString("hex") + "\n", { mode: 0o600, flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  const value = fs.readFileSync(file, "utf8").trim();
  if (!HEX_KEY.test(value)) throw new MasterKeyError(`${file} does not hold a 64-hex-character key; restore it or set MASTER_KEY`);
  return Buffer.from(value, "hex");
}

const VERSION = "v1";

function checkKey(key: Buffer): void {
  if (key.length !== 32) throw new SecretsError("the master key must be 32 bytes");
}

/** AES-256-GCM of the JSON of `value`, as `v1:<iv>:<tag>:<ciphertext>` (base64url parts). */
export function encryptSecrets(key: Buffer, value: object): string {
  checkKey(key);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  // the version is authenticated too: a downgraded prefix fails like any other tampering
  cipher.setAAD(Buffer.from(VERSION));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(":");
}

/** The object `encryptSecrets` sealed; throws on a wrong key or any altered byte. */
export function decryptSecrets<T extends object = Record<string, unknown>>(key: Buffer, sealed: string): T {
  checkKey(key);
  const parts = sealed.split(":");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretsError(`not a ${VERSION} sealed secret`);
  const [, ivText, tagText, bodyText] = parts as [string, string, string, string];
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== 12 || tag.length !== 16) throw new SecretsError("sealed secret has a malformed iv or tag");
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: 16 });
  decipher.setAAD(Buffer.from(VERSION));
  decipher.setAuthTag(tag);
  let plain: string;
  try {
    plain = Buffer.concat([decipher.update(Buffer.from(bodyText, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretsError("sealed secret failed authentication: altered, or sealed with another MASTER_KEY");
  }
  return JSON.parse(plain) as T;
}

/** A separate key for e-mail hashes, so the encryption key is never used as an HMAC key. */
export function emailKey(masterKey: Buffer): Buffer {
  checkKey(masterKey);
  return Buffer.from(hkdfSync("sha256", masterKey, "helpdesk-memory", "email-hash v1", 32));
}

/**
 * HMAC-SHA256 (hex) of the trimmed, lower-cased address. Stored instead of the e-mail:
 * equal addresses still meet, but the table alone does not reveal them.
 */
export function hashEmail(key: Buffer, email: string): string {
  return createHmac("sha256", key).update(email.trim().toLowerCase(), "utf8").digest("hex");
}
