// What the e2e benchmark needs of each helpdesk: its local fake served over HTTP on 127.0.0.1
// (the service reaches it through <PROVIDER>_API_URL), the installation the CLI would create,
// a thread put on the fake, the signed webhook Zendesk / Intercom / Crisp would send for it,
// and when the note arrived (the first note write the fake accepted for that thread).
//   zendesk   ticket.created (X-Zendesk-Webhook-Signature)        → PUT /api/v2/tickets/{id}.json, private comment
//   intercom  conversation.user.created (X-Hub-Signature: sha1=)  → POST /conversations/{id}/reply, message_type note
//   crisp     message:send from the visitor, plugin hook           → POST /v1/website/{w}/conversation/{s}/message, type note
//             (X-Crisp-Signature: hex HMAC-SHA256 of "[" + timestamp + ";" + body + "]", X-Crisp-Request-Timestamp)
import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import type { Provider } from "../../connectors/types";
import { FakeCrisp } from "../../test/helpers/fake-crisp";
import { FakeIntercom, intercomHeaders } from "../../test/helpers/fake-intercom";
import { ticketCreatedEvent, zendeskHeaders } from "../../test/helpers/pipeline";
import type { Conversation } from "./corpus";
import { TimedFakeZendesk } from "./fake-helpdesk";
import { nowMs } from "./report";
import { zendeskInstallation, type BenchInstallation } from "./service-protocol";

// The helpers load nock, which hooks node:http and fetch on import: our own requests go untouched.
if (nock.isActive()) nock.restore();

export const BENCH_PROVIDERS = ["zendesk", "intercom", "crisp"] as const satisfies readonly Provider[];
export type BenchProvider = (typeof BENCH_PROVIDERS)[number];

export type Listening = { url: string; close(): Promise<void> };

export type BenchHelpdesk = {
  provider: BenchProvider;
  /** What one webhook → one note is about, e.g. { one: "ticket", many: "tickets" }. */
  unit: { one: string; many: string };
  /** Name of the "messages per thread" figure in the output. */
  threadLengthField: string;
  /** The service's setting that points the connector at the fake. */
  apiUrlEnv: "ZENDESK_API_URL" | "INTERCOM_API_URL" | "CRISP_API_URL";
  installation: BenchInstallation;
  webhookPath(installationId: string): string;
  listen(): Promise<Listening>;
  /** Puts a thread (customer first, agent and customer alternating) of customer number `customer` on the fake; returns its ref. */
  addThread(conv: Conversation, customer: number): string;
  /** The signed webhook for the thread, made when it is sent (Crisp signs the time). */
  webhook(ref: string): { body: string; headers: Record<string, string> };
  /** performance.now() when the thread's first note arrived. */
  noteAt(ref: string): number | undefined;
  /** How many notes the thread got. */
  noteCount(ref: string): number;
};

export function createHelpdesk(provider: BenchProvider): BenchHelpdesk {
  if (provider === "intercom") return intercomHelpdesk();
  if (provider === "crisp") return crispHelpdesk();
  return zendeskHelpdesk();
}

const secret = (prefix: string) => `${prefix}${randomBytes(16).toString("hex")}`;

// ---------------------------------------------------------------------------------------- Zendesk

function zendeskHelpdesk(): BenchHelpdesk {
  const fake = new TimedFakeZendesk();
  const signingSecret = secret("whsec_bench_");
  let nextTicket = 2_000_000;
  return {
    provider: "zendesk",
    unit: { one: "ticket", many: "tickets" },
    threadLengthField: "comments_per_ticket",
    apiUrlEnv: "ZENDESK_API_URL",
    installation: zendeskInstallation(signingSecret),
    webhookPath: (id) => `/webhooks/zendesk/${id}`,
    listen: () => fake.listen(),
    addThread(conv, customer) {
      const id = nextTicket++;
      fake.addConversationTicket(id, 800_000 + customer, conv);
      return String(id);
    },
    webhook(ref) {
      const ticket = fake.tickets.get(Number(ref))!;
      const body = JSON.stringify(ticketCreatedEvent({ ticketId: ticket.id, requesterId: ticket.requester_id, subject: ticket.subject }));
      return { body, headers: zendeskHeaders(body, signingSecret) };
    },
    noteAt: (ref) => fake.noteAt.get(Number(ref)),
    noteCount: (ref) => fake.notesOn(Number(ref)).length,
  };
}

// --------------------------------------------------------------------------------------- Intercom

const INTERCOM_APP_ID = "bnch4pp1";
/** Our notes' author (settings.adminId) and the human agent of the threads. */
const INTERCOM_ADMIN_ID = "7311042";
const INTERCOM_SUPPORT_ADMIN_ID = "7311099";

/** The fake Intercom, with the time each conversation's first note reply arrived. */
class TimedFakeIntercom extends FakeIntercom {
  readonly noteAt = new Map<string, number>();

  override handle(method: string, url: string, headers: Record<string, string>, body: unknown) {
    const reply = super.handle(method, url, headers, body);
    if (method === "POST" && reply.status === 200) {
      const id = /\/conversations\/(\d+)\/reply$/.exec(new URL(url, "http://fake.invalid").pathname)?.[1];
      if (id && !this.noteAt.has(id)) this.noteAt.set(id, nowMs());
    }
    // the request log is for tests; a long run would only grow it
    this.requests.length = 0;
    return reply;
  }
}

