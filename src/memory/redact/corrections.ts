// A secret corrected right after it is given: "account number 41882930 sorry 41882931",
// "Personalausweisnr. … LFC7Y2M94 – korrigiert auf LFC7Y2M96", "PIN 7309, I mean 7390". The
// value after the correction is the same kind of secret when it is written the same way (letters
// and digits in the same places); a word or a number of another make after "sorry" is not one.
// So is another value offered in its place a little later in the sentence: "I think I put … but
// it might have been gallagher1", "passport AB … no wait that's my old one, new one is AE 802615".
import { isSecretShaped } from "./password-phrasings";
import { PRIORITY, type Candidate } from "./pii-types";

const CORRECTION =
  /^\s*[–—,;.-]?\s*(?:(?:no\s+)?sorry,?|no,?|wait,?(?:\s+no,?)?|I\s+mean|oops,?|korrigiert\s+auf|korrektur:?|corrected\s+to|rectifico,?|perd[óo]n,?|pardon,?|desculp[ae],?|scusa,?|excuse\s+me,?)\s+(?:it'?s\s+|es\s+|c'est\s+|ist\s+|è\s+|é\s+)?["'“]?(?=[\p{L}\p{N}])/iu;
const VALUE = /^[\p{L}\p{N}][\p{L}\p{N}.-]{2,40}/u;
/** How a value is written: each letter an "a", each digit a "9". */
const make = (value: string) => value.replace(/\p{L}/gu, "a").replace(/\p{N}/gu, "9");

/**
 * Another value said in the secret's place within the rest of its sentence: "or maybe …", "but it
 * might have been …", "or was it …", "(the) new one is …", "the right/correct one is …".
 */
const ALTERNATIVE =
  /(?:^|[\s,;(])(?:(?:but\s+)?(?:it\s+)?(?:might|may|could)\s+(?:have\s+been|be|also\s+be)|or\s+(?:maybe|perhaps|possibly|was\s+it)|or\s+else|(?:the\s+|my\s+)?(?:new|correct|right|current|actual|valid)\s+(?:one|number|no\.?)\s*(?:is|=|:)|(?:it'?s|is)\s+(?:actually|really)|(?:the\s+)?other\s+one\s+(?:is|was))\s*[:=]?\s*["'“]?(?=[\p{L}\p{N}])/giu;
/** How far after the secret another value may be offered in its place. */
const ALTERNATIVE_REACH = 90;
/** A document's number with its letters apart ("AE 802615"), read as one value. */
const SPACED_DOCUMENT = /^\p{Lu}{1,3}\s\d{5,9}(?![\p{L}\p{N}])/u;
const DOCUMENT_TYPES = new Set<Candidate["type"]>(["passport", "national_id", "ssn", "aadhaar", "pan", "bank_account"]);
/** Types whose value has no fixed make: any string with a letter and a digit or symbol is one. */
const FREE_TYPES = new Set<Candidate["type"]>(["password"]);
const digitCount = (v: string) => v.replace(/\D/g, "").length;

export function findCorrections(text: string, found: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of found) {
    const given = text.slice(c.start, c.end);
    const correction = CORRECTION.exec(text.slice(c.end, c.end + 48));
    if (correction) {
      const at = c.end + correction[0].length;
      const value = VALUE.exec(text.slice(at))?.[0].replace(/[.-]+$/, "");
      if (value && make(value) === make(given) && /\p{N}/u.test(value)) {
        out.push({ start: at, end: at + value.length, type: c.type, priority: PRIORITY.labelledAfter });
        continue;
      }
    }
    const rest = text.slice(c.end, c.end + ALTERNATIVE_REACH).split(/[.!?](?:\s|$)|\n/)[0]!;
    for (const m of rest.matchAll(ALTERNATIVE)) {
      const at = c.end + m.index + m[0].length;
      const tail = text.slice(at);
      const spaced = DOCUMENT_TYPES.has(c.type) ? SPACED_DOCUMENT.exec(tail)?.[0] : undefined;
      const value = spaced ?? /^[^\s"'“”,;()]{3,64}/u.exec(tail)?.[0].replace(/[.,;:!?)]+$/, "");
      if (!value) continue;
      const fits = FREE_TYPES.has(c.type)
        ? isSecretShaped(value)
        : /\p{N}/u.test(value) && (make(value) === make(given) || (DOCUMENT_TYPES.has(c.type) && Math.abs(digitCount(value) - digitCount(given)) <= 2 && digitCount(value) >= 5));
      if (!fits) continue;
      out.push({ start: at, end: at + value.length, type: c.type, priority: PRIORITY.labelledAfter });
      break;
    }
  }
  return out;
}
