import nock from "nock";
import type { InstallationInfo } from "../../../../connectors/types";
import { zendeskConnector } from "../../../../connectors/zendesk";
import { signZendeskBody } from "../../../../connectors/zendesk/verify";
import { fixture, fixtureBytes } from "./fixtures";

const inst: InstallationInfo = {
  id: "inst_1",
  tenantId: "t_1",
  provider: "zendesk",
  account: "acme-support",
  settings: { email: "memory-bot@acme.example", agentId: "8447388099001" },
  secrets: { apiToken: "zd-api-token-123", signingSecret: "whsec-test-3b9c1f" },
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("zendeskConnector", () => {
  it("states Zendesk's facts", () => {
    expect(zendeskConnector.provider).toBe("zendesk");
    expect(zendeskConnector.facts).toEqual({
      retryHeader: { name: "Retry-After", kind: "after" },
      pageSize: 100,
      deliveryIdHeader: "x-zendesk-webhook-invocation-id",
      timestampSigned: true,
      noteRateLimit: { notes: 3, windowMs: 600_000 },
      idPrefix: "zd",
      secretHeaders: ["x-zendesk-webhook-signature"],
      webhookRoutes: { perInstallation: true },
    });
  });

  it("takes a signed delivery from bytes to a note posted on the ticket", async () => {
    const rawBody = fixtureBytes("comment-added-customer.json");
    const timestamp = "2025-01-08T15:02:42Z";
    const req = {
      headers: {
        "x-zendesk-webhook-signature": signZendeskBody(inst.secrets.signingSecret!, timestamp, rawBody),
        "x-zendesk-webhook-signature-timestamp": timestamp,
        "x-zendesk-webhook-invocation-id": "8350205582",
      },
      rawBody,
      query: {},
    };
    expect(zendeskConnector.verify(req, inst, new Date("2025-01-08T15:03:00Z"))).toEqual({ ok: true });
    const parsed = zendeskConnector.parse(JSON.parse(rawBody.toString("utf8")));
    if (!parsed.ok) throw new Error("did not parse");
    expect(zendeskConnector.dedupeKey(parsed.event, req, inst)).toBe("acme-support:d4f5c389-0f53-4c1e-9d6c-2b7a8e9f0a12");
    expect(zendeskConnector.isOwnEcho(parsed.event, inst, new Set())).toBe(false);

    const base = "http://127.0.0.1:4010";
    nock(base).get("/api/v2/tickets/5158.json").query({ include: "users,organizations" }).reply(200, fixture("ticket.json"));
    nock(base).get("/api/v2/tickets/5158/comments.json").query(true).reply(200, {
      comments: [{ id: 31200455501, author_id: 8447388090494, body: "Any update?", public: true, created_at: "2025-01-08T15:02:40Z" }],
      users: [{ id: 8447388090494, role: "end-user" }],
      meta: { has_more: false },
      links: { next: null },
    });
    nock(base).get("/api/v2/users/8447388090494.json").reply(200, fixture("user.json"));
    const put = nock(base).put("/api/v2/tickets/5158.json", (b: { ticket: { comment: { public: boolean; html_body: string } } }) => b.ticket.comment.public === false && b.ticket.comment.html_body.includes("helpdesk-memory")).reply(200, fixture("put-ticket-response.json"));

    const client = zendeskConnector.createClient(inst, base);
    const thread = await zendeskConnector.fetchThread(client, parsed.event.ticketRef!);
    expect(thread.messages).toEqual([{ id: "31200455501", role: "customer", authorRef: "8447388090494", body: "Any update?", createdAt: "2025-01-08T15:02:40Z", internal: false }]);
    expect(await zendeskConnector.resolveRequester(client, parsed.event.requesterRef!)).toMatchObject({ externalId: "crm-000184", emailVerified: true });
    const note = zendeskConnector.renderNote({
      context: { has_context: true, support_type: "ecommerce", items: [{ field: "current_open_issue", text: "Open issue: duplicate charge", pinned: true }], system_prompt_addition: "", context_token_count: 0, truncated: false },
      profile: null,
      externalUserId: "crm-000184",
    });
    const { noteRef } = await zendeskConnector.postNote(client, "5158", note, inst);
    expect(put.isDone()).toBe(true);

    // The note comes back as a comment_added: recognised by its author and by its id.
    const echo = zendeskConnector.parse(fixture("comment-added-own-note.json"));
    if (!echo.ok) throw new Error("did not parse");
    expect(zendeskConnector.isOwnEcho(echo.event, inst, new Set([noteRef]))).toBe(true);
    expect(zendeskConnector.isOwnEcho(echo.event, { ...inst, settings: {} }, new Set([noteRef]))).toBe(true);
  });
});
