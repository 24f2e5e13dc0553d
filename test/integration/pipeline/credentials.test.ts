// What a job does when the helpdesk refuses its token: the real job (processDelivery) and the
// real token store (createCredentials) on the real database; the helpdesk is a fake behind the
// connector seam that accepts only its current token, and whose refresh rotates it. The
// installation store serves a stale copy until told of a change, as the per-process cache does.
import { randomBytes } from "node:crypto";
import type { Connector, InstallationInfo, NormalisedEvent, OAuthTokens, Thread } from "../../../connectors/types";
import { ProviderError } from "../../../connectors/types";
import { zendeskConnector } from "../../../connectors/zendesk";
import type { Database } from "../../../src/db/client";
import { createLogger } from "../../../src/logger";
import { createMemoryEngine } from "../../../src/memory/engine";
import { createDeterministicExtractor } from "../../../src/memory/extract/deterministic";
import type { PipelineDeps } from "../../../src/pipeline/deps";
import { createInboxWriter } from "../../../src/pipeline/intake/inbox-writer";
import { processDelivery } from "../../../src/pipeline/job/process-delivery";
import { MAX_ATTEMPTS } from "../../../src/queue/retry";
import type { DeliveryQueue } from "../../../src/queue/types";
import { getInstallation, saveInstallation } from "../../../src/tenants/installations";
import { createCredentials } from "../../../src/tenants/oauth-tokens";
import { encryptSecrets } from "../../../src/tenants/secrets";
import { createTenant, tenantRef } from "../../../src/tenants/service";
import { createTestDatabase } from "../../helpers/db";

jest.setTimeout(60_000);

const masterKey = randomBytes(32);

/** Tickets in memory; every call checks the token; a refresh rotates it (or is refused). */
class FakeHelpdesk {
  token = "tok_1";
  refreshes = 0;
  refused = 0;
  notes: string[] = [];
  /** What the next refresh answers. */
  refresh: "rotate" | "invalid_grant" = "rotate";
  /** Also refuse the token a refresh just gave (a helpdesk that keeps answering 401). */
  refuseAll = false;

  private check(client: unknown): void {
    if (this.refuseAll || (client as { token?: string }).token !== this.token) {
      this.refused++;
      throw new ProviderError("fake GET /ticket: HTTP 401", 401);
    }
  }

  connector(): Connector {
    const base = zendeskConnector as Connector;
    return {
      ...base,
      createClient: (inst: InstallationInfo) => ({ token: inst.secrets.accessToken }),
      fetchThread: async (client, ticketRef): Promise<Thread> => {
        this.check(client);
        const requester = `${ticketRef}00`;
        return {
          ticketRef,
          requesterRef: requester,
          requester: { providerUserRef: requester, emailVerified: false },
          messages: [{ id: `m${ticketRef}`, role: "customer", authorRef: requester, body: "I was charged twice on invoice INV-77 and want a refund.", createdAt: "2026-11-20T09:00:00Z", internal: false }],
        };
      },
      postNote: async (client, ticketRef: string) => {
        this.check(client);
        this.notes.push(ticketRef);
        return { noteRef: `note${this.notes.length}` };
      },
      oauth: {
        ...base.oauth!,
        refresh: async (): Promise<OAuthTokens | "invalid_grant"> => {
          this.refreshes++;
          if (this.refresh === "invalid_grant") return "invalid_grant";
          this.token = `tok_${this.refreshes + 1}`;
          return { accessToken: this.token, refreshToken: `ref_${this.refreshes + 1}` };
        },
      },
    };
  }
}

