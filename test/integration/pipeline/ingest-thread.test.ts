// A live chat reaches us a message at a time: the agent's question is fed by one webhook's job, the
// customer's bare answer ("094") by the next. The answer is still read as the secret it is,
// because the add carries the message before it; it never reaches the extractor.
import type { InstallationInfo, Thread, ThreadMessage } from "../../../connectors/types";
import type { Database } from "../../../src/db/client";
import { createMemoryEngine } from "../../../src/memory/engine";
import { createDeterministicExtractor } from "../../../src/memory/extract/deterministic";
import type { TenantRef } from "../../../src/memory/store";
import { VERTICALS, type Extractor } from "../../../src/memory/types";
import type { PipelineDeps } from "../../../src/pipeline/deps";
import { ingestThread } from "../../../src/pipeline/job/ingest-thread";
import type { TicketLease } from "../../../src/pipeline/job/ticket-lease";
import { createTestDatabase } from "../../helpers/db";

const tenant: TenantRef = {
  id: "tnt_ingest",
  agentScoping: "shared",
  settings: { domain_schema: "support", support_type_mode: "auto", support_type: null, support_types_allowed: [...VERTICALS] },
};
const inst = { id: "inst_ingest", tenantId: tenant.id, provider: "intercom", account: "app1", settings: {}, secrets: {} } as unknown as InstallationInfo;

const message = (id: string, role: ThreadMessage["role"], body: string): ThreadMessage => ({ id, role, authorRef: role, body, createdAt: "2026-12-06T10:00:00Z", internal: false });

describe("ingestThread", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it("reads a bare answer fed by a later job as the answer to the question an earlier job fed", async () => {
    const seen: string[] = [];
    const inner = createDeterministicExtractor();
    const extractor: Extractor = { name: inner.name, extract: (input) => (seen.push(...input.messages.map((m) => m.content)), inner.extract(input)) };
    const deps = { engine: createMemoryEngine({ db, extractor }) } as unknown as PipelineDeps;
    let cursor: string[] = [];
    const lease = (): TicketLease => ({ seenMessageIds: cursor, saveCursor: (c: { seenMessageIds: string[] }) => void (cursor = c.seenMessageIds) }) as unknown as TicketLease;
    const first: Thread = {
      ticketRef: "conv-1",
      messages: [message("m1", "customer", "Hi, my payment for order ORD-55120 keeps failing."), message("m2", "agent", "Sorry! Could you give me the 3 digit security code on the back?")],
    };
    await ingestThread(deps, { inst, tenant, thread: first, externalUserId: "cust_live", lease: lease() });
    const second: Thread = { ...first, messages: [...first.messages, message("m3", "customer", "094"), message("m4", "customer", "and my order is 55120")] };
    const r = await ingestThread(deps, { inst, tenant, thread: second, externalUserId: "cust_live", lease: lease() });
    expect(r.fed).toBe(2);
    expect(seen).toContain("[REDACTED:cvv]");
    expect(seen).not.toContain("094");
    expect(seen).toContain("and my order is 55120");
  });
});