function intercomHelpdesk(): BenchHelpdesk {
  const fake = new TimedFakeIntercom(INTERCOM_APP_ID);
  const clientSecret = secret("ic_client_secret_");
  let nextConversation = 215_468_813_000_000;
  return {
    provider: "intercom",
    unit: { one: "conversation", many: "conversations" },
    threadLengthField: "messages_per_conversation",
    apiUrlEnv: "INTERCOM_API_URL",
    installation: {
      provider: "intercom",
      account: INTERCOM_APP_ID,
      settings: { adminId: INTERCOM_ADMIN_ID, region: "us" },
      secrets: { accessToken: secret("ic_access_token_"), clientSecret },
    },
    webhookPath: () => "/webhooks/intercom",
    listen: () => fake.listen(),
    addThread(conv, customer) {
      const contactId = `6762f1261bb69f9f${customer.toString(16).padStart(8, "0")}`;
      if (!fake.contacts.has(contactId)) fake.addContact({ id: contactId, role: "user", email: `customer${customer}@example.com`, name: `Customer ${customer}` });
      const id = String(nextConversation++);
      const [first, ...rest] = conv.messages;
      fake.addConversation({
        id,
        contactId,
        subject: conv.subject,
        body: first!.text,
        parts: rest.map((m) => ({
          part_type: "comment",
          body: m.text,
          author: m.role === "user" ? { type: "user" as const, id: contactId } : { type: "admin" as const, id: INTERCOM_SUPPORT_ADMIN_ID, name: "Sam (support)" },
        })),
      });
      return id;
    },
    webhook(ref) {
      const body = JSON.stringify(fake.conversationNotification("conversation.user.created", ref));
      return { body, headers: intercomHeaders(body, clientSecret) };
    },
    noteAt: (ref) => fake.noteAt.get(ref),
    noteCount: (ref) => fake.notesOn(ref).length,
  };
}

// ------------------------------------------------------------------------------------------ Crisp

const CRISP_WEBSITE = "5e9a1c3b-7d2f-4b6e-a8c0-2e4f6a8b0c1d";

/** A UUID made from a number, under a prefix that keeps sessions and contacts apart. */
function uuidOf(prefix: number, n: number): string {
  return `${(prefix + Math.floor(n / 0x1_0000_0000)).toString(16).padStart(8, "0")}-0000-4000-8000-${(n % 0x1_0000_0000).toString(16).padStart(12, "0")}`;
}

/**
 * The fake Crisp (test/helpers/fake-crisp.ts, served through nock in tests) over node:http on
 * 127.0.0.1, with the time each conversation's first note POST was accepted.
 */
function serveCrisp(fake: FakeCrisp, noteAt: Map<string, number>): Promise<Listening> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}${req.url ?? "/"}`;
      const raw = Buffer.concat(chunks).toString("utf8");
      let reply: { status: number; body: unknown };
      try {
        const header = (name: string) => {
          const v = req.headers[name];
          return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
        };
        reply = fake.handle(req.method ?? "GET", url, raw ? JSON.parse(raw) : undefined, { authorization: header("authorization"), tier: header("x-crisp-tier") });
      } catch {
        reply = { status: 400, body: { error: true, reason: "invalid_data", data: {} } };
      }
      const method = req.method ?? "GET";
      if (method === "POST" && reply.status >= 200 && reply.status < 300) {
        const session = /\/conversation\/([^/]+)\/message$/.exec(new URL(url).pathname)?.[1];
        if (session && !noteAt.has(session)) noteAt.set(session, nowMs());
      }
      // the request log is for tests; a long run would only grow it
      fake.requests.length = 0;
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(JSON.stringify(reply.body));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    }),
  );
}

function crispHelpdesk(): BenchHelpdesk {
  const fake = new FakeCrisp();
  const noteAt = new Map<string, number>();
  const token = { identifier: uuidOf(0x7c3ef21c, 1), key: randomBytes(32).toString("hex") };
  const signingSecret = secret("crisp_hook_secret_");
  fake.allowToken(token.identifier, token.key);
  let nextSession = 1;
  return {
    provider: "crisp",
    unit: { one: "message", many: "messages" },
    threadLengthField: "messages_per_conversation",
    apiUrlEnv: "CRISP_API_URL",
    installation: { provider: "crisp", account: CRISP_WEBSITE, settings: { mode: "plugin" }, secrets: { ...token, signingSecret } },
    webhookPath: () => "/webhooks/crisp",
    listen: () => serveCrisp(fake, noteAt),
    addThread(conv, customer) {
      const session = `session_${uuidOf(0xc0000000, nextSession++)}`;
      fake.addConversation({
        website_id: CRISP_WEBSITE,
        session_id: session,
        people_id: uuidOf(0xb0000000, customer),
        subject: conv.subject,
        nickname: `Customer ${customer}`,
        messages: conv.messages.map((m) => ({ content: m.text, from: m.role === "user" ? ("user" as const) : ("operator" as const) })),
      });
      return session;
    },
    webhook(ref) {
      // the visitor's latest message, as Crisp's plugin hook carries it
      const m = fake.conversations.get(ref)!.messages.filter((x) => x.from === "user").at(-1)!;
      const { website_id, session_id, type, from, origin, content, timestamp, fingerprint, user } = m;
      const body = JSON.stringify({
        website_id,
        event: "message:send",
        data: { website_id, session_id, inbox_id: null, type, from, origin, content, mentions: [], stamped: true, timestamp, fingerprint, user },
        timestamp: timestamp + 90,
      });
      const at = String(Date.now());
      return {
        body,
        headers: {
          "content-type": "application/json",
          "x-crisp-request-timestamp": at,
          "x-crisp-signature": createHmac("sha256", signingSecret).update(`[${at};${body}]`).digest("hex"),
          "x-delivery-attempt-count": "1",
          "x-delivery-attempt-limit": "4",
        },
      };
    },
    noteAt: (ref) => noteAt.get(ref),
    noteCount: (ref) => fake.notesOn(ref).length,
  };
}
