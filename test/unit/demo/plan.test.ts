// The demo's pure decisions: which references a text holds, which tools a message calls, and
// the rules every templated reply keeps, checked as a property over generated messages.
import { checkReply } from "../../../demo/guard";
import { intentOf, planTurn } from "../../../demo/plan";
import { findReferences } from "../../../demo/references";
import { templateReply } from "../../../demo/reply";
import { SCENARIOS, SCENARIO_NAMES } from "../../../demo/scenarios";
import { runTool } from "../../../demo/tools";

describe("findReferences", () => {
  it.each<[string, string[]]>([
    ["Where is ord-44821?", ["order_id:ORD-44821"]],
    ["Invoice INV-2026-0117 and ticket TCK-1842", ["invoice_id:INV-2026-0117", "ticket_id:TCK-1842"]],
    ["my pnr is qx7k2m", ["pnr:QX7K2M"]],
    ["Flight LT4P9Z then QX7K2M, again LT4P9Z", ["pnr:LT4P9Z", "pnr:QX7K2M"]],
    ["TXN-88120934 failed, enrolment ENR-55231", ["transaction_ref:TXN-88120934", "enrolment_ref:ENR-55231"]],
    // No bare PNR inside another id, and none from a word or a number alone.
    ["INV-E-44821 and HELLOS and 123456", ["invoice_id:INV-E-44821"]],
    ["nothing to see here", []],
  ])("%s", (text, expected) => {
    expect(findReferences(text).map((r) => `${r.kind}:${r.value}`)).toEqual(expected);
  });
});

describe("intentOf", () => {
  it.each([
    ["Any news on my rebooking?", "status"],
    ["Please rebook me on the evening flight", "change"],
    ["I want my money back", "refund"],
    ["Cancel my subscription", "cancel"],
    ["How much data have I used?", "usage"],
    ["Is my KYC complete?", "account"],
    ["Why was I charged?", "billing"],
    ["thanks!", "thanks"],
    ["hello", "other"],
  ])("%s → %s", (message, intent) => {
    expect(intentOf(message)).toBe(intent);
  });
});

describe("planTurn", () => {
  const memory = "Open issue: parcel late (Ref: ORD-44821) since 2026-12-01, ticket TCK-2290\nOrders and returns context:\n- Order refs: ORD-44821, ORD-40001";
  const base = { customerId: "cust_1", actionRef: "order_id" as const };

  it("looks up what the message names, and asks nothing", () => {
    const plan = planTurn({ ...base, message: "What about ORD-44790?", memoryText: memory });
    expect(plan.calls).toEqual([{ tool: "get_order", arg: "ORD-44790", why: "named in the message" }]);
    expect(plan.ask).toBeUndefined();
  });

  it("a follow-up naming nothing looks up the remembered open issue", () => {
    const plan = planTurn({ ...base, message: "any update?", memoryText: memory });
    expect(plan.calls.map((c) => `${c.tool}(${c.arg})`)).toEqual(["get_order(ORD-44821)", "get_ticket_status(TCK-2290)"]);
  });

  it("a refund without an order id: the remembered one is looked up and confirmed, else asked for", () => {
    expect(planTurn({ ...base, message: "I want a refund", memoryText: memory }).ask).toEqual({ kind: "order_id", confirm: "ORD-44821" });
    const blank = planTurn({ ...base, message: "I want a refund", memoryText: "" });
    expect(blank).toMatchObject({ calls: [], ask: { kind: "order_id" } });
  });

  it("notes the sensitive data the customer typed, by kind only", () => {
    const plan = planTurn({ ...base, message: "card 4111 1111 1111 1111, OTP 482913", memoryText: "" });
    expect(plan.secrets.sort()).toEqual(["card_number", "otp"]);
  });
});

describe("checkReply", () => {
  it.each([
    ["Please send me the OTP you received.", false],
    ["What is your password?", false],
    ["I have refunded your order.", false],
    ["I've cancelled the booking for you.", false],
    ["Please don't share one-time codes here: we will never ask for them.", true],
    ["Order ORD-1 is delayed. Could you send me the order ID?", true],
  ])("%s → ok %s", (reply, ok) => {
    expect(checkReply(reply).ok).toBe(ok);
  });
});

// A small seeded generator (mulberry32): the same messages on every run.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  "any update?", "I want a refund", "cancel it please", "where is my order", "can you rebook me", "how much data have I used",
  "is my account ok", "why was I charged", "thanks", "hello", "this is the third time", "my OTP is 739201", "card 4111 1111 1111 1111",
  "password hunter22", "ORD-44821", "ORD-99999", "INV-2026-0117", "INV-0000-0000", "QX7K2M", "ZZ9ZZ9", "TCK-2290", "TXN-88120934", "ENR-55231",
];
const IDS = /\b(ORD-\d+|INV-[A-Z0-9-]+|TCK-\d+|TXN-\d+|ENR-\d+)\b/g;
const ASKED = /\b(order ID|invoice number|booking reference|ticket number|transaction reference|enrolment ID)\b/g;

describe("every templated reply keeps the seed's rules (generated messages, every scenario)", () => {
  it("asks for at most one identifier, never for a secret, repeats no secret and invents no reference", () => {
    const random = rng(20261202);
    for (let i = 0; i < 600; i++) {
      const scenario = SCENARIOS[SCENARIO_NAMES[Math.floor(random() * SCENARIO_NAMES.length)]!];
      const parts = Array.from({ length: 1 + Math.floor(random() * 3) }, () => FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]!);
      const message = parts.join(", ");
      const memoryText = random() < 0.5 ? "" : `Open issue: earlier (Ref: ${scenario.earlierTicket.messages[0]!.content.match(IDS)?.[0] ?? "TCK-1"})`;
      const plan = planTurn({ message, memoryText, customerId: scenario.customerId, actionRef: scenario.actionRef });
      const results = plan.calls.map((c) => runTool(scenario.data, c));
      const reply = templateReply({ plan, results });
      const context = `${scenario.name}: "${message}" → "${reply}"`;

      expect({ context, asked: new Set(reply.match(ASKED) ?? []).size <= 1 }).toEqual({ context, asked: true });
      expect({ context, check: checkReply(reply) }).toEqual({ context, check: { ok: true } });
      for (const secret of ["739201", "4111", "hunter22"]) expect({ context, leaked: reply.includes(secret) }).toEqual({ context, leaked: false });
      // Every id in the reply came from the message, the memory, or a tool result.
      const known = `${message.toUpperCase()} ${memoryText} ${JSON.stringify(results)}`;
      for (const id of reply.match(IDS) ?? []) expect({ context, id, known: known.includes(id) }).toEqual({ context, id, known: true });
    }
  });
});
