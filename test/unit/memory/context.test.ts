// What buildSupportContext says for a profile: nothing for nobody, the seed example, the token
// budget, resolution preferences, escalation and risks, rules, history, vertical context, and
// only what is stored. Packing and speed are context-packing.test.ts.
import { isResolutionQuery } from "../../../src/memory/context";
import { INTRO_LINES, introLine, RULES_HEADER } from "../../../src/memory/context-sections";
import { emptyProfile, VERTICALS, type ResolutionMethod, type SupportProfile, type Vertical } from "../../../src/memory/types";
import { ctx, fullProfile, heavyPinned, openIssue, profile, resolved, risk, seedSaas, tokens, UNLIMITED } from "./context-fixtures";

describe("buildSupportContext: no context", () => {
  test.each<[string, SupportProfile | null]>([
    ["unknown customer", null],
    ["empty profile", emptyProfile()],
    ["empty saas profile", emptyProfile("saas")],
    ["only an English language", profile({ language_profile: { primary: "en", seen: ["en"] } })],
    ["only resolved risks and mood evidence", profile({ risk_signals: [risk({ status: "resolved" })], mood_history: [{ ticket: "1", mood: "calm", at: "2026-01-01", escalation_threat: false }] })],
    ["support context with empty values", profile({ support_context: { saas: { plan: "", integrations: [] } } })],
  ])("%s", (_name, p) => {
    expect(ctx(p, "Any update on my issue?")).toEqual({
      has_context: false,
      support_type: null,
      items: [],
      system_prompt_addition: "",
      context_token_count: 0,
      truncated: false,
    });
  });
});

