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
  return parseRequired(re.source, false, minLength);
}

function parseRequired(source: string, unicode: boolean, minLength: number): string[] | null {
  let info: Info;
  try {
    const p = new Parser(source, unicode);
    info = p.alternation();
    if (p.at < source.length) return null;
  } catch {
    return null;
  }
  const set = info.exact ?? info.required;
  if (!set || set.some((s) => s.length < minLength)) return null;
  return [...new Set(set)];
}

/**
 * A text in one case for every case-insensitive comparison: lower case, then upper case, so that
 * the characters an expression with the i flag takes for one another (with or without the u
 * flag: "k" and the Kelvin sign, "s" and the long s, "σ" and "ς", "ß" and "ẞ") read the same.
 * Character by character, so a string in a text is still in the text once both are in this case.
 */
export const anyCase = (text: string): string => text.toLowerCase().toUpperCase();

/**
 * requiredText of an expression with any flags but v, in anyCase: one of the strings is in
 * anyCase(text) wherever `re` matches `text`. With the i flag the strings match in any case;
 * without, they are only a looser test (what the expression needs, in any case). The u flag's
 * escapes are read (a property class is any character).
 */
export function requiredTextAnyCase(re: RegExp, minLength = 3): string[] | null {
  const set = requiredTextAnyFlags(re, minLength);
  return set && [...new Set(set.map(anyCase))];
}

/** requiredText of an expression with any flags but v, as written (in any case with the i flag). */
export function requiredTextAnyFlags(re: RegExp, minLength = 3): string[] | null {
  if (!/^[dgimsuy]*$/.test(re.flags)) return null;
  return parseRequired(re.source, re.flags.includes("u"), minLength);
}

class Parser {
  at = 0;
  constructor(
    private readonly src: string,
    private readonly unicode = false,
  ) {}

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
    // the candidate whose shortest string has most besides spaces (rarer: "room" over "my "),
    // then the one with fewest strings
    const score = (c: string[]) => Math.min(...c.map((s) => s.trim().length)) * 1000 - c.length;
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

  /** A class of a few plain characters ("[sz]", "[Nn]", "[šs]") is exact; any other class is any character. */
  charClass(): Info {
    const end = this.findClassEnd();
    const body = this.src.slice(this.at + 1, end);
    this.at = end + 1;
    if (body.length > 0 && body.length <= 4 && /^[^\\\-^\[\]\ud800-\udfff]+$/.test(body)) return { exact: [...body], required: [...body] };
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
    if (c === "r") return { exact: ["\r"], required: ["\r"] };
    if (this.unicode && (c === "p" || c === "P")) {
      const end = this.src.indexOf("}", this.at);
      if (this.src[this.at] !== "{" || end < 0) throw new Error("bad property escape");
      this.at = end + 1;
      return ANY;
    }
    const hex = c === "x" ? /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.at)) : c === "u" ? (/^[0-9a-fA-F]{4}/.exec(this.src.slice(this.at)) ?? (this.unicode ? /^\{([0-9a-fA-F]{1,6})\}/.exec(this.src.slice(this.at)) : null)) : null;
    if (hex) {
      this.at += hex[0].length;
      const ch = String.fromCodePoint(parseInt(hex[1] ?? hex[0], 16));
      return { exact: [ch], required: [ch] };
    }
    if (/[a-zA-Z0-9]/.test(c)) throw new Error(`escape \\${c}`); // \u, \x, \c, \p, \0 …: not read here
    return { exact: [c], required: [c] };
  }
}

/**
 * Which of many expressions may match a text, by their required strings (`requiredText`),
 * all looked for in one pass (Aho–Corasick). An expression with no required strings (null)
 * always may.
 *
 * The automaton is kept as a table, one row of next states per node and one column per class
 * of character (the characters the strings use, one class each; every other character leads
 * back to the start), so a character costs one read: the scan runs between other extraction
 * work that evicts it from the CPU caches, where a trie of Maps cost a cache miss per step.
 */
export class RequiredTextIndex {
  private readonly always: number[] = [];
  /** Column of each ASCII character (0: in no string); `wide` for the others. */
  private readonly ascii = new Uint16Array(128);
  private readonly wide = new Map<number, number>();
  private readonly width: number;
  private readonly delta: Uint16Array | Uint32Array;
  /** The expressions found on reaching node n: outIds[outStart[n]] … outIds[outStart[n + 1] − 1]. */
  private readonly outStart: Uint32Array;
  private readonly outIds: Uint32Array;

