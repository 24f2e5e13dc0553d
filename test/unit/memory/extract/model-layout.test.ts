// The model's fast paths against their plain definitions: featurize hashes feature strings
// without building them, and predict reads the weights from an open-addressing table of packed
// ints. Both must give exactly what the straightforward code gives, on the shipped model and on
// texts drawn from a seed.
import { featurize, FEATURE_BITS } from "../../../../src/memory/extract/model/features";
import { LinearModel, shippedModel, MODEL_PATH, type ModelFile } from "../../../../src/memory/extract/model/linear";
import { fold } from "../../../../src/memory/extract/text";
import { customerMessages } from "../../../../bench/lib/corpus";
import { createRng } from "../../../../bench/lib/rng";
import fs from "node:fs";
import path from "node:path";

/** The word groups as the file states them: line n is group n. */
const GROUPS = new Map(
  fs
    .readFileSync(path.join(path.dirname(MODEL_PATH), "word-clusters.txt"), "utf8")
    .split("\n")
    .flatMap((line, n) => line.split(" ").filter(Boolean).map((w) => [w, n] as const)),
);

/** The features as first written: each feature string built, then hashed. */
function featurizeReference(text: string): number[] {
  const hash = (s: string, salt: number) => {
    let h = (0x811c9dc5 ^ salt) >>> 0;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    return h & ((1 << FEATURE_BITS) - 1);
  };
  const words = (fold(text).replace(/\d/g, "0").match(/[\p{L}\p{N}']+/gu) ?? []).slice(0, 120).map((w) => w.replace(/^'+|'+$/g, "")).filter(Boolean);
  const out: number[] = [];
  let prev = "<s>";
  for (const w of words) {
    out.push(hash(w, 1), hash(`${prev} ${w}`, 2));
    prev = w;
    const group = GROUPS.get(w);
    if (group !== undefined) out.push(hash(`g${group}`, 4), hash(`g${group}`, 4));
    const padded = `<${w}>`;
    for (let i = 0; i + 4 <= padded.length; i++) out.push(hash(padded.slice(i, i + 4), 3));
  }
  if (words.length > 0) out.push(hash(`${prev} </s>`, 2));
  return out;
}

/** Scores as a plain sparse dot product over the file's arrays, through a Map. */
function scoresReference(file: ModelFile, text: string): number[] {
  const bytes = (b64: string) => {
    const b = Buffer.from(b64, "base64");
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
  };
  const ids = new Uint32Array(bytes(file.features));
  const rows = new Uint32Array(bytes(file.rows));
  const cls = new Uint8Array(bytes(file.cls));
  const weights = new Int16Array(bytes(file.weights));
  const rowOf = new Map<number, number>();
  ids.forEach((id, i) => rowOf.set(id, i));
  const sums = new Array<number>(file.bias.length).fill(0);
  for (const f of featurize(text)) {
    const r = rowOf.get(f);
    if (r !== undefined) for (let k = rows[r]!; k < rows[r + 1]!; k++) sums[cls[k]!]! += weights[k]!;
  }
  return sums;
}

/** Texts with accents, digits, apostrophes, other scripts and surrogate pairs, from a seed. */
function oddTexts(seed: number, n: number): string[] {
  const rng = createRng(seed);
  const pieces = ["café", "naïve", "don't", "'quoted'", "A-123", "2026", "Ünïcödé", "日本語", "привет", "emoji 😀 ok", "İstanbul", "x", "", "refund!!", "l'hôtel", "ß", "\u2019s"];
  return Array.from({ length: n }, () => Array.from({ length: rng.int(0, 12) }, () => rng.pick(pieces)).join(rng.pick([" ", "  ", ", ", "\n"])));
}

describe("model fast paths", () => {
  const texts = [...customerMessages(300, createRng(5)).map((m) => m.text), ...oddTexts(9, 300), "word ".repeat(200)];

  it("featurize gives the ids of the feature strings, in order, repeats included", () => {
    for (const t of texts) expect(featurize(t)).toEqual(featurizeReference(t));
  });

  it("gives words used alike one shared feature, and words the groups lack none", () => {
    expect(GROUPS.get("towel")).toBe(GROUPS.get("shampoo"));
    // "towel" and "shampoo" share no n-gram: exactly one feature in common, their group's, counted twice
    const shared = featurize("towel").filter((f) => featurize("shampoo").includes(f));
    expect(shared).toHaveLength(2);
    expect(new Set(shared).size).toBe(1);
    // a word in no group: its unigram, its two bigrams and its three 4-grams only
    expect(GROUPS.has("zzqx")).toBe(false);
    expect(featurize("zzqx")).toHaveLength(2 + 1 + 3);
  });

  it("predict on the shipped model matches the plain dot product over the model file", () => {
    const file = JSON.parse(fs.readFileSync(MODEL_PATH, "utf8")) as ModelFile;
    const model = shippedModel();
    for (const t of texts) {
      const sums = scoresReference(file, t);
      const features = featurize(t);
      const norm = 1 / Math.sqrt(Math.max(1, features.length));
      for (const head of file.heads) {
        const z = head.classes.map((_, j) => (file.bias[head.offset + j]! + sums[head.offset + j]! * norm) * file.class_scale[head.offset + j]!);
        const best = z.indexOf(Math.max(...z));
        const p = model.predict(t)[head.name]!;
        expect(p.label).toBe(head.classes[best]);
        expect(p.probability).toBe(1 / z.reduce((a, v) => a + Math.exp(v - z[best]!), 0));
      }
    }
  });

  it("finds every feature id of a model whose ids crowd the same table slots", () => {
    // 3,000 ids in a row land in neighbouring slots; each row's weight is its own class's
    const ids = Array.from({ length: 3000 }, (_, i) => i * 1024);
    const pack = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
    const file: ModelFile = {
      version: 3,
      trained_on: ["test"],
      heads: [{ name: "h", classes: ["a", "b", "c"], offset: 0 }],
      class_scale: [1, 1, 1],
      bias: [0, 0, 0],
      features: pack(Uint32Array.from(ids)),
      rows: pack(Uint32Array.from([...ids.map((_, i) => i), ids.length])),
      cls: pack(Uint8Array.from(ids.map((_, i) => i % 3))),
      weights: pack(Int16Array.from(ids.map((_, i) => (i % 2 ? -1 : 1) * (1 + (i % 300))))),
      kind_verticals: {},
    };
    const model = new LinearModel(file);
    let known = 0;
    for (const t of [...oddTexts(11, 200), ...texts]) {
      const z = scoresReference(file, t);
      const features = featurize(t);
      const norm = 1 / Math.sqrt(Math.max(1, features.length));
      const scaled = z.map((v) => v * norm);
      const p = model.predict(t).h!;
      expect(p.label).toBe(["a", "b", "c"][scaled.indexOf(Math.max(...scaled))]);
      const hits = features.filter((f) => f % 1024 === 0 && f / 1024 < 3000).length;
      expect(p.coverage).toBe(hits / Math.max(1, features.length));
      known += hits;
    }
    expect(known).toBeGreaterThan(20);
  });

  it("adds up a text whose summed weights pass 32 bits without wrapping round", () => {
    // 120 words of 600 letters: ~72,000 features, ~71,600 of them the 4-gram "aaaa", whose
    // weight of 32,767 for class a sums past 2^31
    const text = Array.from({ length: 120 }, () => "a".repeat(600)).join(" ");
    const gram = featurize("aaaaa")[3]!; // the unigram, the bigram, "<aaa", then "aaaa"
    const features = featurize(text);
    expect(features.filter((f) => f === gram).length * 32767).toBeGreaterThan(2 ** 31);
    const pack = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
    const file: ModelFile = {
      version: 3,
      trained_on: ["test"],
      heads: [{ name: "h", classes: ["a", "b"], offset: 0 }],
      class_scale: [1, 1],
      bias: [0, 0],
      features: pack(Uint32Array.from([gram])),
      rows: pack(Uint32Array.from([0, 1])),
      cls: pack(Uint8Array.from([0])),
      weights: pack(Int16Array.from([32767])),
      kind_verticals: {},
    };
    const p = new LinearModel(file).predict(text).h!;
    expect(p.label).toBe("a");
    expect(p.probability).toBe(1);
  });
});
