// The customer's mood in these messages and any threat to escalate (its words are in
// threat-phrases.ts). Mood is a reading of this batch only: whether it becomes a trait is
// merge.ts's decision, not ours.
import type { Mood } from "../types";
import { RULE_FRAGMENTS } from "./issue-rules";
import { clauseAround } from "./risk-evidence";
import { RequiredTextIndex, requiredTextOf } from "../required-text";
import { negatedAt } from "./text";
import { CHURN, CUE, THREATS, type ThreatKind } from "./threat-phrases";

export type { ThreatKind };
export type Threat = { kind: ThreatKind; text: string; messageIndex: number };

const rx = (parts: string[], flags = ""): RegExp => new RegExp(parts.join("|"), flags);

const ANGRY = rx([
  String.raw`\b(?:unacceptable|ridiculous|outrageous|disgusting|disgraceful|disgrace|pathetic|useless|furious|fuming|livid|incompetent|incompetence|shameful|scandalous|appalling|atrocious|insane)\b`,
  String.raw`\bworst (?:service|company|experience|bank|airline|support|provider|app|platform|customer service)\b`,
  String.raw`\babsolute(?:ly)? (?:joke|shambles|disgrace|nightmare|rubbish|garbage)\b`, String.raw`\b(?:this is|what) a joke\b`,
  String.raw`\bjoke of a\b`, String.raw`\bfed up\b`, String.raw`\bsick (?:and tired )?of\b`, String.raw`\bhad enough\b`,
  String.raw`\benough is enough\b`, String.raw`\bhow dare\b`, String.raw`\b(?:daylight )?robbery\b`, String.raw`\bthieves\b`,
  String.raw`\bcheat(?:ed|ers|ing)?\b`, String.raw`\blied to\b`, String.raw`\bliars?\b`, String.raw`\bbullshit\b`, String.raw`\bwtf\b`,
  String.raw`\bf\*+k?\b`, String.raw`\bfuck\w*`, String.raw`\bshit\w*`, String.raw`\bdamn\b`, String.raw`\bcrap\b`, String.raw`\bbloody\b`,
  String.raw`\bscrew (?:you|this)\b`, String.raw`\bthanks for nothing\b`, String.raw`\byou people\b`, String.raw`\bstole my money\b`,
  String.raw`\bbeyond (?:frustrat\w*|annoy\w*|angry)\b`, String.raw`\b(?:so|very|really|extremely) angry\b`, String.raw`\bangry\b`,
  String.raw`\b(?:inaceptable|inadmissible|verguenza|sinverguenza|inacceptable|scandaleux|unverschamt|frechheit|vergogna|inaccettabile|absurdo|ridiculo|bakwas|bekaar|ghatiya|bakwaas)\b`,
], "g");
const FRUSTRATED = rx([
  String.raw`\bfrustrat\w*`, String.raw`\bannoy\w*`, String.raw`\bdisappoint\w*`, String.raw`\bupset\b`, String.raw`\bunhappy\b`,
  String.raw`\bnot (?:happy|impressed|good enough|acceptable|okay|ok)\b`, String.raw`\b(?:second|2nd|third|3rd|fourth|4th|fifth|5th|tenth) time\b`,
  String.raw`\byet again\b`, String.raw`\bonce again\b`, String.raw`\bagain and again\b`, String.raw`\bover and over\b`,
  String.raw`\bkeep (?:getting|being|having)\b`, String.raw`\bstill (?:not|no|waiting|haven'?t|hasn'?t|broken|nothing)\b`,
  String.raw`\bhow many (?:more )?times\b`, String.raw`\bbeen waiting\b`,
  String.raw`\bwaiting (?:for|since) (?:over )?(?:\d+|two|three|four|five|several|many|a|almost|nearly) (?:\w+ )?(?:days?|weeks?|months?|hours?)\b`,
  String.raw`\b(?:no ?one|nobody) (?:has |is )?(?:replied|responded|helped|cares|answer\w*|called|got back)\b`, String.raw`\bseriously\b`,
  String.raw`\bcome on\b`, String.raw`\btired of\b`, String.raw`\bwaste of (?:time|money)\b`, String.raw`\bwasted\b`, String.raw`\bi'?m done\b`,
  String.raw`\b(?:terrible|awful|horrible|horrendous|dreadful)\b`, String.raw`\b(?:poor|bad|slow) (?:service|support|response)\b`,
  String.raw`\birritat\w*`, String.raw`\bstress\w*`, String.raw`\blet down\b`, String.raw`\bignored\b`, String.raw`\brun.?around\b`,
  // distress reads as frustration (the moods are positive, calm, frustrated, angry): not calm
  String.raw`\bpanic\w*`, String.raw`\bdesperate\w*`, String.raw`\bfreaking out\b`, String.raw`\bat my wits'? end\b`,
  String.raw`\bno help\b`, String.raw`\b(?:not|un)helpful\b`, String.raw`\bkeeps happening\b`, String.raw`\bhappened again\b`,
  String.raw`\bevery (?:single )?time\b`, String.raw`\b(?:multiple|several|many|countless|so many) times\b`, String.raw`\brepeatedly\b`,
  String.raw`\b(?:days|weeks) now\b`, String.raw`\bstill\b[^.]{0,20}\bafter (?:\d+|two|three|several) (?:days|weeks)\b`,
  String.raw`\b(?:pareshan|molest[oa]|frustrad[oa]|decepcionad[oa]|enerve|agace|genervt|verargert|deluso|arrabbiat[oa]|chatead[oa]|irritad[oa])\b`,
], "g");
const POSITIVE = rx([
  String.raw`\bthank(?:s| you) (?:so|very) much\b`, String.raw`\bthanks a (?:lot|ton|million)\b`, String.raw`\bmany thanks\b`,
  String.raw`\bmuch appreciated\b`, String.raw`\bappreciate (?:it|your|the|you|all)\b`,
  String.raw`\b(?:great|awesome|amazing|excellent|perfect|brilliant|fantastic|wonderful|lovely|superb|delighted|pleased|satisfied|helpful|lifesaver|legend)\b`,
  String.raw`\blove (?:it|this|your|the)\b`, String.raw`\bhappy (?:with|now)\b`, String.raw`\bworks? (?:now|perfectly|great|fine)\b`,
  String.raw`\bworking (?:now|again|perfectly|fine)\b`, String.raw`\byou'?re (?:the best|a star|a lifesaver)\b`,
  String.raw`\b(?:muchas gracias|merci beaucoup|vielen dank|danke schon|grazie mille|muito obrigad[oa]|dhanyavaad|dhanyawad|shukriya|bahut accha)\b`,
], "g");
const THANKS = /\b(?:thanks?|thank you|thx|ty|cheers|gracias|merci|danke|grazie|obrigad[oa]|dank je|terima kasih|asante)\b/;
const NEGATED_POSITIVE = /\b(?:not|never|isn'?t|wasn'?t|hardly|far from) (?:\w+ )?(?:great|helpful|happy|satisfied|pleased|perfect|working|fine)\b/;
// Upper-case words that are names of things, not shouting.
const ACRONYM = new Set(
  ("OK OTP UPI KYC PNR SIM ESIM IMEI ATM API SSO SAML SCIM VPN DNS SMS MMS PIN CVV IBAN SWIFT SEPA ACH UTR RRN NEFT IMPS RTGS IATA ETA " +
    "EU UK US USA UAE GDPR FAQ ASAP FYI BTW AWS GCP CRM ERP SKU COD GST VAT EMI TV PC HR IT CEO CFO CTO DHL UPS USPS DPD GLS FEDEX TNT " +
    "INR USD EUR GBP KES NGN BRL ZAR AED LTE VOLTE WIFI MBPS GB MB IOS PDF CSV URL QR NFC EMV BNPL MFA TFA AI ML ORD INV TXN PAN NRI " +
    "LLC LTD INC PLC GMBH SA SRL BV AG NHS DMV IRS HMRC RBI FCA CFPB OFCOM TRAI DGCA BBB ACCC SEBI NPCI IRCTC MNP PAC STAC BT EE KLM TAP")
    .split(" "),
);

