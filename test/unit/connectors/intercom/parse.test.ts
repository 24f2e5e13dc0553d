import { intercomAccountOf, parseIntercomBody } from "../../../../connectors/intercom/parse";
import { APP_ID, CONVERSATION, fixture, fixtureBytes, LEAD, OUR_ADMIN, TEAMMATE, USER } from "./fixtures";

function parsed(body: unknown) {
  const r = parseIntercomBody(body);
  if (!r.ok) throw new Error(`did not parse: ${JSON.stringify(r)}`);
  return r.event;
}

describe("parseIntercomBody: conversation topics", () => {
  it("conversation.user.created → ticket_created about the source message, with the contact's external_id", () => {
    expect(parsed(fixture("conversation-user-created.json"))).toEqual({
      kind: "ticket_created",
      type: "conversation.user.created",
      eventId: "notif_7d1e6f30-cd55-4c8e-9f1b-1a2b3c4d5e01",
      occurredAt: "2025-01-08T14:12:05.000Z",
      ticketRef: CONVERSATION,
      requesterRef: USER,
      actorRef: USER,
      messageRef: "403918334",
      status: "open",
      identity: { providerUserRef: USER, externalId: "cust-70412" },
    });
  });

  it("reads a notification whose timestamps are numbers but no dates (beyond a Date's range) with no occurredAt, never throwing", () => {
    for (const at of [1e300, 8.64e15, "99999999999999999999"]) {
      const event = parsed({ ...fixture("conversation-user-created.json"), created_at: at, first_sent_at: at });
      expect(event.kind).toBe("ticket_created");
      expect(event).not.toHaveProperty("occurredAt");
    }
  });

  it.each([
    ["conversation-user-replied.json", "customer_message", "29384750011", USER, "open"],
    ["conversation-admin-noted-own.json", "internal_note", "29384750013", OUR_ADMIN, "open"],
    ["conversation-admin-noted-colleague.json", "internal_note", "29384750014", TEAMMATE, "open"],
    ["conversation-admin-closed.json", "ticket_status_changed", "29384750015", TEAMMATE, "closed"],
  ])("%s → %s about part %s", (file, kind, messageRef, actorRef, status) => {
    expect(parsed(fixture(file))).toMatchObject({ kind, ticketRef: CONVERSATION, requesterRef: USER, messageRef, actorRef, status });
  });

  it("skips an admin's reply (a staff_message, or a bot_message when Fin or a bot wrote it) with no API call", () => {
    const body = fixture("conversation-admin-replied.json");
    expect(parseIntercomBody(body)).toEqual({ ok: false, code: "skip", reason: "staff_message", type: "conversation.admin.replied" });
    const item = (body.data as { item: { conversation_parts: { conversation_parts: Array<{ author: object }> } } }).item;
    const parts = item.conversation_parts.conversation_parts.map((p) => ({ ...p, author: { ...p.author, from_ai_agent: true } }));
    const byFin = { ...body, data: { item: { ...item, conversation_parts: { conversation_parts: parts } } } };
    expect(parseIntercomBody(byFin)).toMatchObject({ ok: false, reason: "bot_message" });
  });

  it("reads a redelivery (delivery_attempts 2) as the same notification id", () => {
    const body = fixture("conversation-user-replied.json");
    expect(body.delivery_attempts).toBe(2);
    expect(parsed(body).eventId).toBe("notif_9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c02");
  });

  it("takes the newest part of the topic's kind when the copy lists several", () => {
    const body = fixture("conversation-admin-closed.json");
    // the closed copy lists the admin's reply, then the close part
    expect(parsed(body)).toMatchObject({ kind: "ticket_status_changed", messageRef: "29384750015" });
  });

  it("accepts raw bytes and numbers for ids", () => {
    const body = fixture("conversation-user-created.json") as { data: { item: { id: unknown } } };
    body.data.item.id = Number(CONVERSATION);
    expect(parsed(Buffer.from(JSON.stringify(body))).ticketRef).toBe(CONVERSATION);
  });

  it("finds the customer in contacts when an admin started the conversation", () => {
    const body = fixture("conversation-user-created.json") as { data: { item: { source: { author: { type: string; id: string } } } } };
    body.data.item.source.author = { type: "admin", id: TEAMMATE };
    expect(parsed(body)).toMatchObject({ requesterRef: USER, actorRef: TEAMMATE, identity: { externalId: "cust-70412" } });
  });

  it("leaves the requester to the thread when the copy names no contact", () => {
    const body = fixture("conversation-user-created.json") as { data: { item: Record<string, unknown> } };
    delete body.data.item.contacts;
    (body.data.item.source as Record<string, unknown>).author = null;
    const event = parsed(body);
    expect(event.requesterRef).toBeUndefined();
    expect(event.identity).toBeUndefined();
  });
});

