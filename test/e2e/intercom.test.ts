// Intercom end to end: signed notification → inbox → queue → worker → conversation through
// intercom-client (nock at the HTTP boundary, a stateful fake) → memory → one admin note.
// Runs on the embedded store and queue, and on PostgreSQL + BullMQ when DATABASE_URL and
// REDIS_URL are set. The tenant has both Zendesk and Intercom: one customer across helpdesks.
import nock from "nock";
import request from "supertest";
import type { InstallationInfo } from "../../connectors/types";
import { createInstallation } from "../../src/tenants/installations";
import { FakeIntercom, intercomHeaders } from "../helpers/fake-intercom";
import { FakeZendesk } from "../helpers/fake-zendesk";
import { createTestPipeline, settled, statusChangedEvent, ticketCreatedEvent, waitFor, zendeskHeaders, ZENDESK_AGENT_ID, ZENDESK_BASE, type TestPipeline } from "../helpers/pipeline";

jest.setTimeout(60_000);

const APP_ID = "k3f9vq2x";
const ADMIN_ID = "7311042";
const CLIENT_SECRET = "ic_client_secret_5b7d9f1a3c";
const API = "https://api.intercom.io";

describe("Intercom end to end", () => {
  let p: TestPipeline;
  let inst: InstallationInfo;
  let ic: FakeIntercom;
  let zd: FakeZendesk;
  let seq = 0;
  // distinct ids per test: one fake per test, one database for the file
  const conversationId = () => String(215_468_813_201_000 + ++seq);
  const contactId = () => `6762f1261bb69f9f2193${(0xa000 + ++seq).toString(16)}`;

  beforeAll(async () => {
    p = await createTestPipeline();
    inst = await createInstallation(p.db, p.masterKey, {
      tenantId: p.tenantId,
      provider: "intercom",
      account: APP_ID,
      settings: { adminId: ADMIN_ID, region: "us" },
      secrets: { accessToken: "ic-access-token-test", clientSecret: CLIENT_SECRET },
    });
  });
  afterAll(async () => {
    await p.close();
  });
  beforeEach(() => {
    ic = new FakeIntercom(APP_ID);
    zd = new FakeZendesk();
    zd.addUser({ id: Number(ZENDESK_AGENT_ID), name: "Customer memory", role: "agent", email: "memory@acme.example" });
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    ic.intercept(API);
    zd.intercept(ZENDESK_BASE);
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  const post = (body: object, headers?: Record<string, string>) => {
    const raw = JSON.stringify(body);
    return request(p.app).post("/webhooks/intercom").set(headers ?? intercomHeaders(raw, CLIENT_SECRET)).send(raw);
  };
  const deliveries = () => p.db.prisma.webhookDelivery.count();
  const rowOf = (notificationId: string) => p.db.prisma.webhookDelivery.findFirstOrThrow({ where: { dedupeKey: `${APP_ID}:${notificationId}` } });

  it("turns a signed conversation.user.created into exactly one note: a first-contact triage with the subject's issue and the requester's name", async () => {
    const user = ic.addContact({ id: contactId(), external_id: "cust-50112", email: "priya@example.com", name: "Priya Raman" });
    const conv = ic.addConversation({
      id: conversationId(),
      contactId: user.id,
      subject: "Billing failed after the upgrade",
      body: "Our workspace billing failed after upgrading to Growth. We use Slack and webhook integrations, and I need the invoice fixed before my finance review.",
    });
    const n = ic.conversationNotification("conversation.user.created", conv.id);
    const r = await post(n);
    expect(r.status).toBe(200);
    await settled(p.db);
    const notes = ic.notesOn(conv.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.adminId).toBe(ADMIN_ID);
    expect(notes[0]!.body).toMatch(/^<p><b>First-contact triage<\/b>/);
    expect(notes[0]!.body).toMatch(/• Wants: billing failed — &quot;Billing failed after the upgrade&quot;<br>/);
    expect(notes[0]!.body).toMatch(/• Customer: Priya Raman; wrote in by chat<br>/);
    expect(notes[0]!.body).toMatch(/• First contact: nothing remembered from earlier tickets\.<\/p>/);
    expect(notes[0]!.body).not.toMatch(/Sentiment pattern/);
    expect(notes[0]!.body).toMatch(/Growth/);
    expect(notes[0]!.body).toMatch(/finance review/);
    expect(notes[0]!.body).toMatch(/<p>helpdesk-memory · ref [0-9a-f]{12}<\/p>$/);
    expect(ic.requests).toContain(`GET /conversations/${conv.id}?display_as=plaintext`);
    const row = await rowOf(n.id);
    expect(row.status).toBe("done");
    // the company's external_id is the customer's id
    const cursor = await p.db.prisma.threadCursor.findUniqueOrThrow({ where: { installationId_ticketRef: { installationId: inst.id, ticketRef: conv.id } } });
    expect(cursor.externalUserId).toBe("cust-50112");
    const posted = await p.db.prisma.postedNote.findFirstOrThrow({ where: { installationId: inst.id, ticketRef: conv.id } });
    expect(posted.noteRef).toBe(notes[0]!.partId);
  });

  it.each([
    ["a wrong secret", (b: string) => intercomHeaders(b, "not-the-client-secret")],
    ["a truncated signature", (b: string) => ({ ...intercomHeaders(b, CLIENT_SECRET), "x-hub-signature": intercomHeaders(b, CLIENT_SECRET)["x-hub-signature"]!.slice(0, 25) })],
    ["a sha256 signature", (b: string) => ({ ...intercomHeaders(b, CLIENT_SECRET), "x-hub-signature": `sha256=${"0".repeat(64)}` })],
    ["no signature", () => ({ "content-type": "application/json" })],
  ])("refuses %s with 401 and stores nothing", async (_name, headers) => {
    const user = ic.addContact({ id: contactId() });
    const conv = ic.addConversation({ id: conversationId(), contactId: user.id, body: "hello" });
    const body = ic.conversationNotification("conversation.user.created", conv.id);
    const before = await deliveries();
    const r = await post(body, headers(JSON.stringify(body)));
    expect(r.status).toBe(401);
    expect(await deliveries()).toBe(before);
    await settled(p.db);
    expect(ic.requests).toEqual([]);
  });

  it("accepts the URL check (HEAD), answers 200 to ping and to a workspace nobody installed, 400 to a malformed notification", async () => {
    expect((await request(p.app).head("/webhooks/intercom")).status).toBe(200);
    const ping = { type: "notification_event", app_id: APP_ID, data: { type: "notification_event_data", item: { type: "ping", message: "something something interzen" } }, id: null, topic: "ping", delivery_attempts: 1 };
    expect((await post(ping)).body).toMatchObject({ received: true, skipped: "ping" });
    const stranger = { ...ping, app_id: "zz9stranger" };
    expect((await post(stranger)).status).toBe(200);
    const broken = { type: "notification_event", app_id: APP_ID, id: "notif_broken", topic: "conversation.user.created", data: { item: { type: "conversation" } } };
    const r = await post(broken);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe("conversation.user.created: data.item has no conversation id");
    await settled(p.db);
    expect(ic.requests).toEqual([]);
  });

  it("posts one note for the same notification delivered three times", async () => {
    const user = ic.addContact({ id: contactId(), email: "amir@example.com" });
    const conv = ic.addConversation({ id: conversationId(), contactId: user.id, body: "My order ORD-44821 is a week late, where is it?" });
    const first = ic.conversationNotification("conversation.user.created", conv.id, { id: "notif_same-3x-0001" });
    // Intercom's redeliveries carry the same id with a higher delivery_attempts (other bytes, other signature)
    const answers = await Promise.all([1, 2, 3].map((attempts) => post({ ...first, delivery_attempts: attempts })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await settled(p.db);
    expect(ic.notesOn(conv.id)).toHaveLength(1);
    expect(await p.db.prisma.webhookDelivery.count({ where: { dedupeKey: `${APP_ID}:notif_same-3x-0001` } })).toBe(1);
  });

  it("skips our own note echoing back as conversation.admin.noted", async () => {
    const user = ic.addContact({ id: contactId() });
    const conv = ic.addConversation({ id: conversationId(), contactId: user.id, body: "I was charged twice, please refund the duplicate charge on invoice 84678269" });
    await post(ic.conversationNotification("conversation.user.created", conv.id));
    await settled(p.db);
    const [note] = ic.notesOn(conv.id);
    expect(note).toBeDefined();
    const echo = ic.conversationNotification("conversation.admin.noted", conv.id);
    expect(echo.data.item.conversation_parts.conversation_parts[0]).toMatchObject({ id: note!.partId, part_type: "note", author: { id: ADMIN_ID } });
    expect((await post(echo)).status).toBe(200);
    await settled(p.db);
    expect(await rowOf(echo.id)).toMatchObject({ status: "skipped", skipReason: "own_echo" });
    expect(ic.notesOn(conv.id)).toHaveLength(1);
  });

  it("handles a conversation of 500 parts out of 800 and says older history was cut", async () => {
    const user = ic.addContact({ id: contactId(), external_id: "cust-50500" });
    const parts = Array.from({ length: 500 }, (_, i) =>
      i % 2 === 0
        ? { part_type: "comment", body: `Message ${i}: the app still crashes when I export, ref INV-${1000 + i}`, author: { type: "user" as const, id: user.id } }
        : { part_type: "comment", body: `Agent reply ${i}`, author: { type: "admin" as const, id: "5830017" } },
    );
    const conv = ic.addConversation({ id: conversationId(), contactId: user.id, body: "The desktop app crashes on export", parts, olderParts: 299 });
    const n = ic.conversationNotification("conversation.user.replied", conv.id);
    expect((await post(n)).status).toBe(200);
    await settled(p.db);
    expect(await rowOf(n.id)).toMatchObject({ status: "done" });
    const [note] = ic.notesOn(conv.id);
    expect(note!.body).toContain("Older history was cut: Intercom returns only the newest 500 parts of a conversation");
    const cursor = await p.db.prisma.threadCursor.findUniqueOrThrow({ where: { installationId_ticketRef: { installationId: inst.id, ticketRef: conv.id } } });
    expect((cursor.seenMessageIds as string[]).filter((s) => !s.startsWith("status:"))).toHaveLength(501);
  });

  it("merges a lead into a user: one customer, one profile", async () => {
    const lead = ic.addContact({ id: contactId(), role: "lead", name: "Visitor 4821" });
    const user = ic.addContact({ id: contactId(), external_id: "cust-50777", email: "lena@example.com", name: "Lena Park" });
    const c1 = ic.addConversation({ id: conversationId(), contactId: lead.id, body: "My flight with PNR QX7K2M was cancelled, I need rebooking." });
    const c2 = ic.addConversation({ id: conversationId(), contactId: user.id, body: "Where is my refund for the cancelled flight booking BKG-55120?" });
    await post(ic.conversationNotification("conversation.user.created", c1.id));
    await post(ic.conversationNotification("conversation.user.created", c2.id));
    await settled(p.db);
    const leadId = `ic_${APP_ID}_${lead.id}`;
    const profileIds = async () =>
      (await p.db.sql.query<{ external_user_id: string }>(`SELECT DISTINCT external_user_id FROM customer_profiles WHERE external_user_id IN ($1, $2)`, [leadId, "cust-50777"])).map((r) => r.external_user_id).sort();
    expect(await profileIds()).toEqual(["cust-50777", leadId]);

    ic.mergeLeadIntoUser(lead.id, user.id);
    const merged = ic.contactNotification("contact.merged", ic.contacts.get(user.id)!, { merged_from: { type: "contact", id: lead.id } });
    expect((await post(merged)).status).toBe(200);
    await settled(p.db);
    expect(await rowOf(merged.id)).toMatchObject({ status: "done" });
    expect(await profileIds()).toEqual(["cust-50777"]);
    const profile = await request(p.app).get("/v1/customers/cust-50777").set({ Authorization: `ApiKey ${p.apiKey}` });
    const text = JSON.stringify(profile.body.data.profile);
    expect(text).toContain("QX7K2M");
    expect(text).toContain("BKG-55120");

    // a late notification still naming the merged-away lead (404 from Intercom) lands on the user
    ic.addPart(c1.id, { part_type: "comment", body: "Any news on the rebooking for QX7K2M?", author: { type: "lead", id: lead.id } });
    const late = ic.conversationNotification("conversation.user.replied", c1.id);
    late.data.item.contacts.contacts = [{ type: "contact", id: lead.id, external_id: null }];
    await post(late);
    await settled(p.db);
    expect(await rowOf(late.id)).toMatchObject({ status: "done" });
    expect(await profileIds()).toEqual(["cust-50777"]);
  });

  it("waits out a 429 until X-RateLimit-Reset inside the SDK, without a queue retry", async () => {
    const user = ic.addContact({ id: contactId() });
    const conv = ic.addConversation({ id: conversationId(), contactId: user.id, body: "My roaming data stopped working in Spain, I need it today" });
    const reset = Math.floor(Date.now() / 1000) + 2;
    ic.failNext(new RegExp(`^GET /conversations/${conv.id}$`), { status: 429, headers: { "X-RateLimit-Limit": "10000", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": String(reset) }, body: { type: "error.list", errors: [{ code: "rate_limit_exceeded", message: "Exceeded rate limit" }] } });
    const n = ic.conversationNotification("conversation.user.created", conv.id);
    await post(n);
    await waitFor(async () => ic.notesOn(conv.id).length === 1, 20_000, "the note after the 429");
    expect(Date.now()).toBeGreaterThanOrEqual(reset * 1000);
    await settled(p.db);
    expect(await rowOf(n.id)).toMatchObject({ status: "done", attempts: 1 });
    expect(ic.requests.filter((r) => r.startsWith(`GET /conversations/${conv.id}`))).toHaveLength(2);
  });

  it("hands a 429 the SDK could not ride out to the queue, which waits for X-RateLimit-Reset", async () => {
    const user = ic.addContact({ id: contactId() });
    const conv = ic.addConversation({ id: conversationId(), contactId: user.id, body: "I cannot log in to my account since the password reset" });
    // three 429s: the first call and the SDK's two retries; each asks to come back in 2 s
    ic.failNext(new RegExp(`^GET /conversations/${conv.id}$`), { status: 429, headers: () => ({ "X-RateLimit-Reset": String(Math.floor(Date.now() / 1000) + 2) }) }, 3);
    const n = ic.conversationNotification("conversation.user.created", conv.id);
    await post(n);
    await waitFor(async () => ic.notesOn(conv.id).length === 1, 40_000, "the note after the queue's retry");
    await settled(p.db);
    const row = await rowOf(n.id);
    expect(row).toMatchObject({ status: "done", attempts: 2 });
    // 3 calls in the first attempt (not 5 × 5), 1 in the second
    expect(ic.requests.filter((r) => r.startsWith(`GET /conversations/${conv.id}`))).toHaveLength(4);
  });

  it("remembers a customer's Zendesk issue when they write on Intercom (same external_id)", async () => {
    zd.addUser({ id: 6201, email: "noor@example.com", external_id: "cust-62010" });
    zd.addTicket({ id: 7201, subject: "Broken blender", requester_id: 6201, comments: [{ body: "The blender from order ORD-30211 arrived broken, I want a refund." }] });
    const zpost = (body: object) => request(p.app).post(`/webhooks/zendesk/${p.zendesk.id}`).set(zendeskHeaders(JSON.stringify(body))).send(JSON.stringify(body));
    expect((await zpost(ticketCreatedEvent({ ticketId: 7201, requesterId: 6201, subject: "Broken blender" }))).status).toBe(200);
    await settled(p.db);
    zd.tickets.get(7201)!.status = "solved";
    await zpost(statusChangedEvent({ ticketId: 7201, requesterId: 6201, status: "solved" }));
    await settled(p.db);

    const contact = ic.addContact({ id: contactId(), external_id: "cust-62010", email: "noor@example.com", name: "Noor" });
    const conv = ic.addConversation({ id: conversationId(), contactId: contact.id, body: "Hi again, my new order ORD-30877 shows delivered but I never got it." });
    await post(ic.conversationNotification("conversation.user.created", conv.id));
    await settled(p.db);
    const [note] = ic.notesOn(conv.id);
    expect(note).toBeDefined();
    expect(note!.body).toContain("ORD-30877");
    expect(note!.body).toContain("ORD-30211"); // the Zendesk ticket, from history
    expect(note!.body).toMatch(/7201/);
  });
});
