// The words around a labelled value that say it is something else: a business reference, an
// amount, a phone number, a bank's branch code (blockers between a label and its value, per kind
// of label), and the words right before a bare number that make it a reference or a device's.
// Data; labelled.ts, patterns.ts and api-keys.ts read it.
import type { LabelKind } from "./vocabulary";

// Words that, between a label and a number, say the number is something else.
const BUSINESS = [
  "order", "orders", "ord", "invoice", "invoices", "inv", "bill", "receipt", "ticket", "tickets", "case",
  "incident", "tracking", "track", "awb", "consignment", "shipment", "parcel", "package", "utr", "rrn", "arn",
  "txn", "transaction", "transactions", "trans", "ref", "reference", "booking", "pnr", "reservation",
  "confirmation", "itinerary", "eticket", "flight", "flights", "flug", "vuelo", "voo", "volo", "train", "seat", "iccid", "error", "ext", "extension",
  "version", "build", "model", "zip", "postal", "postcode", "pincode", "claim", "policy", "sku", "item",
  "customer", "user", "member", "loyalty", "ending", "ends", "last", "cif", "crn", "trip",
  // what a number in a list may be instead ("PIN 4821, Date: 2024")
  "date", "time", "amount", "total", "price", "qty", "quantity",
  // the same in the other languages customers write in
  "pedido", "factura", "reserva", "referencia", "seguimiento", "envío", "envio", "commande", "facture",
  "réservation", "référence", "suivi", "colis", "bestellung", "bestellnummer", "rechnung", "rechnungsnummer",
  "buchung", "sendungsnummer", "sendung", "fatura", "rastreio", "encomenda",
  "orden", "ordine", "ordernummer", "bestelnummer", "transaktionsnummer", "zahlungsreferenz", "referenz", "riferimento",
  "compra", "auftrag", "auftragsnummer", "bestellnr", "operación", "operacion", "operazione", "transazione", "transação", "transacao",
  "transactie", "transactienummer", "opération", "operation",
  // error codes and a helpdesk's own conversation ids; Turkish orders, waybills and bookings
  "prenotazione", "prenotazioni", "reservering", "boeking", "rezerwacja", "errore", "erreur", "fehler", "erro", "fout", "hata", "conversation", "localizador", "locator", "sipariş", "siparis", "kargo", "takip", "rezervasyon",
  // a shop's or a library's own cards ("loyalty card 6300 1188 2130")
  "loyalty card", "member card", "membership card", "library card", "club card", "rewards card",
  // customer numbers ("Kundennummer 5590 2231 8" next to "Konto"), a Ukrainian waybill (ТТН)
  "kundennummer", "kundennr", "klantnummer", "kundenummer", "kundnummer", "asiakasnumero", "ттн",
  // waybills, orders and payment references in Korean, Japanese and Chinese; Nordic giro payment ids (KID, OCR)
  "운송장", "송장", "주문번호", "예약번호", "注文番号", "追跡番号", "伝票番号", "订单号", "运单号", "快递单号",
  "kid-nummer", "ocr-nummer", "ocr-referens", "bankgiro", "plusgiro", "referansenummer",
  // tickets, product codes and the carriers a tracking number is given with
  "tkt", "etkt", "ean", "isbn", "upc", "gtin", "fedex", "ups", "usps", "dhl", "dpd", "tnt", "aramex", "bluedart", "delhivery", "correos",
];
/** Words that, between a key or token word and a long string, say the string is a reference. */
export const REFERENCE_WORDS: ReadonlySet<string> = new Set(BUSINESS);
const CURRENCY = ["rs", "inr", "usd", "eur", "gbp", "aed", "sgd", "aud", "cad", "jpy", "cny", "rupees", "dollars", "euros", "bucks"];
const CONTACT = ["phone", "mobile", "tel", "telephone", "contact", "whatsapp", "cell", "landline", "fax"];
const BRANCH = ["routing", "aba", "sort", "ifsc", "swift", "bic", "micr", "branch"];

// "id" cancels a PIN or an account ("user id 1234", "account ID 123456789") but not an
// identity document ("passport ID K1234567", "Aadhaar ID …").
const CALL = ["call", "dial", "helpline", "hotline", "tollfree", "toll"];
const SHORT_SECRET_BLOCKERS = new Set([...BUSINESS, ...CURRENCY, ...CALL, "id"]);
const LONG_SECRET_BLOCKERS = new Set([...BUSINESS, ...CURRENCY, ...CONTACT, ...CALL]);
const ACCOUNT_BLOCKERS = new Set([...BUSINESS, ...CURRENCY, ...CONTACT, ...CALL, ...BRANCH, "id"]);

/** Per kind: how far the value may sit from its label and which words in between cancel it. */
export const GAP_RULES: Record<Exclude<LabelKind, "password" | "passcode">, { maxGap: number; blockers: Set<string> }> = {
  otp: { maxGap: 32, blockers: SHORT_SECRET_BLOCKERS },
  cvv: { maxGap: 32, blockers: SHORT_SECRET_BLOCKERS },
  security_code: { maxGap: 32, blockers: SHORT_SECRET_BLOCKERS },
  pin: { maxGap: 24, blockers: SHORT_SECRET_BLOCKERS },
  pin_code: { maxGap: 16, blockers: SHORT_SECRET_BLOCKERS },
  card_number: { maxGap: 32, blockers: LONG_SECRET_BLOCKERS },
  bank_account: { maxGap: 32, blockers: ACCOUNT_BLOCKERS },
  sort_code_account: { maxGap: 32, blockers: ACCOUNT_BLOCKERS },
  aadhaar: { maxGap: 40, blockers: LONG_SECRET_BLOCKERS },
  pan: { maxGap: 24, blockers: LONG_SECRET_BLOCKERS },
  passport: { maxGap: 40, blockers: LONG_SECRET_BLOCKERS },
  ssn: { maxGap: 24, blockers: LONG_SECRET_BLOCKERS },
  // "IMEI of my phone is …" is the normal way to say it, so contact words do not cancel.
  imei: { maxGap: 32, blockers: SHORT_SECRET_BLOCKERS },
  id_document: { maxGap: 32, blockers: LONG_SECRET_BLOCKERS },
};

