// The OAuth state: signed, ten minutes, bound to tenant, helpdesk and account. Pure checks
// here; "accepted once" and the tenant check are in test/e2e/zendesk-install.test.ts.
import { randomBytes } from "node:crypto";
import { issueState, readState, STATE_TTL_MS, stateKey } from "../../../src/tenants/oauth-state";

describe("OAuth state", () => {
  const key = stateKey(randomBytes(32));
  const at = new Date("2026-12-02T10:00:00Z");
  const state = issueState(key, { tenantId: "ten_1", provider: "zendesk", account: "acme" }, at);

  it("reads back what it binds, until it expires", () => {
    const r = readState(key, state, new Date(at.getTime() + STATE_TTL_MS));
    expect(r).toMatchObject({ ok: true, claims: { tenantId: "ten_1", provider: "zendesk", account: "acme", expiresAt: at.getTime() + STATE_TTL_MS } });
    expect(readState(key, state, new Date(at.getTime() + STATE_TTL_MS + 1))).toMatchObject({ ok: false, code: "expired_state" });
  });

  it("two states for the same install differ (a nonce each)", () => {
    expect(issueState(key, { tenantId: "ten_1", provider: "zendesk", account: "acme" }, at)).not.toBe(state);
  });

  it("refuses any change to payload or signature, another key, and what is not a state", () => {
    const [payload, sig] = state.split(".") as [string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const other = (c: object) => `${Buffer.from(JSON.stringify(c)).toString("base64url")}.${sig}`;
    const refused = [
      other({ ...claims, tenantId: "ten_2" }),
      other({ ...claims, expiresAt: claims.expiresAt + 3_600_000 }),
      `${payload}.${Buffer.from(sig, "base64url").reverse().toString("base64url")}`,
      `${payload}.`,
      payload,
      "",
      undefined,
    ];
    for (const s of refused) expect(readState(key, s, at)).toMatchObject({ ok: false, code: "bad_state" });
    expect(readState(stateKey(randomBytes(32)), state, at)).toMatchObject({ ok: false, code: "bad_state" });
  });
});
