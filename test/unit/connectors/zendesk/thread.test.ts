import nock from "nock";
import { ProviderError, type InstallationInfo } from "../../../../connectors/types";
import { createZendeskClient } from "../../../../connectors/zendesk/client";
import { fetchZendeskThread } from "../../../../connectors/zendesk/thread";
import { AGENT, buildComments, commentsPage, cursorOf, REQUESTER } from "./comment-pages";
import { fixture } from "./fixtures";

const BASE = "https://acme-support.zendesk.com";
const BASIC = `Basic ${Buffer.from("memory-bot@acme.example/token:zd-api-token-123").toString("base64")}`;

const inst: InstallationInfo = {
  id: "inst_1",
  tenantId: "t_1",
  provider: "zendesk",
  account: "acme-support",
  settings: { email: "memory-bot@acme.example", agentId: "8447388099001" },
  secrets: { apiToken: "zd-api-token-123" },
};

function firstPage(ticketId = 5158) {
  return nock(BASE).matchHeader("authorization", BASIC).get(`/api/v2/tickets/${ticketId}/comments.json`).query({ "page[size]": "100", include: "users" });
}

function nextPage(index: number, ticketId = 5158) {
  return nock(BASE)
    .matchHeader("authorization", BASIC)
    .get(`/api/v2/tickets/${ticketId}/comments.json`)
    .query({ include: "users", "page[after]": cursorOf(index), "page[size]": "100" });
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("fetchZendeskThread", () => {
  it("returns a 250-comment ticket whole and in order across 3 cursor pages", async () => {
    const comments = buildComments(250);
    const ticket = nock(BASE).matchHeader("authorization", BASIC).get("/api/v2/tickets/5158.json").query({ include: "users,organizations" }).reply(200, fixture("ticket.json"));
    const pages = [
      firstPage().reply(200, commentsPage(comments, 0, 100, BASE, 5158)),
      nextPage(1).reply(200, commentsPage(comments, 1, 100, BASE, 5158)),
      nextPage(2).reply(200, commentsPage(comments, 2, 100, BASE, 5158)),
    ];

    const thread = await fetchZendeskThread(createZendeskClient(inst), "5158");

    expect(ticket.isDone()).toBe(true);
    for (const page of pages) expect(page.isDone()).toBe(true);
    expect(thread).toMatchObject({ ticketRef: "5158", subject: "Charged twice for my order", status: "open", requesterRef: String(REQUESTER) });
    expect(thread.truncated).toBeUndefined();
    expect(thread.messages).toHaveLength(250);
    expect(thread.messages.map((m) => m.id)).toEqual(comments.map((c) => String(c.id)));
    expect(thread.messages[0]).toEqual({
      id: "31200400000",
      role: "customer",
      authorRef: String(REQUESTER),
      body: "Customer message 1: still waiting on order ORD-55123",
      createdAt: "2025-01-08T14:20:11Z",
      internal: false,
    });
    expect(thread.messages[1]).toMatchObject({ role: "agent", authorRef: String(AGENT), internal: false });
    expect(thread.messages[9]).toMatchObject({ internal: true });
    expect(thread.messages.filter((m) => m.internal)).toHaveLength(25);
    expect(thread.messages[249]!.createdAt).toBe("2025-01-08T18:29:11Z");
  });

  it("surfaces a 429 with Retry-After: 2 as a retryable ProviderError of 2000 ms", async () => {
    nock(BASE).get("/api/v2/tickets/5158.json").query({ include: "users,organizations" }).reply(200, fixture("ticket.json"));
    firstPage().reply(429, { error: "APIRateLimitExceeded", description: "Number of allowed API requests per minute exceeded" }, { "Retry-After": "2" });

    const error = await rejection(fetchZendeskThread(createZendeskClient(inst), "5158"));
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(2000);
    expect(error.retryable).toBe(true);
    expect(error.message).not.toContain("zd-api-token-123");
  });

  it("surfaces a 429 on a later page too (not a partial thread)", async () => {
    const comments = buildComments(150);
    nock(BASE).get("/api/v2/tickets/5158.json").query({ include: "users,organizations" }).reply(200, fixture("ticket.json"));
    firstPage().reply(200, commentsPage(comments, 0, 100, BASE, 5158));
    nextPage(1).reply(429, "", { "Retry-After": "30" });

    const error = await rejection(fetchZendeskThread(createZendeskClient(inst), "5158"));
    expect([error.status, error.retryAfterMs]).toEqual([429, 30000]);
  });

  it("turns a rate limit on the ticket into a ProviderError with its Retry-After", async () => {
    nock(BASE).get("/api/v2/tickets/5158.json").query({ include: "users,organizations" }).reply(429, { error: "APIRateLimitExceeded" }, { "Retry-After": "7" });

    const error = await rejection(fetchZendeskThread(createZendeskClient(inst), "5158"));
    expect([error.status, error.retryAfterMs, error.retryable]).toEqual([429, 7000, true]);
  });

  it.each([
    [404, { error: "RecordNotFound", description: "Not found" }, false],
    [401, { error: "Couldn't authenticate you" }, false],
    [403, { error: "Forbidden" }, false],
    [500, { error: "InternalError" }, true],
    [503, { error: "ServiceUnavailable" }, true],
  ])("maps HTTP %i on the ticket (%j) to a ProviderError, retryable %s", async (status, body, retryable) => {
    nock(BASE).get("/api/v2/tickets/5158.json").query({ include: "users,organizations" }).reply(status, body);
    const error = await rejection(fetchZendeskThread(createZendeskClient(inst), "5158"));
    expect([error.status, error.retryable]).toEqual([status, retryable]);
  });

  it("does not take a 502 proxy page for a ticket", async () => {
    nock(BASE).get("/api/v2/tickets/5158.json").query({ include: "users,organizations" }).reply(502, "<html>Bad gateway</html>", { "Content-Type": "text/html" });
    const error = await rejection(fetchZendeskThread(createZendeskClient(inst), "5158"));
    expect([error.status, error.retryable]).toEqual([502, true]);
  });

  it("maps a connection failure to a retryable error without a status", async () => {
    nock(BASE).get("/api/v2/tickets/5158.json").query({ include: "users,organizations" }).reply(200, fixture("ticket.json"));
    firstPage().replyWithError({ code: "ECONNRESET", message: "socket hang up" });
    const error = await rejection(fetchZendeskThread(createZendeskClient(inst), "5158"));
    expect([error.status, error.retryable]).toEqual([undefined, true]);
  });

  it("refuses a ticket id that is not a number without calling Zendesk", async () => {
    const error = await rejection(fetchZendeskThread(createZendeskClient(inst), "5158/../../users/1"));
    expect(error.retryable).toBe(false);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("re-roots next links on the configured base URL and keeps the sideloads", async () => {
    const local = "http://127.0.0.1:4010";
    const comments = buildComments(120);
    nock(local).get("/api/v2/tickets/77.json").query({ include: "users,organizations" }).reply(200, { ticket: { id: 77, subject: "Roaming", status: "pending", requester_id: REQUESTER } });
    nock(local).get("/api/v2/tickets/77/comments.json").query({ "page[size]": "100", include: "users" }).reply(200, commentsPage(comments, 0, 100, BASE, 77));
    const second = nock(local)
      .get("/api/v2/tickets/77/comments.json")
      .query({ include: "users", "page[after]": cursorOf(1), "page[size]": "100" })
      .reply(200, commentsPage(comments, 1, 100, BASE, 77));

    const thread = await fetchZendeskThread(createZendeskClient(inst, { apiBaseUrl: `${local}/` }), "77");
    expect(second.isDone()).toBe(true);
    expect(thread.messages).toHaveLength(120);
    expect(thread.status).toBe("pending");
  });

  it("stops when Zendesk hands back the page it just served, and says the thread is truncated", async () => {
    const comments = buildComments(100);
    nock(BASE).get("/api/v2/tickets/5158.json").query({ include: "users,organizations" }).reply(200, fixture("ticket.json"));
    const loop = { ...commentsPage(comments, 0, 100, BASE, 5158), meta: { has_more: true }, links: { next: `${BASE}/api/v2/tickets/5158/comments.json?page[size]=100&include=users` } };
    firstPage().reply(200, loop);
    nock(BASE).get("/api/v2/tickets/5158/comments.json").query(true).reply(200, loop);

    const thread = await fetchZendeskThread(createZendeskClient(inst), "5158");
    expect(thread.messages).toHaveLength(100);
    expect(thread.truncated).toBe(true);
  });

  it("reads bodies from plain_body, then body, and sorts a page out of order", async () => {
    nock(BASE).get("/api/v2/tickets/9.json").query({ include: "users,organizations" }).reply(200, { ticket: { id: 9, subject: "s", status: "new", requester_id: REQUESTER } });
    firstPage(9).reply(200, {
      comments: [
        { id: 2, author_id: REQUESTER, body: "<p>second</p>", plain_body: "second", public: true, created_at: "2025-01-08T10:05:00Z" },
        { id: 1, author_id: REQUESTER, body: "first", public: true, created_at: "2025-01-08T10:00:00Z" },
        "not a comment",
        { id: 3, author_id: -1, body: "Your request was received", public: true, created_at: "2025-01-08T10:06:00Z", via: { channel: "rule", source: { rel: "trigger" } } },
      ],
      users: [{ id: REQUESTER, role: "end-user" }],
      meta: { has_more: false },
      links: { next: null },
    });
    const thread = await fetchZendeskThread(createZendeskClient(inst), "9");
    expect(thread.messages.map((m) => [m.id, m.body, m.role])).toEqual([
      ["1", "first", "customer"],
      ["2", "second", "customer"],
      ["3", "Your request was received", "bot"],
    ]);
  });

  describe("what the ticket says of the requester (subject, name, organization, channel)", () => {
    const fetchTicket = async (ticket: Record<string, unknown>, extra: Record<string, unknown>) => {
      const base = fixture("ticket.json") as { ticket: Record<string, unknown> };
      nock(BASE).get("/api/v2/tickets/5158.json").query({ include: "users,organizations" }).reply(200, { ticket: { ...base.ticket, ...ticket }, ...extra });
      firstPage().reply(200, { comments: [], users: [], meta: { has_more: false } });
      return fetchZendeskThread(createZendeskClient(inst), "5158");
    };
    const user = () => (fixture("user.json") as { user: Record<string, unknown> }).user;

    it("carries the subject, the requester's name and organization, and the channel in words", async () => {
      const thread = await fetchTicket(
        { organization_id: 9001, via: { channel: "email" } },
        { users: [user()], organizations: [{ id: 9002, name: "Other Co" }, { id: 9001, name: "Northwind Traders" }] },
      );
      expect(thread).toMatchObject({ subject: "Charged twice for my order", customer: { name: "Dana Customer", company: "Northwind Traders" }, channel: "email" });
    });

    it("still names the requester from a partial sideload, and maps messaging channels", async () => {
      const thread = await fetchTicket({ via: { channel: "native_messaging" } }, { users: [{ id: 8447388090494, name: "Dana Customer", role: "end-user" }] });
      expect(thread.customer).toEqual({ name: "Dana Customer" });
      expect(thread.channel).toBe("messaging");
    });

    it("drops the subject Zendesk writes itself for messaging tickets, a name that is an e-mail address, and the api channel", async () => {
      const thread = await fetchTicket(
        { subject: "Conversation with Dana", via: { channel: "api" } },
        { users: [{ ...user(), name: "dana.customer@example.com" }] },
      );
      expect(thread.subject).toBeUndefined();
      expect(thread.customer).toBeUndefined();
      expect(thread.channel).toBeUndefined();
    });
  });

  describe("the requester sideloaded with the ticket", () => {
    const ticketWith = (users: unknown[]) => ({ ...(fixture("ticket.json") as object), users });
    const fullUser = () => (fixture("user.json") as { user: Record<string, unknown> }).user;
    const fetchWith = async (users: unknown[]) => {
      nock(BASE).get("/api/v2/tickets/5158.json").query({ include: "users,organizations" }).reply(200, ticketWith(users));
      firstPage().reply(200, { comments: [], users: [], meta: { has_more: false } });
      return fetchZendeskThread(createZendeskClient(inst), "5158");
    };

    it("carries the requester's whole record, so nobody has to fetch the user again", async () => {
      const agent = { ...fullUser(), id: 8447388090495, role: "agent", email: "agent@acme.example", external_id: null };
      const thread = await fetchWith([agent, fullUser()]);
      expect(thread.requester).toEqual({
        providerUserRef: "8447388090494",
        externalId: "crm-000184",
        email: "dana.customer@example.com",
        emailVerified: true,
        name: "Dana Customer",
      });
    });

    it("reads an unverified e-mail and an unset external_id as such", async () => {
      const thread = await fetchWith([{ ...fullUser(), verified: false, external_id: null }]);
      expect(thread.requester).toEqual({ providerUserRef: "8447388090494", email: "dana.customer@example.com", emailVerified: false, name: "Dana Customer" });
    });

    it.each([
      ["a partial record (no verified, external_id or email)", [{ id: 8447388090494, name: "Dana Customer", role: "end-user" }]],
      ["a record without verified", [{ id: 8447388090494, name: "Dana Customer", email: "dana.customer@example.com", external_id: null }]],
      ["only other users", [{ id: 8447388090495, name: "Agent", email: "a@acme.example", verified: true, external_id: null }]],
      ["users that is not a list", { 8447388090494: { verified: true } }],
    ])("leaves the requester to be fetched when the sideload holds %s", async (_what, users) => {
      const thread = await fetchWith(users as unknown[]);
      expect(thread.requesterRef).toBe("8447388090494");
      expect(thread.requester).toBeUndefined();
    });
  });
});
