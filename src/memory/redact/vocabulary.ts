// Words that announce a secret ("OTP", "contraseña", "a/c no."); the words that say a value is
// a business reference an agent needs ("UTR", "order", "PNR") or something else are in
// context-words.ts. Facts as data; the matching logic lives in labelled.ts and patterns.ts.
import type { PiiType } from "./pii-types";
import { BACKUP_CODE_RULE, WORLD_RULES } from "./vocabulary-world";

/**
 * What a label announces. Two are decided by the value: a "security code" of 3–4 digits is a
 * CVV and of 5–8 an OTP; a "passcode" (or Spanish "clave") of digits only is a PIN, otherwise
 * a password. "pin_code" is the Indian postal code as often as the ATM PIN, so its 6-digit
 * values are kept. "sort_code_account" is a bank account named next to a sort code or a BSB, where
 * it may be as short as 6 digits.
 */
export type LabelKind = Exclude<PiiType, "iban" | "national_id" | "api_key" | "card_expiry" | "gift_card"> | "security_code" | "passcode" | "pin_code" | "id_document" | "sort_code_account";

/**
 * `heads`: the lowercase first words the pattern can start with (words split on anything but
 * letters, marks, digits and "_"; "one-time" starts with "one", "a/c" with "a"). The scanner
 * tries a pattern only where one of its heads starts a word, which keeps the scan cheap.
 */
export type LabelRule = { kind: LabelKind; heads: string; pattern: string };

// Regex sources, case-insensitive with the `u` flag. At one position the first rule that
// matches wins, so longer phrases come before their prefixes ("one-time password" before
// "password", "card pin" before "card").
const NUMBER_WORD = String.raw`(?:\s*(?:number|numbers|no\.?|num\.?|nr\.?|#))?`;
/** A payment card by its kind or brand, in the languages customers write in. */
const CARD_WORD = String.raw`(?:card|credit\s+card|debit\s+card|visa|master\s*card|amex|american\s+express|discover|rupay|maestro|diners|jcb|tarjeta|carte|karte|cart[aã]o)`;
/** A card named, or its number given, earlier in the same message (up to 80 characters before): a lookbehind. */
const CARD_BEFORE = String.raw`(?<=(?:(?<![\p{L}])${CARD_WORD}(?![\p{L}])|\d{4}[ -]?\d{4,6}[ -]?\d{4,5})[^\n]{0,80}?)`;
/** "… of my card", "… of the Amex", "… of my Visa debit card": optional after a card code phrase. */
const OF_THE_CARD = String.raw`(?:\s+of\s+(?:the|my|your|his|her)\s+(?:[\p{L}-]+\s+){0,2}?${CARD_WORD}(?:\s+card)?)?`;

/** "user ID number", "order ID no." name an account or a reference, not an identity document. */
const NOT_AN_ACCOUNT_ID = String.raw`(?<!(?:user|customer|member|client|order|account|transaction|txn|booking|ticket|employee|student|device|session|merchant|reference|tracking|invoice|apple|login|email|player|game|chat)[ \t])`;

const NOT_A_BANK_ACCOUNT = String.raw`(?<!(?:customer|client|gas|electricity|electric|energy|power|water|utility|broadband|internet|mobile|phone|cable|tv|streaming|subscriber|member|membership|loyalty|rewards|player|game|gaming|student|school|club|insurance|policy|billing|telecom)[ \t])`;

