// `npx tsx eval/import-written.ts <folder of *.jsonl> [--check]`: writes eval/corpora/written/, customer
// messages written for this project by writers who never saw the extractor's rules, lexicons or
// the public corpora (one file per subject, each line {"text", "vertical", "kinds"}; `kinds` is
// every issue kind an agent would accept, the best first, [] for a message with no issue). Texts
// are kept once (case and spacing aside) and never when already in another sample; a third of
// them, chosen by SHA-1 of the text, go to dev.jsonl, the rest to train.jsonl. With --check it
// writes eval/corpora/written-check/ instead, every row in dev.jsonl (train.jsonl empty): text by
// other writers, a check on the model trained on the first. With --more it writes
// eval/corpora/written-more/, split as written's: text by further writers, written after both
// were measured. With --general it writes eval/corpora/written-general/, every row in dev.jsonl
// as with --check: messages any business could get word for word (a person asked for, the
// support service praised or blamed, one's own details and login, small talk), all general_info. labels.json
// maps each row's label (its vertical and kinds) back.
// Deterministic: same files, same corpus.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ISSUE_RULES } from "../src/memory/extract/issue-rules";
import { MODEL_PATH, type ModelFile } from "../src/memory/extract/model/linear";
import { VERTICALS, type Vertical } from "../src/memory/types";
import { CORPORA_DIR, NO_ISSUE, readRows, type Row } from "./lib/corpora";
import { sampledTexts, textKey } from "./lib/sample";


type Written = { text: string; vertical: Vertical; kinds: string[] };

/** The kinds an agent's note can name: every rule's, and every kind the public corpora's labels give. */
function knownKinds(): Set<string> {
  const model = JSON.parse(fs.readFileSync(MODEL_PATH, "utf8")) as ModelFile;
  return new Set([...ISSUE_RULES.map((r) => r.type), ...Object.keys(model.kind_verticals), NO_ISSUE]);
}

function read(file: string, kinds: Set<string>): Written[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((line, i) => {
      const where = `${path.basename(file)}:${i + 1}`;
      const w = JSON.parse(line) as Partial<Written>;
      if (typeof w.text !== "string" || w.text.trim() === "") throw new Error(`${where}: no text`);
      if (!w.vertical || !(VERTICALS as readonly string[]).includes(w.vertical)) throw new Error(`${where}: vertical "${w.vertical}" is not one of ${VERTICALS.join(", ")}`);
      const ks = Array.isArray(w.kinds) && w.kinds.length > 0 ? w.kinds : [NO_ISSUE];
      for (const k of ks) if (!kinds.has(k)) throw new Error(`${where}: kind "${k}" is named by no rule and no corpus label`);
      return { text: w.text.replace(/\s+/g, " ").trim(), vertical: w.vertical, kinds: ks };
    });
}

const NOTES = {
  written:
    "Messages written for this project (see SOURCES.md), labelled as they were written: a label is the vertical and every issue kind an agent would accept, the best first; (none) is a message with no issue. Written by eval/import-written.ts.",
  "written-check":
    "Messages written for this project by other writers than eval/corpora/written's, after the model had learned from that corpus (see SOURCES.md); all in dev.jsonl, never trained on. Labels as in written. Written by eval/import-written.ts --check.",
  "written-more":
    "Messages written for this project by further writers, after eval/corpora/written and written-check were measured, asked for the plain phrasings of any support chat with one or two words that tell the business (see SOURCES.md). Split and labelled as written. Written by eval/import-written.ts --more.",
  "written-general":
    "Messages written for this project that any business could get word for word (asking for a person, praising or blaming the support service, one's own details and login, small talk), so general_info (see SOURCES.md); all in dev.jsonl, never trained on. Labels as in written. Written by eval/import-written.ts --general.",
};

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const more = args.includes("--more");
  const general = args.includes("--general");
  const dir = args.find((a) => !a.startsWith("--"));
  if (!dir || !fs.existsSync(dir) || [check, more, general].filter(Boolean).length > 1) throw new Error("usage: npx tsx eval/import-written.ts <folder of *.jsonl written for this corpus> [--check | --more | --general]");
  const NAME = check ? "written-check" : more ? "written-more" : general ? "written-general" : "written";
  const kinds = knownKinds();
  const out = path.join(CORPORA_DIR, NAME);
  // The texts of the other samples: this corpus's own files are rewritten, so they do not count.
  const own = new Set(["train.jsonl", "dev.jsonl"].flatMap((f) => readRows(path.join(out, f)).map((r) => textKey(r.text))));
  const seen = new Set([...sampledTexts()].filter((k) => !own.has(k)));
  const parts: Record<"train" | "dev", Row[]> = { train: [], dev: [] };
  const labels: Record<string, { vertical: Vertical; kinds: string[] }> = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort()) {
    const subject = path.basename(file, ".jsonl");
    for (const [i, w] of read(path.join(dir, file), kinds).entries()) {
      const key = textKey(w.text);
      if (seen.has(key)) continue;
      seen.add(key);
      const label = `${w.vertical}:${w.kinds.join("|")}`;
      labels[label] = { vertical: w.vertical, kinds: w.kinds };
      const hash = crypto.createHash("sha1").update(w.text).digest();
      parts[check || general || hash.readUInt32BE(0) % 3 === 0 ? "dev" : "train"].push({ id: `${subject}:${i + 1}`, text: w.text, label });
    }
  }
  fs.mkdirSync(out, { recursive: true });
  for (const [part, rows] of Object.entries(parts)) fs.writeFileSync(path.join(out, `${part}.jsonl`), rows.map((r) => `${JSON.stringify(r)}\n`).join(""));
  const sorted = Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
  const mapping = {
    corpus: NAME,
    written_here: true,
    note: NOTES[NAME],
    labels: sorted,
  };
  fs.writeFileSync(path.join(out, "labels.json"), `${JSON.stringify(mapping, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify({ train: parts.train.length, dev: parts.dev.length, labels: Object.keys(labels).length })}\n`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`import-written: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
