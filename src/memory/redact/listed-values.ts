// Values that follow one another after a single label: codes of a list ("backup codes 4fj2-99kd,
// 8sl1-0pq2 and 77ab-k2p1"), one value a line under a heading, passwords each with what it opens,
// and a key printed in groups of digits ("key on the router sticker: 7680 5771 3889 0815 8811").
import { BUSINESS_BEFORE } from "./context-words";
import { PRIORITY, type Candidate } from "./pii-types";

/** A label naming several codes or keys, or the backup codes a service gives out (listed even when named singly). */
export const CODES_LABEL = /(?:codes|keys)$|(?:recovery|backup|emergency)\s+(?:sheet|page|card|kit|file|list)$|(?:setup|2fa|totp|authenticator)\s+(?:secret|key)$|key\s+manually$|(?:backup|recovery|revocation)\s+(?:codes?|keys?)$|c[óo]digos?\s+de\s+\S+$|codes?\s+de\s+\S+$|backup-codes?$|wiederherstellungscodes?$/i;
const NEXT_CODE = /\s*(?:[,;/]\s*(?:and\s+)?(?:then\s+)?|\s+(?:and\s+)?then\s+|\s+and\s+|\s+)([A-Za-z0-9]{3,10}(?:-[A-Za-z0-9]{3,10}){0,3})(?![\p{L}\p{N}_-])/uy;
const CODE_LINE = /[ \t]*(?:(?:\d{1,2}[.)]|[-*•·])[ \t]+)?([A-Za-z0-9]{3,10}(?:-[A-Za-z0-9]{3,10}){0,3})[ \t]*(?=\r?\n|$)/y;
const HEADING_END = /[^\n\d:]{0,40}:?[ \t]*\r?\n/y;

/** "Here are my recovery codes:\n1. 7ktb-bnj4\n2. so1s-b1x0": one code a line under the label. */
export function codesUnderHeading(text: string, labelEnd: number): Candidate[] {
  return linesUnderHeading(text, labelEnd, 16, (at) => {
    CODE_LINE.lastIndex = at;
    const m = CODE_LINE.exec(text);
    // (a code of capitals only is one too when grouped as generated codes are: "XMQX-EMQF-GDVK-MARX")
    if (!m || !(/\d/.test(m[1]!) || /^[A-Z]{4}(?:-[A-Z]{4}){2,}$/.test(m[1]!))) return null;
    const end = at + m[0].trimEnd().length;
    return { start: end - m[1]!.length, end, type: "password", priority: PRIORITY.labelled };
  });
}

/** "passwords: kestrel.orchid30 for email, Copper#84 for the bank app": each what it is for, then the next. */
const NEXT_PASSWORD = /\s+for\s+[^,;\n]{1,30}?[,;]\s*(?:and\s+)?([^\s,;]{5,64})(?=\s+for\b|[\s,;.]|$)/y;
export function morePasswords(text: string, from: number): Candidate[] {
  return valuesFollowing(text, from, NEXT_PASSWORD, 8, (v) => /\p{L}/u.test(v) && /[^\p{L}]/u.test(v));
}

const makeOf = (code: string) => code.replace(/[A-Za-z0-9]/g, "x");
/** Letters and digits mixed, as services generate codes ("t7v38n423m"); no word or plain number is. */
const GENERATED = /^(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]{6,16}$/i;
/** The codes after the first of a list: each of the first one's make ("4fj2-99kd, 8sl1-0pq2"), or generated-looking. */
export function moreCodes(text: string, from: number, first: string): Candidate[] {
  return valuesFollowing(text, from, NEXT_CODE, 16, (v) => /\d/.test(v) && (makeOf(v) === makeOf(first) || GENERATED.test(v)));
}

/**
 * The codes said near a backup-code label, however the sentence goes on ("Recovery codes from
 * settings: 3817 4420 / 9052 7716", "use a recovery code, I used a7f3e-91b2c and … the next one
 * c04d8-e61fa", "recovery key apple gave me XK4T-9MPR-2HWQ-…", "backup code ufqk wdrm xzbt aynp"):
 * within the next 200 characters (not past an empty line), each string of the shapes services
 * print them in. Plain words and numbers are none of those shapes.
 */
