// Finds the labels of LABEL_RULES in a text. Each word start is looked up by its lowercase
// word in a map of heads, and only the rules with that head are tried there: one pass over
// the characters plus a few sticky matches, instead of a large alternation at every position.
import { LABEL_RULES, type LabelKind } from "./vocabulary";

export type FoundLabel = { start: number; end: number; kind: LabelKind; text: string };

const RULE_AT = LABEL_RULES.map((r) => new RegExp(String.raw`(?:${r.pattern})(?![\p{L}_])`, "iuy"));

const RULES_BY_HEAD = new Map<string, number[]>();
LABEL_RULES.forEach((rule, index) => {
  for (const head of rule.heads.split(" ")) {
    const list = RULES_BY_HEAD.get(head) ?? [];
    list.push(index);
    RULES_BY_HEAD.set(head, list);
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
  return NON_ASCII_WORD.test(text[i]);
}

/** Labels left to right, not overlapping; at one word the first rule (in table order) that matches wins. */
export function findLabels(text: string): FoundLabel[] {
  const labels: FoundLabel[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isWordChar(text, i)) i++;
    if (i - start > HEAD_MAX || !HEAD_FIRST.has(text[start].toLowerCase())) continue;
    // The type inside an earlier token ("[REDACTED:cvv]") is not a label.
    if (start >= TOKEN_OPEN.length && text.startsWith(TOKEN_OPEN, start - TOKEN_OPEN.length)) continue;
    const rules = RULES_BY_HEAD.get(text.slice(start, i).toLowerCase());
    if (!rules) continue;
    for (const index of rules) {
      const re = RULE_AT[index];
      re.lastIndex = start;
      const m = re.exec(text);
      if (!m) continue;
      labels.push({ start, end: start + m[0].length, kind: LABEL_RULES[index].kind, text: m[0] });
      i = Math.max(i, start + m[0].length);
      break;
    }
  }
  return labels;
}
