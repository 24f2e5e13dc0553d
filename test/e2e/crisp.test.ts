// Crisp end to end: signed plugin hook (or keyed website hook) → inbox → queue → worker →
// conversation through crisp-api (nock at the HTTP boundary, a stateful fake) → memory → one
// operator note. Runs on the embedded store and queue, and on PostgreSQL + BullMQ when
// DATABASE_URL and REDIS_URL are set. The tenant also has Zendesk: one customer across helpdesks.
import { createHmac } from "node:crypto";
import nock from "nock";
import request from "supertest";
import type { InstallationInfo } from "../../connectors/types";
import { createInstallation } from "../../src/tenants/installations";
import { FakeCrisp, type FakeConversation, type FakeMessage } from "../helpers/fake-crisp";
import { FakeZendesk } from "../helpers/fake-zendesk";
import { createTestPipeline, settled, ticketCreatedEvent, waitFor, zendeskHeaders, ZENDESK_AGENT_ID, ZENDESK_BASE, type TestPipeline } from "../helpers/pipeline";

jest.setTimeout(90_000);

const API = "https://api.crisp.chat";
const WEBSITE = "1f7b9e1c-5c8a-4d8e-9b61-3c2a7e0d4f52";
const HOOK_SITE = "0d3c5e7a-9b1f-4a2c-8e6d-4f8a0c2e6b1d";
const PLUGIN_SITE = "5e9a1c3b-7d2f-4b6e-a8c0-2e4f6a8b0c1d";
const SECRET = "crisp-plugin-hook-secret-of-this-installation";
const TOKEN = { identifier: "7c3ef21c-1e04-41ce-8c06-5605c346f73e", key: "cc29e1a5086e428fcc6a697d5837a66d82808e65c5cce006fbf2191ceea80a0a" };
// the plugin's own credentials, for websites whose installation carries none
const PLUGIN = { identifier: "3b8d2f6a-0c4e-4e1a-9f7b-5d2c8a6e4f10", key: "9f1e7d5c3b2a40618f7e6d5c4b3a29180f1e2d3c4b5a69788f7e6d5c4b3a2918", secret: "crisp-plugin-level-hook-secret" };
const PLUGIN_TENANT = "tnt_crisp_plugin_installs";

function crispHeaders(raw: string, secret = SECRET, at = Date.now()) {
  const timestamp = String(at);
  return {
    "content-type": "application/json",
    "x-crisp-request-timestamp": timestamp,
    "x-crisp-signature": createHmac("sha256", secret).update(`[${timestamp};${raw}]`).digest("hex"),
    "x-crisp-hook-origin": "plugin/rtm 9c1e5a3b-7d2f-4e8a-b6c4-1f0e3d5a7b9c production",
    "x-delivery-attempt-count": "1",
    "x-delivery-attempt-limit": "4",
  };
}

/** The hook Crisp sends for a message already in the conversation. */
function messageHook(m: FakeMessage, event = m.from === "user" ? "message:send" : "message:received") {
  const { website_id, session_id, type, from, origin, content, timestamp, fingerprint, user } = m;
  return { website_id, event, data: { website_id, session_id, inbox_id: null, type, from, origin, content, mentions: [], stamped: true, timestamp, fingerprint, user }, timestamp: timestamp + 90 };
}

function subscriptionHook(website: string, bound: boolean) {
  return { website_id: website, event: "plugin:subscription:updated", data: { website_id: website, plugin_id: "9c1e5a3b-7d2f-4e8a-b6c4-1f0e3d5a7b9c", bound, target: "website" }, timestamp: Date.now() };
}

