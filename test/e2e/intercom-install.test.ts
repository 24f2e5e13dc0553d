// Intercom installed as a public app, end to end against a fake Intercom (nock at the HTTP
// boundary): GET /install/intercom → consent → callback (code exchange, GET /me) → installation
// active → a webhook signed with the app's client secret → one note by the installing admin.
// A 401 afterwards makes the installation need re-auth and holds its deliveries; connecting
// again resumes them.
import nock from "nock";
import request from "supertest";
import { setNoteAuthor } from "../../src/http/admin/installations";
import { FakeIntercomApp } from "../helpers/fake-intercom-app";
import { intercomHeaders } from "../helpers/fake-intercom";
import { createTestPipeline, settled, waitFor, type TestPipeline } from "../helpers/pipeline";

jest.setTimeout(60_000);

const API = "https://api.intercom.test";
const APP_URL = "https://app.intercom.test";
const CLIENT = { id: "0e3b5a52-3f4c-4a4e-9d1e-5f0a7c2b9e11", secret: "ic-oauth-client-secret-test-abcdef" };
const APP_ID = "q8m2zx7w";

describe("Intercom one-click install", () => {
  let p: TestPipeline;
  let ic: FakeIntercomApp;
  let seq = 0;

  beforeAll(async () => {
    p = await createTestPipeline({
      env: { INTERCOM_OAUTH_CLIENT_ID: CLIENT.id, INTERCOM_OAUTH_CLIENT_SECRET: CLIENT.secret, INTERCOM_API_URL: API, INTERCOM_APP_URL: APP_URL },
    });
  });
  afterAll(async () => {
    await p.close();
  });
  beforeEach(() => {
    ic = new FakeIntercomApp(CLIENT, APP_ID);
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    ic.intercept(API);
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  async function install() {
    const start = await request(p.app).get("/install/intercom").set("authorization", `ApiKey ${p.apiKey}`);
    expect(start.status).toBe(302);
    const c = ic.consent(start.headers.location!);
    return request(p.app).get(`/oauth/intercom/callback?code=${c.code}&state=${encodeURIComponent(c.state)}`).set("accept", "application/json");
  }

  /** A conversation at the fake and its signed conversation.user.created notification. */
  async function conversationEvent() {
    const contact = ic.ic.addContact({ id: `6762f1261bb69f9f2193${(0xb000 + ++seq).toString(16)}`, email: `c${seq}@example.com`, name: `Customer ${seq}` });
    const conv = ic.ic.addConversation({ id: String(215_468_900_000_000 + seq), contactId: contact.id, body: "My order arrived damaged and I would like a replacement, not a refund." });
    const raw = JSON.stringify(ic.ic.conversationNotification("conversation.user.created", conv.id));
    const r = await request(p.app).post("/webhooks/intercom").set(intercomHeaders(raw, CLIENT.secret)).send(raw);
    expect(r.status).toBe(200);
    return conv.id;
  }

  it("installs with one click, and a signed notification gets one note by the installing admin", async () => {
    const start = await request(p.app).get("/install/intercom").set("authorization", `ApiKey ${p.apiKey}`);
    const authorize = new URL(start.headers.location!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${APP_URL}/oauth`);
    expect(Object.fromEntries(authorize.searchParams)).toEqual({ client_id: CLIENT.id, state: expect.any(String), redirect_uri: `${p.config.publicUrl}/oauth/intercom/callback` });
    const c = ic.consent(start.headers.location!);
    const cb = await request(p.app).get(`/oauth/intercom/callback?code=${c.code}&state=${encodeURIComponent(c.state)}`).set("accept", "application/json");
    expect(cb.status).toBe(200);
    expect(cb.body.installation).toMatchObject({ provider: "intercom", account: APP_ID, status: "active", settings: { adminId: ic.admin.id, region: "eu", auth: "oauth" } });
    // webhooks are the app's: the answer says which topics it must send, and where
    expect(cb.body.next_steps.join(" ")).toMatch(new RegExp(`conversation\\.user\\.created.*${p.config.publicUrl}/webhooks/intercom`));

    const conv = await conversationEvent();
    await settled(p.db);
    const notes = ic.ic.notesOn(conv);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.adminId).toBe(ic.admin.id);
    expect(notes[0]!.body).toMatch(/replacement/i);
  });

  it("a 401 makes the installation need re-auth with its deliveries held (none dead); connecting again resumes them", async () => {
    const cb = await install();
    const id = cb.body.installation.id;
    ic.revokeEverything();
    const conv = await conversationEvent();
    await waitFor(async () => (await p.db.prisma.webhookDelivery.count({ where: { installationId: id, status: "held" } })) === 1, 15_000, "the delivery held");
    const row = await p.db.prisma.installation.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("needs_reauth");
    expect(await p.db.prisma.webhookDelivery.count({ where: { installationId: id, status: "dead" } })).toBe(0);
    expect((await request(p.app).get("/readyz")).status).toBe(200);

    const again = await install();
    expect(again.body.installation.id).toBe(id);
    expect(again.body.resumed_deliveries).toBe(1);
    await settled(p.db);
    expect(ic.ic.notesOn(conv)).toHaveLength(1);
  });

  it("connecting again keeps the admin picked as the note author", async () => {
    const cb = await install();
    const id = cb.body.installation.id;
    expect(cb.body.installation.settings.adminId).toBe(ic.admin.id);
    await setNoteAuthor(p.db, p.masterKey, p.tenantId, id, "7311200");
    const again = await install();
    expect(again.body.installation).toMatchObject({ id, settings: { adminId: "7311200" } });
    const conv = await conversationEvent();
    await settled(p.db);
    expect(ic.ic.notesOn(conv).map((n) => n.adminId)).toEqual(["7311200"]);
  });

  it("answers 501 naming the settings when the OAuth client is not configured", async () => {
    const bare = await createTestPipeline();
    try {
      const r = await request(bare.app).get("/install/intercom").set({ authorization: `ApiKey ${bare.apiKey}`, accept: "application/json" });
      expect(r.status).toBe(501);
      expect(r.body).toMatchObject({ error: "not_configured", code: "INS_501" });
      expect(r.body.details.message).toMatch(/INTERCOM_OAUTH_CLIENT_ID and INTERCOM_OAUTH_CLIENT_SECRET/);
      const z = await request(bare.app).get("/oauth/zendesk/callback?code=x&state=y").set("accept", "application/json");
      expect(z.status).toBe(501);
      expect(z.body.details.message).toMatch(/ZENDESK_OAUTH_CLIENT_ID and ZENDESK_OAUTH_CLIENT_SECRET/);
    } finally {
      await bare.close();
    }
  });
});