  constructor(private readonly sets: readonly (readonly string[] | null)[]) {
    const next: Map<number, number>[] = [new Map()];
    const fail: number[] = [0];
    const out: number[][] = [[]];
    let columns = 0;
    sets.forEach((set, id) => {
      if (!set) return void this.always.push(id);
      for (const s of set) {
        let node = 0;
        for (let i = 0; i < s.length; i++) {
          const c = s.charCodeAt(i);
          if (c < 128 && this.ascii[c] === 0) this.ascii[c] = ++columns;
          else if (c >= 128 && !this.wide.has(c)) this.wide.set(c, ++columns);
          let to = next[node]!.get(c);
          if (to === undefined) {
            to = next.push(new Map()) - 1;
            fail.push(0);
            out.push([]);
            next[node]!.set(c, to);
          }
          node = to;
        }
        if (!out[node]!.includes(id)) out[node]!.push(id);
      }
    });
    const column = (c: number): number => (c < 128 ? this.ascii[c]! : (this.wide.get(c) ?? 0));
    this.width = columns + 1;
    const delta = new Uint32Array(next.length * this.width);
    for (const [c, child] of next[0]!) delta[column(c)] = child;
    // breadth first: a node's failure link is the longest proper suffix of its string in the
    // trie, and its row is its own edges over its failure link's row (already filled)
    const queue = [...next[0]!.values()];
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q]!;
      const row = node * this.width;
      const failRow = fail[node]! * this.width;
      for (let k = 0; k < this.width; k++) delta[row + k] = delta[failRow + k]!;
      for (const [c, child] of next[node]!) {
        let f = fail[node]!;
        while (f !== 0 && !next[f]!.has(c)) f = fail[f]!;
        const to = next[f]!.get(c);
        fail[child] = to !== undefined && to !== child ? to : 0;
        for (const id of out[fail[child]!]!) if (!out[child]!.includes(id)) out[child]!.push(id);
        delta[row + column(c)] = child;
        queue.push(child);
      }
    }
    // Rows renumbered breadth first: the nodes near the root, where a scan spends most of its
    // steps, share cache lines; 16-bit entries where the nodes allow it halve the table again.
    const order = [0, ...queue];
    const renamed = new Uint32Array(order.length);
    order.forEach((node, n) => (renamed[node] = n));
    const table = order.length <= 0x10000 ? new Uint16Array(order.length * this.width) : new Uint32Array(order.length * this.width);
    order.forEach((node, n) => {
      for (let k = 0; k < this.width; k++) table[n * this.width + k] = renamed[delta[node * this.width + k]!]!;
    });
    this.delta = table;
    const outs = order.map((node) => out[node]!);
    this.outStart = new Uint32Array(outs.length + 1);
    outs.forEach((ids, n) => (this.outStart[n + 1] = this.outStart[n]! + ids.length));
    this.outIds = Uint32Array.from(outs.flat());
  }

  /** mayMatch[i]: expression i may match somewhere in `text` (false: it cannot). */
  mayMatch(text: string): Uint8Array {
    const may = new Uint8Array(this.sets.length);
    for (const id of this.always) may[id] = 1;
    const { ascii, wide, width, delta, outStart, outIds } = this;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      node = delta[node * width + (c < 128 ? ascii[c]! : (wide.get(c) ?? 0))]!;
      for (let k = outStart[node]!, end = outStart[node + 1]!; k < end; k++) may[outIds[k]!] = 1;
    }
    return may;
  }

  /**
   * The same, per part of `text`: part k runs from starts[k] to starts[k + 1] (the last to the
   * end), and result[k × n + i] (n expressions) says whether expression i may match inside part
   * k. A string that crosses into part k counts for it too (one more "may", never a "cannot" missed).
   */
  mayMatchEach(text: string, starts: readonly number[]): Uint8Array {
    const n = this.sets.length;
    const may = new Uint8Array(starts.length * n);
    for (let part = 0; part < starts.length; part++) for (const id of this.always) may[part * n + id] = 1;
    const { ascii, wide, width, delta, outStart, outIds } = this;
    let node = 0;
    let part = -1;
    let nextStart = starts[0] ?? Infinity;
    for (let i = 0; i < text.length; i++) {
      while (i >= nextStart) nextStart = starts[++part + 1] ?? Infinity;
      const c = text.charCodeAt(i);
      node = delta[node * width + (c < 128 ? ascii[c]! : (wide.get(c) ?? 0))]!;
      const end = outStart[node + 1]!;
      if (part < 0 || outStart[node] === end) continue;
      for (let k = outStart[node]!; k < end; k++) may[part * n + outIds[k]!] = 1;
    }
    return may;
  }
}

/**
 * requiredText of an expression that may search or report offsets (flags g and y change where
 * a match is looked for, d what it reports, not what it holds); null for other flags, which
 * change what a character matches.
 */
export function requiredTextOf(re: RegExp): string[] | null {
  return /^[dgy]*$/.test(re.flags) ? requiredText(new RegExp(re.source)) : null;
}

/**
 * One expression behind its required strings: the returned test is false where `re` cannot
 * match `text` (always true when requiredTextOf tells nothing).
 */
export function requiredTextGuard(re: RegExp): (text: string) => boolean {
  const set = requiredTextOf(re);
  if (!set) return () => true;
  const index = new RequiredTextIndex([set]);
  return (text) => index.mayMatch(text)[0] === 1;
}
