// Gift cards, e-gift and store-credit codes, prepaid vouchers: money to whoever reads the code
// ("Claim code SRXF-KVE3-UJJ2-H8C7", "The e-credit code is W8PCAZJLPRM5", "the scratch PIN is
// 74449795234959", "Presentkortet (kod BSTJ DQPX 5YJX …)"). Read only in a message about one, after
// a code's or a number's name, and only codes no person would type as a word: four-character
// groups, letters and digits mixed throughout, or twelve digits or more. A promo code ("SPRING25",
// "WELCOME10", "BLACKFRIDAY2024") is a word and a number, and stays.
import { BUSINESS_BEFORE, REFERENCE_WORDS } from "./context-words";
import { PRIORITY, type Candidate } from "./pii-types";
import { quickTest } from "../pair-guard";

const TALK =
  /gift\s*card|wallet\s+code|\b(?:steam|xbox|playstation|psn|google\s+play|itunes|app\s+store|netflix|nintendo|roblox|paysafecard)\b|\bvoucher|hediye|e-?gift|gift\s+(?:code|voucher|certificate)|store\s+credit|e-?credit|top-?up\s+voucher|(?:travel|flight|holiday)\s+voucher|prepaid\s+voucher|scratch\s+(?:card|pin|code)|presentkort|gavekort|lahjakortti|gutschein|geschenkkarte|carte[\s-]cadeau|ch[èe]que[\s-]cadeau|tarjeta\s+regalo|cart[ãa]o[\s-]presente|vale[\s-]presente|buono\s+regalo|carta\s+regalo|cadeaukaart|cadeaubon|karta\s+podarunkowa|ギフトカード|礼品卡|기프트\s?카드/i;
/** A code's name, then a few words ("is", "in the email is"), then the code. */
const NAMED_CODE =
  /(?<![\p{L}])(?:claim\s+code|gift\s+cards?[^.!?\n:\d]{0,30}:|redemption\s+code|(?:gift\s+|card\s+|e-?credit\s+|voucher\s+)?code|(?:scratch\s+)?pin|card\s+(?:number|no\.?)|card\s+\d\s*:|kod(?:en)?|kode|c[óo]digo|codice|n[úu]mero|num[ée]ro\s+de\s+(?:la\s+)?carte|(?:karten|kaart|kort)nummer|\p{L}*gutschein|voucher|cadeaukaart|cadeaubon|presentkort|gavekort|tarjeta\s+regalo|carte[\s-]cadeau|buono\s+regalo|番号|번호)(?![\p{L}])[^.!?\n\d]{0,40}?\n?(?<![\p{L}\p{N}])(?<value>[A-Z0-9]{4}(?:(?:[ _-]|\r?\n)[A-Z0-9]{4}){2,4}|[A-Z0-9]{3,6}(?:-[A-Z0-9]{3,7}){1,4}|[A-Z0-9]{10,20}|\d{4}(?:[ -]\d{3,4}){2,4}|\d{12,20}|\d{3,8}(?=\)|,|\s*$))(?![\p{L}\p{N}-])/giu;

/**
 * Shapes only a generated code has, read anywhere in a message about one (not after a reference's
 * word): groups of four or five capitals and digits ("5HWO L8DV 1QDH 49AT", "0L8WX-BA1N2-D0JL3-…"),
 * or a claim code's four, six and four ("VWXK-UQDGHF-ZT33"), a group mixing letters and digits.
 */
const CODE_SHAPED = /(?<![\p{L}\p{N}_-])(?:[A-Z0-9]{4}(?:[ _-][A-Z0-9]{4}){2,3}|[A-Z0-9]{5}(?:-[A-Z0-9]{5}){2,4}|[A-Z0-9]{4}-[A-Z0-9]{6}-[A-Z0-9]{4}|[A-Z]{2,3}(?:-[A-Z0-9]{4}){3})(?![\p{L}\p{N}_-])/gu;
/** One run of 16 to 20 capitals and digits mixed throughout ("X2ASV8ETFWQ47Q8RYBLA"), or a card's 16 to 19 digits. */
const LONG_CODE = /(?<![\p{L}\p{N}_-])(?:(?=[A-Z0-9]{0,19}\d)[A-Z0-9]{16,20}|\d{16,19}|\d{4}(?: \d{4}){3} \d{3})(?![\p{L}\p{N}_-])/gu;

