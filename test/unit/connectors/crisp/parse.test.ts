import { parseCrispBody } from "../../../../connectors/crisp/parse";
import { crispAccountOf, crispLifecycle } from "../../../../connectors/crisp/routing";
import { fixture, fixtureBytes, SESSION, WEBSITE } from "./fixtures";

describe("parseCrispBody", () => {
  it("reads a visitor's message:send as a customer message on the conversation", () => {
    expect(parseCrispBody(fixture("message-send-text.json"))).toEqual({
      ok: true,
      event: {
        kind: "customer_message",
        type: "message:send",
        ticketRef: SESSION,
        actorRef: SESSION,
        messageRef: "176406481232961",
        occurredAt: "2025-11-25T10:00:12.417Z",
      },
    });
  });

  it("never names a requester: the visitor's user_id is the session, not a person", () => {
    const parsed = parseCrispBody(fixture("message-send-text.json"));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.event).not.toHaveProperty("requesterRef");
  });

  it("parses the raw bytes as well as the object", () => {
    expect(parseCrispBody(fixtureBytes("message-send-text.json"))).toEqual(parseCrispBody(fixture("message-send-text.json")));
  });

  const table: [string, string, Record<string, unknown>][] = [
    ["our note coming back", "message-received-own-note.json", { kind: "internal_note", messageRef: "176406481395017" }],
    ["a conversation resolved", "session-set-state-resolved.json", { kind: "ticket_status_changed", status: "resolved", occurredAt: "2025-11-25T10:10:02.330Z" }],
    ["an e-mail typed in the chatbox", "session-set-email.json", { kind: "identity_changed", type: "session:set_email" }],
    ["a session bound to a contact", "people-bind-session.json", { kind: "identity_changed", type: "people:bind:session" }],
  ];
  it.each(table)("reads %s", (_name, file, expected) => {
    const parsed = parseCrispBody(fixture(file));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.event).toMatchObject({ ticketRef: SESSION, ...expected });
  });

  it("skips an operator's message (staff, or a bot when automated) with no API call; a note is still read", () => {
    const body = fixture("message-received-operator.json");
    expect(parseCrispBody(body)).toEqual({ ok: false, code: "skip", reason: "staff_message", type: "message:received" });
    expect(parseCrispBody({ ...body, data: { ...(body.data as object), automated: true } })).toMatchObject({ ok: false, reason: "bot_message" });
  });

  it("does not take the visitor-typed e-mail as identity", () => {
    const parsed = parseCrispBody(fixture("session-set-email.json"));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.event).not.toHaveProperty("identity");
  });

  it.each([
    ["message:updated (no sender)", "message-updated.json", "event not handled: message:updated"],
    ["a plugin subscription (an installation change, not a delivery)", "plugin-subscription-bound.json", "event not handled: plugin:subscription:updated"],
  ])("skips %s", (_name, file, reason) => {
    expect(parseCrispBody(fixture(file))).toMatchObject({ ok: false, code: "skip", reason });
  });

  it("skips a message whose sender is unknown", () => {
    const body = fixture("message-send-text.json");
    const data = { ...(body.data as object), from: "system" };
    expect(parseCrispBody({ ...body, data })).toMatchObject({ ok: false, code: "skip" });
  });

  const bad: [string, unknown, RegExp][] = [
    ["text that is not JSON", "{nope", /not JSON/],
    ["an array", [], /JSON object/],
    ["no event", { website_id: WEBSITE, data: {} }, /no "event"/],
    ["no session", { ...fixture("message-send-text.json"), data: { fingerprint: 1, from: "user", type: "text" } }, /no data.session_id/],
    ["a session id of another shape", { ...fixture("message-send-text.json"), data: { session_id: "../../people/x", fingerprint: 1, from: "user" } }, /session_<uuid>/],
    ["no fingerprint", { ...fixture("message-send-text.json"), data: { session_id: SESSION, from: "user", type: "text" } }, /no data.fingerprint/],
    ["a state change without a state", { ...fixture("session-set-state-resolved.json"), data: { session_id: SESSION } }, /no data.state/],
  ];
  it.each(bad)("calls %s malformed, naming the field", (_name, body, message) => {
    const parsed = parseCrispBody(body);
    expect(parsed).toMatchObject({ ok: false, code: "malformed" });
    if (!parsed.ok && parsed.code === "malformed") expect(parsed.message).toMatch(message);
  });
});

describe("routing a shared-endpoint body", () => {
  it("routes by website_id, lower-cased", () => {
    expect(crispAccountOf(fixture("message-send-text.json"))).toBe(WEBSITE);
    expect(crispAccountOf({ event: "message:send", data: { website_id: WEBSITE.toUpperCase() } })).toBe(WEBSITE);
  });

  it("routes nowhere without a website_id of the right shape", () => {
    expect(crispAccountOf({ event: "message:send", website_id: "../v1/plugin" })).toBeUndefined();
    expect(crispAccountOf("nope")).toBeUndefined();
  });

  it("reads plugin:subscription:updated as an install or an uninstall of that website", () => {
    expect(crispLifecycle(fixture("plugin-subscription-bound.json"))).toEqual({ action: "install", account: WEBSITE, settings: { mode: "plugin" } });
    expect(crispLifecycle(fixture("plugin-subscription-unbound.json"))).toEqual({ action: "uninstall", account: WEBSITE, settings: { mode: "plugin" } });
  });

  it("has no lifecycle for other events or a subscription that does not say bound", () => {
    expect(crispLifecycle(fixture("message-send-text.json"))).toBeUndefined();
    const body = fixture("plugin-subscription-bound.json");
    expect(crispLifecycle({ ...body, data: { website_id: WEBSITE } })).toBeUndefined();
  });
});
