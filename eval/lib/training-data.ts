// What `npm run train` learns from: the train parts of the committed corpus samples (never
// their dev parts) and the extractor's regression sets (test/unit/memory/extract/held-out*),
// which are the only labelled text for the verticals the public corpora lack (saas, telecom,
// edtech), and rows said to a corpus's business that name no issue (train-vertical.jsonl,
// vertical only), and the train splits of further public corpora under eval/training/, which
// are only trained on (they have no dev part). Customer messages of a conversation are joined;
// agent lines are left out.
import type { Vertical } from "../../src/memory/types";
import { HELD_OUT } from "../../test/unit/memory/extract/held-out";
import { HELD_OUT_2 } from "../../test/unit/memory/extract/held-out-2";
import { HELD_OUT_3 } from "../../test/unit/memory/extract/held-out-3";
import { HELD_OUT_4 } from "../../test/unit/memory/extract/held-out-4";
import { HELD_OUT_5 } from "../../test/unit/memory/extract/held-out-5";
import { HELD_OUT_6 } from "../../test/unit/memory/extract/held-out-6";
import { NO_ISSUE, corpusNames, loadCorpus, loadTrainingOnly, loadVerticalOnly, trainingOnlyNames, type Example } from "./corpora";

/**
 * `kind` is the primary issue kind, null when the text carries no issue; `example` is the corpus
 * row it came from (the regression sets have none), for scoring the whole extractor.
 */
export type TrainingExample = { text: string; vertical: Vertical | null; kind: string | null; source: string; example?: Example };

export function trainingExamples(): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const name of corpusNames()) {
    for (const e of loadCorpus(name, "train").examples) out.push({ text: e.text, vertical: e.vertical, kind: e.kinds[0] === NO_ISSUE ? null : (e.kinds[0] ?? null), source: name, example: e });
    for (const e of loadVerticalOnly(name)) out.push({ text: e.text, vertical: e.vertical, kind: null, source: `${name} (vertical only)` });
  }
  // Train-only corpora (eval/training/): public train splits that nothing is scored on.
  for (const name of trainingOnlyNames()) {
    for (const e of loadTrainingOnly(name)) out.push({ text: e.text, vertical: e.vertical, kind: e.kinds[0] ?? null, source: `${name} (train only)` });
  }
  // The regression sets are scored too in a --cv run (their own line), though the rules were
  // written on them: the only saas, telecom and edtech text the folds have, so a choice that
  // helps the public corpora at those verticals' cost shows there. A text with no issue should
  // get none ("(none)", as scoreExamples names it).
  const heldOut = (text: string, vertical: Vertical, issue: string[] | null, i: number): TrainingExample => ({
    text,
    vertical,
    kind: issue?.[0] ?? null,
    source: "held-out",
    example: { id: `held-out:${i}`, text, vertical, kinds: issue ?? [NO_ISSUE] },
  });
  for (const c of [...HELD_OUT, ...HELD_OUT_2]) out.push(heldOut(c.text, c.vertical, c.issue, out.length));
  for (const c of [...HELD_OUT_3, ...HELD_OUT_4, ...HELD_OUT_5, ...HELD_OUT_6]) {
    const text = c.messages.filter((m) => !m.startsWith("agent: ")).join("\n");
    out.push(heldOut(text, c.vertical, c.issue, out.length));
  }
  return out;
}
