// A regression set from an outside probe of redaction (test/fixtures/redaction): 520 customer
// messages with 688 planted secrets in every class and language the helper who wrote them could
// think of, and 186 that must come back unchanged. The leaks it still finds are listed below by
// case and value: a new leak fails, and so does one that is fixed (take it off the list).
import fs from "node:fs";
import path from "node:path";
import { redactText } from "../../../src/memory/redact";

type Probe = {
  secretCases: { id: string; text: string; planted: { cls: string; value: string }[] }[];
  keepCases: { id: string; kind: string; text: string }[];
};
const probe = JSON.parse(fs.readFileSync(path.join(__dirname, "../../fixtures/redaction/probe-2026-12-06.json"), "utf8")) as Probe;

/** Left, each a class eval/README.md names: no label at all, a label it does not read, a list past its first code. */
const KNOWN_LEAKS = [
  "S194:063268384", // a bare SSN on a signature's line
  "S207:5852 8728 9806", // an Aadhaar under a JSON "UID" key (a user id is no secret)
  "S218:55001299888", // a bare CPF on a signature's line
  "S244:38079219467", // "tax ID" in a signature (a company's tax id is kept)
].sort();
/** 15-digit Luhn numbers named "serial" or "IMEI": redaction reads them as IMEIs on purpose. */
const KNOWN_CHANGED = ["K055", "K056", "K057", "K156", "K157", "K158"];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const compact = (s: string) => s.replace(/[\s./-]/g, "");

/**
 * The value is still in the output: whole (a short one as a token of its own), with its
 * separators dropped, or, for a long number, eight of its digits in a row (a part left behind).
 */
function leaked(value: string, output: string): boolean {
  if (value.length < 6) return new RegExp(`(?<![A-Za-z0-9])${escape(value)}(?![A-Za-z0-9])`).test(output);
  if (output.includes(value) || compact(output).includes(compact(value))) return true;
  const digits = value.replace(/\D/g, "");
  const outputDigits = output.replace(/[\s./-]/g, "");
  for (let i = 0; digits.length >= 10 && i + 8 <= digits.length; i++) if (outputDigits.includes(digits.slice(i, i + 8))) return true;
  return false;
}

it("leaks no planted secret but the known ones", () => {
  const leaks: string[] = [];
  let planted = 0;
  for (const c of probe.secretCases) {
    const output = redactText(c.text).text;
    for (const p of c.planted) {
      planted++;
      if (leaked(p.value, output)) leaks.push(`${c.id}:${p.value}`);
    }
  }
  expect(planted).toBe(688);
  expect(leaks.sort()).toEqual(KNOWN_LEAKS);
});

it("changes no message that holds no secret but the known ones", () => {
  const changed = probe.keepCases.filter((k) => redactText(k.text).text !== k.text).map((k) => k.id);
  expect(probe.keepCases.length).toBe(186);
  expect(changed.sort()).toEqual(KNOWN_CHANGED);
});