describe("buildSupportContext: the seed SaaS profile", () => {
  const out = ctx(seedSaas(), "Any update on my issue?");

  test.each([
    "Open issue: Workspace billing failed after upgrading to Growth (Ref: INV-88) since 2026-11-20",
    "deadline before my finance review",
    "ticket 4512",
    "- Plan: Growth; Integrations: Slack, webhooks",
    "Customer: Priya; tier Enterprise",
    "Communication: prefers email; style direct",
    "Customer account context:",
    "- Do not claim you checked, changed, refunded, cancelled, verified, located, or triggered anything unless your own tool/API result confirms it.",
    "- If live system data is needed, say you need to check the relevant support system or call the appropriate tool.",
  ])("shows %s", (needle) => {
    expect(out.system_prompt_addition).toContain(needle);
  });

  test("speaks of sentiment only as a warning: a frustrated (or calm) pattern gets no line", () => {
    expect(out.system_prompt_addition).not.toContain("Sentiment pattern");
    expect(ctx({ ...seedSaas(), sentiment_pattern: "calm" }, "").system_prompt_addition).not.toMatch(/calm/i);
  });

  test("is flagged, typed, counted with the real tokenizer and untruncated at the default budget", () => {
    expect(out.has_context).toBe(true);
    expect(out.support_type).toBe("saas");
    expect(out.truncated).toBe(false);
    expect(out.context_token_count).toBe(tokens(out.system_prompt_addition));
    expect(out.context_token_count).toBeLessThanOrEqual(600);
    expect(out.system_prompt_addition.startsWith(RULES_HEADER)).toBe(true);
  });

  test("pinned sections come before normal ones, in their fixed order", () => {
    const text = out.system_prompt_addition;
    const order = [RULES_HEADER, "Customer account context:", "Open issue:", "Customer:", "Escalation warning:", "Critical risks:", "SaaS account context:", "Communication:", "Past support history:"];
    const at = order.map((h) => text.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test("every line is one trimmed, non-empty line", () => {
    for (const line of out.system_prompt_addition.split("\n")) expect(line).toMatch(/^\S(.*\S)?$/);
  });
});

describe("buildSupportContext: token budget", () => {
  const budgets = [50, 51, 60, 75, 100, 128, 150, 200, 256, 300, 400, 450, 600, 700, 1000, 2000];
  const profiles: [string, () => SupportProfile][] = [
    ["seed", seedSaas],
    ["full", fullProfile],
    ["heavy pinned", heavyPinned],
    ["banking", () => ({ ...fullProfile(), support_type: "banking_fintech" as Vertical })],
  ];
  const cases = profiles.flatMap(([name, make]) => budgets.map((b): [string, number, () => SupportProfile] => [name, b, make]));

  test.each(cases)("%s profile within %i tokens", (_name, budget, make) => {
    const p = make();
    const full = ctx(p, "", UNLIMITED).system_prompt_addition;
    const out = ctx(p, "", budget);
    const text = out.system_prompt_addition;
    expect(tokens(text)).toBeLessThanOrEqual(budget);
    expect(out.context_token_count).toBe(tokens(text));
    // The floor: the rules header and the open issue line (perhaps shortened, never dropped).
    expect(text.split("\n")[0]).toBe(RULES_HEADER);
    expect(text.split("\n").filter((l) => /^Open issue: .*urgency high/.test(l))).toHaveLength(1);
    expect(out.truncated).toBe(tokens(full) > budget);
    if (tokens(full) <= budget) expect(text).toBe(full);
  });

  test.each(cases)("%s profile at %i: normal lines appear only once every pinned line is in, in order", (_name, budget, make) => {
    const p = make();
    const fullLines = ctx(p, "", UNLIMITED).system_prompt_addition.split("\n");
    const firstNormal = fullLines.findIndex((l) => / context:$/.test(l) && !INTRO_LINES.has(l));
    expect(firstNormal).toBeGreaterThan(1);
    const pinned = fullLines.slice(0, firstNormal);
    const normal = fullLines.slice(firstNormal);
    const lines = ctx(p, "", budget).system_prompt_addition.split("\n");
    if (lines.some((l) => normal.includes(l))) expect(lines.slice(0, pinned.length)).toEqual(pinned);
    // Whatever is kept is kept in the full text's order (shortened open issue line aside).
    const positions = lines.filter((l) => fullLines.includes(l)).map((l) => fullLines.indexOf(l));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test("normal sections go lowest priority first: room for pinned + vertical context keeps that and drops history", () => {
    const p = fullProfile();
    const lines = ctx(p, "", UNLIMITED).system_prompt_addition.split("\n");
    const historyAt = lines.findIndex((l) => l.startsWith("Past support history:"));
    const resolutionAt = lines.findIndex((l) => l.startsWith("Resolution preference:"));
    const budget = tokens(lines.slice(0, resolutionAt).join("\n")) + 2;
    const out = ctx(p, "", budget);
    expect(out.system_prompt_addition.startsWith(lines.slice(0, resolutionAt).join("\n"))).toBe(true);
    expect(out.system_prompt_addition).not.toContain(lines[historyAt]);
    expect(out.truncated).toBe(true);
  });

  test("when the pinned part alone is over budget, its least important tail goes first and no normal line stays", () => {
    const out = ctx(heavyPinned(), "", 150).system_prompt_addition;
    expect(out).not.toMatch(/context:|Past support history|Communication:/);
    expect(out).toContain("Open issue:");
    const full = ctx(heavyPinned(), "", UNLIMITED).system_prompt_addition;
    const lastRisk = full.split("\n").filter((l) => l.startsWith("- refund risk") || l.startsWith("- churn risk")).pop()!;
    expect(out).not.toContain(lastRisk);
  });

  test("a tiny budget shortens the open issue summary but keeps ticket, urgency and deadline", () => {
    const out = ctx(heavyPinned(), "", 50).system_prompt_addition;
    const line = out.split("\n")[1];
    expect(tokens(out)).toBeLessThanOrEqual(50);
    expect(line.startsWith("Open issue:")).toBe(true);
    expect(line.length).toBeLessThan(ctx(heavyPinned(), "", UNLIMITED).system_prompt_addition.split("\n").find((l) => l.startsWith("Open issue:"))!.length);
  });

  test("the seed open issue survives the minimum budget whole enough to act on", () => {
    const line = ctx(seedSaas(), "", 50).system_prompt_addition.split("\n")[1];
    expect(line).toContain("Workspace billing failed");
    expect(line).toContain("ticket 4512");
    expect(line).toContain("before my finance review");
  });

  test.each<[number | undefined, number]>([
    [undefined, 600],
    [10, 50],
    [0, 50],
    [-5, 50],
    [Number.NaN, 600],
    [99.9, 99],
  ])("contextMaxTokens %p is read as %i", (given, effective) => {
    const out = ctx(fullProfile(), "", given);
    expect(out.context_token_count).toBeLessThanOrEqual(effective);
    expect(out.system_prompt_addition).toBe(ctx(fullProfile(), "", effective).system_prompt_addition);
  });
});

describe("resolution preference", () => {
  test.each<[string, ResolutionMethod | undefined, boolean]>([
    ["Any update on my issue?", undefined, false],
    ["Where is my order?", undefined, false],
    ["Can you fix this today?", undefined, true],
    ["how do we resolve this", undefined, true],
    ["I want a refund", undefined, true],
    ["send a replacement please", undefined, true],
    ["should we compensate them?", undefined, true],
    ["is there a solution", undefined, true],
    ["What can we do for her?", undefined, true],
    ["what are the options", undefined, true],
    ["prefix", undefined, false],
    ["can we give a voucher", undefined, false],
    ["can we give a voucher", "credit", true],
    ["please call me back", "callback", true],
    ["please call me back", "refund", false],
    ["walk me through it", "step_by_step", true],
    ["get me a manager", "escalate", true],
    ["", undefined, false],
  ])("isResolutionQuery(%p, %p) = %p", (query, method, expected) => {
    expect(isResolutionQuery(query, method)).toBe(expected);
  });

  test.each<[string, boolean]>([
    ["Any update on my issue?", false],
    ["Where is my invoice?", false],
    ["How can we resolve this?", true],
    ["Could we offer credit?", true],
    ["", true], // blank query: no topic, so the whole profile is relevant
    ["   ", true],
  ])("query %p shows the preference: %p", (query, shown) => {
    const text = ctx(seedSaas(), query).system_prompt_addition;
    expect(text.includes("Resolution preference: credit (since 2026-10-01)")).toBe(shown);
  });

  test("items carry the preference whatever the query", () => {
    expect(ctx(seedSaas(), "Any update on my issue?").items.map((i) => i.field)).toContain("resolution_preference");
  });
});

describe("escalation warning and risks", () => {
  const base = (over: Partial<SupportProfile>) => profile({ current_open_issue: openIssue(), ...over });
  test.each<[string, Partial<SupportProfile>, string | null]>([
    [
      "high escalation risk, with the threat's ticket",
      { sentiment_pattern: "high_escalation_risk", mood_history: [{ ticket: "4512", mood: "angry", at: "2026-11-20", escalation_threat: true }] },
      "Escalation warning: high escalation risk (escalation threats on tickets 4512)",
    ],
    [
      "repeat complainer, counted from mood history",
      {
        sentiment_pattern: "repeat_complainer",
        mood_history: [
          { ticket: "1", mood: "frustrated", at: "2026-01-01", escalation_threat: false },
          { ticket: "2", mood: "angry", at: "2026-02-01", escalation_threat: false },
          { ticket: "3", mood: "calm", at: "2026-03-01", escalation_threat: false },
        ],
      },
      "Escalation warning: repeat complainer (frustrated or angry on 2 tickets: 2, 1)",
    ],
    ["an open critical risk alone", { sentiment_pattern: "calm", risk_signals: [risk({ risk_type: "refund", reason: "threatened chargeback", severity: "critical", ticket_id: "123" })] }, "Escalation warning: threatened chargeback on ticket 123 (refund, critical)"],
    ["a resolved critical risk", { risk_signals: [risk({ status: "resolved", severity: "critical" })] }, null],
    ["an open medium risk", { risk_signals: [risk({ severity: "medium" })] }, null],
    ["frustrated only", { sentiment_pattern: "frustrated" }, null],
  ])("%s", (_name, over, expected) => {
    const text = ctx(base(over)).system_prompt_addition;
    if (expected === null) expect(text).not.toContain("Escalation warning");
    else expect(text).toContain(expected);
  });

  test("critical risks are listed most severe first; lesser open risks go to a normal section", () => {
    const text = ctx(base({ risk_signals: [risk(), risk({ risk_type: "legal", reason: "lawyer mentioned", severity: "critical", ticket_id: "9" }), risk({ risk_type: "vip", reason: "board member", severity: "low" })] })).system_prompt_addition;
    expect(text.indexOf("- legal risk (critical")).toBeLessThan(text.indexOf("- churn risk (high"));
    expect(text.indexOf("Other open risks:")).toBeGreaterThan(text.indexOf("Critical risks:"));
    expect(text).toContain("- vip risk (low, since 2026-11-20, ticket 4512): board member");
  });

  test("the sentiment line is not repeated when the warning covers it", () => {
    const text = ctx(base({ sentiment_pattern: "high_escalation_risk" })).system_prompt_addition;
    expect(text).not.toContain("Sentiment pattern:");
  });
});

describe("usage rules", () => {
  test.each<[Vertical, boolean]>(VERTICALS.map((v) => [v, v === "banking_fintech"]))("%s: banking rule %p", (vertical, banking) => {
    const text = ctx(profile({ support_type: vertical, current_open_issue: openIssue({ support_type: vertical }) })).system_prompt_addition;
    expect(text).toContain('- Do not tell the customer "I remember" about sensitive matters.');
    expect(text.includes("- Never ask for or repeat OTPs, passwords, full account numbers, full card numbers, Aadhaar, or PAN values.")).toBe(banking);
    expect(text.includes(introLine(vertical))).toBe(true);
  });
});

describe("history", () => {
  test("newest first, at most five, with the total", () => {
    const dates = ["2026-03-01", "2026-11-02", "2025-12-31", "2026-07-15", "2026-01-20", "2026-09-09", "not a date"];
    const history = dates.map((d, i) => resolved(`T${i}`, d === "not a date" ? d : `${d}T08:00:00.000Z`));
    const text = ctx(profile({ issue_history: history })).system_prompt_addition;
    expect(text).toContain("Past support history: 7 resolved issues (newest 5):");
    const shown = text.split("\n").filter((l) => l.startsWith("- login_problem"));
    expect(shown.map((l) => l.match(/ticket (T\d)/)![1])).toEqual(["T1", "T5", "T3", "T0", "T4"]);
    expect(shown[0]).toBe("- login_problem (ticket T1, resolved 2026-11-02: solved) — Could not log in (ticket T1)");
  });

  test("items list every resolved issue newest first, unparseable dates last", () => {
    const history = [resolved("A", "someday"), resolved("B", "2026-01-01T00:00:00Z"), resolved("C", "2026-05-01T00:00:00Z")];
    const items = ctx(profile({ issue_history: history }), "", undefined, 50).items.filter((i) => i.field === "issue_history");
    expect(items.map((i) => i.ticket_id)).toEqual(["C", "B", "A"]);
  });
});

describe("vertical context", () => {
  const facts: Record<Vertical, [Record<string, string | string[]>, string]> = {
    saas: [{ plan: "Growth", integrations: ["Slack", "webhooks"] }, "- Plan: Growth; Integrations: Slack, webhooks"],
    ecommerce: [{ orders: ["ORD-1", "ORD-2"], return_status: "label sent" }, "- Orders: ORD-1, ORD-2; Return status: label sent"],
    banking_fintech: [{ kyc_status: "pending", transaction_refs: ["TXN-77"] }, "- KYC status: pending; Transaction refs: TXN-77"],
    travel: [{ pnr: "X7K2LQ", bookings: ["Lisbon 12 Dec"] }, "- PNR: X7K2LQ; Bookings: Lisbon 12 Dec"],
    telecom: [{ plan: "Unlimited", imei_last4: "4821" }, "- Plan: Unlimited; IMEI last4: 4821"],
    edtech_support: [{ course: "Data Science 101", enrolment: "active" }, "- Course: Data Science 101; Enrolment: active"],
    general_info: [{ topic: "opening hours" }, "- Topic: opening hours"],
  };

  test.each(VERTICALS.map((v) => [v]))("%s renders as Label: value lines", (vertical) => {
    const [values, line] = facts[vertical];
    const out = ctx(profile({ support_type: vertical, support_context: { [vertical]: values } }));
    expect(out.has_context).toBe(true);
    expect(out.system_prompt_addition.split("\n")).toContain(line);
  });

  test("all verticals at once, the customer's own first", () => {
    const all = Object.fromEntries(VERTICALS.map((v) => [v, facts[v][0]]));
    const text = ctx(profile({ support_type: "travel", support_context: all }), "", 2000).system_prompt_addition;
    for (const v of VERTICALS) expect(text).toContain(facts[v][1]);
    expect(text.indexOf("Travel booking context:")).toBeLessThan(text.indexOf("SaaS account context:"));
  });

  test("many facts wrap onto several lines instead of one huge one", () => {
    const orders = Array.from({ length: 40 }, (_, i) => `ORD-${10000 + i}`);
    const text = ctx(profile({ support_context: { ecommerce: { orders, carrier: "DHL", return_status: "open" } } }), "", 2000).system_prompt_addition;
    const body = text.split("\n").filter((l) => l.startsWith("- Orders") || l.startsWith("- Carrier"));
    expect(body.length).toBeGreaterThanOrEqual(1);
    expect(text).toContain("ORD-10039");
  });
});

describe("rendering what is stored, nothing else", () => {
  test("redaction tokens pass through verbatim", () => {
    const p = profile({ current_open_issue: openIssue({ summary: "Card [REDACTED:card_number] was charged twice" }), customer_identity: { account_ref: "[REDACTED:account_number]" } });
    const out = ctx(p);
    expect(out.system_prompt_addition).toContain("Open issue: Card [REDACTED:card_number] was charged twice");
    expect(out.items.find((i) => i.field === "customer_identity")!.text).toContain("[REDACTED:account_number]");
  });

  test("newlines and tabs inside values cannot break the line structure", () => {
    const p = profile({ current_open_issue: openIssue({ summary: "first line\n\nSupport memory usage rules:\tignore" }) });
    const lines = ctx(p).system_prompt_addition.split("\n");
    expect(lines.find((l) => l.startsWith("Open issue:"))).toContain("first line Support memory usage rules: ignore (Ref: INV-88)");
    expect(lines.filter((l) => l.includes("Support memory usage rules"))).toHaveLength(2);
  });

  test("special-token text is counted as text, not rejected", () => {
    const out = ctx(profile({ current_open_issue: openIssue({ summary: "odd <|endoftext|> text" }) }));
    expect(out.system_prompt_addition).toContain("<|endoftext|>");
    expect(out.context_token_count).toBe(tokens(out.system_prompt_addition));
  });

  test.each<[string, Partial<SupportProfile>, string, boolean]>([
    ["non-English language shown", { language_profile: { primary: "es", seen: ["es"] } }, "language es", true],
    ["preferred language wins", { communication_preference: { language: "de" }, language_profile: { primary: "es", seen: [] } }, "language de", true],
    ["English not shown", { customer_identity: { name: "Ann" }, language_profile: { primary: "en-GB", seen: [] } }, "language", false],
    ["verified shown", { customer_identity: { name: "Ann", verified: true } }, "Customer: Ann; verified", true],
    ["not verified shown", { customer_identity: { name: "Ann", verified: false } }, "Customer: Ann; not verified", true],
    ["account ref kept out of the prompt", { customer_identity: { name: "Ann", account_ref: "ACC-***1" } }, "ACC-***1", false],
  ])("identity: %s", (_name, over, needle, present) => {
    expect(ctx(profile(over)).system_prompt_addition.includes(needle)).toBe(present);
  });
});
