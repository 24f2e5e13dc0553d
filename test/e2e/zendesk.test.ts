// Zendesk end to end: signed webhook → inbox → queue → worker → thread through the Zendesk
// API (nock at the HTTP boundary) → memory → one private comment. Runs on the embedded
// store and queue, and on PostgreSQL + BullMQ when DATABASE_URL and REDIS_URL are set.
import nock from "nock";
import request from "supertest";
import { createInstallationCommands } from "../../src/cli/installations";
import { createInstallation } from "../../src/tenants/installations";
import { createTenant } from "../../src/tenants/service";
import { FakeZendesk } from "../helpers/fake-zendesk";
import {
  commentAddedEvent,
  createTestPipeline,
  createTestZendeskInstallation,
  settled,
  statusChangedEvent,
  ticketCreatedEvent,
  waitFor,
  zendeskHeaders,
  ZENDESK_AGENT_ID,
  ZENDESK_BASE,
  type TestPipeline,
} from "../helpers/pipeline";

jest.setTimeout(60_000);

describe("Zendesk end to end", () => {
  let p: TestPipeline;
  let zd: FakeZendesk;

  beforeAll(async () => {
    p = await createTestPipeline();
  });
  afterAll(async () => {
    await p.close();
  });
  beforeEach(() => {
    zd = new FakeZendesk();
    zd.addUser({ id: Number(ZENDESK_AGENT_ID), name: "Customer memory", role: "agent", email: "memory@acme.example" });
    zd.addUser({ id: 9001, name: "Integration admin", role: "admin", email: "admin@acme.example" });
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    zd.intercept(ZENDESK_BASE);
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  // signed at the pipeline's own time, as Zendesk would sign at the moment it sends
  const post = (body: object, headers = zendeskHeaders(JSON.stringify(body), undefined, (p.now.value ?? new Date()).toISOString())) =>
    request(p.app).post(`/webhooks/zendesk/${p.zendesk.id}`).set(headers).send(JSON.stringify(body));
  const deliveries = () => p.db.prisma.webhookDelivery.count();

  it("turns a signed ticket.created into exactly one private note with the remembered context", async () => {
    zd.addUser({ id: 501, name: "Priya Raman", email: "priya@example.com" });
    zd.addTicket({
      id: 7001,
      subject: "Billing failed after upgrade",
      requester_id: 501,
      comments: [{ body: "Our workspace billing failed after upgrading to Growth. We use Slack and webhook integrations, and I need the invoice fixed before my finance review." }],
    });
    const r = await post(ticketCreatedEvent({ ticketId: 7001, requesterId: 501, subject: "Billing failed after upgrade" }));
    expect(r.status).toBe(200);
    await settled(p.db);
    const notes = zd.notesOn(7001);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.authorId).toBe(Number(ZENDESK_AGENT_ID));
    expect(notes[0]!.htmlBody).toMatch(/remember/i);
    expect(notes[0]!.htmlBody).toMatch(/Growth/);
    expect(notes[0]!.htmlBody).toMatch(/finance review/);
    expect(notes[0]!.htmlBody).toMatch(/Slack/);
  });

  it("triages a first contact: the subject is the open issue, the requester is named, nothing is said for nothing", async () => {
    zd.addUser({ id: 561, name: "Dana Whitfield", email: "dana@example.com" });
    zd.addTicket({
      id: 7061,
      subject: "Help, my printer is on fire!",
      requester_id: 561,
      via: "email",
      organization: { id: 88, name: "Northwind Traders" },
      comments: [{ body: "It started smoking right after I plugged it in this morning. Order ORD-48213. What should I do?" }],
    });
    expect((await post(ticketCreatedEvent({ ticketId: 7061, requesterId: 561, subject: "Help, my printer is on fire!" }))).status).toBe(200);
    await settled(p.db);
    const notes = zd.notesOn(7061);
    expect(notes).toHaveLength(1);
    const note = notes[0]!.htmlBody;
    expect(note).toMatch(/First-contact triage/);
    expect(note).toMatch(/Wants: [^<]*Help, my printer is on fire!/);
    expect(note).toMatch(/References: ORD-48213/);
    expect(note).toMatch(/Customer: Dana Whitfield \(Northwind Traders\); wrote in by email/);
    expect(note).toMatch(/First contact: nothing remembered from earlier tickets/);
    expect(note).not.toMatch(/Sentiment pattern/);
    expect(note).not.toMatch(/<strong>[^<]*<\/strong><\/p>\s*<ul><\/ul>/);
  });

  it("posts no first-contact note for a tenant whose first_contact_note is none, and a memory note on the next ticket", async () => {
    // A tenant of its own: the worker keeps tenants' settings for a few seconds.
    const quiet = await createTenant(p.db, "Quiet");
    await p.db.prisma.tenant.update({ where: { id: quiet.tenant.id }, data: { firstContactNote: "none" } });
    const inst = await createTestZendeskInstallation(p.db, p.masterKey, quiet.tenant.id, "quiet");
    zd.intercept("https://quiet.zendesk.com");
    const postTo = (body: object) =>
      request(p.app).post(`/webhooks/zendesk/${inst.id}`).set(zendeskHeaders(JSON.stringify(body))).send(JSON.stringify(body));
    zd.addUser({ id: 562, name: "Omar Haddad", email: "omar@example.com" });
    zd.addTicket({ id: 7062, subject: "Refund for order ORD-77120", requester_id: 562, comments: [{ body: "The blender arrived broken, I want a refund for order ORD-77120." }] });
    expect((await postTo(ticketCreatedEvent({ ticketId: 7062, requesterId: 562, subject: "Refund for order ORD-77120" }))).status).toBe(200);
    await settled(p.db);
    expect(zd.notesOn(7062)).toHaveLength(0);
    zd.addTicket({ id: 7063, subject: "Wrong size", requester_id: 562, comments: [{ body: "The shoes from order ORD-77244 are the wrong size, can I exchange them?" }] });
    expect((await postTo(ticketCreatedEvent({ ticketId: 7063, requesterId: 562, subject: "Wrong size" }))).status).toBe(200);
    await settled(p.db);
    const next = zd.notesOn(7063);
    expect(next).toHaveLength(1);
    expect(next[0]!.htmlBody).toMatch(/Remembered context/);
    expect(next[0]!.htmlBody).toMatch(/ORD-77120/);
  });

  it.each([
    ["whole, as Zendesk sideloads it with the ticket", false, 0],
    ["partial, so the user record is fetched", true, 1],
  ])("maps the requester by its external_id when the sideloaded user is %s", async (_what, partial, userCalls) => {
    const ticketId = partial ? 7052 : 7051;
    zd.partialSideloads = partial;
    zd.addUser({ id: 551 + Number(partial), name: "Ines Duarte", email: `ines${Number(partial)}@example.com`, external_id: `crm-77${Number(partial)}` });
    zd.addTicket({ id: ticketId, subject: "Router keeps dropping", requester_id: 551 + Number(partial), comments: [{ body: "My router drops the connection every evening since Monday." }] });
    expect((await post(ticketCreatedEvent({ ticketId, requesterId: 551 + Number(partial), subject: "Router keeps dropping" }))).status).toBe(200);
    await settled(p.db);
    expect(zd.notesOn(ticketId)).toHaveLength(1);
    expect(zd.requests.filter((r) => r.startsWith("GET /api/v2/users/"))).toHaveLength(userCalls);
    const cursor = await p.db.sql.query<{ external_user_id: string }>(`SELECT external_user_id FROM thread_cursors WHERE ticket_ref = $1`, [String(ticketId)]);
    expect(cursor.map((c) => c.external_user_id)).toEqual([`crm-77${Number(partial)}`]);
  });

  it.each([
    ["a wrong secret", (b: string) => zendeskHeaders(b, "not-the-secret")],
    ["a stale timestamp", (b: string) => zendeskHeaders(b, undefined, new Date(Date.now() - 6 * 60_000).toISOString())],
    ["a truncated signature", (b: string) => ({ ...zendeskHeaders(b), "x-zendesk-webhook-signature": zendeskHeaders(b)["x-zendesk-webhook-signature"].slice(0, 20) })],
    ["no signature", () => ({ "content-type": "application/json" })],
  ])("refuses %s with 401 and stores nothing", async (_name, headers) => {
    const body = ticketCreatedEvent({ ticketId: 7002, requesterId: 502, subject: "x" });
    const before = await deliveries();
    const r = await post(body, headers(JSON.stringify(body)) as ReturnType<typeof zendeskHeaders>);
    expect(r.status).toBe(401);
    expect(await deliveries()).toBe(before);
  });

  it("verifies the research doc's worked example (a trigger webhook) at its own time", async () => {
    const body = '{"ticket_id":"123"}';
    const headers = {
      "content-type": "application/json",
      "x-zendesk-webhook-signature-timestamp": "2021-03-25T05:09:27Z",
      "x-zendesk-webhook-signature": "YmkQCnSLfGdf5pcvqNFcuOtUpzUb/ss09fM0NCi/wvw=",
    };
    const testInst = await createInstallation(p.db, p.masterKey, {
      tenantId: p.tenantId,
      provider: "zendesk",
      account: "acme-test",
      settings: { email: "admin@acme.example", agentId: ZENDESK_AGENT_ID },
      secrets: { apiToken: "t", signingSecret: "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==" },
    });
    const url = `/webhooks/zendesk/${testInst.id}`;
    p.now.value = new Date("2021-03-25T05:09:40Z");
    try {
      const ok = await request(p.app).post(url).set(headers).send(body);
      expect(ok.status).toBe(200);
      expect((await request(p.app).post(url).set({ ...headers, "x-zendesk-webhook-signature": "JXXhloBhdpXeVco6oK4Awd8xju3uFHJ4bFWDdG8qBiA=" }).send(body)).status).toBe(401);
    } finally {
      p.now.value = null;
    }
    expect((await request(p.app).post(url).set(headers).send(body)).status).toBe(401); // now stale
    await p.db.prisma.installation.update({ where: { id: testInst.id }, data: { status: "disabled" } });
    await settled(p.db);
  });

  it("answers 400 to malformed JSON, 404 to an unknown installation, 413 over 1 MB", async () => {
    const bad = "{not json";
    expect((await request(p.app).post(`/webhooks/zendesk/${p.zendesk.id}`).set(zendeskHeaders(bad)).send(bad)).status).toBe(400);
    const body = JSON.stringify(ticketCreatedEvent({ ticketId: 1, requesterId: 1, subject: "x" }));
    expect((await request(p.app).post(`/webhooks/zendesk/inst_nope`).set(zendeskHeaders(body)).send(body)).status).toBe(404);
    const huge = JSON.stringify({ ticket_id: "1", padding: "x".repeat(1_100_000) });
    expect((await request(p.app).post(`/webhooks/zendesk/${p.zendesk.id}`).set(zendeskHeaders(huge)).send(huge)).status).toBe(413);
  });

  it("posts one note for the same event delivered three times", async () => {
    zd.addUser({ id: 503, email: "amir@example.com" });
    zd.addTicket({ id: 7003, subject: "Order late", requester_id: 503, comments: [{ body: "My order ORD-44821 is a week late, where is it?" }] });
    const event = ticketCreatedEvent({ ticketId: 7003, requesterId: 503, subject: "Order late", eventId: "same-event-7003" });
    const answers = await Promise.all([post(event), post(event), post(event)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await settled(p.db);
    expect(zd.notesOn(7003)).toHaveLength(1);
    expect(await p.db.prisma.webhookDelivery.count({ where: { dedupeKey: { contains: "same-event-7003" } } })).toBe(1);
  });

  it("skips our own note coming back", async () => {
    zd.addUser({ id: 504 });
    zd.addTicket({ id: 7004, subject: "Refund", requester_id: 504, comments: [{ body: "I was charged twice, please refund the duplicate charge on invoice 84678269" }] });
    await post(ticketCreatedEvent({ ticketId: 7004, requesterId: 504, subject: "Refund" }));
    await settled(p.db);
    const [note] = zd.notesOn(7004);
    expect(note).toBeDefined();
    const echo = commentAddedEvent({ ticketId: 7004, requesterId: 504, authorId: Number(ZENDESK_AGENT_ID), commentId: note!.commentId, body: "note", isPublic: false, isStaff: true });
    expect((await post(echo)).status).toBe(200);
    await settled(p.db);
    const row = await p.db.prisma.webhookDelivery.findFirstOrThrow({ where: { dedupeKey: { contains: echo.id } } });
    expect(row).toMatchObject({ status: "skipped", skipReason: "own_echo" });
    expect(zd.notesOn(7004)).toHaveLength(1);
  });

  it("ingests a ticket of 250 comments whole", async () => {
    zd.addUser({ id: 505 });
    zd.addUser({ id: 9101, role: "agent", name: "Sam" });
    const comments = Array.from({ length: 250 }, (_, i) =>
      i % 2 === 0 ? { body: `Message ${i}: the app still crashes when I export, ticket ref INV-${1000 + i}`, author_id: 505 } : { body: `Agent reply ${i}`, author_id: 9101 },
    );
    zd.addTicket({ id: 7005, subject: "Export crash", requester_id: 505, comments });
    await post(ticketCreatedEvent({ ticketId: 7005, requesterId: 505, subject: "Export crash" }));
    await settled(p.db);
    const cursor = await p.db.prisma.threadCursor.findUniqueOrThrow({ where: { installationId_ticketRef: { installationId: p.zendesk.id, ticketRef: "7005" } } });
    const seen = (cursor.seenMessageIds as string[]).filter((s) => !s.startsWith("status:"));
    expect(seen).toHaveLength(250);
    expect(zd.requests.filter((r) => r.startsWith("GET /api/v2/tickets/7005/comments.json")).length).toBe(3);
    const events = await p.db.prisma.memoryEvent.findMany({ where: { externalUserId: cursor.externalUserId!, kind: "add" } });
    expect(events.reduce((n, e) => n + e.messageCount, 0)).toBe(250);
  });

  it("waits out a 429 with Retry-After: 2 and then succeeds", async () => {
    zd.addUser({ id: 506 });
    zd.addTicket({ id: 7006, subject: "Roaming", requester_id: 506, comments: [{ body: "My roaming data stopped working in Spain, I need it today" }] });
    zd.failNext(/^GET \/api\/v2\/tickets\/7006\/comments\.json$/, { status: 429, headers: { "Retry-After": "2" }, body: { error: "TooManyRequests" } });
    const started = Date.now();
    await post(ticketCreatedEvent({ ticketId: 7006, requesterId: 506, subject: "Roaming" }));
    await waitFor(async () => zd.notesOn(7006).length === 1, 20_000, "the note after the 429");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    await settled(p.db);
    const row = await p.db.prisma.webhookDelivery.findFirstOrThrow({ where: { event: { path: ["ticketRef"], equals: "7006" } } });
    expect(row.status).toBe("done");
    expect(row.attempts).toBe(2);
  });

  it("marks a delivery dead after 5 failures in a row, and replay processes it", async () => {
    zd.addUser({ id: 507 });
    zd.addTicket({ id: 7007, subject: "Card", requester_id: 507, comments: [{ body: "My card was declined at checkout for order ORD-99120" }] });
    zd.failNext(/^GET \/api\/v2\/tickets\/7007\.json$/, { status: 503, headers: { "Retry-After": "0" } }, 5);
    await post(ticketCreatedEvent({ ticketId: 7007, requesterId: 507, subject: "Card" }));
    const dead = await waitFor(
      () => p.db.prisma.webhookDelivery.findFirst({ where: { status: "dead", event: { path: ["ticketRef"], equals: "7007" } } }),
      30_000,
      "the delivery to be dead",
    );
    expect(dead.attempts).toBe(5);
    expect(dead.lastError).toMatch(/503/);
    expect(zd.notesOn(7007)).toHaveLength(0);

    const replay = createInstallationCommands({ config: () => ({ publicUrl: "http://localhost:3000", masterKey: undefined, dataDir: "." }) })["deliveries replay"]!;
    const out = await replay.run(p.db, { status: "dead", installation: p.zendesk.id });
    expect(out.json).toMatchObject({ replayed: 1 });
    await waitFor(async () => (await p.db.prisma.webhookDelivery.findUnique({ where: { id: dead.id } }))?.status === "done", 30_000, "the replay");
    expect(zd.notesOn(7007)).toHaveLength(1);
  });

  it("remembers the first ticket's issue on a second ticket a week later", async () => {
    zd.addUser({ id: 508, email: "lena@example.com" });
    zd.addTicket({ id: 7008, subject: "Refund", requester_id: 508, comments: [{ body: "The blender from order ORD-30211 arrived broken, I want a refund." }] });
    await post(ticketCreatedEvent({ ticketId: 7008, requesterId: 508, subject: "Refund" }));
    await settled(p.db);
    zd.tickets.get(7008)!.status = "solved";
    await post(statusChangedEvent({ ticketId: 7008, requesterId: 508, status: "solved" }));
    await settled(p.db);
    expect(zd.notesOn(7008)).toHaveLength(1); // solved tickets get no note

    p.now.value = new Date(Date.now() + 7 * 86_400_000);
    try {
      zd.addTicket({ id: 7009, subject: "New order question", requester_id: 508, comments: [{ body: "Hi again, my new order ORD-30877 shows delivered but I never got it." }] });
      await post(ticketCreatedEvent({ ticketId: 7009, requesterId: 508, subject: "New order question" }));
      await settled(p.db);
    } finally {
      p.now.value = null;
    }
    const [note] = zd.notesOn(7009);
    expect(note!.htmlBody).toContain("ORD-30877");
    expect(note!.htmlBody).toContain("ORD-30211"); // the first ticket, from history
    expect(note!.htmlBody).toMatch(/7008/);
  });

  it("keeps an open first issue open on the second ticket", async () => {
    zd.addUser({ id: 509 });
    zd.addTicket({ id: 7010, subject: "Wifi", requester_id: 509, comments: [{ body: "My broadband keeps dropping every evening, no internet for hours." }] });
    await post(ticketCreatedEvent({ ticketId: 7010, requesterId: 509, subject: "Wifi" }));
    await settled(p.db);
    zd.addTicket({ id: 7011, subject: "Bill", requester_id: 509, comments: [{ body: "Also my phone bill this month is double the usual amount, please explain the charges." }] });
    await post(ticketCreatedEvent({ ticketId: 7011, requesterId: 509, subject: "Bill" }));
    await settled(p.db);
    const [note] = zd.notesOn(7011);
    expect(note!.htmlBody).toMatch(/dropping|internet|broadband/i);
    expect(note!.htmlBody).toMatch(/7010/);
  });

  it("merges two Zendesk users into one customer and one profile", async () => {
    zd.addUser({ id: 510, email: "old@example.com", verified: false });
    zd.addUser({ id: 511, email: "new@example.com", verified: false });
    zd.addTicket({ id: 7012, subject: "A", requester_id: 510, comments: [{ body: "My flight with PNR QX7K2M was cancelled, I need rebooking." }] });
    zd.addTicket({ id: 7013, subject: "B", requester_id: 511, comments: [{ body: "Where is my refund for the cancelled flight booking BKG-55120?" }] });
    await post(ticketCreatedEvent({ ticketId: 7012, requesterId: 510, subject: "A" }));
    await post(ticketCreatedEvent({ ticketId: 7013, requesterId: 511, subject: "B" }));
    await settled(p.db);
    const merged = {
      type: "zen:event-type:user.merged",
      account_id: 10458821,
      id: "evt-merge-510-511",
      time: new Date().toISOString(),
      zendesk_event_version: "2022-11-06",
      subject: "zen:user:510",
      detail: { id: "510", email: "old@example.com", role: "end-user" },
      event: { merged_into_user_id: "511", source_user_id: "510", target_user_id: "511" },
    };
    const r = await post(merged);
    expect(r.status).toBe(200);
    await settled(p.db);
    const ids = await p.db.sql.query<{ external_user_id: string }>(
      `SELECT DISTINCT external_user_id FROM customer_profiles WHERE external_user_id IN ('zd_acme_510', 'zd_acme_511')`,
    );
    expect(ids.map((i) => i.external_user_id)).toEqual(["zd_acme_511"]);
    const profile = await request(p.app).get("/v1/customers/zd_acme_511").set({ Authorization: `ApiKey ${p.apiKey}` });
    const text = JSON.stringify(profile.body.data.profile);
    expect(text).toContain("QX7K2M");
    expect(text).toContain("BKG-55120");
  });
});
