// Business references by shape or by the word that announces them; never redaction tokens,
// amounts, dates or bank numbers.
import { findRefs } from "../../../../src/memory/extract/refs";
import { extract } from "./run";

const values = (text: string): string[] => findRefs(text).map((r) => r.value);

describe("findRefs", () => {
  it.each<[string, string[]]>([
    ["My order ORD-44821 is late", ["ORD-44821"]],
    ["Invoice INV-2024-0042 has the wrong VAT", ["INV-2024-0042"]],
    ["PNR ABC123 flight cancelled", ["ABC123"]],
    ["my pnr is x7kq2p", ["x7kq2p"]],
    ["Booking reference: QWERTY, hotel in Rome", ["QWERTY"]],
    ["Indian Railways PNR 4521369870 shows cancelled", ["4521369870"]],
    ["UPI ref no 412345678901 for ₹500", ["412345678901"]],
    ["Ticket #4567 and case number: 99812", ["4567", "99812"]],
    ["Amazon order 405-1234567-1234567", ["405-1234567-1234567"]],
    ["UPS tracking 1Z999AA10123456784", ["1Z999AA10123456784"]],
    ["India Post RR123456789IN hasn't moved", ["RR123456789IN"]],
    ["Flipkart order OD427819236584112000", ["OD427819236584112000"]],
    ["Transaction ID TXN-88213-B failed", ["TXN-88213-B"]],
    ["Confirmation number 4012345678 on Booking.com", ["4012345678"]],
    ["Case ABX-20931 about my EM-200 printer", ["ABX-20931"]],
    ["Any news on case 233970? It has been a week", ["233970"]],
    ["I filed claim 88123401 for the broken screen", ["88123401"]],
    ["Meine Bestellnummer 40211873 ist noch nicht angekommen", ["40211873"]],
    ["Rechnungsnummer: RE-2024-118 ist falsch", ["RE-2024-118"]],
    ["My PNR is NRX4K2 and the flight was cancelled", ["NRX4K2"]],
    ["booking ref NR7QPL for two nights", ["NR7QPL"]],
    ["order nr 55120931 still missing", ["55120931"]],
    ["order no.55120932 still missing", ["55120932"]],
    // the number sign of French, Spanish, Portuguese and Italian writers
    ["Bonjour, ma commande n° 7781203 devait arriver le 2 mai", ["7781203"]],
    ["Mi pedido nº 55120 no llegó", ["55120"]],
    ["O pedido n.º 88123 veio errado", ["88123"]],
    ["La factura núm. 2024-113 está mal", ["2024-113"]],
    ["commande numéro 7781203", ["7781203"]],
    ["L'ordine n. 55120 non è arrivato", ["55120"]],
  ])("%s → %s", (text, expected) => {
    expect(values(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    "My card [REDACTED:card_number] was declined",
    "Paid INR5000 and USD 20 on 2024-05-01",
    "My bill 2300 is too high",
    "I ordered 3 items two weeks ago",
    "IFSC SBIN0001234 is my branch",
    "PNR URGENT please help",
    "We have been customers since 2019",
    "Card ending 4821",
    "My EM-200 printer stopped printing after the update",
    "The model XR-5000 keeps rebooting",
    "Our BX-310 wireless router drops every hour",
    "Just in case 50000 people sign up, can the plan scale?",
    "In case 12 of us come, is there a group rate?",
    "I want compensation under EU261 for the delay.",
    "Are you SOC2 compliant, and does checkout support PSD2?",
  ])("finds no ref in %s", (text) => {
    expect(values(text)).toEqual([]);
  });

  it("keeps the kind of each ref", () => {
    const kinds = Object.fromEntries(findRefs("Order #A99231, tracking AWB 889123456, PNR K8L2MQ, invoice INV-77").map((r) => [r.value, r.kind]));
    expect(kinds).toMatchObject({ A99231: "order", "889123456": "tracking", K8L2MQ: "pnr", "INV-77": "invoice" });
  });
});

describe("refs on the issue", () => {
  it("collects refs from the customer and refs the agent confirms, once each", () => {
    const out = extract([
      "My refund for order ORD-5512 never arrived.",
      "agent: I've re-issued the refund, reference RF-20931. It takes 3-5 days.",
      "Thanks. It was ORD-5512 from last month.",
    ]);
    expect(out.issue?.refs).toEqual(["ORD-5512", "RF-20931"]);
  });

  it("reads refs in the ticket subject", () => {
    const out = extract("Any news? It still hasn't arrived.", { metadata: { subject: "Order ORD-99121 delayed" } });
    expect(out.issue?.refs).toContain("ORD-99121");
    expect(out.support_type).toBe("ecommerce");
  });
});
