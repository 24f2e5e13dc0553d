// add() writes without a transaction: one statement, applied only to the profile version its
// merge started from. Concurrent adds for one customer all land, the same event lands once,
// and a profile that changes (or is forgotten) while the extractor runs is read again.
import type { Database } from "../../../src/db/client";
import { createMemoryEngine, type AddRequest } from "../../../src/memory/engine";
import { createDeterministicExtractor } from "../../../src/memory/extract/deterministic";
import { forgetCustomer, type TenantRef } from "../../../src/memory/store";
import type { Extractor } from "../../../src/memory/types";
import { VERTICALS } from "../../../src/memory/types";
import { createTestDatabase } from "../../helpers/db";

const tenant: TenantRef = {
  id: "tnt_writes",
  agentScoping: "shared",
  settings: { domain_schema: "support", support_type_mode: "auto", support_type: null, support_types_allowed: [...VERTICALS] },
};

const message = (ticket: number, text: string, customer = "cust_w"): AddRequest => ({
  external_user_id: customer,
  agent_id: "zendesk",
  messages: [{ role: "user", content: text }],
  metadata: { source: "zendesk", ticket_id: String(ticket) },
});

/** The deterministic extractor, with something happening to the database while it runs. */
function extractorWith(during: () => Promise<void>): Extractor & { calls: number } {
  const inner = createDeterministicExtractor();
  const ex = {
    name: inner.name,
    calls: 0,
    async extract(input: Parameters<Extractor["extract"]>[0]) {
      ex.calls++;
      if (ex.calls === 1) await during();
      return inner.extract(input);
    },
  };
  return ex;
}

