// Travel documents listed for several people, in a message about passports or travellers: "Mine
// is 559158625, my wife's is 515037706, and our son's is 200114926", "ich HCRV1FZ28, meine Frau
// FN0ZMLCZX, unsere Tochter Lena CFNZWN3V8", a list of the party a line each ("- Marco Bianchi, IT
// YC2977917", "Jess 566953335", "kids: 540305720, 585449484 and 542572678"). A number is taken
// where the words just before it name a person (or it follows one taken, joined by a comma or
// "and"), and only in a passport's shapes: 8 or 9 characters, not a booking code or a flight.
import { REFERENCE_WORDS } from "./context-words";
import { PRIORITY, type Candidate } from "./pii-types";
import { quickTest } from "../pair-guard";

const DOCUMENT_TALK = /passport|パスポート|여권|护照|паспорт|pass(?:nummer|nummern|daten)|reisepass|passeport|pasaporte|passaporto|paszport|paspoort|pasaport|pax\b|travell?ers|documentos?\s+de\s+viaje|διαβατ/i;
const NAMES_A_PASSPORT = /passport|pass(?:nummer|nummern)|reisepass|passeport|pasaporte|passaporto|paszport|paspoort|pasaport|パスポート|여권|护照|διαβατ|паспорт/i;
/** A passport's shapes: a letter or two and 6–8 digits, 8–9 digits, or 8–9 capitals and digits mixed. */
const DOCUMENT = /(?<![\p{L}\p{N}_/#.-])(?:[A-Z]{1,2}\d{6,8}|\d{8,9}|(?=[A-Z0-9]{0,8}\d)(?=[A-Z0-9]{0,8}[A-Z])[A-Z0-9]{8,9})(?![\p{L}\p{N}_/-]|[.,]\d)/gu;
/** Words that name a traveller: the writer, family, a party's members. */
const PERSON = new Set([
  "mine", "me", "my", "our", "his", "her", "their", "wife", "wife's", "husband", "husband's", "son", "son's", "daughter", "daughter's", "kid", "kids", "child", "children",
  "partner", "partner's", "mother", "mum", "mom", "dad", "father", "brother", "sister", "baby", "infant", "adult", "adults",
  "ich", "mein", "meine", "meiner", "meines", "unsere", "unser", "unserer", "frau", "mann", "tochter", "sohn", "kinder", "kind",
  "moi", "mon", "ma", "mes", "femme", "mari", "fils", "fille", "enfants", "yo", "mi", "mis", "esposa", "marido", "hijo", "hija", "hijos",
  "eu", "meu", "minha", "filho", "filha", "io", "mio", "mia", "moglie", "marito", "figlio", "figlia",
]);
/** A list line that starts with a name ("- Anna Schulz, DE passport …", "Jess …"). */
const NAME_LINE_START = /^[ \t]*(?:[-•*]|\d{1,2}[.)])?[ \t]*\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)*[ \t]*[,:]?[ \t]*(?:[A-Z]{2}[ \t]+)?(?:passport[ \t]+|pass[ \t]+)?$/u;
const JOINED = /^\s*(?:,|;|,?\s*(?:and|und|et|y|e)\b)\s*$/i;

export function findTravellersDocuments(text: string): Candidate[] {
  if (!quickTest(DOCUMENT_TALK, text) || !/\d\d/.test(text)) return [];
  const out: Candidate[] = [];
  let lastEnd = -1;
  for (const m of text.matchAll(DOCUMENT)) {
    const lineStart = text.lastIndexOf("\n", m.index - 1) + 1;
    const lead = text.slice(Math.max(lineStart, m.index - 40), m.index);
    const words = lead.toLowerCase().match(/[\p{L}']+/gu) ?? [];
    const last = words.at(-1);
    if (last !== undefined && (REFERENCE_WORDS.has(last) || REFERENCE_WORDS.has(last.replace(/s$/, "")))) continue;
    const clause = lead.split(/[.;:!?(]\s|,\s*(?=[\p{L}]+\s+(?:is|ist|est|es)\b)/u).pop()!;
    const clauseWords = clause.toLowerCase().match(/[\p{L}']+/gu) ?? [];
    const named = clauseWords.slice(-4).some((w) => PERSON.has(w) || PERSON.has(w.replace(/'s$/, "")));
    const listed = lastEnd >= 0 && JOINED.test(text.slice(lastEnd, m.index));
    const nameLine = NAME_LINE_START.test(text.slice(lineStart, m.index));
    // in a message about a passport, a number of letters and digits in its shape is one wherever it stands
    const shaped = quickTest(NAMES_A_PASSPORT, text) && /[A-Z]/.test(m[0]) && /^(?:[A-Z]{1,3}\d{6,8}|(?=.*\d.*\d)[A-Z0-9]{9})$/.test(m[0]);
    if (!named && !listed && !nameLine && !shaped) continue;
    out.push({ start: m.index, end: m.index + m[0].length, type: "passport", priority: PRIORITY.pattern });
    lastEnd = m.index + m[0].length;
  }
  return out;
}
