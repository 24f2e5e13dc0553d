// National identity and tax numbers a message names somewhere and gives somewhere else: "the T5
// slip shows the wrong SIN. Correct one is 206 210 726", "339 27 2270 (that's my social)", a JSON
// error with "documento":"357.182.482-22" and "tipo":"CPF", "bsn is 56917⏎7510", a Thai card's
// thirteen digits OCR'd one by one. labelled.ts reads a value next to its label; here the label
// only has to be in the message, and the number must pass that country's own check (stdnum's
// validators), so an order id of the same length is kept. Runs only where a name is found.
import * as arCuit from "stdnum/lib/cjs/ar/cuit";
import * as atVnr from "stdnum/lib/cjs/at/vnr";
import * as auTfn from "stdnum/lib/cjs/au/tfn";
import * as baJmbg from "stdnum/lib/cjs/ba/jmbg";
import * as beNn from "stdnum/lib/cjs/be/nn";
import * as bgEgn from "stdnum/lib/cjs/bg/egn";
import * as brCpf from "stdnum/lib/cjs/br/cpf";
import * as caSin from "stdnum/lib/cjs/ca/sin";
import * as chSsn from "stdnum/lib/cjs/ch/ssn";
import * as clRut from "stdnum/lib/cjs/cl/rut";
import * as cnRic from "stdnum/lib/cjs/cn/ric";
import * as czRc from "stdnum/lib/cjs/cz/rc";
import * as deIdnr from "stdnum/lib/cjs/de/idnr";
import * as deSvnr from "stdnum/lib/cjs/de/svnr";
import * as dkCpr from "stdnum/lib/cjs/dk/cpr";
import * as eeIk from "stdnum/lib/cjs/ee/ik";
import * as esDni from "stdnum/lib/cjs/es/dni";
import * as esNie from "stdnum/lib/cjs/es/nie";
import * as esNif from "stdnum/lib/cjs/es/nif";
import * as fiHetu from "stdnum/lib/cjs/fi/hetu";
import * as frNir from "stdnum/lib/cjs/fr/nir";
import * as gbNino from "stdnum/lib/cjs/gb/nino";
import * as grAmka from "stdnum/lib/cjs/gr/amka";
import * as grVat from "stdnum/lib/cjs/gr/vat";
import * as hkHkid from "stdnum/lib/cjs/hk/hkid";
import * as hrOib from "stdnum/lib/cjs/hr/oib";
import * as iePps from "stdnum/lib/cjs/ie/pps";
import * as ilIdnr from "stdnum/lib/cjs/il/idnr";
import * as inAadhaar from "stdnum/lib/cjs/in/aadhaar";
import * as inPan from "stdnum/lib/cjs/in/pan";
import * as isKennitala from "stdnum/lib/cjs/is/kennitala";
import * as itCodiceFiscale from "stdnum/lib/cjs/it/codicefiscale";
import * as krRrn from "stdnum/lib/cjs/kr/rrn";
import * as ltAsmens from "stdnum/lib/cjs/lt/asmens";
import * as mxCurp from "stdnum/lib/cjs/mx/curp";
import * as mxRfc from "stdnum/lib/cjs/mx/rfc";
import * as myNric from "stdnum/lib/cjs/my/nric";
import * as nlBsn from "stdnum/lib/cjs/nl/bsn";
import * as noFodselsnummer from "stdnum/lib/cjs/no/fodselsnummer";
import * as nzIrd from "stdnum/lib/cjs/nz/ird";
import * as pkCnic from "stdnum/lib/cjs/pk/cnic";
import * as plPesel from "stdnum/lib/cjs/pl/pesel";
import * as ptCc from "stdnum/lib/cjs/pt/cc";
import * as ptNif from "stdnum/lib/cjs/pt/nif";
import * as roCnp from "stdnum/lib/cjs/ro/cnp";
import * as ruInn from "stdnum/lib/cjs/ru/inn";
import * as sePersonnummer from "stdnum/lib/cjs/se/personnummer";
import * as siEmso from "stdnum/lib/cjs/si/emso";
import * as thIdnr from "stdnum/lib/cjs/th/idnr";
import * as trTckimlik from "stdnum/lib/cjs/tr/tckimlik";
import * as twNatid from "stdnum/lib/cjs/tw/natid";
import * as usSsn from "stdnum/lib/cjs/us/ssn";
import * as zaIdnr from "stdnum/lib/cjs/za/idnr";
import { A_BUSINESS_S, BUSINESS_BEFORE, OF_A_BUSINESS } from "./context-words";
import { PRIORITY, type Candidate } from "./pii-types";
import { quickTest } from "../pair-guard";

