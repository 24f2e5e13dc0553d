// Who the customer says they are: name (self-introduction or sign-off), tier, how long they
// have been a customer, a non-sensitive account reference. Customer messages only; a name
// the agent used for themself is never taken. What the caller already knows of the customer
// (add metadata: customer_name, customer_company, channel) goes in as given and wins.
import type { AddMetadata, Extraction } from "../types";
import { fold, stripRedactions } from "./text";

// One to three capitalised words on one line, an initial allowed ("R. Venkataraman").
const NAME = String.raw`((?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?[ \t]+)?(?:\p{Lu}\.[ \t]?)?[\p{Lu}][\p{L}'\u2019-]+(?:[ \t]+(?:\p{Lu}\.[ \t]?)?[\p{Lu}][\p{L}'\u2019-]+){0,2})`;
const INTRODUCTIONS: RegExp[] = [
  new RegExp(String.raw`\b(?:[Mm]y name is|[Mm]y name's|[Mm]y name:|[Tt]his is|I'?m|I am|[Mm]e llamo|[Mm]i nombre es|[Jj]e m'appelle|[Jj]e suis|[Ii]ch hei(?:ss|ß)e|[Mm]ein [Nn]ame ist|[Mm]eu nome (?:e|é)|[Mm]era naam|[Mm]y self|[Mm]yself)\s+${NAME}`, "u"),
  new RegExp(String.raw`^\s*(?:(?:[Hh]i|[Hh]ello|[Hh]ey)[,!]?\s+)?${NAME}\s+here\b`, "u"),
];
// What a signature block may hold under the name: a title, a company, a phone (short lines).
const SIGNATURE_LINES = String.raw`(?:[ \t]*\n[ \t]*[^\n]{1,60}){0,3}`;
const SIGN_OFF = new RegExp(
  String.raw`(?:^|\n|[.!?]\s+)(?:[Tt]hanks|[Tt]hank you|[Mm]any thanks|[Rr]egards|[Kk]ind regards|[Bb]est regards|[Ww]arm regards|[Bb]est|[Cc]heers|[Ss]incerely|[Yy]ours(?: sincerely| faithfully| truly)?|[Tt]hx|[Gg]racias|[Mm]erci|[Dd]anke|[Oo]brigad[oa]|[Ss]aludos|[Cc]ordialement|[Bb]est wishes|[Aa]ll the best|[Tt]hanks (?:again|in advance)|[Rr]gds|[Mm]it freundlichen [Gg]r(?:ü|ue)(?:ß|ss)en|(?:[Vv]iele|[Ll]iebe|[Bb]este|[Ff]reundliche) [Gg]r(?:ü|ue)(?:ß|ss)e|[Gg]r(?:ü|ue)(?:ß|ss)e|[Bb]ien (?:à|a) vous|[Aa]tenciosamente|[Aa]bra(?:ç|c)os|[Uu]n saludo|[Ss]aludos cordiales|[Aa]tentamente|[Cc]ordiali saluti|[Dd]istinti saluti|[Ss]aluti)\s*(?:,\s*|[.!]?\s*\n\s*)[-\u2013\u2014]?\s*${NAME}[ \t]*[.!]?(?:[ \t]*[,|\u2013\u2014-][ \t]*[^\n]{1,60})?${SIGNATURE_LINES}\s*$`,
  "u",
);
const DASH_SIGNATURE = new RegExp(String.raw`\n\s*[-\u2013\u2014]{1,2}\s*${NAME}\s*$`, "u");

// Capitalised words that follow "I'm" / "This is" but are not names.
const NOT_NAME = new Set(
  (
    "still not very so really just also sorry trying writing contacting here back done happy unable a an the from in on at with going getting " +
    "having having facing waiting urgent ridiculous unacceptable absolutely extremely totally completely disappointed frustrated angry " +
    "upset tired fed sick confused new unhappy annoyed really quite pretty currently now again unable reaching following hoping looking " +
    "sure glad afraid concerned worried calling emailing messaging travelling traveling stuck locked your our their my his her this that " +
    "it what why when where who how please thanks thank regarding re about indian british american canadian australian german french " +
    "spanish brazilian mexican nigerian kenyan pakistani filipino italian dutch irish customer client member user admin manager owner " +
    "team support sir madam monday tuesday wednesday thursday friday saturday sunday january february march april may june july august " +
    "september october november december ok okay yes no hi hello hey dear gold premium platinum enterprise vip sending attaching " +
    "unable based located living staying trying ready about able being not literally seriously honestly basically actually"
  ).split(/\s+/),
);

function cleanName(raw: string | undefined, agentNames: Set<string>): string | undefined {
  if (!raw) return undefined;
  const words = raw.trim().split(/\s+/);
  while (words.length > 0 && NOT_NAME.has(fold(words[words.length - 1]!))) words.pop();
  if (words.length === 0 || NOT_NAME.has(fold(words[0]!))) return undefined;
  const name = words.join(" ").replace(/[.,!]+$/, "");
  if (name.length < 2 || name.length > 60 || /\d/.test(name) || name === name.toUpperCase()) return undefined;
  if (agentNames.has(fold(words[words.length - 1]!)) || agentNames.has(fold(words[0]!))) return undefined;
  return name;
}