describe("add() writes", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  const version = async (customer: string) =>
    (await db.prisma.customerProfile.findUnique({ where: { tenantId_externalUserId_agentScope: { tenantId: tenant.id, externalUserId: customer, agentScope: "shared" } } }))?.version;
  const events = (customer: string) => db.prisma.memoryEvent.count({ where: { tenantId: tenant.id, externalUserId: customer } });

  it("applies every one of many concurrent adds for one customer", async () => {
    const engine = createMemoryEngine({ db, extractor: createDeterministicExtractor() });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => engine.add(tenant, message(100 + i, `My order ORD-${5000 + i} arrived damaged, I want a refund`, "cust_many"))),
    );
    expect(results.every((r) => r.status === "stored")).toBe(true);
    expect(await version("cust_many")).toBe(12);
    expect(await events("cust_many")).toBe(12);
    const claims = await db.prisma.profileClaim.findMany({ where: { tenantId: tenant.id, externalUserId: "cust_many" } });
    expect(new Set(claims.map((c) => c.sourceEventId)).size).toBe(12);
  });

  it("applies the same event once, sent concurrently for one customer or for two", async () => {
    const engine = createMemoryEngine({ db, extractor: createDeterministicExtractor() });
    const req = { ...message(200, "Billing failed after upgrading to Growth", "cust_dup"), source_event_id: "evt-dup-1" };
    const same = await Promise.all(Array.from({ length: 6 }, () => engine.add(tenant, req)));
    expect(same.filter((r) => r.status === "stored")).toHaveLength(1);
    expect(await version("cust_dup")).toBe(1);

    const other = { ...message(201, "Billing failed again", "cust_a"), source_event_id: "evt-dup-2" };
    const two = await Promise.all([engine.add(tenant, other), engine.add(tenant, { ...other, external_user_id: "cust_b" })]);
    expect(two.filter((r) => r.status === "stored")).toHaveLength(1);
    const stored = two.find((r) => r.status === "stored")!.external_user_id;
    const skipped = stored === "cust_a" ? "cust_b" : "cust_a";
    expect(await version(stored)).toBe(1);
    expect(await version(skipped)).toBeUndefined();
    expect(await events(skipped)).toBe(0);
    expect(await db.prisma.profileClaim.count({ where: { tenantId: tenant.id, externalUserId: skipped } })).toBe(0);
  });

  it("merges into a profile another writer changed while the extractor ran", async () => {
    const plain = createMemoryEngine({ db, extractor: createDeterministicExtractor() });
    await plain.add(tenant, message(300, "Hi, I'm Priya. My workspace billing failed after upgrading to Growth", "cust_race"));
    const racing = extractorWith(async () => {
      await plain.add(tenant, message(301, "Also our Slack integration stopped syncing", "cust_race"));
    });
    const engine = createMemoryEngine({ db, extractor: racing });
    const r = await engine.add(tenant, message(302, "Please reply by email, I prefer email", "cust_race"));
    expect(r.status).toBe("stored");
    expect(await version("cust_race")).toBe(3);
    const events = await db.prisma.memoryEvent.findMany({ where: { tenantId: tenant.id, externalUserId: "cust_race" } });
    expect(events).toHaveLength(3);
    const profile = await plain.profile(tenant, "cust_race");
    expect(profile?.customer_identity.name).toBe("Priya");
    expect(profile?.communication_preference.channel).toBe("email");
  });

  it("does not bring back a profile forgotten while the extractor ran", async () => {
    const plain = createMemoryEngine({ db, extractor: createDeterministicExtractor() });
    await plain.add(tenant, message(400, "Hi, I'm Priya. My workspace billing failed after upgrading to Growth", "cust_forgot"));
    const engine = createMemoryEngine({ db, extractor: extractorWith(async () => void (await forgetCustomer(db, tenant.id, "cust_forgot"))) });
    const r = await engine.add(tenant, message(401, "Please reply by email", "cust_forgot"));
    expect(r.status).toBe("stored");
    expect(await version("cust_forgot")).toBe(1);
    const profile = await plain.profile(tenant, "cust_forgot");
    expect(profile?.customer_identity.name).toBeUndefined();
    expect(await events("cust_forgot")).toBe(1);
  });

  it("returns the profile it wrote, the one get() reads back", async () => {
    const engine = createMemoryEngine({ db, extractor: createDeterministicExtractor() });
    const { result, profile } = await engine.addWithProfile(tenant, message(500, "My refund for ORD-88123 never arrived", "cust_ret"));
    expect(result.status).toBe("stored");
    expect(profile).toEqual(await engine.profile(tenant, "cust_ret"));
    const q = { external_user_id: "cust_ret", query: "any update?", context_max_tokens: 700 };
    expect(engine.contextFor(profile, q)).toEqual(await engine.get(tenant, q));
    const again = await engine.addWithProfile(tenant, { ...message(500, "My refund for ORD-88123 never arrived", "cust_ret") });
    expect(again.result.status).toBe("duplicate");
    expect(again.profile).toBeNull();
  });
  it("redacts a thread as a conversation: a bare reply to an agent's question for a secret never reaches the extractor", async () => {
    const seen: string[] = [];
    const inner = createDeterministicExtractor();
    const extractor: Extractor = { name: inner.name, extract: (input) => (seen.push(...input.messages.map((m) => m.content)), inner.extract(input)) };
    const engine = createMemoryEngine({ db, extractor });
    const r = await engine.add(tenant, {
      external_user_id: "cust_chat",
      messages: [
        { role: "user", content: "Hi, my payment for order ORD-55120 keeps failing." },
        { role: "assistant", content: "Sorry about that! Could you confirm the long number on the card please?" },
        { role: "user", content: "4916 3352" },
        { role: "user", content: "4440 9236" },
        { role: "assistant", content: "Thanks, and the 3 digit security code on the back?" },
        { role: "user", content: "094" },
        { role: "assistant", content: "I've sent a 6-digit code to your phone, please read it back." },
        { role: "user", content: "482913" },
        { role: "user", content: "ok done, and my order number is 55120 if you need it" },
      ],
      metadata: { source: "intercom", ticket_id: "T-CHAT" },
    });
    expect(r.status).toBe("stored");
    expect(seen.filter((m) => m.startsWith("[REDACTED"))).toEqual(["[REDACTED:card_number]", "[REDACTED:card_number]", "[REDACTED:cvv]", "[REDACTED:otp]"]);
    expect(seen.at(-1)).toBe("ok done, and my order number is 55120 if you need it");
    expect(seen[0]).toContain("ORD-55120");
  });
});
