// `npx tsx eval/import-sgd.ts <checkout of google-research-datasets/dstc8-schema-guided-dialogue, or its train/ folder>`:
// writes eval/training/sgd/train.jsonl, user turns of the Schema-Guided Dialogue dataset's TRAIN
// split (dev/ and test/ are never read) for the travel, restaurant and bank services that
// eval/training/sgd/labels.json maps. A turn is labelled `<service>:<active intent>` when the
// user states what they want (an INFORM_INTENT act), `...:request` when they ask about something
// (a REQUEST act: "do they allow pets?"), `...:details` otherwise (they give details of it).
// Turns that say nothing of the business are skipped (see `saysSomething`); the sample is capped
// per service family (turns that only give details at most a third of it), chosen by SHA-1 of the text, without duplicate texts and without any text
// of the committed eval/corpora samples. Deterministic: same source, same file.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Row } from "./lib/corpora";
import { sampledTexts, textKey, trainingOnlyLabels, writeTrainingOnly } from "./lib/sample";

/** Rows kept per service family (the part of the service name before `_`). */
const QUOTA: Record<string, number> = {
  Hotels: 2000,
  Restaurants: 600,
  Flights: 300,
  RentalCars: 200,
  Buses: 200,
  Travel: 200,
  Banks: 600,
};

type Action = { act: string; slot: string };
type Frame = { service: string; actions: Action[]; state?: { active_intent: string } };
type Turn = { speaker: string; utterance: string; frames: Frame[] };
type Dialogue = { dialogue_id: string; turns: Turn[] };

/** Acts that carry no business of their own: yes, no, thanks, bye, "that one", "something else". */
const SMALL_TALK = new Set(["AFFIRM", "NEGATE", "THANK_YOU", "GOODBYE", "SELECT", "REQUEST_ALTS", "AFFIRM_INTENT", "NEGATE_INTENT"]);

/**
 * Four words or more, and either the user states what they want (INFORM_INTENT) or asks about
 * something (REQUEST), or the turn has six words or more and is not only small talk: a turn
 * whose only content is a slot value ("the 3rd of March", "2 people please") is left out.
 */
function saysSomething(text: string, acts: string[]): boolean {
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words < 4) return false;
  if (acts.includes("INFORM_INTENT") || acts.includes("REQUEST")) return true;
  return words >= 6 && !acts.every((a) => SMALL_TALK.has(a));
}

const sha1 = (s: string): string => crypto.createHash("sha1").update(s).digest("hex");

function main(): void {
  const arg = process.argv[2];
  if (!arg) throw new Error("usage: npx tsx eval/import-sgd.ts <checkout of dstc8-schema-guided-dialogue, or its train/ folder>");
  const trainDir = fs.existsSync(path.join(arg, "train", "schema.json")) ? path.join(arg, "train") : arg;
  if (path.basename(path.resolve(trainDir)) !== "train" || !fs.existsSync(path.join(trainDir, "schema.json"))) {
    throw new Error(`${arg}: no train/schema.json there (only the train split is read)`);
  }
  const labels = trainingOnlyLabels("sgd");

  // texts of the committed samples (both parts), never added again
  const seen = sampledTexts();

  const files = fs
    .readdirSync(trainDir)
    .filter((f) => /^dialogues_\d+\.json$/.test(f))
    .sort();
  const byFamily = new Map<string, (Row & { label: string; hash: string })[]>();
  for (const file of files) {
    const dialogues = JSON.parse(fs.readFileSync(path.join(trainDir, file), "utf8")) as Dialogue[];
    for (const d of dialogues) {
      d.turns.forEach((t, i) => {
        if (t.speaker !== "USER") return;
        const frames = t.frames.filter((f) => f.state && f.state.active_intent !== "NONE");
        if (frames.length !== 1) return;
        const f = frames[0]!;
        const acts = t.frames.flatMap((fr) => fr.actions.map((a) => a.act));
        const text = t.utterance.trim();
        if (!saysSomething(text, acts)) return;
        const suffix = acts.includes("REQUEST") ? ":request" : acts.includes("INFORM_INTENT") ? "" : ":details";
        const label = `${f.service}:${f.state!.active_intent}${suffix}`;
        if (!(label in labels)) return;
        const family = f.service.split("_")[0]!;
        if (!(family in QUOTA)) return;
        const list = byFamily.get(family) ?? [];
        list.push({ id: `train/${file}:${d.dialogue_id}:${i}`, text, label, hash: sha1(text) });
        byFamily.set(family, list);
      });
    }
  }

  const out: Row[] = [];
  const counts: Record<string, number> = {};
  for (const family of Object.keys(QUOTA)) {
    const candidates = (byFamily.get(family) ?? []).sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.id < b.id ? -1 : 1));
    // turns that only give details fill at most a third of the quota (more if too few others)
    const quota = QUOTA[family]!;
    const picked: Row[] = [];
    const take = (rows: typeof candidates, limit: number): void => {
      for (const c of rows) {
        if (picked.length >= limit) break;
        const k = textKey(c.text);
        if (seen.has(k)) continue;
        seen.add(k);
        picked.push({ id: c.id, text: c.text, label: c.label });
      }
    };
    const isDetails = (c: { label: string }): boolean => c.label.endsWith(":details");
    take(candidates.filter((c) => !isDetails(c)), quota - Math.floor(quota / 3));
    take(candidates.filter(isDetails), quota);
    out.push(...picked);
    counts[family] = picked.length;
  }
  writeTrainingOnly("sgd", out);
  process.stdout.write(`${JSON.stringify({ files: files.length, rows: out.length, per_family: counts })}\n`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`import-sgd: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
