// Secrets in structured text pasted into a message: JSON ("password": "M6OZ4jQ92h"), a
// connection string or an environment file (AccountKey=…;, DB_PASSWORD=…), a query string.
// The key names the value, whatever the value looks like; a key that names no secret leaves it.
import { PRIORITY, type Candidate, type PiiType } from "./pii-types";
import { quickTest } from "../pair-guard";

/** Keys, lower-cased with "_", "-", "." and spaces removed, and what their values are. */
const KEY_TYPES: Record<string, PiiType> = {};
const keys = (type: PiiType, names: string) => names.split(" ").forEach((k) => (KEY_TYPES[k] = type));
keys("password", "wpapassphrase psk wpakey wifikey wifipassword guestpsk mothersmaidenname maidenname securityanswer memorableword password passwd pwd pass passphrase passcode secret clientsecret apisecret appsecret accountkey sharedaccesskey privatekey dbpassword userpassword adminpassword newpassword oldpassword currentpassword");
keys("api_key", "apikey apitoken token accesstoken refreshtoken authtoken sessiontoken idtoken secretkey secretaccesskey bearertoken");
keys("passport", "passport passportno passportnumber passportnum passportid");
keys("national_id", "nationalid nationalidnumber idnumber idno taxid tin nric dni nie cpf curp bsn nino ninumber personnummer codicefiscale");
keys("national_id", "hetu mynumber individualnumber pesel cpr nin bvn nik ktp sin tfn sss sssno philsys medicare medicarenumber driverslicense driverlicense licenseno licenceno dl");
keys("national_id", "cnp egn oib jmbg emso kennitala isikukood cuil cuit rut cin curp rfc");
keys("ssn", "ssn socialsecuritynumber");
keys("aadhaar", "aadhaar aadhar aadhaarnumber");
keys("bank_account", "accountnumber accountno acctno acctnumber bankaccount bankaccountnumber clabe clabecobro cbu cvu");
keys("iban", "iban");
keys("card_number", "cardnumber ccnumber creditcard creditcardnumber cardno");
// (OpenTravel's hotel and airline messages call the card's code "SeriesCode")
keys("cvv", "cvv cvc cvv2 cvc2 securitycode seriescode");
keys("pin", "pin pincode cardpin");
keys("otp", "otp onetimepassword verificationcode");

// "key": "value" (JSON, either quotes), key=value or key: value up to ";", "&", a space or a quote.
const QUOTED = /(["'])([A-Za-z][\w.-]{0,40}(?: [\w.-]{1,20}){0,3})\1\s*:\s*(["'])([^"'\n]{1,300})\3/g;
/** A quoted key before a colon: most messages have none, and apostrophes are everywhere. */
const QUOTED_KEY = /["']\s*:/;
// (an INI file's "key = value" too)
const ASSIGNED = /(?<![\p{L}\p{N}_])([A-Za-z][\w.-]{1,40})(?:=|[ \t]+=[ \t]+)(?!["'\s])([^\s;&"',]{1,300})/gu;
const PHP_DEFINE = /define\(\s*(?:'([A-Z][A-Z0-9_]{1,40})'|"([A-Z][A-Z0-9_]{1,40})")\s*,\s*['"]([^'"\n]{4,200})['"]\s*\)/g;
const XML_ELEMENT = /<([A-Za-z][\w.-]{1,40})>([^<\n]{3,200})<\/\1>/g;
// (and attributes, an element's or a log line's: <PaymentCard CardNumber="…" SeriesCode="236" ExpireDate="0826">)
const ATTRIBUTE = /(?<=\s)([A-Za-z][\w.-]{1,40})="([^"<>\n]{3,200})"/g;
// (a value in quotes too, which may hold spaces: drivers_license: "TX 85013694")
const YAML_LINE = /^[ \t-]*([A-Za-z][\w.-]{1,40}):[ \t]+(?:"([^"\n]{1,200})"|'([^'\n]{1,200})'|([^\s#"'][^\s#]{0,200}))[ \t]*$/gm;
const normal = (key: string) => key.toLowerCase().replace(/[\s_.-]+/g, "");
/** Not a value: a placeholder or a value already removed. */
// nothing, or a placeholder for the value ("${DB_PASSWORD}", "{{secret}}", "<your-key>", "%PASSWORD%")
const EMPTY = /^(?:\*+|x+|null|none|undefined|true|false|-|\.\.\.|…|\[REDACTED.*|\$\{[^}]*\}|\{\{[^}]*\}\}|<[\w -]*>?|%\w+%|\(.*)$/i;
/** The name of a variable that holds the value ("secretKey: DB_PASSWORD"), not the value. */
const VARIABLE_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/**
 * A key not in the table, by how it ends ("DD_APP_KEY", "PUSHER_APP_SECRET", "SigningKey",
 * "STRIPE_WEBHOOK_TOKEN", "smtpPassword"): a password's or a key's, when the value is long and
 * mixes letters and digits as keys do (an id, a name or a number stays).
 */