/** Names the agent gave for themself ("I'm Maria from support"), so a "Thanks, Maria" is not taken for the customer. */
export function agentNamesIn(agentTexts: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of agentTexts) {
    for (const re of INTRODUCTIONS) {
      const m = re.exec(t);
      if (m?.[1]) for (const w of m[1].split(/\s+/)) out.add(fold(w));
    }
    const sig = SIGN_OFF.exec(t) ?? DASH_SIGNATURE.exec(t);
    if (sig?.[1]) for (const w of sig[1].split(/\s+/)) out.add(fold(w));
  }
  return out;
}

const STRONG_TIER = "gold|platinum|silver|bronze|diamond|premium|premier|vip|elite|prime|enterprise|priority|infinite|sapphire|titanium|black";
const TIER = new RegExp(
  String.raw`\b(?:(${STRONG_TIER})\s+(?:member|customer|tier|account|client|card ?holder|card ?member|status|level|subscriber|user|plan|membership)|(plus|business|pro|signature|executive|world elite|reserve)\s+(?:member|tier|status|level|membership))\b`,
  "i",
);
/** A tier asked for is not the customer's ("upgrade from Pro to the Enterprise plan", "how much is Gold membership"). */
const TIER_WANTED = /\b(?:how much|what does|upgrad\w*|downgrad\w*|mov\w*|switch\w*|chang\w*|go(?:ing)?|interested in|consider\w*|pric\w*|cost\w*|buy\w*|purchas\w*|join\w*|get|apply\w*)(?:\s+\S+){0,4}?\s+(?:to|into|in|for|of|on|up)?\s*(?:the |an? |your )?$/i;
const PLAN_TIER = /\b(?:we'?re|we are|i'?m|i am|our (?:company|team|org\w*) is|(?:we|i) have)\s+(?:on|with|using)?\s*(?:the |an? )?(enterprise|premium|business|professional|pro|platinum|gold|ultimate|scale|elite|vip)\s+(?:plan|tier|package|subscription|account|edition)\b/i;
const VIP = /\b(?:i am|i'?m|we are|we'?re)\s+(?:a |an )?(?:vip|high.value|key account|priority)\b/i;

const NUM_WORDS = "\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a decade|a few|several|many|over a decade";
const SINCE = new RegExp(
  String.raw`\b(?:customers?|members?|clients?|users?|subscribers?|been with you|(?:banked|banking|shopped|shopping|flown|flying|stayed|staying) with you|with you guys|with your (?:bank|company|service|network|airline|platform)|loyal customer|using (?:your|this) (?:service|app|product|platform)|on your network)\b[^.!?]{0,25}?\b(?:for|since|over)\s+((?:over |more than |almost |nearly |about )?(?:${NUM_WORDS})\+?\s+(?:years?|yrs|months?|decades?)|(?:19|20)\d\d|(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\w*\.? (?:19|20)\d\d)\b`,
  "i",
);
const SINCE_YEAR = /\b(?:(?:i'?ve|i have|we'?ve|we have) been (?:a |an )?(?:customers?|members?|clients?|users?|subscribers?|with you)|customers?|members?|clients?)\s+since\s+((?:19|20)\d\d)\b/i;

