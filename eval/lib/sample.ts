// What the importers of train-only corpora (eval/import-*.ts) share: the texts already in the
// committed samples, which are never imported again, and a deterministic pick of rows by SHA-1.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { CORPORA_DIR, TRAINING_ONLY_DIR, corpusNames, readRows, type Row } from "./corpora";

/** A text as compared for duplicates: case and spacing aside. */
export const textKey = (s: string): string => s.toLowerCase().replace(/\s+/g, " ").trim();

const sha1 = (s: string): string => crypto.createHash("sha1").update(s).digest("hex");

/** The keys of every text in the eval/corpora samples (both parts and the vertical-only rows). */
export function sampledTexts(): Set<string> {
  const seen = new Set<string>();
  for (const name of corpusNames()) {
    for (const f of ["train.jsonl", "dev.jsonl", "train-vertical.jsonl"]) for (const r of readRows(path.join(CORPORA_DIR, name, f))) seen.add(textKey(r.text));
  }
  return seen;
}

/**
 * Up to `quota` of `candidates` in SHA-1 order of their text (then id), skipping texts in `seen`
 * and adding the ones taken to it.
 */
export function pickByHash(candidates: Row[], quota: number, seen: Set<string>): Row[] {
  const hashed = candidates.map((c) => ({ c, hash: sha1(c.text) }));
  hashed.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.c.id < b.c.id ? -1 : 1));
  const picked: Row[] = [];
  for (const { c } of hashed) {
    if (picked.length >= quota) break;
    const k = textKey(c.text);
    if (seen.has(k)) continue;
    seen.add(k);
    picked.push(c);
  }
  return picked;
}

/** The labels a train-only corpus maps (its labels.json), to check an importer's labels against. */
export function trainingOnlyLabels(name: string): Record<string, unknown> {
  return (JSON.parse(fs.readFileSync(path.join(TRAINING_ONLY_DIR, name, "labels.json"), "utf8")) as { labels: Record<string, unknown> }).labels;
}

export function writeTrainingOnly(name: string, rows: Row[]): void {
  fs.writeFileSync(path.join(TRAINING_ONLY_DIR, name, "train.jsonl"), rows.map((r) => `${JSON.stringify({ id: r.id, text: r.text, label: r.label })}\n`).join(""));
}
