// More labels, after the core table of vocabulary.ts: card security codes, one-time codes and
// PINs as other languages and other apps name them, and identity documents by the names and
// abbreviations of other countries. Same format as vocabulary.ts (heads, case-insensitive
// pattern); a probe of customer-shaped messages found each of them missing.
import type { LabelRule } from "./vocabulary";
import { CARD_NUMBER_RULES } from "./vocabulary-cards";
import { ID_DOCUMENT_RULES } from "./vocabulary-ids";

// The codes that open an account when the second factor is lost ("recovery code: 8F3K-2LQ9"). The
// first rule of all (vocabulary.ts puts it there): "2FA recovery" is no one-time code, and its
// words ("code", "código") are the one-time codes', PINs' and security codes' too.
export const BACKUP_CODE_RULE: LabelRule = {
  kind: "password",
  heads: "recovery backup 2fa mfa revocation emergency scratch setup totp authenticator enter códigos codigos código codigo codes code backup-codes wiederherstellungscode wiederherstellungscodes bypass kod kody",
  pattern:
    String.raw`codes?\s+(?:from|on|off)\s+(?:the|my)\s+(?:recovery|backup|emergency)\s+(?:sheet|page|card|kit|file|list)|(?:recovery|backup|revocation|(?:emergency\s+)?backup|scratch)\s+(?:codes?|keys?)|(?:setup|2fa|totp|authenticator)\s+(?:secret|key)|enter\s+(?:the|this)\s+key\s+manually|(?:2fa|mfa)\s+(?:backup|recovery)(?:\s+(?:codes?|keys?))?|` +
    String.raw`c[óo]digos?\s+de\s+(?:respaldo|recupera[cç][ãa]o|recuperaci[óo]n|reserva)|codes?\s+de\s+(?:secours|r[ée]cup[ée]ration)|backup-codes?|wiederherstellungscodes?|bypass\s+codes?|kody?\s+(?:zapasow[ey]|odzyskiwania)`,
};

