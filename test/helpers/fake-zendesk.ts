// A small stateful model of the Zendesk API calls the connector makes (ticket with its users
// sideloaded, cursor-paged comments with sideloaded users, user, private-comment PUT), served two ways: through nock
// in-process (e2e tests) or as a real HTTP server (child-process tests, benchmarks).
import http from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";

export type FakeUser = { id: number; name: string; email: string; role: "end-user" | "agent" | "admin"; external_id: string | null; verified: boolean };
export type FakeComment = { id: number; author_id: number; body: string; public: boolean; created_at: string };
export type FakeTicket = { id: number; subject: string; status: string; requester_id: number; comments: FakeComment[]; via?: string; organization?: { id: number; name: string } };
type Fault = { status: number; headers?: Record<string, string>; body?: unknown };
type Reply = { status: number; headers?: Record<string, string>; body: unknown };

export class FakeZendesk {
  users = new Map<number, FakeUser>();
  tickets = new Map<number, FakeTicket>();
  /** Every private comment PUT, in order. */
  notes: { ticketId: number; authorId: number; htmlBody: string; commentId: number }[] = [];
  requests: string[] = [];
  /** Sideloaded users carry only id, name and role (Zendesk documents sideloads as partial records). */
  partialSideloads = false;
  private faults: { match: RegExp; fault: Fault }[] = [];
  private nextId = 90_000_000_000;
  private clock = Date.UTC(2026, 10, 1, 9, 0, 0);

  addUser(u: Partial<FakeUser> & { id: number }): FakeUser {
    const user: FakeUser = { name: `User ${u.id}`, email: `user${u.id}@example.com`, role: "end-user", external_id: null, verified: true, ...u };
    this.users.set(user.id, user);
    return user;
  }

  addTicket(t: {
    id: number;
    subject: string;
    requester_id: number;
    status?: string;
    via?: string;
    organization?: { id: number; name: string };
    comments?: Array<Partial<FakeComment> & { body: string }>;
  }): FakeTicket {
    const ticket: FakeTicket = { id: t.id, subject: t.subject, status: t.status ?? "new", requester_id: t.requester_id, comments: [], via: t.via, organization: t.organization };
    this.tickets.set(t.id, ticket);
    for (const c of t.comments ?? []) this.addComment(t.id, c);
    return ticket;
  }

  addComment(ticketId: number, c: Partial<FakeComment> & { body: string }): FakeComment {
    const ticket = this.tickets.get(ticketId)!;
    this.clock += 60_000;
    const comment: FakeComment = { id: this.nextId++, author_id: ticket.requester_id, public: true, created_at: new Date(this.clock).toISOString(), ...c };
    ticket.comments.push(comment);
    return comment;
  }

  /** The next `times` requests whose "METHOD path" matches answer with `fault`. */
  failNext(match: RegExp, fault: Fault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push({ match, fault });
  }