const CORE_RULES: LabelRule[] = [
  BACKUP_CODE_RULE,

  // one-time codes
  { kind: "otp", heads: "one onetime", pattern: String.raw`one[\s-]*time[\s-]*(?:pass(?:word|code)|pin|code|otp)` },
  { kind: "otp", heads: "mot", pattern: String.raw`mot\s+de\s+passe\s+(?:unique|à\s+usage\s+unique)` },
  {
    kind: "otp",
    heads: "verification verfication verifcation verify validation authentication auth authorization login log sign signin sms text 2fa 2 two twostep twofactor mfa totp otp",
    pattern: String.raw`(?:verification|verfication|verifcation|verify|validation|authentication|auth|authorization|login|log-?in|sign[\s-]?in|sms|text|2fa|2-step|two[\s-]?step|two[\s-]?factor(?:\s+auth(?:entication)?)?|mfa|totp|otp)\s+(?:code|pin|number|otp)`,
  },
  {
    kind: "otp",
    heads: "otp otpno 2fa mfa totp m mtan sms smstan push pushtan ओटीपी",
    pattern: String.raw`otp${NUMBER_WORD}|2fa|mfa|totp|(?:m|sms|push)-?tan|ओटीपी`,
  },
  {
    kind: "otp",
    heads: "code",
    pattern: String.raw`code\s+(?:(?:that\s+)?(?:you|u|they|it|you\s+guys|your\s+team|the\s+bank|the\s+app)\s+)?(?:just\s+)?(?:sent|texted|messaged|emailed)(?:\s+(?:me|to\s+me))?`,
  },
  { kind: "otp", heads: "code", pattern: String.raw`code\s+(?:i\s+)?(?:just\s+)?(?:got|received)` },
  // "they texted me 663019", "the authenticator shows 118 392"
  { kind: "otp", heads: "texted", pattern: String.raw`texted\s+(?:me|us)(?:\s+(?:the|a)\s+code)?` },
  { kind: "otp", heads: "authenticator", pattern: String.raw`authenticator(?:\s+app)?\s+(?:shows|showed|says|said|gives|gave|generated|displays)` },
  // a bare "code" given a value ("my code is 482913", "the code: 553 219", "Votre code de connexion :
  // 661207"): with nothing before it that names another code (error, zip, discount, booking …),
  // a customer means the one they were sent; the value must still read as one (4–8 digits)
  {
    kind: "otp",
    heads: "code código codigo codice",
    pattern: String.raw`(?<=(?:^|[.!?,;:(]\s*|(?:^|[^\p{L}])(?:my|the|your|this|that|a|new|got|get|le|mon|ton|votre|ce|der|den|dein|deinen|ihr|mein|el|mi|tu|su|o|meu|seu|il|mio|tuo)\s+))(?:code|c[oó]digo|codice)(?=(?:\s*(?:is|was|est|ist|war|es|era|é|è|lautet|lautete|:|=|[-–—]|re[çc]u|recibido|recebido|par|por|sms|de|da|do|du|whatsapp|connexion|acceso|acesso|login))*\s*[\[("']?\s*\d)`,
  },
  // "enter the code", "I used code 482913 but …", "tried the code twice"
  {
    kind: "otp",
    heads: "use used using enter entered entering type typed typing input inputted try tried trying",
    pattern: String.raw`(?:use[ds]?|using|enter(?:ed|ing)?|typ(?:e|ed|ing)|input(?:ted)?|try|tried|trying)\s+(?:the\s+|this\s+|that\s+|your\s+)?code`,
  },
  // "the code in the text was …", "code from the SMS: …"
  { kind: "otp", heads: "code", pattern: String.raw`code\s+(?:in|from|on)\s+(?:the|your|my|that|this|an?)\s+(?:text|sms|message|e-?mail|app|authenticator)` },
  {
    kind: "otp",
    heads: "codigo código clave",
    pattern: String.raw`c[oó]digo\s+(?:de\s+)?(?:verificaci[oó]n|verifica[cç][aã]o|confirmaci[oó]n|confirma[cç][aã]o|acceso|acesso|autenticaci[oó]n|un\s+solo\s+uso|sms)|clave\s+din[aá]mica`,
  },
  { kind: "otp", heads: "code", pattern: String.raw`code\s+(?:de\s+)?(?:v[ée]rification|confirmation|validation|unique)` },
  // "el código que me llegó es 554433", "o código que recebi", "le code que j'ai reçu"
  {
    kind: "otp",
    heads: "codigo código code",
    pattern: String.raw`(?:c[oó]digo|code)\s+que\s+(?:me\s+)?(?:lleg[oó]|recib[ií]|enviaron|mandaron|recebi|chegou|enviaram|j['’]ai\s+re[çc]u)`,
  },
  {
    kind: "otp",
    heads: "bestätigungscode bestatigungscode verifizierungscode einmalcode",
    pattern: String.raw`(?:best[äa]tigungs|verifizierungs|einmal)code`,
  },

  // card security codes, by any name: printed on the back (or, on Amex, the front) of a card
  {
    kind: "cvv",
    heads: "3 4 three four 3digit 3digits 4digit 4digits",
    pattern: String.raw`(?:3|4|three|four)[\s-]*(?:digits?|numbers?)(?:\s+(?:security\s+|verification\s+)?(?:code|number))?\s+(?:on|at|from|in)\s+the\s+(?:back|front|reverse|rear)${OF_THE_CARD}`,
  },
  {
    // "3 digit code 123", "the three-digit security code is 123", "a 6 digit code 482913" (a
    // security code: a CVV of 3–4 digits, a one-time code of more); not "the last 4 digits"
    kind: "security_code",
    heads: "3 4 5 6 7 8 three four five six seven eight 3digit 3digits 4digit 4digits 5digit 5digits 6digit 6digits 7digit 7digits 8digit 8digits",
    pattern: String.raw`(?<!(?:last|final|ending|end)\s)(?:[3-8]|three|four|five|six|seven|eight)[\s-]*digits?\s+(?:security\s+|verification\s+|card\s+|one[\s-]time\s+|sms\s+|otp\s+)?code`,
  },
  {
    kind: "cvv",
    heads: "digit digits number numbers code codes back front",
    // Without a card named here, only when a card was named shortly before ("… my Visa. The code on the back is …").
    pattern:
      String.raw`(?:digits?|numbers?|codes?)\s+(?:on|at|from)\s+the\s+(?:back|front|reverse)\s+of\s+(?:the|my|your|his|her)\s+${CARD_WORD}(?:\s+card)?|(?:back|front)\s+of\s+(?:the|my)\s+${CARD_WORD}(?:\s+card)?|` +
      String.raw`${CARD_BEFORE}(?:digits?|numbers?|codes?)\s+(?:on|at|from)\s+the\s+(?:back|front|reverse)${OF_THE_CARD}`,
  },
  {
    kind: "cvv",
    heads: "cvv cvv2 cvc cvc2 cvn cvn2 csc ccv cid card cryptogramme prüfnummer prufnummer kartenprüfnummer kartenprufnummer prüfziffer prufziffer kartenprüfziffer kartenprufziffer",
    pattern: String.raw`cvv2?|cvc2?|cvn2?|csc|ccv|${CARD_BEFORE}cid|cid(?=[^\n.!?]{0,40}\b${CARD_WORD}\b)|card\s+(?:verification|security|identification)\s+value|cryptogramme(?:\s+visuel)?|(?:karten)?pr[üu]f(?:nummer|ziffer)`,
  },
  {
    // "card verification code" is the CVV when it has 3–4 digits, a one-time code when longer.
    kind: "security_code",
    heads: "card",
    pattern: String.raw`card\s+(?:verification|security|identification)\s+(?:code|number)`,
  },
  {
    // "Mastercard card verification code", "Visa CVV", "debit card security code"
    kind: "security_code",
    heads: "credit debit visa master mastercard amex american discover rupay maestro diners jcb tarjeta carte karte cartão cartao",
    pattern: String.raw`${CARD_WORD}(?:\s+card)?\s+(?:(?:verification|security|identification)\s+(?:value|code|number)|cvv2?|cvc2?|cid|csc|security\s+code)`,
  },
  {
    kind: "security_code",
    heads: "security sec código codigo code codice sicherheitscode beveiligingscode",
    pattern: String.raw`sec(?:urity|\.)?\s+code|c[oó]digo\s+de\s+(?:seguridad|seguran[cç]a)|code\s+de\s+s[ée]curit[ée]|codice\s+di\s+sicurezza|sicherheitscode|beveiligingscode`,
  },

  // PINs (before "card" so "card PIN 1234" is a PIN)
  { kind: "pin_code", heads: "pin pincode", pattern: String.raw`pin[\s-]*code|pincode` },
  {
    kind: "pin",
    heads: "atm card debit credit upi sim app login transaction txn security secret bank banking phone account wallet netbanking 4 4digit 6 6digit four six",
    pattern: String.raw`(?:atm|card|debit|credit|upi|sim|app|login|transaction|txn|security|secret|bank|banking|phone|account|wallet|netbanking|4[\s-]?digit|6[\s-]?digit|four[\s-]digit|six[\s-]digit)\s+pin${NUMBER_WORD}`,
  },
  {
    kind: "pin",
    heads: "m mpin t tpin upi upipin pin pins pinno puk personal nip geheimzahl geheimnummer code पिन",
    pattern: String.raw`m-?pin|t-?pin|upi-?pin|pins?${NUMBER_WORD}|puk(?:\s*(?:code|number))?|personal\s+identification\s+number|nip|geheimzahl|geheimnummer|code\s+secret|पिन`,
  },
  { kind: "passcode", heads: "pass passcode clave", pattern: String.raw`pass\s*code|clave(?!\s+del\s+cajero|\s+de\s+(?:la\s+)?tarjeta)(?:\s+de\s+acceso)?` },

  // passwords ("pass"/"pw" alone, and Dutch "ww" for wachtwoord, only before a strong value, see STRONG_ONLY)
  {
    kind: "password",
    heads: "pass password passwords passwd pwd passphrase pasword passwrd passowrd paswd passwrod pssword passsword pword psw p mdp mot contraseña contrasena senha passwort kennwort kundenkennwort wachtwoord hasło haslo parola पासवर्ड",
    pattern: String.raw`pass\s*words?|passwd|pwd|pass\s*phrase|pasword|passwrd|passowrd|paswd|passwrod|pssword|passsword|pword|psw|p\/w|mdp|mot\s+de\s+passe(?:\s+(?:du\s+)?wi-?fi)?|contrase[ñn]a|senha(?!\s+do\s+cart[aã]o)|passwort|(?:kunden)?kennwort(?:\s+f[üu]r\s+die\s+hotline)?|wachtwoord|has[łl]o|parola\s+d'ordine|पासवर्ड`,
  },
  {
    kind: "password",
    heads: "pass pw ww",
    pattern: String.raw`ww|(?<!(?:boarding|bus|season|day|gate|hall|metro|rail|ski|travel|gym|festival|guest|visitor|press|backstage|access|event|transit|free|bike|park|parking)\s)(?:pass(?!-?(?:nr|nummer)(?![\p{L}]))|pw)`,
  },

  // an application's secret given as a password is ("client secret is Zx9!kLm2#Qp7", "secret: …"); long keys
  // are also read by api-keys.ts, whatever their label says
  {
    kind: "password",
    heads: "client api app shared signing webhook secret client_secret api_secret app_secret secret_key aws_secret_access_key",
    pattern: String.raw`(?:client|api|app|shared|signing|webhook)[\s_-]*secret|(?:aws_)?secret[\s_-]*(?:access[\s_-]*)?key|secret(?=\s*[:=])`,
  },

  // the answer to a security question opens an account as a password does
  {
    kind: "password",
    heads: "security memorable maiden mother mother's mothers secret answer",
    pattern: String.raw`security\s+(?:question\s+)?answer|answer\s+to\s+(?:my|the)\s+security\s+question|memorable\s+(?:word|information|answer)|(?:mother['’]?s\s+)?maiden\s+name|secret\s+(?:answer|word)`,
  },

  // national ids
  {
    kind: "aadhaar",
    heads: "aadhaar aadhar adhaar adhar uidai आधार",
    pattern: String.raw`a{1,2}dha{1,2}r(?:\s+card)?(?:\s+vid)?${NUMBER_WORD}|uidai|आधार`,
  },
  { kind: "pan", heads: "permanent pan panno", pattern: String.raw`permanent\s+account\s+number|pan(?:\s+card)?${NUMBER_WORD}` },
  {
    kind: "passport",
    heads:
      "passport passports passportno pasaporte pasaportes passeport passeports reisepass reisepässe reisepasse reisepassnummer passnummer passnr pass passaporto passaporti passaporte passaportes paspoort paspoortnummer pasaport pasaportu paszport passi passinumero pas paszportu paszporty паспорт паспорта паспортные पासपोर्ट パスポート パスポート番号 여권 여권번호",
    pattern:
      String.raw`passports?${NUMBER_WORD}|pasaportes?(?:\s+n[uú]mero)?|passeports?|(?:reise)?pass-?(?:nummer|nr\.?)|reisep(?:ass|[äa]sse)|passaport[oi]|passaportes?|paspoort(?:nummer)?|pasaport(?:u|\s+numaras[ıi])?|paszport(?:u|y)?|passi(?:numero)?|pas\s+(?:number|no\.?|nr\.?)|паспорт(?:а|ные\s+данные)?|पासपोर्ट|パスポート(?:番号)?|여권(?:\s*번호)?`,
  },
  {
    kind: "ssn",
    heads: "ssn ss social sin",
    pattern: String.raw`ssn\s*#?|ss\s*#|ss\s+(?:number|no\.?)|social\s+security${NUMBER_WORD}|social\s+insurance\s+number|sin\s+(?:number|no\.?|#)`,
  },
  {
    // Identity documents named generally (KYC, national ID, ID card) and by their national names;
    // the value's shape says which (aadhaar, PAN, or another national number).
    kind: "id_document",
    heads:
      "kyc national identity id dni nie cpf curp nino bsn personnummer codice personalausweis personalausweisnummer personalausweisnr carte cédula cedula documento nif social sin ni driver driver's drivers driving dl licence license tax tfn itin steuer steuerid steueridentifikationsnummer steuerliche identifikationsnummer nric fin ic mykad",
    pattern:
      String.raw`kyc(?!-)(?:\s+(?:docs?|documents?|details|id|number|no\.?))?|${NOT_AN_ACCOUNT_ID}id\s+(?:numbers?|no\.?|nr\.?|#)|national\s+(?:id(?:entity)?|insurance)(?:\s+(?:card|number|no\.?))*|(?:identity|id)\s+card(?:\s+(?:number|no\.?))?|identity\s+(?:number|document(?:\s+number)?)|dni|nie(?=\s*(?:[:#-]|no\.?|number|es|is)?\s*[XYZxyz][ -]?\d)|nif|cpf|curp|nino|bsn|personnummer|codice\s+fiscale|personalausweis(?:nummer|nr\.?)?|carte\s+d['’]identit[ée]|carte\s+vitale|c[ée]dula(?:\s+de\s+identidad)?|documento\s+de\s+identidad|social\s+insurance\s+(?:number|no\.?)|sin(?=(?:\s+as\s+(?:requested|asked))?\s*(?:#|:|no\.?|number)?\s*(?:(?:is|was)\s+)?\d{3}[ -]?\d{3}[ -]?\d{3}(?!\d))(?:\s*(?:#|no\.?|number))?|ni\s+(?:number|no\.?)|(?:driver['’]?s|driving)\s+licen[cs]e(?:\s+(?:number|no\.?|#))?|dl\s+(?:number|no\.?|#)|tax\s+file\s+(?:number|no\.?)|tfn|itin|steuer-?id|(?:steuerliche\s+)?identifikationsnummer|steueridentifikationsnummer|nric(?:\s+(?:number|no\.?|#))?|(?:fin|ic)\s+(?:number|no\.?|#)|mykad(?:\s+(?:number|no\.?|#))?|licen[cs]e\s+(?:number|no\.?)(?=[^\n]{0,30}?\b(?:driv|dmv|dvla))`,
  },
  { kind: "imei", heads: "imei imei1 imei2 imeino", pattern: String.raw`imei(?:\s*[12](?!\d))?${NUMBER_WORD}` },

  // bank accounts (routing numbers, sort codes and IFSC are kept: they name a branch, not a person)
  {
    kind: "sort_code_account",
    heads: "account accountno a acct acctno acc accno compte",
    pattern:
      String.raw`(?<=(?:sort\s*code|bsb|routing|rtn|aba|transit|institution)[\s\S]{0,60}?)(?:account|a\/c|acct\.?|acc|compte)${NUMBER_WORD}|` +
      String.raw`(?:account|a\/c|acct\.?|acc)${NUMBER_WORD}(?=[\s\S]{0,40}?(?<![\p{L}])(?:sort\s*code|(?:sort|s\/c)(?=\s*[:#]?\s*\d{2}-\d{2}-\d{2})|bsb)(?![\p{L}]))`,
  },
  {
    kind: "bank_account",
    heads: "bank savings checking chequing current salary beneficiary payee recipient destination nre nro",
    pattern: String.raw`(?:bank|savings|checking|chequing|current|salary|beneficiary|payee|recipient|destination|nre|nro)\s+(?:account|a\/c|acct)${NUMBER_WORD}`,
  },
  {
    kind: "bank_account",
    heads: "account accountno a acct acctno acc accno",
    // not an account with a utility, a carrier or a club ("customer account 300012345", "gas account no. 884102937"): the agent's reference
    pattern: String.raw`${NOT_A_BANK_ACCOUNT}(?:account${NUMBER_WORD}|a\/c${NUMBER_WORD}|acct\.?${NUMBER_WORD}|acc\s*(?:no\.?|#|number))`,
  },
  {
    kind: "bank_account",
    heads: "número numero cuenta numéro compte kontonummer konto conta clabe खाता hesap",
    pattern: String.raw`hesap\s+(?:no|numarası|numaram|numarasi)|clabe(?:\s+interbancaria)?|n[uú]mero\s+de\s+cuenta|cuenta(?!\s+rut)(?:\s+bancaria)?|num[ée]ro\s+de\s+compte|compte(?:\s+bancaire)?|kontonummer|konto|n[uú]mero\s+da\s+conta|conta|खाता(?:\s*संख्या)?`,
  },

  // cards (after the more specific labels above; "SIM card", "ID card", "loyalty card" are not payment cards)
  {
    kind: "card_number",
    heads: "credit debit prepaid gift visa master mastercard amex american rupay discover maestro payment atm",
    pattern: String.raw`(?:credit|debit|prepaid|gift|visa|master\s*card|amex|american\s+express|rupay|discover|maestro|payment|atm)\s+card${NUMBER_WORD}`,
  },
  {
    kind: "card_number",
    heads: "card cardno",
    pattern: String.raw`(?<!(?:sim|id|ration|aadhaar|aadhar|pan|voter|boarding|report|business|loyalty|membership|library|student|key|memory|sd|graphics|video|sound|network|reward|rewards|green|yellow|red|birthday|greeting)\s)card(?:\s*(?:details|info))?${NUMBER_WORD}`,
  },
  { kind: "card_number", heads: "cc ccno ccn", pattern: String.raw`cc${NUMBER_WORD}|ccn` },
  {
    kind: "card_number",
    heads: "número numero tarjeta numéro carte kartennummer kreditkarte cartão cartao कार्ड",
    pattern: String.raw`n[uú]mero\s+de\s+(?:la\s+)?tarjeta|tarjeta(?:\s+de\s+(?:cr[eé]dito|d[eé]bito))?|num[ée]ro\s+de\s+(?:la\s+)?carte|carte(?!\s+vitale)(?:\s+(?:bancaire|bleue|de\s+cr[ée]dit))?|kartennummer|kreditkarte|n[uú]mero\s+do\s+cart[aã]o|cart[aã]o|कार्ड`,
  },
];

/** The core table, then the names of other countries and phrasings (vocabulary-world.ts); the first match at a word wins. */
export const LABEL_RULES: LabelRule[] = [...CORE_RULES, ...WORLD_RULES];

/**
 * "pass" and "pw" are too common, and "secret key" too figurative ("the secret key is patience"),
 * to take a plain word without an explicit ":" or "=": with a verb only letters mixed with digits
 * or symbols.
 */
export const STRONG_ONLY = /^(?:pass|pw|ww|(?:client|api|app|shared|signing|webhook)[\s_-]*secret|(?:aws_)?secret[\s_-]*(?:access[\s_-]*)?key)$/i;

/** Password labels in English (not the German "Passwort"), after which a word is judged against everyday English words. */
export const ENGLISH_PASSWORD_LABEL = /^(?:pass(?:\s*words?|\s*phrase|\s*code|wd)?|pwd|pw|pasword|passwrd|passowrd|paswd|passwrod|pssword|passsword|pword|psw|p\/w|(?:wi-?fi|wlan|network)\s+(?:key|password|pass))$/i;
