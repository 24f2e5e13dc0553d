// The rule scan skips a rule when none of the strings its expression cannot match without is
// in the message. Skipping must never drop a hit: checked on every rule over the bench corpus
// and the regression sets, and on expressions built to trip a careless reading.
import { ISSUE_RULES, ruleRequiredText } from "../../../src/memory/extract/issue-rules";
import { GUARDED } from "../../../src/memory/extract/sentiment";
import { prepareMessage } from "../../../src/memory/extract/issue";
import { RequiredTextIndex, requiredText, requiredTextGuard } from "../../../src/memory/required-text";
import { customerMessages } from "../../../bench/lib/corpus";
import { createRng } from "../../../bench/lib/rng";
import { HELD_OUT } from "./extract/held-out";
import { HELD_OUT_2 } from "./extract/held-out-2";
import { HELD_OUT_3 } from "./extract/held-out-3";

/** 1,500 generated messages and the regression sets' texts. */
const scannedTexts = (seed: number): string[] => [
  ...customerMessages(1500, createRng(seed)).map((m) => m.text),
  ...HELD_OUT.map((h) => h.text),
  ...HELD_OUT_2.map((h) => h.text),
  ...HELD_OUT_3.flatMap((c) => c.messages),
];

describe("requiredText", () => {
  it.each([
    [/\bfoo(?:bar|baz)\b/, ["foobar", "foobaz"]],
    [/a?bcd/, ["bcd"]],
    [/authori[sz]ed/, ["authorised", "authorized"]],
    [/\b(?:lost|missing)\b[^.]{0,40}\bbags?\b/, ["lost", "missing"]],
    [/(?:refund)+ now|cancel(?=led)/, ["refund", "cancel"]],
    [/it'?s broken/, ["s broken"]],
    [/pa\.?y/, null],
    // of two parts, the one whose strings hold more than spaces: "spa" is rarer than "my "
    [/\b(?:my|our) (?:hotel )?(?:spa|pool|lobby)\b/, ["spa", "pool", "lobby"]],
    // a class of a few plain characters, and escapes of one character
    [/[Nn]\.[Ii]\. number/, ["N.I. number", "N.i. number", "n.I. number", "n.i. number"]],
    [/\u00e9t\u00e9/, ["\u00e9t\u00e9"]],
  ])("%s needs one of %j", (re, expected) => {
    expect(requiredText(re)).toEqual(expected);
  });

  it.each([/x*/, /\d+ items/i, /(abc)\1/, /\w+/, /[^a]bc/, /(?:abc|d)/, /ab|/, /a{0,3}/, new RegExp("\\p{L}bc")])("%s: nothing required is told (null)", (re) => {
    expect(requiredText(re)).toBeNull();
  });
});

describe("RequiredTextIndex", () => {
  it("finds overlapping and nested strings in one pass", () => {
    const index = new RequiredTextIndex([["he"], ["she"], ["hers"], ["his"], null, ["xyz"]]);
    expect([...index.mayMatch("ushers")]).toEqual([1, 1, 1, 0, 1, 0]);
    expect([...index.mayMatch("ahishe")]).toEqual([1, 1, 0, 1, 1, 0]);
    expect([...index.mayMatch("")]).toEqual([0, 0, 0, 0, 1, 0]);
  });

  it("never rules out a rule that fires in a sentence of the message", () => {
    const index = new RequiredTextIndex(ISSUE_RULES.map((r) => requiredText(r.any)));
    const texts = scannedTexts(77);
    let fired = 0;
    let skipped = 0;
    for (const text of texts) {
      const m = prepareMessage({ content: text, index: 0 });
      const may = index.mayMatch(m.folded);
      ISSUE_RULES.forEach((rule, r) => {
        const fires = m.sentences.some((s) => rule.any.test(s.folded));
        if (fires) {
          fired++;
          expect({ rule: rule.type, text, may: may[r] }).toEqual({ rule: rule.type, text, may: 1 });
        } else if (may[r] === 0) skipped++;
      });
    }
    expect(fired).toBeGreaterThan(1000);
    // the point of it: most rules are skipped on most messages
    expect(skipped / (texts.length * ISSUE_RULES.length)).toBeGreaterThan(0.5);
  });
});

describe("RequiredTextIndex per sentence", () => {
  it("tells each part of a text the strings found in it, a string crossing into a part counting there", () => {
    const index = new RequiredTextIndex([["lost"], ["bag"], null]);
    //            0         1         2
    //            0123456789012345678901234
    const text = "my bag. it is lost. ba" + "g";
    const may = index.mayMatchEach(text, [0, 8, 20]);
    expect([...may]).toEqual([0, 1, 1, 1, 0, 1, 0, 1, 1]);
    expect([...index.mayMatchEach("lost", [])]).toEqual([]);
  });

  it("never rules out a rule in a sentence it fires in (its any, and its with read in the sentence)", () => {
    const n = ISSUE_RULES.length;
    const index = new RequiredTextIndex(ISSUE_RULES.map(ruleRequiredText));
    const texts = scannedTexts(78);
    let fired = 0;
    let runs = 0;
    for (const text of texts) {
      const m = prepareMessage({ content: text, index: 0 });
      const may = index.mayMatchEach(m.folded, m.sentences.map((s) => s.start));
      m.sentences.forEach((s, si) => {
        ISSUE_RULES.forEach((rule, r) => {
          runs += may[si * n + r]!;
          const fires = rule.any.test(s.folded) && (!rule.with || rule.withScope === "message" || rule.with.test(s.folded));
          if (!fires) return;
          fired++;
          expect({ rule: rule.type, sentence: s.text, may: may[si * n + r] }).toEqual({ rule: rule.type, sentence: s.text, may: 1 });
        });
      });
    }
    expect(fired).toBeGreaterThan(1000);
    // the point of it: few rules run in each sentence
    expect(runs / texts.length).toBeLessThan(12);
  });
});

it("never rules out a mood or threat expression on a message it matches", () => {
  const sets = GUARDED.map((re) => requiredText(new RegExp(re.source)));
  expect(sets.filter((s) => s !== null).length).toBeGreaterThanOrEqual(GUARDED.length - 1);
  const index = new RequiredTextIndex(sets);
  const texts = [
    ...customerMessages(1500, createRng(79)).map((m) => m.text),
    ...HELD_OUT.map((h) => h.text),
    ...HELD_OUT_3.flatMap((c) => c.messages),
    "I'm furious, this is the worst service. I'll go to the ombudsman and post it on twitter, then switch to Airtel.",
    "Thanks a lot, much appreciated! I will file a chargeback and talk to my lawyer if not.",
  ];
  let matched = 0;
  for (const text of texts) {
    const folded = prepareMessage({ content: text, index: 0 }).folded;
    const may = index.mayMatch(folded);
    GUARDED.forEach((re, i) => {
      if (!new RegExp(re.source).test(folded)) return;
      matched++;
      expect({ re: re.source.slice(0, 40), text, may: may[i] }).toEqual({ re: re.source.slice(0, 40), text, may: 1 });
    });
  }
  expect(matched).toBeGreaterThan(300);
});

it("a guard is false only where its expression cannot match, and true where nothing required can be told", () => {
  const resolved = /\b(?:it'?s|it is) (?:working|fixed) (?:now|again)\b|\bnever ?mind\b/g;
  const may = requiredTextGuard(resolved);
  expect(may("thanks, it's working now")).toBe(true);
  expect(may("nevermind, found it")).toBe(true);
  expect(may("my parcel has not arrived")).toBe(false);
  // case-insensitive or unicode expressions are not guarded: their strings are not what they match
  expect(requiredTextGuard(/refund/i)("REFUND")).toBe(true);
  expect(requiredTextGuard(/[a-z]+ly/)("")).toBe(true);
  // on generated messages, the guard never answers false where the expression matches
  const rng = createRng(80);
  for (const m of customerMessages(500, rng)) {
    const folded = prepareMessage({ content: m.text, index: 0 }).folded;
    resolved.lastIndex = 0;
    if (resolved.test(folded)) expect(may(folded)).toBe(true);
  }
});
