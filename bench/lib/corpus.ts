// The benchmark corpus: customer messages and ticket threads built from templates × vocabulary,
// seeded so every run is the same. About a third of the messages carry PII to redact.
import type { Vertical } from "../../src/memory/types";
import { AGENT_REPLIES, CLOSERS, GREETINGS, PII_SENTENCES, TEMPLATES, type VerticalTemplates } from "./corpus-templates";
import * as pii from "./pii";
import type { Rng } from "./rng";

const FIRST = ["Priya", "Liam", "Sofia", "Kwame", "Mei", "Carlos", "Aisha", "Jonas", "Fatima", "Noah", "Ananya", "Lucas", "Chloé", "Tomasz", "Yuki", "Olu"];
const LAST = ["Raman", "Okafor", "García", "Müller", "Chen", "Silva", "Khan", "Dubois", "Nowak", "Smith", "Tanaka", "Mensah", "Rossi", "Iyer"];

const money = (rng: Rng) =>
  rng.pick([`$${rng.int(5, 900)}.${rng.digits(2)}`, `£${rng.int(5, 900)}`, `€${rng.int(5, 900)},${rng.digits(2)}`, `₹${rng.int(1, 99)},${rng.digits(3)}`, `R$ ${rng.int(20, 900)}`]);

const VOCABULARY: Record<string, (rng: Rng) => string> = {
  firstName: (r) => r.pick(FIRST),
  name: (r) => `${r.pick(FIRST)} ${r.pick(LAST)}`,
  wrongName: (r) => r.pick(["JON", "MARIA G", "ANANIA", "LUKAS", "CHLOE D"]),
  when: (r) => r.pick(["yesterday", "this morning", "last night", "on Monday", "two days ago", "since the weekend", "ayer"]),
  time: (r) => r.pick(["7am", "09:40", "2pm", "6:15 pm", "noon"]),
  time2: (r) => r.pick(["9pm", "23:10", "the next morning", "5:30 pm"]),
  days: (r) => String(r.int(2, 21)),
  years: (r) => String(r.int(2, 12)),
  n: (r) => String(r.int(2, 12)),
  big: (r) => String(r.int(20, 400)),
  pct: (r) => String(r.int(35, 70)),
  date: (r) => r.pick(["Friday", "the 15th", "end of the month", "March 3", "next Tuesday", "12/05"]),
  weekday: (r) => r.pick(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
  city: (r) => r.pick(["Lagos", "Nairobi", "Mumbai", "São Paulo", "Berlin", "Manila", "Toronto", "Madrid", "Johannesburg", "Jakarta", "Lyon", "Dubai"]),
  city2: (r) => r.pick(["Amsterdam", "Brussels", "Pune", "Porto", "Munich", "Cape Town"]),
  country: (r) => r.pick(["Canada", "Brazil", "Vietnam", "Nigeria", "Germany", "the UAE", "Mexico", "India"]),
  airport: (r) => r.pick(["Heathrow", "Frankfurt", "Doha", "JFK", "Dubai", "Bengaluru", "Schiphol"]),
  language: (r) => r.pick(["Spanish", "Hindi", "Portuguese", "French", "Swahili", "Arabic"]),
  money,
  phone: pii.phone,
  order: pii.orderId,
  invoice: pii.invoiceId,
  pnr: pii.pnr,
  booking: pii.bookingId,
  utr: pii.utr,
  flight: pii.flightNo,
  tracking: pii.tracking,
  internalRef: (r) => `ENG-${r.digits(4)}`,
  team: (r) => r.pick(["billing", "technical", "logistics", "payments", "claims"]),
  integration: (r) => r.pick(["Salesforce", "HubSpot", "Slack", "Zapier", "Jira", "Shopify", "QuickBooks", "Google Drive"]),
  error: (r) => r.pick(["token expired", "403 Forbidden", "rate limit exceeded", "invalid_grant", "connection reset"]),
  consequence: (r) => r.pick(["leads stop flowing in", "nothing syncs", "our reports are empty", "the team can't work"]),
  plan: (r) => r.pick(["Business", "Growth", "Pro", "Enterprise", "Starter", "Team"]),
  cardBrand: (r) => r.pick(["Amex", "Visa", "company Mastercard"]),
  workspace: (r) => r.pick(["acme-eu", "northwind", "globex-sales", "initech", "umbrella-ops"]),
  page: (r) => r.pick(["Reports", "Dashboard", "Analytics", "Billing", "Projects"]),
  competitor: (r) => r.pick(["another tool", "Notion", "Monday", "a competitor", "Asana"]),
  platform: (r) => r.pick(["Android", "iOS", "desktop", "Mac"]),
  tab: (r) => r.pick(["calendar", "inbox", "settings", "reports"]),
  idp: (r) => r.pick(["Okta", "Azure AD", "Google Workspace", "OneLogin"]),
  code: (r) => r.pick(["SAML-401", "E1042", "500", "AUTH_FAILED"]),
  objects: (r) => r.pick(["contacts", "invoices", "projects", "tickets"]),
  product: (r) => r.pick(["sofa", "air fryer", "laptop", "jacket", "headphones", "blender", "office chair", "smartwatch", "kettle"]),
  damage: (r) => r.pick(["a big tear on the armrest", "a cracked screen", "a dent on the side", "a broken handle"]),
  color: (r) => r.pick(["blue", "red", "grey", "green"]),
  color2: (r) => r.pick(["black", "white", "navy"]),
  carrier: (r) => r.pick(["Royal Mail", "DHL", "UPS", "Colissimo", "Delhivery", "Correios", "FedEx"]),
  merchant: (r) => r.pick(["Swiggy", "Uber", "Amazon", "Netflix", "Zomato", "Jumia", "Mercado Libre"]),
  wallet: (r) => r.pick(["PhonePe", "Google Pay", "Paytm", "M-Pesa", "Mercado Pago", "PayPal", "Revolut"]),
  airline: (r) => r.pick(["easyJet", "Lufthansa", "Air India", "Emirates", "Qatar Airways", "Turkish Airlines", "LATAM", "Ryanair"]),
  device: (r) => r.pick(["Samsung Galaxy A54", "iPhone 13", "Pixel 7", "Redmi Note 12", "Moto G84"]),
  telco: (r) => r.pick(["Vodafone", "Airtel", "Jio", "Safaricom", "MTN", "Movistar", "Verizon", "Orange"]),
  course: (r) => r.pick(["Web Development", "Data Science Bootcamp", "Python for Everybody", "UX Design", "Machine Learning A-Z"]),
  program: (r) => r.pick(["MBA", "summer bootcamp", "cloud certification", "evening diploma"]),
  lms: (r) => r.pick(["Blackboard", "Moodle", "Canvas", "Google Classroom"]),
  // PII
  card: pii.cardNumber,
  cvv: pii.cvv,
  otp: pii.otp,
  password: pii.password,
  aadhaar: pii.aadhaar,
  pan: pii.pan,
  passport: pii.passport,
  imei: pii.imei,
  bankAccount: pii.bankAccount,
  iban: pii.iban,
  ssn: pii.ssn,
};

export function fill(template: string, rng: Rng): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const gen = VOCABULARY[slot];
    if (!gen) throw new Error(`corpus: no vocabulary for {${slot}}`);
    return gen(rng);
  });
}

