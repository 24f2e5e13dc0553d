// E-commerce facts: order and tracking refs, order status, items, carrier.
import { CARRIERS } from "../brands";
import { buildNameMatcher } from "../names";
import { fold } from "../text";
import { put, refsOf, type FactInput, type Facts } from "./common";

const STATUS_BY_ISSUE: Record<string, string> = {
  missing_delivery: "marked delivered, not received",
  delivery_delay: "delayed",
  damaged_item: "delivered damaged",
  wrong_item: "wrong item delivered",
  missing_item: "delivered incomplete",
  defective_item: "delivered defective",
  order_cancellation: "cancellation requested",
  return_request: "return requested",
  refund_request: "refund requested",
  address_change: "address change requested",
};
const STATUS_PHRASE = /\b(out for delivery|in transit|stuck (?:in|at) (?:customs|the warehouse|the hub|the depot|the sorting (?:centre|center)|the facility)|lost in transit|held at customs|awaiting (?:pickup|dispatch|shipment|collection)|not (?:yet )?(?:shipped|dispatched)|ready for pickup|returned to sender|delivery attempted|failed delivery attempt)\b/;

// Words after "I ordered a…" that are not the item itself.
const NOT_ITEM = new Set(
  (
    "refund replacement email message call notification money confirmation update reply response tracking invoice receipt code otp it them this " +
    "that nothing anything something wrong damaged broken order orders package parcel delivery item items product products shipment payment sms link " +
    "one what everything all my the your a an"
  ).split(" "),
);
const BOUNDARY = new Set(
  (
    "from on for last yesterday today with in and but which that it is was were has have had at via through because over ago to by off " +
    "when since about around before after two three four five from online using instead of as"
  ).split(" "),
);
const ITEM_LEAD = /\b(?:ordered|bought|purchased|order(?:ed)? for|received|got|buying)\s+(?:a\s+|an\s+|the\s+|two\s+|three\s+|\d+\s+|some\s+|my\s+|this\s+|these\s+|those\s+|new\s+)?(?:pair of\s+|set of\s+|pack of\s+|box of\s+|bottle of\s+)?/gi;
const ITEM_SUBJECT = /\b(?:my|the)\s+((?:[\w'-]+\s){0,2}[\w'-]+)\s+(?:arrived|came|was delivered|is (?:damaged|broken|faulty|defective|missing|cracked))\b/gi;

function itemsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ITEM_LEAD)) {
    const rest = text.slice(m.index! + m[0].length);
    const words: string[] = [];
    for (const raw of rest.split(/\s+/)) {
      // an aside in brackets ends the item: "a blue sofa (order 44512-AB)"
      if (raw.startsWith("(") || raw.startsWith("[")) break;
      const w = raw.replace(/[,.!?;:)]+$/, "");
      if (words.length >= 4 || w === "" || BOUNDARY.has(fold(w)) || /^\d+$/.test(w)) break;
      words.push(w);
      if (w !== raw) break; // punctuation ends the item
    }
    if (words.length > 0 && !NOT_ITEM.has(fold(words[0]!))) out.push(words.join(" "));
  }
  for (const m of text.matchAll(ITEM_SUBJECT)) {
    const item = m[1]!;
    if (!NOT_ITEM.has(fold(item.split(" ")[0]!)) && !/\b(?:order|package|parcel|delivery|refund)\b/i.test(item)) out.push(item);
  }
  return out;
}

const carriers = buildNameMatcher(CARRIERS, new Set(["UPS", "DPD", "GLS", "CTT", "DTDC", "Kerry", "Sendit", "Hermes", "Evri", "Make"]));

export function ecommerceFacts({ texts, refs, issueType }: FactInput): Facts {
  const facts: Facts = {};
  put(facts, "order_refs", refsOf(refs, ["order", "other"]));
  put(facts, "tracking_refs", refsOf(refs, ["tracking"]));
  const phrase = texts.map((t) => STATUS_PHRASE.exec(fold(t))?.[1]).find((p) => p !== undefined);
  put(facts, "order_status", phrase ?? (issueType ? STATUS_BY_ISSUE[issueType] : undefined));
  put(facts, "items", texts.flatMap(itemsIn));
  put(facts, "carrier", texts.flatMap((t) => carriers(t))[0]);
  return facts;
}
