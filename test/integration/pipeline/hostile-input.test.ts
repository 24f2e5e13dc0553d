// What an outside fault run sent that once got a 500 or a shared dedupe key, over HTTP on the
// real store: NUL bytes where an id goes, event names that are keys of Object.prototype, and
// Intercom notifications whose id is null. Each is answered 2xx or 4xx, never 5xx, and what
// is recorded says why it was skipped.
import { createHmac } from "node:crypto";
import nock from "nock";
import request from "supertest";
import type { InstallationInfo } from "../../../connectors/types";
import { createInstallation } from "../../../src/tenants/installations";
import { intercomHeaders } from "../../helpers/fake-intercom";
import { commentAddedEvent, createTestPipeline, settled, zendeskHeaders, type TestPipeline } from "../../helpers/pipeline";

jest.setTimeout(60_000);

const APP_ID = "h7q2x9ze";
const IC_SECRET = "ic_client_secret_hostile_input";
const WEBSITE = "8c1d6e0a-4f3b-4b7e-9a2d-6e5f4c3b2a10";
const HOOK_SITE = "2e9f7a1c-5b3d-4c8e-8f6a-1d0c9b8a7e65";
const CRISP_SECRET = "crisp-hook-secret-hostile-input";
const HOOK_KEY = "hook-key-hostile-input";
const SESSION = "session_3f0e9d8c-7b6a-4594-8372-615049382716";

const PROTO_NAMES = ["__proto__", "hasOwnProperty", "valueOf", "constructor", "toString", "isPrototypeOf", "__defineGetter__"];

function crispHeaders(raw: string, secret = CRISP_SECRET) {
  const timestamp = String(Date.now());
  return {
    "content-type": "application/json",
    "x-crisp-request-timestamp": timestamp,
    "x-crisp-signature": createHmac("sha256", secret).update(`[${timestamp};${raw}]`).digest("hex"),
  };
}

