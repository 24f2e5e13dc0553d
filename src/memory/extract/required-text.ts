// What text a regular expression cannot match without: a set of strings, one of which every
// match contains. A rule whose strings are all absent from a message cannot fire in any of its
// sentences, so the scan skips it without running the expression. Conservative: any construct
// it does not understand makes it answer null (no shortcut), never a wrong set.

type Info = { exact: string[] | null; required: string[] | null; zeroWidth?: boolean };

const MAX_SET = 64;
const ANY: Info = { exact: null, required: null };

/**
 * Strings one of which occurs in every match of `re`, or null when none can be told. Only for
 * expressions without flags (case, unicode and multiline change what a character matches).
 */
export function requiredText(re: RegExp, minLength = 3): string[] | null {
  if (re.flags !== "") return null;
  let info: Info;
  try {
    const p = new Parser(re.source);
    info = p.alternation();
    if (p.at < re.source.length) return null;
  } catch {
    return null;
  }
  const set = info.exact ?? info.required;
  if (!set || set.some((s) => s.length < minLength)) return null;
  return [...new Set(set)];
}

class Parser {
  at = 0;
  constructor(private readonly src: string) {}

  alternation(): Info {
    const alts = [this.sequence()];
    while (this.src[this.at] === "|") {
      this.at++;
      alts.push(this.sequence());
    }
    if (alts.length === 1) return alts[0]!;
    const exact = alts.every((a) => a.exact) ? alts.flatMap((a) => a.exact!) : null;
    const required = alts.every((a) => a.exact ?? a.required) ? alts.flatMap((a) => (a.exact ?? a.required)!) : null;
    return { exact: exact && exact.length <= MAX_SET ? exact : null, required };
  }

  /** Consecutive exact parts are joined (their cross product); the best candidate is kept. */
  sequence(): Info {
    const candidates: string[][] = [];
    let run: string[] | null = [""];
    let whole: string[] | null = [""];
    const close = () => {
      if (run && !(run.length === 1 && run[0] === "")) candidates.push(run);
      run = null;
    };
    while (this.at < this.src.length && this.src[this.at] !== "|" && this.src[this.at] !== ")") {
      const atom = this.atom();
      const q = this.quantifier();
      if (atom.zeroWidth && !q) continue; // assertions consume nothing: the run goes on
      const item: Info = q ? { exact: null, required: q.min >= 1 ? (atom.exact ?? atom.required) : null } : atom;
      if (item.exact) {
        const product: string[] = (run ?? [""]).flatMap((a) => item.exact!.map((b) => a + b));
        if (product.length <= MAX_SET) run = product;
        else {
          close();
          run = item.exact;
        }
        whole = whole && whole.length * item.exact.length <= MAX_SET ? whole.flatMap((a) => item.exact!.map((b) => a + b)) : null;
      } else {
        close();
        run = [""];
        whole = null;
        if (item.required) candidates.push(item.required);
      }
    }
    close();
    if (whole) return { exact: whole, required: whole };
    // the candidate whose shortest string is longest, then the one with fewest strings
    const score = (c: string[]) => Math.min(...c.map((s) => s.length)) * 1000 - c.length;
    const best = candidates.sort((a, b) => score(b) - score(a))[0];
    return { exact: null, required: best ?? null };
  }

