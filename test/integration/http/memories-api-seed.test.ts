// The seed's flow end to end over a real socket: add the SaaS billing conversation for
// cust_8a72, then get "customer is asking for an update on their billing issue" (limit 8,
// context_max_tokens 700). Once through our typed client, once with plain fetch sending
// exactly what MemoryOS's TypeScript SDK sends and reading what it reads.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { AuthError, MemoryClient, NotFoundError, ValidationError } from "helpdesk-memory/client";
import { createTestApp, type TestApp } from "../../helpers/app";

const CONVERSATION = [
  { role: "user" as const, content: "Hi, our workspace billing failed after upgrading to Growth. We use Slack and webhook integrations, and I need the invoice fixed before my finance review." },
  { role: "assistant" as const, content: "Sorry about that! I have raised it with the billing team and will update you as soon as I hear back." },
];
const QUERY = "customer is asking for an update on their billing issue";

function expectSeedContext(text: string) {
  expect(text).toMatch(/Growth/);
  expect(text).toMatch(/billing failed|billing fail/i);
  expect(text).toMatch(/finance review/i);
  expect(text).toMatch(/Slack/);
}

describe("the seed's flow against a running server", () => {
  let t: TestApp;
  let server: http.Server;
  let baseUrl: string;
  beforeAll(async () => {
    t = await createTestApp();
    server = http.createServer(t.app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.db.close();
  });

  it("through helpdesk-memory/client", async () => {
    const memory = new MemoryClient({ apiKey: t.apiKey, baseUrl });
    const added = await memory.add(CONVERSATION, "cust_8a72", "support-bot", { channel: "chat" });
    expect(added).toMatchObject({ status: "queued", wasQueued: true, supportType: "saas" });
    expect(added.jobId).toMatch(/^job_/);
    expect((await memory.jobStatus(added.jobId!)).succeeded).toBe(true);

    const context = await memory.get({ query: QUERY, externalUserId: "cust_8a72", agentId: "support-bot", limit: 8, contextMaxTokens: 700 });
    expect(context.hasContext).toBe(true);
    expectSeedContext(context.systemPromptAddition);
    expect(context.contextTokenCount).toBeLessThanOrEqual(700);
    expect(context.items.length).toBeGreaterThan(0);
    expect(context.items.length).toBeLessThanOrEqual(8);

    const customers = await memory.customers();
    expect(customers.items.map((c) => c.externalUserId)).toContain("cust_8a72");
    const stats = await memory.supportStats();
    expect(stats.totalCustomersWithMemory).toBeGreaterThanOrEqual(1);
    expect(stats.supportTypeDistribution.saas).toBeGreaterThanOrEqual(1);
  });

  it("with plain fetch, as MemoryOS's TypeScript SDK sends it", async () => {
    const headers = { Authorization: `ApiKey ${t.apiKey}`, Accept: "application/json", "Content-Type": "application/json" };
    // add(messages, customerId, agentId, metadata): trimmed messages, metadata {} when absent
    const add = await fetch(`${baseUrl}/v1/memories/add`, {
      method: "POST",
      headers,
      body: JSON.stringify({ external_user_id: "cust_8a72_fetch", agent_id: "support-bot", messages: CONVERSATION.map((m) => ({ role: m.role, content: m.content.trim() })), metadata: {} }),
    });
    expect(add.status).toBe(200);
    const added = (await add.json()) as Record<string, unknown>;
    // what the SDK reads: job_id, status (wasQueued = status "queued"), the optional extras
    expect(added.status).toBe("queued");
    expect(typeof added.job_id).toBe("string");
    expect(added.processing_status ?? add.headers.get("X-MemoryOS-Processing")).toBe("normal");

    const job = await fetch(`${baseUrl}/v1/memories/jobs/${encodeURIComponent(added.job_id as string)}`, { headers });
    expect(((await job.json()) as { data: { status: string } }).data.status).toBe("completed");

    // get({query, externalUserId, limit, contextMaxTokens}): the SDK fills categories and format
    const get = await fetch(`${baseUrl}/v1/memories/retrieve`, {
      method: "POST",
      headers,
      body: JSON.stringify({ query: QUERY, external_user_id: "cust_8a72_fetch", limit: 8, categories: [], format: "bullets", context_max_tokens: 700, agent_id: "support-bot" }),
    });
    expect(get.status).toBe(200);
    const payload = (await get.json()) as { data: { id: string; content: string; importance_score: number; relevance_score: number; context_snippet: string }[]; system_prompt_addition: string; cached: boolean; quota_mode?: string };
    // the SDK maps payload.data and derives has_context from the addition and the quota mode
    const items = payload.data.map((item) => ({ id: item.id, content: item.content, importance: item.importance_score, relevance: item.relevance_score, snippet: item.context_snippet }));
    const quotaMode = payload.quota_mode ?? add.headers.get("X-MemoryOS-Quota-Mode") ?? "FULL";
    const hasContext = Boolean(payload.system_prompt_addition) && quotaMode !== "PASSTHROUGH";
    expect(hasContext).toBe(true);
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(8);
    expect(typeof payload.cached).toBe("boolean");
    expectSeedContext(payload.system_prompt_addition);
  });

  it("the client's errors are typed: a bad key, a bad request, an unknown job", async () => {
    const wrong = new MemoryClient({ apiKey: "mem_not_a_real_key_000000000000000000", baseUrl, maxRetries: 0 });
    await expect(wrong.supportStats()).rejects.toBeInstanceOf(AuthError);
    const memory = new MemoryClient({ apiKey: t.apiKey, baseUrl, maxRetries: 0 });
    const bad = (await memory.get({ query: "", externalUserId: "cust_8a72" }).catch((e: unknown) => e)) as ValidationError;
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad).toMatchObject({ status: 422, code: "REQ_422", field: "query" });
    await expect(memory.jobStatus("job_missing")).rejects.toBeInstanceOf(NotFoundError);
  });
});
