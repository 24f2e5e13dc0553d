import nock from "nock";
import { callSdk, createIntercomClient } from "../../../../connectors/intercom/client";
import { retryAfterMsFromReset } from "../../../../connectors/intercom/provider-error";
import { fetchIntercomThread } from "../../../../connectors/intercom/thread";
import { ProviderError } from "../../../../connectors/types";
import { CONVERSATION, fixture, installation, TOKEN } from "./fixtures";

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

const conversationPath = `/conversations/${CONVERSATION}`;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("createIntercomClient: hosts", () => {
  it.each([
    ["us", "https://api.intercom.io"],
    ["eu", "https://api.eu.intercom.io"],
    ["au", "https://api.au.intercom.io"],
    [undefined, "https://api.intercom.io"],
    [" EU ", "https://api.eu.intercom.io"],
  ])("region %s calls %s with the token and an API version", async (region, host) => {
    const scope = nock(host)
      .matchHeader("authorization", `Bearer ${TOKEN}`)
      .matchHeader("intercom-version", /^2\.\d+$/)
      .get(conversationPath)
      .query({ display_as: "plaintext" })
      .reply(200, fixture("conversation-api.json"));
    const settings = region === undefined ? { adminId: "7311042" } : { adminId: "7311042", region };
    await fetchIntercomThread(createIntercomClient(installation({ settings })), CONVERSATION);
    expect(scope.isDone()).toBe(true);
  });

  it("INTERCOM_API_URL (apiBaseUrl) overrides the region", async () => {
    const scope = nock("http://127.0.0.1:4020").get(conversationPath).query(true).reply(200, fixture("conversation-api.json"));
    const client = createIntercomClient(installation({ settings: { adminId: "7311042", region: "eu" } }), { apiBaseUrl: "http://127.0.0.1:4020/" });
    expect(client.baseUrl).toBe("http://127.0.0.1:4020");
    await fetchIntercomThread(client, CONVERSATION);
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ["an unknown region", installation({ settings: { adminId: "1", region: "apac" } }), /settings\.region "apac" is not one of us, eu, au/],
    ["no access token", installation({ secrets: { clientSecret: "s" } }), /no access token/],
  ])("refuses to call with %s, without a request and without retry", async (_name, inst, message) => {
    const error = await rejection(fetchIntercomThread(createIntercomClient(inst), CONVERSATION));
    expect(error.message).toMatch(message);
    expect(error.retryable).toBe(false);
  });

  it("refuses an id that is not a plain token before any request", async () => {
    const error = await rejection(fetchIntercomThread(createIntercomClient(installation()), "../admins"));
    expect(error).toMatchObject({ retryable: false });
  });
});

describe("failures as ProviderError", () => {
  const client = (now = Date.now) => createIntercomClient(installation(), { maxRetries: 0, now });

  it("an exhausted 429 carries the wait until X-RateLimit-Reset", async () => {
    const now = Date.UTC(2026, 0, 5, 10, 0, 0);
    nock("https://api.intercom.io")
      .get(conversationPath)
      .query(true)
      .reply(429, fixture("rate-limited-429.json"), { "X-RateLimit-Limit": "10000", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": String(now / 1000 + 7) });
    const error = await rejection(fetchIntercomThread(client(() => now), CONVERSATION));
    expect(error).toMatchObject({ status: 429, retryAfterMs: 7000, retryable: true });
    expect(error.message).toBe("intercom GET /conversations/{id} failed: HTTP 429");
    expect(error.message).not.toContain(TOKEN);
  });

  it("a 429 without the header leaves the wait to the queue's backoff", async () => {
    nock("https://api.intercom.io").get(conversationPath).query(true).reply(429, fixture("rate-limited-429.json"));
    expect(await rejection(fetchIntercomThread(client(), CONVERSATION))).toMatchObject({ status: 429, retryAfterMs: undefined, retryable: true });
  });

  it.each([
    [401, false],
    [403, false],
    [404, false],
    [422, false],
    [409, true],
    [500, true],
    [503, true],
  ])("HTTP %s → retryable %s", async (status, retryable) => {
    nock("https://api.intercom.io").get(conversationPath).query(true).reply(status, { type: "error.list", errors: [{ code: "x", message: "y" }] });
    expect(await rejection(fetchIntercomThread(client(), CONVERSATION))).toMatchObject({ status, retryable });
  });

  it("no answer at all is retryable with no status", async () => {
    nock("https://api.intercom.io").get(conversationPath).query(true).replyWithError("socket hang up");
    expect(await rejection(fetchIntercomThread(client(), CONVERSATION))).toMatchObject({ status: undefined, retryable: true });
  });

  it("rethrows what is not an SDK failure (a bug is not a provider error)", async () => {
    const bug = new TypeError("boom");
    await expect(callSdk(client(), "x", async () => Promise.reject(bug))).rejects.toBe(bug);
  });
});

describe("the SDK's own retries", () => {
  it("waits out one 429 until X-RateLimit-Reset and succeeds (the default client retries)", async () => {
    const reset = Math.floor(Date.now() / 1000) + 1;
    const at: number[] = [];
    const scope = nock("https://api.intercom.io")
      .get(conversationPath)
      .query(true)
      .reply(() => (at.push(Date.now()), [429, JSON.stringify(fixture("rate-limited-429.json")), { "X-RateLimit-Reset": String(reset) }]))
      .get(conversationPath)
      .query(true)
      .reply(() => (at.push(Date.now()), [200, JSON.stringify(fixture("conversation-api.json")), { "content-type": "application/json" }]));
    const thread = await fetchIntercomThread(createIntercomClient(installation()), CONVERSATION);
    expect(scope.isDone()).toBe(true);
    expect(thread.ticketRef).toBe(CONVERSATION);
    // the second call waited for the window to reopen
    expect(at).toHaveLength(2);
    expect(at[1]!).toBeGreaterThanOrEqual(reset * 1000 - 5);
  });

  it("gives up after 2 retries (3 calls), then the queue decides", async () => {
    let calls = 0;
    nock("https://api.intercom.io")
      .get(conversationPath)
      .query(true)
      .times(4)
      .reply(() => {
        calls += 1;
        // a reset already past: the SDK falls back to its short backoff, the test stays quick
        return [503, JSON.stringify({ type: "error.list" }), { "X-RateLimit-Reset": "1" }];
      });
    const error = await rejection(fetchIntercomThread(createIntercomClient(installation(), { maxRetries: 2, timeoutSeconds: 5 }), CONVERSATION));
    expect(error.status).toBe(503);
    expect(calls).toBe(3);
  }, 15_000);
});

describe("retryAfterMsFromReset", () => {
  const now = 1_767_607_200_000;
  it.each([
    ["seconds in the future", String(now / 1000 + 9), 9000],
    ["a reset already past waits the minimum", String(now / 1000 - 5), 1000],
    ["milliseconds are tolerated", String(now + 2500), 2500],
    ["not a number", "soon", undefined],
    ["absent", null, undefined],
    ["empty", "", undefined],
  ])("%s", (_name, header, expected) => {
    expect(retryAfterMsFromReset(header, now)).toBe(expected);
  });
});
