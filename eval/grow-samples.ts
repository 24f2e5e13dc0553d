// `npx tsx eval/grow-samples.ts <checkout of PolyAI-LDN/task-specific-datasets>`: adds to the
// train parts of eval/corpora the rows of the corpora's training data that the samples do not
// hold yet. dev.jsonl is never changed, and a text already in either part is never added again,
// so the development split stays the one measured before. Deterministic (rows in source order).
import fs from "node:fs";
import path from "node:path";
import { CORPORA_DIR, readRows, rowTarget, type Row } from "./lib/corpora";

/**
 * The rows of a CSV with a header `text,category`; a quoted field may hold commas, doubled
 * quotes and line breaks. Ids count records, the header being record 1 (as the samples do).
 */
function readBanking77(file: string): Row[] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  const src = fs.readFileSync(file, "utf8");
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') (field += '"'), (i += 1);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") record.push(field), (field = "");
    else if (ch === "\n") {
      record.push(field);
      if (record.some((f) => f.trim() !== "")) records.push(record);
      (record = []), (field = "");
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records.slice(1).map((r, i) => {
    if (r.length !== 2) throw new Error(`${file}: record ${i + 2} has ${r.length} fields, expected text,category`);
    return { id: `train.csv:${i + 2}`, text: r[0]!.trim(), label: r[1]!.trim() };
  });
}

function readNlupp(dir: string): Row[] {
  const out: Row[] = [];
  for (let fold = 0; fold <= 9; fold++) {
    const items = JSON.parse(fs.readFileSync(path.join(dir, `fold${fold}.json`), "utf8")) as { text: string; intents?: string[] }[];
    items.forEach((it, i) => out.push({ id: `fold${fold}.json:${i}`, text: it.text.trim(), intents: it.intents ?? [] }));
  }
  return out;
}

/** Rows that say only yes, no, thanks, hello or bye carry no business. */
const SMALL_TALK = new Set(["affirm", "deny", "greet", "thank", "acknowledge", "end_call", "repeat", "dont_know"]);
const saysSomething = (r: Row): boolean => {
  const intents = r.intents ?? [];
  return r.text.split(/\s+/).filter(Boolean).length >= 4 && (intents.length === 0 || !intents.every((i) => SMALL_TALK.has(i)));
};

/**
 * Appends the new rows of `candidates` (covered by labels.json, text not yet sampled) to
 * train.jsonl; with `verticalOnly`, the rows no rule covers that say something go to
 * train-vertical.jsonl (rewritten).
 */
function grow(name: string, candidates: Row[], keep: (r: Row) => boolean, verticalOnly = false): number {
  const dir = path.join(CORPORA_DIR, name);
  const mapping = JSON.parse(fs.readFileSync(path.join(dir, "labels.json"), "utf8"));
  const train = readRows(path.join(dir, "train.jsonl"));
  const seen = new Set([...train, ...readRows(path.join(dir, "dev.jsonl"))].map((r) => r.text.toLowerCase()));
  const added: Row[] = [];
  const unmapped: Row[] = [];
  for (const r of candidates) {
    const key = r.text.toLowerCase();
    if (seen.has(key) || !keep(r)) continue;
    seen.add(key);
    if (rowTarget(mapping, r) !== null) added.push(r);
    else if (verticalOnly && saysSomething(r)) unmapped.push({ id: r.id, text: r.text });
  }
  if (verticalOnly) fs.writeFileSync(path.join(dir, "train-vertical.jsonl"), unmapped.map((r) => `${JSON.stringify(r)}\n`).join(""));
  // appended, so the rows already there keep their bytes
  if (added.length > 0) fs.appendFileSync(path.join(dir, "train.jsonl"), added.map((r) => `${JSON.stringify(r)}\n`).join(""));
  return added.length;
}

function main(): void {
  const from = process.argv[2];
  if (!from || !fs.existsSync(path.join(from, "banking_data", "train.csv"))) {
    throw new Error("usage: npx tsx eval/grow-samples.ts <checkout of PolyAI-LDN/task-specific-datasets> (banking_data/train.csv not found there)");
  }
  const threeWords = (r: Row) => r.text.split(/\s+/).filter(Boolean).length >= 3;
  const report = {
    banking77: grow("banking77", readBanking77(path.join(from, "banking_data", "train.csv")), () => true),
    "nlupp-banking": grow("nlupp-banking", readNlupp(path.join(from, "nlupp", "data", "banking")), threeWords, true),
    "nlupp-hotels": grow("nlupp-hotels", readNlupp(path.join(from, "nlupp", "data", "hotels")), threeWords, true),
  };
  process.stdout.write(`${JSON.stringify({ added_to_train: report })}\n`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`grow-samples: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