  handle(method: string, url: string, body: unknown): Reply {
    const u = new URL(url, "http://fake.invalid");
    const key = `${method} ${u.pathname}`;
    this.requests.push(`${key}${u.search}`);
    const f = this.faults.findIndex((x) => x.match.test(key));
    if (f >= 0) {
      const { fault } = this.faults.splice(f, 1)[0]!;
      return { status: fault.status, headers: fault.headers, body: fault.body ?? { error: "fault" } };
    }
    let m: RegExpMatchArray | null;
    if (method === "GET" && (m = u.pathname.match(/^\/api\/v2\/tickets\/(\d+)\.json$/))) {
      const t = this.tickets.get(Number(m[1]));
      if (!t) return notFound();
      const ticket = {
        id: t.id,
        subject: t.subject,
        status: t.status,
        requester_id: t.requester_id,
        submitter_id: t.requester_id,
        organization_id: t.organization?.id ?? null,
        via: { channel: t.via ?? "web" },
      };
      // ?include=users sideloads the ticket's people (requester, submitter, assignee); organizations, its organization
      const include = (u.searchParams.get("include") ?? "").split(",");
      const users = include.includes("users")
        ? [this.users.get(t.requester_id)].filter(Boolean).map((user) => (this.partialSideloads ? { id: user!.id, name: user!.name, role: user!.role } : user))
        : undefined;
      const organizations = include.includes("organizations") ? (t.organization ? [t.organization] : []) : undefined;
      return { status: 200, body: { ticket, ...(users ? { users } : {}), ...(organizations ? { organizations } : {}) } };
    }
    if (method === "GET" && (m = u.pathname.match(/^\/api\/v2\/tickets\/(\d+)\/comments\.json$/))) {
      const t = this.tickets.get(Number(m[1]));
      if (!t) return notFound();
      const size = Math.min(Number(u.searchParams.get("page[size]") ?? 100), 100);
      const after = Number(u.searchParams.get("page[after]") ?? 0);
      const slice = t.comments.slice(after, after + size);
      const hasMore = after + size < t.comments.length;
      const base = url.startsWith("http") ? `${u.origin}` : "";
      const authorIds = new Set(slice.map((c) => c.author_id));
      return {
        status: 200,
        body: {
          comments: slice.map((c) => ({ ...c, type: "Comment", html_body: `<p>${c.body}</p>`, plain_body: c.body, attachments: [], via: { channel: "web" } })),
          users: [...authorIds].map((id) => this.users.get(id)).filter(Boolean),
          meta: { has_more: hasMore, after_cursor: hasMore ? String(after + size) : null },
          links: { next: hasMore ? `${base}/api/v2/tickets/${t.id}/comments.json?include=users&page%5Bsize%5D=${size}&page%5Bafter%5D=${after + size}` : null },
        },
      };
    }
    if (method === "GET" && (m = u.pathname.match(/^\/api\/v2\/users\/(\d+)\.json$/))) {
      const user = this.users.get(Number(m[1]));
      return user ? { status: 200, body: { user } } : notFound();
    }
    if (method === "PUT" && (m = u.pathname.match(/^\/api\/v2\/tickets\/(\d+)\.json$/))) {
      const t = this.tickets.get(Number(m[1]));
      if (!t) return notFound();
      const comment = (body as { ticket?: { comment?: { html_body?: string; body?: string; public?: boolean; author_id?: number } } })?.ticket?.comment;
      if (!comment || comment.public !== false) return { status: 422, body: { error: "RecordInvalid", description: "only private comments are expected" } };
      const created = this.addComment(t.id, { body: comment.html_body ?? comment.body ?? "", public: false, author_id: Number(comment.author_id) });
      this.notes.push({ ticketId: t.id, authorId: Number(comment.author_id), htmlBody: comment.html_body ?? "", commentId: created.id });
      return {
        status: 200,
        body: {
          ticket: { id: t.id, status: t.status, requester_id: t.requester_id },
          audit: { id: this.nextId++, ticket_id: t.id, events: [{ id: created.id, type: "Comment", public: false, author_id: created.author_id, html_body: created.body }] },
        },
      };
    }
    return notFound();
  }

  notesOn(ticketId: number) {
    return this.notes.filter((n) => n.ticketId === ticketId);
  }

  /** Intercepts `baseUrl` (e.g. https://acme.zendesk.com) with nock until nock.cleanAll(). */
  intercept(baseUrl: string): void {
    // nock 15 hands reply functions a fetch Request
    const reply = (method: string) => async (req: Request) => {
      const raw = method === "GET" ? "" : await req.text();
      const r = this.handle(method, req.url, raw ? JSON.parse(raw) : undefined);
      return [r.status, JSON.stringify(r.body), { "content-type": "application/json", ...(r.headers ?? {}) }] as [number, string, Record<string, string>];
    };
    nock(baseUrl).persist().get(/.*/).reply(reply("GET")).put(/.*/).reply(reply("PUT"));
  }

  /** Serves the model over HTTP on 127.0.0.1; resolves to its base URL. */
  async listen(): Promise<{ url: string; close(): Promise<void> }> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const port = (server.address() as AddressInfo).port;
        const r = this.handle(req.method ?? "GET", `http://127.0.0.1:${port}${req.url ?? "/"}`, raw ? JSON.parse(raw) : undefined);
        res.writeHead(r.status, { "content-type": "application/json", ...(r.headers ?? {}) });
        res.end(JSON.stringify(r.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }
}

function notFound(): Reply {
  return { status: 404, body: { error: "RecordNotFound", description: "Not found" } };
}
