// A multinomial logistic regression over hashed n-gram features (see features.ts), trained
// offline by `npm run train` and shipped as data (weights.json). Reading it is a sparse dot
// product: one lookup per feature gives the (class, weight) pairs of every head at once; a
// softmax per head turns the scores into probabilities. Nothing here learns; the file is parsed
// on first use.
import fs from "node:fs";
import path from "node:path";
import { featurize } from "./features";

/**
 * The model file. Classes of all heads are numbered one after the other (`offset`); the weights
 * form one sparse matrix: for the i-th feature id (ascending), the pairs rows[i] … rows[i+1]−1
 * of `cls` and `weights` (16-bit; times `class_scale[class]` gives the real weight).
 */
export type ModelFile = {
  version: 3;
  trained_on: string[];
  heads: { name: string; classes: string[]; offset: number }[];
  class_scale: number[];
  bias: number[];
  /** base64 of Uint32 feature ids, Uint32 row starts (one more than ids), Uint8 classes, Int16 weights */
  features: string;
  rows: string;
  cls: string;
  weights: string;
  /** The verticals each issue kind was seen in during training. */
  kind_verticals: Record<string, string[]>;
};

/**
 * `probability`: the model's probability of its label; `coverage`: the share of the text's
 * features the model has weights for (low for a language it never saw).
 */
export type Prediction = { label: string; probability: number; coverage: number };

function decode<T extends Uint32Array | Uint8Array | Int16Array>(b64: string, Type: { new (buffer: ArrayBuffer): T }): T {
  const buf = Buffer.from(b64, "base64");
  const copy = new ArrayBuffer(buf.length);
  new Uint8Array(copy).set(buf);
  return new Type(copy);
}

export class LinearModel {
  readonly kindVerticals: Record<string, string[]>;
  private readonly heads: ModelFile["heads"];
  private readonly scale: Float64Array;
  private readonly bias: Float64Array;
  private readonly rowOf = new Map<number, number>();
  private readonly starts: Uint32Array;
  private readonly cls: Uint8Array;
  private readonly weights: Int16Array;

  constructor(file: ModelFile) {
    if (file.version !== 3) throw new Error(`model file version ${String(file.version)} is not supported (expected 3): run npm run train`);
    this.heads = file.heads;
    this.kindVerticals = file.kind_verticals;
    this.scale = Float64Array.from(file.class_scale);
    this.bias = Float64Array.from(file.bias);
    const ids = decode(file.features, Uint32Array);
    this.starts = decode(file.rows, Uint32Array);
    this.cls = decode(file.cls, Uint8Array);
    this.weights = decode(file.weights, Int16Array);
    for (let i = 0; i < ids.length; i++) this.rowOf.set(ids[i]!, i);
  }

  /** Predictions of every head for one text: the likeliest class and its probability. */
  predict(text: string): Record<string, Prediction> {
    const features = featurize(text);
    const sums = new Float64Array(this.bias.length);
    let known = 0;
    for (const f of features) {
      const r = this.rowOf.get(f);
      if (r === undefined) continue;
      known += 1;
      for (let k = this.starts[r]!, end = this.starts[r + 1]!; k < end; k++) sums[this.cls[k]!]! += this.weights[k]!;
    }
    // a feature's value is its count over √(number of features), as in training
    const norm = 1 / Math.sqrt(Math.max(1, features.length));
    const out: Record<string, Prediction> = {};
    for (const { name, classes, offset } of this.heads) {
      let best = offset;
      let max = -Infinity;
      for (let c = offset; c < offset + classes.length; c++) {
        sums[c] = (this.bias[c]! + sums[c]! * norm) * this.scale[c]!;
        if (sums[c]! > max) (max = sums[c]!), (best = c);
      }
      let total = 0;
      for (let c = offset; c < offset + classes.length; c++) total += Math.exp(sums[c]! - max);
      out[name] = { label: classes[best - offset]!, probability: 1 / total, coverage: known / Math.max(1, features.length) };
    }
    return out;
  }

  classes(head: string): string[] {
    return this.heads.find((h) => h.name === head)?.classes ?? [];
  }
}

export const MODEL_PATH = path.join(__dirname, "weights.json");
let loaded: LinearModel | undefined;

/** The shipped model (weights.json is part of the source: `npm run train` rewrites it). */
export function shippedModel(): LinearModel {
  loaded ??= new LinearModel(JSON.parse(fs.readFileSync(MODEL_PATH, "utf8")) as ModelFile);
  return loaded;
}

/**
 * Makes the extractor read `model` instead of the shipped one (undefined: the shipped one
 * again). Only `npm run train -- --cv` uses it, to score the whole extractor with a model
 * trained without the fold it is scored on.
 */
export function useModel(model: LinearModel | undefined): void {
  loaded = model;
}