function typeBySuffix(key: string, value: string): PiiType | undefined {
  if (NOT_A_SECRET_KEY.test(key)) return undefined;
  if (/(?:password|passwd|pwd)$/.test(key)) return "password";
  if (/pin$/.test(key)) return /^\d{4,8}$/.test(value) ? "pin" : undefined;
  // an expiry by its shape, a form's slash encoded too ("exp=12%2F27"; a token's "exp": 1767225600 is not one)
  // (or year then month, as gateways' XML and ISO 8583 write it: "<ExpiryDate>3008</ExpiryDate>")
  if (/(?:^|card|cc)(?:expiry|expiration|expire|exp)(?:date)?$|^validthru$/.test(key)) return /^(?:0[1-9]|1[0-2])(?:\/|%2f)?(?:20)?\d{2}$|^[2-9]\d(?:0[1-9]|1[0-2])$/i.test(value) ? "card_expiry" : undefined;
  // its month and year apart ("exp_month": "11", "exp_year": "2029", "cc_exp_yy")
  if (/(?:^|card|cc)exp(?:iry|iration)?(?:month|mm)$/.test(key)) return /^(?:0?[1-9]|1[0-2])$/.test(value) ? "card_expiry" : undefined;
  if (/(?:^|card|cc)exp(?:iry|iration)?(?:year|yy|yyyy)$/.test(key)) return /^(?:20)?\d{2}$/.test(value) ? "card_expiry" : undefined;
  // a card's fields by how a form names them ("cc_number=…", "cc_cvv=188", "card_cvc")
  if (/(?:card|cc)(?:number|num|no)$/.test(key)) return /^\d{12,19}$/.test(value) ? "card_number" : undefined;
  if (/(?:card|cc)(?:cvv2?|cvc2?|cid|csc)$/.test(key)) return /^\d{3,4}$/.test(value) ? "cvv" : undefined;
  // a field whose name ends in an identity document's ("applicant_ssn", "holderNationalId"), when the value is one's shape
  const document = /(ssn|socialsecurity(?:number|no)?|nationalid(?:number|no)?|taxid|passport(?:number|no)?)$/.exec(key)?.[1];
  if (document) return /^[A-Za-z0-9 ./-]{6,24}$/.test(value) && /\d{4}/.test(value) ? (document.startsWith("passport") ? "passport" : document === "ssn" || document.startsWith("social") ? "ssn" : "national_id") : undefined;
  if (!/(?:secret|secretkey|signingkey|apikey|appkey|accesskey|token|pat|key)$/.test(key)) return undefined;
  return value.length >= 16 && /\d/.test(value) && /[A-Za-z]/.test(value) ? "api_key" : undefined;
}
const NOT_A_SECRET_KEY = /(?:public|publishable|pub)key$|^(?:primary|foreign|sort|partition|idempotency|cache|object|s3|map|hot|license|product|registry|api)key$|keyid$|keyname$|tokenurl$|tokentype$|tokenexpir/;

function take(out: Candidate[], key: string, value: string, end: number): void {
  const type = KEY_TYPES[normal(key)] ?? typeBySuffix(normal(key), value.trim());
  if (!type || EMPTY.test(value.trim()) || VARIABLE_NAME.test(value.trim())) return;
  out.push({ start: end - value.length, end, type, priority: PRIORITY.labelled + 1 });
}

export function findStructuredValues(text: string): Candidate[] {
  const out: Candidate[] = [];
  if ((text.includes('"') || text.includes("'")) && quickTest(QUOTED_KEY, text)) for (const m of text.matchAll(QUOTED)) take(out, m[2]!, m[4]!, m.index + m[0].length - 1);
  if (text.includes("=")) for (const m of text.matchAll(ASSIGNED)) take(out, m[1]!, m[2]!, m.index + m[0].length);
  // PHP's define( 'AUTH_KEY', '…' )
  if (text.includes("define(")) for (const m of text.matchAll(PHP_DEFINE)) take(out, m[1]!, m[3]!, m.index + m[0].length - m[0].length + m[0].lastIndexOf(m[3]!) + m[3]!.length);
  // XML elements ("<cnp>1851227333978</cnp>")
  if (text.includes("</")) for (const m of text.matchAll(XML_ELEMENT)) take(out, m[1]!, m[2]!, m.index + m[0].length - m[1]!.length - 3);
  if (text.includes('="')) for (const m of text.matchAll(ATTRIBUTE)) take(out, m[1]!, m[2]!, m.index + m[0].length - 1);
  // YAML and form lines, one setting a line ("existing_card_expiry: 0928", "  api_token: …")
  // (not "Pin:" on a form: in an address it is a postal PIN code, which labelled.ts tells apart)
  if (text.includes(":\x20") && text.includes("\n")) {
    for (const m of text.matchAll(YAML_LINE)) {
      if (/^pin(?:code)?$/.test(normal(m[1]!))) continue;
      const value = m[2] ?? m[3] ?? m[4]!;
      const end = m.index + m[0].trimEnd().length - (m[4] === undefined ? 1 : 0);
      take(out, m[1]!, value, end);
    }
  }
  return out;
}
