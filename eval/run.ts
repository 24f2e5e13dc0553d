// `npm run eval [-- --split dev|train] [--corpus NAME]`: the extractor on public labelled
// support corpora (eval/corpora, samples of their train splits), offline. One JSON line per
// corpus: routing and issue-kind accuracy, confusions, recall of planted secrets, business
// references kept, messages per second; each with its goal and whether it was met.
import { createRng } from "../bench/lib/rng";
import { findRefs } from "../src/memory/extract/refs";
import { redactText } from "../src/memory/redact";
import { corpusNames, loadCorpus, type Example, type Split } from "./lib/corpora";
import { confusions, macro, micro, pct, type Outcome } from "./lib/metrics";
import { KEEP_ONLY, leaked, plantRef, plantSecret } from "./lib/plant";
import { extractAuto, scoreExamples } from "./lib/score";

const SEED = 20261202;
const GOALS = { vertical_pct: 90, issue_kind_micro_pct: 80, secret_recall_pct: 100, business_refs_kept_pct: 99 };

function parseArgs(argv: string[]): { split: Split; corpora: string[] } {
  let split: Split = "dev";
  let only: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--split") {
      const v = argv[++i];
      if (v !== "dev" && v !== "train") throw new Error(`--split must be dev or train, got ${v ?? "nothing"}`);
      split = v;
    } else if (a === "--corpus") {
      only = argv[++i];
    } else {
      throw new Error(`unknown argument ${a}; usage: npm run eval [-- --split dev|train] [--corpus NAME]`);
    }
  }
  const all = corpusNames();
  if (only !== undefined && !all.includes(only)) throw new Error(`--corpus: no corpus "${only}"; the corpora are ${all.join(", ")}`);
  return { split, corpora: only ? [only] : all };
}

const extract = extractAuto;

function secrets(examples: Example[], seed: number) {
  const rng = createRng(seed);
  let planted = 0;
  let caught = 0;
  const missed: Record<string, number> = {};
  const texts: string[] = [];
  for (const e of examples) {
    const p = plantSecret(e.text, rng);
    texts.push(p.text);
    const redacted = redactText(p.text).text;
    for (const v of p.values) {
      planted += 1;
      if (leaked(v, redacted)) missed[p.kind] = (missed[p.kind] ?? 0) + 1;
      else caught += 1;
    }
  }
  return { planted, recall: planted ? caught / planted : 1, missed, texts };
}

/** References kept by redaction (the goal), and of those the ones the extractor also finds as references. */
function references(examples: Example[], seed: number) {
  const rng = createRng(seed);
  const norm = (s: string) => s.replace(/^#/, "").toUpperCase();
  let kept = 0;
  let refs = 0;
  let found = 0;
  const lost: Record<string, number> = {};
  const notFound: Record<string, number> = {};
  for (const e of examples) {
    const p = plantRef(e.text, rng);
    const redacted = redactText(p.text).text;
    if (p.values.every((v) => redacted.includes(v))) kept += 1;
    else lost[p.kind] = (lost[p.kind] ?? 0) + 1;
    if (KEEP_ONLY.has(p.kind)) continue;
    refs += 1;
    const extracted = new Set(findRefs(redacted).map((r) => norm(r.value)));
    if (p.values.every((v) => redacted.includes(v) && extracted.has(norm(v)))) found += 1;
    else notFound[p.kind] = (notFound[p.kind] ?? 0) + 1;
  }
  const share = (n: number, of: number) => (of ? n / of : 1);
  return { planted: examples.length, kept: share(kept, examples.length), lost, found: share(found, refs), notFound };
}

/** Routing accuracy per gold vertical, for a corpus of several. */
function byGold(outcomes: Outcome[]): Record<string, { examples: number; accuracy_pct: number }> {
  const out: Record<string, { examples: number; accuracy_pct: number }> = {};
  for (const gold of [...new Set(outcomes.map((o) => o.gold))].sort()) {
    const mine = outcomes.filter((o) => o.gold === gold);
    out[gold] = { examples: mine.length, accuracy_pct: pct(micro(mine)) };
  }
  return out;
}

/** Redact + extract over the texts with planted secrets, after a warm-up pass; best of three. */
function throughput(texts: string[]): number {
  for (const t of texts.slice(0, 200)) extract(redactText(t).text);
  let best = 0;
  for (let r = 0; r < 3; r++) {
    const started = process.hrtime.bigint();
    for (const t of texts) extract(redactText(t).text);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    best = Math.max(best, texts.length / seconds);
  }
  return Math.round(best);
}

function main(): void {
  const { split, corpora } = parseArgs(process.argv.slice(2));
  for (const [i, name] of corpora.entries()) {
    const { examples, writtenHere } = loadCorpus(name, split);
    if (examples.length === 0) continue; // written-check has no train part
    const acc = scoreExamples(examples);
    const sec = secrets(examples, SEED + i);
    const refs = references(examples, SEED + 1000 + i);
    const verticals = new Set(examples.map((e) => e.vertical).filter((v) => v !== null));
    const singleVertical = verticals.size === 1;
    const vertical = micro(acc.vertical);
    const kindMicro = micro(acc.kind);
    const met = {
      vertical: !singleVertical || pct(vertical) >= GOALS.vertical_pct,
      issue_kind: pct(kindMicro) >= GOALS.issue_kind_micro_pct,
      secrets: pct(sec.recall) >= GOALS.secret_recall_pct,
      business_refs: pct(refs.kept) >= GOALS.business_refs_kept_pct,
    };
    const line = {
      eval: name,
      split,
      examples: examples.length,
      single_vertical: singleVertical,
      vertical_scored: acc.vertical.length,
      vertical_accuracy_pct: pct(vertical),
      issue_kind_micro_pct: pct(kindMicro),
      issue_kind_macro_pct: pct(macro(acc.kind)),
      ...(!singleVertical && { vertical_by_gold: byGold(acc.vertical) }),
      confusion: { vertical: confusions(acc.vertical, 3), issue_kind: confusions(acc.kind, 5) },
      ...(acc.unnamed.length > 0 && { no_business_scored: acc.unnamed.length, no_business_general_pct: pct(micro(acc.unnamed)), no_business_routed: confusions(acc.unnamed, 6) }),
      secrets_planted: sec.planted,
      secret_recall_pct: pct(sec.recall),
      secrets_missed: sec.missed,
      business_refs_planted: refs.planted,
      business_refs_kept_pct: pct(refs.kept),
      business_refs_lost: refs.lost,
      business_refs_found_pct: pct(refs.found),
      business_refs_not_found: refs.notFound,
      messages_per_s: throughput(sec.texts),
      // The goals are for text nobody here wrote: a corpus written for the project is measured only.
      ...(writtenHere ? { written_here: true } : { goal: GOALS, met }),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

try {
  main();
} catch (err) {
  process.stderr.write(`eval: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