describe("Crisp end to end", () => {
  let p: TestPipeline;
  let inst: InstallationInfo;
  let hookInst: InstallationInfo;
  let cr: FakeCrisp;
  let zd: FakeZendesk;
  let seq = 0;
  // distinct ids per test: one fake per test, one database for the file
  const uuid = (n: number) => `${(0x1a2b3c00 + n).toString(16)}-0000-4000-8000-${(n * 7919).toString(16).padStart(12, "0")}`;
  const sessionId = () => `session_${uuid(++seq)}`;
  const peopleId = () => uuid(1000 + ++seq);

  beforeAll(async () => {
    p = await createTestPipeline({
      env: { CRISP_PLUGIN_IDENTIFIER: PLUGIN.identifier, CRISP_PLUGIN_KEY: PLUGIN.key, CRISP_PLUGIN_SIGNING_SECRET: PLUGIN.secret, CRISP_PLUGIN_TENANT_ID: PLUGIN_TENANT },
    });
    await p.db.prisma.tenant.create({ data: { id: PLUGIN_TENANT, name: "Crisp plugin installs" } });
    inst = await createInstallation(p.db, p.masterKey, {
      tenantId: p.tenantId,
      provider: "crisp",
      account: WEBSITE,
      settings: { mode: "plugin" },
      secrets: { ...TOKEN, signingSecret: SECRET },
    });
    hookInst = await createInstallation(p.db, p.masterKey, { tenantId: p.tenantId, provider: "crisp", account: HOOK_SITE, settings: { mode: "website_hook" }, secrets: TOKEN });
  });
  afterAll(async () => {
    await p.close();
  });
  beforeEach(() => {
    cr = new FakeCrisp();
    cr.allowToken(TOKEN.identifier, TOKEN.key);
    cr.allowToken(PLUGIN.identifier, PLUGIN.key);
    zd = new FakeZendesk();
    zd.addUser({ id: Number(ZENDESK_AGENT_ID), name: "Customer memory", role: "agent", email: "memory@acme.example" });
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    cr.intercept(API);
    zd.intercept(ZENDESK_BASE);
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  const post = (body: object, headers?: Record<string, string>) => {
    const raw = JSON.stringify(body);
    return request(p.app).post("/webhooks/crisp").set(headers ?? crispHeaders(raw)).send(raw);
  };
  const deliveries = () => p.db.prisma.webhookDelivery.count();
  const cursorOf = (installationId: string, session: string) =>
    p.db.prisma.threadCursor.findUniqueOrThrow({ where: { installationId_ticketRef: { installationId, ticketRef: session } } });
  const conversation = (c: Omit<Partial<FakeConversation>, "messages"> & { messages: Array<Partial<FakeMessage> & { content: unknown }> }, website = WEBSITE) =>
    cr.addConversation({ website_id: website, session_id: sessionId(), people_id: peopleId(), ...c });

  it("turns a signed message:send into exactly one operator note: a first-contact triage with the subject's issue and the visitor's name", async () => {
    const c = conversation({
      subject: "Billing after upgrade",
      nickname: "Lucia Moreno",
      origin: "chat",
      messages: [{ content: "Our workspace billing failed after upgrading to Growth. We use Slack and webhook integrations, and I need the invoice fixed before my finance review." }],
    });
    const r = await post(messageHook(c.messages[0]!));
    expect(r.status).toBe(200);
    await settled(p.db);
    const notes = cr.notesOn(c.session_id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.content).toMatch(/^First-contact triage\n/);
    expect(notes[0]!.content).toMatch(/\n- Wants: billing failed — "Billing after upgrade"\n/);
    expect(notes[0]!.content).toMatch(/\n- Customer: Lucia Moreno; wrote in by chat\n/);
    expect(notes[0]!.content).toMatch(/\n- First contact: nothing remembered from earlier tickets\.\n/);
    expect(notes[0]!.content).not.toMatch(/Sentiment pattern/);
    expect(notes[0]!.content).toMatch(/Growth/);
    expect(notes[0]!.content).toMatch(/Slack/);
    expect(notes[0]!.content).toMatch(/finance review/);
    expect(notes[0]!.content).toMatch(/\nhelpdesk-memory · ref [0-9a-f]{12}$/);
    const row = await p.db.prisma.webhookDelivery.findFirstOrThrow({ where: { dedupeKey: { contains: String(c.messages[0]!.fingerprint) } } });
    expect(row.status).toBe("done");
  });

  it.each([
    ["a wrong secret", (raw: string) => crispHeaders(raw, "not-the-secret")],
    ["a stale timestamp", (raw: string) => crispHeaders(raw, SECRET, Date.now() - 6 * 60_000)],
    ["the plugin-level secret where the installation has its own", (raw: string) => crispHeaders(raw, PLUGIN.secret)],
    ["no signature", () => ({ "content-type": "application/json", "x-crisp-request-timestamp": String(Date.now()) })],
  ])("refuses %s with 401 and stores nothing", async (_name, headers) => {
    const c = conversation({ messages: [{ content: "Where is my refund?" }] });
    const body = messageHook(c.messages[0]!);
    const before = await deliveries();
    const r = await post(body, headers(JSON.stringify(body)));
    expect(r.status).toBe(401);
    expect(await deliveries()).toBe(before);
    expect(cr.requests).toHaveLength(0);
  });

  it("takes a website hook only with its key: a wrong key is a 401, the right one gets a note", async () => {
    const c = conversation({ messages: [{ content: "My parcel for order ORD-77120 arrived damaged, I want a replacement." }] }, HOOK_SITE);
    const raw = JSON.stringify(messageHook(c.messages[0]!));
    const url = `/webhooks/crisp/${hookInst.id}`;
    const before = await deliveries();
    for (const key of ["wrong-key", `${hookInst.secrets.hookKey}x`, ""]) {
      expect((await request(p.app).post(`${url}?key=${key}`).set("content-type", "application/json").send(raw)).status).toBe(401);
    }
    expect((await request(p.app).post(url).set("content-type", "application/json").send(raw)).status).toBe(401);
    expect(await deliveries()).toBe(before);
    const ok = await request(p.app).post(`${url}?key=${encodeURIComponent(hookInst.secrets.hookKey!)}`).set("content-type", "application/json").send(raw);
    expect(ok.status).toBe(200);
    await settled(p.db);
    expect(cr.notesOn(c.session_id)).toHaveLength(1);
  });

  it("posts one note for the same message delivered three times (Crisp's retries carry no delivery id)", async () => {
    const c = conversation({ messages: [{ content: "My order ORD-44821 is a week late, where is it?" }] });
    const body = messageHook(c.messages[0]!);
    const raw = JSON.stringify(body);
    const answers = await Promise.all(["1", "2", "3"].map((n) => post(body, { ...crispHeaders(raw), "x-delivery-attempt-count": n })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await settled(p.db);
    expect(cr.notesOn(c.session_id)).toHaveLength(1);
    expect(await p.db.prisma.webhookDelivery.count({ where: { dedupeKey: { contains: `${c.session_id}:${c.messages[0]!.fingerprint}` } } })).toBe(1);
  });

  it("skips our own note coming back as message:received", async () => {
    const c = conversation({ messages: [{ content: "I was charged twice, please refund the duplicate charge on invoice 84678269" }] });
    await post(messageHook(c.messages[0]!));
    await settled(p.db);
    const [note] = cr.notesOn(c.session_id);
    expect(note).toBeDefined();
    const echo = messageHook(c.messages.find((m) => m.fingerprint === note!.fingerprint)!, "message:received");
    expect(echo.data.type).toBe("note");
    expect((await post(echo)).status).toBe(200);
    await settled(p.db);
    const row = await p.db.prisma.webhookDelivery.findFirstOrThrow({ where: { dedupeKey: { contains: `${note!.fingerprint}:message:received` } } });
    expect(row).toMatchObject({ status: "skipped", skipReason: "own_echo" });
    expect(cr.notesOn(c.session_id)).toHaveLength(1);
  });

  it("ingests a conversation of 300 messages, fetched in batches, whole", async () => {
    const c = conversation({
      messages: Array.from({ length: 300 }, (_, i) =>
        i % 2 === 0 ? { content: `Message ${i}: the app still crashes when I export, ticket ref INV-${1000 + i}` } : { from: "operator" as const, content: `Agent reply ${i}` },
      ),
    });
    await post(messageHook(c.messages[298]!));
    await settled(p.db);
    const cursor = await cursorOf(inst.id, c.session_id);
    expect((cursor.seenMessageIds as string[]).filter((s) => !s.startsWith("status:"))).toHaveLength(300);
    // 8 batches of 40 (the last one 20), then the empty batch that ends the walk back
    const batches = cr.requests.filter((r) => r.startsWith(`GET /v1/website/${WEBSITE}/conversation/${c.session_id}/messages`));
    expect(batches).toHaveLength(9);
    expect(batches[1]).toContain(`timestamp_before=${c.messages[260]!.timestamp}`);
    const events = await p.db.prisma.memoryEvent.findMany({ where: { externalUserId: cursor.externalUserId!, kind: "add" } });
    expect(events.reduce((n, e) => n + e.messageCount, 0)).toBe(300);
    expect(cr.notesOn(c.session_id)).toHaveLength(1);
  });

  it("creates an installation when a website installs the plugin, and disables it when it leaves", async () => {
    const bound = subscriptionHook(PLUGIN_SITE, true);
    // only the plugin's own secret vouches for an installation that does not exist yet
    expect((await post(bound, crispHeaders(JSON.stringify(bound), SECRET))).status).toBe(401);
    expect(await p.db.prisma.installation.count({ where: { account: PLUGIN_SITE } })).toBe(0);

    const installed = await post(bound, crispHeaders(JSON.stringify(bound), PLUGIN.secret));
    expect(installed.status).toBe(200);
    const row = await p.db.prisma.installation.findFirstOrThrow({ where: { provider: "crisp", account: PLUGIN_SITE } });
    expect(row).toMatchObject({ tenantId: PLUGIN_TENANT, status: "active", settings: { mode: "plugin" } });
    expect(installed.body).toMatchObject({ lifecycle: "install", outcome: "installed", installation_id: row.id });

    // it works at once, on the plugin's own token and hook secret
    const c = conversation({ messages: [{ content: "My roaming data stopped working in Spain, I need it today" }] }, PLUGIN_SITE);
    const hook = messageHook(c.messages[0]!);
    expect((await post(hook, crispHeaders(JSON.stringify(hook), PLUGIN.secret))).status).toBe(200);
    await settled(p.db);
    expect(cr.notesOn(c.session_id)).toHaveLength(1);

    const unbound = subscriptionHook(PLUGIN_SITE, false);
    const removed = await post(unbound, crispHeaders(JSON.stringify(unbound), PLUGIN.secret));
    expect(removed.body).toMatchObject({ lifecycle: "uninstall", outcome: "uninstalled", installation_id: row.id });
    expect((await p.db.prisma.installation.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("uninstalled");

    const later = cr.addMessage(c.session_id, { content: "Still no roaming data, please help" });
    const again = await post(messageHook(later), crispHeaders(JSON.stringify(messageHook(later)), PLUGIN.secret));
    expect(again.body).toMatchObject({ received: false, skipped: "unknown_account" });
    await settled(p.db);
    expect(cr.notesOn(c.session_id)).toHaveLength(1);
  });

  it("knows the same person (the same company id) on Zendesk and on Crisp as one customer", async () => {
    zd.addUser({ id: 601, name: "Lena Fischer", email: "lena@example.com", external_id: "cust-60117" });
    zd.addTicket({ id: 7601, subject: "Refund", requester_id: 601, comments: [{ body: "The blender from order ORD-30211 arrived broken, I want a refund." }] });
    const ticket = JSON.stringify(ticketCreatedEvent({ ticketId: 7601, requesterId: 601, subject: "Refund" }));
    expect((await request(p.app).post(`/webhooks/zendesk/${p.zendesk.id}`).set(zendeskHeaders(ticket)).send(ticket)).status).toBe(200);
    await settled(p.db);

    const c = conversation({ messages: [{ content: "Hi again, my new order ORD-30877 shows delivered but I never got it." }] });
    cr.peopleData.set(c.people_id!, { user_id: "cust-60117", plan: "plus" });
    await post(messageHook(c.messages[0]!));
    await settled(p.db);
    expect((await cursorOf(inst.id, c.session_id)).externalUserId).toBe("cust-60117");
    expect((await cursorOf(p.zendesk.id, "7601")).externalUserId).toBe("cust-60117");
    const [note] = cr.notesOn(c.session_id);
    expect(note!.content).toContain("ORD-30877");
    expect(note!.content).toContain("ORD-30211"); // remembered from Zendesk
  });

  it("knows two Crisp sessions of one contact (people_id) as one customer, never the session as a person", async () => {
    const person = peopleId();
    const first = conversation({ people_id: person, messages: [{ content: "My broadband keeps dropping every evening, no internet for hours." }] });
    await post(messageHook(first.messages[0]!));
    await settled(p.db);
    const second = conversation({ people_id: person, messages: [{ content: "Also my phone bill this month is double the usual amount, please explain the charges." }] });
    await post(messageHook(second.messages[0]!));
    await settled(p.db);
    const expected = `cr_${WEBSITE}_${person}`;
    expect((await cursorOf(inst.id, first.session_id)).externalUserId).toBe(expected);
    expect((await cursorOf(inst.id, second.session_id)).externalUserId).toBe(expected);
    const [note] = cr.notesOn(second.session_id);
    expect(note!.content).toMatch(/dropping|internet|broadband/i);
    const ids = await p.db.sql.query<{ external_user_id: string }>(`SELECT external_user_id FROM customer_profiles WHERE external_user_id LIKE 'cr_%session_%'`);
    expect(ids).toHaveLength(0);
  });

  it("links a visitor by the e-mail the conversation verified, not the one typed in the chatbox", async () => {
    zd.addUser({ id: 602, name: "Amir Haddad", email: "amir@example.com", verified: true });
    zd.addTicket({ id: 7602, subject: "Card", requester_id: 602, comments: [{ body: "My card was declined at checkout for order ORD-99120" }] });
    const body = ticketCreatedEvent({ ticketId: 7602, requesterId: 602, subject: "Card" });
    await request(p.app).post(`/webhooks/zendesk/${p.zendesk.id}`).set(zendeskHeaders(JSON.stringify(body))).send(JSON.stringify(body));
    await settled(p.db);
    const zendeskId = (await cursorOf(p.zendesk.id, "7602")).externalUserId;

    const typed = conversation({ metaEmail: "amir@example.com", messages: [{ content: "Checkout declined my card again" }] });
    await post(messageHook(typed.messages[0]!));
    const verified = conversation({ verifications: [{ identity: "email", method: "sdk", annotation: "amir@example.com" }], messages: [{ content: "Checkout declined my card again today" }] });
    await post(messageHook(verified.messages[0]!));
    await settled(p.db);
    expect((await cursorOf(inst.id, typed.session_id)).externalUserId).toBe(`cr_${WEBSITE}_${typed.people_id}`);
    expect((await cursorOf(inst.id, verified.session_id)).externalUserId).toBe(zendeskId);
  });

  it("remembers nobody for an anonymous visitor with no contact: no note, and the delivery says why", async () => {
    const c = cr.addConversation({ website_id: WEBSITE, session_id: sessionId(), messages: [{ content: "Hello? Is anyone there?" }] });
    await post(messageHook(c.messages[0]!));
    // Nothing to remember anyone by is a valid outcome, not a failure: skipped, with the reason.
    const row = await waitFor(() => p.db.prisma.webhookDelivery.findFirst({ where: { status: "skipped", dedupeKey: { contains: c.session_id } } }), 20_000, "the delivery to end");
    expect(row.attempts).toBe(1);
    expect(row.skipReason).toBe("no_requester");
    expect(cr.notesOn(c.session_id)).toHaveLength(0);
  });

  it("gives up at once, with a plain reason, when the plugin's daily quota has run out", async () => {
    const c = conversation({ messages: [{ content: "Is my subscription renewed?" }] });
    cr.failNext(/^GET \/v1\/website\/[^/]+\/conversation\/[^/]+$/, { status: 429, body: { error: true, reason: "quota_limit_exceeded", data: { message: "Plugin daily quota exceeded" } } });
    await post(messageHook(c.messages[0]!));
    const dead = await waitFor(() => p.db.prisma.webhookDelivery.findFirst({ where: { status: "dead", dedupeKey: { contains: String(c.messages[0]!.fingerprint) } } }), 20_000, "the delivery to be dead");
    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toMatch(/daily API quota is used up/);
    expect(cr.notesOn(c.session_id)).toHaveLength(0);
  });
});
