import { crispDedupeKey } from "../../../../connectors/crisp/dedupe-key";
import { isCrispOwnEcho } from "../../../../connectors/crisp/own-echo";
import { parseCrispBody } from "../../../../connectors/crisp/parse";
import type { NormalisedEvent, RawRequest } from "../../../../connectors/types";
import { fixture, fixtureBytes, installation, SESSION, WEBSITE } from "./fixtures";

function eventOf(body: unknown): NormalisedEvent {
  const parsed = parseCrispBody(body);
  if (!parsed.ok) throw new Error("fixture did not parse");
  return parsed.event;
}

function req(body: Buffer, attempt?: string): RawRequest {
  return { headers: attempt ? { "x-delivery-attempt-count": attempt } : {}, rawBody: body, query: {} };
}

const inst = installation();

describe("crispDedupeKey", () => {
  it("keys a message by website, session, fingerprint and event", () => {
    const key = crispDedupeKey(eventOf(fixture("message-send-text.json")), req(fixtureBytes("message-send-text.json")), inst);
    expect(key).toBe(`${WEBSITE}:${SESSION}:176406481232961:message:send`);
  });

  it("gives a retry (X-Delivery-Attempt-Count 2, 3) the first attempt's key", () => {
    const bytes = fixtureBytes("message-send-text.json");
    const event = eventOf(bytes);
    const keys = ["1", "2", "3"].map((n) => crispDedupeKey(event, req(bytes, n), inst));
    expect(new Set(keys).size).toBe(1);
  });

  it("tells apart the same fingerprint under another event or another session", () => {
    const send = fixture("message-send-text.json");
    const a = crispDedupeKey(eventOf(send), req(Buffer.alloc(0)), inst);
    const b = crispDedupeKey(eventOf({ ...send, event: "message:received" }), req(Buffer.alloc(0)), inst);
    const other = { ...send, data: { ...(send.data as object), session_id: "session_00000000-1111-4222-8333-444444444444" } };
    const c = crispDedupeKey(eventOf(other), req(Buffer.alloc(0)), inst);
    expect(new Set([a, b, c]).size).toBe(3);
  });

  it("keys other events by event, session and event time", () => {
    const key = crispDedupeKey(eventOf(fixture("session-set-state-resolved.json")), req(Buffer.alloc(0)), inst);
    expect(key).toBe(`${WEBSITE}:session:set_state:${SESSION}:2025-11-25T10:10:02.330Z`);
  });

  it("falls back to the body's hash when the event carries no time", () => {
    const body = { ...fixture("session-set-state-resolved.json"), timestamp: undefined };
    const bytes = Buffer.from(JSON.stringify(body));
    expect(crispDedupeKey(eventOf(body), req(bytes), inst)).toMatch(new RegExp(`^${WEBSITE}:body:[0-9a-f]{64}$`));
  });
});

describe("isCrispOwnEcho", () => {
  const echo = eventOf(fixture("message-received-own-note.json"));

  it("recognises our note by the fingerprint we recorded when posting it", () => {
    expect(isCrispOwnEcho(echo, inst, new Set(["176406481395017"]))).toBe(true);
  });

  it("does not take a colleague's message for ours", () => {
    // an operator's public message is skipped at parse; the check is about the event it would be
    const colleague: NormalisedEvent = { kind: "agent_message", type: "message:received", ticketRef: SESSION, messageRef: "176406489010845" };
    expect(isCrispOwnEcho(colleague, inst, new Set(["176406481395017"]))).toBe(false);
    expect(isCrispOwnEcho(echo, inst, new Set())).toBe(false);
  });
});