function join(parts: string[]): string {
  return parts.filter((p) => p !== "").join(" ");
}

/** Verticals with a problem to remember (general_info is small talk and questions). */
export const ISSUE_VERTICALS = TEMPLATES.filter((t) => t.vertical !== "general_info");

function pickVertical(rng: Rng, withIssue: boolean): VerticalTemplates {
  if (withIssue) return rng.pick(ISSUE_VERTICALS);
  // general questions are rarer than problems in a support inbox
  return rng.chance(0.06) ? TEMPLATES.find((t) => t.vertical === "general_info")! : rng.pick(ISSUE_VERTICALS);
}

/** One first customer message: greeting, the problem, sometimes PII, sometimes a mood or preference. */
export function customerMessage(rng: Rng, opts: { vertical?: VerticalTemplates; piiRate?: number } = {}): { vertical: Vertical; text: string; pii: boolean } {
  const v = opts.vertical ?? pickVertical(rng, false);
  const withPii = rng.chance(opts.piiRate ?? 0.35);
  const text = join([fill(rng.pick(GREETINGS), rng), fill(rng.pick(v.openers), rng), withPii ? fill(rng.pick(PII_SENTENCES), rng) : "", fill(rng.pick(CLOSERS), rng)]);
  return { vertical: v.vertical, text, pii: withPii };
}

export function customerMessages(count: number, rng: Rng): { vertical: Vertical; text: string; pii: boolean }[] {
  return Array.from({ length: count }, () => customerMessage(rng));
}

export type ThreadMessage = { role: "user" | "assistant"; text: string };
export type Conversation = { vertical: Vertical; subject: string; messages: ThreadMessage[] };

/** A ticket thread of `length` messages (1–5 usually): the customer opens, agent and customer alternate. */
export function conversation(rng: Rng, length: number, opts: { withIssue?: boolean } = {}): Conversation {
  const v = pickVertical(rng, opts.withIssue ?? true);
  const first = customerMessage(rng, { vertical: v });
  const messages: ThreadMessage[] = [{ role: "user", text: first.text }];
  while (messages.length < length) {
    const agentTurn = messages.length % 2 === 1;
    messages.push(
      agentTurn
        ? { role: "assistant", text: fill(rng.pick(AGENT_REPLIES), rng) }
        : { role: "user", text: join([fill(rng.pick(v.followUps), rng), rng.chance(0.15) ? fill(rng.pick(PII_SENTENCES), rng) : ""]) },
    );
  }
  return { vertical: v.vertical, subject: fill(rng.pick(v.subjects), rng), messages };
}
