// Business references an agent needs (order ids, invoices, PNRs, bookings, tickets,
// transaction refs, tracking numbers) found by ID shape or by the word that announces them.
// Redaction tokens are removed first, so a redacted value can never come back as a ref.
import { stripRedactions } from "./text";

export type RefKind = "order" | "invoice" | "pnr" | "booking" | "ticket" | "transaction" | "tracking" | "other";
export type FoundRef = { value: string; kind: RefKind; at: number };

const KEYWORD_KIND: Record<string, RefKind> = {
  order: "order", pedido: "order", commande: "order", bestellung: "order", ordine: "order", purchase: "order",
  invoice: "invoice", inv: "invoice", factura: "invoice", facture: "invoice", rechnung: "invoice", bill: "invoice",
  booking: "booking", reservation: "booking", reserva: "booking", confirmation: "booking", itinerary: "booking", trip: "booking",
  pnr: "pnr", ticket: "ticket", case: "ticket", incident: "ticket", complaint: "ticket", request: "ticket", claim: "ticket",
  transaction: "transaction", txn: "transaction", trx: "transaction", utr: "transaction", rrn: "transaction", payment: "transaction",
  transfer: "transaction", receipt: "transaction", reference: "other", ref: "other", tracking: "tracking", awb: "tracking",
  consignment: "tracking", shipment: "tracking", waybill: "tracking", rma: "order", return: "order",
  // German writes the word and "number" as one ("Bestellnummer 40211"), Dutch too ("bestelnummer")
  bestellnummer: "order", auftragsnummer: "order", bestelnummer: "order", rechnungsnummer: "invoice", factuurnummer: "invoice",
  buchungsnummer: "booking", reservierungsnummer: "booking", boekingsnummer: "booking", vorgangsnummer: "ticket",
  ticketnummer: "ticket", fallnummer: "ticket", sendungsnummer: "tracking", trackingnummer: "tracking",
  transaktionsnummer: "transaction", referenznummer: "other",
};

// "order no. 12345", "PNR is ABC123", "ticket #4567", "UPI ref: 412345678901", "booking reference - HMX8K2",
// "commande n° 7781203", "pedido nº 55120"
const KEYWORD_LED = new RegExp(
  String.raw`\b(${Object.keys(KEYWORD_KIND).join("|")})(\s+(?:(?:number|no|num|nr|id|code|ref(?:erence)?|n[uú]mero|num[ée]ro|nummer)(?![A-Za-z0-9])|no\.|n[uú]m\.|n\.?\s?[°º]|n\.(?=\s?\d)|#))?` +
    String.raw`((?:\s*(?:is|was|:|=|-|\u2013|#))*)\s*(#?)([A-Za-z0-9][A-Za-z0-9\-_/]{2,34})`,
  "gi",
);
// Words that also start ordinary phrases ("my bill 2300", "payment 5000"): only with "number", "id", "#" or ":".
const NEEDS_MARKER = new Set(["bill", "payment", "transfer", "request", "return", "trip", "claim", "receipt", "case", "purchase", "shipment"]);
// …except a case, claim or request followed by a long number ("case 233970"): no amount or
// count is written that way after them, unless it is "in case" ("in case 50000 people come").
const LONG_NUMBER_WORDS = new Set(["case", "claim", "request"]);
const longNumberRef = (keyword: string, token: string, before: string): boolean =>
  LONG_NUMBER_WORDS.has(keyword) && /^\d{5,}$/.test(token) && !/\bin\s+$/i.test(before);
