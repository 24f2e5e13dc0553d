import nock from "nock";
import { createLlmExtractor, extractWithLlm, type LlmConfig } from "../../../../src/memory/extract/llm";
import { MAX_MESSAGES_CHARS } from "../../../../src/memory/extract/llm-prompt";
import {
  MOODS,
  VERTICALS,
  emptyProfile,
  type Extraction,
  type ExtractionInput,
  type Extractor,
  type TenantSupportSettings,
} from "../../../../src/memory/types";

const BASE = "http://llm.test/v1";
const cfg: LlmConfig = { baseUrl: BASE, apiKey: "sk-test-key", model: "test-model", timeoutMs: 2000 };

const multi: TenantSupportSettings = {
  domain_schema: "support",
  support_type_mode: "multi",
  support_type: null,
  support_types_allowed: ["saas", "ecommerce"],
};

function input(over: Partial<ExtractionInput> = {}): ExtractionInput {
  return {
    messages: [
      { role: "user", content: "My invoice INV-2041 failed to charge, card [card] was declined.", index: 0 },
      { role: "assistant", content: "Sorry about that, let me check.", index: 1 },
      { role: "user", content: "I need it fixed before my finance review on Friday.", index: 2 },
    ],
    metadata: { source: "test", ticket_id: "T-1" },
    settings: multi,
    existing: null,
    ...over,
  };
}

const answer: Extraction = {
  support_type: "saas",
  support_type_confidence: 0.9,
  customer_identity: { name: "Dana" },
  communication_preference: { channel: "email" },
  language: "en",
  issue: {
    issue_type: "billing_failed",
    summary: "Invoice payment failed",
    refs: ["INV-2041"],
    urgency: "high",
    deadline: "before finance review on Friday",
    message_index: 2,
  },
  customer_confirms_resolved: false,
  resolution_preference: null,
  mood: "frustrated",
  escalation_threat: false,
  risk_signals: [],
  support_context: { plan: "Growth" },
};

function completion(content: string) {
  return { id: "c1", object: "chat.completion", choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content } }] };
}

// The fallback is a dependency of the LLM extractor, so a fake one is fine here: its
// distinctive result proves it was the one that ran.
function fakeFallback() {
  const calls: ExtractionInput[] = [];
  const result: Extraction = { ...answer, support_type: "general_info", support_context: { from: "fallback" }, issue: null, mood: "calm" };
  const extractor: Extractor & { calls: ExtractionInput[] } = {
    name: "fake-rules",
    calls,
    async extract(i) {
      calls.push(i);
      return result;
    },
  };
  return extractor;
}

