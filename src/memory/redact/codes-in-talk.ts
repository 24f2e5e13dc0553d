// A one-time code told with no label beside it, in a message about such a code: "no me llega el
// código … ah ya llegó, es 804213", "it sent me 2 codes. first 118204 then 771930", "I got 284 713
// but it failed, then 902 155 came", "got it 55 93 01". Only a number written as such codes are
// (six digits, whole, in twos or threes, or one by one), standing alone, and not where a word
// just before it names another number ("ticket 448120", "pincode 560034").
import { REFERENCE_WORDS } from "./context-words";
import { PRIORITY, type Candidate } from "./pii-types";
import { quickTest } from "../pair-guard";

/** A one-time code's name, in the languages customers write in (tested without the Unicode flag: cheap). */
const CODE_NAME = /\b(?:codes?|otp|c[oó]digos?|codice|codici|kode|kod|kodu|kodem|kody|kodunu|koodi|tan|passcode|inlogcode|verificatiecode|sms-?code|bestätigungscode|einmalcode)\b|код|κωδικ|رمز|コード|코드|验证码|認証番号/gi;
/** Words before "code" that make it some other code ("promo code", "error code", "postal code"). */
const OTHER_CODES = new Set([
  "promo", "promotional", "discount", "coupon", "voucher", "gift", "referral", "invite", "invitation", "error", "status", "exit", "response",
  "http", "postal", "post", "zip", "pin", "area", "country", "dialling", "dialing", "source", "qr", "bar", "tracking", "booking", "product",
  "item", "sku", "tax", "vat", "sort", "branch", "swift", "bank", "ifsc", "routing", "airport", "fare", "dress", "course", "class",
  "reference", "ref", "confirmation", "share", "cancellation", "seat", "colour", "color", "style", "model", "activation", "region",
  "descuento", "promocional", "cupón", "cupon", "erro", "rabatt", "gutschein", "sconto", "promozionale", "réduction",
  "reduction", "promotionnel", "fehler", "indirim", "hata", "posta",
]);
const WORD_BEFORE = /([\p{L}-]+)\W*$/u;

/** Six digits as a code is written: 804213, 284 713, 55 93 01, 3 9 1 0 2 7 (a space, a dot or a dash between). */
const SIX_DIGITS = /(?<![\p{L}\p{N}.,/:#+€$£_*=-]|\d[ .-])(?:\d{6}|\d{3}[ .-]\d{3}|\d\d[ .-]\d\d[ .-]\d\d|\d(?: \d){5})(?![\p{L}\p{N}_%€$£*]|[.,:/-]\d|[ .-]\d)/gu;
/** What may follow a number that is an amount or a count, not a code. */
const UNIT_AFTER = /^\s*(?:eur|usd|gbp|inr|rs|rupees|euros?|dollars?|pounds?|reais|pesos|lira|tl|yen|won|times?|items?|points?|miles?|km|kb|mb|gb|users?|people|steps?|rows?|records?)(?![\p{L}])/iu;
/** Words before a number that make it a reference, a phone's or a place's: a business word, or "no.", "number", "#". */
const NAMES_ANOTHER = new Set([...REFERENCE_WORDS, "nr", "num", "number", "numero", "número", "nummer", "id", "account", "acct", "student", "exam", "room", "phone", "mobile", "tel", "call", "fax", "address", "street", "flat", "apt", "apartment", "house", "floor", "suite", "unit", "pin", "pincode", "zip", "postcode", "code", "pnr", "ticket", "cuenta", "conta", "konto", "rekening", "hesap", "compte", "conto"]);

/** "no. 448120", "Nº 448120" (not "no sorry 559310") */
const NUMBER_SIGN = /\b(?:no|nr|n[°º])[.:]?\s*$/i;
const SPEAKER = /^\s*(?:customer|client|user|caller|guest|member|me|cliente|kunde|klant|müşteri)\s*:/u;

/** What says the code was sent, came, was typed or expired: such a code is one of the moment, not a product's. */
const CODE_OF_THE_MOMENT = /\b(?:sent|send|resen[dt]|got|get|getting|receiv\w*|arriv\w*|came|come|expired?|text(?:ed)?|sms|otp|verif\w*|one[- ]time|log\s?in|sign\s?in|2fa|authenticat\w*|entered|typed|inlog\w*|bekommen|erhalten|angekommen|ricevut\w*|arrivat\w*|ontvangen|gekregen|geldi|gelmedi|dapat|terima|aaya)\b|lleg[óoa]|recib|chegou|receb|reçu|envoy|caducad|expir|ήρθε|στάλθηκε|пришел|пришёл|dostałem|dostałam|وصل/i;

function talksOfACode(text: string): boolean {
  if (!quickTest(CODE_OF_THE_MOMENT, text)) return false;
  for (const m of text.matchAll(CODE_NAME)) {
    const before = WORD_BEFORE.exec(text.slice(Math.max(0, m.index - 30), m.index))?.[1]?.toLowerCase();
    if (before === undefined || !OTHER_CODES.has(before)) return true;
  }
  return false;
}

/** A SIM's PUK, eight digits, in a message that names it ("The PUK on the card holder … I think it's 74041981"). */
const PUK = /\bPUK\b/i;
const EIGHT_DIGITS = /(?<![\p{L}\p{N}.,/:#+€$£_*=-]|\d[ .-])\d{8}(?![\p{L}\p{N}_%€$£*]|[.,:/-]\d|[ .-]\d)/gu;

function pukCodes(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(EIGHT_DIGITS)) {
    const words = text.slice(Math.max(0, m.index - 30), m.index).toLowerCase().match(/[\p{L}#]+/gu) ?? [];
    if (words.slice(-2).some((w) => NAMES_ANOTHER.has(w) && w !== "code" && w !== "pin")) continue;
    out.push({ start: m.index, end: m.index + 8, type: "pin", priority: PRIORITY.pattern });
  }
  return out;
}

export function findCodesInTalk(text: string): Candidate[] {
  if (quickTest(PUK, text)) return [...pukCodes(text), ...codesInTalk(text)];
  return codesInTalk(text);
}

function codesInTalk(text: string): Candidate[] {
  if (!/\d(?:[ .-]?\d){5}/.test(text) || !talksOfACode(text)) return [];
  const out: Candidate[] = [];
  for (const m of text.matchAll(SIX_DIGITS)) {
    if (UNIT_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
    // the few words before it, back to the start of its clause
    const clause = text.slice(Math.max(0, m.index - 40), m.index).split(/(?<!\b(?:no|nr|ref|inv|acct|tel|ph|approx))[.!?;(]\s|\n/i).pop()!;
    // (a chat's speaker, "Customer: got it 55 93 01", is no reference)
    const words = clause.toLowerCase().replace(SPEAKER, "").match(/[\p{L}#]+/gu) ?? [];
    if (words.slice(-3).some((w) => NAMES_ANOTHER.has(w) || w === "#") || NUMBER_SIGN.test(clause)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, type: "otp", priority: PRIORITY.pattern });
  }
  return out;
}
