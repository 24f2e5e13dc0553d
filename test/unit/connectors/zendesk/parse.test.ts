import { parseZendeskBody } from "../../../../connectors/zendesk/parse";
import { fixture, fixtureBytes } from "./fixtures";

describe("parseZendeskBody: fixtures shaped like Zendesk's", () => {
  it.each([
    [
      "ticket-created.json",
      {
        kind: "ticket_created",
        type: "zen:event-type:ticket.created",
        eventId: "3f2c7e51-9a1b-4c8d-b0e2-6f5a4d3c2b10",
        occurredAt: "2025-01-08T14:20:12.481Z",
        ticketRef: "5158",
        requesterRef: "8447388090494",
        actorRef: "8447388090494",
        status: "new",
      },
    ],
    [
      "comment-added-customer.json",
      {
        kind: "customer_message",
        type: "zen:event-type:ticket.comment_added",
        eventId: "d4f5c389-0f53-4c1e-9d6c-2b7a8e9f0a12",
        occurredAt: "2025-01-08T15:02:41.123Z",
        ticketRef: "5158",
        requesterRef: "8447388090494",
        actorRef: "8447388090494",
        messageRef: "31200455501",
        status: "open",
      },
    ],
    [
      "comment-added-own-note.json",
      {
        kind: "internal_note",
        type: "zen:event-type:ticket.comment_added",
        eventId: "b7c8d9e0-f1a2-4b3c-9d4e-5f6a7b8c9d05",
        occurredAt: "2025-01-08T15:02:45.310Z",
        ticketRef: "5158",
        requesterRef: "8447388090494",
        actorRef: "8447388099001",
        messageRef: "31200455612",
        status: "open",
      },
    ],
    [
      "status-changed-solved.json",
      {
        kind: "ticket_status_changed",
        type: "zen:event-type:ticket.status_changed",
        eventId: "c1d2e3f4-a5b6-4c7d-8e9f-a0b1c2d3e4f7",
        occurredAt: "2025-01-10T09:12:01.777Z",
        ticketRef: "5158",
        requesterRef: "8447388090494",
        actorRef: "8447388090495",
        status: "solved",
      },
    ],
    [
      "ticket-merged.json",
      {
        kind: "ticket_status_changed",
        type: "zen:event-type:ticket.merged",
        eventId: "e9f8a7b6-c5d4-4e3f-a2b1-c0d9e8f7a609",
        occurredAt: "2025-01-09T08:20:01.045Z",
        ticketRef: "5163",
        requesterRef: "8447388090494",
        actorRef: "8447388090495",
        status: "merged",
      },
    ],
    [
      "user-external-id-changed.json",
      {
        kind: "identity_changed",
        type: "zen:event-type:user.external_id_changed",
        eventId: "f0e1d2c3-b4a5-4967-8879-6a5b4c3d2e10",
        occurredAt: "2025-01-11T12:00:05Z",
        requesterRef: "8447388090494",
        identity: { providerUserRef: "8447388090494", externalId: "crm-000184", email: "dana.customer@example.com" },
      },
    ],
    [
      "user-merged.json",
      {
        kind: "user_merged",
        type: "zen:event-type:user.merged",
        eventId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c11",
        occurredAt: "2025-01-12T09:00:01Z",
        requesterRef: "8447388090494",
        merge: { fromUserRef: "8447388090611", intoUserRef: "8447388090494" },
      },
    ],
    [
      "messaging-message-added.json",
      {
        kind: "customer_message",
        type: "zen:event-type:messaging_ticket.message_added",
        eventId: "1c2d3e4f-5a6b-4c7d-9e8f-0a1b2c3d4e12",
        occurredAt: "2025-01-13T18:04:00.512Z",
        ticketRef: "5171",
        requesterRef: "8447388090702",
        actorRef: "8447388090702",
        messageRef: "65a1f3e0a7c1f50013de56ef",
        status: "open",
      },
    ],
    [
      "trigger-body.json",
      {
        kind: "ticket_updated",
        type: "zendesk.trigger",
        ticketRef: "5158",
        requesterRef: "8447388090494",
        actorRef: "8447388090494",
        status: "open",
        identity: { providerUserRef: "8447388090494", externalId: "crm-000184", email: "dana.customer@example.com" },
      },
    ],
  ])("%s", (name, expected) => {
    expect(parseZendeskBody(fixture(name))).toEqual({ ok: true, event: expected });
  });

  it("skips a public reply the body names as staff's: no API call is worth making for it", () => {
    expect(parseZendeskBody(fixture("comment-added-agent-public.json"))).toEqual({ ok: false, code: "skip", reason: "staff_message", type: "zen:event-type:ticket.comment_added" });
  });

  it("parses the raw bytes as well as parsed JSON", () => {
    expect(parseZendeskBody(fixtureBytes("ticket-created.json"))).toEqual(parseZendeskBody(fixture("ticket-created.json")));
  });
});

