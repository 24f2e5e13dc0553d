// The words that vote for a vertical, as data. Weights: strong words (3) almost only occur
// in one vertical ("pnr", "kyc", "imei"), medium (2) usually do, weak (1) lean. Words shared
// by several verticals ("refund", "account", "app") are weak or absent: they cannot route.
// Non-English entries cover the commonest support words in es/pt/fr/de/it/hi (romanised).
import type { Vertical } from "../types";
import { fold, tokenize } from "./text";
import {
  AIRLINES, CARRIERS, DEVICE_BRANDS, ECOMMERCE_BRANDS, EDTECH_PLATFORMS, FINTECH_BRANDS, PAYMENT_METHODS,
  SAAS_BRANDS, SAAS_INTEGRATIONS, TELECOM_BRANDS, TRAVEL_BRANDS, WEAK_INTEGRATIONS, namesOf,
} from "./brands";

type Tiers = { strong: string[]; medium: string[]; weak: string[] };

const TERMS: Record<Vertical, Tiers> = {
  saas: {
    strong: [
      "workspace", "webhook", "knowledge base", "help center", "help centre", "api key", "api token", "api call", "api request", "api endpoint", "endpoint", "sso", "saml", "scim",
      "integration", "admin console", "admin panel", "admin dashboard", "sandbox", "free trial", "trial period", "seat licence",
      "seat license", "add seats", "extra seats", "per seat", "per user per month", "user licenses", "user licences", "self-hosted",
      "on-prem", "rate limit", "sdk", "oauth", "feature request", "changelog", "release notes", "saas", "crm", "zapier", "automation",
      "automations", "data export", "csv export", "csv import", "bulk import", "user permissions",
      "admin rights", "admin role", "billing portal", "billing page", "billing settings", "subscription plan", "annual plan",
      "monthly plan", "upgrade our plan", "downgrade our plan", "our plan", "team plan", "pro plan", "business plan",
      "enterprise plan", "growth plan", "starter plan", "plugin", "browser extension", "license key", "licence key", "deployment",
      "staging", "500 error", "stack trace", "report builder", "account owner", "invite users", "invite teammates", "api",
      "magic link", "status page", "dns records", "dns record", "custom domain", "sending domain", "merge fields", "merge field",
      "audit trail", "hipaa", "soc 2", "timesheet", "timesheets", "time tracking", "email campaign",
    ],
    medium: [
      "upgrade", "upgrading", "downgrade", "invoice", "billing", "renewal", "subscription", "users", "admin", "permission",
      "2fa", "two-factor", "authenticator app",
      "export", "import", "csv", "error message", "feature", "seat", "vat number", "tax id", "web app", "desktop app", "dashboard",
      "syncing", "sync", "software", "production", "bug", "404", "spreadsheet", "reports", "analytics", "instance", "workflow",
      "workflows", "tenant", "network error", "server error", "timeout error", "integrations page", "app crashes", "app crash",
      "app keeps crashing", "licences", "licenses", "onboarding", "new staff", "company card", "auto-renewal", "auto renewal",
      "reset my password", "password reset", "board", "cards", "read-only", "read only access", "contractor access", "renew", "annual licence", "annual license", "annual subscription", "annual renewal", "payment method",
      "our customers", "our users", "our clients", "my customers", "our support team", "our domain", "new hires", "new hire",
      "password reset email", "password reset link", "owner rights", "admin rights", "more seats", "more users", "more licenses", "more licences", "seat count", "user count", "connector",
    ],
    weak: ["plan", "account", "team", "project", "error", "version", "update", "crash", "server", "cloud", "login", "log in",
      "sign in", "mfa", "password reset", "platform", "settings", "license", "licence", "crashes", "crashing",
      "tab", "calendar"],
  },
  ecommerce: {
    strong: [
      "order", "ordered", "delivery", "parcel", "package", "shipment", "shipping", "shipped", "courier", "tracking number",
      "tracking id", "tracking link", "out for delivery", "dispatched", "return label", "return window", "returns portal", "cart",
      "checkout", "coupon", "promo code", "discount code", "voucher code", "wishlist", "seller", "marketplace", "warehouse",
      "wrong item", "wrong size", "wrong colour", "wrong color", "missing item", "cash on delivery", "cod", "doorstep", "my purchase",
      "pedido", "envio", "entrega", "paquete", "encomenda", "commande", "livraison", "colis", "bestellung", "lieferung", "paket",
      "ordine", "spedizione", "consegna", "pacco", "bestelling", "levering", "pakket", "parcel locker", "pickup point", "pick-up point",
      "click and collect", "click & collect", "store pickup", "delivery slot", "delivery address", "shipping address", "sizing",
      "exchange it", "exchange for", "size exchange",
    ],
    medium: [
      "item", "product", "delivered", "returned", "return request", "return it", "returns", "exchange request", "exchange", "size", "damaged", "broken on arrival", "customs duty",
      "store", "shop", "purchase", "bought", "sku", "stock", "out of stock", "pre-order", "preorder", "receipt", "box", "packaging",
      "dent", "scratched", "cracked", "shoe", "shoes", "dress", "shirt", "jacket", "jeans", "sofa", "mattress", "blender", "headphones",
      "earbuds", "laptop", "television", "fridge", "washing machine", "furniture", "groceries", "toy", "handbag", "charger",
      "kettle", "vacuum cleaner", "air fryer", "microwave", "sneakers", "trainers", "t-shirt", "hoodie", "lamp", "chair", "table", "refund to my original payment", "replacement", "order number", "order id",
    ],
    weak: ["refund", "cancelled", "canceled", "late", "delayed", "customs", "colour", "color", "price", "paid", "buy", "arrived", "return",
      "received", "bag"],
  },
  banking_fintech: {
    strong: [
      "upi", "neft", "imps", "rtgs", "ifsc", "utr", "rrn", "kyc", "sepa", "iban", "swift code", "sort code", "routing number", "ach",
      "wire transfer", "zelle", "venmo", "cash app", "m-pesa", "mpesa", "pix", "paypal", "interac", "bizum", "ideal", "blik", "swish",
      "vipps", "mobilepay", "paynow", "promptpay", "gcash", "alipay", "wechat pay", "google pay", "gpay", "apple pay", "phonepe",
      "paytm", "bhim", "debit card", "credit card", "atm", "bank account", "bank transfer", "bank statement", "account balance",
      "debited", "credited", "deducted", "money deducted", "amount deducted", "beneficiary", "payee", "remittance", "loan", "emi",
      "mortgage", "overdraft", "interest rate", "credit score", "credit limit", "cvv", "net banking", "netbanking", "online banking",
      "mobile banking", "savings account", "current account", "checking account", "fixed deposit", "direct debit", "standing order",
      "money order", "chargeback", "unauthorised transaction", "unauthorized transaction", "transaction", "transactions",
      "sent money", "send money", "received money", "wallet balance", "mobile money", "momo", "airtel money",
      "trading account", "demat", "crypto", "bitcoin", "withdrawal", "withdraw", "cashback",
      "card blocked", "card declined", "card was declined", "contactless", "pin", "statement", "bank", "banking", "fintech",
      "visa debit", "visa credit", "visa card", "visa debit card", "proof of address", "proof of identity", "id verification",
      "phishing", "suspicious link", "claiming to be from", "virtual card", "physical card", "card limit", "payment declined", "payment reversal", "reversal", "insufficient funds",
      "transferencia", "virement", "uberweisung", "bonifico", "transferencia bancaria", "conta", "cuenta bancaria", 
      "faster payments", "bacs", "chaps", "e-transfer", "remitly", "western union",
      "moneygram", "phishing", "card", "aadhaar", "pan card", "identity verification",
      "cartao", "cartao de credito", "cartao de debito", "tarjeta de credito", "tarjeta de debito", "carte bancaire",
      "carte de credit", "kreditkarte", "bankkarte", "girokarte", "ec-karte",
    ],
    medium: ["payment", "paid", "money", "amount", "funds", "verification", "account frozen", "account blocked", "account locked", "otp", "merchant",
      "payout", "settlement", "top up", "top-up", "top ups", "top-ups", "wallet", "salary", "pay rent", "my rent", "exchange rate", "currency", "transfer", "transferred", "deposit",
      "fraud", "scam", "paisa", "paise", "rupees", "naira", "shillings", "ksh", "kes", "stock market", "share price"],
    weak: ["refund", "account", "charged", "dispute", "limit", "verify", "document", "documents", "pending", "fee",
      "charges"],
  },
  travel: {
    strong: [
      "pnr", "flight", "flights", "boarding pass", "boarding gate", "denied boarding", "airline", "airport", "layover", "stopover", "baggage", "luggage",
      "suitcase", "checked bag", "carry-on", "hand luggage", "hotel", "hostel", "resort", "itinerary", "e-ticket", "eticket", "train",
      "rail", "railway", "bus ticket", "coach", "ferry", "cruise", "visa", "passport", "departure", "arrival", "gate", "terminal",
      "check-in", "check in", "checkout time", "check-out", "reservation", "booking", "booked", "trip", "vacation", "holiday",
      "frequent flyer", "air miles", "lounge", "rebook", "rebooked", "rebooking", "missed connection", "connecting flight",
      "flight number", "eu261", "overbooked", "overbooking", "seat selection", "window seat", "aisle seat", "cabin", "tatkal",
      "waitlisted ticket", "car rental", "rental car", "hire car", "taxi", "cab", "ride", "driver", "pickup", "travel", "traveling",
      "travelling", "tour", "guest house", "apartment stay", "host", "airbnb host", "vuelo", "reserva", "equipaje", "maleta",
      "voo", "bagagem", "bagage", "valise", "flug", "gepack", "koffer", "buchung", "volo", "bagaglio", "prenotazione",
      "vlucht", "stranded", "plane",
      "spa", "sauna", "massage", "room service", "housekeeping", "front desk", "concierge", "minibar", "mini bar", "late checkout",
      "late check-out", "early check-in", "pet policy", "double room", "single room", "twin room", "in the hold", "cargo hold", "gate-checked", "gate check", "check in online", "web check-in", "holiday package", "tour package", "travel insurance",
    ],
    medium: ["ticket", "tickets", "seat", "delayed", "reschedule", "compensation",
      "guest", "stay", "destination", "journey", "bag", "bags", "tour", "room",
      // a hotel's services: what its guests ask about besides the booking
      "swimming pool", "pool", "gym", "reception", "towels", "suite", "lobby",
      "pedicure", "manicure", "jacuzzi", "bathrobe"],
    weak: ["refund", "date", "change", "miles", "points", "upgrade", "vol", "night", "cancelled", "canceled", "boarding"],
  },
  telecom: {
    strong: [
      "sim", "esim", "e-sim", "sim card", "network", "signal", "no signal", "coverage", "roaming", "mobile data", "data pack",
      "data plan", "data balance", "data package", "data bundle", "data limit", "recharge", "prepaid", "postpaid", "pay as you go",
      "tariff", "broadband", "fibre", "fiber", "wifi", "wi-fi", "router", "modem", "ont", "landline", "4g", "5g", "lte", "volte",
      "apn", "imei", "porting", "port my number", "port out", "port in", "mnp", "pac code", "stac code", "unlock code",
      "call drop", "call drops", "dropped calls", "calls dropping", "calls keep dropping", "voicemail", "text messages",
      "incoming calls", "outgoing calls", "tower", "mast", "dth", "set-top box", "set top box", "tv channels", "phone bill",
      "mobile bill", "handset", "hotspot", "data allowance", "allowance", "dial tone", "line test", "tethering", "internet speed", "internet connection",
      "internet is down", "no internet", "slow internet", "mbps", "megabits", "line rental", "data usage", "data runs out",
      "data ran out", "run out of data", "ran out of data", "running out of data",
      // "my data" is someone's personal data (NEUTRAL) unless it runs out or has a plan
      "my data runs out", "my data ran out", "my data is running out", "my data usage", "my data plan", "my data allowance",
      "my data balance", "my data pack", "my data bundle", "my data limit", "my data speed", "my data connection", "my data roaming",
      "unlimited calls", "talk time", "telecom", "mobile plan", "phone plan", "sim swap", "number port", "portability",
      "red movil", "senal", "recarga", "reseau", "forfait", "netz", "empfang", "rete", "segnale", "ricarica", "rede", "sinal",
      "airtime", "mms", "caller id", "mifi", "dongle", "tv box", "home internet", "data bundles",
    ],
    medium: ["carrier", "plan", "bill", "internet", "phone", "mobile", "calls", "call quality", "speed", "top up", "top-up", "top ups", "top-ups",
      "contract", "upgrade", "device", "unlimited", "sms", "outage", "technician", "operator", "my number"],
    weak: ["line", "charges", "connection", "connect", "offline", "minutes", "mobile number", "phone number", "data"],
  },
  edtech_support: {
    strong: [
      "course", "courses", "enrol", "enroll", "enrolled", "enrolment", "enrollment", "lecture", "lectures", "lesson", "lessons", "quiz",
      "exam", "exams", "assignment", "assignments", "certificate", "certification", "gradebook", "grade", "grades", "transcript",
      "syllabus", "instructor", "tutor", "teacher", "professor", "student", "students", "learner", "cohort", "semester", "classroom",
      "curriculum", "mooc", "learning platform", "tuition", "scholarship", "university", "college", "school", "campus", "bootcamp",
      "proctor", "proctored", "proctoring", "mock test", "study material", "lms", "coursework", "homework", "specialization",
      "specialisation", "nanodegree", "degree", "diploma", "webinar", "live class", "recorded class", "graded", "deadline extension",
      "final project", "capstone", "peer review", "discussion forum", "course access", "exam result", "doubt session",
      "doubt clearing", "curso", "clase", "examen", "certificado", "cours", "examen", "certificat", "kurs", "prufung",
      "zertifikat", "corso", "esame", "certificato", "matricula", "inscripcion", "test series", "test score", "marks",
      "live session", "live sessions", "recordings", "recorded lectures", "auto-grader", "autograder", "grader", "financial aid",
      "report card", "report cards", "ielts", "toefl", "gmat", "plagiarism", "plagiarised", "plagiarized",
    ],
    medium: ["class", "classes", "video", "videos", "subscription", "learn", "training", "program", "programme", "batch", "mentor",
      "module", "modules", "progress bar", "completion", "submission", "learning", "study", "studying", "aula", "prova"],
    weak: ["progress", "content", "material", "account", "login", "test", "platform"],
  },
  general_info: {
    strong: [],
    medium: [
      "weather", "joke", "opening hours", "business hours", "store hours", "office hours", "how are you", "who are you",
      "what can you do", "are you a bot", "are you human", "your address", "head office", "careers", "job opening", "hiring",
      "franchise", "partnership", "press", "recipe", "physical store", "nearest store", "store near", "store location",
      "store locations", "nearest branch", "branch near", "good book", "a good book", "good movie", "football", "cricket score", "movie", "song", "poem", "meaning of life",
    ],
    weak: ["hello", "hi", "thanks", "thank you", "bye", "good morning", "good night"],
  },
};

/** Phrases that contain a vertical word but say nothing about the vertical: they consume it. */
const NEUTRAL = [
  "in order to", "in order for", "out of order", "order of", "support ticket", "ticket id", "ticket number with you",
  "raise a ticket", "raised a ticket", "open a ticket", "opened a ticket", "this ticket", "my ticket", "the ticket", "your ticket",
  "ticket no", "ticket ref", "case number", "customer care", "customer service", "customer support", "support team", "help desk",
  "helpdesk", "in the meantime", "at the moment", "at this point", "point of view", "in advance", "thank you in advance",
  "thanks in advance", "in the past", "last time", "this time", "every time", "no problem", "test message", "just testing",
  "phone number is", "call me", "check in with", "checking in", "follow up", "following up", "any update", "school of thought",
  "pay attention", "pay off", "sign up", "on hold", "put on hold", "hold music", "back and forth", "a lot", "bank holiday",
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
