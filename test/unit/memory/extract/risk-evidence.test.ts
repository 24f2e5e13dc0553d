// Evidence quotes: whatever the sentence, the quote holds the whole phrase found, starts and
// ends on whole words of the customer's text, and fits its length.
import { clauseAround, MAX_QUOTE, shortened } from "../../../../src/memory/extract/risk-evidence";

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = "the invoice was wrong again and nobody has called me back since last week about my account or the refund".split(" ");
const PHRASES = ["I will go to the banking ombudsman", "we will cancel our subscription", "I'll post this on Twitter", "my lawyer will hear about this"];
const SEPARATORS = [", ", "; ", " - ", " ", " ", " and "];

describe("clauseAround", () => {
  const next = rng(20261202);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const filler = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");

  it("quotes the whole phrase on word boundaries, within its length, for generated sentences", () => {
    for (let i = 0; i < 400; i++) {
      const phrase = pick(PHRASES);
      const before = filler(Math.floor(next() * 40));
      const after = filler(Math.floor(next() * 40));
      const text = `Hello there. ${before}${before ? pick(SEPARATORS) : ""}${phrase}${after ? pick(SEPARATORS) : ""}${after}. Thanks, Sam`;
      const start = text.indexOf(phrase);
      const quote = clauseAround(text, start, start + phrase.length);
      const words = quote.replace(/^… | …$/g, "");
      expect(quote).toContain(phrase);
      expect(quote.length).toBeLessThanOrEqual(MAX_QUOTE + 4);
      expect(text.replace(/\s+/g, " ")).toContain(words);
      // never a cut word: the quote's first and last words are whole words of the text
      const tokens = text.split(/[\s,;.]+/);
      expect(tokens).toContain(words.split(" ")[0]!.replace(/[,;.]$/, ""));
      expect(tokens).toContain(words.split(" ").at(-1)!.replace(/[,;.]$/, ""));
      expect(quote).not.toMatch(/Hello there|Thanks, Sam/);
    }
  });

  it("quotes a short sentence whole", () => {
    const text = "Hi. If this is not fixed by Friday, I will go to the banking ombudsman! Bye";
    const at = text.indexOf("banking ombudsman");
    expect(clauseAround(text, at, at + "banking ombudsman".length)).toBe("If this is not fixed by Friday, I will go to the banking ombudsman");
  });
});

describe("shortened", () => {
  it("cuts long text at a clause or a word, never mid-word, and marks the cut", () => {
    const next = rng(7);
    for (let i = 0; i < 200; i++) {
      const text = Array.from({ length: 10 + Math.floor(next() * 60) }, () => WORDS[Math.floor(next() * WORDS.length)]).join(next() < 0.5 ? " " : ", ");
      const max = 40 + Math.floor(next() * 100);
      const out = shortened(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      if (text.length <= max) expect(out).toBe(text);
      else {
        expect(out.endsWith("…")).toBe(true);
        const kept = out.slice(0, -1).split(/[ ,]+/).filter(Boolean);
        expect(text.split(/[ ,]+/).slice(0, kept.length)).toEqual(kept);
      }
    }
  });
});
