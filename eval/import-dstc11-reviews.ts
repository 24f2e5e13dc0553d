// `npx tsx eval/import-dstc11-reviews.ts <checkout of alexa/dstc11-track5>`: writes
// eval/training/dstc11-reviews/train.jsonl, sentences of the guest reviews in DSTC11 Track 5's
// knowledge base (`data/knowledge.json`): what guests say of a hotel's rooms, staff, breakfast,
// wifi and parking, or of a restaurant's food and service ("No luggage storage service was
// inconvenient, and I was surprised there was no safety deposit box in a room."). No dialogue
// log or label file of any split is read. Sentences of five words or more, each once (case and
// spacing aside), never one already in the committed eval/corpora samples, capped per domain and
// chosen by SHA-1 of the text. Deterministic: same source, same file.
import fs from "node:fs";
import path from "node:path";
import type { Row } from "./lib/corpora";
import { pickByHash, sampledTexts, trainingOnlyLabels, writeTrainingOnly } from "./lib/sample";

/** Sentences kept per knowledge domain. */
const QUOTA: Record<string, number> = { hotel: 2000, restaurant: 500 };

type Knowledge = Record<string, Record<string, { reviews?: Record<string, { sentences: Record<string, string> }> }>>;

function main(): void {
  const arg = process.argv[2];
  const file = arg && path.join(arg, "data", "knowledge.json");
  if (!file || !fs.existsSync(file)) throw new Error("usage: npx tsx eval/import-dstc11-reviews.ts <checkout of dstc11-track5> (data/knowledge.json not found there)");
  const knowledge = JSON.parse(fs.readFileSync(file, "utf8")) as Knowledge;
  const labels = trainingOnlyLabels("dstc11-reviews");
  const seen = sampledTexts();
  const out: Row[] = [];
  const counts: Record<string, number> = {};
  for (const domain of Object.keys(QUOTA)) {
    const label = `${domain}:review`;
    if (!(label in labels)) throw new Error(`${label} is not in eval/training/dstc11-reviews/labels.json`);
    const candidates: Row[] = [];
    for (const [entity, e] of Object.entries(knowledge[domain] ?? {})) {
      for (const [review, r] of Object.entries(e.reviews ?? {})) {
        for (const [n, sentence] of Object.entries(r.sentences)) {
          const text = sentence.replace(/\s+/g, " ").trim();
          if (text.split(" ").length >= 5) candidates.push({ id: `data/knowledge.json:${domain}:${entity}:${review}:${n}`, text, label });
        }
      }
    }
    const picked = pickByHash(candidates, QUOTA[domain]!, seen);
    out.push(...picked);
    counts[domain] = picked.length;
  }
  writeTrainingOnly("dstc11-reviews", out);
  process.stdout.write(`${JSON.stringify({ rows: out.length, per_domain: counts })}\n`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`import-dstc11-reviews: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
