// A secret corrected right after it is given: "account number 41882930 sorry 41882931",
// "Personalausweisnr. … LFC7Y2M94 – korrigiert auf LFC7Y2M96", "PIN 7309, I mean 7390". The
// value after the correction is the same kind of secret when it is written the same way (letters
// and digits in the same places); a word or a number of another make after "sorry" is not one.
import { PRIORITY, type Candidate } from "./pii-types";

const CORRECTION =
  /^\s*[–—,;.-]?\s*(?:(?:no\s+)?sorry,?|no,?|wait,?(?:\s+no,?)?|I\s+mean|oops,?|korrigiert\s+auf|korrektur:?|corrected\s+to|rectifico,?|perd[óo]n,?|pardon,?|desculp[ae],?|scusa,?|excuse\s+me,?)\s+(?:it'?s\s+|es\s+|c'est\s+|ist\s+|è\s+|é\s+)?["'“]?(?=[\p{L}\p{N}])/iu;
const VALUE = /^[\p{L}\p{N}][\p{L}\p{N}.-]{2,40}/u;
/** How a value is written: each letter an "a", each digit a "9". */
const make = (value: string) => value.replace(/\p{L}/gu, "a").replace(/\p{N}/gu, "9");

export function findCorrections(text: string, found: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of found) {
    const correction = CORRECTION.exec(text.slice(c.end, c.end + 48));
    if (!correction) continue;
    const at = c.end + correction[0].length;
    const value = VALUE.exec(text.slice(at))?.[0].replace(/[.-]+$/, "");
    if (!value || make(value) !== make(text.slice(c.start, c.end)) || !/\p{N}/u.test(value)) continue;
    out.push({ start: at, end: at + value.length, type: c.type, priority: PRIORITY.labelledAfter });
  }
  return out;
}
