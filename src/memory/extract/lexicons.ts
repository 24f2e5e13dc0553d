// The words that vote for a vertical (their lists are data, in vertical-words/). Weights: strong words (3) almost only occur
// in one vertical ("pnr", "kyc", "imei"), medium (2) usually do, weak (1) lean. Words shared
// by several verticals ("refund", "account", "app") are weak or absent: they cannot route.
// Non-English entries cover the commonest support words in es/pt/fr/de/it/hi (romanised).
import fs from "node:fs";
import path from "node:path";
import { VERTICALS, type Vertical } from "../types";
import { fold, tokenize } from "./text";
import {
  AIRLINES, CARRIERS, DEVICE_BRANDS, ECOMMERCE_BRANDS, EDTECH_PLATFORMS, FINTECH_BRANDS, PAYMENT_METHODS,
  SAAS_BRANDS, SAAS_INTEGRATIONS, TELECOM_BRANDS, TRAVEL_BRANDS, WEAK_INTEGRATIONS, namesOf,
} from "./brands";

type Tiers = { strong: string[]; medium: string[]; weak: string[] };

/**
 * vertical-words/<vertical>.words: one phrase per line under a `[strong]`, `[medium]` or `[weak]`
 * header; `#` starts a comment line.
 */
function readTiers(vertical: Vertical): Tiers {
  const file = path.join(__dirname, "vertical-words", `${vertical}.words`);
  const tiers: Tiers = { strong: [], medium: [], weak: [] };
  let tier: keyof Tiers | null = null;
  for (const [i, raw] of fs.readFileSync(file, "utf8").split("\n").entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const header = /^\[(strong|medium|weak)\]$/.exec(line);
    if (header) tier = header[1] as keyof Tiers;
    else if (tier) tiers[tier].push(line);
    else throw new Error(`${vertical}.words:${i + 1}: a phrase before any [strong], [medium] or [weak] header`);
  }
  return tiers;
}
const TERMS = Object.fromEntries(VERTICALS.map((v) => [v, readTiers(v)])) as Record<Vertical, Tiers>;

/** Phrases that contain a vertical word but say nothing about the vertical: they consume it. */
const NEUTRAL = [
  "in order to", "in order for", "out of order", "order of", "support ticket", "ticket id", "ticket number with you",
  "raise a ticket", "raised a ticket", "open a ticket", "opened a ticket", "this ticket", "my ticket", "the ticket", "your ticket",
  "ticket no", "ticket ref", "case number", "customer care", "customer service", "customer support", "support team", "help desk",
  "helpdesk", "in the meantime", "at the moment", "at this point", "point of view", "in advance", "thank you in advance",
  "thanks in advance", "in the past", "last time", "this time", "every time", "no problem", "test message", "just testing",
  "phone number is", "call me", "check in with", "checking in", "follow up", "following up", "any update", "school of thought",
  "pay attention", "pay off", "on the line", "on the phone", "hold the line", "sign up", "on hold", "put on hold", "hold music", "back and forth", "a lot", "bank holiday",
  "public holiday", "registered mobile number", "registered phone number", "registered email", "personal data", "my data",
  "your data", "data you hold", "mobile app", "the app", "your app", "android app", "ios app", "iphone app",
  // a room that is no hotel's
  "living room", "dining room", "chat room", "room for improvement", "waiting room", "meeting room", "meeting rooms", "server room",
];

/** Brands too ambiguous as plain words to vote ("target", "orange", "delta", "wise", "chase"). */
export const AMBIGUOUS = new Set([
  "lot", "ana", "swiss", "delta", "frontier", "spirit", "porter", "flair", "maya", "wish", "noon", "target", "otto", "orange",
  "glo", "digi", "m1", "jazz", "cox", "three", "make", "linear", "box", "segment", "sage", "tally", "zoom", "scoot", "swish", "momo",
  "tez", "wise", "card", "grab", "bolt", "avis", "budget", "ola", "riu", "courtyard", "hampton", "accor", "alison", "chase", "ideal",
  "southwest", "united", "azul", "gol", "inter", "api", "sas", "itc", "taj", "canvas", "pin", "ee", "tim", "vivo", "honor", "nothing phone",
  "maya", "dialog", "personal", "kerry", "sendit", "wire", "statement", "ride", "driver", "pickup", "host", "gate",
  // "top-ups", "follow-ups", "ups and downs": the carrier UPS is a plain word once folded to lower case
  "ups",
]);

const CARD_NETWORKS = new Set(["card", "visa card", "mastercard", "rupay", "amex", "american express", "contactless", "credit card", "debit card", "Apple Pay", "Google Pay", "gpay", "g pay", "PayPal", "Klarna", "Afterpay", "Affirm"]);


/** Every (phrase, vertical, weight) vote, brands included. Later entries for the same phrase add up. */
export function verticalVotes(): [phrase: string, vote: { vertical: Vertical; weight: number }[]][] {
  const votes = new Map<string, { phrase: string; byVertical: Map<Vertical, number> }>();
  // Keyed by the stemmed tokens, so "billing" and "bill" (both "bill") share one entry.
  const add = (phrase: string, vertical: Vertical, weight: number): void => {
    const key = tokenize(fold(phrase)).join(" ");
    if (key === "") return;
    const w = AMBIGUOUS.has(phrase.toLowerCase()) ? Math.min(weight, 1) : weight;
    const entry = votes.get(key) ?? { phrase, byVertical: new Map<Vertical, number>() };
    entry.byVertical.set(vertical, Math.max(entry.byVertical.get(vertical) ?? 0, w));
    votes.set(key, entry);
  };
  for (const [vertical, tiers] of Object.entries(TERMS) as [Vertical, Tiers][]) {
    for (const t of tiers.strong) add(t, vertical, 3);
    for (const t of tiers.medium) add(t, vertical, 2);
    for (const t of tiers.weak) add(t, vertical, 1);
  }
  // A named company is better evidence than any generic word, except SaaS tools and card
  // networks, which customers of every vertical mention ("our Shopify store", "paid by Visa").
  for (const name of namesOf(SAAS_INTEGRATIONS)) add(name, "saas", WEAK_INTEGRATIONS.has(name) ? 1 : 3);
  for (const name of SAAS_BRANDS) add(name, "saas", 3);
  for (const name of [...ECOMMERCE_BRANDS, ...namesOf(CARRIERS)]) add(name, "ecommerce", 4);
  for (const name of FINTECH_BRANDS) add(name, "banking_fintech", 4);
  for (const name of namesOf(PAYMENT_METHODS)) add(name, "banking_fintech", CARD_NETWORKS.has(name) ? 1 : 3);
  for (const name of [...AIRLINES, ...TRAVEL_BRANDS]) add(name, "travel", 4);
  for (const name of TELECOM_BRANDS) add(name, "telecom", 4);
  for (const name of DEVICE_BRANDS) add(name, "telecom", 1);
  for (const name of namesOf(EDTECH_PLATFORMS)) add(name, "edtech_support", 4);
  const out: [string, { vertical: Vertical; weight: number }[]][] = [];
  // The phrase as written goes out (the index stems it once more, the same way).
  for (const { phrase, byVertical } of votes.values()) {
    out.push([phrase, [...byVertical].map(([vertical, weight]) => ({ vertical, weight }))]);
  }
  for (const phrase of NEUTRAL) if (!votes.has(tokenize(fold(phrase)).join(" "))) out.push([phrase, []]);
  return out;
}