describe("parseIntercomBody: contact topics", () => {
  it("contact.user.created → identity_changed with external_id and e-mail (unverified: Intercom does not say)", () => {
    expect(parsed(fixture("contact-user-created.json"))).toMatchObject({
      kind: "identity_changed",
      requesterRef: USER,
      identity: { providerUserRef: USER, externalId: "cust-70412", email: "priya@example.com", name: "Priya Raman" },
    });
    expect(parsed(fixture("contact-user-created.json")).identity).not.toHaveProperty("emailVerified");
  });

  it("contact.email.updated → identity_changed with the new e-mail", () => {
    expect(parsed(fixture("contact-email-updated.json"))).toMatchObject({ kind: "identity_changed", identity: { email: "priya.raman@example.org" } });
  });

  it("contact.merged → user_merged from the absorbed lead into the surviving user", () => {
    expect(parsed(fixture("contact-merged.json"))).toMatchObject({
      kind: "user_merged",
      type: "contact.merged",
      requesterRef: USER,
      merge: { fromUserRef: LEAD, intoUserRef: USER },
    });
  });

  it("contact.lead.signed_up of the same contact → identity_changed, now with an external_id", () => {
    expect(parsed(fixture("contact-lead-signed-up.json"))).toMatchObject({ kind: "identity_changed", requesterRef: LEAD, identity: { providerUserRef: LEAD, externalId: "cust-70412" } });
  });

  it("contact.lead.signed_up naming an absorbed contact → user_merged", () => {
    const body = fixture("contact-lead-signed-up.json") as { data: { item: Record<string, unknown> } };
    body.data.item.id = USER;
    body.data.item.merged_from_id = LEAD;
    expect(parsed(body)).toMatchObject({ kind: "user_merged", merge: { fromUserRef: LEAD, intoUserRef: USER } });
  });

  it("a lead's external_id is not trusted as the company's id", () => {
    const body = fixture("contact-user-created.json") as { topic: string; data: { item: Record<string, unknown> } };
    body.topic = "contact.email.updated";
    body.data.item.role = "lead";
    expect(parsed(body).identity).not.toHaveProperty("externalId");
  });

  it("an e-mail Intercom marks verified is passed on as verified", () => {
    const body = fixture("contact-email-updated.json") as { data: { item: Record<string, unknown> } };
    body.data.item.email_verified = true;
    expect(parsed(body).identity).toMatchObject({ emailVerified: true });
  });
});

describe("parseIntercomBody: skips and malformed bodies", () => {
  const notif = (topic: string, item: unknown = { type: "conversation", id: "1" }) => ({ type: "notification_event", id: "notif_x", app_id: APP_ID, topic, data: { item } });
  it.each([
    // Intercom's ping has a null id: nothing to tell two of them apart by
    ["ping", fixture("ping.json"), { ok: false, code: "skip", reason: "ping", type: "ping", distinct: true }],
    ["ping with an id", { ...fixture("ping.json"), id: "notif_1" }, { ok: false, code: "skip", reason: "ping", type: "ping" }],
    ["an unknown topic", notif("conversation.admin.snoozed"), { ok: false, code: "skip", reason: "topic not handled: conversation.admin.snoozed", type: "conversation.admin.snoozed" }],
    ["a merge naming no other contact", notif("contact.merged", { type: "contact", id: USER }), { ok: false, code: "skip", reason: `contact.merged: contact ${USER} names no merged_from contact`, type: "contact.merged" }],
    ["a merge into itself", notif("contact.merged", { type: "contact", id: USER, merged_from: { type: "contact", id: USER } }), { ok: false, code: "skip", reason: `contact.merged: contact ${USER} merged into itself`, type: "contact.merged" }],
  ])("skips %s", (_name, body, expected) => {
    expect(parseIntercomBody(body)).toEqual(expected);
  });

  it.each([
    ["not JSON", "{nope", "body is not JSON"],
    ["an array", [], "body must be a JSON object"],
    ["null", null, "body must be a JSON object"],
    ["another type", { type: "event", topic: "ping" }, 'type must be "notification_event", got "event"'],
    ["no topic", { type: "notification_event", id: "notif_x" }, 'notification has no "topic"'],
    ["no data.item", { type: "notification_event", topic: "conversation.user.created" }, "conversation.user.created: notification has no data.item"],
    ["a conversation without id", notif("conversation.user.replied", { type: "conversation" }), "conversation.user.replied: data.item has no conversation id"],
    ["a contact without id", notif("contact.user.created", { type: "contact", email: "a@b.example" }), "contact.user.created: data.item has no contact id"],
    ["an item that is not an object", notif("conversation.user.created", "215468813201174"), "conversation.user.created: notification has no data.item"],
  ])("calls %s malformed, naming the field", (_name, body, message) => {
    expect(parseIntercomBody(body)).toEqual({ ok: false, code: "malformed", message });
  });
});

describe("intercomAccountOf", () => {
  it.each([
    ["a notification", fixture("conversation-user-created.json"), APP_ID],
    ["raw bytes", fixtureBytes("ping.json"), APP_ID],
    ["no app_id", { topic: "ping" }, undefined],
    ["an empty app_id", { app_id: " " }, undefined],
    ["not JSON", "{", undefined],
  ])("%s", (_name, body, expected) => {
    expect(intercomAccountOf(body)).toBe(expected);
  });
});
