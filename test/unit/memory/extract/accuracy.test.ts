// Accuracy on messages the rules were not written from (see held-out*.ts): the vertical and
// the issue family. Prints the figures; fails if they fall below what was measured at
// commit time, so a rule change that trades accuracy away is caught.
import { extractDeterministic } from "../../../../src/memory/extract/deterministic";
import type { TenantSupportSettings } from "../../../../src/memory/types";
import { HELD_OUT, type Labelled } from "./held-out";
import { HELD_OUT_2 } from "./held-out-2";
import { HELD_OUT_3 } from "./held-out-3";
import { HELD_OUT_4 } from "./held-out-4";
import { HELD_OUT_5 } from "./held-out-5";
import { HELD_OUT_6 } from "./held-out-6";

const AUTO: TenantSupportSettings = { domain_schema: "support", support_type_mode: "auto", support_type: null, support_types_allowed: [] };

type Case = { messages: string[]; vertical: Labelled["vertical"]; issue: Labelled["issue"] };
const single = (set: Labelled[]): Case[] => set.map((c) => ({ messages: [c.text], vertical: c.vertical, issue: c.issue }));

function measure(set: Case[]): { vertical: number; issue: number; misses: string[] } {
  let vertical = 0;
  let issue = 0;
  const misses: string[] = [];
  for (const c of set) {
    const messages = c.messages.map((m, index) =>
      m.startsWith("agent: ") ? { role: "assistant" as const, content: m.slice(7), index } : { role: "user" as const, content: m, index },
    );
    const out = extractDeterministic({ messages, metadata: {}, settings: AUTO, existing: null });
    const vOk = out.support_type === c.vertical;
    const iOk = c.issue === null ? out.issue === null : c.issue.includes(out.issue?.issue_type ?? "(none)");
    vertical += vOk ? 1 : 0;
    issue += iOk ? 1 : 0;
    if (!vOk || !iOk) misses.push(`${out.support_type}/${out.issue?.issue_type ?? "-"}: ${c.messages.join(" / ").slice(0, 70)}`);
  }
  return { vertical: vertical / set.length, issue: issue / set.length, misses };
}

describe("accuracy on held-out conversations", () => {
  it.each([
    ["held-out", single(HELD_OUT)],
    ["held-out-2", single(HELD_OUT_2)],
    ["held-out-3 (conversations)", HELD_OUT_3],
    ["held-out-4 (conversations)", HELD_OUT_4],
    ["held-out-5 (conversations)", HELD_OUT_5],
    ["held-out-6 (conversations)", HELD_OUT_6],
  ] as const)("%s: vertical ≥ 90%%, issue family ≥ 85%%", (name, set) => {
    const m = measure(set);
    console.log(`${name}: vertical ${(m.vertical * 100).toFixed(1)}%, issue ${(m.issue * 100).toFixed(1)}% (n=${set.length})\n  ${m.misses.join("\n  ")}`);
    expect(m.vertical).toBeGreaterThanOrEqual(0.9);
    expect(m.issue).toBeGreaterThanOrEqual(0.85);
  });
});