describe("a job meeting a refused token", () => {
  let db: Database;
  let tenantId: string;
  let helpdesk: FakeHelpdesk;
  let deps: PipelineDeps;
  let inst: InstallationInfo;
  /** The copy this process has cached, until the credentials store says the installation changed. */
  let cached: InstallationInfo | undefined;
  let seq = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    tenantId = (await createTenant(db, "Tokens")).tenant.id;
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    helpdesk = new FakeHelpdesk();
    inst = await saveInstallation(db, masterKey, {
      tenantId,
      provider: "zendesk",
      account: `acme${++seq}`,
      settings: { agentId: "900", auth: "oauth" },
      secrets: { accessToken: "tok_1", refreshToken: "ref_1", signingSecret: "whsec_test" },
      status: "active",
    });
    cached = inst;
    const clock = () => new Date();
    const connector = helpdesk.connector();
    deps = {
      db,
      engine: createMemoryEngine({ db, extractor: createDeterministicExtractor(), clock }),
      queue: {} as DeliveryQueue,
      log: createLogger("silent"),
      clock,
      connectors: { zendesk: connector },
      installations: {
        byId: async (id) => (cached && id === cached.id ? { info: cached, status: "active", statusReason: null } : getInstallation(db, masterKey, id)),
        byAccount: async () => null,
      },
      tenant: async (id) => {
        const r = await db.prisma.tenant.findUnique({ where: { id } });
        return r ? tenantRef(r) : null;
      },
      emailKey: Buffer.alloc(32, 7),
      apiUrls: {},
      credentials: createCredentials({
        db,
        masterKey,
        connectors: { zendesk: connector },
        app: () => ({ clientId: "zdg-test", clientSecret: "secret", redirectUri: "https://memory.example/oauth/zendesk/callback" }),
        clock,
        log: createLogger("silent"),
        changed: () => (cached = undefined),
      }),
    };
  });

  /** A delivery in the inbox that has already used `attempts` of its attempts. */
  async function delivery(attempts = 0): Promise<string> {
    const inbox = createInboxWriter({ sql: db.sql });
    const ticketRef = String(70_000 + seq);
    const event: NormalisedEvent = { kind: "ticket_created", type: "zen:event-type:ticket.created", ticketRef, eventId: randomBytes(8).toString("hex") };
    const id = (await inbox.write({ installationId: inst.id, tenantId, provider: "zendesk", dedupeKey: `${inst.account}:${event.eventId}`, eventType: event.type, event, status: "received", receivedAt: new Date() }))!;
    await inbox.close();
    await db.sql.query(`UPDATE webhook_deliveries SET attempts = $2 WHERE id = $1`, [id, attempts]);
    return id;
  }
  const rowOf = async (id: string) => (await db.sql.query<{ status: string; attempts: number }>(`SELECT status, attempts FROM webhook_deliveries WHERE id = $1`, [id]))[0]!;

  /** Another process refreshed: the row holds a newer token, this process's cache the old one. */
  async function rotatedElsewhere(): Promise<void> {
    helpdesk.token = "tok_elsewhere";
    await db.sql.query(`UPDATE installations SET secrets = $2 WHERE id = $1`, [
      inst.id,
      encryptSecrets(masterKey, { ...inst.secrets, accessToken: "tok_elsewhere", refreshToken: "ref_elsewhere" }),
    ]);
  }

  it("on its last attempt, a token another process rotated away: run again with the stored one, done, the attempt not spent twice", async () => {
    await rotatedElsewhere();
    const id = await delivery(MAX_ATTEMPTS - 1);
    await expect(processDelivery(deps, id, MAX_ATTEMPTS)).resolves.toMatchObject({ status: "done" });
    expect(await rowOf(id)).toEqual({ status: "done", attempts: MAX_ATTEMPTS });
    // no refresh here (the pair was already rotated), one refused call, then the note
    expect([helpdesk.refreshes, helpdesk.refused, helpdesk.notes.length]).toEqual([0, 1, 1]);
  });

  it("a token expired for everyone: refreshed once, the job runs again within its attempt", async () => {
    helpdesk.token = "tok_dead";
    const id = await delivery();
    await expect(processDelivery(deps, id, 1)).resolves.toMatchObject({ status: "done" });
    expect(await rowOf(id)).toEqual({ status: "done", attempts: 1 });
    expect([helpdesk.refreshes, helpdesk.notes.length]).toEqual([1, 1]);
    expect((await getInstallation(db, masterKey, inst.id))!.info.secrets.accessToken).toBe(helpdesk.token);
  });

  it("invalid_grant on the last attempt: the delivery is held, not dead, and the installation needs re-auth", async () => {
    helpdesk.token = "tok_dead";
    helpdesk.refresh = "invalid_grant";
    const id = await delivery(MAX_ATTEMPTS - 1);
    await expect(processDelivery(deps, id, MAX_ATTEMPTS)).resolves.toEqual({ status: "held", reason: "needs_reauth" });
    expect((await rowOf(id)).status).toBe("held");
    expect((await getInstallation(db, masterKey, inst.id))!.status).toBe("needs_reauth");
    expect(helpdesk.notes).toHaveLength(0);
  });

  it("a helpdesk that refuses every new token too: after two renewals the 401 goes to the queue, as one attempt", async () => {
    helpdesk.refuseAll = true;
    const id = await delivery();
    await expect(processDelivery(deps, id, 1)).rejects.toMatchObject({ status: 401 });
    expect(await rowOf(id)).toMatchObject({ attempts: 1 });
    expect([helpdesk.refreshes, helpdesk.refused]).toEqual([2, 3]);
  });
});
