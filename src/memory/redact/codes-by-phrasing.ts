// PINs and one-time codes given without their label next to them: "I changed it to 202509"
// where the message is about a PIN, "the old one in the wiki was 90417", "318826 that's the code
// that came", a code quoted from the text that brought it ("Your code: 8F3K2P", "Your
// verification code is KQ7-2MX"). labelled.ts reads a code right after (or before) its label.
import { REFERENCE_WORDS } from "./context-words";
import { PRIORITY, type Candidate } from "./pii-types";
import { quickTest } from "../pair-guard";

const PIN_TALK = /\b(?:pin|passcode|pin\s*code|code)\b/i;
// "I changed it to 202509", "I set it to 602214 last year", "the old one in the wiki was 90417"
const SET_OR_WAS = /(?:\b(?:set|reset|changed?|updated?)\s+(?:it|mine|that|the\s+(?:new\s+)?one|the\s+(?:code|pin|passcode|combination))\s+(?:back\s+)?(?:to|as)|\b(?:the|my)\s+(?:(?:old|new|previous|current)\s+)?one(?:\s+[^.!?\n\d]{1,25}?)?\s+(?:is|was))\s+(?<value>\d{4,8})(?![\d\p{L}])/giu;
// "318826 that's the code that came", "927 114 ← that's the code"
const THATS_THE_CODE = /(?<![\d\p{L}])(?<value>\d(?: \d){3,7}|\d{3}[ ]?\d{3}|\d{4,8})\s*(?:←|<-+|[-–—,:])?\s*(?:that'?s|this\s+is|is(?:\s+(?:that|this))?)\s+the\s+(?:code|otp|pin)\b/giu;
// "884 201 is your code to approve a payment", "552918 est votre code"
const CODE_BEFORE_YOUR = /(?<![\d\p{L}])(?<value>\d{3} \d{3}|\d{4,8})\s+(?:is|est|es)\s+(?:your|votre|tu|su)\s+(?:[\p{L}-]+\s+){0,2}(?:code|c[óo]digo|codice|otp|password|passcode)\b/giu;
// "the code thing says 482913", "the code showed 118392"
const CODE_SAYS = /\bcode(?:\s+thing)?\s+(?:says|said|shows|showed|reads)\s+(?<value>\d{4,8})(?![\d\p{L}])/giu;
// a code in keycap emoji ("1️⃣9️⃣3️⃣7️⃣0️⃣5️⃣", copied from a text)
const KEYCAP_CODE = /(?:\d\uFE0F?\u20E3){4,8}/g;
// "Your code: 8F3K2P", "Your verification code is KQ7-2MX": as a service's text writes it
const YOUR_CODE = /\b(?:[Yy]our|[Vv]otre|[Tt]u|[Ss]u|[Ss]eu|[Ii]hr|[Tt]uo)\s+(?:[\p{L}]+\s+){0,2}(?:code|c[óo]digo|codice|Code)(?:\s+\p{Lu}\p{L}+)?\s*(?:is\b|es\b|est\b|ist\b|é\b|:)\s*(?<value>\d{3} \d{3}(?!\s?\d)|(?=[A-Z0-9-]*\d)[A-Z0-9]{2,8}(?:-[A-Z0-9]{2,5}){0,2})(?![\p{L}\p{N}-])/gu;

// "Tu código de operación es 847392" (a bank's text), "TAN für die Überweisung war 718 264"
const CODE_OF_AN_OPERATION = /(?:c[óo]digo\s+de\s+(?:operaci[óo]n|confirmaci[óo]n|verificaci[óo]n|acceso|activaci[óo]n|autenticaci[óo]n)|\bTAN\b[^.!?\n\d]{0,40}?)\s*(?:es|era|war|ist|lautet|is|was|:)\s*(?<value>\d{3}\s\d{3}|\d{4,8})(?![\d\p{L}])/gu;

// A card payment's one-time code as banks' texts and customers name it, then "is" (or a colon) and
// the code, however much the sentence says in between ("Your One-Time Password for the transaction
// of INR 12,499.00 at … on your card ending 4471 is 205018", "Su clave de verificación para la
// compra de 89,90 EUR … es 630303", "kod 3D Secure z SMS-a to 844285"), or the code right after
// its name ("the 3DS code 418820", "Verified by Visa code: 425-527"; not a year: "3D Secure 2022").
const PAYMENT_CODE = String.raw`(?:one[- ]time\s+(?:password|passcode|code|pin)|\botp\b|verification\s+code|confirmation\s+code|code\s+to\s+(?:confirm|verify|approve|authori[sz]e|complete)|\b3-?d(?:s|\s*secure)(?:\s*2)?(?:\s+(?:code|password|otp))?|verified\s+by\s+visa(?:\s+code)?|securecode|id\s+check\s+code|clave\s+de\s+(?:verificaci[óo]n|confirmaci[óo]n|operaciones)|c[óo]digo\s+(?:de\s+)?(?:verifica[cç][ãa]o|verificaci[óo]n|confirma[cç][ãa]o|confirmaci[óo]n|sms)|kod\s+(?:3d\s*secure|sms|weryfikacyjny|potwierdzaj[aą]cy)|code\s+(?:de\s+)?(?:v[ée]rification|confirmation)|best[äa]tigungscode|(?:card\s+)?activation\s+code|safekey|c[óo]digo\s+de\s+seguridad|(?:mobile|sms|push|chip|photo|m)-?tan|codice\s+(?:per\s+(?:autorizzare|confermare)|di\s+(?:verifica|autorizzazione|conferma|sicurezza))|(?<!\b(?:last|first)\s)\b(?:4|6|8|four|six|eight)\s+digits|קוד\s+(?:ה)?אימות|(?:wpisa[łl][ae]m|poda[łl][ae]m)\s+kod|kod\s+blik|(?:kasih|kirim|masukkan|memasukkan)\s+kode|eng[åa]ngskod(?:en)?|engangskode(?:n)?|kertak[äa]ytt[öo]koodi|verifieringskod(?:en)?|token\s+(?:que\s+(?:chegou|recebi|me\s+mandaram)|do\s+sms|por\s+sms)|\btoken(?=\s*[:#]?\s*\d{3}\s?\d{3}(?![\d\p{L}]))|sms\s+[şs]ifre(?:si|m|niz)?)`;
const CODE_AFTER_ITS_NAME = new RegExp(
  String.raw`${PAYMENT_CODE}(?:\s*[:#]?\s*(?!(?:19|20)\d\d(?!\d))|(?:[^.!?\n]|[.,](?=\d)|(?<=(?<![\p{L}])\p{Lu})\.){0,120}?(?:\s(?:is|was|es|era|é|è|foi|est|ist|lautet|wynosi|הוא|sent\s+me|gave\s+me)\s+|(?<=kod[^\n]{1,40})\sto\s+|\s*:\s*))["“]?(?<value>\d{3}[ -]\d{3}(?:[ -]\d{3})?|\d{4,8})(?![\d\p{L}]|[.,]\d|[ -]\d)`,
  "giu",
);
// "Lumio: Use 902718 to approve your payment of USD 12.99", "the bank app showed 5 4 8 1 2 0", "it gave me 552013"
const USE_CODE_TO = /\b[Uu]se\s+(?:code\s+)?(?<value>\d{4,8})\s+to\s+(?:approve|confirm|verify|authori[sz]e|complete|activate)\b/gu;
const BANK_SHOWED = /\b(?:bank(?:ing)?\s+app|(?:my|the)\s+bank|authenticator)\s+(?:showed|shows|sent(?:\s+me)?|gave\s+me|texted(?:\s+me)?)\s+(?:me\s+)?(?:a\s+code\s+|the\s+code\s+)?(?<value>\d{3}[ -]\d{3}|\d(?: \d){3,7}|\d{4,8})(?![\d\p{L}]|\s*(?:€|\$|£|%|eur|usd|gbp|inr|rs|euros?|dollars?|pounds?)\b|\s+(?:transactions?|payments?|items?|orders?|times?|days?|hours?|minutes?|results?|entries|records|messages?|errors?|points?|users?|steps?|pages?)\b)/giu;
// ("it gave me 552013": only where the message talks of a code)
const IT_SHOWED = new RegExp(BANK_SHOWED.source.replace("(?:bank(?:ing)?\\s+app|(?:my|the)\\s+bank|authenticator)", "(?:it|(?:the|your)\\s+(?:app|site|website))"), "giu");
// "the payment page is asking for a code, I got an SMS with 657596"
const TEXT_WITH_CODE = /\b(?:sms|text|message|msg)\s+(?:with|saying|that\s+says)\s+(?:the\s+)?(?:code\s+)?(?<value>\d{4,8})(?![\d\p{L}])/giu;

// A card's code said before its name, or after the digits it is ("7337 is the 4-digit CID on the
// front", "the 4 digits printed on the front are 8976"), or as the customer's own after asking
// about it ("… the "CVC". Is that the 3 digits on the back? Mine says 261.")
const CODE_IS_THE_CVV = /(?<![\d/.,-])(?<value>\d{3,4})\s+(?:is|was)\s+(?:the|my)\s+(?:(?:3|4|three|four)[ -]digits?\s+)?(?:cid|cvv2?|cvc2?|csc|security\s+code|code\s+on\s+the\s+(?:front|back))\b/giu;
const MINE_SAYS = /\b(?:cvc2?|cvv2?|cid|csc|security\s+code|digits\s+on\s+the\s+back)\b[^\n]{0,80}?\b[Mm]ine\s+(?:says|is|reads|shows)\s+(?<value>\d{3,4})(?![\d\p{L}])/giu;
const DIGITS_ON_THE_CARD = /\bthe\s+(?:3|4|three|four)\s+(?:digits|numbers)\s+(?:printed\s+|written\s+)?on\s+(?:the\s+)?(?:front|back)(?:\s+of\s+(?:the|my)\s+card)?\s*(?:are|is|:|=)\s*(?<value>\d{3,4})(?![\d\p{L}])/giu;

// PINs a customer tried, in a message about a PIN ("I tried 7291 then 7219 then 2791", "Eu coloquei
// 1984 mas acho que a certa é 4819", "Is it 1357? I've tried that and 0415", "que era 8254"): each
// number of four to six digits in the few words after a verb of trying, or after "the right one is"
// (not "pincode": India's postal code)
const PIN_NAMED = /\b(?:pin|pins|nip|passcode|passnumber|senha|contraseña|clave|geheimzahl|code\s+pin)\b/i;
/** What else "PIN … is 2000" may be about. */
const NOT_THE_PIN = new Set(["limit", "limits", "limite", "attempts", "tries", "count", "length", "fee", "charge", "cost", "max", "maximum", "minimum", "pad", "reset", "change", "lock"]);
/** A PIN's name, words of its clause (a "6-digit" among them), then "is" and the PIN. */
const PIN_IS_LATER = /\b(?:pin|nip|passcode|senha|code\s+pin)\b(?<gap>(?:[^.!?\n\d]|\d(?=\s*-?\s*(?:digit|d[íi]gito|chiffre|stellig|cifr|cijfer))){1,45}?)\s(?:is|was|es|era|é|est|ist|=|should\s+be|must\s+be|deve\s+ser|deber[íi]a\s+ser)\s+(?<value>\d{4,6})(?![\d\p{L}]|[.,:/-]\d|\s*(?:€|\$|£|%))/giu;
/** A card code's name, words of its clause, then "it's" (or "is", ":") and the code: "Forgot to add the CVV in my last message, it's 773". */
const CVV_IS_LATER = /\b(?:cvv2?|cvc2?|cid|csc|security\s+code)\b(?<gap>[^.!?\n\d]{1,45}?)[\s,]\s*(?:it['’]?s|it\s+is|which\s+is|that['’]?s|is|was|:)\s+(?<value>\d{3,4})(?![\d\p{L}]|[.,:/-]\d|\s*(?:€|\$|£|%))/giu;
const CARD_CODE_WORD = /cvv|cvc|cid|csc|security\s+code/i;
const LAST_FOUR_SAID = /\b(?:last|final)\s+(?:4|four|digits?)\b|\bend(?:ing|s)\b/i;
/** "pin" or "PIN", then up to 60 characters of its sentence, then four to six digits alone in brackets (not a year). */
const PIN_IN_BRACKETS = /\b(?:pin|pincode|passcode)\b[^.!?\n()]{0,60}\((?!(?:19|20)\d\d\))(\d{4,6})\)/gi;
const TRIED = /\b(?:tried|entered|typed|put\s+in|used|picked|chose|chosen|selected|(?<=\bI\s+(?:have\s+|'ve\s+)?)set|coloquei|digitei|tentei|probé|puse|ingresé|introduje|eingegeben|versucht|getippt|provato|inserito|digitato|messo|essayé|tapé|saisi|geprobeerd|ingetypt|provade)(?![\p{L}])|\b(?:(?:the\s+)?(?:right|correct)\s+one\s+is|a\s+certa\s+é|la\s+correcta\s+es|que\s+era|is\s+it|had\s+one,?|(?:\d|four|six)\s+digits,)/giu;
const TRIED_NUMBER = /(?<![\d\p{L}.,/:-])\d{4,6}(?![\d\p{L}%€$£]|[.,:/-]\d)/gu;
/** What may stand between the verb and the first number ("tried that and"), and between two numbers ("then", "mas"). */
const LEAD = /^\s*(?:(?:it|in|that|them|both|first|again)\s+)*(?:(?:and|then|or)\s+)?$/i;
const JOINER = /^\s*(?:,|;|then|and|or|y|e|o|ou|und|dann|mas|pero|but|,\s*then|and\s+then|puis|et|ensuite|poi|en|daarna|och|sedan)\s*$/i;
const UNIT_AFTER = /^\s*(?:€|\$|£|eur|usd|gbp|inr|euros?|dollars?|pounds?|times?|%)(?![\p{L}])/iu;

// A recovery code as services print them (groups of four capitals and digits: "7K4M-9QXP-2WTR") in a
// message about losing the second factor ("I've lost access to my authenticator … I tried this code: …")
const SECOND_FACTOR_TALK = /\b(?:2fa|two[- ]factor|authenticator|backup\s+codes?|recovery\s+codes?|emergency\s+(?:kit|codes?)|second\s+factor)\b/i;
const GROUPED_CODE = /(?<![A-Za-z0-9-])(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{4}(?:-[A-Z0-9]{4}){2,3}(?![A-Za-z0-9-])/g;

const SET_OR_WAS_GATE = /(?:set|changed?|updated?)\s+(?:it|mine|that|the)|\bone\b[^.\n]{0,30}\b(?:is|was)\s+\d/i;
const THATS_THE_CODE_GATE = /(?:th(?:at'?s|is\s+is)|\bis(?:\s+th(?:at|is))?)\s+the\s+(?:code|otp|pin)/i;
const CODE_SAYS_GATE = /code(?: thing)? (?:says|said|shows|showed|reads)/i;
const YOUR_CODE_GATE = /(?:[Yy]our|[Vv]otre|[Tt]u|[Ss]u|[Ss]eu|[Ii]hr|[Tt]uo)\s+(?:\S+\s+){0,2}(?:code|c[óo]digo|codice|Code)/;
const CODE_BEFORE_YOUR_GATE = /\d\s+(?:is|est|es)\s+(?:your|votre|tu|su)\s/i;
const CODE_OF_AN_OPERATION_GATE = /c[óo]digo de|\bTAN\b/;
const BANK_SHOWED_GATE = /bank|authenticator/i;
const IT_SHOWED_GATE = /\b(?:it|app|site)\s+(?:showed|shows|sent|gave|texted)\b/i;
const CODE_WORD = /\bcode\b/i;
const CODE_IS_THE_CVV_GATE = /\d\s+(?:is|was)\s+(?:the|my)\s/i;
const DIGITS_ON_THE_CARD_GATE = /digits|numbers/i;
const MINE_SAYS_GATE = /\bmine\s+(?:says|is|reads|shows)\s+\d/i;
const PAYMENT_CODE_GATE = /one.time|otp|verif|confirm|3.?d|secure|clave|c[óo]digo|kod|code|best[äa]tig|activat|safekey|tan\b|digits|approve|authori|codic|קוד|blik|kode|token|eng[åa]ngs|kertak|[şs]ifre/i;
const TEXT_WITH_CODE_GATE = /\b(?:sms|text|message|msg)\s+(?:with|saying|that)/i;
const USE_CODE_TO_GATE = /\b[Uu]se\s+(?:code\s+)?\d/;

export function findCodesByPhrasing(text: string): Candidate[] {
  const out: Candidate[] = [];
  const take = (re: RegExp, type: Candidate["type"]) => {
    for (const m of text.matchAll(re)) {
      const value = m.groups!.value!;
      // the value group's own place: the first occurrence for a code before its words, the last for one after
      const start = m.index! + (re === THATS_THE_CODE || re === CODE_IS_THE_CVV ? m[0].indexOf(value) : m[0].lastIndexOf(value));
      out.push({ start, end: start + value.length, type, priority: PRIORITY.labelledAfter });
    }
  };
  // cheap tests (no Unicode flag) before each expression that reads letters of every script
  if (quickTest(PIN_TALK, text) && quickTest(SET_OR_WAS_GATE, text)) take(SET_OR_WAS, "pin");
  if (quickTest(THATS_THE_CODE_GATE, text)) take(THATS_THE_CODE, "otp");
  if (quickTest(CODE_SAYS_GATE, text)) take(CODE_SAYS, "otp");
  if (text.includes("\u20E3")) for (const m of text.matchAll(KEYCAP_CODE)) out.push({ start: m.index, end: m.index + m[0].length, type: "otp", priority: PRIORITY.pattern });
  if (quickTest(YOUR_CODE_GATE, text)) take(YOUR_CODE, "otp");
  if (quickTest(CODE_BEFORE_YOUR_GATE, text)) take(CODE_BEFORE_YOUR, "otp");
  if (quickTest(CODE_OF_AN_OPERATION_GATE, text)) take(CODE_OF_AN_OPERATION, "otp");
  if (text.includes("-") && quickTest(SECOND_FACTOR_TALK, text)) for (const m of text.matchAll(GROUPED_CODE)) out.push({ start: m.index, end: m.index + m[0].length, type: "password", priority: PRIORITY.labelledAfter });
  if (quickTest(PIN_NAMED, text)) {
    for (const t of text.matchAll(TRIED)) {
      const from = t.index! + t[0].length;
      // the rest of the sentence, or its next 60 characters
      const window = text.slice(from, from + 60).split(/[!?\n]|\.(?:\s|$)/)[0]!;
      let last = 0;
      for (const n of window.matchAll(TRIED_NUMBER)) {
        const gap = window.slice(last, n.index!);
        if (!(last === 0 ? LEAD : JOINER).test(gap) || UNIT_AFTER.test(window.slice(n.index! + n[0].length))) break;
        out.push({ start: from + n.index!, end: from + n.index! + n[0].length, type: "pin", priority: PRIORITY.labelledAfter });
        last = n.index! + n[0].length;
      }
    }
    // "the PIN on the original card holder is 9051", "a senha de 6 dígitos que eu uso é 190384"
    for (const m of text.matchAll(PIN_IS_LATER)) {
      if ((m.groups!.gap!.toLowerCase().match(/\p{L}+/gu) ?? []).some((w) => REFERENCE_WORDS.has(w) || NOT_THE_PIN.has(w))) continue;
      // ("pin code is 560034": India's postal code)
      if (/^\s*code\b/i.test(m.groups!.gap!) && m.groups!.value!.length === 6) continue;
      const start = m.index + m[0].length - m.groups!.value!.length;
      out.push({ start, end: start + m.groups!.value!.length, type: "pin", priority: PRIORITY.labelledAfter });
    }
    // the PIN in brackets later in its sentence ("pin was written on a note in the wallet (9333)")
    if (text.includes("(")) for (const m of text.matchAll(PIN_IN_BRACKETS)) out.push({ start: m.index + m[0].length - m[1]!.length - 1, end: m.index + m[0].length - 1, type: "pin", priority: PRIORITY.labelledAfter });
  }
  if (quickTest(CARD_CODE_WORD, text)) {
    for (const m of text.matchAll(CVV_IS_LATER)) {
      // ("the CVV of order 88120 is 443", "CVV fine, the card ending is 4242": another number's words; "in my last message" is no "last four")
      const gap = m.groups!.gap!;
      if ((gap.toLowerCase().match(/\p{L}+/gu) ?? []).some((w) => w !== "last" && REFERENCE_WORDS.has(w)) || LAST_FOUR_SAID.test(gap)) continue;
      const start = m.index + m[0].length - m.groups!.value!.length;
      out.push({ start, end: start + m.groups!.value!.length, type: "cvv", priority: PRIORITY.labelledAfter });
    }
  }
  if (quickTest(BANK_SHOWED_GATE, text)) take(BANK_SHOWED, "otp");
  if (quickTest(IT_SHOWED_GATE, text) && quickTest(CODE_WORD, text)) take(IT_SHOWED, "otp");
  if (quickTest(CODE_IS_THE_CVV_GATE, text)) take(CODE_IS_THE_CVV, "cvv");
  if (quickTest(DIGITS_ON_THE_CARD_GATE, text)) take(DIGITS_ON_THE_CARD, "cvv");
  if (quickTest(MINE_SAYS_GATE, text)) take(MINE_SAYS, "cvv");
  if (quickTest(PAYMENT_CODE_GATE, text)) {
    take(CODE_AFTER_ITS_NAME, "otp");
    if (quickTest(TEXT_WITH_CODE_GATE, text)) take(TEXT_WITH_CODE, "otp");
    if (quickTest(USE_CODE_TO_GATE, text)) take(USE_CODE_TO, "otp");
  }
  return out;
}