const PREFIXED = /\b([A-Z]{2,6})[-_#]?(\d{3,}(?:[-_/][A-Z0-9]{2,})*)\b/g;
const AMAZON_ORDER = /\b\d{3}-\d{7}-\d{7}\b/g;
const UPS = /\b1Z[0-9A-Z]{16}\b/g;
const UPU_S10 = /\b[A-Z]{2}\d{9}[A-Z]{2}\b/g;
const HASH_NUMBER = /(?:^|[\s(])#(\d{4,12})\b/g;

const PREFIX_KIND: Record<string, RefKind> = {
  ORD: "order", ORDER: "order", OD: "order", SO: "order", PO: "order", RMA: "order", RET: "order",
  INV: "invoice", BILL: "invoice", PNR: "pnr", BK: "booking", BKG: "booking", RES: "booking", CONF: "booking", HM: "booking",
  TKT: "ticket", TCK: "ticket", CASE: "ticket", INC: "ticket", SR: "ticket", REQ: "ticket", CS: "ticket", SUP: "ticket",
  TXN: "transaction", TRX: "transaction", TRN: "transaction", UTR: "transaction", RRN: "transaction", PAY: "transaction",
  TRK: "tracking", AWB: "tracking",
};

// Uppercase runs that are units or currencies, not reference prefixes ("INR5000", "GB128").
const NOT_PREFIX = new Set([
  "INR", "USD", "EUR", "GBP", "KES", "KSH", "RS", "NGN", "BRL", "MXN", "AED", "SAR", "ZAR", "AUD", "CAD", "JPY", "CNY", "PHP", "IDR",
  "MYR", "SGD", "THB", "PKR", "BDT", "LKR", "EGP", "GHS", "TZS", "UGX", "CHF", "SEK", "NOK", "DKK", "PLN", "TRY", "RUB", "HKD", "NZD",
  "ARS", "COP", "CLP", "PEN", "VND", "KRW", "GB", "MB", "TB", "KB", "KM", "KG", "MBPS", "GBPS", "MAH", "HZ", "MHZ", "GHZ", "AM", "PM",
  "COVID", "ISO", "RTX", "GTX", "USB", "HDMI", "MP", "IP", "ID", "NO", "NR", "REF", "SIM", "IMEI", "OTP", "PIN", "CVV", "UPI", "VAT",
  "GST", "EMI", "ATM", "DM", "SMS", "CET", "GMT", "UTC", "IST", "EST", "PST", "BST", "EDT", "PDT", "REDACTED",
  // laws and standards named by a code ("compensation under EU261", "PSD2", "SOC2", "WPA2")
  "EU", "EC", "PSD", "SOC", "PCI", "GDPR", "CCPA", "HIPAA", "WPA", "LTE",
]);
const IFSC = /^[A-Z]{4}0[A-Z0-9]{6}$/;
// A code of no known prefix that names a product's model ("my EM-200 printer", "model XR-500")
// is the thing the customer owns, not a reference to a case of theirs.
const PRODUCT_AFTER = /^\s+(?:[a-z]+\s+)?(?:printer|scanner|router|modem|phone|smartphone|laptop|tablet|camera|monitor|tv|television|headphones?|headset|earbuds|speaker|watch|smartwatch|device|unit|machine|vacuum|blender|console|drone|keyboard|mouse|charger|series|model|kettle|fridge|washer|dryer|dishwasher|oven|thermostat|doorbell)s?\b/i;
const MODEL_BEFORE = /\b(?:model|series|version|type)\s*(?:no\.?|number|#)?\s*$/i;
const YEAR = /^(?:19|20)\d\d$/;
// Upper-case words that follow "PNR"/"booking" in shouted messages but are not codes.
const SHOUTED_WORDS = new Set(["URGENT", "PLEASE", "CANCELLED", "CANCELED", "DELAYED", "REFUND", "STATUS", "NUMBER", "ASAP", "HELP", "UPDATE"]);

function acceptKeywordToken(kind: RefKind, token: string, marked: boolean): boolean {
  if (NOT_PREFIX.has(token.toUpperCase())) return false;
  if (/^\d+$/.test(token)) {
    if (token.length < 4) return false;
    return !(YEAR.test(token) && !marked);
  }
  if (/\d/.test(token)) return token.length >= 4 && !/^\d+(?:st|nd|rd|th|am|pm|h|hrs|days?|gb|mb|kg)$/i.test(token);
  // Letters only: a PNR or booking code, written in capitals ("ABCDEF"), never a plain word.
  return (kind === "pnr" || kind === "booking") && /^[A-Z]{5,8}$/.test(token) && !SHOUTED_WORDS.has(token);
}

/** All references in a text, in order of appearance, each once (case-insensitive). */
export function findRefs(raw: string): FoundRef[] {
  const text = stripRedactions(raw);
  const found: FoundRef[] = [];
  const seen = new Set<string>();
  const push = (value: string, kind: RefKind, at: number): void => {
    const v = value.replace(/[-_/.]+$/, "");
    const key = v.toUpperCase();
    if (v.length < 3 || seen.has(key)) return;
    seen.add(key);
    found.push({ value: v, kind, at });
  };
  KEYWORD_LED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = KEYWORD_LED.exec(text)) !== null) {
    const keyword = m[1]!.toLowerCase();
    const kind = KEYWORD_KIND[keyword] ?? "other";
    const marked = m[2] !== undefined || /[#:=]/.test(m[3] ?? "") || m[4] === "#";
    const token = m[5]!.replace(/[-_/]+$/, "");
    // "TRX-55102" is one prefixed id (read below), not the keyword "trx" followed by "55102".
    const isPrefix = PREFIX_KIND[keyword.toUpperCase()] !== undefined && /^[-_#]?\d/.test(text.slice(m.index + m[1]!.length));
    const unmarkedOk = !NEEDS_MARKER.has(keyword) || longNumberRef(keyword, token, text.slice(Math.max(0, m.index - 8), m.index));
    if (!isPrefix && (marked || unmarkedOk) && acceptKeywordToken(kind, token, marked)) {
      push(token, kind, m.index + m[0].length - m[5]!.length);
    } else {
      // Not a ref ("tracking AWB 889…"): look again right after the keyword.
      KEYWORD_LED.lastIndex = m.index + m[1]!.length;
    }
  }
  for (const m of text.matchAll(AMAZON_ORDER)) push(m[0], "order", m.index!);
  for (const m of text.matchAll(UPS)) push(m[0], "tracking", m.index!);
  for (const m of text.matchAll(UPU_S10)) push(m[0], "tracking", m.index!);
  for (const m of text.matchAll(PREFIXED)) {
    const prefix = m[1]!;
    if (NOT_PREFIX.has(prefix) || IFSC.test(m[0])) continue;
    const at = m.index!;
    if (PREFIX_KIND[prefix] === undefined && (PRODUCT_AFTER.test(text.slice(at + m[0].length, at + m[0].length + 30)) || MODEL_BEFORE.test(text.slice(Math.max(0, at - 20), at)))) continue;
    push(m[0], PREFIX_KIND[prefix] ?? "other", m.index!);
  }
  for (const m of text.matchAll(HASH_NUMBER)) push(m[1]!, "other", m.index!);
  return found.sort((a, b) => a.at - b.at);
}
