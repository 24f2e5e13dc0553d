// Zendesk as a global OAuth client sees it, in front of the FakeZendesk ticket model: the
// consent page (a function the test calls, as the admin's click), /oauth/tokens with code
// exchange and rotating refresh (the old pair dies), Bearer checks on every API call, users/me,
// webhooks with signing secrets, and token revocation. Served through nock or over HTTP.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { FakeZendesk } from "./fake-zendesk";

type Reply = { status: number; headers?: Record<string, string>; body: unknown };
export type FakeWebhook = { id: string; name: string; endpoint: string; http_method: string; request_format: string; status: string; subscriptions: string[]; secret: string };

export class FakeZendeskApp {
  readonly zd = new FakeZendesk();
  /** Who signs in on the consent page: users/me answers this user. */
  admin: { id: number; name: string; email: string; role: "admin" } = { id: 8447388099777, name: "Ada Admin", email: "Ada@Globex.example", role: "admin" };
  webhooks = new Map<string, FakeWebhook>();
  /** Every POST /oauth/tokens, by grant type. */
  tokenCalls: { grant: string; ok: boolean }[] = [];
  /** API calls answered 401 (no valid token). */
  refusedCalls = 0;
  private codes = new Map<string, { redirectUri: string }>();
  private access = new Map<string, { refresh: string }>();
  private refresh = new Map<string, string>();
  private nextWebhook = 1;
  private ticketReadsHeld?: { promise: Promise<void>; waiting: number };

  constructor(readonly client: { id: string; secret: string }, readonly expiresIn = 7200) {
    this.zd.addUser({ id: this.admin.id, name: this.admin.name, email: this.admin.email.toLowerCase(), role: "admin" });
  }

  /** Another admin of the account signs in from now on (a re-install by someone else). */
  signInAs(user: { id: number; name: string; email: string }): void {
    this.admin = { ...user, role: "admin" };
    this.zd.addUser({ id: user.id, name: user.name, email: user.email.toLowerCase(), role: "admin" });
  }

  refreshCalls(): number {
    return this.tokenCalls.filter((c) => c.grant === "refresh_token").length;
  }

  /** The admin clicks "Allow" on the consent page at `authorizeUrl`: where Zendesk sends the browser. */
  consent(authorizeUrl: string): { code: string; state: string; redirectUri: string } {
    const u = new URL(authorizeUrl);
    const q = u.searchParams;
    if (u.pathname !== "/oauth/authorizations/new") throw new Error(`not the consent page: ${u.pathname}`);
    if (q.get("response_type") !== "code" || q.get("client_id") !== this.client.id || q.get("scope") !== "read write") throw new Error(`bad authorize request: ${u.search}`);
    const code = `code_${randomBytes(8).toString("hex")}`;
    this.codes.set(code, { redirectUri: q.get("redirect_uri")! });
    return { code, state: q.get("state")!, redirectUri: q.get("redirect_uri")! };
  }

  /** The access tokens stop working (they expired); refresh tokens still do. */
  expireAccessTokens(): void {
    for (const token of this.access.keys()) this.access.delete(token);
  }

  /** An admin revoked the app: nothing works, a refresh answers invalid_grant. */
  revokeEverything(): void {
    this.access.clear();
    this.refresh.clear();
  }

  handle(method: string, url: string, headers: Record<string, string | undefined>, body: unknown): Reply {
    const u = new URL(url, "http://fake.invalid");
    const path = u.pathname.replace(/\.json$/, "");
    if (method === "POST" && path === "/oauth/tokens") return this.token(body as Record<string, unknown>);
    if (!path.startsWith("/api/v2/")) return { status: 404, body: { error: "RecordNotFound" } };
    const token = /^Bearer (.+)$/.exec(headers.authorization ?? "")?.[1];
    if (!token || !this.access.has(token)) {
      this.refusedCalls++;
      return { status: 401, body: { error: "invalid_token", error_description: "The access token provided is expired, revoked, malformed or invalid" } };
    }
    let m: RegExpMatchArray | null;
    if (method === "GET" && path === "/api/v2/users/me") return { status: 200, body: { user: { ...this.admin, active: true } } };
    if (method === "DELETE" && path === "/api/v2/oauth/tokens/current") {
      const pair = this.access.get(token)!;
      this.access.delete(token);
      this.refresh.delete(pair.refresh);
      return { status: 204, body: null };
    }
    if (method === "POST" && path === "/api/v2/webhooks") {
      const w = (body as { webhook: Omit<FakeWebhook, "id" | "secret"> }).webhook;
      const id = `01HWEBHOOK${String(this.nextWebhook++).padStart(4, "0")}`;
      const webhook: FakeWebhook = { ...w, id, secret: randomBytes(24).toString("base64") };
      this.webhooks.set(id, webhook);
      return { status: 201, body: { webhook: this.view(webhook) } };
    }
    if ((m = path.match(/^\/api\/v2\/webhooks\/([^/]+)(\/signing_secret)?$/))) {
      const webhook = this.webhooks.get(m[1]!);
      if (!webhook) return { status: 404, body: { errors: [{ code: "WebhookNotFound" }] } };
      if (m[2] && method === "GET") return { status: 200, body: { signing_secret: { algorithm: "sha256", secret: webhook.secret } } };
      if (method === "GET") return { status: 200, body: { webhook: this.view(webhook) } };
      if (method === "DELETE") {
        this.webhooks.delete(webhook.id);
        return { status: 204, body: null };
      }
      if (method === "PATCH") {
        Object.assign(webhook, (body as { webhook: Partial<FakeWebhook> }).webhook);
        return { status: 204, body: null };
      }
    }
    return this.zd.handle(method, url, body);
  }

