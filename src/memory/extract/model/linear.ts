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
export type Prediction = { label: string; probability: number; coverage: number; probabilities: Float64Array };

function decode<T extends Uint32Array | Uint8Array | Int16Array>(b64: string, Type: { new (buffer: ArrayBuffer): T }): T {
  const buf = Buffer.from(b64, "base64");
  const copy = new ArrayBuffer(buf.length);
  new Uint8Array(copy).set(buf);
  return new Type(copy);
}

/** Adds `totals` into `sums` and zeroes them. */
function addInto(sums: Float64Array, totals: Int32Array): void {
  for (let c = 0; c < totals.length; c++) {
    sums[c]! += totals[c]!;
    totals[c] = 0;
  }
}

/** Feature ids are hashes already; the multiply spreads the low bits the mask keeps. */
const slotOf = (id: number, mask: number): number => (Math.imul(id, 0x9e3779b1) >>> 0) & mask;

export class LinearModel {
  readonly kindVerticals: Record<string, string[]>;
  private readonly heads: ModelFile["heads"];
  private readonly scale: Float64Array;
  private readonly bias: Float64Array;
  /**
   * The weights laid out for few memory reads: the extractor's other work evicts the model
   * from the CPU caches between messages, so predict() costs its cache misses, not its
   * arithmetic. `table` is an open-addressing hash table (linear probing, under half full) of
   * three ints per slot: feature id + 1 (0: empty), then the start and end of its pairs in
   * `pairs`, where each pair is one int: weight × 256 + class.
   */
  private readonly table: Int32Array;
  private readonly slotMask: number;
  private readonly pairs: Int32Array;

  constructor(file: ModelFile) {
    if (file.version !== 3) throw new Error(`model file version ${String(file.version)} is not supported (expected 3): run npm run train`);
    this.heads = file.heads;
    this.kindVerticals = file.kind_verticals;
    this.scale = Float64Array.from(file.class_scale);
    this.bias = Float64Array.from(file.bias);
    const ids = decode(file.features, Uint32Array);
    const starts = decode(file.rows, Uint32Array);
    const cls = decode(file.cls, Uint8Array);
    const weights = decode(file.weights, Int16Array);
    this.pairs = new Int32Array(cls.length);
    for (let k = 0; k < cls.length; k++) this.pairs[k] = weights[k]! * 256 + cls[k]!;
    let slots = 1024;
    while (slots < ids.length * 2) slots *= 2;
    this.table = new Int32Array(slots * 3);
    this.slotMask = slots - 1;
    for (let i = 0; i < ids.length; i++) {
      let slot = slotOf(ids[i]!, this.slotMask);
      while (this.table[slot * 3] !== 0 && this.table[slot * 3] !== ids[i]! + 1) slot = (slot + 1) & this.slotMask;
      // a repeated id keeps its last row, as a Map would
      this.table[slot * 3] = ids[i]! + 1;
      this.table[slot * 3 + 1] = starts[i]!;
      this.table[slot * 3 + 2] = starts[i + 1]!;
    }
  }

  /** Predictions of every head for one text: the likeliest class, its probability, and every class's (in `classes` order). */
  predict(text: string): Record<string, Prediction> {
    const features = featurize(text);
    // Integer weights add up in 32 bits (|weight| < 2^15), moved to `sums` every 2^16 features.
    const totals = new Int32Array(this.bias.length);
    const sums = new Float64Array(this.bias.length);
    let known = 0;
    const { table, pairs, slotMask } = this;
    // Two passes: first every feature's slot (loads that do not wait on each other, so the
    // CPU fetches them at once from memory), then the pairs of the slots found.
    const found = new Int32Array(features.length);
    for (let i = 0; i < features.length; i++) {
      const f = features[i]!;
      let slot = slotOf(f, slotMask);
      while (table[slot * 3] !== 0 && table[slot * 3] !== f + 1) slot = (slot + 1) & slotMask;
      found[i] = table[slot * 3] === 0 ? -1 : slot;
    }
    for (let i = 0; i < found.length; i++) {
      const slot = found[i]!;
      if (slot < 0) continue;
      known += 1;
      for (let k = table[slot * 3 + 1]!, end = table[slot * 3 + 2]!; k < end; k++) {
        const pair = pairs[k]!;
        totals[pair & 255]! += pair >> 8;
      }
      if ((i & 0xffff) === 0xffff) addInto(sums, totals);
    }
    addInto(sums, totals);
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
      const probabilities = new Float64Array(classes.length);
      let total = 0;
      for (let c = offset; c < offset + classes.length; c++) total += probabilities[c - offset] = Math.exp(sums[c]! - max);
      for (let c = 0; c < classes.length; c++) probabilities[c]! /= total;
      out[name] = { label: classes[best - offset]!, probability: 1 / total, coverage: known / Math.max(1, features.length), probabilities };
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
