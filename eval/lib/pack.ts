// Packs trained heads into the shipped model file: one sparse matrix for every head (feature →
// run of (class, weight) pairs, classes numbered across heads), weights quantised to 16 bits
// with one scale per head (the bias stays a float), weights near zero dropped. Loading it is base64 decoding and one
// map of feature ids; no per-weight work.
import type { ModelFile } from "../../src/memory/extract/model/linear";
import type { TrainedHead } from "./logistic";

export function packModel(heads: Record<string, TrainedHead>, prune: number, meta: Pick<ModelFile, "trained_on" | "kind_verticals">): ModelFile {
  const layout: ModelFile["heads"] = [];
  const scales: number[] = [];
  const bias: number[] = [];
  const runs = new Map<number, { c: number; q: number }[]>();
  let offset = 0;
  for (const [name, head] of Object.entries(heads)) {
    let maxAbs = 0;
    for (const w of head.rows.values()) for (const v of w) maxAbs = Math.max(maxAbs, Math.abs(v));
    const scale = maxAbs / 32767 || 1;
    layout.push({ name, classes: head.classes, offset });
    for (let c = 0; c < head.classes.length; c++) {
      scales.push(scale);
      bias.push(head.bias[c]! / scale);
    }
    for (const [f, w] of head.rows) {
      w.forEach((v, c) => {
        if (Math.abs(v) <= maxAbs * prune) return;
        let run = runs.get(f);
        if (!run) runs.set(f, (run = []));
        run.push({ c: offset + c, q: Math.round(v / scale) });
      });
    }
    offset += head.classes.length;
  }
  if (offset > 255) throw new Error(`the model has ${offset} classes; the file stores class numbers in one byte`);
  const ids = [...runs.keys()].sort((a, b) => a - b);
  const starts: number[] = [];
  const cls: number[] = [];
  const weights: number[] = [];
  for (const f of ids) {
    starts.push(cls.length);
    for (const { c, q } of runs.get(f)!) {
      cls.push(c);
      weights.push(q);
    }
  }
  starts.push(cls.length);
  const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
  return {
    version: 3,
    ...meta,
    heads: layout,
    class_scale: scales,
    bias,
    features: b64(Uint32Array.from(ids)),
    rows: b64(Uint32Array.from(starts)),
    cls: b64(Uint8Array.from(cls)),
    weights: b64(Int16Array.from(weights)),
  };
}
