// A linear classifier over hashed n-gram features (see features.ts), trained offline by
// `npm run train` and shipped as data (weights.json). Reading it is a sparse dot product per
// class; nothing here learns. Pure once loaded; the file is parsed on first use.
import fs from "node:fs";
import path from "node:path";
import { featurize } from "./features";

/** One head's weights, stored as a sparse matrix: feature id → (class, weight) pairs. */
export type HeadFile = {
  classes: string[];
  scale: number;
  bias: number[];
  /** base64 of Uint32 feature ids (ascending), Uint32 row starts (one more than ids), Uint8 classes, Int16 weights */
  features: string;
  rows: string;
  cls: string;
  weights: string;
};
export type ModelFile = {
  version: 1;
  trained_on: string[];
  heads: Record<string, HeadFile>;
  /** The verticals each issue kind was seen in during training. */
  kind_verticals: Record<string, string[]>;
};

/** `coverage`: the share of the text's features the model has weights for (low for a language it never saw). */
export type Prediction = { label: string; margin: number; coverage: number; score: (label: string) => number | undefined };

/**
 * Every head's weights merged into one sparse matrix at load time (feature → run of (class,
 * weight) pairs, classes numbered across heads), so scoring a text costs one lookup per feature.
 */
class Matrix {
  private readonly rowOf = new Map<number, number>();
  private readonly starts: Uint32Array;
  private readonly cls: Uint16Array;
  private readonly weights: Float32Array;

  constructor(heads: { file: HeadFile; offset: number }[]) {
    const byFeature = new Map<number, { c: number; w: number }[]>();
    for (const { file, offset } of heads) {
      const ids = decode(file.features, Uint32Array);
      const rows = decode(file.rows, Uint32Array);
      const cls = decode(file.cls, Uint8Array);
      const weights = decode(file.weights, Int16Array);
      for (let i = 0; i < ids.length; i++) {
        let run = byFeature.get(ids[i]!);
        if (!run) byFeature.set(ids[i]!, (run = []));
        for (let k = rows[i]!; k < rows[i + 1]!; k++) run.push({ c: offset + cls[k]!, w: weights[k]! * file.scale });
      }
    }
    let total = 0;
    for (const run of byFeature.values()) total += run.length;
    this.starts = new Uint32Array(byFeature.size + 1);
    this.cls = new Uint16Array(total);
    this.weights = new Float32Array(total);
    let row = 0;
    let at = 0;
    for (const [f, run] of byFeature) {
      this.rowOf.set(f, row);
      this.starts[row] = at;
      for (const e of run) {
        this.cls[at] = e.c;
        this.weights[at] = e.w;
        at += 1;
      }
      row += 1;
    }
    this.starts[row] = at;
  }

  /** Adds each known feature's weights into `sums`; returns how many features were known. */
  accumulate(features: number[], sums: Float64Array): number {
    let known = 0;
    for (const f of features) {
      const r = this.rowOf.get(f);
      if (r === undefined) continue;
      known += 1;
      for (let k = this.starts[r]!, end = this.starts[r + 1]!; k < end; k++) sums[this.cls[k]!]! += this.weights[k]!;
    }
    return known;
  }
}

type HeadInfo = { name: string; classes: string[]; offset: number; bias: Float64Array };

/** The best class of one head and its margin over the runner-up, per feature (long and short texts on one scale). */
function decide(head: HeadInfo, sums: Float64Array, n: number, known: number): Prediction {
  const { offset, classes } = head;
  let best = 0;
  let second = -1;
  for (let c = 1; c < classes.length; c++) {
    const v = sums[offset + c]!;
    if (v > sums[offset + best]!) {
      second = best;
      best = c;
    } else if (second < 0 || v > sums[offset + second]!) {
      second = c;
    }
  }
  const margin = second < 0 ? Infinity : (sums[offset + best]! - sums[offset + second]!) / n;
  return { label: classes[best]!, margin, coverage: known / n, score: (c: string) => {
    const i = classes.indexOf(c);
    return i < 0 ? undefined : sums[offset + i]! / n;
  } };
}

function decode<T extends Uint32Array | Uint8Array | Int16Array>(b64: string, Type: { new (buffer: ArrayBuffer): T }): T {
  const buf = Buffer.from(b64, "base64");
  const copy = new ArrayBuffer(buf.length);
  new Uint8Array(copy).set(buf);
  return new Type(copy);
}

export class LinearModel {
  private readonly matrix: Matrix;
  private readonly heads: HeadInfo[] = [];
  private readonly width: number;
  readonly kindVerticals: Record<string, string[]>;

  constructor(file: ModelFile) {
    let offset = 0;
    const parts: { file: HeadFile; offset: number }[] = [];
    for (const [name, head] of Object.entries(file.heads)) {
      this.heads.push({ name, classes: head.classes, offset, bias: Float64Array.from(head.bias, (b) => b * head.scale) });
      parts.push({ file: head, offset });
      offset += head.classes.length;
    }
    this.width = offset;
    this.matrix = new Matrix(parts);
    this.kindVerticals = file.kind_verticals;
  }

  /** Predictions of every head for one text. */
  predict(text: string): Record<string, Prediction> {
    const features = featurize(text);
    const sums = new Float64Array(this.width);
    for (const h of this.heads) sums.set(h.bias, h.offset);
    const known = this.matrix.accumulate(features, sums);
    const n = Math.max(1, features.length);
    const out: Record<string, Prediction> = {};
    for (const h of this.heads) out[h.name] = decide(h, sums, n, known);
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
  if (loaded === undefined) {
    loaded = new LinearModel(JSON.parse(fs.readFileSync(MODEL_PATH, "utf8")) as ModelFile);
  }
  return loaded;
}
