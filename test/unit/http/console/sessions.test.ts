// Console sessions on an injected clock: idle expiry, the absolute end, sign-out, one-time
// links, and the failed sign-in limiter.
import { createConsoleSessions, LINK_TTL_MS, MAX_FAILED_SIGN_INS, SESSION_IDLE_MS, SESSION_MAX_MS } from "../../../../src/http/console/sessions";

function at(start = Date.UTC(2026, 10, 20, 9)) {
  const now = { t: start };
  return { now, sessions: createConsoleSessions(() => now.t) };
}

describe("console sessions", () => {
  it("ends after 12 h without a request, and a request restarts the idle timer", () => {
    const { now, sessions } = at();
    const s = sessions.open("tnt_a", "key_a");
    now.t += SESSION_IDLE_MS - 1_000;
    expect(sessions.find(s.id)?.tenantId).toBe("tnt_a");
    now.t += SESSION_IDLE_MS - 1_000;
    expect(sessions.find(s.id)).not.toBeNull();
    now.t += SESSION_IDLE_MS;
    expect(sessions.find(s.id)).toBeNull();
    // gone for good, even if the clock went back
    now.t -= SESSION_IDLE_MS;
    expect(sessions.find(s.id)).toBeNull();
  });

  it("ends 7 days after sign-in however busy it is", () => {
    const { now, sessions } = at();
    const s = sessions.open("tnt_a", "key_a");
    const start = now.t;
    while (now.t + 60 * 60_000 < start + SESSION_MAX_MS) {
      now.t += 60 * 60_000;
      expect(sessions.find(s.id)).not.toBeNull();
    }
    now.t = start + SESSION_MAX_MS;
    expect(sessions.find(s.id)).toBeNull();
  });

  it("ends at sign-out and when its key is revoked, leaving other sessions alone", () => {
    const { sessions } = at();
    const a = sessions.open("tnt_a", "key_a");
    const a2 = sessions.open("tnt_a", "key_a");
    const b = sessions.open("tnt_b", "key_b");
    expect(new Set([a.id, a2.id, b.id]).size).toBe(3);
    expect(a.csrf).not.toBe(a2.csrf);
    sessions.close(a.id);
    expect(sessions.find(a.id)).toBeNull();
    expect(sessions.find(a2.id)).not.toBeNull();
    sessions.closeForKey("key_a");
    expect(sessions.find(a2.id)).toBeNull();
    expect(sessions.find(b.id)?.tenantId).toBe("tnt_b");
    expect(sessions.find(undefined)).toBeNull();
    expect(sessions.find("made-up")).toBeNull();
  });

  it("redeems a console link once, and not after 24 h", () => {
    const { now, sessions } = at();
    const link = sessions.issueLink("tnt_demo", "key_demo");
    expect(sessions.redeemLink(link)).toEqual({ tenantId: "tnt_demo", keyId: "key_demo" });
    expect(sessions.redeemLink(link)).toBeNull();
    const late = sessions.issueLink("tnt_demo", "key_demo");
    now.t += LINK_TTL_MS;
    expect(sessions.redeemLink(late)).toBeNull();
  });

  it("locks a client out after the failed sign-in limit until the oldest failure leaves the 15-minute window", () => {
    const { now, sessions } = at();
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) {
      sessions.recordFailure("10.0.0.1");
      now.t += 60_000;
    }
    expect(sessions.lockedFor("10.0.0.1")).toBe(0);
    sessions.recordFailure("10.0.0.1");
    // the first failure was 4 minutes ago: 11 minutes to wait
    expect(sessions.lockedFor("10.0.0.1")).toBe(11 * 60);
    expect(sessions.lockedFor("10.0.0.2")).toBe(0);
    now.t += 11 * 60_000;
    expect(sessions.lockedFor("10.0.0.1")).toBe(0);
  });
});
