// `npx tsx eval/import-dstc11-reviews.ts <checkout of alexa/dstc11-track5>`: writes
// eval/training/dstc11-reviews/train.jsonl, sentences of the guest reviews in DSTC11 Track 5's
// knowledge base (`data/knowledge.json`): what guests say of a hotel's rooms, staff, breakfast,
// wifi and parking, or of a restaurant's food and service ("No luggage storage service was
// inconvenient, and I was surprised there was no safety deposit box in a room."). No dialogue
// log or label file of any split is read. Sentences of five words or more, each once (case and
// spacing aside), never one already in the committed eval/corpora samples, capped per domain and
// chosen by SHA-1 of the text. Deterministic: same source, same file.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { CORPORA_DIR, TRAINING_ONLY_DIR, corpusNames, readRows, type Row } from "./lib/corpora";

/** Sentences kept per knowledge domain. */
const QUOTA: Record<string, number> = { hotel: 2000, restaurant: 500 };

type Knowledge = Record<string, Record<string, { reviews?: Record<string, { sentences: Record<string, string> }> }>>;

const sha1 = (s: string): string => crypto.createHash("sha1").update(s).digest("hex");
const key = (s: string): string => s.toLowerCase().replace(/\s+/g, " ").trim();

function main(): void {
  const arg = process.argv[2];
  const file = arg && path.join(arg, "data", "knowledge.json");
  if (!file || !fs.existsSync(file)) throw new Error("usage: npx tsx eval/import-dstc11-reviews.ts <checkout of dstc11-track5> (data/knowledge.json not found there)");
  const knowledge = JSON.parse(fs.readFileSync(file, "utf8")) as Knowledge;
  const outDir = path.join(TRAINING_ONLY_DIR, "dstc11-reviews");
  const labels = (JSON.parse(fs.readFileSync(path.join(outDir, "labels.json"), "utf8")) as { labels: Record<string, unknown> }).labels;

  const seen = new Set<string>();
  for (const name of corpusNames()) {
    for (const f of ["train.jsonl", "dev.jsonl", "train-vertical.jsonl"]) for (const r of readRows(path.join(CORPORA_DIR, name, f))) seen.add(key(r.text));
  }
  const out: Row[] = [];
  const counts: Record<string, number> = {};
  for (const domain of Object.keys(QUOTA)) {
    const label = `${domain}:review`;
    if (!(label in labels)) throw new Error(`${label} is not in eval/training/dstc11-reviews/labels.json`);
    const candidates: (Row & { hash: string })[] = [];
    for (const [entity, e] of Object.entries(knowledge[domain] ?? {})) {
      for (const [review, r] of Object.entries(e.reviews ?? {})) {
        for (const [n, sentence] of Object.entries(r.sentences)) {
          const text = sentence.replace(/\s+/g, " ").trim();
          if (text.split(" ").length >= 5) candidates.push({ id: `data/knowledge.json:${domain}:${entity}:${review}:${n}`, text, label, hash: sha1(text) });
        }
      }
    }
    candidates.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.id < b.id ? -1 : 1));
    let picked = 0;
    for (const c of candidates) {
      if (picked >= QUOTA[domain]!) break;
      const k = key(c.text);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ id: c.id, text: c.text, label: c.label });
      picked += 1;
    }
    counts[domain] = picked;
  }
  fs.writeFileSync(path.join(outDir, "train.jsonl"), out.map((r) => `${JSON.stringify(r)}\n`).join(""));
  process.stdout.write(`${JSON.stringify({ rows: out.length, per_domain: counts })}\n`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`import-dstc11-reviews: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
