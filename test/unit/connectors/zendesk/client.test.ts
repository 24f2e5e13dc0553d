import nock from "nock";
import { ProviderError, type InstallationInfo } from "../../../../connectors/types";
import { createZendeskClient, subdomainOf } from "../../../../connectors/zendesk/client";
import { isRetryableStatus, providerErrorFor, retryAfterMs } from "../../../../connectors/zendesk/provider-error";
import { resolveZendeskRequester } from "../../../../connectors/zendesk/requester";
import { fetchZendeskThread } from "../../../../connectors/zendesk/thread";
import { fixture } from "./fixtures";

function installation(over: Partial<InstallationInfo> = {}): InstallationInfo {
  return {
    id: "inst_1",
    tenantId: "t_1",
    provider: "zendesk",
    account: "acme-support",
    settings: { email: "memory-bot@acme.example", agentId: "8447388099001" },
    secrets: { apiToken: "zd-api-token-123" },
    ...over,
  };
}

const BASIC = `Basic ${Buffer.from("memory-bot@acme.example/token:zd-api-token-123").toString("base64")}`;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

async function thrown(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe("createZendeskClient", () => {
  it("uses https://<account>.zendesk.com with email/token Basic auth on SDK and fetch calls alike", async () => {
    const client = createZendeskClient(installation());
    expect(client.baseUrl).toBe("https://acme-support.zendesk.com");
    const ticket = nock("https://acme-support.zendesk.com").matchHeader("authorization", BASIC).get("/api/v2/tickets/5158.json").query({ include: "users,organizations" }).reply(200, fixture("ticket.json"));
    const comments = nock("https://acme-support.zendesk.com")
      .matchHeader("authorization", BASIC)
      .get("/api/v2/tickets/5158/comments.json")
      .query(true)
      .reply(200, { comments: [], users: [], meta: { has_more: false }, links: { next: null } });
    await fetchZendeskThread(client, "5158");
    expect(ticket.isDone() && comments.isDone()).toBe(true);
  });

  it("uses Bearer auth when an OAuth access token is set", async () => {
    const client = createZendeskClient(installation({ secrets: { accessToken: "oauth-access-1", apiToken: "ignored" } }));
    const scope = nock("https://acme-support.zendesk.com").matchHeader("authorization", "Bearer oauth-access-1").get("/api/v2/users/8447388090494.json").reply(200, fixture("user.json"));
    await resolveZendeskRequester(client, "8447388090494");
    expect(scope.isDone()).toBe(true);
  });

  it("honours an API base-URL override", async () => {
    const client = createZendeskClient(installation(), { apiBaseUrl: "http://127.0.0.1:4010/api/v2/" });
    expect(client.baseUrl).toBe("http://127.0.0.1:4010");
    const scope = nock("http://127.0.0.1:4010").matchHeader("authorization", BASIC).get("/api/v2/users/8447388090494.json").reply(200, fixture("user.json"));
    await resolveZendeskRequester(client, "8447388090494");
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ["no credentials", installation({ secrets: {} }), "no API token or access token"],
    ["a token but no e-mail", installation({ settings: {} }), "API token set but settings.email is missing"],
    ["an account that is not a subdomain", installation({ account: "evil.example/#" }), 'account "evil.example/#" is not a Zendesk subdomain'],
  ])("refuses calls, without HTTP and without retry, for %s", async (_name, inst, message) => {
    const error = await thrown(resolveZendeskRequester(createZendeskClient(inst), "8447388090494"));
    expect(error.message).toBe(`zendesk: ${message}`);
    expect(error.retryable).toBe(false);
  });
});

describe("subdomainOf", () => {
  it.each([
    ["acme", "acme"],
    ["Acme-Support", "acme-support"],
    ["acme.zendesk.com", "acme"],
    ["https://acme.zendesk.com/", "acme"],
    ["acme.example.com", undefined],
    ["-acme", undefined],
    ["", undefined],
  ])("%j → %j", (account, expected) => {
    expect(subdomainOf(account)).toBe(expected);
  });
});

describe("provider errors", () => {
  it.each([
    ["2", 2000],
    ["0", 0],
    ["1.5", 1500],
    [" 30 ", 30000],
    ["Wed, 21 Oct 2015 07:28:00 GMT", undefined],
    ["-1", undefined],
    [null, undefined],
  ])("Retry-After %j → %j ms", (header, expected) => {
    expect(retryAfterMs(header)).toBe(expected);
  });

  it.each([
    [undefined, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [409, true],
    [422, false],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
  ])("status %j retryable: %s", (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
    expect(providerErrorFor("GET /api/v2/tickets/1.json", status).retryable).toBe(expected);
  });
});
