// Identity documents by the names and abbreviations of many countries, and driving licences as
// forms, states and other languages write them: read in vocabulary-world.ts's table at the place
// this list is spread (the order of rules with a shared head is the order they are tried in).
// Same format as vocabulary.ts (heads, case-insensitive pattern).
import type { LabelRule } from "./vocabulary";

export const ID_DOCUMENT_RULES: LabelRule[] = [
  // identity numbers by more countries' names: Belgium's national register, Finland's HETU, Japan's
  // individual number, Korea's RRN, Canada's NAS, Brazil's CNPJ, Mexico's RFC, Poland's PESEL,
  // Denmark's CPR, Turkey's TC Kimlik, Nigeria's NIN and BVN, Kenya's KRA PIN and kitambulisho, the
  // Philippines' SSS, TIN, PhilSys and UMID (its CRN), Indonesia's NIK and KTP, Australia's Medicare, the Nordic
  // personal numbers, Portugal's contribuinte (not "RRN" alone: a card payment's retrieval reference number)
  {
    kind: "id_document",
    heads:
      "national rijksregisternummer numéro numero hetu henkilötunnus henkilötunnukseni individual rrn resident nas cnpj rfc pesel cpr tc kimlik nin bvn kra namba kitambulisho sss tin philsys nik ktp nomor umid medicare swedish danish norwegian finnish personal fødselsnummer fødselsnummeret contribuinte",
    pattern:
      String.raw`national\s+regist(?:er|ry)\s+(?:number|no\.?)|national\s+identification\s+(?:number|no\.?)|rijksregisternummer|num[ée]ro\s+(?:de\s+|du\s+)?registre\s+national|num[ée]ro\s+d['’]assurance\s+sociale|` +
      String.raw`n[uú]mero\s+de\s+contribuinte|contribuinte|hetu|henkil[öo]tunnu(?:s|kseni)|individual\s+number|rrn(?=\s*(?:[:#]|is|no\.?)?\s*\d{6}-?\d{7}(?!\d))|resident\s+registration\s+(?:number|no\.?)|` +
      String.raw`nas(?=\s*[:#]?\s*\d{3}[ -]?\d{3}[ -]?\d{3}(?!\d))|cnpj|rfc(?=\s*[:#]?\s*(?:(?:is|es)\s+)?[A-Za-z]{3,4}\d{6}|[^.!?\n]{1,60}?\b[A-Z]{3,4}\d{6}[A-Z\d]{3}\b)|pesel|cpr(?:-?(?:nr\.?|nummer)|\s+(?:number|no\.?|nr\.?|nummer))?|` +
      String.raw`tc\s+kimlik(?:\s+(?:no\.?|numaras[ıi]|numaram))?|kimlik\s+(?:no\.?|numaras[ıi]|numaram)|nin(?:\s+(?:number|no\.?))?|bvn(?:\s+(?:number|no\.?))?|kra\s+pin|` +
      String.raw`(?:namba\s+(?:yangu\s+)?ya\s+)?kitambulisho|sss(?:\s+(?:number|no\.?|#))?|(?:tin(?=\s*(?:[:#]|is|ko|no\.?|number)?\s*\d{3}-\d{3}-\d{3})|(?<=\d{3}-\d{3}-\d{3}(?:-\d{3,5})?\s+(?:is|was)\s+(?:my|our|his|her)\s+)tin)(?:\s+(?:number|no\.?))?|philsys(?:\s+(?:id|number|no\.?|card)){0,2}|umid(?:\s+(?:crn|id|card|number|no\.?)){0,2}|` +
      String.raw`nik|(?:nomor\s+)?ktp|nomor\s+induk\s+kependudukan|medicare(?:\s+card)?(?:\s+(?:number|no\.?|#))?|(?:swedish|danish|norwegian|finnish)\s+personal\s+(?:identity\s+)?(?:number|code)|personal\s+identity\s+(?:number|code)|` +
      String.raw`f[øo]dselsnummer(?:et)?`,
  },
  // identity numbers by still more names: Swiss AHV, Irish PPSN, Emirates ID, the UK's NHS number and BRP, Russian
  // СНИЛС and ИНН, Italian and Portuguese identity cards, Hong Kong ID, Pakistan's CNIC, Vietnam's CCCD, Greek ΑΦΜ,
  // Czech and Slovak rodné číslo, Israel's ת.ז., Saudi national ID and iqama, Iran's کد ملی, Japan's My Number card, a citizen ID
  {
    kind: "id_document",
    heads: "ahv ahv-nr ppsn pps emirates nhs brp снилс инн carta cartão cartao hong hkid cnic nic cccd căn αφμ rodné rodne ת رقم ورقم کد کدملی شماره my citizen iqama",
    pattern:
      String.raw`ahv(?:-?(?:nr\.?|nummer))?|ppsn?(?:\s+(?:number|no\.?))?|emirates\s+id(?:\s+(?:number|no\.?))?|nhs\s+(?:number|no\.?)|brp(?:\s+(?:number|no\.?))?|снилс|инн|` +
      String.raw`carta\s+d['’]identit[àa](?:\s+(?:n\.?|numero))?|cart[ãa]o\s+de\s+cidad[ãa]o(?:\s+n\.?[ºo°]?)?|hong\s+kong\s+id(?:\s+card)?|hkid|cnic(?:\s+(?:number|no\.?))?|nic(?=\s*[:#]?\s*\d{5}-\d{7}-\d)|` +
      String.raw`cccd|căn\s+cước(?:\s+công\s+dân)?|αφμ|rodn[ée]\s+[čc][íi]slo|ת\.ז\.?|و?رقم\s+(?:الهوية(?:\s+الوطنية)?|هويتي|الإقامة|الاقامة|إقامتي)|کد\s*ملی(?:\u200c?ام)?|شماره\s+ملی|my\s+number\s+card|citizen\s+id(?:\s+(?:number|no\.?))?|iqama(?:\s+(?:number|no\.?))?`,
  },
  // and by the names of Colombia, Bulgaria, Lithuania, Estonia, Israel, Egypt, Ghana, Morocco, Iceland, Croatia,
  // Slovenia, Serbia and the former Yugoslavia, Argentina (CUIL, CUIT), Ukraine, Romania, Taiwan and Hong Kong (traditional Chinese)
  {
    kind: "id_document",
    heads: "c.c c cc cédula cedula егн asmens isikukood תעודת מספר الرقم ghana cin kennitala kennitalan oib emšo emso jmbg cuil cuit іпн рнокпп cnp 身份證號碼 身份證",
    pattern:
      String.raw`c\.\s?c\.(?=\s*\d)|cc(?=\s+\d{1,3}(?:\.\d{3}){2,3}\b)|c[ée]dula(?:\s+de\s+ciudadan[íi]a)?|егн|asmens\s+kod(?:as|o|ą)|isikukood|(?:מספר\s+)?תעודת\s+זהות|الرقم\s+القومي|ghana\s+card(?:\s+(?:number|no\.?))?|` +
      String.raw`cin(?=\s*[:#]?\s*[A-Z]{1,2}\d{5,7}\b)|kennitala[n]?(?:\s+m[íi]n)?|oib|em[šs]o|jmbg|cuil|cuit|іпн|рнокпп|cnp|身份證(?:號碼)?`,
  },
  // identity cards as Polish, Greek and Turkish customers name them ("Mój dowód: HYX 738855", "ταυτότητα ΜΑ 696968", "Turkish ID …")
  {
    kind: "id_document",
    heads: "dowód dowod dowodu ταυτότητα ταυτότητας αδτ turkish",
    pattern: String.raw`dow[óo]d(?:u)?(?:\s+osobist\S*)?(?:\s+(?:nr|numer))?|ταυτότητα(?:ς)?|αδτ|turkish\s+id(?:\s+(?:number|no\.?))?`,
  },
  // driving licences as they are written on forms and in other languages ("DL# T0004408", "TX DL
  // 24269775", "NY license 254131820", "permis de conduire", "Führerscheinnummer")
  {
    kind: "id_document",
    heads: "driver dl licence license permis führerschein führerscheinnummer fuhrerschein carteira carnet patente rijbewijs rijbewijsnummer cnh licencia 免許証番号 運転免許証 numéro numero numer prawa prawo 운전면허번호 운전면허 운전면허증",
    pattern:
      String.raw`driver\s+licen[cs]e(?:\s+(?:number|no\.?|#))?|dl\.?\s*(?:#|no\.?|number|:)(?:\s+is)?|dl(?=\s+[A-Z]{0,2}\d{6,}|\s+[A-Z]\d{3}-\d{3,4}-)|dl\s+is(?=\s+[A-Z]?\d{3,}[\d -]{4,})|licen[cs]e(?:,?\s*(?:no\.?|number|#))?(?:\s+is)?(?=\s*:?\s*[A-Z]{0,5}\d{3}[\dA-Z -]*)|` +
      String.raw`num[ée]ro\s+de\s+permis|permis(?=\s+[A-Z]?\d{6,})|(?:numer\s+)?prawa?\s+jazdy|운전면허(?:번호|증)?|permis\s+de\s+conduire|f[üu]hrerschein(?:-?nr\.?|nummer)?|carteira\s+(?:de\s+motorista|nacional\s+de\s+habilita[çc][ãa]o)|cnh|carnet\s+de\s+conducir|licencia\s+de\s+(?:conducir|manejo|conduccion|conducción)|patente(?:\s+di\s+guida)?|rijbewijs(?:nummer)?|免許証番号|運転免許証(?:番号)?`,
  },
];

/** An account's number by its own name ("acc no", "account number", "número de cuenta", "口座番号"): a UK number of 8 digits is one too. */
export const ACCOUNT_NUMBER_LABEL = /^(?:acc(?:ount)?|a\/c|acct\.?)\s*(?:no\.?|nr\.?|number|#)$|^acc$|^(?:n[uú]mero\s+de\s+cuenta|num[ée]ro\s+de\s+compte|kontonummer|n[uú]mero\s+da\s+conta|口座番号|s[ốo]\s+t[àa]i\s+kho[ảa]n|stk|р\/с|расч[её]тн\S*\s+сч[её]т|номер\s+сч[её]та|계좌(?:번호)?)$/i;