export type Prepared = { content: string; folded: string; index: number };

/**
 * The expressions read on whole messages, behind one prefilter: the strings each cannot match
 * without are looked for in one pass per message (RequiredTextIndex), and most messages hold
 * none of a threat's or a mood's words, so those expressions are not run on them.
 */
export const GUARDED: readonly RegExp[] = [ANGRY, FRUSTRATED, POSITIVE, CHURN, ...THREATS.map((t) => t.re)];
const GUARD_OF = new Map(GUARDED.map((re, i) => [re, i]));
const GUARD = new RequiredTextIndex(GUARDED.map(requiredTextOf));
const guardOf = new WeakMap<Prepared, Uint8Array>();
/** False when `re` (one of GUARDED) cannot match the message's folded text. */
function mayMatch(m: Prepared, re: RegExp): boolean {
  let may = guardOf.get(m);
  if (!may) guardOf.set(m, (may = GUARD.mayMatch(m.folded)));
  return may[GUARD_OF.get(re)!] === 1;
}

/** Threats to escalate, each kind once, first occurrence. A plain cancel request is churn only with a cue or anger. */
export function findThreats(messages: Prepared[], angryMessages: Set<number>): Threat[] {
  const out: Threat[] = [];
  const seen = new Set<ThreatKind>();
  for (const m of messages) {
    for (const t of THREATS) {
      if (seen.has(t.kind)) continue;
      const hit = mayMatch(m, t.re) ? t.re.exec(m.folded) : null;
      // "I'm not going to sue anyone", "I don't want to post a bad review": the opposite of a threat.
      if (hit && !deniedAt(m.folded, hit)) {
        seen.add(t.kind);
        out.push({ kind: t.kind, text: quoteOf(m, hit), messageIndex: m.index });
      }
    }
    if (!seen.has("churn")) {
      const hit = churnIn(m);
      if (hit && (CUE.test(m.folded) || angryMessages.has(m.index))) {
        seen.add("churn");
        out.push({ kind: "churn", text: quoteOf(m, hit), messageIndex: m.index });
      }
    }
  }
  return out;
}

