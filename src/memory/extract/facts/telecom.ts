// Telecom facts: plan, device, IMEI last 4 (never the full IMEI), network issue, porting, number last 4.
import { fold } from "../text";
import { firstCapture, put, type FactInput, type Facts } from "./common";

const PLAN = [
  /((?:[\u20b9$\u20ac\u00a3]|Rs\.?\s?|INR\s?|KES\s?|R\$\s?)\d+(?:\.\d+)?(?:\s(?:per month|\/month|a month|monthly))?\s(?:[A-Za-z]+\s){0,2}?(?:plan|pack|recharge|bundle|tariff))\b/,
  /\b(\d+\s?GB(?:\s[A-Za-z]+)?\s(?:plan|pack|bundle|data plan|data pack))\b/i,
  /\b(?:the|my|our|a)\s((?:[A-Z0-9][\w+&-]*\s){1,3}(?:plan|tariff|bundle|package))\b/,
  /\b((?:unlimited|prepaid|postpaid|family|business|student|sim.only|international|roaming)\s(?:\w+\s)?(?:plan|pack|tariff|bundle))\b/i,
];
const PLAN_TYPE = /\b(prepaid|postpaid|pay as you go|pay-as-you-go|sim.only)\b/i;
const DEVICE = [
  /\b(iPhone(?:\s?(?:\d{1,2}|SE|XR|XS|X))?(?:\s(?:Pro Max|Pro|Plus|Max|Mini|mini))?)/,
  /\b((?:Samsung\s)?Galaxy\s[A-Z]\d{1,3}\w*(?:\s(?:Ultra|Plus|FE|Edge))?|Samsung\s[A-Z]\d{1,3}\w*)/,
  /\b((?:Google\s)?Pixel\s?\d\w*(?:\s(?:Pro|XL|a))?)/,
  /\b((?:OnePlus|Xiaomi|Redmi|Poco|Realme|Oppo|Huawei|Motorola|Moto|Nokia|Tecno|Infinix|Sony Xperia|Nothing Phone)\s?[A-Z0-9][\w+]*(?:\s(?:Pro|Plus|Max|Ultra|Lite|\d+))?)/,
  /\b(JioPhone\w*|JioFiber router|(?:fibre |fiber |wifi |wi-fi |5G |4G |broadband )?(?:router|modem|ONT|set.?top box|dongle|mobile hotspot))\b/i,
];
const IMEI_LAST4 = [
  /\bimei\b[^.\d]{0,30}?(?:ending|ends|last\s(?:4|four)(?:\sdigits)?)\s*(?:in|with|:|is|are|-)?\s*(\d{4})\b/i,
  /\bimei\b[^.\d]{0,20}?(?:x{2,}|\*{2,}|\u2022+|\.{3})\s?(\d{4})\b/i,
];
const IMEI_FULL = /\bimei\b[^.\d]{0,20}?(\d{15})\b/i;
const NUMBER_LAST4 = /\b(?:number|mobile|phone|line|sim|msisdn)\b[^.\d]{0,20}?(?:ending|ends|last\s(?:4|four)(?:\sdigits)?|x{2,}|\*{2,})\s*(?:in|with|:|is|are|-)?\s*(\d{4})\b/i;
const NETWORK = /\b(no (?:network|signal|service|coverage|internet|connection|connectivity|dial ?tone|reception|data)|(?:slow|patchy|weak|poor|intermittent|unstable|very slow) (?:internet|signal|network|data|connection|speeds?|coverage|broadband|wi-?fi)|calls? (?:keep |keeps )?(?:dropping|drop|cutting out)|dropped calls|(?:internet|broadband|network|wi-?fi) (?:is )?down|outage|sos only|emergency calls only|(?:4g|5g|lte|volte|mobile data|data|internet|wi-?fi|broadband) (?:is )?(?:not working|isn'?t working|stopped working))\b/;
const PORTING = /\b(?:port(?:ing)?|mnp|number transfer|portability)\b[^.]{0,40}?\b(pending|stuck|failed|rejected|in progress|completed|done|delayed|cancell?ed|not (?:completed|done|processed|working))\b/;

export function telecomFacts({ texts, issueType }: FactInput): Facts {
  const facts: Facts = {};
  put(facts, "plan", firstCapture(texts, PLAN));
  put(facts, "plan_type", firstCapture(texts, [PLAN_TYPE])?.toLowerCase());
  put(facts, "device", firstCapture(texts, DEVICE));
  // A full IMEI should have been redacted upstream; if one slips through only its last 4 are kept.
  put(facts, "imei_last4", firstCapture(texts, IMEI_LAST4) ?? firstCapture(texts, [IMEI_FULL])?.slice(-4));
  put(facts, "number_last4", firstCapture(texts, [NUMBER_LAST4]));
  const folded = texts.map(fold);
  put(facts, "network_issue", folded.map((t) => NETWORK.exec(t)?.[1]).find((n) => n !== undefined));
  const porting = folded.map((t) => PORTING.exec(t)?.[1]).find((p) => p !== undefined);
  put(facts, "porting_status", porting ?? (issueType === "porting" ? "requested" : undefined));
  return facts;
}
