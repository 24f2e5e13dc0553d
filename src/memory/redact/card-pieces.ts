// A card given in pieces, each piece named by where it sits in the number: "first six 510249, last
// four 6883 … later she gave the middle digits: 779254", "ends 8857 … and before that 4001 7099
// 1110", "545658******3859 … sent the missing middle as 550272". Each piece alone is too short to
// be a card (and a last four alone is kept, as "card ending 4242" is); put where their names say,
// they are one. Taken only where the message names a card and the pieces together are a card's
// digits (length, network, Luhn): one arrangement is tried, the one the words give, never every
// order, so numbers that merely sit near each other are not joined by chance.
import { isCard } from "./card-data";
import { MAY_NAME_A_CARD, NAMES_A_CARD } from "./context-words";
import { PRIORITY, type Candidate } from "./pii-types";
import { quickTest } from "../pair-guard";

type Place = "start" | "middle" | "end" | "before" | "after";

/** Words that say where a piece sits, in English, Spanish, Portuguese, French, German and Italian. */
const PLACE_WORDS: [Place, string][] = [
  ["start", String.raw`first\s+(?:six|6|four|4|eight|8)(?:\s+digits)?|(?:the\s+)?(?:bin|start|beginning)|starts?\s+with|primeros\s+(?:seis|6|cuatro|4)|primeiros\s+(?:seis|6|quatro|4)|premiers\s+(?:six|6|quatre|4)|ersten\s+(?:sechs|6|vier|4)|prime\s+(?:sei|6|quattro|4)`],
  ["end", String.raw`last\s+(?:four|4)(?:\s+digits)?|ends?\s+(?:in|with)|ends|ending(?:\s+in)?|(?:the\s+)?last\s+digits|últimos\s+(?:cuatro|4|quatro)|termina\s+en|derniers\s+(?:quatre|4)|letzten\s+(?:vier|4)|endet\s+(?:auf|mit)|ultime\s+(?:quattro|4)`],
  ["middle", String.raw`(?:the\s+)?(?:missing\s+)?middle(?:\s+(?:digits|part|bit|ones))?|in\s+between|dígitos\s+del\s+medio|del\s+medio|du\s+milieu|mittleren|in\s+der\s+mitte|centrali`],
  ["before", String.raw`before\s+(?:that|those|it)|antes\s+de\s+eso|avant\s+ça|davor`],
  ["after", String.raw`after\s+(?:that|those|it)|the\s+rest(?:\s+(?:is|are|was))?|remaining(?:\s+digits)?|the\s+other\s+digits|el\s+resto|le\s+reste|der\s+rest|il\s+resto`],
];
const PLACE = new RegExp(PLACE_WORDS.map(([, words]) => `(${words})`).join("|"), "giu");
const GATE = /first|last|ends?\b|ending|middle|before|after|rest|remaining|between|primer|últim|premier|dernier|ersten|letzten|medio|milieu|mitte|termina|endet/i;

/** The piece after a place word: some words ("digits: ", "she gave me", "are"), then 2 to 12 digits, grouped or not. */
const AFTER_PLACE = /^[^\d\n]{0,30}?(?<![\p{L}\p{N}])(\d{2,12}(?:[ -]\d{2,12}){0,3})(?![\p{L}\p{N}*xX•])/u;
/** A masked number: the first digits, a run of stars, the last four ("545658******3859"). */
const MASKED = /(?<![\p{L}\p{N}])(\d{4,8})([*xX•·]{3,9})(\d{4})(?![\p{L}\p{N}])/gu;

const TWO_NUMBERS = /\d{2}\D+\d{2}/;
/** "PAN", as payments people name a card's number (upper case: "pan" is a word). */
const PAN = /\bPANs?\b|[*xX•]{4}\d{4}\b/;

type Piece = { start: number; end: number; digits: string; place: Place };

function placeOf(m: RegExpMatchArray): Place {
  const i = m.slice(1).findIndex((g) => g !== undefined);
  return PLACE_WORDS[i]![0];
}

/** The pieces, in the order they are said; a masked number gives its two ends and the hole they leave. */
function piecesOf(text: string): { pieces: Piece[]; hole: number } {
  const pieces: Piece[] = [];
  let hole = 0;
  for (const m of text.matchAll(MASKED)) {
    const at = m.index!;
    pieces.push({ start: at, end: at + m[0].length, digits: m[1]!, place: "start" }, { start: at, end: at + m[0].length, digits: m[3]!, place: "end" });
    hole = m[2]!.length;
  }
  for (const m of text.matchAll(PLACE)) {
    const from = m.index! + m[0].length;
    const value = AFTER_PLACE.exec(text.slice(from));
    if (!value) continue;
    const start = from + value.index + value[0].length - value[1]!.length;
    // (two place words before one number: the nearer one, said later, names it)
    const said = pieces.findIndex((p) => p.start <= start && start < p.end);
    if (said >= 0 && pieces[said]!.end - pieces[said]!.start !== value[1]!.length) continue;
    if (said >= 0) pieces.splice(said, 1);
    pieces.push({ start, end: start + value[1]!.length, digits: value[1]!.replace(/\D/g, ""), place: placeOf(m) });
  }
  return { pieces: pieces.sort((a, b) => a.start - b.start), hole };
}

/**
 * The digits the pieces make when each is put where its words say: the starts, then the middle
 * and the rest, then the ends, each part in the order said; a piece said to come "before that"
 * goes just ahead of the piece said before it.
 */
function assemble(pieces: Piece[]): string {
  const parts: Record<"start" | "middle" | "end", Piece[]> = { start: [], middle: [], end: [] };
  pieces.forEach((p, i) => {
    if (p.place !== "before") return parts[p.place === "after" ? "middle" : p.place].push(p);
    const previous = pieces[i - 1];
    const part = Object.values(parts).find((list) => previous && list.includes(previous)) ?? parts.start;
    part.splice(previous ? Math.max(part.indexOf(previous), 0) : 0, 0, p);
  });
  return [...parts.start, ...parts.middle, ...parts.end].map((p) => p.digits).join("");
}

export function findCardPieces(text: string): Candidate[] {
  // (cheapest first: two numbers, then a card named, then a piece's place)
  if (!quickTest(TWO_NUMBERS, text) || !quickTest(GATE, text) || !((quickTest(MAY_NAME_A_CARD, text) && quickTest(NAMES_A_CARD, text)) || PAN.test(text))) return [];
  const { pieces, hole } = piecesOf(text);
  if (pieces.length < 2 || pieces.every((p) => p.place === pieces[0]!.place)) return [];
  const digits = assemble(pieces);
  const middle = pieces.filter((p) => p.place === "middle" || p.place === "after").reduce((n, p) => n + p.digits.length, 0);
  if (hole > 0 && middle > 0 && middle !== hole) return [];
  if (!isCard(digits)) return [];
  return pieces.map((p) => ({ start: p.start, end: p.end, type: "card_number", priority: PRIORITY.labelled }));
}