const ACCOUNT_REF = /\b(account|customer|client|member(?:ship)?|subscriber|user|consumer|loyalty|cust)\s*(?:id|number|no\.?|nr|#|ref(?:erence)?|code)\s*(?:is|:|-|#)?\s*#?([A-Za-z0-9][A-Za-z0-9-]{3,24})\b/i;
const ACCOUNT_CODE = /\b[Aa]ccount\s+#?([A-Z]{1,5}-?\d{3,12})\b/;

/** Up to four capitalised words, `gap` between them. */
const orgWords = (gap: string): string => String.raw`[\p{Lu}\d][\p{L}\d&'’-]*(?:${gap}+(?:&${gap}+)?[\p{Lu}\d][\p{L}\d&'’-]*){0,3}`;
const ORG_NAME = orgWords(String.raw`\s`);
/** The same on one line (a signature's). */
const ORG_ON_LINE = orgWords(String.raw`[ \t]`);
/**
 * The company the customer says they write for: after "I work at/for" or "our company(,)", or
 * after "from" or "on behalf of" when the name carries a company form ("from Acme Corp", "on
 * behalf of Initech Ltd"), or on a line of its own in a signature; "from London" is a place
 * and "on behalf of John Smith" a person.
 */
const COMPANY_FORM = String.raw`(?:Inc|Incorporated|Ltd|Limited|LLC|LLP|GmbH|AG|Corp|Corporation|Co|Company|plc|PLC|S\.?A|S\.?L|B\.?V|N\.?V|Pty|SAS|SARL|S\.?p\.?A|Oy|AB|AS|KK|Pvt)\.?`;
const COMPANY = [
  new RegExp(String.raw`\b(?:I|we) work (?:at|for)\s+(${ORG_NAME})`, "u"),
  new RegExp(String.raw`\b[Oo]n behalf of\s+(${ORG_NAME}\s+${COMPANY_FORM})(?![\p{L}])`, "u"),
  new RegExp(String.raw`\b(?:[Oo]ur|[Mm]y) (?:company|organi[sz]ation|business|firm|employer)(?: is|,| called| named)?\s+(${ORG_NAME})`, "u"),
  new RegExp(String.raw`\bfrom\s+(${ORG_NAME}\s+${COMPANY_FORM})(?![\p{L}])`, "u"),
  // "Company: Blue Fern Ltd", "Company name - Blue Fern"
  new RegExp(String.raw`\b[Cc]ompany(?: name)?[ \t]*[:\u2013\u2014-][ \t]*(${ORG_ON_LINE})`, "u"),
  // a signature's line ("Head of Operations, Brightline Ltd", "Brightline Ltd")
  new RegExp(String.raw`\n[ \t]*(?:[^\n,]{1,40},[ \t]*)?(${ORG_ON_LINE}[ \t]+${COMPANY_FORM})[ \t]*(?:\n|$)`, "u"),
];
const NOT_COMPANY = /^(?:I|We|The|A|An|It|This|That|Our|My|Your|Home|Support|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

function companyIn(text: string): string | undefined {
  for (const re of COMPANY) {
    const m = re.exec(text)?.[1]?.replace(/[.,;:]+$/, "");
    if (!m || NOT_COMPANY.test(m.split(/\s+/)[0]!) || m.length > 80) continue;
    return m;
  }
  return undefined;
}

function accountRef(text: string): string | undefined {
  const m = ACCOUNT_REF.exec(text);
  if (m) {
    const keyword = m[1]!.toLowerCase();
    const token = m[2]!;
    if (/\d/.test(token)) {
      const digitsOnly = /^\d+$/.test(token);
      // A bare number after "account" may be a bank account: never kept. A customer or member number is fine.
      if (!digitsOnly) return token;
      if (keyword !== "account" && token.length <= 12) return token;
    }
  }
  return ACCOUNT_CODE.exec(text)?.[1];
}

export function findIdentity(customerTexts: string[], agentTexts: string[]): Extraction["customer_identity"] {
  const out: Extraction["customer_identity"] = {};
  const agents = agentNamesIn(agentTexts);
  for (const raw of customerTexts) {
    const text = stripRedactions(raw);
    if (!out.name) {
      for (const re of INTRODUCTIONS) {
        const name = cleanName(re.exec(text)?.[1], agents);
        if (name) {
          out.name = name;
          break;
        }
      }
    }
    if (!out.name) out.name = cleanName((SIGN_OFF.exec(text.trimEnd()) ?? DASH_SIGNATURE.exec(text.trimEnd()))?.[1], agents);
    if (!out.tier) {
      const found = TIER.exec(text);
      const t = found && !TIER_WANTED.test(text.slice(Math.max(0, found.index - 40), found.index)) ? found : null;
      const p = PLAN_TIER.exec(text);
      const word = t?.[1] ?? t?.[2] ?? p?.[1] ?? (VIP.test(text) ? "VIP" : undefined);
      if (word) out.tier = /^(?:vip)$/i.test(word) ? "VIP" : word[0]!.toUpperCase() + word.slice(1).toLowerCase();
    }
    if (!out.customer_since) {
      const s = SINCE.exec(text) ?? SINCE_YEAR.exec(text);
      if (s?.[1]) out.customer_since = s[1].replace(/\s+/g, " ");
    }
    if (!out.account_ref) out.account_ref = accountRef(text);
    if (!out.company) out.company = companyIn(text);
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

const KNOWN_FIELDS = { customer_name: "name", customer_company: "company", channel: "channel" } as const;

/** One line of display text from metadata, or undefined (an id or a secret has no business here). */
function metadataText(value: unknown, max: number): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = stripRedactions(value).replace(/\s+/g, " ").trim();
  return text && !text.includes("\u2026") && text.length <= max ? text : undefined;
}

/**
 * The caller's facts about the customer laid over what the text said: a name the caller's
 * system holds is the customer's record, a sign-off ("Thanks, J.") is not.
 */
export function withKnownIdentity(found: Extraction["customer_identity"], metadata: AddMetadata): Extraction["customer_identity"] {
  const out = { ...found };
  for (const [key, field] of Object.entries(KNOWN_FIELDS)) {
    const value = metadataText(metadata[key], field === "channel" ? 40 : 120);
    if (value) out[field] = value;
  }
  return out;
}
