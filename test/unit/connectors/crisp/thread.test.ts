import nock from "nock";
import { createCrispClient } from "../../../../connectors/crisp/client";
import { fetchCrispThread } from "../../../../connectors/crisp/thread";
import { ProviderError } from "../../../../connectors/types";
import { API, BASIC, fixture, installation, PEOPLE, SESSION, WEBSITE } from "./fixtures";

const CONVERSATION = `/v1/website/${WEBSITE}/conversation/${SESSION}`;
const MESSAGES = `${CONVERSATION}/messages`;

type Msg = { fingerprint: number; timestamp: number; from: "user" | "operator"; type: string; content: unknown; user: { user_id: string; nickname: string } };

/** `n` alternating visitor/operator text messages, a second apart, oldest first. */
function conversationOf(n: number): Msg[] {
  const start = 1764000000000;
  return Array.from({ length: n }, (_, i) => ({
    fingerprint: start * 100 + i,
    timestamp: start + i * 1000,
    from: i % 2 === 0 ? "user" : "operator",
    type: "text",
    content: i % 2 === 0 ? `Visitor message ${i} about order ORD-${5000 + i}` : `Operator reply ${i}`,
    user: i % 2 === 0 ? { user_id: SESSION, nickname: "Lucia Moreno" } : { user_id: "6d0ad8e2-93d7-4e26-a1c5-0b9f3f3e41a7", nickname: "Marta" },
  }));
}

/** Crisp's behaviour: the latest `size` messages older than timestamp_before, oldest first. */
function batchBefore(all: Msg[], before: number | undefined, size: number): Msg[] {
  const older = all.filter((m) => before === undefined || m.timestamp < before);
  return older.slice(Math.max(0, older.length - size));
}

function serve(all: Msg[], size: number) {
  const seen: (string | undefined)[] = [];
  const scope = nock(API)
    .persist()
    .matchHeader("authorization", BASIC)
    .matchHeader("x-crisp-tier", "plugin")
    .get(MESSAGES)
    .query(true)
    // nock 15 hands reply functions a fetch Request
    .reply((req: Request) => {
      const before = new URL(req.url).searchParams.get("timestamp_before") ?? undefined;
      seen.push(before);
      return [200, { error: false, reason: "resolved", data: batchBefore(all, before ? Number(before) : undefined, size) }];
    });
  return { scope, seen };
}

