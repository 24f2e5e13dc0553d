import { recordBudget } from "../../../src/pipeline/intake/receive";

describe("recordBudget", () => {
  it("allows perMinute at once, then refills continuously, per key", () => {
    let t = 0;
    const budget = recordBudget(3, () => t);
    expect([1, 2, 3, 4].map(() => budget.take("intercom"))).toEqual([true, true, true, false]);
    expect(budget.take("crisp")).toBe(true);
    t = 20_000; // a third of a minute: one more
    expect([budget.take("intercom"), budget.take("intercom")]).toEqual([true, false]);
    t = 10 * 60_000; // never more than perMinute saved up
    expect([1, 2, 3, 4].map(() => budget.take("intercom"))).toEqual([true, true, true, false]);
  });

  it("shares one bucket among keys beyond maxKeys, so distinct keys cannot multiply the budget", () => {
    const budget = recordBudget(2, () => 0, 1);
    expect(budget.take("a")).toBe(true);
    expect([budget.take("b"), budget.take("c"), budget.take("d")]).toEqual([true, true, false]);
  });
});
