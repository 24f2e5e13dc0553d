// A pair guard lets the redactor skip an expression on a text it cannot match. A wrong "cannot"
// would let a secret through, so every guard the redactor makes is checked against its own
// expression over the bench corpus, the redaction probes and the extraction fixtures, and on
// texts built to trip the reading of cases and flags.
import fs from "node:fs";
import path from "node:path";
import { GUARDED_EXPRESSIONS, mayMatch, pairGuard } from "../../../src/memory/pair-guard";
import { redactText } from "../../../src/memory/redact";
import { customerMessages } from "../../../bench/lib/corpus";
import { createRng } from "../../../bench/lib/rng";

const FIXTURES = path.join(__dirname, "../../fixtures");

/** Every string of a JSON fixture (probe messages, helpdesk payloads, extraction cases). */
function stringsIn(value: unknown, out: string[]): void {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) stringsIn(v, out);
}

function fixtureTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".json")) stringsIn(JSON.parse(fs.readFileSync(p, "utf8")), out);
    }
  };
  walk(FIXTURES);
  return out.filter((t) => t.length > 3);
}

/** The expression run once from the start of the text, whatever its flags. */
const matches = (re: RegExp, text: string): boolean => new RegExp(re.source, re.flags.replace(/[gy]/g, "")).test(text);

describe("pair guards", () => {
  const texts = [...customerMessages(1500, createRng(99)).map((m) => m.text), ...fixtureTexts()];

  it("never rule out an expression of the redactor on a text it matches", () => {
    for (const t of texts) redactText(t);
    const made = GUARDED_EXPRESSIONS.length;
    expect(made).toBeGreaterThan(50);
    let ruledOut = 0;
    let runs = 0;
    for (const text of texts) {
      for (const re of GUARDED_EXPRESSIONS) {
        runs++;
        if (mayMatch(re, text)) continue;
        ruledOut++;
        if (matches(re, text)) expect({ re: String(re), text, may: false }).toEqual({ re: String(re), text, may: true });
      }
    }
    // the point of it: most expressions are skipped on most texts
    expect(ruledOut / runs).toBeGreaterThan(0.5);
    // guards are made once per expression, not once per call (an expression written inside a function)
    for (const t of texts.slice(0, 200)) redactText(t);
    expect(GUARDED_EXPRESSIONS.length).toBe(made);
  });

  it.each([
    // the i flag, with and without u: characters the expression takes for one another
    [/kelvin/iu, "5 \u212Aelvin"],
    [/password/iu, "PA\u017FSWORD"],
    [/σοφία/i, "ΣΟΦΊΑ".normalize("NFC").replace("Ί", "ί")],
    [/straße/iu, "STRA\u1E9EE"],
    [/ñu/i, "ÑU"],
    // capitals told apart: only the written case is looked for
    [/\bSIN\b/, "my SIN is"],
    [/[Nn]\.[Ii]\.[Ee]\./, "mi N.I.E. es"],
    // escapes
    [/\u00e9t\u00e9/, "été"],
    [/\p{L}+ card/u, "gift card"],
    [/\x41BC/, "xABC"],
    [/wi-?fi/i, "WIFI"],
  ])("%s may match %j", (re, text) => {
    expect(matches(re, text)).toBe(true);
    expect(pairGuard(re)(text)).toBe(true);
  });

  it.each([
    [/gift\s*card|voucher/i, "where is my order?"],
    [/\bSIN\b/, "since when"],
    [/passport|паспорт/i, "my bag is lost"],
  ])("%s cannot match %j", (re, text) => {
    expect(pairGuard(re)(text)).toBe(false);
  });

  it("is always true where nothing required can be told", () => {
    expect(pairGuard(/\d{4}/)("no digits")).toBe(true);
    expect(pairGuard(/(a)\1/)("xyz")).toBe(true);
  });
});
