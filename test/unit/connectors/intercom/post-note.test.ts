import nock from "nock";
import { createIntercomClient } from "../../../../connectors/intercom/client";
import { noteRefOf, noteRequestBody, postIntercomNote } from "../../../../connectors/intercom/post-note";
import type { Part } from "../../../../connectors/intercom/payloads";
import { CONVERSATION, fixture, installation, OUR_ADMIN, TEAMMATE, TOKEN } from "./fixtures";

const API = "https://api.intercom.io";
const NOTE = { body: "<p><b>Remembered context (not live data)</b></p><p>helpdesk-memory · ref 0d4c2e1f9a7b</p>", format: "html" as const };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("postIntercomNote", () => {
  it("replies with a note by our admin and returns the new part's id", async () => {
    let sent: unknown;
    const scope = nock(API)
      .matchHeader("authorization", `Bearer ${TOKEN}`)
      .post(`/conversations/${CONVERSATION}/reply`, (b) => ((sent = b), true))
      .reply(200, fixture("reply-note-response.json"));
    const out = await postIntercomNote(createIntercomClient(installation()), CONVERSATION, NOTE, installation());
    expect(scope.isDone()).toBe(true);
    expect(sent).toEqual({ message_type: "note", type: "admin", admin_id: OUR_ADMIN, body: NOTE.body });
    // the newest note by our admin; not the colleague's note, not our older one
    expect(out).toEqual({ noteRef: "29384750120" });
  });

  it("does not let the SDK retry a failed reply: a 5xx may come after the note was stored", async () => {
    const scope = nock(API).post(`/conversations/${CONVERSATION}/reply`).reply(502, "Bad Gateway");
    await expect(postIntercomNote(createIntercomClient(installation()), CONVERSATION, NOTE, installation())).rejects.toMatchObject({ status: 502, retryable: true });
    expect(scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("a 429 on the reply carries the wait for the queue", async () => {
    const now = 1_767_607_200_000;
    nock(API).post(`/conversations/${CONVERSATION}/reply`).reply(429, fixture("rate-limited-429.json"), { "X-RateLimit-Reset": String(now / 1000 + 4) });
    const client = createIntercomClient(installation(), { now: () => now });
    await expect(postIntercomNote(client, CONVERSATION, NOTE, installation())).rejects.toMatchObject({ status: 429, retryAfterMs: 4000 });
  });

  it("refuses without an admin to author the note", async () => {
    const inst = installation({ settings: { region: "us" } });
    await expect(postIntercomNote(createIntercomClient(inst), CONVERSATION, NOTE, inst)).rejects.toMatchObject({ retryable: false, message: expect.stringMatching(/adminId/) });
  });

  it("returns an empty ref when the response shows no note by our admin", async () => {
    nock(API).post(`/conversations/${CONVERSATION}/reply`).reply(200, { type: "conversation", id: CONVERSATION });
    expect(await postIntercomNote(createIntercomClient(installation()), CONVERSATION, NOTE, installation())).toEqual({ noteRef: "" });
  });
});

describe("noteRefOf", () => {
  const note = (id: string, author: string, at: number): Part => ({ id, part_type: "note", created_at: at, author: { type: "admin", id: author } });
  it.each([
    ["the newest of ours", [note("1", OUR_ADMIN, 10), note("2", OUR_ADMIN, 20), note("3", TEAMMATE, 30)], "2"],
    ["the later in the list at the same second", [note("1", OUR_ADMIN, 10), note("2", OUR_ADMIN, 10)], "2"],
    ["not a comment by our admin", [{ id: "9", part_type: "comment", created_at: 99, author: { type: "admin", id: OUR_ADMIN } }], ""],
    ["nothing", [], ""],
  ])("%s", (_name, parts, expected) => {
    expect(noteRefOf(parts, OUR_ADMIN)).toBe(expected);
  });
});

describe("noteRequestBody", () => {
  it("escapes text notes into paragraphs", () => {
    expect(noteRequestBody({ body: "a <b>\nline\n\nnext", format: "text" }, OUR_ADMIN).body).toBe("<p>a &lt;b&gt;<br>line</p><p>next</p>");
  });
});
