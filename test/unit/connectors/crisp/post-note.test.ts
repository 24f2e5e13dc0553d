import nock from "nock";
import { createCrispClient } from "../../../../connectors/crisp/client";
import { postCrispNote } from "../../../../connectors/crisp/post-note";
import { API, BASIC, fixture, installation, SESSION, WEBSITE } from "./fixtures";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("postCrispNote", () => {
  it("posts an operator note (type note, from operator, origin chat) and returns its fingerprint", async () => {
    let sent: Record<string, unknown> | undefined;
    const scope = nock(API)
      .matchHeader("authorization", BASIC)
      .matchHeader("x-crisp-tier", "plugin")
      .post(`/v1/website/${WEBSITE}/conversation/${SESSION}/message`, (body: Record<string, unknown>) => {
        sent = body;
        return true;
      })
      .reply(202, fixture("send-message-response.json"));
    const out = await postCrispNote(createCrispClient(installation()), SESSION, { body: "Remembered context\n\nhelpdesk-memory · ref 1", format: "markdown" }, installation());
    expect(out).toEqual({ noteRef: "176406481395017" });
    expect(sent).toEqual({ type: "note", from: "operator", origin: "chat", content: "Remembered context\n\nhelpdesk-memory · ref 1", user: { nickname: "Customer memory" } });
    expect(scope.isDone()).toBe(true);
  });

  it("returns an empty ref rather than a guess when Crisp names no fingerprint", async () => {
    nock(API).post(`/v1/website/${WEBSITE}/conversation/${SESSION}/message`).reply(202, { error: false, reason: "dispatched", data: {} });
    expect(await postCrispNote(createCrispClient(installation()), SESSION, { body: "x", format: "markdown" }, installation())).toEqual({ noteRef: "" });
  });

  it("fails with a retryable ProviderError on a 429", async () => {
    nock(API).post(`/v1/website/${WEBSITE}/conversation/${SESSION}/message`).reply(429, fixture("error-rate-limited.json"));
    await expect(postCrispNote(createCrispClient(installation()), SESSION, { body: "x", format: "markdown" }, installation())).rejects.toMatchObject({ status: 429, retryable: true });
  });
});