/** "bill" as a noun: as a verb ("please bill 3771…", "can you bill …") it names no bill's number. */
const BILL_NOUN = String.raw`(?<!(?:please|kindly|can\s+you|could\s+you|you\s+can|just|to)\s+)bill`;
/** An operation's or a transfer's number (not words between a PIN's name and the PIN: "PIN transaksi 935440"). */
const TRANSACTION_WORDS = ["transaktions", "transaktion", "referans", "transaksi", "العملية", "عملية", "операции"];
/** Business words right before a bare number: the number is a reference, not a secret. */
export const BUSINESS_BEFORE = new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:${[...BUSINESS.filter((w) => w !== "ending" && w !== "ends" && w !== "last").map((w) => (w === "bill" ? BILL_NOUN : w)), "sim", "esim", String.raw`payment\s+(?:id|ref\w*)`, ...TRANSACTION_WORDS].join("|")})` +
    String.raw`(?:\s*(?:#|:|=|-|_|["'.]|no\.?|nr\.?|n[º°o]?\.|number|num|ids|numaram|numarası|numarasi|id|code|is|was|번호|번호는|は|番号|号|：))*\s*$`,
  "iu",
);

/** Device words before a Luhn-valid 15-digit number make it an IMEI rather than a card. */
export const DEVICE_BEFORE =
  /(?<![\p{L}])(?:imei|device|phone|handset|mobile|smartphone|iphone|ipad|tablet|android|galaxy|pixel|samsung|oneplus|xiaomi|redmi|oppo|vivo|realme|nokia|motorola|moto|huawei|serial)(?![\p{L}])/iu;

/** A message (or a line's lead) that names a payment card, in the languages customers write in. */
export const NAMES_A_CARD = /\b(?:card|carte|karte|tarjeta|cart[aã]o|carta|karta|karty|kart|visa|master\s?card|amex|maestro|rupay|discover|diners|jcb|unionpay)\b|카드|卡|カード|карт/iu;
/** NAMES_A_CARD's words without its word boundaries and Unicode mode: ten times cheaper, a test to run before it. */
export const MAY_NAME_A_CARD = /card|kart|tarjeta|cart|visa|master|amex|maestro|rupay|discover|diners|jcb|unionpay|카드|卡|カード|карт/i;

/** Who speaks on a chat line ("[10:15] Customer: "), which a business word before a number does not make a reference's label. */
export const SPEAKER_ROLE = /^\s*(?:\[[^\]\n]{1,30}\]\s*)?(?:\d{1,2}:\d{2}(?::\d{2})?\s*)?(?:customer|client|user|member|guest|caller)(?:\s*\([^)\n]{1,30}\))?\s*[:：]\s*$/i;

/**
 * Said of the seller's own number ("NIF da loja …", "the shop's VAT number") or a company's VAT
 * number ("P.IVA aziendale"), after the number's name and before it. Not "the company's": that may
 * be the customer's own business, whose number a customer may well keep private (a CNPJ "da empresa").
 */
export const OF_A_BUSINESS = /^\s*(?:da|de\s+la|del|de\s+l['’]|della|dell['’]|du|de)\s*(?:loja|tienda|boutique|negozio|magasin|comercio|vendedor|fornecedor|proveedor)\b|^\s*aziendale\b|^\s*of\s+(?:the|your)\s+(?:shop|store|merchant|seller|vendor|supplier)\b/i;
export const A_BUSINESS_S = /\b(?:shop|store|merchant|seller|vendor|supplier)['’]s\s*$|\b(?:the|your)\s+(?:shop|store|merchant|seller)\s*$/i;

/** Openings no card network uses (RuPay's 81 and 82, Troy's 9792, 2221–2720 and 1 for UATP are cards'). */
export const UNLIKE_A_CARD = /^(?:0|2[0189]|7|8[03-9]|9(?!792))/;
/** A message about a card or a payment: there a Luhn-valid number that opens as no network's may still be a card. */
export const PAYMENT_TALK = /card|kart|tarjeta|cart[aã]o|carta|pay|paid|pago|charge|bill|purchase|bank|debit|credit|\bpan\b|checkout|visa|troy|unionpay|rupay|カード|卡|카드|карт/i;
/**
 * Visa, Mastercard (51–55, 22–27) and Maestro (50, 56–58), Amex (34, 37), Discover, UnionPay,
 * RuPay, JCB (6, 35), Diners (300–305, 309, 36, 38, 39).
 */
export const CARD_NETWORK_START = /^(?:4|5|2[2-7]|3(?:0[0-59]|[4-9])|6)/;

/** What a number after "PIN limit", "PIN attempts" … is: a limit or a count, not the PIN. */
export const ABOUT_THE_PIN = /^\s*(?:limit|limits|attempts?|tries|count|length|fee|reset|change)\b/i;
/** An address before "PIN 560001": India's postal PIN code. */
export const ADDRESS_BEFORE = /\b(?:address|addr|road|rd|street|nagar|colony|sector|flat|city|district|state|taluka|village|shipping|deliver(?:y)?\s+to)\b/i;
