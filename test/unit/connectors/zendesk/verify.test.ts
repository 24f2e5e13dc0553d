import { createHmac } from "node:crypto";
import type { InstallationInfo, RawRequest } from "../../../../connectors/types";
import { parseSignatureTimestamp, signZendeskBody, verifyZendeskSignature } from "../../../../connectors/zendesk/verify";

// Zendesk's fixed test secret and the worked example of the research notes.
const SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
const TIMESTAMP = "2021-03-25T05:09:27Z";
const BODY = '{"ticket_id":"123"}';
const SIGNATURE = "YmkQCnSLfGdf5pcvqNFcuOtUpzUb/ss09fM0NCi/wvw=";
const SIGNED_AT = new Date("2021-03-25T05:09:27Z");

function installation(secrets: InstallationInfo["secrets"] = { signingSecret: SECRET }): InstallationInfo {
  return { id: "inst_1", tenantId: "t_1", provider: "zendesk", account: "acme", settings: {}, secrets };
}

function request(headers: Record<string, string | undefined>, body = BODY): RawRequest {
  return { headers, rawBody: Buffer.from(body, "utf8"), query: {} };
}

function signed(body = BODY, timestamp = TIMESTAMP, secret = SECRET): RawRequest {
  return request(
    {
      "x-zendesk-webhook-signature": signZendeskBody(secret, timestamp, Buffer.from(body, "utf8")),
      "x-zendesk-webhook-signature-timestamp": timestamp,
    },
    body,
  );
}

describe("verifyZendeskSignature", () => {
  it("accepts the worked example exactly (secret used as UTF-8 bytes, timestamp + body)", () => {
    const req = request({ "x-zendesk-webhook-signature": SIGNATURE, "x-zendesk-webhook-signature-timestamp": TIMESTAMP });
    expect(verifyZendeskSignature(req, installation(), SIGNED_AT)).toEqual({ ok: true });
  });

  it("computes the same signature as an independent HMAC", () => {
    const independent = createHmac("sha256", SECRET).update(TIMESTAMP + BODY).digest("base64");
    expect(independent).toBe(SIGNATURE);
    expect(signZendeskBody(SECRET, TIMESTAMP, Buffer.from(BODY))).toBe(SIGNATURE);
  });

  it("rejects the signature made with the base64-decoded secret", () => {
    const req = request({
      "x-zendesk-webhook-signature": "JXXhloBhdpXeVco6oK4Awd8xju3uFHJ4bFWDdG8qBiA=",
      "x-zendesk-webhook-signature-timestamp": TIMESTAMP,
    });
    expect(verifyZendeskSignature(req, installation(), SIGNED_AT)).toEqual({ ok: false, code: "bad_signature" });
  });

  const now = SIGNED_AT;
  const cases: { name: string; req: RawRequest; inst?: InstallationInfo; at?: Date; expected: unknown }[] = [
    { name: "wrong secret", req: signed(BODY, TIMESTAMP, "another-secret"), expected: { ok: false, code: "bad_signature" } },
    {
      name: "tampered body",
      req: request({ "x-zendesk-webhook-signature": SIGNATURE, "x-zendesk-webhook-signature-timestamp": TIMESTAMP }, '{"ticket_id":"124"}'),
      expected: { ok: false, code: "bad_signature" },
    },
    {
      name: "body with an extra space (re-serialised)",
      req: request({ "x-zendesk-webhook-signature": SIGNATURE, "x-zendesk-webhook-signature-timestamp": TIMESTAMP }, '{"ticket_id": "123"}'),
      expected: { ok: false, code: "bad_signature" },
    },
    {
      name: "truncated signature",
      req: request({ "x-zendesk-webhook-signature": SIGNATURE.slice(0, 20), "x-zendesk-webhook-signature-timestamp": TIMESTAMP }),
      expected: { ok: false, code: "bad_signature" },
    },
    {
      name: "signature that is not base64",
      req: request({ "x-zendesk-webhook-signature": "not base64 at all!", "x-zendesk-webhook-signature-timestamp": TIMESTAMP }),
      expected: { ok: false, code: "bad_signature" },
    },
    {
      name: "timestamp changed after signing",
      req: request({ "x-zendesk-webhook-signature": SIGNATURE, "x-zendesk-webhook-signature-timestamp": "2021-03-25T05:09:28Z" }),
      at: new Date("2021-03-25T05:09:28Z"),
      expected: { ok: false, code: "bad_signature" },
    },
    { name: "no signature header", req: request({ "x-zendesk-webhook-signature-timestamp": TIMESTAMP }), expected: { ok: false, code: "missing_signature" } },
    { name: "empty signature header", req: request({ "x-zendesk-webhook-signature": "", "x-zendesk-webhook-signature-timestamp": TIMESTAMP }), expected: { ok: false, code: "missing_signature" } },
    { name: "no timestamp header", req: request({ "x-zendesk-webhook-signature": SIGNATURE }), expected: { ok: false, code: "missing_signature" } },
    { name: "installation without a secret", req: signed(), inst: installation({ apiToken: "api-token" }), expected: { ok: false, code: "bad_key" } },
    { name: "5 minutes late, still inside the window", req: signed(), at: new Date(SIGNED_AT.getTime() + 5 * 60_000), expected: { ok: true } },
    { name: "stale: 5 minutes and 1 second late", req: signed(), at: new Date(SIGNED_AT.getTime() + 5 * 60_000 + 1000), expected: { ok: false, code: "stale_timestamp" } },
    { name: "stale: a day late", req: signed(), at: new Date(SIGNED_AT.getTime() + 86_400_000), expected: { ok: false, code: "stale_timestamp" } },
    { name: "future: 6 minutes ahead of our clock", req: signed(), at: new Date(SIGNED_AT.getTime() - 6 * 60_000), expected: { ok: false, code: "stale_timestamp" } },
    { name: "epoch seconds timestamp", req: signed(BODY, "1616648967"), expected: { ok: true } },
    { name: "epoch milliseconds timestamp", req: signed(BODY, "1616648967000"), expected: { ok: true } },
    { name: "signed but unreadable timestamp", req: signed(BODY, "yesterday"), expected: { ok: false, code: "stale_timestamp" } },
    { name: "empty body (GET trigger webhook) signed as empty string", req: signed(""), expected: { ok: true } },
    {
      name: "headers in another case",
      req: request({ "X-Zendesk-Webhook-Signature": SIGNATURE, "X-Zendesk-Webhook-Signature-Timestamp": TIMESTAMP }),
      expected: { ok: true },
    },
  ];

  it.each(cases)("$name", ({ req, inst, at, expected }) => {
    expect(verifyZendeskSignature(req, inst ?? installation(), at ?? now)).toEqual(expected);
  });
});

describe("parseSignatureTimestamp", () => {
  it.each([
    ["2021-03-25T05:09:27Z", Date.UTC(2021, 2, 25, 5, 9, 27)],
    ["2021-03-25T05:09:27.123Z", Date.UTC(2021, 2, 25, 5, 9, 27, 123)],
    ["2021-03-25T07:09:27+02:00", Date.UTC(2021, 2, 25, 5, 9, 27)],
    ["1616648967", 1616648967000],
    ["1616648967000", 1616648967000],
    ["", undefined],
    ["March 25", undefined],
    ["2021-13-45T99:00:00Z", undefined],
  ])("%s", (text, expected) => {
    expect(parseSignatureTimestamp(text)).toBe(expected);
  });
});