/** Mixed as generated codes are: a letter and a digit side by side `times` times or more. */
const mixed = (code: string, times: number) => (code.match(/[A-Z](?=\d)|\d(?=[A-Z])/g) ?? []).length >= times;
/** A group of a dashed code with a letter and a digit in it ("R6IFJ" in "R6IFJ-UWCIN"; not "SUMMER-2024"). */
const mixedGroup = (value: string) => value.split(/[\s_-]/).some((g) => /\d/.test(g) && /[A-Z]/.test(g));
/** Generated codes have digits in most groups; a sale's words do not ("SALE-2O25-BLCK-FRDY"). */
const groupsWithDigits = (value: string) => value.split(/[\s_-]+/).filter((g) => /\d/.test(g)).length;
/** A code masked but for its end ("XXXX-XXXX-XXXX-7Q2M"): what the agent needs to tell which card. */
const masked = (value: string) => /(?:^|[\s_-])X{4,5}(?=[\s_-]|$)/.test(value);

function isGiftCode(value: string, named: string): boolean {
  const chars = value.replace(/[\s_-]/g, "");
  if (/^\d+$/.test(chars)) return chars.length >= 12 || /pin/i.test(named);
  // (after "voucher", which names promotions too, digits in two groups: not "SALE-2O25-BLCK-FRDY")
  if (/^[A-Z0-9]{4}(?:(?:[ _-]|\r?\n)[A-Z0-9]{4}){2,4}$/.test(value)) return groupsWithDigits(value) >= (/voucher|gutschein/i.test(named) ? 2 : 1);
  if (/[-_\s]/.test(value)) return chars.length >= 10 && mixedGroup(value);
  return chars.length >= 10 && /\d/.test(chars) && mixed(chars, chars.length >= 11 ? 2 : 3);
}

export function findGiftCards(text: string): Candidate[] {
  if (!quickTest(TALK, text)) return [];
  const out: Candidate[] = [];
  for (const m of text.matchAll(NAMED_CODE)) {
    // (the expression reads any case: "96GY-7VB7-MJSM from" ends at the code's last group in capitals)
    const value = /^[A-Z0-9]+(?:(?:[ _-]|\r?\n)[A-Z0-9]+)*/.exec(m.groups!.value!)?.[0] ?? "";
    if (value.length < 3) continue;
    // ("booking number …", "order code …": a reference's name before the code's)
    const before = /([\p{L}]+)\s*$/u.exec(text.slice(Math.max(0, m.index - 24), m.index))?.[1]?.toLowerCase();
    if (before && REFERENCE_WORDS.has(before)) continue;
    // (the names are read in any case, the codes only in capitals and digits)
    if (value !== value.toUpperCase() || masked(value) || !isGiftCode(value, m[0])) continue;
    const start = m.index + m[0].length - m.groups!.value!.length;
    out.push({ start, end: start + value.length, type: "gift_card", priority: PRIORITY.labelled });
  }
  // codes known by their shape alone, each with what its shape still asks
  const shaped = (re: RegExp, fits: (code: string, at: number) => boolean) => {
    for (const m of text.matchAll(re)) if (!afterAReference(text, m.index) && fits(m[0], m.index)) out.push({ start: m.index, end: m.index + m[0].length, type: "gift_card", priority: PRIORITY.pattern });
  };
  shaped(CODE_SHAPED, (code) => mixedGroup(code) && !masked(code) && (/^[A-Z0-9]{4}-[A-Z0-9]{6}-/.test(code) || groupsWithDigits(code) >= 2) && !/^[\d\s_-]+$/.test(code));
  shaped(LONG_CODE, (code, at) => !BUSINESS_BEFORE.test(text.slice(Math.max(0, at - 40), at)) && (!/[A-Z]/.test(code) || mixed(code, 3)));
  return out;
}

/** A reference's word just before `at` ("order …", "ticket #…"). */
function afterAReference(text: string, at: number): boolean {
  const before = /([\p{L}]+)\W*$/u.exec(text.slice(Math.max(0, at - 24), at))?.[1]?.toLowerCase();
  return before !== undefined && REFERENCE_WORDS.has(before);
}
