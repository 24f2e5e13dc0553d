// A PIN, one-time code or card security code read out in words, as a voice transcript or a
// careful customer writes it: "my PIN is four five six seven", "OTP: nine-one-two-eight-oh-three".
// labelled.ts reads the digits; this reads the words, after the same kinds of label.
import { PRIORITY, type Candidate, type PiiType } from "./pii-types";

const DIGIT = String.raw`(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)`;
const LABELS: { type: PiiType; label: string; min: number; max: number }[] = [
  { type: "cvv", label: String.raw`cvv2?|cvc2?|cid|csc|card\s+verification\s+(?:code|value)|security\s+code`, min: 3, max: 4 },
  { type: "otp", label: String.raw`otp|one[\s-]time\s+(?:code|password|passcode|pin)|verification\s+code|2fa\s+code|sms\s+code`, min: 4, max: 8 },
  { type: "pin", label: String.raw`(?:atm\s+|card\s+|debit\s+card\s+)?pin(?:\s+(?:number|code))?|passcode`, min: 4, max: 8 },
];
const FINDERS = LABELS.map(({ type, label, min, max }) => ({
  type,
  min,
  max,
  re: new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:${label})(?:\s+(?:is|was|=)|\s*[:=]|\s*[?,]\s*it['’]?s|['’]s)?\s*(?<value>${DIGIT}(?:[\s,-]+${DIGIT}){1,9})(?![\p{L}])`,
    "giu",
  ),
}));

export function findNumberWordCodes(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const { type, min, max, re } of FINDERS) {
    for (const m of text.matchAll(re)) {
      const value = m.groups!.value!;
      const count = value.split(/[\s,-]+/).filter(Boolean).length;
      if (count < min || count > max) continue;
      const start = m.index! + m[0].length - value.length;
      out.push({ start, end: start + value.length, type, priority: PRIORITY.labelled });
    }
  }
  return out;
}