export function codesNear(text: string, labelEnd: number, isWord: (w: string) => boolean): Candidate[] {
  let stop = Math.min(text.length, labelEnd + 200);
  // not past an empty line, nor past the label's own question ("where are my recovery codes?")
  // a list may start after an empty line right under its heading ("…when I enabled it:\n\n 1. …")
  const heading = /^[^\n?]*:[ \t]*\n(?:[ \t]*\n)+/.exec(text.slice(labelEnd, stop));
  const from = labelEnd + (heading ? heading[0].length : 0);
  const blank = text.slice(from, stop).search(/\n\s*\n|\?/);
  if (blank >= 0) stop = from + blank;
  const out: Candidate[] = [];
  CODE_SHAPES.lastIndex = labelEnd;
  for (let m = CODE_SHAPES.exec(text); m && m.index < stop; m = CODE_SHAPES.exec(text)) {
    let code = m[0];
    if (m.groups!.letters) {
      // four or more groups of four letters none of which is a word: the words after them are not the code's
      const groups = code.split(" ");
      const first = groups.findIndex(isWord);
      if (first >= 0 && first < 4) continue;
      if (first >= 4) code = groups.slice(0, first).join(" ");
    }
    if (m.groups!.mixed && !looksGenerated(code)) continue;
    // "… my recovery codes, and order 12345678 never came": a reference's number is not a code
    if (BUSINESS_BEFORE.test(text.slice(Math.max(labelEnd, m.index - 40), m.index))) continue;
    out.push({ start: m.index, end: m.index + code.length, type: "password", priority: PRIORITY.labelled });
  }
  return out;
}
/** Letters and digits in three runs or more ("t7v38n423m"), or one or two letters before digits ("R84213"); not a name and a number ("iPhone15"). */
function looksGenerated(code: string): boolean {
  if (!GENERATED.test(code)) return false;
  const runs = code.match(/\d+|\D+/g)!;
  return runs.length >= 3 || (runs.length === 2 && /^\D{1,2}\d{4,}$/.test(code));
}
const CODE_SHAPES = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}_-])(?:`,
    String.raw`\d{4}[ -]\d{4}`, // 3817 4420
    String.raw`|\d{6,8}`, // 162246  849786
    String.raw`|(?=[A-Z ]*\d)[A-Z0-9]{4}(?: [A-Z0-9]{4}){3,7}`, // a setup key in fours: JRLY UFMP L7ZL XO37
    String.raw`|(?<=^[ \t]*\d{1,2}[.)][ \t]+)[A-Z0-9]{6,12}(?=[ \t]|$)`, // one a numbered line: 1. LAFNNQJB
    String.raw`|(?=[A-Za-z-]*\d)[A-Za-z0-9]{4,6}(?:-[A-Za-z0-9]{4,6}){2,7}`, // QK7M2-RW9PX-T4HJC-…
    String.raw`|(?=[a-z-]*\d)(?=[\d-]*[a-z])[a-z0-9]{3,6}-[a-z0-9]{3,6}`, // g7k2-m9xq
    String.raw`|(?<letters>[a-z]{4}(?: [a-z]{4}){3,7})`, // ufqk wdrm xzbt aynp
    String.raw`|(?<mixed>[A-Za-z0-9]{6,32})`, // t7v38n423m, JBSWY3DPEHPK3PXQ
    String.raw`)(?![\p{L}\p{N}_-])`,
  ].join(""),
  "gmu",
);

/** The values `next` (sticky, the value in group 1) reads one after another from `from`, while `accept` takes them. */
function valuesFollowing(text: string, from: number, next: RegExp, max: number, accept: (value: string) => boolean): Candidate[] {
  const out: Candidate[] = [];
  for (let at = from; out.length < max; ) {
    next.lastIndex = at;
    const m = next.exec(text);
    if (!m || !accept(m[1]!)) break;
    const end = at + m[0].lastIndexOf(m[1]!) + m[1]!.length;
    out.push({ start: end - m[1]!.length, end, type: "password", priority: PRIORITY.labelled });
    at = end;
  }
  return out;
}

/** The values of the lines under a label that ends its line, one a line, until a line holds none. */
export function linesUnderHeading(text: string, labelEnd: number, max: number, readLine: (lineStart: number) => Candidate | null): Candidate[] {
  HEADING_END.lastIndex = labelEnd;
  if (!HEADING_END.test(text)) return [];
  const out: Candidate[] = [];
  for (let at = HEADING_END.lastIndex; out.length < max && at < text.length; ) {
    const value = readLine(at);
    if (!value) break;
    out.push(value);
    const nextLine = text.indexOf("\n", value.end);
    if (nextLine < 0) break;
    at = nextLine + 1;
  }
  return out;
}

const MORE_GROUPS: Record<number, RegExp> = { 4: /(?:[ -]\d{4}){2,}(?![\p{L}\p{N}])/uy, 5: /(?:[ -]\d{5}){2,}(?![\p{L}\p{N}])/uy };
/**
 * Where a password read as its first group of digits really ends: a key printed in three or more
 * groups of one length ("7680 5771 3889 0815 8811", as routers' stickers print it) is one value.
 */
export function digitGroupsEnd(text: string, start: number, end: number): number {
  const groups = MORE_GROUPS[end - start];
  if (!groups || !/^\d+$/.test(text.slice(start, end))) return end;
  groups.lastIndex = end;
  return groups.test(text) ? groups.lastIndex : end;
}
