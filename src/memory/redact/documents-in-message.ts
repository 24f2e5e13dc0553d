// Identity numbers a message names once and gives elsewhere: passport numbers in a chat about the
// travellers' passports ("me: TK8568678", "wife Yuki: TS7669099"), in a numbered list with
// "All Indian passports" under it, after "Number:" in the next sentence; and every value of a
// pasted table's secret columns ("Surname, First name, DOB, Nationality, Passport no., Expiry",
// "| Name | CNIC | Passport | DOB |", "url,username,password"). labelled.ts reads a value next to
// its label; these run only where a message names passports or holds a table.
import { PRIORITY, type Candidate, type PiiType } from "./pii-types";
import { isValidIban } from "./checks";
import { BUSINESS_BEFORE } from "./context-words";
import { quickTest } from "../pair-guard";

const RUSSIAN_PASSPORT_WORD = /паспорт/i;
const LICENCE_TALK = /licen[cs]e|licencia|permis|\bDL\b/i;
const POLISH_ACCOUNT_TALK = /kont|rachun|nrb|przelew|zwrot|account|iban/i;

const PASSPORT_TALK = /passports?\b|pasipoti|pasaportes?|passeports?|reisep[äa]ss(?:e)?|passaport[oei]s?|paspoort|paszport|pasaport|паспорт|جواز|جوازات|旅券|护照|護照|여권/i;
/** One or two capitals and seven or eight digits, as most countries print a passport number; France's two digits, two capitals, five digits. */
const PASSPORT_SHAPED = /(?<![A-Za-z0-9_/#-])(?:[A-Z]{1,2}\d{7,8}|\d{2}[A-Z]{2}\d{5})(?![A-Za-z0-9_-])/g;
/** Russia's passports by series and number: "75 0307864" (travel), "90 94 234171" (internal). */
const RUSSIAN_PASSPORT = /(?<![\d-])(?:\d{2}\s?\d{7}|\d{2}\s?\d{2}\s?\d{6})(?![\d-])/g;

function passportsNamedElsewhere(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of [...text.matchAll(PASSPORT_SHAPED), ...(quickTest(RUSSIAN_PASSPORT_WORD, text) ? text.matchAll(RUSSIAN_PASSPORT) : [])]) {
    const lineStart = text.lastIndexOf("\n", m.index) + 1;
    if (BUSINESS_BEFORE.test(text.slice(Math.max(lineStart, m.index - 40), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, type: "passport", priority: PRIORITY.pattern });
  }
  return out;
}

/** Column names whose values are secrets, and what they are. */
const SECRET_COLUMNS: [RegExp, PiiType][] = [
  [/^(?:passport|pasaporte|passeport|reisepass)(?:\s*(?:no\.?|number|nr\.?|#|num))?$/i, "passport"],
  [/^(?:cnic|ssn|nin|nino|ni\s*(?:no\.?|number)|national\s*id|id\s*(?:no\.?|number)|nric|aadhaar|pan|tfn|sin|cpf|dni|nie|bsn|pesel|personnummer|codice\s*fiscale|dl\s*(?:no\.?|number|#)|driver'?s?\s*licen[cs]e(?:\s*(?:no\.?|number|#))?|licen[cs]e\s*(?:no\.?|number|#))$/i, "national_id"],
  [/^(?:password|passwd|pwd|pass|secret|pin|totp|otp\s*secret|2fa\s*secret)$/i, "password"],
  [/^(?:card|card\s*(?:no\.?|number)|cc|credit\s*card|pan\s*number)$/i, "card_number"],
  [/^(?:cvv|cvc|cvv2|cid|security\s*code|card\s*cvv|cc\s*cvv)$/i, "cvv"],
  [/^(?:(?:card|cc)\s*)?(?:exp(?:iry|iration)?(?:\s*date)?|valid\s*(?:thru|through))$/i, "card_expiry"],
  [/^(?:(?:card|cc)\s*)?pin(?:\s*(?:hint|code|no\.?|number))?$/i, "pin"],
  [/^(?:iban|account\s*(?:no\.?|number)|acct\s*(?:no\.?|number)?)$/i, "bank_account"],
];
const SEPARATORS = [",", "|", "\t", ";"];
/** What a card's fields hold: a card column may name the card ("Visa"), an expiry column a date. */
const CELL_SHAPE: Partial<Record<PiiType, RegExp>> = {
  card_number: /^\d[\d -]{10,22}\d$/,
  card_expiry: /^(?:\d{2}[/.-]?\d{2}|\d{2}[/.-]\d{4}|\d{1,2}\/\d{2})$/,
  cvv: /^\d{3,4}$/,
  pin: /^\d{4,8}$/,
};

/** The values under a table's secret columns, for every row with as many fields as its header. */
function tableColumns(text: string): Candidate[] {
  const out: Candidate[] = [];
  const lines = text.split("\n");
  let offset = 0;
  const starts = lines.map((l) => ((offset += l.length + 1), offset - l.length - 1));
  for (let h = 0; h < lines.length; h++) {
    for (const sep of SEPARATORS) {
      if (!lines[h]!.includes(sep)) continue;
      const header = fields(lines[h]!, sep);
      if (header.length < 2) continue;
      const secret = header.map((f) => SECRET_COLUMNS.find(([re]) => re.test(f.text.trim().replace(/[_-]+/g, " ")))?.[1]);
      if (!secret.some(Boolean)) continue;
      for (let r = h + 1; r < lines.length; r++) {
        const row = fields(lines[r]!, sep);
        if (row.length !== header.length) break;
        row.forEach((f, i) => {
          const value = f.text.trim();
          const type = secret[i];
          // (a masked value, "************3390", is no secret; a card's fields hold their own shapes)
          if (!type || value.length < 3 || /^(?:-+|n\/?a|none)$/i.test(value) || /[*•●]|x{4}/i.test(value) || !(CELL_SHAPE[type]?.test(value) ?? true)) return;
          const start = starts[r]! + f.start + f.text.indexOf(value);
          out.push({ start, end: start + value.length, type, priority: PRIORITY.labelled });
        });
      }
    }
  }
  return out;
}

/** A line's fields with their offsets; a table's outer bars open and close no field. */
function fields(line: string, sep: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (const part of line.split(sep)) {
    out.push({ text: part, start });
    start += part.length + sep.length;
  }
  if (sep === "|") {
    if (out[0]?.text.trim() === "") out.shift();
    if (out.at(-1)?.text.trim() === "") out.pop();
  }
  return out;
}

/**
 * A UK driving licence's number (DVLA): five letters of the surname (9 for fewer), six digits of
 * the birth date, two initials, a digit and two check letters: "MORGA857055SM9IJ". Where the
 * message names a driving licence, wherever the number stands ("Licence number (field 5) is …").
 */
const DVLA_NUMBER = /(?<![A-Za-z0-9])[A-Z9]{5}\d[0156]\d{4}[A-Z9]{2}\d[A-Z]{2}(?:\s?\d{2})?(?![A-Za-z0-9])/g;
/** Licence numbers as some states and provinces print them: Ontario (A1234-12345-12345), Florida (A123-123-12-123-1), Illinois (A123-1234-1234). */
const NRB = /(?<![\dA-Za-z])\d{2}(?: ?\d{4}){6}(?![\dA-Za-z])/g;
const PRINTED_LICENCE = /(?<![A-Za-z0-9-])[A-Z](?:\d{4}-\d{5}-\d{5}|\d{3}-\d{3}-\d{2}-\d{3}-\d|\d{3}-\d{4}-\d{4})(?![A-Za-z0-9-])/g;

export function findDocumentsInMessage(text: string): Candidate[] {
  const out: Candidate[] = [];
  if (quickTest(LICENCE_TALK, text)) {
    for (const re of [DVLA_NUMBER, PRINTED_LICENCE]) for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, type: "national_id", priority: PRIORITY.pattern });
  }
  // a Polish account number (NRB) without its country letters, where the message talks of an account or a transfer:
  // 26 digits that pass as an IBAN with "PL" before them
  if (quickTest(POLISH_ACCOUNT_TALK, text)) for (const m of text.matchAll(NRB)) if (isValidIban(`PL${m[0].replace(/\s/g, "")}`)) out.push({ start: m.index, end: m.index + m[0].length, type: "iban", priority: PRIORITY.pattern });
  if (quickTest(PASSPORT_TALK, text)) out.push(...passportsNamedElsewhere(text));
  if (text.includes("\n") && /[,|\t;]/.test(text)) out.push(...tableColumns(text));
  if (text.includes("<<")) out.push(...machineReadableZones(text));
  return out;
}

/**
 * A passport's or an identity card's machine-readable zone, as an OCR of its photo gives it: the
 * line that holds the document's number (a passport's second line, "5334018275GBR8807146F…"; an
 * identity card's first, "I<NLDSPECI20142…") is removed whole, where the number's check digit (ICAO
 * 9303: weights 7, 3, 1) says it is one.
 */
const MRZ_PASSPORT = /(?<![A-Z0-9<])([A-Z0-9<]{9})(\d)[A-Z<]{3}\d{7}[MFX<]\d{7}[A-Z0-9<]{14}[\d<]\d(?![A-Z0-9<])/g;
const MRZ_CARD = /(?<![A-Z0-9<])[ACI][A-Z<][A-Z<]{3}([A-Z0-9<]{9})(\d)[A-Z0-9<]{15}(?![A-Z0-9<])/g;
const MRZ_VALUE = (c: string) => (c === "<" ? 0 : c <= "9" ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55);
const mrzCheck = (field: string) => [...field].reduce((sum, c, i) => sum + MRZ_VALUE(c) * [7, 3, 1][i % 3]!, 0) % 10;

function machineReadableZones(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const [re, type] of [[MRZ_PASSPORT, "passport"], [MRZ_CARD, "national_id"]] as const) {
    for (const m of text.matchAll(re)) if (/\d/.test(m[1]!) && mrzCheck(m[1]!) === Number(m[2])) out.push({ start: m.index, end: m.index + m[0].length, type, priority: PRIORITY.pattern });
  }
  return out;
}