describe("hostile input at the webhook intake", () => {
  let p: TestPipeline;
  let crispHook: InstallationInfo;

  beforeAll(async () => {
    p = await createTestPipeline();
    await createInstallation(p.db, p.masterKey, {
      tenantId: p.tenantId,
      provider: "intercom",
      account: APP_ID,
      settings: { adminId: "7311042", region: "us" },
      secrets: { accessToken: "ic-access-token-test", clientSecret: IC_SECRET },
    });
    await createInstallation(p.db, p.masterKey, {
      tenantId: p.tenantId,
      provider: "crisp",
      account: WEBSITE,
      settings: { mode: "plugin" },
      secrets: { identifier: "7c3ef21c-1e04-41ce-8c06-5605c346f73e", key: "k".repeat(64), signingSecret: CRISP_SECRET },
    });
    crispHook = await createInstallation(p.db, p.masterKey, {
      tenantId: p.tenantId,
      provider: "crisp",
      account: HOOK_SITE,
      settings: { mode: "website_hook" },
      secrets: { identifier: "7c3ef21c-1e04-41ce-8c06-5605c346f73e", key: "k".repeat(64), hookKey: HOOK_KEY },
    });
  });
  afterAll(async () => {
    await p.close();
    nock.enableNetConnect();
  });
  // Nothing here may reach a real helpdesk.
  beforeEach(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  });

  const zendesk = (body: object, installationId = p.zendesk.id) => {
    const raw = JSON.stringify(body);
    return request(p.app).post(`/webhooks/zendesk/${encodeURIComponent(installationId)}`).set(zendeskHeaders(raw)).send(raw);
  };
  const intercom = (body: object) => {
    const raw = JSON.stringify(body);
    return request(p.app).post("/webhooks/intercom").set(intercomHeaders(raw, IC_SECRET)).send(raw);
  };
  const crisp = (body: object) => {
    const raw = JSON.stringify(body);
    return request(p.app).post("/webhooks/crisp").set(crispHeaders(raw)).send(raw);
  };
  const rowsOfType = (eventType: string) =>
    p.db.sql.query<{ status: string; skip_reason: string | null; dedupe_key: string }>(`SELECT status, skip_reason, dedupe_key FROM webhook_deliveries WHERE event_type = $1`, [eventType]);

  describe("a NUL byte where an id goes is a 4xx", () => {
    it.each([
      ["in a Zendesk installation id", () => request(p.app).post("/webhooks/zendesk/x%00").set(zendeskHeaders("{}")).send("{}")],
      ["after a real Zendesk installation id", () => request(p.app).post(`/webhooks/zendesk/${p.zendesk.id}%00`).set(zendeskHeaders("{}")).send("{}")],
      ["in a Crisp website-hook installation id", () => request(p.app).post("/webhooks/crisp/x%00?key=k").set("content-type", "application/json").send("{}")],
      ["after a real Crisp website-hook id", () => request(p.app).post(`/webhooks/crisp/${crispHook.id}%00?key=${HOOK_KEY}`).set("content-type", "application/json").send("{}")],
    ])("%s", async (_name, send) => {
      const r = await send();
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    });

    it.each([["a\u0000b"], ["\u0000"], [`${APP_ID}\u0000`]])("in an Intercom app_id (%j)", async (appId) => {
      const body = { type: "notification_event", id: "notif_nul_1", topic: "conversation.user.replied", app_id: appId, data: { item: {} } };
      const r = await intercom(body);
      expect(r.status).toBeGreaterThanOrEqual(200);
      expect(r.status).toBeLessThan(500);
    });

    it("in a Crisp website_id", async () => {
      const r = await crisp({ website_id: `${WEBSITE}\u0000`, event: "message:send", data: {}, timestamp: Date.now() });
      expect(r.status).toBeLessThan(500);
    });
  });

  describe("an event name that is a key of Object.prototype is skipped with a reason", () => {
    it.each(PROTO_NAMES)("Zendesk type zen:event-type:%s", async (name) => {
      const type = `zen:event-type:${name}`;
      const r = await zendesk({ type, id: `evt-proto-${name}`, account_id: 1, time: new Date().toISOString(), subject: "zen:ticket:1", detail: { id: "1" } });
      expect(r.status).toBe(200);
      expect(r.body.skipped).toMatch(/not handled/);
      expect(await rowsOfType(type)).toEqual([expect.objectContaining({ status: "skipped", skip_reason: expect.stringMatching(/not handled/) })]);
    });

    it.each(PROTO_NAMES)("Intercom topic %s", async (topic) => {
      const r = await intercom({ type: "notification_event", id: `notif-proto-${topic}`, topic, app_id: APP_ID, data: { item: { type: "conversation", id: "1" } } });
      expect(r.status).toBe(200);
      expect(r.body.skipped).toMatch(/not handled/);
      expect(await rowsOfType(topic)).toEqual([expect.objectContaining({ status: "skipped", skip_reason: expect.stringMatching(/not handled/) })]);
    });

    it.each(PROTO_NAMES)("Crisp event %s", async (event) => {
      const r = await crisp({ website_id: WEBSITE, event, data: { website_id: WEBSITE, session_id: SESSION }, timestamp: Date.now() });
      expect(r.status).toBe(200);
      expect(r.body.skipped).toMatch(/not handled/);
      const rows = await p.db.sql.query<{ status: string; skip_reason: string | null }>(
        `SELECT status, skip_reason FROM webhook_deliveries WHERE provider = 'crisp' AND event_type = $1`,
        [event],
      );
      expect(rows).toEqual([{ status: "skipped", skip_reason: expect.stringMatching(/not handled/) }]);
    });
  });

  describe("Intercom notifications with a null id", () => {
    it("get a key each, even with the same bytes, while with an id the same bytes are a duplicate", async () => {
      // the same second, the same bytes: two pings Intercom sent, not one sent twice
      const ping = { type: "notification_event", id: null, topic: "ping", app_id: APP_ID, created_at: 1_764_000_001, data: { item: { type: "ping", message: "something" } } };
      // (a topic we act on takes the same path: unit-tested in intercomDedupeKey's tests)
      const assigned = { type: "notification_event", id: null, topic: "conversation.admin.assigned", app_id: APP_ID, created_at: 1_764_000_003, data: { item: { type: "conversation", id: "215468813209001" } } };
      const answers = [await intercom(ping), await intercom(ping), await intercom(assigned), await intercom(assigned)];
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      expect(answers.map((a) => a.body.duplicate)).toEqual([undefined, undefined, undefined, undefined]);
      const rows = await p.db.sql.query<{ dedupe_key: string }>(`SELECT dedupe_key FROM webhook_deliveries WHERE provider = 'intercom' AND event_type IN ('ping', 'conversation.admin.assigned')`);
      expect(rows).toHaveLength(4);
      expect(new Set(rows.map((r) => r.dedupe_key)).size).toBe(4);

      // with an id, the same bytes again are the same delivery
      const withId = { ...assigned, id: "notif_5e1f0c9a-hostile" };
      expect((await intercom(withId)).body).toMatchObject({ received: true, delivery_id: expect.any(String) });
      expect((await intercom(withId)).body).toMatchObject({ received: true, duplicate: true });
    });
  });

  describe("messages the webhook names as written by staff or a bot", () => {
    // Any helpdesk API call the worker tries is counted: there must be none.
    let calls: string[];
    const count = (req: { method: string; url: string }) => {
      // the test's own requests to the service go through too
      if (!/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(req.url)) calls.push(`${req.method} ${req.url}`);
    };
    beforeEach(() => {
      calls = [];
      nock.emitter.on("no match", count);
    });
    afterEach(() => {
      nock.emitter.removeListener("no match", count);
    });

    /** The row the answer names, once the worker (which must find nothing to do) has settled. */
    const recorded = async (answer: { body: Record<string, unknown> }) => {
      await settled(p.db);
      const rows = await p.db.sql.query<{ status: string; skip_reason: string | null }>(`SELECT status, skip_reason FROM webhook_deliveries WHERE id = $1`, [answer.body.delivery_id]);
      return rows[0];
    };

    type Case = [string, string, () => ReturnType<typeof zendesk>];
    it.each<Case>([
      ["a Zendesk public comment by staff", "staff_message", () => zendesk(commentAddedEvent({ ticketId: 9101, requesterId: 601, authorId: 9900, commentId: 88_001, body: "We have refunded you.", isPublic: true, isStaff: true }))],
      ...["agent", "trigger", "system"].map((type): Case => [
        `a Zendesk messaging message by ${type}`,
        type === "agent" ? "staff_message" : "bot_message",
        () =>
          zendesk({
            type: "zen:event-type:messaging_ticket.message_added",
            id: `evt-m-${type}`,
            account_id: 1,
            time: new Date().toISOString(),
            subject: "zen:ticket:9102",
            detail: { id: "9102", requester_id: "602", status: "OPEN" },
            event: { actor: { id: "9901", type, name: type }, conversation_id: "65a1f3c2e9b04d0012ab34cd", message: { id: `m-${type}`, body: "Hello from us" } },
          }),
      ]),
    ])("%s is skipped as %s with no helpdesk call", async (_name, reason, send) => {
      const r = await send();
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ received: true, skipped: reason });
      expect(await recorded(r)).toEqual({ status: "skipped", skip_reason: reason });
      expect(calls).toEqual([]);
    });

    it.each([
      ["an admin", { type: "admin", id: "7311042" }, "staff_message"],
      ["Fin", { type: "bot", id: "1", from_ai_agent: true }, "bot_message"],
    ])("an Intercom reply by %s is skipped with no helpdesk call", async (_name, author, reason) => {
      const id = `notif_staff_${reason}`;
      const part = { type: "conversation_part", id: `part-${reason}`, part_type: "comment", body: "Thanks, we are on it", created_at: 1_764_000_100, author };
      const r = await intercom({
        type: "notification_event",
        id,
        topic: "conversation.admin.replied",
        app_id: APP_ID,
        data: { item: { type: "conversation", id: "215468813209100", contacts: { contacts: [{ id: "6762f1261bb69f9f2193aaaa" }] }, conversation_parts: { conversation_parts: [part] } } },
      });
      expect(r.body).toMatchObject({ received: true, skipped: reason });
      expect(await recorded(r)).toEqual({ status: "skipped", skip_reason: reason });
      expect(calls).toEqual([]);
    });

    it.each([
      ["an operator", {}, "staff_message"],
      ["an automated operator message", { automated: true }, "bot_message"],
    ])("a Crisp message by %s is skipped with no helpdesk call", async (_name, extra, reason) => {
      const fingerprint = reason === "staff_message" ? 176_406_489_010_001 : 176_406_489_010_002;
      const r = await crisp({
        website_id: WEBSITE,
        event: "message:received",
        data: { website_id: WEBSITE, session_id: SESSION, type: "text", from: "operator", origin: "chat", content: "We are looking into it", fingerprint, timestamp: Date.now(), user: { user_id: "op-1", nickname: "Sam" }, ...extra },
        timestamp: Date.now(),
      });
      expect(r.body).toMatchObject({ received: true, skipped: reason });
      expect(await recorded(r)).toEqual({ status: "skipped", skip_reason: reason });
      expect(calls).toEqual([]);
    });
  });
});