/** A comment_added envelope with the given comment and detail overrides. */
function commentAdded(comment: unknown, detail: Record<string, unknown> = {}): Record<string, unknown> {
  const base = fixture("comment-added-customer.json");
  return { ...base, detail: { ...(base.detail as object), ...detail }, event: { comment } };
}

describe("parseZendeskBody: comment_added decides who wrote what", () => {
  it.each([
    ["public, end-user", { id: "1", is_public: true, author: { id: "8447388090494", is_staff: false } }, "customer_message"],
    ["public, staff (named so: skipped)", { id: "1", is_public: true, author: { id: "77", is_staff: true } }, "skip:staff_message"],
    ["private, staff", { id: "1", is_public: false, author: { id: "77", is_staff: true } }, "internal_note"],
    ["private, end-user (side conversation copy)", { id: "1", is_public: false, author: { id: "8447388090494", is_staff: false } }, "internal_note"],
    ["is_public as a string", { id: "1", is_public: "false", author: { id: "77", is_staff: true } }, "internal_note"],
    ["`public` instead of `is_public`", { id: "1", public: false, author: { id: "77", is_staff: true } }, "internal_note"],
    ["no is_staff, author is the requester", { id: "1", is_public: true, author: { id: "8447388090494" } }, "customer_message"],
    ["no is_staff, author is someone else", { id: "1", is_public: true, author: { id: "77" } }, "agent_message"],
    ["no public flag: public by default", { id: "1", author: { id: "8447388090494", is_staff: false } }, "customer_message"],
  ])("%s → %s", (_name, comment, kind) => {
    const result = parseZendeskBody(commentAdded(comment));
    expect(result.ok ? result.event.kind : result.code === "skip" && `skip:${result.reason}`).toBe(kind);
  });

  it("takes numeric ids as strings and ignores empty ones", () => {
    const result = parseZendeskBody(commentAdded({ id: 31200455501, is_public: true, author: { id: 8447388090494, is_staff: false } }, { requester_id: 8447388090494, actor_id: "" }));
    expect(result).toMatchObject({ ok: true, event: { messageRef: "31200455501", actorRef: "8447388090494", requesterRef: "8447388090494" } });
  });

  it("finds the ticket in `subject` when detail has no id", () => {
    const body = commentAdded({ id: "1", is_public: true, author: { id: "8447388090494", is_staff: false } }, { id: null });
    expect(parseZendeskBody(body)).toMatchObject({ ok: true, event: { ticketRef: "5158" } });
  });

  it("reports a missing comment by name", () => {
    expect(parseZendeskBody({ ...fixture("comment-added-customer.json"), event: {} })).toEqual({
      ok: false,
      code: "malformed",
      message: "zen:event-type:ticket.comment_added: no event.comment",
    });
  });
});

