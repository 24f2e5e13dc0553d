// Card numbers by the names other languages and the networks give them, read in vocabulary-world.ts's
// table at the place this list is spread. Same format as vocabulary.ts (heads, case-insensitive
// pattern); what follows the label is read as labelled.ts reads any card number's.
import type { LabelRule } from "./vocabulary";

export const CARD_NUMBER_RULES: LabelRule[] = [
  // a card by its network alone, before its number ("my amex is 3756…", "Visa: 4111 …")
  {
    kind: "card_number",
    heads: "amex visa mastercard maestro discover rupay diners",
    pattern: String.raw`(?:amex|visa|mastercard|maestro|discover|rupay|diners)(?=\s*(?:no\.?|number|#)?\s*(?:is|:)?\s*\d{4}[\d -]{9,20}(?!\d))`,
  },
  // a card's number named in Dutch, Italian, Polish, Turkish, Indonesian, Nordic, Russian, Greek, Czech,
  // Hungarian, Romanian, Arabic, Japanese, Chinese and Korean ("kaartnummer 4916 05316597 8077")
  {
    kind: "card_number",
    heads: "kaartnummer creditcard creditcardnummer bankpas pinpas numero carta numer karta kart kredi nomor kortnummer kortin номер карта αριθμός číslo kártyaszám numărul numarul رقم カ 卡 카",
    pattern: String.raw`kaartnummer|creditcard(?:nummer)?|(?:bank|pin)pas(?:nummer)?|numero\s+(?:della\s+)?carta(?:\s+di\s+(?:credito|debito))?|carta\s+di\s+(?:credito|debito)|numer\s+karty|karta(?:\s+(?:kredytowa|debetowa|płatnicza))?|kart\s+numaras[ıi]|kredi\s+kart[ıi](?:\s+numaras[ıi])?|nomor\s+kartu(?:\s+kredit)?|kortnummer|kortin\s+numero|номер\s+карты|карта|αριθμός\s+κάρτας|číslo\s+karty|kártyaszám|num[ăa]rul\s+cardului|رقم\s+البطاقة|カード番号|卡号|卡號|카드\s*번호`,
  },
];
