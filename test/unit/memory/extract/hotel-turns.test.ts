// Regression sets for hotel guests' chat turns (test/fixtures/extraction, and one train-only
// corpus), each written by a helper that never read the project, each turn with the issue kinds an
// agent would accept, many of them worded as a bank's, a carrier's or a shop's customer would word
// them. The travel rules were tuned on them, so they are no measure; the test fails if routing or
// issue kind in auto mode fall below what was measured when they were last tuned.
import fs from "node:fs";
import path from "node:path";
import { loadCorpus, loadTrainingOnly } from "../../../../eval/lib/corpora";
import { extractDeterministic } from "../../../../src/memory/extract/deterministic";
import { redactText } from "../../../../src/memory/redact";
import type { TenantSupportSettings } from "../../../../src/memory/types";

const AUTO: TenantSupportSettings = { domain_schema: "support", support_type_mode: "auto", support_type: null, support_types_allowed: [] };
/** The first helper's names for two kinds the extractor splits finer; a turn with no kind accepts none or a question. */
const SAME: Record<string, string[]> = { payment_issue: ["payment_failed", "bill_dispute", "duplicate_charge"], booking_issue: ["booking_issue", "booking_confirmation_missing"] };
/** A fixture's turns, or a train-only corpus's (eval/training/<name>) when `file` names no .jsonl file. */
const load = (file: string) =>
  (file.endsWith(".jsonl")
    ? fs
        .readFileSync(path.join(__dirname, "../../../fixtures/extraction", file), "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { text: string; kinds: string[] })
    : loadTrainingOnly(file)
  ).map((t) => ({ ...t, kinds: t.kinds.length === 0 ? ["(none)", "general_question"] : t.kinds.flatMap((k) => SAME[k] ?? [k]) }));

/**
 * 2026-12-06: 419 turns, measured at 75.2 % and 69.9 % when tuned, 70.9 % after the next set's
 * rules. 2026-12-07: 320 turns, half on hotel topics, half on what a bank, carrier or shop also
 * hears (paying, wifi, lost things, parcels, the app); at first 63.1 % routed and 60.3 % of kinds,
 * 64.1 % and 65.3 % after the rules it prompted (the half not read while writing them: 63.8 → 64.4
 * and 61.3 → 61.9 %). Most misses are turns any business could get word for word. The model
 * trained on four more writers' hotel turns (eval/corpora/written-hotel-turns) then read them at
 * 79.7 % / 75.7 % and 68.4 % / 71.6 %. 2026-12-07, four more: 957 turns by four more writers
 * (a luxury resort's concierge, a mountain lodge's SMS, a roadside motel chain's chat, a writer
 * of an assistant's test turns) labelled with NLU++'s modules and given their kinds by
 * written-hotel-turns' label rules; never read. 86.1 % / 74.9 % with the model of the session's
 * start, 87.9 % / 78.2 % with the one trained on eight writers' turns. Trained on by every head,
 * they cost NLU++ banking's issue kind 3.7 points on dev (eval/README.md); since 2026-12-07 they
 * are eval/training/hotel-turns-more, which only the travel kind head learns (eval/train.ts), so
 * their kinds here are fitted (85.8 % since, routing unchanged at 87.9 %): a regression floor, no measure.
 */
it.each([
  ["hotel-turns-2026-12-06.jsonl", 419, 0.79, 0.75],
  ["hotel-turns-2026-12-07.jsonl", 320, 0.68, 0.71],
  ["hotel-turns-more", 957, 0.875, 0.85],
])("%s: routes hotel turns to travel and names an accepted kind at least as often as when it was tuned", (file, count, routedAtLeast, kindsAtLeast) => {
  const turns = load(file);
  let routed = 0;
  let kinds = 0;
  for (const t of turns) {
    const out = extractDeterministic({ messages: [{ role: "user", content: redactText(t.text).text, index: 0 }], metadata: {}, settings: AUTO, existing: null });
    if (out.support_type === "travel") routed++;
    if (t.kinds.includes(out.issue?.issue_type ?? "(none)")) kinds++;
  }
  expect(turns.length).toBe(count);
  expect(routed / turns.length).toBeGreaterThanOrEqual(routedAtLeast);
  expect(kinds / turns.length).toBeGreaterThanOrEqual(kindsAtLeast);
});

// eval/corpora/written-hotel-turns (SOURCES.md): 2,087 turns to a hotel's assistant labelled as NLU++
// is, about two thirds trained on, so a regression floor, not a measure (npm run eval scores its dev part).
it("routes the hotel assistant's turns and names their kinds at least as often as when the model learned them", () => {
  const rows = (["train", "dev"] as const).flatMap((split) => loadCorpus("written-hotel-turns", split).examples).filter((e) => e.vertical !== null);
  let routed = 0;
  let kinds = 0;
  for (const e of rows) {
    const out = extractDeterministic({ messages: [{ role: "user", content: redactText(e.text).text, index: 0 }], metadata: {}, settings: AUTO, existing: null });
    if (out.support_type === e.vertical) routed++;
    if (e.kinds.includes(out.issue?.issue_type ?? "(none)")) kinds++;
  }
  expect(rows.length).toBe(2013);
  // measured at 90.3 % and 86.2 % (a third of the turns, the eight writers' dev part, never trained on)
  expect(routed / rows.length).toBeGreaterThanOrEqual(0.9);
  expect(kinds / rows.length).toBeGreaterThanOrEqual(0.86);
});

