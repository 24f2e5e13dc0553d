// Intercom as a public app sees it, in front of the FakeIntercom conversation model: the
// consent page (a function the test calls, as the admin's click), the code exchange at
// /auth/eagle/token (a form; the token never expires), Bearer checks and GET /me.
import { randomBytes } from "node:crypto";
import nock from "nock";
import { FakeIntercom } from "./fake-intercom";

type Reply = { status: number; headers?: Record<string, string>; body: unknown };

export class FakeIntercomApp {
  readonly ic: FakeIntercom;
  readonly admin = { id: "7311099", name: "Ines Admin", email: "ines@initech.example" };
  tokenCalls = 0;
  private codes = new Map<string, string>();
  private tokens = new Set<string>();

  constructor(
    readonly client: { id: string; secret: string },
    readonly appId: string,
    readonly region = "Europe",
  ) {
    this.ic = new FakeIntercom(appId);
  }

  /** The admin clicks "Connect" on the consent page at `authorizeUrl`. */
  consent(authorizeUrl: string): { code: string; state: string } {
    const u = new URL(authorizeUrl);
    if (u.pathname !== "/oauth" || u.searchParams.get("client_id") !== this.client.id) throw new Error(`bad authorize request: ${authorizeUrl}`);
    const code = `ic_code_${randomBytes(8).toString("hex")}`;
    this.codes.set(code, u.searchParams.get("redirect_uri") ?? "");
    return { code, state: u.searchParams.get("state")! };
  }

  /** The workspace uninstalled the app: its token stops working. */
  revokeEverything(): void {
    this.tokens.clear();
  }

  handle(method: string, url: string, headers: Record<string, string>, raw: string): Reply {
    const u = new URL(url, "http://fake.invalid");
    if (method === "POST" && u.pathname === "/auth/eagle/token") {
      this.tokenCalls++;
      const form = new URLSearchParams(raw);
      if (form.get("client_id") !== this.client.id || form.get("client_secret") !== this.client.secret) return { status: 401, body: { error: "invalid_client" } };
      if (!this.codes.delete(form.get("code") ?? "")) return { status: 400, body: { error: "invalid_grant" } };
      const token = `dG9rOj${randomBytes(16).toString("hex")}`;
      this.tokens.add(token);
      return { status: 200, body: { token_type: "Bearer", token, access_token: token } };
    }
    const token = /^Bearer (.+)$/.exec(headers.authorization ?? "")?.[1];
    if (!token || !this.tokens.has(token)) return { status: 401, body: { type: "error.list", errors: [{ code: "unauthorized", message: "Access Token Invalid" }] } };
    if (method === "GET" && u.pathname === "/me") {
      return {
        status: 200,
        body: {
          type: "admin",
          id: this.admin.id,
          email: this.admin.email,
          name: this.admin.name,
          email_verified: true,
          app: { type: "app", id_code: this.appId, name: "Initech", created_at: 1_700_000_000, secure: true, identity_verification: false, timezone: "Europe/Dublin", region: this.region },
          has_inbox_seat: true,
        },
      };
    }
    return this.ic.handle(method, url, headers, raw ? JSON.parse(raw) : undefined);
  }

  intercept(baseUrl: string): void {
    const reply = (method: string) => async (req: Request) => {
      const raw = method === "GET" ? "" : await req.text();
      const r = this.handle(method, req.url, Object.fromEntries(req.headers.entries()), raw);
      return [r.status, JSON.stringify(r.body), { "content-type": "application/json", ...(r.headers ?? {}) }] as [number, string, Record<string, string>];
    };
    nock(baseUrl).persist().get(/.*/).reply(reply("GET")).post(/.*/).reply(reply("POST"));
  }
}
