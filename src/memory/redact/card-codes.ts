// A card's security code given right after the card, the way card details are pasted:
// "4111 1111 1111 1111 08/29 123", "5500…0004, exp 11/27, 0421". After a card number and its
// expiry, the next 3–4 digit number is the CVV (4 on American Express), whatever it is called.
import { PRIORITY, type Candidate } from "./pii-types";

const EXPIRY_THEN_CODE =
  /[ \t,;|/]*(?:(?:exp(?:iry|ires|iration)?(?:\s+date)?|valid(?:\s+(?:thru|through|until))?)\.?\s*:?\s*)?(?:0?[1-9]|1[0-2])\s*[/-]\s*(?:20)?\d{2}(?![\d/])[ \t,;|/]*(?:(?:cvv2?|cvc2?|cid|csc|code|security\s+code)\s*[:=-]?\s*)?(\d{3,4})(?![\p{L}\p{N}_]|[.,]\d)/iuy;

export function findCodesAfterCards(text: string, cards: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const card of cards) {
    if (card.type !== "card_number") continue;
    EXPIRY_THEN_CODE.lastIndex = card.end;
    const m = EXPIRY_THEN_CODE.exec(text);
    if (!m) continue;
    const end = card.end + m[0].length;
    out.push({ start: end - m[1]!.length, end, type: "cvv", priority: PRIORITY.labelled });
  }
  return out;
}
