// `npm run demo -- --script file.txt` with an OpenAI-compatible model configured: a local fake
// server plays the model. The model gets the seed's support prompt (rules, remembered context,
// live tool results) and the conversation; a reply that asks for a secret is not shown.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { replyOf, runDemo, turnsOf, type DemoRun, type Turn } from "./demo-process";

type ChatRequest = { authorization?: string; body: { model: string; messages: { role: string; content: string }[]; response_format?: unknown } };

const GOOD_REPLY = "Hi Daniel. The order system shows ORD-44821 is delayed with ParcelNet, expected on 2026-12-05.";
const BAD_REPLY = "Sure. To verify it is you, please send me the OTP we just texted you.";

describe("npm run demo with LLM_BASE_URL (a fake OpenAI-compatible server)", () => {
  const replies: ChatRequest[] = [];
  let extractions = 0;
  let server: http.Server;
  let run: DemoRun;
  let turns: Turn[];

  beforeAll(async () => {
    const answers = [GOOD_REPLY, BAD_REPLY];
    server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (d: Buffer) => (raw += d.toString("utf8")));
      req.on("end", () => {
        const body = JSON.parse(raw) as ChatRequest["body"];
        if (req.url !== "/v1/chat/completions") {
          res.writeHead(404).end();
          return;
        }
        // The engine's extractor asks for JSON; failing it exercises the fallback to the rules.
        if (body.response_format) {
          extractions++;
          res.writeHead(503).end("{}");
          return;
        }
        replies.push({ authorization: req.headers.authorization, body });
        const content = answers.shift() ?? "Hi.";
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ choices: [{ message: { role: "assistant", content } }] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    run = await runDemo({
      viaFile: true,
      script: "/scenario ecommerce\nWhere is my order?\nI want a refund.\n",
      env: { LLM_BASE_URL: `http://127.0.0.1:${port}/v1`, LLM_API_KEY: "test-llm-key", LLM_MODEL: "fake-model" },
    });
    turns = turnsOf(run.stdout);
  }, 300_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (run) fs.rmSync(run.dataDir, { recursive: true, force: true });
  });

  it("runs the script file to its end and says a model answers", () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Replies: model fake-model at LLM_BASE_URL/);
    expect(turns.map((t) => t.input)).toEqual(["/scenario ecommerce", "Where is my order?", "I want a refund."]);
    // The engine's LLM extractor was tried and fell back: every add still stored.
    expect(extractions).toBeGreaterThan(0);
    expect(run.stdout.match(/4\. add\(\): \d+ messages → (stored|queued, job completed)/g)).toHaveLength(3);
  });

  it("sends the seed's system prompt: the rules, the remembered context, the live tool results", () => {
    expect(replies).toHaveLength(2);
    const first = replies[0]!;
    expect(first.authorization).toBe("Bearer test-llm-key");
    expect(first.body.model).toBe("fake-model");
    const [system, ...conversation] = first.body.messages;
    expect(system!.role).toBe("system");
    for (const rule of [
      "Do not claim you checked, changed, refunded, cancelled, verified, located, or triggered anything unless a tool result confirms it.",
      "If live system data is needed and no tool result is available, say you need to check the relevant system.",
      "Ask for only one missing identifier at a time.",
      "Never ask for OTPs, passwords, full account numbers, full card numbers, Aadhaar, PAN, passport numbers, or full IMEI.",
    ]) {
      expect(system!.content).toContain(rule);
    }
    const remembered = system!.content.split("Remembered customer context:")[1]?.split("Live support tool results:")[0] ?? "";
    expect(remembered).toMatch(/Open issue:[^\n]*ORD-44821/);
    const live = system!.content.split("Live support tool results:")[1] ?? "";
    expect(live).toContain('"tool": "get_order"');
    expect(live).toContain('"status": "in_transit_delayed"');
    expect(conversation).toEqual([{ role: "user", content: "Where is my order?" }]);
  });

  it("shows the model's reply, and keeps it in the conversation sent next", () => {
    const turn = turns.find((t) => t.input === "Where is my order?")!;
    expect(turn.body).toMatch(/3\. reply \(model fake-model\):/);
    expect(replyOf(turn)).toBe(GOOD_REPLY);
    expect(replies[1]!.body.messages.slice(1)).toEqual([
      { role: "user", content: "Where is my order?" },
      { role: "assistant", content: GOOD_REPLY },
      { role: "user", content: "I want a refund." },
    ]);
  });

  it("a model reply that asks for an OTP is replaced by the template reply", () => {
    const turn = turns.find((t) => t.input === "I want a refund.")!;
    expect(turn.body).toMatch(/3\. reply \(template; the model's reply asks for sensitive data/);
    const shown = replyOf(turn);
    expect(shown).not.toContain("OTP");
    expect(shown).toMatch(/order ID/);
  });
});
