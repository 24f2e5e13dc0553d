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
import { maybePostNote } from "../../../src/pipeline/post-note";
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
    const out = await maybePostNote(deps, {
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
    });
    expect(out.posted).toBe(true);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body).toMatch(/Growth/);
  });
});