type Validator = { validate(value: string): { isValid: boolean } };
/**
 * A number's validator, the lengths it can have once its separators are gone (a validator call
 * costs microseconds, a length test nothing), and where its check is weak, the shape it must be
 * written in.
 */
type Check = { v: Validator; lengths: readonly number[]; written?: RegExp };
const check = (v: Validator, ...lengths: number[]): Check => ({ v, lengths });

/**
 * The US checks only that the groups are not 000, 00 or 0000, so a social security number is
 * taken only as printed, 3-2-4; Pakistan's CNIC checks nothing but its length, so 5-7-1. A number
 * in its printed shape may follow a business word where its name is near (see findNamedIds).
 */
const SSN: Check = { ...check(usSsn, 9), written: /^\d{3}[ .-]\d{2}[ .-]\d{4}$/ };
const CNIC: Check = { ...check(pkCnic, 13), written: /^\d{5}-\d{7}-\d$/ };
const DE_IDNR = check(deIdnr, 11);
const BR_CPF = check(brCpf, 11);
const AR_CUIT = check(arCuit, 11);
const IT_CF = check(itCodiceFiscale, 16);
const ES_NIF = check(esNif, 9);
const IN_PAN = check(inPan, 10);
const MX_RFC = check(mxRfc, 12, 13);
const CN_RIC = check(cnRic, 18);
const KR_RRN = check(krRrn, 13);
const TH_IDNR = check(thIdnr, 13);
const HK_HKID = check(hkHkid, 8, 9);
const ES_DNI: Check = { ...check(esDni, 9), written: /^\d{8}[ -]?[A-Za-z]$/ };
const ES_NIE: Check = { ...check(esNie, 9), written: /^[XYZxyz][ -]?\d{7}[ -]?[A-Za-z]$/ };
/** Strong checks (a birth date and a check digit, or an 18-character mod-11), for a message that only says "ID". */
const STRONG_IDS: Check[] = [CN_RIC, check(zaIdnr, 13), KR_RRN, check(roCnp, 13), check(siEmso, 13), check(baJmbg, 13), check(trTckimlik, 11), TH_IDNR];

/**
 * What names each number (lower case unless the name is an everyday word in some language:
 * "SIN" is Spanish for "without", "PAN" a cooking pan, "NIE" Polish for "not", "CC" a copy).
 * No capturing groups: findNamedIds tells the names apart by their group in one expression.
 */
