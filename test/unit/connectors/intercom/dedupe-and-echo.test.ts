import { intercomDedupeKey } from "../../../../connectors/intercom/dedupe-key";
import { isIntercomOwnEcho } from "../../../../connectors/intercom/own-echo";
import { parseIntercomBody } from "../../../../connectors/intercom/parse";
import type { NormalisedEvent, RawRequest } from "../../../../connectors/types";
import { APP_ID, fixture, fixtureBytes, installation, OUR_ADMIN, TEAMMATE } from "./fixtures";

function eventOf(name: string): NormalisedEvent {
  const r = parseIntercomBody(fixture(name));
  if (!r.ok) throw new Error("did not parse");
  return r.event;
}

/** An admin's public reply is skipped at parse; the echo check is about the event it would be. */
const adminReply: NormalisedEvent = { kind: "agent_message", type: "conversation.admin.replied", ticketRef: "215468813201174", actorRef: TEAMMATE, messageRef: "29384750012" };

const req = (body: Buffer): RawRequest => ({ headers: {}, rawBody: body, query: {} });

describe("intercomDedupeKey", () => {
  it("is the notification id scoped by the workspace", () => {
    const event = eventOf("conversation-user-created.json");
    expect(intercomDedupeKey(event, req(fixtureBytes("conversation-user-created.json")), installation())).toBe(`${APP_ID}:notif_7d1e6f30-cd55-4c8e-9f1b-1a2b3c4d5e01`);
  });

  it("is the same for a redelivery whose bytes differ (delivery_attempts 1 → 3)", () => {
    const first = fixture("conversation-user-replied.json");
    const again = { ...first, delivery_attempts: 3, first_sent_at: 1736518330 };
    const keyOf = (body: object) => {
      const r = parseIntercomBody(body);
      if (!r.ok) throw new Error("did not parse");
      return intercomDedupeKey(r.event, req(Buffer.from(JSON.stringify(body))), installation());
    };
    expect(keyOf(again)).toBe(keyOf(first));
  });

  it("differs between two workspaces sending the same notification id", () => {
    const event = eventOf("conversation-user-created.json");
    const bytes = fixtureBytes("conversation-user-created.json");
    expect(intercomDedupeKey(event, req(bytes), installation({ account: "other01" }))).not.toBe(intercomDedupeKey(event, req(bytes), installation()));
  });

  it("gives each notification with no id a key of its own, even for the same bytes", () => {
    const event = { ...eventOf("conversation-user-created.json"), eventId: undefined };
    const a = intercomDedupeKey(event, req(Buffer.from("a")), installation());
    expect(a).toMatch(new RegExp(`^${APP_ID}:noid:`));
    expect(intercomDedupeKey(event, req(Buffer.from("a")), installation())).not.toBe(a);
  });
});

describe("isIntercomOwnEcho", () => {
  const none = new Set<string>();
  it.each([
    ["our admin's note (conversation.admin.noted)", "conversation-admin-noted-own.json", none, true],
    ["a colleague's note", "conversation-admin-noted-colleague.json", none, false],
    ["a customer reply", "conversation-user-replied.json", none, false],
    ["an agent reply by a teammate", adminReply, none, false],
    ["any event about a part we posted", adminReply, new Set(["29384750012"]), true],
  ])("%s → %s", (_name, file, posted, expected) => {
    expect(isIntercomOwnEcho(typeof file === "string" ? eventOf(file) : file, installation(), posted)).toBe(expected);
  });

  it("never takes a new conversation's source message for our note (source ids and part ids are two id spaces)", () => {
    const event = eventOf("conversation-user-created.json");
    expect(isIntercomOwnEcho(event, installation(), new Set([event.messageRef!]))).toBe(false);
  });

  it("does not take a public reply by the notes' admin for an echo (it is a person writing)", () => {
    const event = { ...adminReply, actorRef: OUR_ADMIN };
    expect(isIntercomOwnEcho(event, installation(), none)).toBe(false);
  });

  it("recognises our note by its part id even without an admin configured", () => {
    const event = eventOf("conversation-admin-noted-own.json");
    expect(isIntercomOwnEcho(event, installation({ settings: {} }), new Set(["29384750013"]))).toBe(true);
    expect(isIntercomOwnEcho(event, installation({ settings: {} }), none)).toBe(false);
  });

  it("a note by another admin id is not ours", () => {
    expect(isIntercomOwnEcho(eventOf("conversation-admin-noted-own.json"), installation({ settings: { adminId: TEAMMATE } }), none)).toBe(false);
  });
});