describe("parseZendeskBody: tolerance and refusals", () => {
  const created = fixture("ticket-created.json");

  it.each([
    ["an unknown event type", { ...created, type: "zen:event-type:ticket.priority_changed" }, { ok: false, code: "skip", reason: "event type not handled: zen:event-type:ticket.priority_changed", type: "zen:event-type:ticket.priority_changed" }],
    ["an organization event", { ...created, type: "zen:event-type:organization.created", subject: "zen:organization:1" }, { ok: false, code: "skip", reason: "event type not handled: zen:event-type:organization.created", type: "zen:event-type:organization.created" }],
    ["a non-Zendesk type without a ticket id", { type: "ping" }, { ok: false, code: "skip", reason: "event type not handled: ping", type: "ping" }],
    ["an array", [1, 2], { ok: false, code: "malformed", message: "body must be a JSON object" }],
    ["null", null, { ok: false, code: "malformed", message: "body must be a JSON object" }],
    ["a string that is not JSON", "ticket 5158", { ok: false, code: "malformed", message: "body is not JSON" }],
    ["an empty object", {}, { ok: false, code: "malformed", message: 'body has neither an event-subscription "type" nor a trigger "ticket_id"' }],
    [
      "a ticket event without a ticket id",
      { ...created, subject: "", detail: { ...(created.detail as object), id: "" } },
      { ok: false, code: "malformed", message: 'zen:event-type:ticket.created: no ticket id (detail.id or subject "zen:ticket:<id>")' },
    ],
    [
      "a ticket event with a ticket id that is not a number",
      { ...created, detail: { ...(created.detail as object), id: "../users/1" } },
      { ok: false, code: "malformed", message: 'zen:event-type:ticket.created: ticket id must be a number, got "../users/1"' },
    ],
    [
      "a status change without a status",
      { ...fixture("status-changed-solved.json"), event: {}, detail: { id: "5158" } },
      { ok: false, code: "malformed", message: "zen:event-type:ticket.status_changed: no new status (event.current or detail.status)" },
    ],
    [
      "a trigger body with an unfilled placeholder (test delivery)",
      { ticket_id: "{{ticket.id}}" },
      { ok: false, code: "malformed", message: 'trigger webhook body has no ticket_id (write "ticket_id": "{{ticket.id}}" in the trigger)' },
    ],
    ["a trigger body with an empty ticket id", { ticket_id: "" }, { ok: false, code: "malformed", message: 'trigger webhook body has no ticket_id (write "ticket_id": "{{ticket.id}}" in the trigger)' }],
    ["a trigger body with a word for a ticket id", { ticket_id: "abc" }, { ok: false, code: "malformed", message: 'trigger webhook body: ticket_id must be a number, got "abc"' }],
  ])("%s", (_name, body, expected) => {
    expect(parseZendeskBody(body)).toEqual(expected);
  });

  it("ignores extra and oddly typed fields", () => {
    const body = { ...created, detail: { ...(created.detail as object), tags: "not-an-array", via: null, brand_id: 5 }, extra: { nested: [1] }, event: "weird" };
    expect(parseZendeskBody(body)).toMatchObject({ ok: true, event: { kind: "ticket_created", ticketRef: "5158" } });
  });

  it("uses the submitter when the payload has no actor", () => {
    const body = { ...created, detail: { ...(created.detail as object), actor_id: "", submitter_id: "8447388090495" } };
    expect(parseZendeskBody(body)).toMatchObject({ ok: true, event: { actorRef: "8447388090495", requesterRef: "8447388090494" } });
  });

  it("accepts the slash spelling of the type prefix", () => {
    const body = { ...fixture("user-external-id-changed.json"), type: "zen:event-type/user.external_id_changed" };
    expect(parseZendeskBody(body)).toMatchObject({ ok: true, event: { kind: "identity_changed", requesterRef: "8447388090494" } });
  });

  it("reads status from detail when the event has none", () => {
    const body = { ...fixture("status-changed-solved.json"), event: { previous: "OPEN" } };
    expect(parseZendeskBody(body)).toMatchObject({ ok: true, event: { status: "solved" } });
  });
});

describe("parseZendeskBody: trigger bodies", () => {
  it.each([
    ["numbers instead of strings", { ticket_id: 5158, requester_id: 8447388090494 }, { kind: "ticket_updated", type: "zendesk.trigger", ticketRef: "5158", requesterRef: "8447388090494" }],
    ["only a ticket id", { ticket_id: "5158" }, { kind: "ticket_updated", type: "zendesk.trigger", ticketRef: "5158" }],
    ["a nested ticket object", { ticket: { id: "5158", status: "Pending" } }, { kind: "ticket_updated", type: "zendesk.trigger", ticketRef: "5158", status: "pending" }],
    [
      "empty placeholders for identity",
      { ticket_id: "5158", requester_external_id: "", requester_email: "", comment_id: "31200455501" },
      { kind: "ticket_updated", type: "zendesk.trigger", ticketRef: "5158", messageRef: "31200455501" },
    ],
    ["the admin's own `type` field", { type: "question", ticket_id: "5158" }, { kind: "ticket_updated", type: "zendesk.trigger", ticketRef: "5158" }],
  ])("%s", (_name, body, expected) => {
    expect(parseZendeskBody(body)).toEqual({ ok: true, event: expected });
  });
});