function conversation(over: Record<string, unknown> = {}) {
  const body = fixture("conversation.json") as { data: Record<string, unknown> };
  return { ...body, data: { ...body.data, ...over } };
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

const client = () => createCrispClient(installation());

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("fetchCrispThread", () => {
  it("walks back through batches with timestamp_before until an empty one: 300 messages whole, oldest first", async () => {
    nock(API).get(CONVERSATION).reply(200, conversation());
    const all = conversationOf(300);
    const { seen } = serve(all, 50);
    const thread = await fetchCrispThread(client(), SESSION);
    expect(thread.messages.map((m) => m.id)).toEqual(all.map((m) => String(m.fingerprint)));
    expect(thread.truncated).toBeUndefined();
    // 6 full batches, then the empty one that ends the walk
    expect(seen).toHaveLength(7);
    expect(seen[0]).toBeUndefined();
    expect(seen[1]).toBe(String(all[250]!.timestamp));
    expect(thread.messages[0]).toMatchObject({ role: "customer", authorRef: SESSION, internal: false, createdAt: new Date(all[0]!.timestamp).toISOString() });
    expect(thread.messages[1]).toMatchObject({ role: "agent", body: "Operator reply 1" });
  });

  it("reads the conversation: subject, state, and the contact behind it (people_id with the session)", async () => {
    nock(API).get(CONVERSATION).reply(200, conversation());
    nock(API).get(MESSAGES).reply(200, fixture("messages-batch.json"));
    nock(API).get(MESSAGES).query({ timestamp_before: "1764064812417" }).reply(200, { error: false, reason: "resolved", data: [] });
    const thread = await fetchCrispThread(client(), SESSION);
    expect(thread).toMatchObject({ ticketRef: SESSION, subject: "Order still processing", status: "pending", requesterRef: `${PEOPLE}/${SESSION}` });
    expect(thread.messages.map((m) => [m.role, m.internal])).toEqual([
      ["customer", false],
      ["bot", false], // automated operator message
      ["agent", true], // a note: kept for the pipeline, never fed to memory
      ["agent", false],
    ]); // the file message has no text and is left out
  });

  it("carries the visitor's name, company and channel, but not Crisp's default visitor name", async () => {
    const meta = (fixture("conversation.json") as { data: { meta: Record<string, unknown> } }).data.meta;
    nock(API).get(CONVERSATION).reply(200, conversation({ meta: { ...meta, data: { company: "Valencia Ceramics" }, origin: "urn:crisp.im:whatsapp:0" } }));
    nock(API).get(MESSAGES).reply(200, { error: false, data: [] });
    const named = await fetchCrispThread(client(), SESSION);
    expect(named).toMatchObject({ customer: { name: "Lucia Moreno", company: "Valencia Ceramics" }, channel: "messaging (WhatsApp)" });

    nock(API).get(CONVERSATION).reply(200, conversation({ meta: { ...meta, nickname: "visitor493603" } }));
    nock(API).get(MESSAGES).reply(200, { error: false, data: [] });
    const anonymous = await fetchCrispThread(client(), SESSION);
    expect(anonymous.customer).toBeUndefined();
    expect(anonymous.channel).toBe("chat");
  });

  it("names no requester for an anonymous visitor with no contact", async () => {
    nock(API).get(CONVERSATION).reply(200, conversation({ people_id: undefined }));
    nock(API).get(MESSAGES).reply(200, { error: false, data: [] });
    const thread = await fetchCrispThread(client(), SESSION);
    expect(thread.requesterRef).toBeUndefined();
  });

  it("stops and says the thread may be partial when a server hands back the same batch again", async () => {
    nock(API).get(CONVERSATION).reply(200, conversation());
    const batch = conversationOf(10);
    const repeats = nock(API).persist().get(MESSAGES).query(true).reply(200, { error: false, data: batch });
    const thread = await fetchCrispThread(client(), SESSION);
    expect(thread.messages).toHaveLength(10);
    expect(thread.truncated).toBe(true);
    expect(repeats.isDone()).toBe(true);
  });

  it.each([
    [429, true, 10_000],
    [420, true, 10_000],
    [503, true, undefined],
    [401, false, undefined],
    [404, false, undefined],
  ])("turns HTTP %i into a ProviderError (retryable %s, wait %s)", async (status, retryable, wait) => {
    nock(API).get(CONVERSATION).reply(status, status === 429 ? fixture("error-rate-limited.json") : { error: true, reason: "error", data: {} });
    const error = await rejection(fetchCrispThread(client(), SESSION));
    expect(error).toMatchObject({ status, retryable, retryAfterMs: wait });
    expect(error.message).toContain("GET conversation");
    expect(error.message).not.toContain(installation().secrets.key!);
  });

  it("does not retry a daily plugin quota that ran out, and says so plainly", async () => {
    nock(API).get(CONVERSATION).reply(429, fixture("error-quota-exhausted.json"));
    const error = await rejection(fetchCrispThread(client(), SESSION));
    expect(error).toMatchObject({ status: 429, retryable: false });
    expect(error.message).toMatch(/daily API quota is used up/);
    expect(error.message).toMatch(/resets daily/);
  });

  it("reports no answer at all as retryable with no status", async () => {
    nock(API).get(CONVERSATION).replyWithError("socket hang up");
    const error = await rejection(fetchCrispThread(client(), SESSION));
    expect(error).toMatchObject({ status: undefined, retryable: true });
  });

  it("refuses an id that is not a session id, and an installation with no token, before any request", async () => {
    const none = nock(API).get(/.*/).reply(200, {});
    expect((await rejection(fetchCrispThread(client(), "session_x/../../people"))).retryable).toBe(false);
    const noToken = createCrispClient(installation({ secrets: { signingSecret: "s" } }));
    expect((await rejection(fetchCrispThread(noToken, SESSION))).message).toMatch(/no Crisp plugin token/);
    expect(none.isDone()).toBe(false);
  });
});

describe("createCrispClient", () => {
  it("sends every call to the CRISP_API_URL override, with or without a trailing /v1", async () => {
    for (const override of ["http://crisp.fake.test:8080", "http://crisp.fake.test:8080/v1/"]) {
      const scope = nock("http://crisp.fake.test:8080").matchHeader("authorization", BASIC).get(CONVERSATION).reply(200, conversation()).get(MESSAGES).reply(200, { data: [] });
      const thread = await fetchCrispThread(createCrispClient(installation(), { apiBaseUrl: override }), SESSION);
      expect(thread.status).toBe("pending");
      expect(scope.isDone()).toBe(true);
    }
  });
});
