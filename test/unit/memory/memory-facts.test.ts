// The profile as single facts: every fact listed can be removed by its locator, removing it
// takes that fact and nothing else, and ids round-trip.
import { decodeMemoryId, encodeMemoryId, listFacts, removeFact } from "../../../src/memory/memory-facts";
import type { SupportProfile } from "../../../src/memory/types";
import { fullProfile, heavyPinned, seedSaas } from "./context-fixtures";

const PROFILES: [string, () => SupportProfile][] = [
  ["seed", seedSaas],
  ["full", fullProfile],
  ["heavy pinned", heavyPinned],
];

describe("listFacts / removeFact", () => {
  test.each(PROFILES)("%s: locators are unique and each removal takes exactly that fact", (_name, make) => {
    const p = make();
    const facts = listFacts(p);
    expect(facts.length).toBeGreaterThan(3);
    const locators = facts.map((f) => f.locator);
    expect(new Set(locators).size).toBe(locators.length);
    for (const f of facts) {
      const r = removeFact(p, f.locator);
      expect(r).not.toBeNull();
      const left = listFacts(r!.profile).map((x) => x.locator);
      // one fact goes, every other stays
      expect(left.length).toBe(facts.length - 1);
      // a key shared by several facts (numbered #2, #3...) passes to the next one; a unique one is gone
      const shared = locators.some((l) => l !== f.locator && l.replace(/#\d+$/, "") === f.locator.replace(/#\d+$/, ""));
      if (!shared) {
        expect(left).not.toContain(f.locator);
        expect(removeFact(r!.profile, f.locator)).toBeNull();
      }
    }
    // the input is never changed
    expect(listFacts(p).map((f) => f.locator)).toEqual(locators);
  });

  test("removing the current open issue promotes the next one", () => {
    const p = fullProfile();
    const current = listFacts(p).find((f) => f.content.startsWith("Open issue:"))!;
    const others = p.other_open_issues.length;
    const r = removeFact(p, current.locator)!;
    if (others > 0) expect(r.profile.current_open_issue).toEqual(p.other_open_issues[0]);
    else expect(r.profile.current_open_issue).toBeNull();
  });

  test("pinned facts come first, in the prompt's order of importance", () => {
    const facts = listFacts(heavyPinned());
    const firstNormal = facts.findIndex((f) => !f.pinned);
    expect(facts.slice(firstNormal).every((f) => !f.pinned)).toBe(true);
    expect(facts[0].content).toMatch(/^Open issue:/);
  });

  test.each(["nope", "open_issue:1999-01-01", "support_context.saas.missing", "customer_identity.nothing", "risk:fraud|never"])("an unknown locator %s removes nothing", (locator) => {
    expect(removeFact(seedSaas(), locator)).toBeNull();
  });
});

describe("memory ids", () => {
  test.each([
    ["cust_8a72", "shared", "support_context.saas.plan"],
    ["zd_acme_511", "agent:bot", "open_issue:2026-11-20T09:00:00.000Z"],
    ["ünïcode / id?&#", "shared", "risk:churn|2026-01-01"],
  ])("round-trip %s %s %s", (user, scope, locator) => {
    const id = encodeMemoryId(user, scope, locator);
    expect(id).toMatch(/^mem_[A-Za-z0-9_-]+$/);
    expect(decodeMemoryId(id)).toEqual({ externalUserId: user, agentScope: scope, locator });
  });

  test.each(["", "mem_", "mem_!!!", "abc", `mem_${Buffer.from("[1,2,3]").toString("base64url")}`, `mem_${Buffer.from('["a","b"]').toString("base64url")}`])("%j is not an id", (id) => {
    expect(decodeMemoryId(id)).toBeNull();
  });
});
