// Finds the labels of LABEL_RULES in a text. Each word start is looked up by its lowercase
// word in a map of heads, and only the rules with that head are tried there: one pass over
// the characters plus a few sticky matches, instead of a large alternation at every position.
import { CJK, isCjk } from "./label-values";
import { LABEL_RULES, type LabelKind } from "./vocabulary";

export type FoundLabel = { start: number; end: number; kind: LabelKind; text: string };

// A label ends where a word would go on; a CJK letter after it starts the next word ("密码是…").
const RULE_AT = LABEL_RULES.map((r) => new RegExp(String.raw`(?:${r.pattern})(?!(?![${CJK}])[\p{L}_])`, "iuy"));

/** Rules by their head word; rules whose head is written in CJK by its first character (CJK puts no space between words). */
const RULES_BY_HEAD = new Map<string, number[]>();
const RULES_BY_CJK_START = new Map<string, number[]>();
LABEL_RULES.forEach((rule, index) => {
  for (const head of rule.heads.split(" ")) {
    const [map, key] = isCjk(head[0]) ? [RULES_BY_CJK_START, head[0]!] : [RULES_BY_HEAD, head];
    const list = map.get(key) ?? [];
    if (!list.includes(index)) list.push(index);
    map.set(key, list);
  }
});

// Cheap filters before a word is sliced and lowercased: its first character and its length.
const HEAD_FIRST = new Set([...RULES_BY_HEAD.keys()].map((h) => h[0]));
const HEAD_MAX = Math.max(...[...RULES_BY_HEAD.keys()].map((h) => h.length));

const TOKEN_OPEN = "[REDACTED:";

const NON_ASCII_WORD = /[\p{L}\p{M}\p{N}]/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  return NON_ASCII_WORD.test(text[i]) && !isCjk(text[i]);
}

/** The first rule of `rules` that matches at `start`, as a label. */
function labelAt(text: string, start: number, rules: number[]): FoundLabel | null {
  for (const index of rules) {
    const re = RULE_AT[index];
    re.lastIndex = start;
    const m = re.exec(text);
    if (m) return { start, end: start + m[0].length, kind: LABEL_RULES[index].kind, text: m[0] };
  }
  return null;
}

/** Labels left to right, not overlapping; at one word the first rule (in table order) that matches wins. */
export function findLabels(text: string): FoundLabel[] {
  const labels: FoundLabel[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text, i)) {
      const cjkRules = text.charCodeAt(i) >= 0x3000 ? RULES_BY_CJK_START.get(text[i]) : undefined;
      const label = cjkRules ? labelAt(text, i, cjkRules) : null;
      if (label) labels.push(label);
      i = label ? label.end : i + 1;
      continue;
    }
    const start = i;
    while (i < n && isWordChar(text, i)) i++;
    if (i - start > HEAD_MAX || !HEAD_FIRST.has(text[start].toLowerCase())) continue;
    // The type inside an earlier token ("[REDACTED:cvv]") is not a label.
    if (start >= TOKEN_OPEN.length && text.startsWith(TOKEN_OPEN, start - TOKEN_OPEN.length)) continue;
    const rules = RULES_BY_HEAD.get(text.slice(start, i).toLowerCase());
    const label = rules ? labelAt(text, start, rules) : null;
    if (!label) continue;
    labels.push(label);
    i = Math.max(i, label.end);
  }
  return labels;
}
