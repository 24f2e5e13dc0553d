// `npx tsx eval/import-dstc9-faq.ts <checkout of alexa/alexa-with-dstc9-track1-dataset>`: writes
// eval/training/dstc9-faq/train.jsonl, the questions of DSTC9 Track 1's knowledge base for its
// training and validation dialogues (`data/knowledge.json`): what guests ask of a hotel, a
// restaurant, a train or a taxi service ("Do you allow pets?", "Is there a daily housekeeping
// service?"), each the title of one FAQ entry. The test set's knowledge base (`data_eval/`) and
// every dialogue log are never read. Questions are kept once (case and spacing aside), never one
// already in the committed eval/corpora samples, capped per domain and chosen by SHA-1 of the
// text. Deterministic: same source, same file.
import fs from "node:fs";
import path from "node:path";
import type { Row } from "./lib/corpora";
import { pickByHash, sampledTexts, trainingOnlyLabels, writeTrainingOnly } from "./lib/sample";

/** Questions kept per knowledge domain. */
const QUOTA: Record<string, number> = { hotel: 1000, restaurant: 1000, train: 100, taxi: 100 };

type Knowledge = Record<string, Record<string, { name?: string; docs: Record<string, { title: string; body: string }> }>>;

function main(): void {
  const arg = process.argv[2];
  const file = arg && path.join(arg, "data", "knowledge.json");
  if (!file || !fs.existsSync(file)) throw new Error("usage: npx tsx eval/import-dstc9-faq.ts <checkout of alexa-with-dstc9-track1-dataset> (data/knowledge.json not found there)");
  const knowledge = JSON.parse(fs.readFileSync(file, "utf8")) as Knowledge;
  const labels = trainingOnlyLabels("dstc9-faq");
  const seen = sampledTexts();
  const out: Row[] = [];
  const counts: Record<string, number> = {};
  for (const domain of Object.keys(QUOTA)) {
    const label = `${domain}:faq`;
    if (!(label in labels)) throw new Error(`${label} is not in eval/training/dstc9-faq/labels.json`);
    const candidates: Row[] = [];
    for (const [entity, e] of Object.entries(knowledge[domain] ?? {})) {
      for (const [doc, d] of Object.entries(e.docs)) {
        const text = d.title.replace(/\s+/g, " ").trim();
        if (text.split(" ").length >= 3) candidates.push({ id: `data/knowledge.json:${domain}:${entity}:${doc}`, text, label });
      }
    }
    const picked = pickByHash(candidates, QUOTA[domain]!, seen);
    out.push(...picked);
    counts[domain] = picked.length;
  }
  writeTrainingOnly("dstc9-faq", out);
  process.stdout.write(`${JSON.stringify({ rows: out.length, per_domain: counts })}\n`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`import-dstc9-faq: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
