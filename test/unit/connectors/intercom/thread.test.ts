import nock from "nock";
import { createIntercomClient } from "../../../../connectors/intercom/client";
import { fetchIntercomThread } from "../../../../connectors/intercom/thread";
import { CONVERSATION, fixture, installation, OUR_ADMIN, TEAMMATE, USER } from "./fixtures";

const API = "https://api.intercom.io";
const client = () => createIntercomClient(installation(), { maxRetries: 0 });
const reply = (body: unknown) => nock(API).get(`/conversations/${CONVERSATION}`).query({ display_as: "plaintext" }).reply(200, body as nock.Body);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** A conversation of `count` alternating customer/agent comments, the newest `count` of `total`. */
function longConversation(count: number, total: number) {
  const base = fixture("conversation-api.json") as { conversation_parts: Record<string, unknown> };
  const parts = Array.from({ length: count }, (_, i) => ({
    type: "conversation_part",
    id: String(31000000000 + i),
    part_type: "comment",
    body: i % 2 === 0 ? `Message ${i}: the export still fails on workspace acme-prod` : `Agent reply ${i}`,
    created_at: 1736345520 + 60 * (i + 1),
    author: i % 2 === 0 ? { type: "user", id: USER, name: "Priya Raman" } : { type: "admin", id: TEAMMATE, name: "Sam Okafor" },
  }));
  base.conversation_parts = { type: "conversation_part.list", conversation_parts: parts, total_count: total };
  return base;
}

describe("fetchIntercomThread", () => {
  it("keeps the source and the conversation's messages, oldest first, with ids and roles", async () => {
    reply(fixture("conversation-api.json"));
    const thread = await fetchIntercomThread(client(), CONVERSATION);
    expect(thread).toMatchObject({ ticketRef: CONVERSATION, subject: "Charged twice", status: "open", requesterRef: USER });
    expect(thread.truncated).toBeUndefined();
    expect(thread.messages.map((m) => [m.id, m.role, m.internal])).toEqual([
      ["403918334", "customer", false], // the source message
      ["29384750103", "bot", false], // Fin's answer
      ["29384750104", "customer", false],
      ["29384750105", "agent", true], // our earlier note: internal, never fed to memory
      ["29384750106", "agent", false],
      ["29384750109", "customer", false],
    ]);
    // dropped: the assignment, Operator's auto-reply, the attribute update and the snooze
    expect(thread.messages[0]).toEqual({
      id: "403918334",
      role: "customer",
      authorRef: USER,
      body: "Hi, I was charged twice for order ORD-55123 on my Growth plan. Please refund the duplicate charge.",
      createdAt: "2025-01-08T14:12:00.000Z",
      internal: false,
    });
    expect(thread.messages[3]).toMatchObject({ authorRef: OUR_ADMIN, body: expect.stringContaining("ref 3f9a1c2b7d8e") });
  });

  it("marks a thread of 500 returned parts out of 800 as truncated and keeps all 500", async () => {
    reply(longConversation(500, 800));
    const thread = await fetchIntercomThread(client(), CONVERSATION);
    expect(thread.truncated).toBe(true);
    expect(thread.messages).toHaveLength(501);
    expect(thread.messages[1]!.id).toBe("31000000000");
    expect(thread.messages.at(-1)!.id).toBe("31000000499");
  });

  it("is not truncated when every part came back", async () => {
    reply(longConversation(120, 120));
    const thread = await fetchIntercomThread(client(), CONVERSATION);
    expect(thread.truncated).toBeUndefined();
    expect(thread.messages).toHaveLength(121);
  });

  it("turns HTML bodies into text and sorts parts listed out of order", async () => {
    const body = longConversation(2, 2) as { conversation_parts: { conversation_parts: Array<Record<string, unknown>> }; source: Record<string, unknown> };
    body.source.body = "<p>First line</p><p>Order &amp; invoice</p>";
    body.conversation_parts.conversation_parts.reverse();
    reply(body);
    const thread = await fetchIntercomThread(client(), CONVERSATION);
    expect(thread.messages.map((m) => m.id)).toEqual(["403918334", "31000000000", "31000000001"]);
    expect(thread.messages[0]!.body).toBe("First line\nOrder & invoice");
  });

  it("carries the subject, the starter's name and the channel the conversation came in by", async () => {
    reply(fixture("conversation-api.json"));
    const thread = await fetchIntercomThread(createIntercomClient(installation()), CONVERSATION);
    expect(thread).toMatchObject({ subject: "Charged twice", customer: { name: "Priya Raman" }, channel: "chat" });
    const email = fixture("conversation-api.json") as { source: Record<string, unknown> };
    reply({ ...email, source: { ...email.source, type: "email" } });
    expect((await fetchIntercomThread(createIntercomClient(installation()), CONVERSATION)).channel).toBe("email");
  });

  it("names nobody when an admin started the conversation", async () => {
    const body = fixture("conversation-api.json") as { source: Record<string, unknown> };
    reply({ ...body, source: { ...body.source, author: { type: "admin", id: "991267645", name: "Support Agent" } } });
    const thread = await fetchIntercomThread(createIntercomClient(installation()), CONVERSATION);
    expect(thread.customer).toBeUndefined();
  });

  it("reads a closed conversation's state and falls back to the title for a subject", async () => {
    const body = fixture("conversation-api.json") as { state: string; title: string; source: Record<string, unknown> };
    body.state = "closed";
    body.title = "Refund for ORD-55123";
    body.source.subject = "";
    reply(body);
    expect(await fetchIntercomThread(client(), CONVERSATION)).toMatchObject({ status: "closed", subject: "Refund for ORD-55123" });
  });

  it("drops unreadable parts instead of failing the thread", async () => {
    const body = longConversation(2, 2) as { conversation_parts: { conversation_parts: unknown[] } };
    body.conversation_parts.conversation_parts.push("not a part", null, { part_type: "comment", author: { type: "user", id: USER } });
    reply(body);
    expect((await fetchIntercomThread(client(), CONVERSATION)).messages).toHaveLength(3);
  });
});
