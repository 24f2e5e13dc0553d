// The note shows the profile the ingest wrote. Ingest writes with agent_id = provider; for a
// tenant with per_agent scoping that is the scope "agent:zendesk", so the note path must read
// that scope too (not "agent:default", where nothing is ever written by the pipeline).
import type { Connector, InstallationInfo, RenderedNote, Thread } from "../../../connectors/types";
import { zendeskConnector } from "../../../connectors/zendesk";
import type { Database } from "../../../src/db/client";
import { createMemoryEngine, type MemoryEngine } from "../../../src/memory/engine";
import { createDeterministicExtractor } from "../../../src/memory/extract/deterministic";
import type { TenantRef } from "../../../src/memory/store";
import type { PipelineDeps } from "../../../src/pipeline/deps";
import { maybePostNote } from "../../../src/pipeline/job/post-note";
import { withTicketLease } from "../../../src/pipeline/job/ticket-lease";
import { createTenant, tenantRef } from "../../../src/tenants/service";
import { createTestDatabase } from "../../helpers/db";

const TEXT =
  "Our workspace billing failed after upgrading to Growth. We use Slack and webhook integrations, and I need the invoice fixed before my finance review.";

describe("maybePostNote with per_agent scoping", () => {
  let db: Database;
  let engine: MemoryEngine;
  let tenant: TenantRef;
  beforeAll(async () => {
    db = await createTestDatabase();
    engine = createMemoryEngine({ db, extractor: createDeterministicExtractor() });
    const { tenant: t } = await createTenant(db, "Scoped");
    const row = await db.prisma.tenant.update({ where: { id: t.id }, data: { agentScoping: "per_agent" } });
    tenant = tenantRef(row);
  });
  afterAll(async () => {
    await db.close();
  });

  it("reads the profile in the provider's scope, the one ingest wrote", async () => {
    expect(tenant.agentScoping).toBe("per_agent");
    // what an earlier job's ingest wrote (agent_id = provider)
    await engine.add(tenant, {
      external_user_id: "zd_cust_1",
      agent_id: "zendesk",
      messages: [{ role: "user", content: TEXT }],
      metadata: { source: "zendesk", ticket_id: "7001" },
    });
    const posted: RenderedNote[] = [];
    const connector: Connector = {
      ...(zendeskConnector as Connector),
      postNote: async (_client, _ticketRef, note) => (posted.push(note), { noteRef: "c1" }),
    };
    const inst = { id: "inst_scoped", tenantId: tenant.id, provider: "zendesk", account: "acme", settings: {}, secrets: {} } as unknown as InstallationInfo;
    const thread: Thread = {
      ticketRef: "7001",
      subject: "Billing failed after upgrade",
      messages: [{ id: "1", role: "customer", authorRef: "501", body: TEXT, createdAt: new Date().toISOString(), internal: false }],
    };
    const deps = { db, engine, clock: () => new Date() } as unknown as PipelineDeps;
    const out = await withTicketLease(db, inst.id, "7001", (lease) => maybePostNote(deps, {
      connector,
      client: {},
      inst,
      tenant,
      event: { kind: "ticket_created", type: "ticket.created", ticketRef: "7001" },
      thread,
      externalUserId: "zd_cust_1",
      deliveryId: "dlv_000000000000000000001",
      // nothing new fed by this job: the profile is read, not reused
      ingested: { fed: 0, latestCustomerMessage: TEXT },
      lease,
    }));
    expect(out.posted).toBe(true);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body).toMatch(/Growth/);
  });

  describe("once per delivery", () => {
    const inst = (tenantId: string) => ({ id: "inst_once", tenantId, provider: "zendesk", account: "acme", settings: {}, secrets: {} }) as unknown as InstallationInfo;
    const customerMessage = { id: "11", role: "customer" as const, authorRef: "501", body: TEXT, createdAt: "2026-11-20T09:00:00Z", internal: false };
    const notesOf = (deliveryId: string) =>
      db.sql.query<{ state: string; note_ref: string | null }>(`SELECT state, note_ref FROM posted_notes WHERE delivery_id = $1`, [deliveryId]);
    const run = (deliveryId: string, thread: Thread, connector: Connector, work?: () => Promise<void>) =>
      withTicketLease(db, "inst_once", thread.ticketRef, async (lease) => {
        const out = await maybePostNote({ db, engine, clock: () => new Date() } as unknown as PipelineDeps, {
          connector,
          client: {},
          inst: inst(tenant.id),
          tenant,
          event: { kind: "ticket_created", type: "ticket.created", ticketRef: thread.ticketRef },
          thread,
          externalUserId: "zd_cust_1",
          deliveryId,
          ingested: { fed: 0, latestCustomerMessage: TEXT },
          lease,
        });
        await work?.();
        return out;
      });
    const posting = (posted: RenderedNote[], noteRef: string): Connector => ({
      ...(zendeskConnector as Connector),
      postNote: async (_client, _ticketRef, note) => (posted.push(note), { noteRef }),
    });

    it("records the note posted when the job's lease is released, and not when the job then fails", async () => {
      const posted: RenderedNote[] = [];
      const thread: Thread = { ticketRef: "7101", messages: [customerMessage] };
      const failing = run("dlv_000000000000000000101", thread, posting(posted, "c101"), async () => {
        throw new Error("worker lost its database");
      });
      await expect(failing).rejects.toThrow("worker lost its database");
      // the note went out but the job did not finish: the intent stays, for the retry to settle
      expect(posted).toHaveLength(1);
      expect(await notesOf("dlv_000000000000000000101")).toEqual([{ state: "posting", note_ref: null }]);

      await expect(run("dlv_000000000000000000102", { ...thread, ticketRef: "7102" }, posting(posted, "c102"))).resolves.toMatchObject({ posted: true });
      expect(await notesOf("dlv_000000000000000000102")).toEqual([{ state: "posted", note_ref: "c102" }]);
    });

    it("does not post again when a retried job finds the note it posted before crashing", async () => {
      const posted: RenderedNote[] = [];
      const deliveryId = "dlv_000000000000000000201";
      const thread: Thread = { ticketRef: "7201", messages: [customerMessage] };
      await expect(run(deliveryId, thread, posting(posted, "c201"), async () => Promise.reject(new Error("killed")))).rejects.toThrow("killed");
      expect(posted).toHaveLength(1);
      // the retry: the thread now holds the note, carrying this delivery's footer reference
      const ours = { id: "c201", role: "agent" as const, authorRef: "900", body: posted[0]!.body, createdAt: "2026-11-20T09:00:01Z", internal: true };
      const retried = await run(deliveryId, { ...thread, messages: [customerMessage, ours] }, posting(posted, "c999"));
      expect(retried).toEqual({ posted: true, reason: "already_posted" });
      expect(posted).toHaveLength(1);
      expect(await notesOf(deliveryId)).toEqual([{ state: "posted", note_ref: "c201" }]);
    });
  });
});
