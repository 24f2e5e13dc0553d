// `npx tsx eval/import-hotel-turns.ts <folder of *.jsonl>`: writes eval/corpora/written-hotel-turns/,
// turns to a hotel's assistant written for this project by writers who never saw the extractor,
// each line {"id", "text", "intents"} labelled with NLU++'s intent modules (the list and a line on
// each, nothing of the corpus itself). They get their vertical and issue kinds from the same
// label rules as eval/corpora/nlupp-hotels (copied into this corpus's labels.json), so they follow
// that corpus's conventions. As for NLU++: rows of 3+ words a rule covers are sampled; a third of
// them, chosen by SHA-1 of the text, go to dev.jsonl, the rest to train.jsonl; the train-side rows
// no rule covers (4+ words) go to train-vertical.jsonl (routing only). Texts are kept once (case
// and spacing aside) and never when already in another sample or a train-only corpus. Deterministic: same files, same corpus.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { CORPORA_DIR, loadTrainingOnly, readRows, rowTarget, trainingOnlyNames, type Mapping, type Row } from "./lib/corpora";
import { sampledTexts, textKey } from "./lib/sample";

const NAME = "written-hotel-turns";
/** NLU++'s hotel modules: a turn with none of them says nothing of the stay itself. */
const HOTEL_MODULES = ["booking", "check_in", "check_out", "wifi", "gym", "spa", "swimming_pool", "parking", "pets", "restaurant", "room_service", "housekeeping", "room_ammenities", "accesibility"];
const words = (s: string): number => s.trim().split(/\s+/).length;

function main(): void {
  const folder = process.argv[2];
  if (!folder || !fs.existsSync(folder)) throw new Error("usage: npx tsx eval/import-hotel-turns.ts <folder of *.jsonl files>");
  const hotels = JSON.parse(fs.readFileSync(path.join(CORPORA_DIR, "nlupp-hotels", "labels.json"), "utf8")) as Mapping;
  const out = path.join(CORPORA_DIR, NAME);
  fs.mkdirSync(out, { recursive: true });
  // Texts of the other samples; this corpus's own rows are read again from the files given.
  const own = new Set(["train.jsonl", "dev.jsonl", "train-vertical.jsonl"].flatMap((f) => readRows(path.join(out, f)).map((r) => textKey(r.text))));
  // Nor a text of a train-only corpus (eval/training): a dev row must be text nothing trains on.
  const seen = new Set([...[...sampledTexts()].filter((t) => !own.has(t)), ...trainingOnlyNames().flatMap((n) => loadTrainingOnly(n).map((r) => textKey(r.text)))]);
  const parts: Record<"train" | "dev" | "vertical", Row[]> = { train: [], dev: [], vertical: [] };
  for (const file of fs.readdirSync(folder).filter((f) => f.endsWith(".jsonl")).sort()) {
    for (const row of readRows(path.join(folder, file))) {
      const key = textKey(row.text);
      if (seen.has(key) || words(row.text) < 3) continue;
      seen.add(key);
      const dev = crypto.createHash("sha1").update(row.text).digest().readUInt32BE(0) % 3 === 0;
      const r: Row = { id: `${file.replace(/\.jsonl$/, "")}:${row.id}`, text: row.text, intents: row.intents };
      if (rowTarget(hotels, r)) parts[dev ? "dev" : "train"].push(r);
      else if (!dev && words(row.text) >= 4) parts.vertical.push(r);
    }
  }
  const labels = {
    corpus: NAME,
    written_here: true,
    note: "Turns to a hotel's assistant written for this project (SOURCES.md), labelled by their writers with NLU++'s intent modules. The rules are eval/corpora/nlupp-hotels/labels.json's, copied (its note says how they were reviewed), so the kinds follow that corpus's conventions, after one of ours: a request for a person with no hotel module names no business (vertical null). Written by eval/import-hotel-turns.ts.",
    unmapped_vertical: hotels.unmapped_vertical,
    // A request for a person that names nothing of the stay names no business (as Bitext's and
    // the written corpora's are read): contact_request, vertical null.
    rules: [{ all: ["handoff"], none: HOTEL_MODULES, vertical: null, kinds: ["contact_request"] }, ...(hotels.rules ?? [])],
  };
  fs.writeFileSync(path.join(out, "labels.json"), `${JSON.stringify(labels, null, 2)}\n`);
  const write = (f: string, rows: Row[]) => fs.writeFileSync(path.join(out, f), rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : ""));
  write("train.jsonl", parts.train);
  write("dev.jsonl", parts.dev);
  write("train-vertical.jsonl", parts.vertical);
  process.stdout.write(`${JSON.stringify({ corpus: NAME, train: parts.train.length, dev: parts.dev.length, vertical_only: parts.vertical.length })}\n`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`import-hotel-turns: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
