// A PIN, one-time code or card security code read out in words, as a voice transcript or a
// careful customer writes it: "my PIN is four five six seven", "OTP: nine-one-two-eight-oh-three".
// labelled.ts finds the label (any name it knows) and reads digits after it; this reads words.
import { PRIORITY, type Candidate, type PiiType } from "./pii-types";

const DIGIT = String.raw`(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)`;
/** How many digits a code of each label kind has, and what it is. */
const CODES: Partial<Record<string, { min: number; max: number; type: (n: number) => PiiType }>> = {
  cvv: { min: 3, max: 4, type: () => "cvv" },
  otp: { min: 4, max: 8, type: () => "otp" },
  pin: { min: 4, max: 8, type: () => "pin" },
  passcode: { min: 4, max: 8, type: () => "pin" },
  security_code: { min: 3, max: 8, type: (n) => (n <= 4 ? "cvv" : "otp") },
  // "the card number is five three five five …" (a voice transcript)
  card_number: { min: 13, max: 19, type: () => "card_number" },
};
// right after the label: "is", ":", "? it's", "'s", then the words
const WORDS_AFTER = new RegExp(String.raw`(?:\s+(?:is|was|=)|\s*[:=]|\s*[?,]\s*it['’]?s|['’]s)?\s*(?<value>${DIGIT}(?:[\s,-]+${DIGIT}){1,18})(?![\p{L}])`, "iuy");

/** The code in words right after a label of `kind` that ends at `labelEnd`, if any. */
export function findNumberWordsAfter(text: string, labelEnd: number, kind: string): Candidate | null {
  const code = CODES[kind];
  if (!code) return null;
  WORDS_AFTER.lastIndex = labelEnd;
  const m = WORDS_AFTER.exec(text);
  if (!m) return null;
  const value = m.groups!.value!;
  const count = value.split(/[\s,-]+/).filter(Boolean).length;
  if (count < code.min || count > code.max) return null;
  const start = labelEnd + m[0].length - value.length;
  return { start, end: start + value.length, type: code.type(count), priority: PRIORITY.labelled };
}
