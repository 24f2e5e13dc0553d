// Quoting the customer as evidence for a risk: the whole clause a phrase was found in, never a
// phrase cut mid-way ("i will go to the"). Offsets found in folded text are valid in the original
// (folding keeps the length), so the quote is the customer's own words and case.

const SENTENCE_BREAK = /[.!?]+(?=\s|$)|\n/g;
const CLAUSE_BREAK = /[,;:\u2013\u2014]|\s-\s|\((?=\s*\p{L})|\)/gu;
export const MAX_QUOTE = 160;

/** Start and end of the piece of `text` around [start, end) that `separator` bounds. */
function boundsOf(text: string, start: number, end: number, separator: RegExp, from: number, to: number): [number, number] {
  let a = from;
  let b = to;
  separator.lastIndex = from;
  for (let m = separator.exec(text); m && m.index < to; m = separator.exec(text)) {
    const stop = m.index + m[0].length;
    if (stop <= start) a = stop;
    else if (m.index >= end) {
      b = m.index;
      break;
    }
    if (m[0].length === 0) separator.lastIndex++;
  }
  return [a, b];
}

function tidy(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(/^[,;:\-\u2013\u2014\s]+|[,;:\-\u2013\u2014\s]+$/g, "");
}

/**
 * The sentence holding [start, end) when it is short enough to quote, else its clause, else as
 * many whole words either side as fit, marked "…" where words were left out.
 */
export function clauseAround(text: string, start: number, end: number, max = MAX_QUOTE): string {
  const [sa, sb] = boundsOf(text, start, end, SENTENCE_BREAK, 0, text.length);
  const sentence = tidy(text.slice(sa, sb));
  if (sentence.length <= max) return sentence;
  const [ca, cb] = boundsOf(text, start, end, CLAUSE_BREAK, sa, sb);
  const clause = tidy(text.slice(ca, cb));
  if (clause.length <= max) return clause;
  // A very long clause: whole words around the phrase, the phrase itself always whole.
  const words = [...text.slice(ca, cb).matchAll(/\S+/g)].map((w) => ({ at: ca + w.index!, end: ca + w.index! + w[0].length, text: w[0] }));
  let first = words.findIndex((w) => w.end > start);
  let last = words.findIndex((w) => w.end >= end);
  if (first < 0) first = 0;
  if (last < 0) last = words.length - 1;
  const length = () => words.slice(first, last + 1).reduce((n, w) => n + w.text.length + 1, 0);
  let grew = true;
  while (grew) {
    grew = false;
    if (last + 1 < words.length && length() + words[last + 1]!.text.length < max) {
      last++;
      grew = true;
    }
    if (first > 0 && length() + words[first - 1]!.text.length < max) {
      first--;
      grew = true;
    }
  }
  const inner = words.slice(first, last + 1).map((w) => w.text).join(" ");
  return `${first > 0 ? "… " : ""}${tidy(inner)}${last < words.length - 1 ? " …" : ""}`;
}

/** Text kept to `max` characters, cut at a clause or word boundary and marked "…", never mid-word. */
export function shortened(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - 1);
  const clause = Math.max(...[",", ";", ":", ".", "!", "?", " \u2014", " -"].map((s) => room.lastIndexOf(s)));
  const cut = clause >= max / 2 ? clause : room.lastIndexOf(" ");
  return `${tidy(room.slice(0, cut > 0 ? cut : room.length))}…`;
}
