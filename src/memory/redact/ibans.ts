// IBANs read as one: the longest valid end of a run that may carry words after it, and an IBAN
// said as one whose check digits fail (most of an account number, mistyped).
import { isValidIban } from "./checks";
import { lineBefore } from "./digit-groups";

/** Trailing uppercase words ("… 0130 00 BIC COBADEFF") may ride along: try shorter ends at word breaks. */
export function longestValidIban(text: string, start: number, end: number): number | null {
  for (let e = end; e >= start + 15; e--) {
    if (/[\p{L}\p{N}]/u.test(text[e] ?? "")) continue;
    if (isValidIban(text.slice(start, e))) return e;
  }
  return null;
}

// "IBAN: …", "my iban is …", "IBAN no. …": the label right before the number.
const IBAN_LABEL_BEFORE = /\biban\b(?:\s*(?:number|no\.?|#|is|:|-))*\s*$/i;

/**
 * An IBAN said as one ("my iban is GB33 BUZZ 2000 …") whose check digits fail is still most of
 * an account number, mistyped: it goes too. It ends at its last group holding a digit ("… 1234 56
 * please refund" stops at 56), and has the 15 to 34 characters IBANs have.
 */
export function labelledIbanEnd(text: string, start: number, shape: string): number | null {
  if (!IBAN_LABEL_BEFORE.test(lineBefore(text, start, 24))) return null;
  const groups = shape.split(/[ \u00a0]/);
  while (groups.length > 1 && !/\d/.test(groups[groups.length - 1]!)) groups.pop();
  const kept = groups.join(" ");
  const length = kept.replace(/\s/g, "").length;
  return length >= 15 && length <= 34 ? start + kept.length : null;
}