function fakeLog() {
  const entries: { obj: object; msg: string }[] = [];
  return { entries, warn: (obj: object, msg: string) => entries.push({ obj, msg }) };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe("llm extractor", () => {
  it("uses the parsed extraction from a valid JSON answer", async () => {
    nock("http://llm.test").post("/v1/chat/completions").reply(200, completion(JSON.stringify(answer)));
    const fallback = fakeFallback();
    const out = await createLlmExtractor(cfg, fallback).extract(input());
    expect(out).toEqual(answer);
    expect(fallback.calls).toHaveLength(0);
  });

  it("accepts JSON wrapped in a ```json fence", async () => {
    nock("http://llm.test").post("/v1/chat/completions").reply(200, completion("```json\n" + JSON.stringify(answer) + "\n```"));
    const out = await extractWithLlm(cfg, input());
    expect(out).toEqual({ ok: true, extraction: answer });
  });

  it("drops null and empty optional keys instead of rejecting the answer", async () => {
    const loose = { ...answer, language: null, customer_identity: { name: "Dana", tier: null }, issue: { ...answer.issue, deadline: null } };
    nock("http://llm.test").post("/v1/chat/completions").reply(200, completion(JSON.stringify(loose)));
    const out = await extractWithLlm(cfg, input());
    if (!out.ok) throw new Error(`expected ok, got ${out.reason}`);
    expect(out.extraction.language).toBeUndefined();
    expect(out.extraction.customer_identity).toEqual({ name: "Dana" });
    expect(out.extraction.issue).not.toHaveProperty("deadline");
  });

  it("routes a vertical outside the allow-list in multi mode to general_info", async () => {
    nock("http://llm.test").post("/v1/chat/completions").reply(200, completion(JSON.stringify({ ...answer, support_type: "banking_fintech" })));
    const out = await createLlmExtractor(cfg, fakeFallback()).extract(input());
    expect(out.support_type).toBe("general_info");
    expect(out.support_type_confidence).toBeLessThanOrEqual(0.35);
  });

  it("forces the tenant's vertical in single mode", async () => {
    const single: TenantSupportSettings = { ...multi, support_type_mode: "single", support_type: "telecom", support_types_allowed: ["telecom"] };
    nock("http://llm.test").post("/v1/chat/completions").reply(200, completion(JSON.stringify(answer)));
    const out = await createLlmExtractor(cfg, fakeFallback()).extract(input({ settings: single }));
    expect(out.support_type).toBe("telecom");
    expect(out.support_type_confidence).toBe(1);
  });

  it("keeps any vertical in auto mode", async () => {
    const auto: TenantSupportSettings = { ...multi, support_type_mode: "auto", support_types_allowed: [] };
    nock("http://llm.test").post("/v1/chat/completions").reply(200, completion(JSON.stringify({ ...answer, support_type: "travel" })));
    const out = await createLlmExtractor(cfg, fakeFallback()).extract(input({ settings: auto }));
    expect(out.support_type).toBe("travel");
  });

  it("clamps message_index into the range of the messages sent", async () => {
    const wild = {
      ...answer,
      issue: { ...answer.issue!, message_index: 40 },
      resolution_preference: { method: "refund", message_index: 9 },
      risk_signals: [{ risk_type: "churn", reason: "threatens to leave", severity: "medium", message_index: 7 }],
    };
    nock("http://llm.test").post("/v1/chat/completions").reply(200, completion(JSON.stringify(wild)));
    const out = await createLlmExtractor(cfg, fakeFallback()).extract(input());
    expect(out.issue!.message_index).toBe(2);
    expect(out.resolution_preference!.message_index).toBe(2);
    expect(out.risk_signals[0]!.message_index).toBe(2);
  });

  describe("falls back to the fallback extractor", () => {
    // Every row has four cells: jest would take a missing fourth argument for a `done` callback.
    const cases: [string, (scope: nock.Interceptor) => nock.Scope, string, Partial<LlmConfig>][] = [
      ["invalid JSON", (s) => s.reply(200, completion("Sure! The customer is upset about billing.")), "invalid_json", {}],
      ["a truncated answer", (s) => s.reply(200, completion(JSON.stringify(answer).slice(0, 80))), "invalid_json", {}],
      ["no choices in the response", (s) => s.reply(200, { error: "nope" }), "invalid_json", {}],
      ["a schema-invalid answer (mood furious)", (s) => s.reply(200, completion(JSON.stringify({ ...answer, mood: "furious" }))), "invalid_schema", {}],
      ["HTTP 500", (s) => s.reply(500, { error: { message: "upstream exploded" } }), "http_error", {}],
      ["HTTP 429", (s) => s.reply(429, { error: { message: "rate limited" } }, { "Retry-After": "1" }), "http_error", {}],
      ["a timeout", (s) => s.delay(500).reply(200, completion(JSON.stringify(answer))), "timeout", { timeoutMs: 100 }],
      ["a network error", (s) => s.replyWithError({ code: "ECONNRESET", message: "socket hang up" }), "network", {}],
    ];

    it.each(cases)("on %s", async (_label, respond, reason, over) => {
      respond(nock("http://llm.test").post("/v1/chat/completions"));
      const fallback = fakeFallback();
      const log = fakeLog();
      const out = await createLlmExtractor({ ...cfg, ...over }, fallback, { log }).extract(input());
      expect(out.support_context).toEqual({ from: "fallback" });
      expect(fallback.calls).toHaveLength(1);
      expect(log.entries).toHaveLength(1);
      expect(log.entries[0]!.obj).toMatchObject({ reason, fallback: "fake-rules" });
      // What was logged carries neither the customer's words nor the key.
      const logged = JSON.stringify(log.entries);
      expect(logged).not.toContain("sk-test-key");
      expect(logged).not.toContain("INV-2041");
      expect(logged).not.toContain("upset");
      expect(logged).not.toContain("upstream exploded");
    });

    it("makes one attempt only", async () => {
      const scope = nock("http://llm.test").post("/v1/chat/completions").times(2).reply(503, "busy");
      await createLlmExtractor(cfg, fakeFallback()).extract(input());
      expect(scope.pendingMocks()).toHaveLength(1);
      nock.cleanAll();
    });

    it("returns the reason as a value from extractWithLlm", async () => {
      nock("http://llm.test").post("/v1/chat/completions").reply(200, completion(JSON.stringify({ ...answer, mood: "furious" })));
      const out = await extractWithLlm(cfg, input());
      expect(out).toEqual({ ok: false, reason: "invalid_schema", detail: expect.stringContaining("mood") });
      if (!out.ok) expect(out.detail).not.toContain("furious");
    });
  });

  describe("the request", () => {
    function capture(): { body?: any; headers?: Record<string, string | string[]> } {
      const seen: { body?: any; headers?: Record<string, string | string[]> } = {};
      nock("http://llm.test")
        .post("/v1/chat/completions")
        .reply(async (req: Request) => {
          seen.body = await req.json();
          seen.headers = Object.fromEntries(req.headers.entries());
          return [200, completion(JSON.stringify(answer))];
        });
      return seen;
    }

    it("carries model, temperature 0, max_tokens, JSON mode, and the redacted content only", async () => {
      const seen = capture();
      // What the engine hands over is already redacted; the raw card number never existed here.
      await createLlmExtractor(cfg, fakeFallback()).extract(input());
      const body = seen.body;
      expect(body).toMatchObject({ model: "test-model", temperature: 0, max_tokens: 1200, response_format: { type: "json_object" } });
      expect(body.messages.map((m: { role: string }) => m.role)).toEqual(["system", "user"]);
      const user: string = body.messages[1].content;
      expect(user).toContain("[0] user: My invoice INV-2041 failed to charge, card [card] was declined.");
      expect(user).toContain("[2] user: I need it fixed before my finance review on Friday.");
      expect(JSON.stringify(body)).not.toMatch(/\d{13,19}/);
      expect(JSON.stringify(body)).not.toContain("sk-test-key");
    });

    it("states the schema enums and the tenant's routing in the system prompt", async () => {
      const seen = capture();
      await createLlmExtractor(cfg, fakeFallback()).extract(input());
      const system: string = seen.body.messages[0].content;
      for (const v of [...VERTICALS, ...MOODS]) expect(system).toContain(`"${v}"`);
      expect(system).toMatch(/one of "saas" \| "ecommerce"; if none .* "general_info"/);
      expect(system).toMatch(/agent names/i);
      expect(system).toMatch(/temporary anger/i);
    });

    it("passes the existing profile in compressed", async () => {
      const existing = emptyProfile("saas");
      existing.current_open_issue = {
        issue_type: "billing_failed",
        summary: "Card declined on renewal",
        refs: ["INV-2041"],
        since: "2026-01-01T00:00:00Z",
        urgency: "high",
        status: "open",
        last_update: "2026-01-02T00:00:00Z",
        support_type: "saas",
        mentions: 2,
      };
      existing.issue_history = Array.from({ length: 30 }, (_, i) => ({
        issue_type: "old",
        summary: `old resolved issue number ${i}`,
        refs: [],
        support_type: "saas" as const,
        since: "2025-01-01T00:00:00Z",
        resolved_at: "2025-01-02T00:00:00Z",
        outcome: "fixed",
      }));
      const seen = capture();
      await createLlmExtractor(cfg, fakeFallback()).extract(input({ existing }));
      const user: string = seen.body.messages[1].content;
      expect(user).toContain("Card declined on renewal");
      expect(user).toContain('"support_type":"saas"');
      expect(user).not.toContain("old resolved issue");
    });

    it("keeps the newest messages when the thread is over the size budget", async () => {
      const messages = Array.from({ length: 60 }, (_, i) => ({ role: "user" as const, content: `message ${i} ` + "x".repeat(400), index: i }));
      const seen = capture();
      await createLlmExtractor(cfg, fakeFallback()).extract(input({ messages }));
      const user: string = seen.body.messages[1].content;
      expect(user).toContain("[59] user: message 59 ");
      expect(user).not.toContain("[0] user: message 0 ");
      expect(user.length).toBeLessThan(MAX_MESSAGES_CHARS + 1000);
    });

    it("sends the Authorization header when a key is set, and none otherwise", async () => {
      let seen = capture();
      await createLlmExtractor(cfg, fakeFallback()).extract(input());
      expect(seen.headers!.authorization).toBe("Bearer sk-test-key");

      seen = capture();
      await createLlmExtractor({ ...cfg, apiKey: undefined }, fakeFallback()).extract(input());
      expect(seen.headers!.authorization).toBeUndefined();
    });

    it.each([
      ["http://llm.test/v1", "/v1/chat/completions"],
      ["http://llm.test/v1/", "/v1/chat/completions"],
      ["http://llm.test", "/chat/completions"],
      ["http://llm.test/", "/chat/completions"],
    ])("uses baseUrl %s as given", async (baseUrl, path) => {
      nock("http://llm.test").post(path).reply(200, completion(JSON.stringify(answer)));
      const out = await extractWithLlm({ ...cfg, baseUrl }, input());
      expect(out.ok).toBe(true);
    });
  });
});
