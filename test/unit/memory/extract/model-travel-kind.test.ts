// Travel's own kind head: the shipped model has it, the extractor reads it only where it routed a
// message to travel, and there it reads the mean of the two kind heads' distributions.
import { shippedModel } from "../../../../src/memory/extract/model/linear";
import { adviceForVertical, adviseFromModel, modelKind, type ModelAdvice } from "../../../../src/memory/extract/model/advice";
import type { Vertical } from "../../../../src/memory/types";

/** Advice whose kind head is `main` and whose travel kind head is `travel` (class → probability). */
function advice(main: Record<string, number>, travel: Record<string, number>): ModelAdvice {
  const only = (classes: string[]) => classes.map(() => null as Vertical | null);
  const verticals = { card_blocked: ["banking_fintech"], booking_change: ["travel"], general_question: ["banking_fintech", "travel"] };
  const mainClasses = Object.keys(main);
  const travelClasses = Object.keys(travel);
  const best = (p: Record<string, number>) => Object.entries(p).sort((a, b) => b[1] - a[1])[0]!;
  return {
    vertical: { label: "travel", probability: 0.9 },
    verticals: { classes: ["travel"], probabilities: Float64Array.from([0.9]) },
    kind: { kind: best(main)[0], probability: best(main)[1], verticals: verticals[best(main)[0] as keyof typeof verticals] },
    kinds: { classes: mainClasses, probabilities: Float64Array.from(Object.values(main)), verticals, onlyVertical: only(mainClasses) },
    byVertical: { travel: { classes: travelClasses, probabilities: Float64Array.from(Object.values(travel)) } },
    english: true,
  };
}

describe("travel's kind head", () => {
  it("ships with the model, learned from fewer kinds than the kind head, all of them the kind head's too", () => {
    const model = shippedModel();
    const travel = model.classes("kind:travel");
    expect(travel.length).toBeGreaterThan(5);
    expect(travel.length).toBeLessThan(model.classes("kind").length);
    for (const k of travel) expect(model.classes("kind")).toContain(k);
    const a = adviseFromModel("Can I move my booking to the 14th?")!;
    expect(Object.keys(a.byVertical)).toEqual(["travel"]);
  });

  it("is read only where the message was routed to travel", () => {
    const a = advice({ card_blocked: 0.7, booking_change: 0.2, general_question: 0.1 }, { booking_change: 0.9, general_question: 0.1 });
    expect(adviceForVertical(a, "banking_fintech")).toBe(a);
    expect(adviceForVertical(null, "travel")).toBeNull();
    expect(modelKind(a, "banking_fintech", 0.5)).toBe("card_blocked");
  });

  it("is mixed half and half with the kind head, so the mean of the two decides", () => {
    const a = advice({ card_blocked: 0.7, booking_change: 0.2, general_question: 0.1 }, { booking_change: 0.9, general_question: 0.1 });
    const mixed = adviceForVertical(a, "travel")!;
    expect(mixed.kind.kind).toBe("booking_change");
    expect(mixed.kind.probability).toBeCloseTo(0.55);
    const p = [...mixed.kinds.probabilities];
    expect(p.reduce((x, y) => x + y, 0)).toBeCloseTo(1);
    expect(p[mixed.kinds.classes.indexOf("card_blocked")]).toBeCloseTo(0.35);
    expect(modelKind(mixed, "travel", 0.5)).toBe("booking_change");
    // a kind head far surer than the travel head keeps its kind
    const sure = adviceForVertical(advice({ card_blocked: 0.02, booking_change: 0.03, general_question: 0.95 }, { booking_change: 0.6, general_question: 0.4 }), "travel")!;
    expect(sure.kind.kind).toBe("general_question");
  });
});