  quantifier(): { min: number } | null {
    const c = this.src[this.at];
    let min: number;
    if (c === "*" || c === "?") (min = 0), this.at++;
    else if (c === "+") (min = 1), this.at++;
    else if (c === "{") {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.src.slice(this.at));
      if (!m) return null; // a literal "{"
      min = Number(m[1]);
      this.at += m[0].length;
    } else return null;
    if (this.src[this.at] === "?") this.at++;
    return { min };
  }

  atom(): Info {
    const c = this.src[this.at]!;
    if (c === "(") return this.group();
    if (c === "[") return this.charClass();
    if (c === "\\") return this.escape();
    this.at++;
    if (c === "^" || c === "$") return { exact: null, required: null, zeroWidth: true };
    if (c === ".") return ANY;
    if ("*+?{}]".includes(c)) throw new Error(`unexpected ${c}`);
    return { exact: [c], required: [c] };
  }

  group(): Info {
    this.at++;
    let zeroWidth = false;
    let capturing = true;
    const rest = this.src.slice(this.at);
    if (rest.startsWith("?:")) (this.at += 2), (capturing = false);
    else if (rest.startsWith("?=") || rest.startsWith("?!")) (this.at += 2), (zeroWidth = true);
    else if (rest.startsWith("?<=") || rest.startsWith("?<!")) (this.at += 3), (zeroWidth = true);
    else if (rest.startsWith("?<")) {
      const end = rest.indexOf(">");
      if (end < 0) throw new Error("bad group name");
      this.at += end + 1;
    } else if (rest.startsWith("?")) throw new Error("unknown group");
    const inner = this.alternation();
    if (this.src[this.at] !== ")") throw new Error("unclosed group");
    this.at++;
    if (zeroWidth) return { exact: null, required: null, zeroWidth: true };
    // a capturing group may be referred back to: nothing changes for what it matches itself
    void capturing;
    return inner;
  }

  /** A class of a few plain characters ("[sz]") is exact; any other class is any character. */
  charClass(): Info {
    const end = this.findClassEnd();
    const body = this.src.slice(this.at + 1, end);
    this.at = end + 1;
    if (body.length > 0 && body.length <= 4 && /^[a-z0-9' ]+$/.test(body)) return { exact: [...body], required: [...body] };
    return ANY;
  }

  private findClassEnd(): number {
    for (let i = this.at + 1; i < this.src.length; i++) {
      if (this.src[i] === "\\") i++;
      else if (this.src[i] === "]" && i > this.at + 1) return i;
    }
    throw new Error("unclosed class");
  }

  escape(): Info {
    const c = this.src[this.at + 1];
    if (c === undefined) throw new Error("trailing backslash");
    this.at += 2;
    if (c === "b" || c === "B") return { exact: null, required: null, zeroWidth: true };
    if ("dDwWsS".includes(c)) return ANY;
    if (/[1-9k]/.test(c)) throw new Error("back reference");
    if (c === "n") return { exact: ["\n"], required: ["\n"] };
    if (c === "t") return { exact: ["\t"], required: ["\t"] };
    if (/[a-zA-Z0-9]/.test(c)) throw new Error(`escape \\${c}`); // \u, \x, \c, \p, \0 …: not read here
    return { exact: [c], required: [c] };
  }
}

/**
 * Which of many expressions may match a text, by their required strings (`requiredText`),
 * all looked for in one pass (Aho–Corasick). An expression with no required strings (null)
 * always may.
 */
export class RequiredTextIndex {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];
  private readonly always: number[] = [];

  constructor(private readonly sets: readonly (readonly string[] | null)[]) {
    sets.forEach((set, id) => {
      if (!set) return void this.always.push(id);
      for (const s of set) {
        let node = 0;
        for (let i = 0; i < s.length; i++) {
          const c = s.charCodeAt(i);
          let to = this.next[node]!.get(c);
          if (to === undefined) {
            to = this.next.push(new Map()) - 1;
            this.fail.push(0);
            this.out.push([]);
            this.next[node]!.set(c, to);
          }
          node = to;
        }
        if (!this.out[node]!.includes(id)) this.out[node]!.push(id);
      }
    });
    // breadth first: a node's failure link is the longest proper suffix of its string in the trie
    const queue = [...this.next[0]!.values()];
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q]!;
      for (const [c, child] of this.next[node]!) {
        let f = this.fail[node]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const to = this.next[f]!.get(c);
        this.fail[child] = to !== undefined && to !== child ? to : 0;
        for (const id of this.out[this.fail[child]!]!) if (!this.out[child]!.includes(id)) this.out[child]!.push(id);
        queue.push(child);
      }
    }
  }

  /** mayMatch[i]: expression i may match somewhere in `text` (false: it cannot). */
  mayMatch(text: string): Uint8Array {
    const may = new Uint8Array(this.sets.length);
    for (const id of this.always) may[id] = 1;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = this.next[node]!.get(c);
      while (to === undefined && node !== 0) {
        node = this.fail[node]!;
        to = this.next[node]!.get(c);
      }
      node = to ?? 0;
      for (const id of this.out[node]!) may[id] = 1;
    }
    return may;
  }
}
