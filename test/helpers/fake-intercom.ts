// A small stateful model of the Intercom REST calls the connector makes (conversation in plain
// text with its newest 500 parts, contact, note reply) and of the webhook notifications Intercom
// sends, served through nock in-process or as a real HTTP server on 127.0.0.1 (benchmarks).
// Faults (429 with X-RateLimit-Reset, 5xx) on demand.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";

export type FakeContact = { id: string; role: "user" | "lead"; external_id: string | null; email: string | null; name: string };
export type FakeAuthor = { type: "user" | "lead" | "admin" | "bot"; id: string; name?: string; from_ai_agent?: boolean; is_ai_answer?: boolean };
export type FakePart = { id: string; part_type: string; body: string | null; created_at: number; author: FakeAuthor };
export type FakeConversation = {
  id: string;
  state: "open" | "closed" | "snoozed";
  created_at: number;
  contactId: string;
  source: { id: string; subject: string; body: string; author: FakeAuthor };
  parts: FakePart[];
  /** Parts older than the ones kept here: Intercom counts them in total_count but never returns them. */
  olderParts: number;
};
type Fault = { status: number; headers?: Record<string, string> | (() => Record<string, string>); body?: unknown };
type Reply = { status: number; headers?: Record<string, string>; body: unknown };

/** Intercom returns at most the newest 500 parts of a conversation. */
const PART_CAP = 500;
// Ids never repeat within a process (tests share one database); source messages and parts are
// two id spaces in Intercom, as here.
let nextPartId = 29_384_760_000;
let nextSourceId = 403_918_000;

export class FakeIntercom {
  contacts = new Map<string, FakeContact>();
  conversations = new Map<string, FakeConversation>();
  /** Every note reply, in order. */
  notes: { conversationId: string; adminId: string; body: string; partId: string }[] = [];
  requests: string[] = [];
  private faults: { match: RegExp; fault: Fault }[] = [];
  private clock = Math.floor(Date.now() / 1000) - 3600;

  constructor(readonly appId: string) {}

  addContact(c: Partial<FakeContact> & { id: string }): FakeContact {
    const contact: FakeContact = { role: "user", external_id: null, email: null, name: `Contact ${c.id.slice(-4)}`, ...c };
    this.contacts.set(contact.id, contact);
    return contact;
  }

  /** A conversation started by `contactId` with `body`; `replies` follow, alternating with nothing in between. */
  addConversation(c: { id: string; contactId: string; body: string; subject?: string; parts?: Array<Omit<FakePart, "id" | "created_at"> & { id?: string }>; olderParts?: number }): FakeConversation {
    const contact = this.contacts.get(c.contactId)!;
    this.clock += 60;
    const conversation: FakeConversation = {
      id: c.id,
      state: "open",
      created_at: this.clock,
      contactId: c.contactId,
      source: { id: String(nextSourceId++), subject: c.subject ?? "", body: c.body, author: { type: contact.role, id: contact.id, name: contact.name } },
      parts: [],
      olderParts: c.olderParts ?? 0,
    };
    this.conversations.set(c.id, conversation);
    for (const p of c.parts ?? []) this.addPart(c.id, p);
    return conversation;
  }

  addPart(conversationId: string, p: Omit<FakePart, "id" | "created_at"> & { id?: string }): FakePart {
    this.clock += 60;
    const part: FakePart = { id: p.id ?? String(nextPartId++), created_at: this.clock, part_type: p.part_type, body: p.body, author: p.author };
    this.conversations.get(conversationId)!.parts.push(part);
    return part;
  }

  /** POST /contacts/merge: the lead is gone (404 from now on), its conversations are the user's. */
  mergeLeadIntoUser(leadId: string, userId: string): void {
    this.contacts.delete(leadId);
    for (const c of this.conversations.values()) {
      if (c.contactId === leadId) c.contactId = userId;
      if (c.source.author.id === leadId) c.source.author = { ...c.source.author, type: "user", id: userId };
    }
  }

