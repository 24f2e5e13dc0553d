// Banking / fintech facts: transaction refs, payment method, amount, KYC state, card last 4.
import { PAYMENT_METHODS } from "../brands";
import { buildNameMatcher } from "../names";
import { fold } from "../text";
import { firstCapture, put, refsOf, type FactInput, type Facts } from "./common";

const methods = buildNameMatcher(PAYMENT_METHODS, new Set(["Wise", "Maya", "Swish", "iDEAL", "BLIK", "momo", "tez"]));

const CURRENCY = String.raw`[\u20b9$\u20ac\u00a3\u00a5\u20a6\u20b1\u20a9\u20ba\u20bd]|R\$|Rs\.?|INR|USD|EUR|GBP|KES|KSh|Ksh|NGN|BRL|MXN|AED|SAR|ZAR|AUD|CAD|SGD|PHP|IDR|MYR|PKR|BDT|GHS|TZS|UGX|CHF|JPY|CNY|US\$|A\$|C\$`;
const UNIT = "rupees|rs|inr|usd|eur|euros?|dollars?|pounds?|gbp|kes|shillings|naira|reais|pesos|rand|dirhams?|aed|yen|ringgit|baht|lakhs?|crores?|zloty|lira|francs?";
const AMOUNT = [
  new RegExp(String.raw`(?:${CURRENCY})\s?\d(?:[\d,.\s]*\d)?(?:\s?(?:k|lakh|lakhs|crore))?`),
  new RegExp(String.raw`\b\d(?:[\d,.]*\d)?\s?(?:${UNIT})\b`, "i"),
];
const KYC = /\b(?:kyc|verification|documents?|identity check)\b[^.]{0,40}?\b(pending|rejected|under review|failed|stuck|incomplete|expired|approved|verified|completed|submitted|on hold|not (?:verified|approved|completed|accepted))\b/;
const CARD_LAST4 = [
  /\b(?:card|visa|mastercard|amex|rupay|maestro)\b[^.\d]{0,25}?(?:ending|ends|last\s(?:4|four)(?:\sdigits)?|x{2,}|\*{2,}|\u2022+|\.{3})\s*(?:in|with|:|is|are|-)?\s*(\d{4})\b/i,
  /\b(?:ending|ends)\s(?:in|with)\s(\d{4})\b[^.]{0,20}\bcard\b/i,
];

export function bankingFacts({ texts, refs, issueType }: FactInput): Facts {
  const facts: Facts = {};
  put(facts, "transaction_refs", refsOf(refs, ["transaction", "other"]));
  put(facts, "payment_method", texts.flatMap((t) => methods(t))[0]);
  const amount = texts.map((t) => AMOUNT.map((re) => re.exec(t)).find((m) => m)?.[0]).find((a) => a !== undefined);
  put(facts, "amount", amount?.replace(/[\s.,]+$/, ""));
  const kyc = texts.map((t) => KYC.exec(fold(t))?.[1]).find((k) => k !== undefined);
  put(facts, "kyc_status", kyc ?? (issueType === "kyc_pending" ? "pending" : undefined));
  put(facts, "card_last4", firstCapture(texts, CARD_LAST4));
  return facts;
}
