// The committed corpus samples and their label mappings: each example becomes the text, the
// vertical it should route to (null: the text names no business, not scored) and the issue
// kinds an agent would accept (the first is the one a model is trained to predict).
import fs from "node:fs";
import path from "node:path";
import type { Vertical } from "../../src/memory/types";

export type Split = "train" | "dev";
export type Example = { id: string; text: string; vertical: Vertical | null; kinds: string[] };
/** `writtenHere`: text written for this project, not a public corpus (eval/corpora/written*): scored, but no goal applies. */
export type Corpus = { name: string; examples: Example[]; writtenHere: boolean };

type LabelTarget = { vertical: Vertical | null; kinds: string[] };
/** `text`: a regular expression (case-insensitive) the row's text must match too, for what the intents do not say ("top up"); `none`: intents the row must not have. */
type Rule = LabelTarget & { all?: string[]; any?: string[]; also_any?: string[]; none?: string[]; text?: string };
export type Row = { id: string; text: string; label?: string; intents?: string[] };
export type Mapping = { labels?: Record<string, LabelTarget>; rules?: Rule[]; unmapped_vertical?: Vertical; written_here?: boolean };
/** The issue kind of a text with no issue ("thanks!"): what the scorer calls the extractor's answer then; never trained as a kind. */
export const NO_ISSUE = "(none)";

export const CORPORA_DIR = path.join(__dirname, "..", "corpora");
/** Corpora that are only trained on: `train.jsonl` and `labels.json`, no dev part, never scored. */
export const TRAINING_ONLY_DIR = path.join(__dirname, "..", "training");

/** The rows of a JSON-lines file (which must exist). */
function parseRows(file: string): Row[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Row);
}

/** The rows of a JSON-lines file; none when the file does not exist. */
export function readRows(file: string): Row[] {
  return fs.existsSync(file) ? parseRows(file) : [];
}

export function corpusNames(): string[] {
  return fs
    .readdirSync(CORPORA_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

function matches(rule: Rule, intents: Set<string>, text: string): boolean {
  if (rule.text !== undefined && !new RegExp(rule.text, "i").test(text)) return false;
  if (!(rule.all ?? []).every((i) => intents.has(i))) return false;
  if (rule.any && !rule.any.some((i) => intents.has(i))) return false;
  if (rule.also_any && !rule.also_any.some((i) => intents.has(i))) return false;
  if (rule.none && rule.none.some((i) => intents.has(i))) return false;
  return true;
}

/** The mapping's target for one row: its label's, or the first rule's that covers its intents; null if none. */
export function rowTarget(mapping: Mapping, row: Row): LabelTarget | null {
  if (row.label !== undefined) return mapping.labels?.[row.label] ?? null;
  const intents = new Set(row.intents ?? []);
  return (mapping.rules ?? []).find((r) => matches(r, intents, row.text)) ?? null;
}

/** The mapping's target for one row; a row no label or rule covers is a mistake in the files. */
function targetOf(folder: string, mapping: Mapping, row: Row): LabelTarget {
  const t = rowTarget(mapping, row);
  if (t) return t;
  if (row.label !== undefined) throw new Error(`${folder}: label "${row.label}" of ${row.id} is not in labels.json`);
  throw new Error(`${folder}: no rule in labels.json covers ${row.id} (${(row.intents ?? []).join(", ")})`);
}

export function loadCorpus(name: string, split: Split): Corpus {
  const dir = path.join(CORPORA_DIR, name);
  const mapping = JSON.parse(fs.readFileSync(path.join(dir, "labels.json"), "utf8")) as Mapping;
  return {
    name,
    writtenHere: mapping.written_here === true,
    examples: parseRows(path.join(dir, `${split}.jsonl`)).map((row) => {
      const t = targetOf(`eval/corpora/${name}`, mapping, row);
      return { id: row.id, text: row.text, vertical: t.vertical, kinds: t.kinds };
    }),
  };
}

/**
 * Train rows that no label covers but that are said to the corpus's business
 * (`train-vertical.jsonl`, vertical from `unmapped_vertical` in labels.json): vertical training
 * only, never scored.
 */
export function loadVerticalOnly(name: string): { id: string; text: string; vertical: Vertical }[] {
  const dir = path.join(CORPORA_DIR, name);
  const file = path.join(dir, "train-vertical.jsonl");
  if (!fs.existsSync(file)) return [];
  const mapping = JSON.parse(fs.readFileSync(path.join(dir, "labels.json"), "utf8")) as Mapping;
  const vertical = mapping.unmapped_vertical;
  if (!vertical) throw new Error(`eval/corpora/${name}: train-vertical.jsonl needs "unmapped_vertical" in labels.json`);
  return parseRows(file).map((row) => ({ ...row, vertical }));
}

export function trainingOnlyNames(): string[] {
  if (!fs.existsSync(TRAINING_ONLY_DIR)) return [];
  return fs
    .readdirSync(TRAINING_ONLY_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/**
 * The rows of a train-only corpus (eval/training/<name>) with their vertical and kinds from its
 * labels.json; every row must be covered (an empty `kinds` list trains the vertical only).
 */
export function loadTrainingOnly(name: string): Example[] {
  const dir = path.join(TRAINING_ONLY_DIR, name);
  const mapping = JSON.parse(fs.readFileSync(path.join(dir, "labels.json"), "utf8")) as Mapping;
  return parseRows(path.join(dir, "train.jsonl")).map((row) => {
    const t = targetOf(`eval/training/${name}`, mapping, row);
    return { id: row.id, text: row.text, vertical: t.vertical, kinds: t.kinds };
  });
}