  /** The next `times` requests whose "METHOD path" matches answer with `fault`. */
  failNext(match: RegExp, fault: Fault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push({ match, fault });
  }

  notesOn(conversationId: string) {
    return this.notes.filter((n) => n.conversationId === conversationId);
  }

  conversationJson(c: FakeConversation, plaintext: boolean) {
    const contact = this.contacts.get(c.contactId);
    const kept = c.parts.slice(-PART_CAP);
    const text = (body: string | null) => (body !== null && plaintext ? body.replace(/<br>/g, "\n").replace(/<\/p>/g, "\n").replace(/<[^>]+>/g, "").trim() : body);
    return {
      type: "conversation",
      id: c.id,
      title: null,
      created_at: c.created_at,
      updated_at: kept.at(-1)?.created_at ?? c.created_at,
      open: c.state === "open",
      state: c.state,
      read: false,
      admin_assignee_id: null,
      team_assignee_id: null,
      source: {
        type: "conversation",
        id: c.source.id,
        delivered_as: "customer_initiated",
        subject: c.source.subject,
        body: plaintext ? c.source.body : `<p>${c.source.body}</p>`,
        author: { ...c.source.author, email: contact?.email ?? "" },
        attachments: [],
        redacted: false,
      },
      contacts: { type: "contact.list", contacts: [{ type: "contact", id: c.contactId, external_id: contact?.external_id ?? null }] },
      conversation_parts: {
        type: "conversation_part.list",
        conversation_parts: kept.map((p) => ({ type: "conversation_part", ...p, body: text(p.body), updated_at: p.created_at, notified_at: p.created_at, attachments: [], redacted: false })),
        total_count: c.parts.length + c.olderParts,
      },
      custom_attributes: {},
    };
  }

  handle(method: string, url: string, headers: Record<string, string>, body: unknown): Reply {
    const u = new URL(url, "http://fake.invalid");
    const key = `${method} ${u.pathname}`;
    this.requests.push(`${key}${u.search}`);
    if (!/^Bearer .+/.test(headers.authorization ?? "")) return { status: 401, body: { type: "error.list", errors: [{ code: "unauthorized", message: "Access Token Invalid" }] } };
    const f = this.faults.findIndex((x) => x.match.test(key));
    if (f >= 0) {
      const { fault } = this.faults.splice(f, 1)[0]!;
      const h = typeof fault.headers === "function" ? fault.headers() : fault.headers;
      return { status: fault.status, headers: h, body: fault.body ?? { type: "error.list", errors: [{ code: "fault", message: "fault" }] } };
    }
    let m: RegExpMatchArray | null;
    if (method === "GET" && (m = u.pathname.match(/^\/conversations\/(\d+)$/))) {
      const c = this.conversations.get(m[1]!);
      return c ? { status: 200, body: this.conversationJson(c, u.searchParams.get("display_as") === "plaintext") } : notFound("Conversation Not Found");
    }
    if (method === "GET" && (m = u.pathname.match(/^\/contacts\/([0-9a-f]+)$/))) {
      const contact = this.contacts.get(m[1]!);
      return contact ? { status: 200, body: { type: "contact", workspace_id: this.appId, ...contact, has_hard_bounced: false, marked_email_as_spam: false, unsubscribed_from_emails: false } } : notFound("User Not Found");
    }
    if (method === "POST" && (m = u.pathname.match(/^\/conversations\/(\d+)\/reply$/))) {
      const c = this.conversations.get(m[1]!);
      if (!c) return notFound("Conversation Not Found");
      const b = body as { message_type?: string; type?: string; admin_id?: string; body?: string };
      if (b?.message_type !== "note" || b.type !== "admin" || !b.admin_id || !b.body) {
        return { status: 400, body: { type: "error.list", errors: [{ code: "parameter_invalid", message: "only admin notes are expected" }] } };
      }
      const part = this.addPart(c.id, { part_type: "note", body: b.body, author: { type: "admin", id: b.admin_id, name: "Customer memory" } });
      this.notes.push({ conversationId: c.id, adminId: b.admin_id, body: b.body, partId: part.id });
      return { status: 200, body: this.conversationJson(c, false) };
    }
    return notFound("Resource Not Found");
  }

