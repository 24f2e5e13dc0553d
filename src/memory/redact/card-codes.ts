// A card's security code given right after the card, the way card details are pasted:
// "4111 1111 1111 1111 08/29 123", "5500…0004, exp 11/27, 0421", "4339…6952 11 28 445". After a card number and its
// expiry, the next 3–4 digit number is the CVV (4 on American Express), whatever it is called;
// so is a 3–4 digit number said to be on the back or the front soon after a card ("… exp 12/28
// and 321 on the back", "… and the code behind is 321"). The card's expiry goes with it too.
import { PRIORITY, type Candidate } from "./pii-types";
import { NAMES_A_CARD } from "./context-words";
import { quickTest } from "../pair-guard";

// month names as English, Spanish, Portuguese, French, German and Italian begin them
const MONTH = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|set|out|dic|dez|janv|f[ée]v|avr|mai|juin|juil|ao[uû]t|d[ée]c|j[äa]n|m[äa]r|okt|gen|mag|giu|lug|ott";
// "… 11/27, 0421", "… 11 28 445", "… Jan 2026 019", "… / Jul 2026 / 5339", one a line on a form
const EXPIRY_THEN_CODE = new RegExp(
  String.raw`(?:[ \t,;|/]|\r?\n)*(?:(?:exp(?:iry|ires|iring|iration)?(?:\s+date)?|valid(?:\s+(?:thru|through|until))?|validade|vencimiento|vence|scadenza|g[üu]ltig\s+bis)\.?\s*:?\s*(?:0[1-9]|1[0-2])\d{2}(?![\d/])|(?:(?:exp(?:iry|ires|iring|iration)?(?:\s+date)?|valid(?:\s+(?:thru|through|until))?|validade|vencimiento|vence|scadenza|g[üu]ltig\s+bis)\.?\s*:?\s*)?(?:(?:0?[1-9]|1[0-2])(?:\s*[/-]\s*|[ \t])(?:20)?\d{2}|(?:${MONTH})[a-z]*\.?\s+(?:20)?\d{2})(?![\d/]))(?:[ \t,;|/&]|\r?\n|and\b)*` +
    String.raw`(?:(?:(?:the\s+)?(?:3|4|three|four)[\s-]*digits?\s+)?(?:cvv2?|cvc2?|cid|csc|code|sec(?:urity)?(?:\s+code)?|(?:security\s+)?number|c[óo]digo(?:\s+de\s+seguri?(?:dad|an[çc]a))?|codice(?:\s+di\s+sicurezza)?|cryptogramme|pr[üu]fnummer)(?:\s+is|\s+es|\s+é)?\s*[:=-]?\s*)?(\d{3,4})(?![\p{L}\p{N}_]|[.,]\d)`,
  "iuy",
);

const CODE_ON_THE_BACK =
  /(?<![\p{L}\p{N}_.,/-])(\d{3,4})\s+(?:(?:is|are)\s+)?(?:on|at)\s+the\s+(?:back|reverse|front)(?![\p{L}])|(?:code|digits|numbers?)\s+(?:behind|(?:on|at)\s+(?:the\s+)?(?:back|reverse))(?:\s+(?:is|are))?\s*[:=-]?\s*(\d{3,4})(?![\p{N}])|(?<![\p{L}\p{N}_.,/-])(\d{3,4})\s+es\s+el\s+c[oó]digo(?:\s+de\s+(?:atr[aá]s|seguridad))?(?![\p{L}])|\bback\s+(?:says|reads|shows)\s*:?\s*(\d{3,4})(?![\p{N}])|(?:\bback|(?:number|code|digits)\s+(?:next\s+to|beside|by)\s+the\s+signature(?:\s+(?:strip|panel|box))?(?:\s+(?:is|are|says|reads))?)\s*[:=-]?\s*(\d{3,4})(?![\p{N}])/iu;
/**
 * A code named plainly soon after a card ("… 4539 1488 0343 6467 and the code is 902", "card
 * …, code: 0421"): the card's, unless another kind of code is named ("error code 051", "promo
 * code 902", "zip code").
 */