const NAMED: { name: RegExp; checks: Check[] }[] = [
  { name: /(?<![a-z])ssn\b|social security|\b(?:my|his|her|the) social\b/i, checks: [SSN] },
  { name: /\bSIN\b|\bNAS\b|[Ss]ocial [Ii]nsurance|SOCIAL INSURANCE|[Aa]ssurance [Ss]ociale/, checks: [check(caSin, 9)] },
  { name: /\btfn\b|tax file n/i, checks: [check(auTfn, 8, 9)] },
  { name: /\bcpf\b/i, checks: [BR_CPF] },
  { name: /f[øo]dselsnummer|personnumm?er|personnr\b/i, checks: [check(noFodselsnummer, 11), check(sePersonnummer, 10, 12), check(dkCpr, 10)] },
  { name: /\bcpr\b/i, checks: [check(dkCpr, 10)] },
  { name: /henkil[öo]tunnus|\bhetu\b/i, checks: [check(fiHetu, 11)] },
  { name: /αφμ|α\.φ\.μ|\bafm\b/i, checks: [check(grVat, 9)] },
  { name: /αμκα|\bamka\b/i, checks: [check(grAmka, 11)] },
  { name: /\bnif\b|contribuinte/i, checks: [check(ptNif, 9), ES_NIF] },
  { name: /[Cc]art[ãa]o de [Cc]idad[ãa]o|CART[ÃA]O DE CIDAD[ÃA]O|\bCC\b/, checks: [check(ptCc, 12)] },
  { name: /\bdni\b/i, checks: [ES_DNI, ES_NIE] },
  { name: /\bNIE\b|\b[Nn]\.[Ii]\.[Ee]\./, checks: [ES_DNI, ES_NIE] },
  { name: /\bbsn\b|burgerservicenummer/i, checks: [check(nlBsn, 8, 9)] },
  { name: /rijksregister|num[ée]ro national|national (?:register )?number|\binsz\b|\bniss\b/i, checks: [check(beNn, 11)] },
  { name: /\bpesel\b/i, checks: [check(plPesel, 11)] },
  { name: /codice fiscale|\bC\.F\./, checks: [IT_CF] },
  { name: /s[ée]curit[ée] sociale|carte vitale|\bnir\b/i, checks: [check(frNir, 15)] },
  { name: /steuer-?id|steuer-?identifikations|identifikationsnummer/i, checks: [DE_IDNR] },
  { name: /sozialversicherungs|rentenversicherungs|\bsvnr\b/i, checks: [check(deSvnr, 12), check(atVnr, 10)] },
  { name: /national insurance|\bnino\b|\bni (?:number|no\b)/i, checks: [check(gbNino, 8, 9)] },
  { name: /\bppsn?\b/i, checks: [check(iePps, 8, 9)] },
  { name: /aadh?aa?r/i, checks: [check(inAadhaar, 12)] },
  { name: /\bPAN\b|\b[Pp]an [Cc]ard\b|PAN CARD|[Pp]ermanent [Aa]ccount/, checks: [IN_PAN] },
  { name: /\bcurp\b/i, checks: [check(mxCurp, 18)] },
  { name: /\brfc\b/i, checks: [MX_RFC] },
  { name: /\bru[tn]\b/i, checks: [check(clRut, 8, 9)] },
  { name: /\bcui[lt]\b/i, checks: [AR_CUIT] },
  { name: /\b(?:[Mm]y[Kk]ad|MYKAD|[Nn]ric|NRIC|IC|K\/P)\b/, checks: [check(myNric, 12)] },
  { name: /kimlik|\btckn\b/i, checks: [check(trTckimlik, 11)] },
  { name: /ת\.?ז|תעודת ה?זהות|teudat|zehut/i, checks: [{ ...check(ilIdnr, 9), written: /^\d{9}$|^\d{8}-\d$/ }] },
  { name: /\bcnp\b/i, checks: [check(roCnp, 13)] },
  { name: /rodn[ée] [čc][íi]slo/i, checks: [check(czRc, 9, 10)] },
  { name: /em[šs]o\b|\bjmbg\b/i, checks: [check(siEmso, 13), check(baJmbg, 13)] },
  { name: /\boib\b/i, checks: [check(hrOib, 11)] },
  { name: /егн|\begn\b/i, checks: [check(bgEgn, 10)] },
  { name: /isikukood/i, checks: [check(eeIk, 11)] },
  { name: /asmens kod/i, checks: [check(ltAsmens, 11)] },
  { name: /kennitala/i, checks: [check(isKennitala, 10)] },
  { name: /\bahv\b|\bavs\b/i, checks: [check(chSsn, 13)] },
  { name: /\bcnic\b/i, checks: [CNIC] },
  { name: /\bhkid\b/i, checks: [HK_HKID] },
  { name: /\bинн\b|\binn\b/i, checks: [check(ruInn, 10, 12)] },
  { name: /\bird\b/i, checks: [check(nzIrd, 8, 9)] },
  { name: /身[分份][證证]|[證证]件/, checks: [CN_RIC, check(twNatid, 10), HK_HKID] },
  { name: /주민(?:등록)?번호/, checks: [KR_RRN] },
  { name: /บัตรประชาชน|ประจำตัวประชาชน|thai (?:national )?id/i, checks: [TH_IDNR] },
  { name: /\btax (?:id|identification|number|no\b)|\btin\b/i, checks: [DE_IDNR, BR_CPF, AR_CUIT, IT_CF, ES_NIF, IN_PAN, MX_RFC] },
  { name: /\b(?:national|citizen|identity|personal|resident) (?:id|identity|identification|number|card)\b|\bid (?:card|number|no\b)/i, checks: STRONG_IDS },
];
/** All the names in one expression, each its own group, to tell which a message says. */
const ANY_NAME = new RegExp(NAMED.map((n) => `(${n.name.source})`).join("|"), "gi");
/** An expression's top-level alternatives ("a|b(c|d)|e" → a, b(c|d), e). */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "|" && depth === 0) out.push(source.slice(from, i)), (from = i + 1);
  }
  return [...out, source.slice(from)];
}
/**
 * The test every message with digits gets: all the names without the groups, and with the word
 * boundary most of them open with said once ("\b(?:ssn|tfn|cpf|…)|…"): about 1.7 times cheaper
 * than each alternative opening with its own.
 */
const ALTERNATIVES = NAMED.flatMap((n) => alternatives(n.name.source));
const SAYS_A_NAME = new RegExp(
  `\\b(?:${ALTERNATIVES.filter((a) => a.startsWith("\\b")).map((a) => a.slice(2)).join("|")})|${ALTERNATIVES.filter((a) => !a.startsWith("\\b")).join("|")}`,
  "i",
);

/** The names a message says (a case-insensitive find confirmed by the name's own case rule). */
function namesIn(text: string): typeof NAMED {
  const found = new Set<(typeof NAMED)[number]>();
  for (const m of text.matchAll(ANY_NAME)) {
    const n = NAMED[m.findIndex((g, i) => i > 0 && g !== undefined) - 1]!;
    if (OF_A_BUSINESS.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24)) || A_BUSINESS_S.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    if (n.name.flags.includes("i") || n.name.test(m[0])) found.add(n);
  }
  return [...found];
}