  /** Intercepts `baseUrl` (e.g. https://api.intercom.io) with nock until nock.cleanAll(). */
  intercept(baseUrl: string): void {
    // nock 15 hands reply functions a fetch Request
    const reply = (method: string) => async (req: Request) => {
      const raw = method === "GET" ? "" : await req.text();
      const headers = Object.fromEntries(req.headers.entries());
      const r = this.handle(method, req.url, headers, raw ? JSON.parse(raw) : undefined);
      return [r.status, JSON.stringify(r.body), { "content-type": "application/json", ...(r.headers ?? {}) }] as [number, string, Record<string, string>];
    };
    nock(baseUrl).persist().get(/.*/).reply(reply("GET")).post(/.*/).reply(reply("POST"));
  }

  /** Serves the model over HTTP on 127.0.0.1 (INTERCOM_API_URL); resolves to its base URL. */
  async listen(): Promise<{ url: string; close(): Promise<void> }> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const port = (server.address() as AddressInfo).port;
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
        let body: unknown;
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          res.writeHead(400, { "content-type": "application/json" });
          res.end(JSON.stringify({ type: "error.list", errors: [{ code: "parameter_invalid", message: "body is not JSON" }] }));
          return;
        }
        const r = this.handle(req.method ?? "GET", `http://127.0.0.1:${port}${req.url ?? "/"}`, headers, body);
        res.writeHead(r.status, { "content-type": "application/json", ...(r.headers ?? {}) });
        res.end(JSON.stringify(r.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    return {
      url: `http://127.0.0.1:${port}`,
      close: () =>
        new Promise((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    };
  }

  /** A webhook notification as Intercom sends it, about a conversation as it is now. */
  conversationNotification(topic: string, conversationId: string, o: { id?: string; attempts?: number; newestParts?: number } = {}) {
    const c = this.conversations.get(conversationId)!;
    const item = this.conversationJson(c, false);
    // webhook copies carry the parts the event is about, not the history
    item.conversation_parts.conversation_parts = item.conversation_parts.conversation_parts.slice(-(o.newestParts ?? 1));
    if (topic === "conversation.user.created") item.conversation_parts.conversation_parts = [];
    return this.notification(topic, item, o);
  }

  contactNotification(topic: string, contact: FakeContact, extra: Record<string, unknown> = {}, o: { id?: string } = {}) {
    return this.notification(topic, { type: "contact", workspace_id: this.appId, ...contact, ...extra }, o);
  }

  private notification<T>(topic: string, item: T, o: { id?: string; attempts?: number }) {
    const now = Math.floor(Date.now() / 1000);
    return {
      type: "notification_event",
      app_id: this.appId,
      data: { type: "notification_event_data", item },
      links: {},
      id: o.id ?? `notif_${randomHex(8)}-${randomHex(4)}-4${randomHex(3)}-8${randomHex(3)}-${randomHex(12)}`,
      topic,
      delivery_status: "pending",
      delivery_attempts: o.attempts ?? 1,
      delivered_at: 0,
      first_sent_at: now,
      created_at: now,
      self: null,
    };
  }
}

/** Intercom's scheme: "sha1=" + hex HMAC-SHA1 of the raw body, keyed with the app's client secret. */
export function intercomHeaders(body: string, clientSecret: string): Record<string, string> {
  return { "content-type": "application/json", "x-hub-signature": `sha1=${createHmac("sha1", clientSecret).update(body).digest("hex")}`, "user-agent": "intercom-parrot-service-client/1.0" };
}

function randomHex(n: number): string {
  let s = "";
  while (s.length < n) s += Math.floor(Math.random() * 16).toString(16);
  return s;
}

function notFound(message: string): Reply {
  return { status: 404, body: { type: "error.list", request_id: "req-404", errors: [{ code: "not_found", message }] } };
}
