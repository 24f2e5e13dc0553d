// The OAuth token store on the real database, with two credential stores standing for two
// processes (each its own in-process single-flight, sharing only the installation row's lease)
// and the fake Zendesk behind nock: Zendesk rotates on refresh, so a second refresh with the old
// pair answers invalid_grant and would cut the installation off.
import nock from "nock";
import { connectors } from "../../../connectors";
import type { InstallationInfo, OAuthApp } from "../../../connectors/types";
import { zendeskOAuth } from "../../../connectors/zendesk/oauth";
import type { Database } from "../../../src/db/client";
import { createLogger } from "../../../src/logger";
import { getInstallation, saveInstallation } from "../../../src/tenants/installations";
import { createCredentials, NeedsReauthError, type Credentials } from "../../../src/tenants/oauth-tokens";
import { createTestDatabase } from "../../helpers/db";
import { FakeZendeskApp } from "../../helpers/fake-zendesk-app";

const ZENDESK_URL = "https://globex.zendesk.test";
const CLIENT = { id: "zdg-helpdesk-memory", secret: "zd-oauth-client-secret-test-0123456789" };
const APP: OAuthApp = { clientId: CLIENT.id, clientSecret: CLIENT.secret, redirectUri: "https://memory.example/oauth/zendesk/callback", apiUrl: ZENDESK_URL };
const masterKey = Buffer.alloc(32, 7);

describe("OAuth tokens shared by two processes", () => {
  let db: Database;
  let zd: FakeZendeskApp;
  let seq = 0;
  const now = { value: new Date() };

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.prisma.tenant.create({ data: { id: "t1", name: "Globex" } });
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(() => {
    now.value = new Date();
    zd = new FakeZendeskApp(CLIENT);
    nock.disableNetConnect();
    zd.intercept(ZENDESK_URL);
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  /** A process's credential store; `dropped` lists the installations it was told to forget. */
  function process_(): Credentials & { dropped: string[] } {
    const dropped: string[] = [];
    const creds = createCredentials({
      db,
      masterKey,
      connectors,
      app: (provider) => (provider === "zendesk" ? APP : undefined),
      clock: () => now.value,
      log: createLogger("silent"),
      changed: (id) => dropped.push(id),
      leaseMs: 2_000,
    });
    return Object.assign(creds, { dropped });
  }

  /** An installation holding a token pair the fake issued (through a real code exchange). */
  async function installed(): Promise<InstallationInfo> {
    const consent = zd.consent(zendeskOAuth.authorizeUrl(APP, "globex", "state"));
    const tokens = await zendeskOAuth.exchangeCode(APP, "globex", consent.code, now.value);
    return saveInstallation(db, masterKey, {
      tenantId: "t1",
      provider: "zendesk",
      account: `globex${++seq}`,
      settings: { agentId: String(zd.admin.id), auth: "oauth" },
      secrets: { ...tokens, signingSecret: "whsec_test" },
      status: "active",
    });
  }

  const stored = async (id: string) => (await getInstallation(db, masterKey, id))!;

  it("ten jobs in two processes meeting one dead token make one refresh, and all get the new token", async () => {
    const inst = await installed();
    const [a, b] = [process_(), process_()];
    zd.expireAccessTokens();
    const renewed = await Promise.all([...Array.from({ length: 5 }, () => a.renew(inst)), ...Array.from({ length: 5 }, () => b.renew(inst))]);
    expect(zd.refreshCalls()).toBe(1);
    const token = (await stored(inst.id)).info.secrets.accessToken;
    expect(token).not.toBe(inst.secrets.accessToken);
    expect(new Set(renewed.map((r) => r.secrets.accessToken))).toEqual(new Set([token]));
    // each process forgets its cached copy: the one that refreshed, and the one that waited
    expect([a.dropped, b.dropped]).toEqual([[inst.id], [inst.id]]);
  });

  it("a process that comes after another's refresh re-reads the stored token: no second refresh", async () => {
    const inst = await installed();
    const [a, b] = [process_(), process_()];
    zd.expireAccessTokens();
    const first = await a.renew(inst);
    // b still holds the old token (its cache): it must neither refresh with the dead pair nor keep it
    const second = await b.renew(inst);
    expect(second.secrets.accessToken).toBe(first.secrets.accessToken);
    expect(second.secrets.refreshToken).toBe(first.secrets.refreshToken);
    expect(zd.refreshCalls()).toBe(1);
    expect(b.dropped).toEqual([inst.id]);
    expect((await stored(inst.id)).status).toBe("active");
  });

  it("a refresh lease left by a process that died is taken over once it lapses", async () => {
    const inst = await installed();
    zd.expireAccessTokens();
    await db.sql.query(`UPDATE installations SET refresh_owner = 'gone', refresh_until = $2 WHERE id = $1`, [inst.id, new Date(Date.now() + 400).toISOString()]);
    const started = Date.now();
    const renewed = await process_().renew(inst);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(zd.refreshCalls()).toBe(1);
    expect(renewed.secrets.accessToken).toBe((await stored(inst.id)).info.secrets.accessToken);
    const row = await db.prisma.installation.findUniqueOrThrow({ where: { id: inst.id } });
    expect([row.refreshOwner, row.refreshUntil]).toEqual([null, null]);
  });

  it("ahead of expiry, two processes refresh once, and a token with time left is used as it is", async () => {
    const inst = await installed();
    const [a, b] = [process_(), process_()];
    now.value = new Date(Date.parse(inst.secrets.refreshAt!) + 1_000);
    const fresh = await Promise.all([a.fresh(inst), b.fresh(inst), a.fresh(inst), b.fresh(inst)]);
    expect(zd.refreshCalls()).toBe(1);
    expect(new Set(fresh.map((f) => f.secrets.accessToken)).size).toBe(1);
    now.value = new Date();
    expect(await a.fresh(fresh[0]!)).toBe(fresh[0]);
  });

  it("invalid_grant: one refresh attempt, the installation needs re-auth, and both processes are told so", async () => {
    const inst = await installed();
    const [a, b] = [process_(), process_()];
    zd.revokeEverything();
    const outcomes = await Promise.allSettled([a.renew(inst), b.renew(inst), a.renew(inst)]);
    for (const o of outcomes) {
      expect(o.status).toBe("rejected");
      expect((o as PromiseRejectedResult).reason).toBeInstanceOf(NeedsReauthError);
    }
    expect(zd.tokenCalls.filter((c) => c.grant === "refresh_token")).toEqual([{ grant: "refresh_token", ok: false }]);
    const record = await stored(inst.id);
    expect(record.status).toBe("needs_reauth");
    expect(record.statusReason).toMatch(/invalid_grant/);
  });
});