/** Runs of ASCII letters and digits: the pieces a number is written in. */
const PIECE = /[0-9A-Za-z]+/g;
/** What may stand between a number's pieces: a space, a dot, a dash, a slash, a line break. */
const BETWEEN = /^(?:[ .\-/]|\r?\n|\. | - )$/;
const MAX_PIECES = 13;
const MAX_LENGTH = 20;
/** Glued to a longer token (an email, a path, "ORD-…", "#…"), or a phone number's "+". */
const GLUED_BEFORE = /[@_#+/\\:=-]$|[A-Za-z0-9][.]$/;
const GLUED_AFTER = /^(?:[@_\\]|[-/.][A-Za-z0-9])/;
const PHONE_BEFORE = /\b(?:tel|tlf|phone|mobile|mob|cell|call|text|ring|reach|whatsapp|fax|telefone?|tel[eé]fono|handy|puhelin|mobil)\b(?:\s+(?:me|us|number|no\.?|nr\.?|is|on|at))*[\s.:#]*$/i;

/** Whether the text has a digit outside what other readers took ("SSN 619-98-1455" alone leaves nothing to read). */
function digitsBesides(text: string, found: readonly Candidate[]): boolean {
  let from = 0;
  for (const c of [...found].sort((a, b) => a.start - b.start)) {
    if (c.start > from && /\d/.test(text.slice(from, c.start))) return true;
    from = Math.max(from, c.end);
  }
  return /\d/.test(text.slice(from));
}

/** `found`: what other readers took already; a number inside it is not read again. */
export function findNamedIds(text: string, found: readonly Candidate[] = []): Candidate[] {
  if (!digitsBesides(text, found) || !quickTest(SAYS_A_NAME, text)) return [];
  const named = namesIn(text);
  if (named.length === 0) return [];
  const checks = named.flatMap((n) => n.checks);
  const lengths = new Set(checks.flatMap((c) => c.lengths));
  // pieces with a digit, and short letter groups (a prefix or a check letter: "Z6387006A" is one piece, "… 7 TP3" three)
  const pieces: { start: number; end: number; digits: number; text: string; joined: boolean }[] = [];
  for (const m of text.matchAll(PIECE)) {
    let digits = 0;
    for (let k = 0; k < m[0].length; k++) if (m[0].charCodeAt(k) <= 57) digits++;
    const prev = pieces.at(-1);
    pieces.push({ start: m.index, end: m.index + m[0].length, digits, text: m[0], joined: prev !== undefined && BETWEEN.test(text.slice(prev.end, m.index)) });
  }
  const out: Candidate[] = [];
  for (let i = 0; i < pieces.length; i++) {
    if (pieces[i]!.digits === 0 && !(pieces[i]!.text.length <= 3 && pieces[i + 1]?.digits)) continue;
    if (found.some((c) => c.start <= pieces[i]!.start && pieces[i]!.start < c.end)) continue;
    let last = -1;
    let printed = false;
    let compact = "";
    let digits = 0;
    for (let j = i; j < pieces.length && j < i + MAX_PIECES; j++) {
      const piece = pieces[j]!;
      if ((piece.digits === 0 && piece.text.length > 3) || (j > i && !piece.joined)) break;
      compact += piece.text;
      digits += piece.digits;
      if (compact.length > MAX_LENGTH) break;
      // every number read here is mostly digits (a CURP, the longest in letters, has 8 of 18)
      if (!lengths.has(compact.length) || digits * 2 < compact.length - 2) continue;
      const written = text.slice(pieces[i]!.start, piece.end);
      const ok = checks.find((c) => c.lengths.includes(compact.length) && (!c.written || c.written.test(written)) && c.v.validate(compact).isValid);
      if (ok) (last = j), (printed = ok.written !== undefined);
    }
    if (last < 0) continue;
    const start = pieces[i]!.start;
    const end = pieces[last]!.end;
    const before = text.slice(Math.max(text.lastIndexOf("\n", start - 1) + 1, start - 40), start);
    // a business word just before ("claim:", "invoice:") keeps it, unless it is printed as the
    // named number is (an SSN's 3-2-4) and that name is in the same stretch ("SSN if you need it for the claim: …")
    const business = BUSINESS_BEFORE.test(before) && !(printed && named.some((n) => n.name.test(before)));
    if (!GLUED_BEFORE.test(before) && !GLUED_AFTER.test(text.slice(end, end + 2)) && !business && !PHONE_BEFORE.test(before)) {
      out.push({ start, end, type: "national_id", priority: PRIORITY.pattern });
      i = last;
    }
  }
  return out;
}
