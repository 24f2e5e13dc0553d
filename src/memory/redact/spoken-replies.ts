// A card's number, expiry or code given in words as the whole reply to a question for it, in a
// call's transcript, in the languages agents take such calls in: "Expiry?" "oh six, twenty-nine",
// "Ablaufdatum?" "Null drei, neunundzwanzig", "¿Fecha de caducidad?" "Once del veintiocho",
// "Срок действия?" "ноль пять, двадцать девять", "the digits on the back?" "deux cent
// quarante-sept", "the card number?" "forty-one forty-two, eighty-seven sixty-six, …". A reply is
// taken only when every word of it is a number's, a month's or a joiner's (asked-for.ts reads
// replies in digits).
import type { Asked } from "./asked-for";

const NUMBER_WORDS = new Set(
  (
    // English
    "zero oh o one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen " +
    "twenty thirty forty fifty sixty seventy eighty ninety hundred double triple " +
    // Spanish
    "cero uno una dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis dieciseis diecisiete dieciocho " +
    "diecinueve veinte veintiuno veintidós veintidos veintitrés veintitres veinticuatro veinticinco veintiséis veintiseis veintisiete " +
    "veintiocho veintinueve treinta cuarenta cincuenta sesenta setenta ochenta noventa cien ciento " +
    // French
    "zéro un une deux trois quatre cinq sept huit neuf dix onze douze treize quatorze quinze seize vingt trente quarante cinquante soixante cent " +
    // German
    "null eins ein zwei zwo drei vier fünf funf sechs sieben acht neun zehn elf zwölf zwolf dreizehn vierzehn fünfzehn sechzehn siebzehn " +
    "achtzehn neunzehn zwanzig dreißig dreissig vierzig fünfzig sechzig siebzig achtzig neunzig hundert " +
    // Italian
    "due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove venti " +
    "ventuno ventidue ventitré ventitre ventiquattro venticinque ventisei ventisette ventotto ventinove trenta quaranta cinquanta sessanta " +
    "settanta ottanta novanta cento " +
    // Portuguese
    "um dois duas três quatro sete oito nove dez doze treze catorze dezesseis dezessete dezoito dezenove vinte trinta quarenta sessenta " +
    "setenta oitenta noventa cem " +
    // Russian
    "ноль один одна два две три четыре пять шесть семь восемь девять десять одиннадцать двенадцать тринадцать четырнадцать пятнадцать " +
    "шестнадцать семнадцать восемнадцать девятнадцать двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто сто"
  ).split(" "),
);
/** German tens with their unit before them: "neunundzwanzig", "einunddreißig". */
const GERMAN_COMPOUND = /^(?:ein|zwei|drei|vier|f[üu]nf|sechs|sieben|acht|neun)und(?:zwanzig|drei(?:ß|ss)ig|vierzig|f[üu]nfzig|sechzig|siebzig|achtzig|neunzig)$/;
const MONTHS = new Set(
  (
    "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec " +
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre " +
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre " +
    "januar februar märz marz juni juli oktober dezember gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre " +
    "janeiro fevereiro março marco maio junho julho setembro outubro dezembro " +
    "январь января февраль февраля март марта апрель апреля май мая июнь июня июль июля август августа сентябрь сентября октябрь октября ноябрь ноября декабрь декабря"
  ).split(" "),
);
/** Words that join a month and a year ("twelve of twenty-six", "fin juin", "end of"). */
const JOINERS = new Set("of the end del de du da di and y et und e и slash barra fin ende fine final".split(" "));

const isNumber = (w: string): boolean => /^\d{1,4}$/.test(w) || NUMBER_WORDS.has(w) || GERMAN_COMPOUND.test(w);

/** Whether `value`, the whole of a reply to a question for `asked`, is that value said in words. */
export function isSpokenReply(value: string, asked: Asked): boolean {
  const words = value.toLowerCase().split(/[\s,/-]+/).filter(Boolean);
  if (words.length === 0 || !words.some((w) => /\p{L}/u.test(w))) return false;
  const numbers = words.filter(isNumber).length;
  if (asked === "card_expiry" || asked === "card_details") {
    return words.length <= 6 && numbers >= 1 && words.every((w) => isNumber(w) || MONTHS.has(w) || JOINERS.has(w));
  }
  if (asked === "cvv") return words.length <= 6 && numbers === words.length;
  if (asked === "card_number") return numbers >= 8 && numbers === words.length;
  return false;
}
