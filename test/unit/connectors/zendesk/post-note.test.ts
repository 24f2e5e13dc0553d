import nock from "nock";
import { ProviderError, type InstallationInfo } from "../../../../connectors/types";
import { createZendeskClient } from "../../../../connectors/zendesk/client";
import { postZendeskNote } from "../../../../connectors/zendesk/post-note";
import { fixture } from "./fixtures";

const BASE = "https://acme-support.zendesk.com";
const BASIC = `Basic ${Buffer.from("memory-bot@acme.example/token:zd-api-token-123").toString("base64")}`;
const NOTE = { body: "<p><strong>Remembered context</strong></p>\n<p>helpdesk-memory</p>", format: "html" as const };

function installation(agentId?: string): InstallationInfo {
  return {
    id: "inst_1",
    tenantId: "t_1",
    provider: "zendesk",
    account: "acme-support",
    settings: { email: "memory-bot@acme.example", agentId },
    secrets: { apiToken: "zd-api-token-123" },
  };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("postZendeskNote", () => {
  it("PUTs a private html comment authored by our agent and returns the audit's Comment id", async () => {
    const scope = nock(BASE)
      .matchHeader("authorization", BASIC)
      .matchHeader("content-type", "application/json")
      .put("/api/v2/tickets/5158.json", { ticket: { comment: { html_body: NOTE.body, public: false, author_id: 8447388099001 } } })
      .reply(200, fixture("put-ticket-response.json"));

    const inst = installation("8447388099001");
    await expect(postZendeskNote(createZendeskClient(inst), "5158", NOTE, inst)).resolves.toEqual({ noteRef: "31200455612" });
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ["no agent configured", undefined],
    ["an agent id that is not a number", "memory-bot"],
  ])("leaves author_id out with %s (Zendesk then uses the token's user)", async (_name, agentId) => {
    const scope = nock(BASE).put("/api/v2/tickets/5158.json", { ticket: { comment: { html_body: NOTE.body, public: false } } }).reply(200, fixture("put-ticket-response.json"));
    const inst = installation(agentId);
    await postZendeskNote(createZendeskClient(inst), "5158", NOTE, inst);
    expect(scope.isDone()).toBe(true);
  });

  it("sends plain text as `body`", async () => {
    const scope = nock(BASE).put("/api/v2/tickets/5158.json", { ticket: { comment: { body: "remembered: refund pending", public: false, author_id: 8447388099001 } } }).reply(200, fixture("put-ticket-response.json"));
    const inst = installation("8447388099001");
    await postZendeskNote(createZendeskClient(inst), "5158", { body: "remembered: refund pending", format: "text" }, inst);
    expect(scope.isDone()).toBe(true);
  });

  it("returns an empty noteRef when the response has no Comment event, rather than guess", async () => {
    const response = fixture("put-ticket-response.json");
    const audit = response.audit as { events: { type: string }[] };
    nock(BASE).put("/api/v2/tickets/5158.json").reply(200, { ...response, audit: { ...audit, events: audit.events.filter((e) => e.type !== "Comment") } });
    const inst = installation("8447388099001");
    await expect(postZendeskNote(createZendeskClient(inst), "5158", NOTE, inst)).resolves.toEqual({ noteRef: "" });
  });

  it.each([
    [429, { "Retry-After": "12" }, 12000, true],
    [409, {}, undefined, true],
    [422, {}, undefined, false],
    [403, {}, undefined, false],
    [404, {}, undefined, false],
  ])("maps HTTP %i to a ProviderError", async (status, headers, retryAfterMs, retryable) => {
    nock(BASE).put("/api/v2/tickets/5158.json").reply(status, { error: "x" }, headers);
    const inst = installation("8447388099001");
    const error = await postZendeskNote(createZendeskClient(inst), "5158", NOTE, inst).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect([(error as ProviderError).status, (error as ProviderError).retryAfterMs, (error as ProviderError).retryable]).toEqual([status, retryAfterMs, retryable]);
  });

  it("treats a 200 that is not JSON (a proxy page) as a retryable failure", async () => {
    nock(BASE).put("/api/v2/tickets/5158.json").reply(200, "<html>maintenance</html>", { "Content-Type": "text/html" });
    const inst = installation("8447388099001");
    const error = await postZendeskNote(createZendeskClient(inst), "5158", NOTE, inst).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).retryable).toBe(true);
  });
});
