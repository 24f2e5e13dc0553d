import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { decryptSecrets, emailKey, encryptSecrets, hashEmail, loadMasterKey } from "../../../src/tenants/secrets";

const key = Buffer.alloc(32, 7);

describe("loadMasterKey", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hm-key-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("uses 64 hex characters as the 32 bytes themselves", () => {
    const hex = "ab".repeat(32);
    expect(loadMasterKey({ masterKey: hex, dataDir: dir, embedded: false }).toString("hex")).toBe(hex);
  });

  it("derives 32 bytes from a long passphrase, the same every time, different per passphrase", () => {
    const a = loadMasterKey({ masterKey: "correct horse battery staple and more words", dataDir: dir, embedded: false });
    const b = loadMasterKey({ masterKey: "correct horse battery staple and more words", dataDir: dir, embedded: true });
    const c = loadMasterKey({ masterKey: "correct horse battery staple and more wordz", dataDir: dir, embedded: true });
    expect(a).toHaveLength(32);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
    expect(fs.existsSync(path.join(dir, "master.key"))).toBe(false);
  });

  it("refuses a short MASTER_KEY", () => {
    expect(() => loadMasterKey({ masterKey: "too-short", dataDir: dir, embedded: true })).toThrow(/MASTER_KEY must be 64 hex characters or a passphrase of at least 32/);
  });

  it("requires MASTER_KEY with PostgreSQL and says how to make one", () => {
    expect(() => loadMasterKey({ dataDir: dir, embedded: false })).toThrow(
      "MASTER_KEY is required when DATABASE_URL is set: generate one with `openssl rand -hex 32`",
    );
  });

  it("generates <dataDir>/master.key (0600) on the embedded default and reuses it", () => {
    const nested = path.join(dir, "data");
    const first = loadMasterKey({ dataDir: nested, embedded: true });
    const file = path.join(nested, "master.key");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, "utf8").trim()).toBe(first.toString("hex"));
    expect(loadMasterKey({ dataDir: nested, embedded: true }).equals(first)).toBe(true);
    expect(loadMasterKey({ masterKey: "", dataDir: nested, embedded: true }).equals(first)).toBe(true);
  });

  it("refuses a damaged key file instead of silently making a new key", () => {
    fs.writeFileSync(path.join(dir, "master.key"), "not a key\n");
    expect(() => loadMasterKey({ dataDir: dir, embedded: true })).toThrow(/does not hold a 64-hex-character key/);
  });
});

describe("encryptSecrets / decryptSecrets", () => {
  const secrets = { apiToken: "zd-token-123", signingSecret: "s3cr3t" };

  it("round-trips, with a fresh IV each time and no plaintext in the output", () => {
    const a = encryptSecrets(key, secrets);
    const b = encryptSecrets(key, secrets);
    expect(a).toMatch(/^v1:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("zd-token-123");
    expect(decryptSecrets(key, a)).toEqual(secrets);
    expect(decryptSecrets(key, b)).toEqual(secrets);
  });

  it("rejects a wrong key", () => {
    expect(() => decryptSecrets(Buffer.alloc(32, 8), encryptSecrets(key, secrets))).toThrow(/failed authentication/);
  });

  const flip = (part: string) => {
    const bytes = Buffer.from(part, "base64url");
    bytes[0] = bytes[0]! ^ 1;
    return bytes.toString("base64url");
  };
  it.each([
    ["iv", 1],
    ["tag", 2],
    ["ciphertext", 3],
  ])("rejects a changed %s", (_name, index) => {
    const parts = encryptSecrets(key, secrets).split(":");
    parts[index] = flip(parts[index]!);
    expect(() => decryptSecrets(key, parts.join(":"))).toThrow(/failed authentication/);
  });

  it.each([
    ["another version", (s: string) => s.replace(/^v1:/, "v2:")],
    ["a missing part", (s: string) => s.split(":").slice(0, 3).join(":")],
    ["a truncated tag", (s: string) => s.split(":").map((p, i) => (i === 2 ? p.slice(0, 10) : p)).join(":")],
    ["plain JSON", () => JSON.stringify(secrets)],
  ])("rejects %s", (_name, mangle) => {
    expect(() => decryptSecrets(key, mangle(encryptSecrets(key, secrets)))).toThrow();
  });

  it("refuses keys that are not 32 bytes", () => {
    expect(() => encryptSecrets(Buffer.alloc(16), secrets)).toThrow(/32 bytes/);
  });
});

describe("hashEmail", () => {
  const k = emailKey(key);

  it("uses a key derived from, and different from, the master key", () => {
    expect(k).toHaveLength(32);
    expect(k.equals(key)).toBe(false);
    expect(emailKey(key).equals(k)).toBe(true);
  });

  it.each([
    ["Ana@Example.com", "ana@example.com", true],
    ["  ana@example.com \n", "ana@example.com", true],
    ["ana@example.com", "ana@example.org", false],
    ["ana+tag@example.com", "ana@example.com", false],
  ])("%j vs %j → same: %s", (a, b, same) => {
    expect(hashEmail(k, a) === hashEmail(k, b)).toBe(same);
  });

  it("is a keyed hash: another key gives another value, and the e-mail is not in it", () => {
    const h = hashEmail(k, "ana@example.com");
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEmail(emailKey(Buffer.alloc(32, 9)), "ana@example.com")).not.toBe(h);
  });
});
