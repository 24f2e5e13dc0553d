// A small stateful model of the Crisp REST calls the connector makes (conversation, message
// batches walked back with timestamp_before, people data, note POST), answering like Crisp
// ({ error, reason, data }), served through nock in-process. Every call must carry one of the
// accepted plugin tokens (Basic identifier:key, X-Crisp-Tier: plugin).
import nock from "nock";

export type FakeMessage = {
  fingerprint: number;
  session_id: string;
  website_id: string;
  type: "text" | "note" | "file";
  from: "user" | "operator";
  origin: string;
  content: unknown;
  timestamp: number;
  automated?: boolean;
  user: { user_id: string; nickname: string };
};

export type FakeConversation = {
  website_id: string;
  session_id: string;
  people_id?: string;
  state: "pending" | "unresolved" | "resolved";
  subject?: string;
  nickname: string;
  /** meta.origin: "chat", "email", "urn:…". */
  origin?: string;
  /** What the visitor typed in the chatbox: never to be trusted. */
  metaEmail?: string;
  verifications: { identity: string; method: string; annotation: string }[];
  messages: FakeMessage[];
};

type Fault = { status: number; body?: unknown };
type Reply = { status: number; body: unknown };

export const OPERATOR_ID = "6d0ad8e2-93d7-4e26-a1c5-0b9f3f3e41a7";

// Message times (and the fingerprints made from them) keep going up across fakes, as Crisp's
// do: a test file's fakes never hand out the same fingerprint twice.
let clock = Date.UTC(2026, 10, 1, 9, 0, 0);

export class FakeCrisp {
  conversations = new Map<string, FakeConversation>();
  /** people_id → the company's key/values for the contact. */
  peopleData = new Map<string, Record<string, unknown>>();
  /** Every note POST, in order. */
  notes: { sessionId: string; content: string; fingerprint: number }[] = [];
  requests: string[] = [];
  /** How many messages one GET …/messages returns (Crisp does not document its own). */
  batchSize = 40;
  private tokens = new Set<string>();
  private faults: { match: RegExp; fault: Fault }[] = [];

  /** Accepts calls made with this plugin token. */
  allowToken(identifier: string, key: string): void {
    this.tokens.add(`Basic ${Buffer.from(`${identifier}:${key}`).toString("base64")}`);
  }

  addConversation(c: Omit<Partial<FakeConversation>, "messages"> & { website_id: string; session_id: string; messages?: Array<Partial<FakeMessage> & { content: unknown }> }): FakeConversation {
    const { messages = [], ...rest } = c;
    const conversation: FakeConversation = { state: "pending", nickname: "visitor493603", verifications: [], ...rest, messages: [] };
    this.conversations.set(c.session_id, conversation);
    for (const m of messages) this.addMessage(c.session_id, m);
    return conversation;
  }

  addMessage(sessionId: string, m: Partial<FakeMessage> & { content: unknown }): FakeMessage {
    const c = this.conversations.get(sessionId)!;
    clock += 1000;
    const from = m.from ?? "user";
    const message: FakeMessage = {
      fingerprint: clock * 100 + (c.messages.length % 100),
      session_id: sessionId,
      website_id: c.website_id,
      type: "text",
      from,
      origin: "chat",
      timestamp: clock,
      user: from === "user" ? { user_id: sessionId, nickname: c.nickname } : { user_id: OPERATOR_ID, nickname: "Marta Ruiz" },
      ...m,
    };
    c.messages.push(message);
    return message;
  }

  /** The next `times` requests whose "METHOD path" matches answer with `fault`. */
  failNext(match: RegExp, fault: Fault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push({ match, fault });
  }

  notesOn(sessionId: string) {
    return this.notes.filter((n) => n.sessionId === sessionId);
  }

  handle(method: string, url: string, body: unknown, headers: { authorization?: string | null; tier?: string | null }): Reply {
    const u = new URL(url);
    const key = `${method} ${u.pathname}`;
    this.requests.push(`${key}${u.search}`);
    if (!headers.authorization || !this.tokens.has(headers.authorization) || headers.tier !== "plugin") {
      return { status: 401, body: { error: true, reason: "invalid_session", data: {} } };
    }
    const f = this.faults.findIndex((x) => x.match.test(key));
    if (f >= 0) {
      const { fault } = this.faults.splice(f, 1)[0]!;
      return { status: fault.status, body: fault.body ?? { error: true, reason: "error", data: {} } };
    }
    let m: RegExpMatchArray | null;
    if ((m = u.pathname.match(/^\/v1\/website\/([^/]+)\/people\/data\/([^/]+)$/)) && method === "GET") {
      return ok({ data: this.peopleData.get(m[2]!) ?? {} });
    }
    m = u.pathname.match(/^\/v1\/website\/([^/]+)\/conversation\/([^/]+)(\/messages|\/message)?$/);
    const c = m ? this.conversations.get(m[2]!) : undefined;
    if (!m || !c || c.website_id !== m[1]) return { status: 404, body: { error: true, reason: "conversation_not_found", data: {} } };
    if (method === "GET" && !m[3]) {
      return ok({
        session_id: c.session_id,
        website_id: c.website_id,
        people_id: c.people_id,
        state: c.state,
        is_verified: c.verifications.length > 0,
        verifications: c.verifications,
        meta: { nickname: c.nickname, email: c.metaEmail ?? "", subject: c.subject ?? "", origin: c.origin ?? "chat", data: {}, segments: [] },
        created_at: c.messages[0]?.timestamp ?? clock,
        updated_at: clock,
      });
    }
    if (method === "GET" && m[3] === "/messages") {
      // the latest batch older than timestamp_before, oldest first
      const before = Number(u.searchParams.get("timestamp_before") ?? Infinity);
      const older = c.messages.filter((x) => x.timestamp < before);
      return ok(older.slice(Math.max(0, older.length - this.batchSize)));
    }
    if (method === "POST" && m[3] === "/message") {
      const note = body as { type?: string; from?: string; origin?: string; content?: unknown };
      if (note?.type !== "note" || note.from !== "operator" || note.origin !== "chat" || typeof note.content !== "string") {
        return { status: 400, body: { error: true, reason: "invalid_data", data: { message: "only operator notes are expected" } } };
      }
      const created = this.addMessage(c.session_id, { type: "note", from: "operator", content: note.content, user: { user_id: "plugin", nickname: "Customer memory" } });
      this.notes.push({ sessionId: c.session_id, content: note.content, fingerprint: created.fingerprint });
      return { status: 202, body: { error: false, reason: "dispatched", data: { fingerprint: created.fingerprint } } };
    }
    return { status: 404, body: { error: true, reason: "not_found", data: {} } };
  }

  /** Intercepts `baseUrl` (Crisp's REST host, or a CRISP_API_URL) with nock until nock.cleanAll(). */
  intercept(baseUrl: string): void {
    // nock 15 hands reply functions a fetch Request
    const reply = (method: string) => async (req: Request) => {
      const raw = method === "GET" ? "" : await req.text();
      const r = this.handle(method, req.url, raw ? JSON.parse(raw) : undefined, { authorization: req.headers.get("authorization"), tier: req.headers.get("x-crisp-tier") });
      return [r.status, JSON.stringify(r.body), { "content-type": "application/json" }] as [number, string, Record<string, string>];
    };
    nock(baseUrl).persist().get(/.*/).reply(reply("GET")).post(/.*/).reply(reply("POST"));
  }
}

function ok(data: unknown): Reply {
  return { status: 200, body: { error: false, reason: "resolved", data } };
}
