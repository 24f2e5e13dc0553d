// Codes read out in words in a call transcript, with no label right before them: the customer's
// line under the agent's question ("agent: and the three digit code on the back / customer: uno
// tres tres"), an expiry ("cero ocho barra dos siete", "oh nine slash two nine"), a code that came
// by text ("dois cinco cinco quatro três cinco", "saya kasih lima lima dua satu"). Read only in a message that speaks of a card or
// a code, three to nineteen digit words in a row (of the words that are everyday words too, "due",
// "sei", "um" start a run only before two more, and "o" is not counted), not after a reference's
// word ("el pedido es el uno uno ocho …") nor where a card's last four are asked or told.
import { REFERENCE_WORDS } from "./context-words";
import { PRIORITY, type Candidate } from "./pii-types";
import { quickTest } from "../pair-guard";

const DIGITS = [
  "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
  "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
  "dois", "três", "quatro", "sete", "oito", "nove", "zéro", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf",
  "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "quattro", "cinque", "sette", "otto",
  "nol", "kosong", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
].join("|");
const SLASH = String.raw`(?:slash|barra|through|sur|durch|su|de)`;
/** Digit words that are everyday words too ("due", "sei", "um"): a run starts with one only when two digit words follow; "o" ("or") is read only inside a run, and not counted. */
const INSIDE = "due|tre|sei|um|un";
const AMBIGUOUS = "o";
const ANY = `${DIGITS}|${INSIDE}|${AMBIGUOUS}`;
const RUN = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:double\s+|triple\s+)?(?:${DIGITS}|(?:${INSIDE})(?=[\s,-]+(?:${DIGITS}|${INSIDE})[\s,-]+(?:${DIGITS}|${INSIDE})(?![\p{L}])))(?:[\s,-]+(?:(?:double|triple)\s+)?(?:${DIGITS}|${INSIDE}|(?:${AMBIGUOUS}|${SLASH})(?=[\s,-]+(?:${ANY}))))+(?![\p{L}\p{N}])`, "giu");
const GATE = new RegExp(String.raw`\b(?:${DIGITS}|${INSIDE})[\s,-]+(?:${ANY})[\s,-]+(?:${DIGITS}|${INSIDE})\b`, "i");
const TALK = /card|carte|karte|tarjeta|cart[aã]o|carta|kartu|code|c[óo]digo|codice|kode|cvv|cvc|pin|otp|expir|venc|scad|validade|ablauf|ablaufdatum|caduc|sms|verif/i;

const LAST_FOUR = /\b(?:last|final)\s+(?:four|4)\b|[úu]ltimos\s+(?:cuatro|quatro|4)|derniers\s+(?:quatre|4)|letzten\s+(?:vier|4)|ultime\s+(?:quattro|4)/i;

export function findSpokenCodes(text: string): Candidate[] {
  if (!quickTest(GATE, text) || !quickTest(TALK, text)) return [];
  const out: Candidate[] = [];
  for (const m of text.matchAll(RUN)) {
    const digits = m[0].split(/[\s,-]+/).filter((w) => !new RegExp(`^(?:${SLASH}|${AMBIGUOUS}|double|triple)$`, "i").test(w)).length;
    if (digits < 3 || digits > 19) continue;
    // a reference's word among the three before it ("el pedido es el uno uno ocho …"), or a card's last four asked or told
    const lead = text.slice(Math.max(0, m.index - 80), m.index);
    // (a speaker's name, "customer:", is no reference)
    const said = lead.replace(/(^|\n)[ \t]*[\p{L}][\p{L} ]{0,20}:/gu, "$1");
    if ((said.toLowerCase().match(/\p{L}+/gu) ?? []).slice(-3).some((w) => REFERENCE_WORDS.has(w)) || LAST_FOUR.test(lead)) continue;
    const expiry = new RegExp(SLASH, "i").test(m[0]);
    out.push({ start: m.index, end: m.index + m[0].length, type: expiry ? "card_expiry" : digits <= 4 ? "cvv" : "otp", priority: PRIORITY.pattern });
  }
  return out;
}