const CODE_NAMED =
  /(?<![\p{L}])((?:[\p{L}]+\s+)?)code(?:\s+(?:is|was))?\s*[:=-]?\s*(\d{3,4})(?![\p{L}\p{N}_]|[.,]\d)/iu;
const OTHER_CODES = /^(?:promo|promotional|discount|coupon|voucher|gift|error|response|decline|reason|status|zip|postal|post|area|sort|country|dialling|dialing|pin|reference|ref|tracking|booking|confirmation|order|product|item|bar|qr|otp|verification|access|activation|referral|tax|branch|swift|bic|ifsc|routing|transaction|auth|authorisation|authorization|approval)\s+$/i;
/** How far after a card a code "on the back" is still that card's: the rest of its sentence or two. */
const CODE_REACH = 100;

export function findCodesAfterCards(text: string, cards: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const card of cards) {
    if (card.type !== "card_number") continue;
    EXPIRY_THEN_CODE.lastIndex = card.end;
    const m = EXPIRY_THEN_CODE.exec(text);
    if (m) {
      const end = card.end + m[0].length;
      out.push({ start: end - m[1]!.length, end, type: "cvv", priority: PRIORITY.labelled });
      continue;
    }
    const after = text.slice(card.end, card.end + CODE_REACH).split("\n")[0]!;
    const back = CODE_ON_THE_BACK.exec(after);
    if (back) {
      // "321 on the back" or "the code behind is 321"
      const code = back[1] ?? back[2] ?? back[3] ?? back[4] ?? back[5]!;
      const start = card.end + back.index + back[0].lastIndexOf(code);
      out.push({ start, end: start + code.length, type: "cvv", priority: PRIORITY.labelled });
      continue;
    }
    const named = CODE_NAMED.exec(after);
    if (named && !OTHER_CODES.test(named[1]!)) {
      const start = card.end + named.index + named[0].length - named[2]!.length;
      out.push({ start, end: start + named[2]!.length, type: "cvv", priority: PRIORITY.labelled });
      continue;
    }
    // a line of its own within the card's next three ("4161.7152.8028.1379\nexpires end of 2027\n3 digits: 480")
    const lines = text.slice(card.end, card.end + CODE_REACH * 2).split("\n").slice(1, 4);
    let at = card.end + text.slice(card.end).indexOf("\n") + 1;
    for (const line of lines) {
      const own = CODE_LINE.exec(line) ?? EXPIRY_AND_CODE_LINE.exec(line);
      if (own) {
        const start = at + own[0].length - own[1]!.length - (own[0].length - own[0].trimEnd().length);
        out.push({ start, end: start + own[1]!.length, type: "cvv", priority: PRIORITY.labelled });
        break;
      }
      at += line.length + 1;
    }
  }
  return out;
}
/** A line that is the card's expiry and then its code by any name, "code" too: "[19:03] Grace: expiry 09/27 code 904". */
const EXPIRY_AND_CODE_LINE =
  /^\s*(?:\[[^\]\n]{1,30}\]\s*)?(?:[\p{L} .'-]{1,30}:\s+)?(?:exp(?:iry|ires|iration)?(?:\s+date)?|valid(?:\s+(?:thru|until))?)\.?\s*[:=-]?\s*(?:0?[1-9]|1[0-2])\s*[/-]\s*(?:20)?\d{2}[\s,;]+(?:and\s+)?(?:the\s+)?(?:code|cvv2?|cvc2?|cid|csc|security(?:\s+code)?)\s*(?:is\s*)?[:=-]?\s*(\d{3,4})\s*$/iu;
/** A line that is a card's code and its name: "3 digits: 480", "CVV 331", "security: 123". */
const CODE_LINE = /^\s*(?:\[[^\]\n]{1,30}\]\s*)?(?:[\p{L} .'-]{1,30}:\s+)?(?:(?:the\s+)?(?:3|4|three|four)[\s-]*digits?(?:\s+on\s+the\s+back)?|cvv2?|cvc2?|cid|csc|security(?:\s+code)?)\s*(?:is\s*)?[:=-]?\s*(\d{3,4})\s*$/iu;

/**
 * The expiry date written after a card: the first month and year within a few lines of it, before
 * the sentence ends or another number is given ("4111 … exp 07/26", "card: …\nexp: 11/30",
 * "… (exp Jul 2027)", "gültig bis 02/26"); a date with a day ("12/05/2024") is not one. Without a
 * card number, an expiry named as one beside the card's code ("security code 743, expiry 07/2030").
 */
export function findExpiries(text: string, cards: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const card of cards) {
    if (card.type !== "card_number") continue;
    const window = text.slice(card.end, card.end + EXPIRY_REACH);
    const m = EXPIRY.exec(window);
    // the same stretch of the message: no sentence's end (an abbreviation's dot is fine), no other long number
    if (!m || /[.!?](?:\s+\p{Lu}|\s*\n\s*\n)|\d{5}/u.test(window.slice(0, m.index).replace(/\b(?:exp|no|nr)\./gi, ""))) continue;
    const end = card.end + m.index + m[0].length;
    out.push({ start: end - m[1]!.length, end, type: "card_expiry", priority: PRIORITY.pattern });
  }
  // "4929… is the card, 0830 exp, 718 cvc": each value before its name, where the message gives a card
  if (cards.some((c) => c.type === "card_number") && /\d\s+(?:exp|cv|cs)/i.test(text)) {
    for (const m of text.matchAll(VALUE_THEN_NAME)) out.push({ start: m.index, end: m.index + m[1]!.length, type: m[2] ? "card_expiry" : "cvv", priority: PRIORITY.labelledAfter });
  }
  // a month and year named as a card's expiry, where the message gives a card or its code, or names
  // a card ("the new exp date is 10/2030") other than by its last four ("card ending 4242 exp 12/27" stays)
  if (cards.some((c) => c.type === "card_number") || quickTest(CODE_TALK, text) || (quickTest(NAMES_A_CARD, text) && !quickTest(BY_LAST_FOUR, text))) {
    for (const m of text.matchAll(LABELLED_EXPIRY)) {
      const end = m.index + m[0].length;
      out.push({ start: end - m[1]!.length, end, type: "card_expiry", priority: PRIORITY.pattern });
    }
    // later in the sentence that names the expiry ("it's just the expiry, I typed 07/25 but it's actually 07/28")
    for (const label of text.matchAll(EXPIRY_NAMED)) {
      const from = label.index + label[0].length;
      const sentence = /^[^.!?\n]{0,90}/.exec(text.slice(from))![0];
      for (const m of sentence.matchAll(SLASHED_EXPIRY)) out.push({ start: from + m.index, end: from + m.index + m[0].length, type: "card_expiry", priority: PRIORITY.pattern });
      // in brackets ("expiry … (January 2029)")
      for (const m of sentence.matchAll(MONTH_YEAR_IN_BRACKETS)) out.push({ start: from + m.index + 1, end: from + m.index + m[0].length - 1, type: "card_expiry", priority: PRIORITY.pattern });
    }
  }
  return out;
}
const EXPIRY_NAMED = /\b(?:expiry|expiration|exp\.?\s+date|expiry\s+date|expires|expiring|vencimiento|caducidad|validade|scadenza|ablaufdatum|date\s+d['’]expiration)\b/gi;
const MONTH_YEAR_IN_BRACKETS = new RegExp(String.raw`\((?:${MONTH})[a-z]*\.?\s+(?:20)?\d{2}\)`, "gi");
/** A month and year with a slash ("07/28", "10/2026"); a date with a day does not match. */
const SLASHED_EXPIRY = /(?<![\d/.-])(?:0?[1-9]|1[0-2])\/(?:20)?\d{2}(?![\d/]|\.\d)/g;
const EXPIRY = new RegExp(String.raw`(?<![\d/.-])((?:0?[1-9]|1[0-2])\s{0,2}[/.-]\s{0,2}(?:20)?\d{2}|(?:${MONTH})[a-z]*\.?\s+(?:20)?\d{2})(?![\d/.-]?\d|:\d)`, "iu");
const EXPIRY_REACH = 70;
const BY_LAST_FOUR = /\b(?:ending|ends?\s+(?:in|with)|last\s+(?:4|four))\b|[*•x]{4}/i;

const VALUE_THEN_NAME = /(?<![\d/._-]\s?|\d[ -])((?:0[1-9]|1[0-2])\/?(?:20)?\d{2}(?=\s+(exp)(?:iry|iration|\.)?\b)|\d{3,4}(?=\s+(?:cvc|cvv|csc|cvv2|cvc2)\b))/gi;
const CODE_TALK = /\b(?:cvv2?|cvc2?|csc|cid|security code)\b|code on (?:the )?back|c[oó]digo de (?:seguridad|atr[aá]s)|cryptogramme|pr[üu]fnummer|الرمز|보안코드|セキュリティコード|安全码/i;
/** What an expiry is called, in the languages customers write in. */
const EXPIRY_LABEL = [
  String.raw`\bexp(?:iry|iration|ires|iring|\.)?(?:\s+(?:date|end)|_?date)?`,
  String.raw`\bgood\s+(?:thru|through|until|till)|\bdate\s+on\s+the\s+(?:front|card)\s+(?:says|reads|shows)`,
  String.raw`\budl[øo]b(?:sdato)?|\butl[øo]p(?:sdato)?`,
  String.raw`\bvalid\s+(?:thru|through|until|till)`,
  String.raw`\bvervaldatum`,
  String.raw`\bvence(?:\s+en)?`,
  String.raw`\b(?:fecha\s+de\s+)?(?:vencimiento|caducidad|expiraci[oó]n)`,
  String.raw`\b(?:data\s+de\s+)?(?:validade|vencimento)`,
  String.raw`\bdate\s+d['’]expiration|\bexpire\s+(?:le|fin|en)`,
  String.raw`\bg[üu]ltig\s+bis|\bablaufdatum`,
  String.raw`\b(?:data\s+di\s+)?scadenza`,
  String.raw`\bwa[żz]na\s+do|\bdata\s+wa[żz]no[śs]ci`,
  String.raw`\bson\s+kullanma(?:\s+tarihi)?`,
  String.raw`만료일|유효기간|有効期限|有效期|到期日|تاريخ\s+الانتهاء`,
].join("|");
/** A month and year said in words ("zero eight twenty eight", "oh four twenty-nine", "twelve thirty"). */
const SPOKEN_EXPIRY = String.raw`(?:(?:oh|zero)\s+(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve)\s+(?:twenty|thirty)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?(?![a-z])`;
/** A card's month and year: 07/26, 07/2026, 0726 or 2607 as ISO 8583 writes it (after a label only), 2027/05, July 2027, 2026년 12월, 2027年5月. */
const EXPIRY_VALUE = String.raw`(?:0?[1-9]|1[0-2])\s{0,2}[/.-]\s{0,2}(?:20)?\d{2}|(?:0[1-9]|1[0-2])(?:20)?\d{2}|[2-9]\d(?:0[1-9]|1[0-2])|20\d{2}\s{0,2}[/.-]\s{0,2}(?:0?[1-9]|1[0-2])|(?:${MONTH})[a-z]*\.?\s+['’]?(?:20)?\d{2}|${SPOKEN_EXPIRY}|20\d{2}\s*[년年]\s*(?:0?[1-9]|1[0-2])\s*[월月]`;
const LABELLED_EXPIRY = new RegExp(
  String.raw`(?:${EXPIRY_LABEL})\)?\s*(?:(?:is|was|es|est|ist|é|è|[은는이가]|は|是|:|：|=|-|>|"|on|in|(?:at\s+)?(?:the\s+)?end\s+of)\s*)*(${EXPIRY_VALUE})(?![\d/.-]?\d)`,
  "gi", // no "u" (it reads no Unicode property): three times faster
);
