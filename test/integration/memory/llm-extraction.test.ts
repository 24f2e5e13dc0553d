// The engine with the LLM extractor configured: the model sees only redacted text, its
// structured answer shapes the profile, and any failure falls back to the rules.
import nock from "nock";
import type { Database } from "../../../src/db/client";
import { createMemoryEngine } from "../../../src/memory/engine";
import { createDeterministicExtractor } from "../../../src/memory/extract/deterministic";
import { createLlmExtractor } from "../../../src/memory/extract/llm";
import type { TenantRef } from "../../../src/memory/store";
import { VERTICALS } from "../../../src/memory/types";
import { createTestDatabase } from "../../helpers/db";

const LLM = "http://llm.test/v1";
const tenant: TenantRef = {
  id: "tnt_llm",
  agentScoping: "shared",
  settings: { domain_schema: "support", support_type_mode: "auto", support_type: null, support_types_allowed: [...VERTICALS] },
};

const answer = {
  support_type: "banking_fintech",
  support_type_confidence: 0.9,
  customer_identity: { name: "Ana" },
  communication_preference: {},
  issue: { issue_type: "card_charged_twice", summary: "Charged twice for one purchase", refs: ["ORD-77812"], urgency: "high", message_index: 0 },
  customer_confirms_resolved: false,
  resolution_preference: { method: "refund", message_index: 0 },
  mood: "frustrated",
  escalation_threat: false,
  risk_signals: [],
  support_context: { payment_method: "card" },
};

describe("engine with the LLM extractor", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  const engine = () =>
    createMemoryEngine({
      db,
      extractor: createLlmExtractor({ baseUrl: LLM, apiKey: "sk-test", model: "test-model", timeoutMs: 2000 }, createDeterministicExtractor()),
    });

  it("sends only redacted text to the model and stores its structured answer", async () => {
    let sent = "";
    nock("http://llm.test")
      .post("/v1/chat/completions", (body) => {
        sent = JSON.stringify(body);
        return true;
      })
      .reply(200, { choices: [{ message: { content: JSON.stringify(answer) } }] });
    const r = await engine().add(tenant, {
      external_user_id: "ana",
      messages: [{ role: "user", content: "I was charged twice on card 4111 1111 1111 1111 for ORD-77812, OTP is 482913. Refund please!" }],
      metadata: { ticket_id: "T1" },
    });
    expect(r).toMatchObject({ status: "stored", extractor: "llm", support_type: "banking_fintech" });
    expect(sent).not.toContain("4111 1111 1111 1111");
    expect(sent).not.toContain("482913");
    expect(sent).toContain("ORD-77812");
    const profile = await engine().profile(tenant, "ana");
    expect(profile?.current_open_issue).toMatchObject({ issue_type: "card_charged_twice", refs: ["ORD-77812"] });
    expect(profile?.resolution_preference?.method).toBe("refund");
  });

  it("falls back to the rules when the model answers nonsense", async () => {
    nock("http://llm.test").post("/v1/chat/completions").reply(200, { choices: [{ message: { content: "I think it is about a refund." } }] });
    const r = await engine().add(tenant, {
      external_user_id: "bo",
      messages: [{ role: "user", content: "My order ORD-55120 arrived damaged, I want a replacement." }],
    });
    expect(r.status).toBe("stored");
    const profile = await engine().profile(tenant, "bo");
    expect(profile?.support_type).toBe("ecommerce");
    expect(profile?.current_open_issue?.refs).toContain("ORD-55120");
  });
});
