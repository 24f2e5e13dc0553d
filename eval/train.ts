// `npm run train [-- --cv K] [--prune SHARE]`: trains the routing and issue-kind model on the train parts of
// eval/corpora and the regression sets, and writes src/memory/extract/model/weights.json.
// With --cv K it trains on K−1 folds of that data and reports accuracy and precision by
// margin on the K-th instead (the dev parts are never read here). Deterministic.
import fs from "node:fs";
import { featurize } from "../src/memory/extract/model/features";
import { LinearModel, MODEL_PATH, type ModelFile } from "../src/memory/extract/model/linear";
import { packModel } from "./lib/pack";
import { trainHead, type Sample, type TrainedHead, type TrainOptions } from "./lib/perceptron";
import { trainingExamples, type TrainingExample } from "./lib/training-data";

const OPTIONS: TrainOptions = { epochs: 10, seed: 20261202 };
/**
 * Weights below this share of a head's largest are dropped. 4-fold cross-validation on the
 * training data: kind 74.2 % at 0.004, 74.5 % at 0.05, 72.3 % at 0.1; vertical 90.9 / 90.9 / 90.0 %.
 * At 0.1 a message touches 2.3 times fewer weights (about 3,400 instead of 8,000) and the file
 * is 0.3 MB instead of 1.2 MB: the throughput goal of extraction is worth the two points.
 */
let prune = 0.1;
const HEADS = { vertical: (e: TrainingExample) => e.vertical, kind: (e: TrainingExample) => e.kind } as const;

function train(examples: TrainingExample[]): ModelFile {
  const featured = examples.map((e) => ({ e, features: featurize(e.text) }));
  const heads: Record<string, TrainedHead> = {};
  for (const [name, labelOf] of Object.entries(HEADS)) {
    const classes = [...new Set(examples.map(labelOf).filter((l): l is string => l !== null))].sort();
    const samples: Sample[] = featured.filter((x) => labelOf(x.e) !== null).map((x) => ({ features: x.features, label: classes.indexOf(labelOf(x.e)!) }));
    heads[name] = trainHead(classes, samples, OPTIONS);
  }
  const kindVerticals: Record<string, Set<string>> = {};
  for (const e of examples) if (e.kind && e.vertical) (kindVerticals[e.kind] ??= new Set()).add(e.vertical);
  return packModel(heads, prune, {
    trained_on: [...new Set(examples.map((e) => e.source))].sort(),
    kind_verticals: Object.fromEntries(Object.entries(kindVerticals).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [...v].sort()])),
  });
}

function crossValidate(examples: TrainingExample[], k: number): void {
  const buckets = [0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8];
  for (const head of Object.keys(HEADS) as (keyof typeof HEADS)[]) {
    const byMargin = buckets.map(() => ({ right: 0, all: 0 }));
    let right = 0;
    let all = 0;
    for (let fold = 0; fold < k; fold++) {
      const model = new LinearModel(train(examples.filter((_, i) => i % k !== fold)));
      for (const e of examples.filter((_, i) => i % k === fold)) {
        const gold = HEADS[head](e);
        if (gold === null) continue;
        const p = model.predict(e.text)[head]!;
        all += 1;
        if (p.label === gold) right += 1;
        buckets.forEach((b, i) => {
          if (p.margin >= b) {
            byMargin[i]!.all += 1;
            if (p.label === gold) byMargin[i]!.right += 1;
          }
        });
      }
    }
    const table = buckets.map((b, i) => ({ margin_at_least: b, coverage_pct: pct(byMargin[i]!.all / all), precision_pct: pct(byMargin[i]!.right / Math.max(1, byMargin[i]!.all)) }));
    process.stdout.write(`${JSON.stringify({ cv: k, head, examples: all, accuracy_pct: pct(right / all), by_margin: table })}\n`);
  }
}

const pct = (v: number) => Math.round(v * 1000) / 10;

function main(): void {
  const args = process.argv.slice(2);
  const pruneAt = args.indexOf("--prune");
  if (pruneAt >= 0) {
    const v = Number(args[pruneAt + 1]);
    if (!(v >= 0 && v < 1)) throw new Error(`--prune takes a share between 0 and 1, got ${args[pruneAt + 1]}`);
    prune = v;
    args.splice(pruneAt, 2);
  }
  const examples = trainingExamples();
  if (args[0] === "--cv") {
    const k = Number(args[1] ?? "5");
    if (!Number.isInteger(k) || k < 2) throw new Error(`--cv takes a whole number of folds ≥ 2, got ${args[1]}`);
    crossValidate(examples, k);
    return;
  }
  if (args.length > 0) throw new Error(`unknown argument ${args[0]}; usage: npm run train [-- --cv K] [--prune SHARE]`);
  const model = train(examples);
  const json = `${JSON.stringify(model)}\n`;
  fs.writeFileSync(MODEL_PATH, json);
  const sizes = { heads: Object.fromEntries(model.heads.map((h) => [h.name, h.classes.length])), weights: Buffer.from(model.weights, "base64").length / 2 };
  process.stdout.write(`${JSON.stringify({ train: "written", path: "src/memory/extract/model/weights.json", bytes: json.length, examples: examples.length, ...sizes })}\n`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`train: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
