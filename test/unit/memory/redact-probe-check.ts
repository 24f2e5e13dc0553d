// What the outside redaction probes' regression tests share (test/fixtures/redaction): reading a
// probe, and the leak check — a planted value still in the output whole (a short one as a token of
// its own), with its separators dropped, or, for a long number, eight of its digits in a row.
import fs from "node:fs";
import path from "node:path";
import { redactText } from "../../../src/memory/redact";

export type Probe = {
  secretCases: { id: string; text: string; planted: { cls: string; value: string }[] }[];
  keepCases: { id: string; kind: string; text: string }[];
};

export const readProbe = (name: string): Probe => JSON.parse(fs.readFileSync(path.join(__dirname, "../../fixtures/redaction", name), "utf8")) as Probe;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const compact = (s: string) => s.replace(/[\s./-]/g, "");

export function leaked(value: string, output: string): boolean {
  if (value.length < 6) return new RegExp(`(?<![A-Za-z0-9])${escape(value)}(?![A-Za-z0-9])`).test(output);
  if (output.includes(value) || compact(output).includes(compact(value))) return true;
  const digits = value.replace(/\D/g, "");
  const outputDigits = output.replace(/[\s./-]/g, "");
  for (let i = 0; digits.length >= 10 && i + 8 <= digits.length; i++) if (outputDigits.includes(digits.slice(i, i + 8))) return true;
  return false;
}

/** Every planted value still in the redacted text, as "case:value", and how many were planted. */
export function probeLeaks(probe: Probe): { leaks: string[]; planted: number } {
  const leaks: string[] = [];
  let planted = 0;
  for (const c of probe.secretCases) {
    const output = redactText(c.text).text;
    for (const p of c.planted) {
      planted++;
      if (leaked(p.value, output)) leaks.push(`${c.id}:${p.value}`);
    }
  }
  return { leaks: leaks.sort(), planted };
}

/** The ids of the keep-messages redaction changes. */
export const changedKeeps = (probe: Probe): string[] => probe.keepCases.filter((k) => redactText(k.text).text !== k.text).map((k) => k.id).sort();

export type ProbeExpectation = { file: string; planted: number; keep: number; knownLeaks: string[]; knownChanged: string[] };

/** A probe's two tests: no leak but the known ones, no keep-message changed but the known ones. */
export function describeProbes(probes: ProbeExpectation[]): void {
  describe.each(probes)("$file", ({ file, planted, keep, knownLeaks, knownChanged }) => {
    const probe = readProbe(file);
    it("leaks no planted secret but the known ones", () => {
      const result = probeLeaks(probe);
      expect(result.planted).toBe(planted);
      expect(result.leaks).toEqual([...knownLeaks].sort());
    });
    it("changes no message that holds no secret but the known ones", () => {
      expect(probe.keepCases.length).toBe(keep);
      expect(changedKeeps(probe)).toEqual(knownChanged);
    });
  });
}
