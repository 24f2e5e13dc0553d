// Multiclass averaged perceptron over sparse hashed features: on each mistake the true class
// gains the example's features and the predicted one loses them; the averaged weights (mean
// over every step) are kept, which generalises about as well as a linear SVM on text and
// trains in seconds. Deterministic: the order of examples comes from a seeded shuffle.
import { createRng } from "../../bench/lib/rng";

export type Sample = { features: number[]; label: number };

export type TrainOptions = { epochs: number; seed: number };

/** A trained head: averaged weights per feature (one per class) and the bias. */
export type TrainedHead = { classes: string[]; rows: Map<number, Float64Array>; bias: Float64Array };

type Rows = Map<number, { w: Float32Array; u: Float32Array }>;

export function trainHead(classes: string[], samples: Sample[], opts: TrainOptions): TrainedHead {
  const C = classes.length;
  const rows: Rows = new Map();
  const bias = { w: new Float64Array(C), u: new Float64Array(C) };
  const rowOf = (f: number) => {
    let r = rows.get(f);
    if (!r) rows.set(f, (r = { w: new Float32Array(C), u: new Float32Array(C) }));
    return r;
  };
  // Rare classes are shown more often (square root of the imbalance), so the commonest
  // corpus does not drown the verticals and kinds that only a few examples teach.
  const counts = new Array<number>(C).fill(0);
  for (const s of samples) counts[s.label]! += 1;
  const most = Math.max(...counts);
  const schedule: Sample[] = samples.flatMap((s) => Array<Sample>(Math.min(6, Math.max(1, Math.round(Math.sqrt(most / counts[s.label]!))))).fill(s));
  const rng = createRng(opts.seed);
  let step = 1;
  const scores = new Float64Array(C);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = schedule.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [schedule[i], schedule[j]] = [schedule[j]!, schedule[i]!];
    }
    for (const s of schedule) {
      scores.set(bias.w);
      for (const f of s.features) {
        const r = rows.get(f);
        if (r) for (let c = 0; c < C; c++) scores[c]! += r.w[c]!;
      }
      let best = s.label === 0 ? 1 : 0;
      for (let c = 0; c < C; c++) if (c !== s.label && scores[c]! > scores[best]!) best = c;
      // a tie with a wrong class counts as a mistake, so an untrained model still learns
      if (scores[best]! >= scores[s.label]!) {
        for (const f of s.features) {
          const r = rowOf(f);
          r.w[s.label]! += 1;
          r.u[s.label]! += step;
          r.w[best]! -= 1;
          r.u[best]! -= step;
        }
        bias.w[s.label]! += 1;
        bias.u[s.label]! += step;
        bias.w[best]! -= 1;
        bias.u[best]! -= step;
      }
      step += 1;
    }
  }
  // the averaged weights: w − u/step
  const avg = (w: ArrayLike<number>, u: ArrayLike<number>) => Float64Array.from(w, (x, c) => x - u[c]! / step);
  const averaged = new Map<number, Float64Array>();
  for (const [f, r] of rows) averaged.set(f, avg(r.w, r.u));
  return { classes, rows: averaged, bias: avg(bias.w, bias.u) };
}
