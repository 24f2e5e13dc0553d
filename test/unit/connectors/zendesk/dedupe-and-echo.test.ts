import { createHash } from "node:crypto";
import type { InstallationInfo, NormalisedEvent, RawRequest } from "../../../../connectors/types";
import { zendeskDedupeKey } from "../../../../connectors/zendesk/dedupe-key";
import { isZendeskOwnEcho } from "../../../../connectors/zendesk/own-echo";
import { parseZendeskBody } from "../../../../connectors/zendesk/parse";
import { fixture, fixtureBytes } from "./fixtures";

const inst: InstallationInfo = {
  id: "inst_1",
  tenantId: "t_1",
  provider: "zendesk",
  account: "acme-support",
  settings: { email: "memory-bot@acme.example", agentId: "8447388099001" },
  secrets: { apiToken: "token" },
};

function eventOf(name: string): NormalisedEvent {
  const result = parseZendeskBody(name === AGENT_REPLY ? withoutIsStaff(fixture(name)) : fixture(name));
  if (!result.ok) throw new Error(`fixture ${name} did not parse`);
  return result.event;
}

/**
 * A public reply the body names as staff's is skipped at parse (no event to dedupe or check); the
 * same reply without `is_staff` (author not the requester) is still an agent_message.
 */
const AGENT_REPLY = "comment-added-agent-public.json";

function withoutIsStaff(body: Record<string, unknown>): Record<string, unknown> {
  const event = body.event as { comment: { author: Record<string, unknown> } };
  const { is_staff: _dropped, ...author } = event.comment.author;
  return { ...body, event: { ...event, comment: { ...event.comment, author } } };
}

function req(name: string, headers: Record<string, string> = {}): RawRequest {
  return { headers, rawBody: fixtureBytes(name), query: {} };
}

describe("zendeskDedupeKey", () => {
  it("uses the event id of an event subscription, even when an invocation id is present", () => {
    const key = zendeskDedupeKey(eventOf("comment-added-customer.json"), req("comment-added-customer.json", { "x-zendesk-webhook-invocation-id": "inv-1" }), inst);
    expect(key).toBe("acme-support:d4f5c389-0f53-4c1e-9d6c-2b7a8e9f0a12");
  });

  it("uses the invocation id for a trigger body", () => {
    const key = zendeskDedupeKey(eventOf("trigger-body.json"), req("trigger-body.json", { "x-zendesk-webhook-invocation-id": "8350205582" }), inst);
    expect(key).toBe("acme-support:inv:8350205582");
  });

  it("falls back to a hash of the raw bytes", () => {
    const digest = createHash("sha256").update(fixtureBytes("trigger-body.json")).digest("hex");
    expect(zendeskDedupeKey(eventOf("trigger-body.json"), req("trigger-body.json"), inst)).toBe(`acme-support:body:${digest}`);
  });

  it("gives two different deliveries two keys and a retry the same key", () => {
    const a = zendeskDedupeKey(eventOf("comment-added-customer.json"), req("comment-added-customer.json"), inst);
    const b = zendeskDedupeKey(eventOf("comment-added-agent-public.json"), req("comment-added-agent-public.json"), inst);
    const retry = zendeskDedupeKey(eventOf("comment-added-customer.json"), req("comment-added-customer.json"), inst);
    expect(a).not.toBe(b);
    expect(retry).toBe(a);
  });

  it("scopes keys by account", () => {
    const other = { ...inst, account: "other-co" };
    const event = eventOf("ticket-created.json");
    expect(zendeskDedupeKey(event, req("ticket-created.json"), other)).not.toBe(zendeskDedupeKey(event, req("ticket-created.json"), inst));
  });
});

describe("isZendeskOwnEcho", () => {
  it.each([
    ["our note coming back (author is our agent)", "comment-added-own-note.json", new Set<string>(), true],
    ["a customer message", "comment-added-customer.json", new Set<string>(), false],
    ["a colleague's public reply", "comment-added-agent-public.json", new Set<string>(), false],
    ["a comment id we posted, whoever the author", "comment-added-agent-public.json", new Set(["31200455777"]), true],
    ["a user event (no actor, no message)", "user-external-id-changed.json", new Set(["31200455777"]), false],
  ])("%s", (_name, name, posted, expected) => {
    expect(isZendeskOwnEcho(eventOf(name), inst, posted)).toBe(expected);
  });

  it("does not match anything when no agent is configured", () => {
    const noAgent = { ...inst, settings: { email: "memory-bot@acme.example" } };
    expect(isZendeskOwnEcho(eventOf("comment-added-own-note.json"), noAgent, new Set())).toBe(false);
    expect(isZendeskOwnEcho({ kind: "ticket_updated", type: "zendesk.trigger" }, { ...inst, settings: { agentId: "" } }, new Set())).toBe(false);
  });
});
