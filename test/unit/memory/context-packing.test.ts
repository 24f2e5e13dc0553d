// How the context is cut to its budget: the items it is made of, token counting and
// truncation, and speed. What the context says is context.test.ts.
import { packSections, truncateToTokens, type PackSection } from "../../../src/memory/tokens";
import { ctx, fullProfile, seedSaas, tokens, UNLIMITED } from "./context-fixtures";

describe("items", () => {
  const total = ctx(fullProfile(), "", undefined, 1000).items.length;

  test.each<[number | undefined, number]>([
    [undefined, 10],
    [0, 0],
    [1, 1],
    [3, 3],
    [10, 10],
    [1000, total],
    [-2, 0],
  ])("limit %p gives %i items", (limit, expected) => {
    expect(ctx(fullProfile(), "", undefined, limit).items).toHaveLength(expected);
  });

  test("pinned first, open issue first, with ticket and update time", () => {
    const items = ctx(fullProfile(), "", undefined, 1000).items;
    expect(total).toBeGreaterThan(10);
    const firstNormal = items.findIndex((i) => !i.pinned);
    expect(items.slice(firstNormal).every((i) => !i.pinned)).toBe(true);
    expect(items[0]).toEqual({ field: "current_open_issue", text: expect.stringContaining("Workspace billing failed"), pinned: true, updated_at: "2026-11-21T09:00:00.000Z", ticket_id: "4512" });
    expect(items.filter((i) => i.field === "risk_signals" && i.pinned).map((i) => i.ticket_id)).toEqual(["123", "4512"]);
    expect(items.find((i) => i.field === "support_context.saas")!.text).toContain("Plan: Growth; Workspace: acme-eu; Integrations: Slack, webhooks");
  });

  test("a profile with context but limit 0 still has context", () => {
    const out = ctx(seedSaas(), "", undefined, 0);
    expect(out.has_context).toBe(true);
    expect(out.items).toEqual([]);
    expect(out.system_prompt_addition).not.toBe("");
  });
});

describe("tokens", () => {
  test.each<[string, number]>([
    ["Workspace billing failed after upgrading to Growth and nobody answered", 6],
    ["日本語のテキストはマルチバイトです、切るときに壊れてはいけない", 5],
    ["emoji 😀😀😀😀😀😀😀😀😀😀😀 text", 4],
    ["short", 10],
  ])("truncateToTokens(%p, %i) fits, never leaves a broken character", (text, max) => {
    const out = truncateToTokens(text, max);
    expect(tokens(out)).toBeLessThanOrEqual(max);
    expect(out).not.toContain("\uFFFD");
    if (tokens(text) <= max) expect(out).toBe(text);
    else expect(out.endsWith("…")).toBe(true);
  });

  test("packSections: line costs bound the joined count, for lines ending in letters, digits and punctuation", () => {
    const lines = ["Header:", "- a line ending in a digit 42", "- one ending in punctuation!?", "(parenthesised)", "Plain words", "“quoted”", "x"];
    const sections: PackSection[] = [{ name: "s", pinned: false, lines: lines.map((text) => ({ text })), headerLines: 1, keepLines: 0 }];
    for (let budget = 1; budget <= 60; budget++) {
      const out = packSections(sections, budget);
      expect(out.tokens).toBe(tokens(out.text));
      expect(out.tokens).toBeLessThanOrEqual(budget);
      if (out.text !== "") expect(out.text.startsWith("Header:\n")).toBe(true); // never a header alone
    }
  });
});

describe("performance", () => {
  // A guard against accidental quadratic packing, not a measurement (that is `npm run bench -- memory`):
  // ~0.3 ms a call here, so the bound leaves room for a loaded CI machine.
  test("2,000 contexts of a full profile at 700 tokens take under 10 s after warm-up", () => {
    const p = fullProfile();
    expect(tokens(ctx(p, "", UNLIMITED).system_prompt_addition)).toBeGreaterThan(700); // the budget must cut
    for (let i = 0; i < 100; i++) ctx(p, "what can we do?", 700);
    const started = process.hrtime.bigint();
    for (let i = 0; i < 2000; i++) ctx(p, "what can we do?", 700);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(ms).toBeLessThan(10_000);
  });
});
