import nock from "nock";
import { intercomConnector } from "../../../../connectors/intercom";
import { signIntercomBody } from "../../../../connectors/intercom/verify";
import type { SupportContext } from "../../../../src/memory/context";
import { APP_ID, CONVERSATION, fixture, fixtureBytes, installation, USER } from "./fixtures";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("intercomConnector", () => {
  it("states Intercom's facts", () => {
    expect(intercomConnector.provider).toBe("intercom");
    expect(intercomConnector.facts).toEqual({
      retryHeader: { name: "X-RateLimit-Reset", kind: "at" },
      pageSize: 500,
      timestampSigned: false,
      noteRateLimit: { notes: 3, windowMs: 600_000 },
      idPrefix: "ic",
      secretHeaders: ["x-hub-signature"],
      webhookRoutes: { shared: { methods: ["POST", "HEAD"], unknownAccountStatus: 200 } },
    });
    expect(intercomConnector.facts.deliveryIdHeader).toBeUndefined();
  });

  it("takes a signed notification from bytes to a note posted on the conversation", async () => {
    const inst = installation();
    const rawBody = fixtureBytes("conversation-user-created.json");
    const req = { headers: { "x-hub-signature": signIntercomBody(inst.secrets.clientSecret!, rawBody) }, rawBody, query: {} };
    const body = JSON.parse(rawBody.toString("utf8"));
    expect(intercomConnector.accountOf!(body)).toBe(APP_ID);
    expect(intercomConnector.verify(req, inst, new Date())).toEqual({ ok: true });
    const parsed = intercomConnector.parse(body);
    if (!parsed.ok) throw new Error("did not parse");
    expect(intercomConnector.dedupeKey(parsed.event, req, inst)).toBe(`${APP_ID}:notif_7d1e6f30-cd55-4c8e-9f1b-1a2b3c4d5e01`);
    expect(intercomConnector.isOwnEcho(parsed.event, inst, new Set())).toBe(false);

    // INTERCOM_API_URL points the connector at a local server
    const base = "http://127.0.0.1:4030";
    nock(base).get(`/conversations/${CONVERSATION}`).query({ display_as: "plaintext" }).reply(200, fixture("conversation-api.json"));
    nock(base).get(`/contacts/${USER}`).reply(200, fixture("contact-api.json"));
    const post = nock(base)
      .post(`/conversations/${CONVERSATION}/reply`, (b: { message_type: string; admin_id: string; body: string }) => b.message_type === "note" && b.admin_id === "7311042" && b.body.includes("helpdesk-memory · ref 0d4c2e1f9a7b"))
      .reply(200, fixture("reply-note-response.json"));

    const client = intercomConnector.createClient(inst, base);
    const thread = await intercomConnector.fetchThread(client, parsed.event.ticketRef!);
    expect(thread.messages.length).toBeGreaterThan(1);
    expect(await intercomConnector.resolveRequester(client, parsed.event.requesterRef!)).toMatchObject({ externalId: "cust-70412" });
    const context: SupportContext = {
      has_context: true,
      support_type: "saas",
      items: [{ field: "current_open_issue", text: "Open issue: duplicate charge on ORD-55123", pinned: true }],
      system_prompt_addition: "",
      context_token_count: 12,
      truncated: false,
    };
    const note = intercomConnector.renderNote({ context, profile: null, externalUserId: "cust-70412", footerRef: "ref 0d4c2e1f9a7b" });
    expect(await intercomConnector.postNote(client, thread.ticketRef, note, inst)).toEqual({ noteRef: "29384750120" });
    expect(post.isDone()).toBe(true);
  });
});