  private view(w: FakeWebhook) {
    const { secret: _secret, ...rest } = w;
    void _secret;
    return rest;
  }

  private token(b: Record<string, unknown>): Reply {
    const grant = String(b.grant_type);
    const fail = (): Reply => {
      this.tokenCalls.push({ grant, ok: false });
      return { status: 400, body: { error: "invalid_grant", error_description: "The provided authorization grant is invalid, expired or revoked" } };
    };
    if (b.client_id !== this.client.id || b.client_secret !== this.client.secret) return { status: 401, body: { error: "invalid_client" } };
    if (grant === "authorization_code") {
      const issued = this.codes.get(String(b.code));
      if (!issued || issued.redirectUri !== b.redirect_uri) return fail();
      this.codes.delete(String(b.code));
    } else if (grant === "refresh_token") {
      const old = this.refresh.get(String(b.refresh_token));
      if (old === undefined) return fail();
      // rotation: the previous pair is deleted
      this.refresh.delete(String(b.refresh_token));
      this.access.delete(old);
    } else return fail();
    this.tokenCalls.push({ grant, ok: true });
    const access = `zat_${randomBytes(12).toString("hex")}`;
    const refresh = `zrt_${randomBytes(12).toString("hex")}`;
    this.access.set(access, { refresh });
    this.refresh.set(refresh, access);
    return { status: 200, body: { access_token: access, refresh_token: refresh, token_type: "bearer", scope: "read write", expires_in: this.expiresIn, refresh_token_expires_in: 7_776_000 } };
  }

  /**
   * Ticket reads (through intercept()) wait until `release()`: a job caught mid-way. The read is
   * answered after the release, with whatever token it carries being checked then.
   */
  holdTicketReads(): { waiting: () => number; release: () => void } {
    let release!: () => void;
    const held = { promise: new Promise<void>((r) => (release = r)), waiting: 0 };
    this.ticketReadsHeld = held;
    return {
      waiting: () => held.waiting,
      release: () => {
        this.ticketReadsHeld = undefined;
        release();
      },
    };
  }

  /** Intercepts `baseUrl` with nock until nock.cleanAll(). */
  intercept(baseUrl: string): void {
    const reply = (method: string) => async (req: Request) => {
      const held = this.ticketReadsHeld;
      if (held && method === "GET" && new URL(req.url).pathname.startsWith("/api/v2/tickets/")) {
        held.waiting++;
        await held.promise;
      }
      const raw = method === "GET" || method === "DELETE" ? "" : await req.text();
      const r = this.handle(method, req.url, { authorization: req.headers.get("authorization") ?? undefined }, raw ? JSON.parse(raw) : undefined);
      return [r.status, r.body === null ? "" : JSON.stringify(r.body), { "content-type": "application/json", ...(r.headers ?? {}) }] as [number, string, Record<string, string>];
    };
    nock(baseUrl).persist().get(/.*/).reply(reply("GET")).put(/.*/).reply(reply("PUT")).post(/.*/).reply(reply("POST")).delete(/.*/).reply(reply("DELETE")).patch(/.*/).reply(reply("PATCH"));
  }

  /**
   * Serves over HTTP on 127.0.0.1 (for worker processes), each answer `delayMs` late (answers of
   * /oauth/tokens `tokenDelayMs` late, when given); resolves to its base URL.
   */
  async listen(delayMs = 0, tokenDelayMs = delayMs): Promise<{ url: string; close(): Promise<void> }> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const port = (server.address() as AddressInfo).port;
        const r = this.handle(req.method ?? "GET", `http://127.0.0.1:${port}${req.url ?? "/"}`, { authorization: req.headers.authorization }, raw ? JSON.parse(raw) : undefined);
        setTimeout(
          () => {
            res.writeHead(r.status, { "content-type": "application/json", ...(r.headers ?? {}) });
            res.end(r.body === null ? "" : JSON.stringify(r.body));
          },
          req.url?.startsWith("/oauth/tokens") ? tokenDelayMs : delayMs,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    return {
      url: `http://127.0.0.1:${port}`,
      close: () =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }
}
