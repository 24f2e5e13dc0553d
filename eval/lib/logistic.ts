// Multinomial logistic regression (softmax) over sparse hashed features, trained by stochastic
// gradient descent with a per-feature AdaGrad step and L2 shrinkage of the weights it touches.
// Unlike a perceptron, its scores are log-odds: the softmax of a text's scores is a probability
// that can be compared with a threshold, and a short text with few known words gets a modest
// probability instead of a large margin. Deterministic: examples are visited in a seeded order.
import { createRng } from "../../bench/lib/rng";

/** A text's features (ids with repeats, from featurize), its class number and its weight in the loss (1 if not given). */
export type Sample = { features: number[]; label: number; weight?: number };

export type TrainOptions = {
  epochs: number;
  seed: number;
  /** AdaGrad's base step. */
  rate: number;
  /** L2 penalty per update on the weights of the features present. */
  l2: number;
  /** Loss weight of a class is (largest class / this class) ^ balance, capped at maxWeight. */
  balance: number;
  maxWeight: number;
};

/** A trained head: weights per feature (one per class) and the bias. */
export type TrainedHead = { classes: string[]; rows: Map<number, Float64Array>; bias: Float64Array };

/** Unique feature ids and their values: count / √(number of features), as the model reads them. */
export function featureVector(features: number[]): { ids: number[]; values: number[] } {
  const counts = new Map<number, number>();
  for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const norm = 1 / Math.sqrt(Math.max(1, features.length));
  const ids = [...counts.keys()].sort((a, b) => a - b);
  return { ids, values: ids.map((f) => counts.get(f)! * norm) };
}

export function trainHead(classes: string[], samples: Sample[], opts: TrainOptions): TrainedHead {
  const C = classes.length;
  const vectors = samples.map((s) => ({ ...featureVector(s.features), label: s.label, weight: s.weight ?? 1 }));
  const counts = new Array<number>(C).fill(0);
  for (const s of samples) counts[s.label]! += 1;
  const most = Math.max(...counts);
  const classWeight = counts.map((n) => (n === 0 ? 0 : Math.min(opts.maxWeight, (most / n) ** opts.balance)));

  const rows = new Map<number, { w: Float32Array; g: number }>();
  const bias = new Float64Array(C);
  const biasG = new Float64Array(C);
  const rowOf = (f: number) => {
    let r = rows.get(f);
    if (!r) rows.set(f, (r = { w: new Float32Array(C), g: 0 }));
    return r;
  };
  const order = vectors.map((_, i) => i);
  const rng = createRng(opts.seed);
  const z = new Float64Array(C);
  const grad = new Float64Array(C);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const v = vectors[idx]!;
      z.set(bias);
      const touched = v.ids.map(rowOf);
      touched.forEach((r, k) => {
        const x = v.values[k]!;
        for (let c = 0; c < C; c++) z[c]! += r.w[c]! * x;
      });
      let max = -Infinity;
      for (let c = 0; c < C; c++) max = Math.max(max, z[c]!);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += (z[c] = Math.exp(z[c]! - max));
      const weight = classWeight[v.label]! * v.weight;
      for (let c = 0; c < C; c++) grad[c] = ((z[c]! / sum) - (c === v.label ? 1 : 0)) * weight;
      touched.forEach((r, k) => {
        const x = v.values[k]!;
        let sq = 0;
        for (let c = 0; c < C; c++) {
          const g = grad[c]! * x + opts.l2 * r.w[c]!;
          sq += g * g;
        }
        r.g += sq / C;
        const step = opts.rate / Math.sqrt(r.g + 1e-8);
        for (let c = 0; c < C; c++) r.w[c]! -= step * (grad[c]! * x + opts.l2 * r.w[c]!);
      });
      for (let c = 0; c < C; c++) {
        biasG[c]! += grad[c]! * grad[c]!;
        bias[c]! -= (opts.rate / Math.sqrt(biasG[c]! + 1e-8)) * grad[c]!;
      }
    }
  }
  const out = new Map<number, Float64Array>();
  for (const [f, r] of rows) out.set(f, Float64Array.from(r.w));
  return { classes, rows: out, bias: Float64Array.from(bias) };
}
