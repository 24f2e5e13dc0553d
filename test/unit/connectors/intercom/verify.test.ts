import { createHmac } from "node:crypto";
import type { RawRequest } from "../../../../connectors/types";
import { signIntercomBody, verifyIntercomSignature } from "../../../../connectors/intercom/verify";
import { fixtureBytes, installation } from "./fixtures";

// The research notes' worked example.
const SECRET = "my_client_secret";
const BODY = '{"type":"notification_event","topic":"ping","id":"notif_1"}';
const SIGNATURE = "sha1=16027de0e211888b795c2663a1bfbca2650e3491";

const inst = (clientSecret: string | null = SECRET) => installation({ secrets: clientSecret === null ? { accessToken: "t" } : { accessToken: "t", clientSecret } });

function request(headers: Record<string, string | undefined>, body: string | Buffer = BODY): RawRequest {
  return { headers, rawBody: Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8"), query: {} };
}

describe("verifyIntercomSignature", () => {
  it("accepts the worked example exactly", () => {
    expect(verifyIntercomSignature(request({ "x-hub-signature": SIGNATURE }), inst())).toEqual({ ok: true });
  });

  it("computes the same signature as an independent HMAC-SHA1", () => {
    expect(`sha1=${createHmac("sha1", SECRET).update(BODY).digest("hex")}`).toBe(SIGNATURE);
    expect(signIntercomBody(SECRET, Buffer.from(BODY))).toBe(SIGNATURE);
  });

  it("verifies a real notification fixture on its exact bytes", () => {
    const bytes = fixtureBytes("conversation-user-created.json");
    const signed = request({ "x-hub-signature": signIntercomBody("ic-secret", bytes) }, bytes);
    expect(verifyIntercomSignature(signed, inst("ic-secret"))).toEqual({ ok: true });
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(bytes.toString("utf8"))));
    expect(verifyIntercomSignature({ ...signed, rawBody: reserialised }, inst("ic-secret"))).toEqual({ ok: false, code: "bad_signature" });
  });

  const cases: { name: string; req: RawRequest; secret?: string | null; expected: unknown }[] = [
    { name: "wrong secret", req: request({ "x-hub-signature": signIntercomBody("another", Buffer.from(BODY)) }), expected: { ok: false, code: "bad_signature" } },
    { name: "tampered body", req: request({ "x-hub-signature": SIGNATURE }, BODY.replace("notif_1", "notif_2")), expected: { ok: false, code: "bad_signature" } },
    { name: "body with an extra space (re-serialised)", req: request({ "x-hub-signature": SIGNATURE }, BODY.replace(":", ": ")), expected: { ok: false, code: "bad_signature" } },
    { name: "truncated signature", req: request({ "x-hub-signature": SIGNATURE.slice(0, 30) }), expected: { ok: false, code: "bad_signature" } },
    { name: "signature one digit too long", req: request({ "x-hub-signature": `${SIGNATURE}0` }), expected: { ok: false, code: "bad_signature" } },
    { name: "hex without the sha1= prefix", req: request({ "x-hub-signature": SIGNATURE.slice(5) }), expected: { ok: false, code: "bad_signature" } },
    { name: "a sha256 signature", req: request({ "x-hub-signature": `sha256=${createHmac("sha256", SECRET).update(BODY).digest("hex")}` }), expected: { ok: false, code: "bad_signature" } },
    { name: "not hex", req: request({ "x-hub-signature": `sha1=${"z".repeat(40)}` }), expected: { ok: false, code: "bad_signature" } },
    { name: "uppercase hex and prefix", req: request({ "x-hub-signature": SIGNATURE.toUpperCase() }), expected: { ok: true } },
    { name: "surrounding spaces", req: request({ "x-hub-signature": ` ${SIGNATURE} ` }), expected: { ok: true } },
    { name: "header in another case", req: request({ "X-Hub-Signature": SIGNATURE }), expected: { ok: true } },
    { name: "no signature header", req: request({}), expected: { ok: false, code: "missing_signature" } },
    { name: "empty signature header", req: request({ "x-hub-signature": "" }), expected: { ok: false, code: "missing_signature" } },
    { name: "installation without a client secret", req: request({ "x-hub-signature": SIGNATURE }), secret: null, expected: { ok: false, code: "bad_key" } },
    { name: "empty body signed as empty", req: request({ "x-hub-signature": signIntercomBody(SECRET, Buffer.alloc(0)) }, ""), expected: { ok: true } },
  ];

  it.each(cases)("$name", ({ req, expected, ...rest }) => {
    expect(verifyIntercomSignature(req, inst(rest.secret === undefined ? SECRET : rest.secret))).toEqual(expected);
  });
});
