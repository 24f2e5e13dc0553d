import { countTokens } from "gpt-tokenizer/encoding/cl100k_base";
import { countJoinedTokens, truncateToTokens } from "../../../src/memory/tokens";

// The real tokenizer on the whole string, independent of the code under test.
const tokens = (text: string): number => countTokens(text, { disallowedSpecial: new Set<string>() });

const LINES = [
  "Support memory usage rules (remembered from past conversations, not live account data):",
  "- Verify order, billing and account status in live systems before promising anything.",
  'Open issue: Workspace billing failed (Ref: INV-88) since 2026-11-20, urgency high, ticket 4512',
  "Customer: Priya; tier Enterprise; language es",
  "Escalation warning: high escalation risk (escalation threats on tickets 4512, 4513).",
  "- 12345",
  "67890",
  "'s what they said'",
  "it's",
  "…",
  "Ref: ORD-44821…",
  "Kunde: Müller, Straße 5; 東京 の 注文 12",
  "emoji 🙂🙂 then text",
  "<|endoftext|> in a summary",
  "a",
  "!!",
  "?",
  "- [REDACTED_CARD] charged twice",
  "tab\tinside and  two spaces inside",
];

describe("countJoinedTokens", () => {
  it("equals the tokenizer's count of the joined text for every pair and for all lines", () => {
    for (const a of LINES) for (const b of LINES) expect(countJoinedTokens([a, b])).toBe(tokens(`${a}\n${b}`));
    expect(countJoinedTokens(LINES)).toBe(tokens(LINES.join("\n")));
    expect(countJoinedTokens([...LINES].reverse())).toBe(tokens([...LINES].reverse().join("\n")));
  });

  it("is the same on a second call (memoised) and for lines it does not keep", () => {
    const long = "word ".repeat(1_000).trim();
    for (let i = 0; i < 3; i++) {
      expect(countJoinedTokens(LINES)).toBe(tokens(LINES.join("\n")));
      expect(countJoinedTokens([long, LINES[0]!, long])).toBe(tokens([long, LINES[0]!, long].join("\n")));
    }
  });

  it("counts lines with edge whitespace or line breaks as a whole", () => {
    const odd = [" leading space", "trailing space ", "two\nlines", "cr\rline", "\u00a0nbsp", "end", ""];
    for (const a of odd) for (const b of odd) expect(countJoinedTokens([a, b])).toBe(tokens(`${a}\n${b}`));
    expect(countJoinedTokens([])).toBe(0);
    expect(countJoinedTokens(["only"])).toBe(tokens("only"));
  });
});

describe("truncateToTokens", () => {
  it("keeps a text that fits and cuts one that does not, within the budget", () => {
    expect(truncateToTokens("short text", 10)).toBe("short text");
    const cut = truncateToTokens(LINES.join(" "), 12);
    expect(cut.endsWith("…")).toBe(true);
    expect(tokens(cut)).toBeLessThanOrEqual(12);
    expect(truncateToTokens("anything", 0)).toBe("");
  });
});
