// The kinds of problem customers raise, as data: one file per vertical in issue-rules/ (format
// in issue-rules/README.md), read once at load. A rule fires on a sentence (folded: lower
// case, no accents) when `any` matches and, if given, `with` matches too (in the sentence, or
// in the whole message when `withScope` says so), unless `unless` matches (or `unlessMessage`
// anywhere in the message). Co-occurrence of a
// subject ("bag", "order") and a failure ("lost", "hasn't arrived") generalises far better than
// whole sentences. `weight` is specificity: the most specific rule wins, the vertical the
// conversation was routed to breaks near-ties; on a tie the rule read first wins.
import fs from "node:fs";
import path from "node:path";
import type { Urgency, Vertical } from "../types";
import { URGENCIES, VERTICALS } from "../types";
import { requiredText } from "../required-text";

export type IssueRule = {
  type: string;
  weight: number;
  verticals?: Vertical[];
  any: RegExp;
  with?: RegExp;
  withScope?: "message";
  unless?: RegExp;
  /** Stops the rule when it matches anywhere in the message ("… I confirmed it was me"). */
  unlessMessage?: RegExp;
  /** The least urgency this kind of problem has. */
  urgency?: Urgency;
};

const DIR = path.join(__dirname, "issue-rules");
/** Read in this order: hard signals first, cross-vertical kinds last (ties go to the earlier rule). */
export const RULE_FILES = ["hard-signals", "banking_fintech", "saas", "ecommerce", "travel", "telecom", "edtech_support", "any-vertical"];

type Entry = { key: string; value: string; line: number };

/**
 * The "key: value" entries of a rules file, comments and blank lines dropped. An entry ending
 * in "(?:" opens a group whose alternatives follow, one per indented line, closed by an
 * indented line starting with ")"; the group is joined back into one entry.
 */
export function readEntries(text: string, file: string): Entry[] {
  const out: Entry[] = [];
  let open: { entry: Entry; alternatives: string[] } | null = null;
  text.split("\n").forEach((raw, i) => {
    const line = i + 1;
    if (open) {
      const t = raw.trim();
      if (!/^\s/.test(raw) || t === "") throw new Error(`${file}:${line}: the group opened on line ${open.entry.line} is not closed`);
      if (t.startsWith(")")) {
        out.push({ ...open.entry, value: `${open.entry.value}${open.alternatives.join("|")}${t}` });
        open = null;
      } else {
        open.alternatives.push(t);
      }
      return;
    }
    if (raw.trim() === "" || raw.startsWith("#")) return;
    const section = /^\[([a-z_]+)\]$/.exec(raw);
    if (section) return out.push({ key: "[", value: section[1]!, line });
    const m = /^([a-z-]+|[A-Z_]+): (.*)$/.exec(raw);
    if (!m) throw new Error(`${file}:${line}: expected "key: value" or "[kind]"`);
    const entry = { key: m[1]!, value: m[2]!, line };
    if (entry.value.endsWith("(?:")) open = { entry, alternatives: [] };
    else out.push(entry);
  });
  if (open) throw new Error(`${file}: the group opened on line ${(open as { entry: Entry }).entry.line} is not closed`);
  return out;
}

/** Fragments by name: each line adds an alternative; a fragment may use those defined above it. */
export function readFragments(text: string, file: string): Map<string, string> {
  const parts = new Map<string, string[]>();
  for (const e of readEntries(text, file)) parts.set(e.key, [...(parts.get(e.key) ?? []), e.value]);
  const out = new Map<string, string>();
  for (const [k, v] of parts) out.set(k, expand(v.join("|"), out, `${file} ${k}`));
  return out;
}

function expand(pattern: string, fragments: Map<string, string>, where: string): string {
  return pattern.replace(/\{([A-Z_]+)\}/g, (_, name: string) => {
    const f = fragments.get(name);
    if (f === undefined) throw new Error(`${where}: no fragment named ${name}`);
    return f;
  });
}

export function parseRules(text: string, file: string, fragments: Map<string, string>): IssueRule[] {
  type Draft = { type: string; line: number; fields: Map<string, string[]> };
  const drafts: Draft[] = [];
  for (const e of readEntries(text, file)) {
    if (e.key === "[") {
      drafts.push({ type: e.value, line: e.line, fields: new Map() });
      continue;
    }
    const d = drafts[drafts.length - 1];
    if (!d) throw new Error(`${file}:${e.line}: "${e.key}" before the first [kind]`);
    d.fields.set(e.key, [...(d.fields.get(e.key) ?? []), expand(e.value, fragments, `${file}:${e.line}`)]);
  }
  return drafts.map((d) => {
    const where = `${file}:${d.line} [${d.type}]`;
    const one = (k: string) => d.fields.get(k)?.[0];
    const rx = (k: string) => (d.fields.has(k) ? new RegExp(d.fields.get(k)!.join("|")) : undefined);
    for (const k of d.fields.keys()) {
      if (!["weight", "verticals", "urgency", "with-scope", "any", "with", "unless", "unless-message"].includes(k)) throw new Error(`${where}: unknown key "${k}"`);
    }
    const weight = Number(one("weight"));
    if (!Number.isFinite(weight)) throw new Error(`${where}: weight must be a number`);
    const any = rx("any");
    if (!any) throw new Error(`${where}: a rule needs at least one "any" line`);
    const verticals = one("verticals")?.split(",").map((v) => v.trim());
    for (const v of verticals ?? []) if (!(VERTICALS as readonly string[]).includes(v)) throw new Error(`${where}: unknown vertical "${v}"`);
    const urgency = one("urgency");
    if (urgency !== undefined && !(URGENCIES as readonly string[]).includes(urgency)) throw new Error(`${where}: unknown urgency "${urgency}"`);
    const scope = one("with-scope");
    if (scope !== undefined && scope !== "message") throw new Error(`${where}: with-scope can only be "message"`);
    const rule: IssueRule = { type: d.type, weight, any };
    if (verticals) rule.verticals = verticals as Vertical[];
    if (urgency) rule.urgency = urgency as Urgency;
    const withRx = rx("with");
    if (withRx) rule.with = withRx;
    if (scope) rule.withScope = "message";
    const unless = rx("unless");
    if (unless) rule.unless = unless;
    const unlessMessage = rx("unless-message");
    if (unlessMessage) rule.unlessMessage = unlessMessage;
    return rule;
  });
}

const readRuleFile = (name: string) => fs.readFileSync(path.join(DIR, `${name}.rules`), "utf8");

/** The shared fragments of fragments.rules, for code that reads the same phrases as the rules. */
export const RULE_FRAGMENTS: ReadonlyMap<string, string> = readFragments(readRuleFile("fragments"), "fragments.rules");

export const ISSUE_RULES: IssueRule[] = RULE_FILES.flatMap((name) => parseRules(readRuleFile(name), `${name}.rules`, new Map(RULE_FRAGMENTS)));

/**
 * The strings one of which a rule cannot fire without (see required-text.ts): its "any"'s, or,
 * where none can be told, its "with"'s when that is read in the same sentence.
 */
export const ruleRequiredText = (r: IssueRule): string[] | null => requiredText(r.any) ?? (r.with && !r.withScope ? requiredText(r.with) : null);
