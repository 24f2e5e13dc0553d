import { createHmac } from "node:crypto";
import type { RawRequest } from "../../../../connectors/types";
import { parseCrispTimestamp, signCrispBody, verifyCrispRequest } from "../../../../connectors/crisp/verify";
import { fixtureBytes, installation } from "./fixtures";

// The research notes' worked example, computed independently of the code under test.
const SECRET = "my_hook_secret";
const TIMESTAMP = "1700000000000";
const BODY = '{"website_id":"w1","event":"message:send","data":{"session_id":"s1"},"timestamp":1700000000000}';
const SIGNATURE = "0eafb7b0b6cf65ac438fec443f43b86f787e98f0006e25859bb82b71f81d77c2";
const AT = new Date(1700000000000);

const plugin = installation({ secrets: { signingSecret: SECRET } });

function request(headers: Record<string, string | undefined>, body: string | Buffer = BODY, query: Record<string, string> = {}): RawRequest {
  return { headers, rawBody: Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8"), query };
}

function signed(body: string | Buffer = BODY, timestamp = TIMESTAMP, secret = SECRET): RawRequest {
  return request({ "x-crisp-signature": signCrispBody(secret, timestamp, body), "x-crisp-request-timestamp": timestamp }, body);
}

describe("verifyCrispRequest (plugin hooks)", () => {
  it("accepts the worked example exactly", () => {
    const req = request({ "x-crisp-signature": SIGNATURE, "x-crisp-request-timestamp": TIMESTAMP });
    expect(verifyCrispRequest(req, plugin, AT)).toEqual({ ok: true });
  });

  it("signs like an independent HMAC of [timestamp;body]", () => {
    expect(createHmac("sha256", SECRET).update(`[${TIMESTAMP};${BODY}]`).digest("hex")).toBe(SIGNATURE);
    expect(signCrispBody(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE);
  });

  it("accepts the worked example's signature on a re-spaced body (JSON.stringify fallback)", () => {
    const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
    expect(pretty).not.toBe(BODY);
    const req = request({ "x-crisp-signature": SIGNATURE, "x-crisp-request-timestamp": TIMESTAMP }, pretty);
    expect(verifyCrispRequest(req, plugin, AT)).toEqual({ ok: true });
  });

  it("accepts a signature over raw bytes that JSON.stringify would rewrite (escaped slash)", () => {
    const raw = '{"website_id":"w1","event":"message:send","data":{"content":"see https:\\/\\/example.com"}}';
    expect(JSON.stringify(JSON.parse(raw))).not.toBe(raw);
    expect(verifyCrispRequest(signed(raw), plugin, AT)).toEqual({ ok: true });
  });

  it("verifies a real hook fixture signed with a seconds timestamp", () => {
    const body = fixtureBytes("message-send-text.json");
    const inst = installation();
    const now = new Date(1764064813000);
    const seconds = String(Math.floor(now.getTime() / 1000));
    expect(verifyCrispRequest(signed(body, seconds, "plugin-hook-secret"), inst, now)).toEqual({ ok: true });
  });

  const cases: [string, RawRequest, Date, unknown][] = [
    ["a wrong secret", signed(BODY, TIMESTAMP, "another-secret"), AT, { ok: false, code: "bad_signature" }],
    ["a tampered body", request({ "x-crisp-signature": SIGNATURE, "x-crisp-request-timestamp": TIMESTAMP }, BODY.replace("s1", "s2")), AT, { ok: false, code: "bad_signature" }],
    ["another timestamp than the signed one", request({ "x-crisp-signature": SIGNATURE, "x-crisp-request-timestamp": "1700000000001" }), AT, { ok: false, code: "bad_signature" }],
    ["a truncated signature", request({ "x-crisp-signature": SIGNATURE.slice(0, 40), "x-crisp-request-timestamp": TIMESTAMP }), AT, { ok: false, code: "bad_signature" }],
    ["a signature that is not hex", request({ "x-crisp-signature": "z".repeat(64), "x-crisp-request-timestamp": TIMESTAMP }), AT, { ok: false, code: "bad_signature" }],
    ["no signature", request({ "x-crisp-request-timestamp": TIMESTAMP }), AT, { ok: false, code: "missing_signature" }],
    ["no timestamp", request({ "x-crisp-signature": SIGNATURE }), AT, { ok: false, code: "missing_signature" }],
    ["5 min 1 s late", signed(), new Date(AT.getTime() + 301_000), { ok: false, code: "stale_timestamp" }],
    ["5 min 1 s early", signed(), new Date(AT.getTime() - 301_000), { ok: false, code: "stale_timestamp" }],
    ["4 min 59 s late", signed(), new Date(AT.getTime() + 299_000), { ok: true }],
    ["a signed timestamp that is not a number", signed(BODY, "yesterday"), AT, { ok: false, code: "stale_timestamp" }],
  ];
  it.each(cases)("refuses or accepts %s", (_name, req, now, expected) => {
    expect(verifyCrispRequest(req, plugin, now)).toEqual(expected);
  });

  it("refuses a plugin installation with no signing secret at all", () => {
    expect(verifyCrispRequest(signed(), installation({ secrets: {} }), AT)).toEqual({ ok: false, code: "bad_key" });
  });

  it("reads the timestamp in seconds or milliseconds", () => {
    expect(parseCrispTimestamp("1700000000")).toBe(1700000000000);
    expect(parseCrispTimestamp("1700000000000")).toBe(1700000000000);
    expect(parseCrispTimestamp("17e8")).toBeUndefined();
  });
});

describe("verifyCrispRequest (website hooks)", () => {
  const site = installation({ settings: { mode: "website_hook" }, secrets: { hookKey: "k3y-Zx9_2Qw8vLm4Tn6Rp1sYb5Hc" } });

  it.each([
    ["the right key", { key: "k3y-Zx9_2Qw8vLm4Tn6Rp1sYb5Hc" }, { ok: true }],
    ["a wrong key of the same length", { key: "k3y-Zx9_2Qw8vLm4Tn6Rp1sYb5Hd" }, { ok: false, code: "bad_key" }],
    ["a prefix of the key", { key: "k3y-Zx9" }, { ok: false, code: "bad_key" }],
    ["no key", {}, { ok: false, code: "bad_key" }],
  ])("with %s", (_name, query, expected) => {
    // unsigned, whatever headers come along
    expect(verifyCrispRequest(request({}, BODY, query as Record<string, string>), site, AT)).toEqual(expected);
  });

  it("refuses every key when the installation has none", () => {
    expect(verifyCrispRequest(request({}, BODY, { key: "" }), installation({ settings: { mode: "website_hook" }, secrets: {} }), AT)).toEqual({ ok: false, code: "bad_key" });
  });
});