export const WORLD_RULES: LabelRule[] = [
  // the card's code on its back, by the words of other languages ("los tres números de atrás",
  // "die drei Ziffern hinten"), one rule per language so a common head tries few alternatives
  {
    kind: "cvv",
    heads: "code numbers number digits digit security cid cv2 cvvv cvs",
    pattern:
      String.raw`code\s+on\s+the\s+back|(?:numbers?|digits?)\s+on\s+the\s+back|cv2|cvvv|cvs(?=\s*[:#-]?\s*(?:is\s+)?\d{3,4}(?!\d))|security\s+(?:number|digits)(?:\s+on\s+(?:the|my)\s+(?:back|card))?|` +
      // a CID a line or two under the card ("> Card: …\n> Exp: 01/30\n> CID: 9208")
      String.raw`(?<=(?:card|exp\w*)[^.!?]{0,60}?)cid`,
  },
  // Hebrew: "3 ספרות בגב" (the three digits on the back), "קוד האבטחה"
  { kind: "cvv", heads: "ספרות הספרות קוד", pattern: String.raw`ה?ספרות\s+(?:ש)?ב(?:ג|צד\s+ה[אא]חורי\s+של\s+ה)ב|קוד\s+ה?אבטחה` },
  // French "crypto 815" (the cryptogramme), Arabic "the number behind the card"
  { kind: "cvv", heads: "crypto ورا وراء خلف على", pattern: String.raw`crypto(?=\s*[:=]?\s*\d{3,4}\b)|(?:ورا|وراء|خلف|على\s+ظهر)\s+البطاقة` },
  { kind: "cvv", heads: "drei nummer", pattern: String.raw`drei\s+ziffern\s+(?:hinten|auf\s+der\s+r[üu]ckseite)|nummer\s+auf\s+der\s+r[üu]ckseite` },
  {
    kind: "cvv",
    heads: "tres três código codigo",
    pattern: String.raw`tr[eê]s\s+(?:n[úu]meros|d[íi]gitos)\s+(?:de\s+)?(?:atr[áa]s|detr[áa]s|del\s+reverso|tr[áa]s|do\s+verso)|c[óo]digo\s+(?:de\s+atr[áa]s|del\s+reverso)`,
  },
  {
    kind: "cvv",
    heads: "trois tre drie code",
    pattern: String.raw`trois\s+chiffres\s+(?:au\s+dos|derri[èe]re)|code\s+au\s+dos|tre\s+cifre\s+(?:sul\s+retro|dietro)|drie\s+cijfers\s+(?:achterop|op\s+de\s+achterkant)`,
  },
  {
    kind: "cvv",
    heads: "3",
    pattern:
      String.raw`3\s+(?:ziffern\s+(?:hinten|auf\s+der\s+r[üu]ckseite)|(?:n[úu]meros|d[íi]gitos)\s+(?:de\s+)?(?:atr[áa]s|detr[áa]s|del\s+reverso|tr[áa]s|do\s+verso)|` +
      String.raw`chiffres\s+(?:au\s+dos|derri[èe]re)|cifre\s+(?:sul\s+retro|dietro)|cijfers\s+(?:achterop|op\s+de\s+achterkant))`,
  },
  // one-time codes: a German TAN, an authenticator's, an app's, a text's
  { kind: "otp", heads: "tan mtan smstan pushtan", pattern: String.raw`(?:m|sms-?|push-?)?tan(?:-?nummer)?(?=\s*[:#-]?\s*(?:(?:ist|lautet|is)\s+)?\d{4,8}(?!\d))` },
  {
    kind: "otp",
    heads: "authenticator whatsapp telegram steam inlogcode verificatiecode codice sms text message msg code",
    pattern:
      String.raw`authenticator\s+code|(?:whatsapp|telegram|signal)\s+(?:verification\s+)?code|steam\s+guard\s+code|inlogcode|verificatiecode|codice(?:\s+(?:di\s+verifica|otp|sms))?(?:\s+che\s+mi\s+[èe]\s+arrivato)?|` +
      String.raw`(?:sms|text(?:\s+message)?|message|msg)\s*,?\s+(?:(?:it|which)\s+)?(?:said|says|saying|reads|read|shows|showed)|sms-?code|code\s+(?:aaya|mila)(?:\s+hai)?`,
  },
  // PINs: a phone's lock screen, a cash machine's, in other languages
  {
    kind: "pin",
    heads: "lock lockscreen screen unlock phone clave code senha código codigo",
    pattern:
      String.raw`(?:lock\s*screen|screen\s*lock|unlock|phone)\s+(?:code|pin|passcode)|code\s+to\s+unlock(?:\s+(?:the|my)\s+(?:phone|device|screen|tablet|laptop))?|code\s+de\s+(?:ma|la)\s+carte|clave\s+(?:del\s+cajero|de\s+(?:la\s+)?tarjeta)|code\s+(?:confidentiel|carte(?:\s+bleue)?|de\s+(?:la\s+)?carte)|senha\s+do\s+cart[aã]o|c[oó]digo\s+pin`,
  },
  // a SIM's PINs and PUKs as the card holder prints them ("PIN1: 3306  PUK1: 47719208"), Russian and Japanese PINs
  { kind: "pin", heads: "pin1 pin2 puk puk1 puk2 пин пин-код pin-код 暗証番号", pattern: String.raw`pin[12]|puk[12]?(?:\s+code)?|пин(?:-код)?|pin-код|暗証番号` },
  // Arabic "the card's secret number", Persian verification and one-time codes
  { kind: "pin", heads: "الرقم", pattern: String.raw`الرقم\s+السري(?:\s+للبطاقة)?` },
  { kind: "otp", heads: "کد رمز", pattern: String.raw`کد\s+(?:تایید|تأیید|یکبار\s+مصرف|ورود)|رمز\s+یکبار\s+مصرف` },
  // codes that open a door, an alarm or a key safe
  {
    kind: "pin",
    heads: "alarm door gate key keysafe lockbox entry building user engineer garage keypad",
    pattern: String.raw`(?:alarm|door|gate|key\s*safe|lock\s*box|entry|building|garage)\s+(?:code|pin)|(?:garage\s+)?keypad(?:\s+(?:code|pin))?(?=\s*(?:is\s+|[:=]\s*)?\d{4,8}\b)|(?:user|engineer)\s+code(?=\s*[:=]?\s*\d{4,8}\b)|key\s*safe(?:\s*\([^)\n]{1,30}\))?(?=\s*[:=]\s*\d{3,8})`,
  },
  // a code received by text, as other languages name it ("Код из СМС", "doğrulama kodu", "code reçu par SMS", "kod SMS", "رمز التحقق", "κωδικός SMS")
  {
    kind: "otp",
    heads: "код kod kodu doğrulama dogrulama code codice código codigo رمز ورمز κωδικός mã",
    pattern:
      String.raw`код\s+(?:из\s+)?(?:смс|sms)|kod\s+(?:sms|z\s+sms|weryfikacyjny)|(?:sms\s+ile\s+gelen\s+)?do[ğg]rulama\s+kodu|code\s+(?:re[çc]u\s+par\s+sms|sms|de\s+v[ée]rification)|codice\s+(?:sms|di\s+verifica)|c[óo]digo\s+(?:sms|de\s+verifica[çc][ãa]o|de\s+verificaci[óo]n)|و?رمز\s+(?:التحقق|التأكيد)|κωδικός\s+sms|mã\s+(?:otp|xác\s+thực)`,
  },
  ...CARD_NUMBER_RULES,
  // an account at a bank named right before it ("Monzo account 47111477", "Barclays savings, account 87337810", "RBC
  // savings account 3591640"): read as an account beside a sort code is, 6 digits or more
  {
    kind: "sort_code_account",
    heads: "barclays monzo santander hsbc lloyds natwest halifax nationwide starling revolut rbc td chase citi anz westpac commbank nab bbva ing gtbank zenith uba sbi hdfc icici axis",
    pattern: String.raw`(?:barclays|monzo|santander|hsbc|lloyds|natwest|halifax|nationwide|starling|revolut|rbc|td|chase|citi|anz|westpac|commbank|nab|bbva|ing|gtbank|zenith|uba|sbi|hdfc|icici|axis)(?:\s+(?:savings|current|checking|chequing|bank))?,?\s+(?:account|acct|a\/c)?(?=\s*[:#]?\s*\d{7,12}(?![\d-]))`,
  },
  { kind: "sort_code_account", heads: "savings checking chequing", pattern: String.raw`(?:savings|checking|chequing)\s+account(?=\s*[:#]?\s*\d{6,12}(?![\d-]))` },
  // Argentina's CBU and CVU, Chile's Cuenta RUT, a Japanese ordinary or current account after its branch ("普通 3847120")
  { kind: "bank_account", heads: "cbu cvu", pattern: String.raw`cbu|cvu` },
  // an account's number in Japanese, Vietnamese, Russian and Korean ("口座番号：8712139", "STK 9212634348115", "р/с 4081…", "계좌번호")
  // a Korean bank's name, then the account ("신한은행 110-279-974739")
  { kind: "sort_code_account", heads: "신한은행 국민은행 kb국민은행 우리은행 하나은행 농협 농협은행 기업은행 카카오뱅크 토스뱅크 케이뱅크 부산은행 대구은행 새마을금고 우체국", pattern: String.raw`(?:kb)?(?:신한|국민|우리|하나|농협|기업|부산|대구)(?:은행)?|카카오뱅크|토스뱅크|케이뱅크|새마을금고|우체국(?=\s*\d)` },
  { kind: "bank_account", heads: "口座番号 số stk р расчетный расчётный номер 계좌 계좌번호", pattern: String.raw`口座番号|số\s+t[àa]i\s+kho[ảa]n|stk|р\/с|расч[её]тн\S*\s+сч[её]т|номер\s+сч[её]та|계좌(?:번호)?` },
  { kind: "sort_code_account", heads: "cuenta 普通 当座", pattern: String.raw`cuenta\s+rut|(?:普通|当座)(?:預金)?(?=\s*(?:口座)?\s*\d{7}(?!\d))` },
  // bank accounts by other names ("khata sankhya", "conto corrente n.", "rekeningnummer", Indonesian "no rek", "RIB"), "acc" before its number, savings named bare
  {
    kind: "bank_account",
    heads: "khata conto rekeningnummer rekening rek rib acc savings",
    pattern:
      String.raw`khata(?:\s+(?:sankhya|number|no\.?))?|conto(?:\s+corrente)?(?:\s+(?:n[.º°]?|numero|nr\.?))?|rekening(?:nummer)?|(?<=\b(?:no|nomor)\.?\s?)rek(?:ening)?|rib(?=\s*[:#]?\s*\d{5})|` +
      String.raw`acc(?=\s*[:#-]?\s*\d{8,})|savings(?=\s+(?:a\/c\s+)?\d{8,})`,
  },
  // a Wi-Fi key is a password
  { kind: "password", heads: "wifi wi wlan network", pattern: String.raw`(?:wi-?fi|wlan|network)\s+(?:key|password|pass)` },
  // passports and travel documents
  {
    kind: "passport",
    heads: "pp travel 护照号码 护照号 护照 nomor paspor αριθμός διαβατήριο διαβατηρίου",
    pattern: String.raw`pp\s*(?:#|no\.?|nr\.?|num\.?|number)|travel\s+document(?:\s+(?:number|no\.?|#))?|护照(?:号码|号)?|(?:nomor\s+)?paspor|(?:αριθμός\s+)?διαβατηρίου|διαβατήριο`,
  },
  // identity numbers by other countries' names and abbreviations
  { kind: "aadhaar", heads: "uid", pattern: String.raw`uid(?:\s+(?:no\.?|number))?(?=\s*(?:(?:is|:|#)\s*)?\d{4}[ .-]?\d{4}[ .-]?\d{4}(?!\d))` },
  { kind: "ssn", heads: "social", pattern: String.raw`social(?=(?:\s+(?:is|was|:|#|no\.?)|,?\s+it['’]?s)\s*\d{3}[ .-]?\d{2}[ .-]?\d{4}(?!\d))` },
  {
    kind: "id_document",
    heads: "cf ausweis ausweisnummer burgerservicenummer c documento document 身份证号码 身份证号 身份证 ic ni pers personnr rut run voter epic",
    pattern:
      String.raw`cf(?=\s*(?:è|e|is|:)?\s*[A-Za-z]{6}\d{2})|ausweis(?:-?nr\.?|nummer)?|burgerservicenummer|c\.\s?p\.\s?f\.|c\.\s?f\.|documento(?:\s+(?:de\s+identidad|n[uú]mero|no\.?|nro\.?))?|document\s+(?:number|no\.?|nr\.?|#)|身份证(?:号码|号)?|` +
      String.raw`ic(?=\s*(?:no\.?|number|#|:)?\s*\d{6}-?\d{2}-?\d{4}(?!\d))(?:\s*(?:no\.?|number|#))?|ni(?=\s+(?:is|was|:)\s+[A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-Da-d])|pers\.?\s*nr\.?|personnr|` +
      String.raw`(?:rut|run)(?=\s*[:#]?\s*\d{1,2}\.?\d{3}\.?\d{3}-[\dkK])|voter\s+id(?:\s+(?:card|number|no\.?))?|epic\s+(?:no\.?|number)`,
  },
  // identity documents by the names of many more countries, and driving licences (vocabulary-ids.ts)
  ...ID_DOCUMENT_RULES,
  // passwords as more languages name them (Turkish, Indonesian, the Nordic languages, Russian, Czech, Hungarian)
  {
    kind: "password",
    heads: "şifre şifrem şifreniz şifresi sifre sifrem sifresi kata salasanalla salasanan lösenord lösenordet losenord passord passordet adgangskode adgangskoden salasana salasanani пароль пароля heslo jelszó jelszavam",
    pattern: String.raw`[şs]ifre(?:m|niz|n|si)?|kata\s+sandi(?:\s+saya)?|l[öo]senord(?:et)?(?:\s+mitt)?|passord(?:et)?(?:\s+mitt)?|adgangskode(?:n)?(?:\s+min)?|salasana(?:ni|lla|n)?(?:\s+on)?|пароль|пароля|heslo(?:\s+je)?|jelsz[óo](?:m|t)?|jelszavam`,
  },
  // a Wi-Fi key by what routers and manuals call it ("WPA2 key:", "PSK", "WLAN-Schlüssel", "mot de passe wifi")
  {
    kind: "password",
    heads: "wpa wpa2 psk wlan wlan-netzwerkschlüssel wifi wi router key mot",
    pattern: String.raw`wpa2?(?:[\s-]*psk)?\s+(?:key|password|passphrase)|wpa2?[\s-]*psk|psk(?=\s*[:=]?\s*\S{8,})|(?:wlan|wi-?fi)-?(?:netzwerk)?schl[üu]ssel|(?:router|wi-?fi)\s+key|key\s+on\s+the\s+router(?:\s+sticker)?|mot\s+de\s+passe\s+(?:du\s+)?wi-?fi`,
  },
  // the answers to the usual security questions ("my first pet was called Biscuit", "city I was born in: Tarnów")
  {
    kind: "password",
    heads: "first childhood favourite favorite city town street secret answer apellido geburtsname nom make model",
    pattern:
      String.raw`(?:first|childhood)\s+(?:pet|dog|cat)(?:['’]s\s+name)?|(?:(?:make|model)\s+of\s+(?:my|your)\s+)?first\s+car(?:['’]s\s+(?:make|model))?|first\s+(?:school|job|employer|concert)|(?:childhood\s+)?best\s+friend['’]s\s+name|favou?rite\s+teacher(?:['’]s\s+name)?|(?:city|town|place)\s+(?:i\s+was\s+)?born\s+in|street\s+i\s+grew\s+up\s+on|` +
      String.raw`secret\s+question|answer\s+to\s+['"‘“][^'"’”\n]{3,60}['"’”]|apellido\s+de\s+soltera(?:\s+de\s+mi\s+madre)?|geburtsname\s+meiner\s+mutter|nom\s+de\s+jeune\s+fille(?:\s+de\s+ma\s+m[èe]re)?`,
  },
  // the same questions in Spanish, Portuguese, French, German, Italian, Dutch, Japanese and Russian
  // ("mi primera mascota se llamaba Canela", "ville de naissance de mon père : Besançon", "母の旧姓は佐々木です")
  {
    kind: "password",
    heads: "mi primera primer primero ciudad primeiro primeira nome cidade premier première ville name erste ersten erstes erster geburtsort geburtsstadt mädchenname madchenname primo prima città citta cognome eerste meisjesnaam geboorteplaats 母 最 девичья кличка",
    pattern:
      String.raw`(?:mi\s+)?primer[ao]?\s+(?:mascota|perro|gato|colegio|escuela|coche|auto|profesor[a]?)|ciudad\s+(?:de\s+nacimiento|natal|donde\s+nac[ií])|primeir[ao]\s+(?:animal(?:\s+de\s+estima[çc][ãa]o)?|escola|carro|professor[a]?)|nome\s+de\s+solteira(?:\s+da\s+(?:minha\s+)?m[ãa]e)?|cidade\s+(?:natal|de\s+nascimento|onde\s+nasci)|` +
      String.raw`premi(?:er|[èe]re)\s+(?:animal(?:\s+de\s+compagnie)?|[ée]cole|voiture|chien|chat)|ville\s+(?:de\s+naissance|natale)|(?:name\s+(?:meines|des)\s+)?erste[nsr]?\s+(?:haustier(?:e?s)?|schule|autos?|hund(?:e?s)?|katze|lehrerin|lehrers?)|name\s+der\s+ersten\s+schule|geburts(?:ort|stadt)|m[äa]dchenname(?:\s+(?:meiner|der)\s+mutter)?|` +
      String.raw`prim[oa]\s+(?:animale(?:\s+domestico)?|scuola|auto|cane|gatto)|citt[àa]\s+(?:di\s+nascita|natale)|cognome\s+da\s+nubile(?:\s+di\s+mia\s+madre)?|eerste\s+(?:huisdier|school|auto|hond|kat)|meisjesnaam(?:\s+van\s+(?:mijn|m['’]n)\s+moeder)?|geboorteplaats|母の旧姓|最初のペット(?:の名前)?|девичья\s+фамилия(?:\s+(?:матери|мамы))?|кличка(?:\s+первого)?\s+(?:питомца|собаки|кота)`,
  },
  // a US demand deposit account
  { kind: "sort_code_account", heads: "dda", pattern: String.raw`dda(?:\s+(?:number|no\.?|#))?(?=\s*[:#]?\s*\d{6,17}(?!\d))` },
  // a code by other names ("the magic code in the email", "güvenlik kodu", Arabic "رمز الأمان")
  { kind: "otp", heads: "magic", pattern: String.raw`magic\s+(?:code|link\s+code|number)` },
  // a card's check digits in Danish and Norwegian ("Kontrolcifre: 034", "CVC-kode")
  { kind: "cvv", heads: "kontrolcifre kontrolsiffer kontrollsiffer cvc-kode", pattern: String.raw`kontrolcifre|kontroll?siffer|cvc-kode` },
  { kind: "cvv", heads: "güvenlik guvenlik رمز الرمز والرمز", pattern: String.raw`g[üu]venlik\s+kodu|و?رمز\s+الأمان|(?<=(?:البطاقة|card)[^.!?]{0,80}?)و?الرمز(?:\s+السري)?(?:\s+(?:للبطاقة|البطاقة))?` },
  // Chinese, Japanese and Korean names of secrets (a label written without a space before its value)
  { kind: "password", heads: "密码 密碼 パスワード 비밀번호 암호 비번", pattern: String.raw`密[码碼]|パスワード|비밀번호|암호|비번` },
  // Russian: a code by text ("код подтверждения 3141"), an account ("счёт 40817810920877709835"), the passport for travel abroad
  { kind: "otp", heads: "код", pattern: String.raw`код\s+(?:подтверждения|из\s+(?:смс|sms))` },
  { kind: "bank_account", heads: "счёт счет счёта счета расчётный расчетный", pattern: String.raw`(?:расч[её]тный\s+)?сч[её]т(?:а)?(?:\s+(?:получателя|отправителя|клиента))?(?=\s*(?:№|n|no\.?|:)?\s*\d{20}(?!\d))` },
  { kind: "passport", heads: "загранпаспорт", pattern: String.raw`загранпаспорт(?:а)?` },
  // Romanian ("parola mea este …", "parola WiFi: …", "parola de admin a routerului: …"), Hebrew ("הסיסמה היא …")
  { kind: "password", heads: "parola parolă סיסמה הסיסמה סיסמא הסיסמא", pattern: String.raw`parol[aă](?:\s+(?:mea|wi-?fi|de\s+admin(?:\s+a\s+routerului)?))?|ה?סיסמ[הא]` },
  // Vietnamese, Greek
  { kind: "password", heads: "mật κωδικός κωδικό κωδικοί", pattern: String.raw`mật\s+khẩu|κωδικ(?:ός|ό|οί)(?:\s+πρόσβασης)?` },
  // Arabic ("كلمة المرور", "كلمة السر"), "and" written onto the word ("وكلمة المرور")
  { kind: "password", heads: "كلمة وكلمة الرقم والرقم", pattern: String.raw`و?كلمة\s+(?:المرور|السر|سر(?:\s+الواي\s*فاي)?)|و?الرقم\s+السري` },
  { kind: "otp", heads: "验证码 驗證碼 認証コード 確認コード 認証番号 인증번호 인증", pattern: String.raw`[验驗][证證][码碼]|認証(?:コード|番号)|確認コード|인증\s*(?:번호|코드)` },
  { kind: "cvv", heads: "安全码 安全碼 セキュリティコード 보안코드 보안 背面三位 背面 卡背", pattern: String.raw`安全[码碼]|セキュリティ\s*コード|보안\s*코드|(?:卡)?背面(?:的)?(?:三|3)位(?:数字|數字|数|數|码|碼)?` },
  { kind: "id_document", heads: "マイナンバー 個人番号 주민등록번호 주민번호 身分證", pattern: String.raw`マイナンバー|個人番号|주민(?:등록)?번호|身分[證证](?:字號|号码)?` },
  { kind: "passport", heads: "パスポート 여권", pattern: String.raw`パスポート(?:番号)?|여권(?:\s*번호)?` },
  { kind: "bank_account", heads: "账号 帳號 银行账号 銀行帳號 口座番号 계좌번호 계좌", pattern: String.raw`(?:[银銀]行)?[账帳][号號]|口座番号|계좌\s*번호` },
];

/** The labels of a security question's answer, after which a name is the answer however it is introduced. */
export const SECURITY_ANSWER = /maiden|pet|dog|cat|car|school|job|employer|concert|teacher|friend|born|street|question|answer|memorable|apellido|geburtsname|jeune|mascota|primer|primo|prima|primeir|premi|ciudad|cidade|ville|citt|erste|geburts|mädchen|madchen|solteira|naissance|natal|nascita|nubile|huisdier|meisjes|geboorte|旧姓|ペット|девичья|кличка/i;