describe("parseZendeskBody: user events", () => {
  const merged = fixture("user-merged.json");
  const userDetail = merged.detail as Record<string, unknown>;

  it.each([
    ["surviving user named as an object", { current: { id: "8447388090494" } }, { fromUserRef: "8447388090611", intoUserRef: "8447388090494" }],
    ["merged-away user named, subject survives", { original_user_id: 8447388090999 }, { fromUserRef: "8447388090999", intoUserRef: "8447388090611" }],
    ["both named", { source_user_id: "1", target_user_id: "2" }, { fromUserRef: "1", intoUserRef: "2" }],
  ])("user.merged with %s", (_name, event, merge) => {
    expect(parseZendeskBody({ ...merged, event })).toMatchObject({ ok: true, event: { kind: "user_merged", merge, requesterRef: merge.intoUserRef } });
  });

  it("skips a user.merged that names no second user", () => {
    expect(parseZendeskBody({ ...merged, event: {} })).toEqual({
      ok: false,
      code: "skip",
      reason: "zen:event-type:user.merged: the event names no other user than 8447388090611",
      type: "zen:event-type:user.merged",
    });
  });

  it("skips identity changes of staff users", () => {
    const body = { ...fixture("user-external-id-changed.json"), detail: { ...userDetail, role: "agent" } };
    expect(parseZendeskBody(body)).toMatchObject({ ok: false, code: "skip" });
  });

  it("reads a removed external id as absent", () => {
    const base = fixture("user-external-id-changed.json");
    const body = { ...base, detail: { ...(base.detail as object), external_id: "" }, event: { current: "", previous: "crm-000184" } };
    expect(parseZendeskBody(body)).toMatchObject({ ok: true, event: { identity: { providerUserRef: "8447388090494", email: "dana.customer@example.com" } } });
    const result = parseZendeskBody(body);
    expect(result.ok && result.event.identity).not.toHaveProperty("externalId");
  });

  it.each([
    ["a verified primary e-mail", "zen:event-type:user.identity_changed", { current: { type: "email", value: "Dana.Customer@example.com", verified: true } }, true],
    ["an unverified primary e-mail", "zen:event-type:user.identity_created", { current: { type: "email", value: "dana.customer@example.com", verified: false } }, false],
    ["another identity (phone)", "zen:event-type:user.identity_changed", { current: { type: "phone_number", value: "+15550100", verified: true } }, undefined],
    ["a deleted identity", "zen:event-type:user.identity_deleted", { previous: { type: "email", value: "old@example.com" } }, undefined],
  ])("identity event with %s", (_name, type, event, emailVerified) => {
    const base = fixture("user-external-id-changed.json");
    const result = parseZendeskBody({ ...base, type, event });
    expect(result).toMatchObject({ ok: true, event: { kind: "identity_changed", requesterRef: "8447388090494" } });
    expect(result.ok && result.event.identity?.emailVerified).toBe(emailVerified);
  });
});

describe("parseZendeskBody: messaging", () => {
  const base = fixture("messaging-message-added.json");
  it.each([
    ["end_user", "customer_message"],
    ["agent", "skip:staff_message"],
    ["trigger", "skip:bot_message"],
    ["system", "skip:bot_message"],
    ["something new", "agent_message"],
  ])("actor %s → %s", (type, kind) => {
    const body = { ...base, event: { ...(base.event as object), actor: { id: "1", type } } };
    const result = parseZendeskBody(body);
    expect(result.ok ? result.event.kind : result.code === "skip" && `skip:${result.reason}`).toBe(kind);
  });
});