/** A churn phrase even without a threat: a plain cancellation is still a churn risk. */
export function findChurnRequest(messages: Prepared[]): Threat | null {
  for (const m of messages) {
    const hit = churnIn(m);
    if (hit) return { kind: "churn", text: quoteOf(m, hit), messageIndex: m.index };
  }
  return null;
}

/** The customer's own words around a hit: the whole clause, never a cut phrase. */
function quoteOf(m: Prepared, hit: RegExpExecArray): string {
  return clauseAround(m.content.length === m.folded.length ? m.content : m.folded, hit.index, hit.index + hit[0].length);
}

/**
 * A churn phrase, unless it is about an order, or where it goes is an authority or a public
 * forum ("I'll go to ombudsman", "going to the press"): that is a regulatory, legal, chargeback
 * or social threat, not a customer leaving. Only the phrase and the words right after it count:
 * "cancel my account and complain to the regulator" is both.
 */
function churnIn(m: Prepared): RegExpExecArray | null {
  if (churnOf.has(m)) return churnOf.get(m)!;
  const hit = findChurn(m);
  churnOf.set(m, hit);
  return hit;
}
/** Each message's churn phrase, read once: threats and the churn request both ask for it. */
const churnOf = new WeakMap<Prepared, RegExpExecArray | null>();
function findChurn(m: Prepared): RegExpExecArray | null {
  if (!mayMatch(m, CHURN)) return null;
  CHURN_G.lastIndex = 0;
  for (let hit = CHURN_G.exec(m.folded); hit; hit = CHURN_G.exec(m.folded)) {
    // "I'm not going to cancel my subscription", "we won't switch providers": the opposite of leaving.
    if (/\border\b/.test(hit[0]) || deniedAt(m.folded, hit)) continue;
    const rest = m.folded.slice(hit.index, hit.index + hit[0].length + 40);
    const destination = rest.split(/[,;:.!?\n]|\s(?:and|or|but|then)\s/)[0]!;
    return THREATS.some((t) => t.kind !== "manager" && t.re.test(destination)) ? null : hit;
  }
  return null;
}
const CHURN_G = new RegExp(CHURN.source, "g");
/** A denial right before a churn phrase: "not", "never", "won't", "don't want to", "no need to". */
/** A denial right before a phrase, unless a condition follows ("I don't want to cancel my plan but I will if …"). */
function deniedAt(text: string, hit: RegExpExecArray): boolean {
  return DENIED_BEFORE.test(text.slice(Math.max(0, hit.index - 40), hit.index)) && !BUT_I_WILL.test(text.slice(hit.index + hit[0].length));
}
const BUT_I_WILL = /^[^.!?]{0,30}?\bbut (?:i|we)(?:'ll| will| might| may| would| am going to)\b/;
const DENIED_BEFORE = new RegExp(
  String.raw`\b${RULE_FRAGMENTS.get("DENIES")!}\s+(?:(?:want(?:ing)?|need(?:ing)?|plan(?:ning)?|wish(?:ing)?|intend(?:ing)?|going|have|trying|looking|thinking of|about)\s+(?:to\s+)?|threatening\s+(?:(?:a|to|with)\s+)?)?(?:(?:post|write|leave|give|make|go|file|take|raise|do)\s+(?:\w+\s+){0,2})?$`,
);

function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

function shouting(content: string): number {
  // at least two words in capitals (three letters or more) make it shouting
  if (!/[A-Z]{3}/.test(content)) return 0;
  const words = content.match(/\b[A-Za-z]{3,}\b/g) ?? [];
  const caps = words.filter((w) => w === w.toUpperCase() && !ACRONYM.has(w)).length;
  // A whole message in capitals is shouting; a few shouted words are emphasis.
  if (words.length >= 4 && caps / words.length >= 0.6) return 3;
  if (caps >= 3 || (words.length >= 4 && caps / words.length >= 0.4 && caps >= 2)) return 2;
  return 0;
}

/** Matches of `re` in `text` whose words are not denied just before them ("I'm not angry", see negatedAt). */
function countAffirmed(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  for (let hit = re.exec(text); hit !== null; hit = re.exec(text)) if (!negatedAt(text, hit.index)) n++;
  return n;
}

/** Negative points of one message: strong words count double, shouting and "!!!" add to them. */
export function negativity(m: Prepared): { angry: number; score: number } {
  let n = negativityOf.get(m);
  if (n) return n;
  const angry = mayMatch(m, ANGRY) ? countAffirmed(ANGRY, m.folded) : 0;
  const frustrated = mayMatch(m, FRUSTRATED) ? countAffirmed(FRUSTRATED, m.folded) : 0;
  const extras = (/!{2,}|\?!|!\?/.test(m.content) ? 1 : 0) + shouting(m.content);
  negativityOf.set(m, (n = { angry, score: 2 * angry + frustrated + extras }));
  return n;
}
/** Each message's negativity, read once: the extractor asks for it twice (angry messages, then the mood). */
const negativityOf = new WeakMap<Prepared, { angry: number; score: number }>();

export function readMood(messages: Prepared[], opts: { hasProblem: boolean; threats: number }): Mood {
  let angry = 0;
  let score = opts.threats > 0 ? 1 : 0;
  let positive = 0;
  let thanks = false;
  for (const m of messages) {
    const n = negativity(m);
    angry += n.angry;
    score += n.score;
    if (mayMatch(m, POSITIVE) && !NEGATED_POSITIVE.test(m.folded)) positive += countMatches(POSITIVE, m.folded);
    if (THANKS.test(m.folded)) thanks = true;
  }
  if (score >= 4 || (angry >= 1 && score >= 3)) return "angry";
  if (score >= 1) return "frustrated";
  if ((positive > 0 || thanks) && !opts.hasProblem) return "positive";
  return "calm";
}
