// Gift cards, e-gift and store-credit codes, prepaid vouchers: money to whoever reads the code
// ("Claim code SRXF-KVE3-UJJ2-H8C7", "The e-credit code is W8PCAZJLPRM5", "the scratch PIN is
// 74449795234959", "Presentkortet (kod BSTJ DQPX 5YJX …)"). Read only in a message about one, after
// a code's or a number's name, and only codes no person would type as a word: four-character
// groups, letters and digits mixed throughout, or twelve digits or more. A promo code ("SPRING25",
// "WELCOME10", "BLACKFRIDAY2024") is a word and a number, and stays.
import { REFERENCE_WORDS } from "./context-words";
import { PRIORITY, type Candidate } from "./pii-types";

const TALK =
  /gift\s*card|e-?gift|gift\s+(?:code|voucher|certificate)|store\s+credit|e-?credit|top-?up\s+voucher|(?:travel|flight|holiday)\s+voucher|prepaid\s+voucher|scratch\s+(?:card|pin|code)|presentkort|gavekort|lahjakortti|gutschein|geschenkkarte|carte[\s-]cadeau|ch[èe]que[\s-]cadeau|tarjeta\s+regalo|cart[ãa]o[\s-]presente|vale[\s-]presente|buono\s+regalo|carta\s+regalo|cadeaukaart|cadeaubon|karta\s+podarunkowa|ギフトカード|礼品卡|기프트\s?카드/i;
/** A code's name, then a few words ("is", "in the email is"), then the code. */
const NAMED_CODE =
  /(?<![\p{L}])(?:claim\s+code|gift\s+cards?[^.!?\n:\d]{0,30}:|redemption\s+code|(?:gift\s+|card\s+|e-?credit\s+|voucher\s+)?code|(?:scratch\s+)?pin|card\s+number|kod(?:en)?|kode|c[óo]digo|codice|num[ée]ro\s+de\s+(?:la\s+)?carte|(?:karten|kaart|kort)nummer|番号|번호)(?![\p{L}])[^.!?\n\d]{0,24}?\n?(?<![\p{L}\p{N}])(?<value>[A-Z0-9]{4}(?:(?:[ -]|\r?\n)[A-Z0-9]{4}){2,4}|[A-Z0-9]{3,6}(?:-[A-Z0-9]{3,7}){1,4}|[A-Z0-9]{10,20}|\d{12,20}|\d{3,8}(?=\)|,|\s*$))(?![\p{L}\p{N}-])/giu;

/** Mixed as generated codes are: a letter and a digit side by side at least three times. */
const mixed = (code: string) => (code.match(/[A-Z](?=\d)|\d(?=[A-Z])/g) ?? []).length >= 3;

function isGiftCode(value: string, named: string): boolean {
  const chars = value.replace(/[\s-]/g, "");
  if (/^\d+$/.test(chars)) return chars.length >= 12 || /pin/i.test(named);
  if (/^[A-Z0-9]{4}(?:(?:[ -]|\r?\n)[A-Z0-9]{4}){2,4}$/.test(value) && /\d/.test(chars)) return true;
  return chars.length >= 10 && /\d/.test(chars) && mixed(chars);
}

export function findGiftCards(text: string): Candidate[] {
  if (!TALK.test(text)) return [];
  const out: Candidate[] = [];
  for (const m of text.matchAll(NAMED_CODE)) {
    const value = m.groups!.value!;
    // ("booking number …", "order code …": a reference's name before the code's)
    const before = /([\p{L}]+)\s*$/u.exec(text.slice(Math.max(0, m.index - 24), m.index))?.[1]?.toLowerCase();
    if (before && REFERENCE_WORDS.has(before)) continue;
    // (the names are read in any case, the codes only in capitals and digits)
    if (value !== value.toUpperCase() || !isGiftCode(value, m[0])) continue;
    const start = m.index + m[0].length - value.length;
    out.push({ start, end: start + value.length, type: "gift_card", priority: PRIORITY.labelled });
  }
  return out;
}
