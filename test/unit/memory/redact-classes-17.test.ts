// Redaction classes of 2026-12-07's eleventh session, left by the seventeenth outside probe (card
// data in helpdesk text): a card's groups apart in HTML markup, a full card number after a
// reference's word that ends in the four digits the message gives of the card, expiries and codes
// by more names, and a card's number, expiry or code read out in words as the reply to a
// question for it, in six languages.
import { redactText } from "../../../src/memory/redact";
import { businessRef, digits, expectRedacted, luhnCard, pick } from "./redact-seeded";

/** Each message comes out as it went in. */
function expectKept(messages: readonly string[]): void {
  for (const message of messages) expect(redactText(message).text).toBe(message);
}

const groups = (card: string): string[] => card.match(/\d{1,4}/g)!;
const expiry = (): string => `${String(1 + Math.floor(Number(digits(2)) % 12)).padStart(2, "0")}/${pick(["27", "28", "29", "30"])}`;

describe("a card's number across a helpdesk's markup", () => {
  it("removes the number whose groups stand between tags or no-break spaces", () => {
    for (let i = 0; i < 30; i++) {
      const card = luhnCard(pick(["4", "51", "55", "6011"]), 16);
      const g = groups(card);
      const ref = businessRef();
      const message = pick([
        () => `<p>My card is ${g.map((x) => `<span class="num">${x}</span>`).join(" ")}, please charge the ${ref}.</p>`,
        () => `<p>Card&nbsp;number:&nbsp;${g.join("&nbsp;")}</p><p>Fee for ${ref}.</p>`,
        () => `<div>card <b>${g[0]}</b> <b>${g[1]}</b> <b>${g[2]}</b> <b>${g[3]}</b></div><div>${ref}</div>`,
        () => `Número de tarjeta: <span style="font-family:monospace">${g.join("&#160;")}</span> — ${ref}`,
      ])();
      const text = redactText(message).text;
      for (const x of g) expect({ message, text, leaked: text.includes(`>${x}<`) || text.includes(`${x}&`) || text.includes(` ${x},`) }).toEqual({ message, text, leaked: false });
      expect(text).toContain(ref);
    }
  });

  it("keeps references in markup, and numbers of other kinds", () => {
    expectKept([
      '<p>Order <span class="ref">4471</span> <span class="ref">2290</span> was shipped on 12/05.</p>',
      "<p>Tracking&nbsp;1Z999AA10123456784, invoice&nbsp;INV-2024-0567</p>",
      "<td>Qty</td><td>2</td><td>Total</td><td>149.00</td>",
      "<p>Call&nbsp;us&nbsp;on&nbsp;+44&nbsp;20&nbsp;7946&nbsp;0958</p>",
    ]);
  });
});

describe("a card number after a reference's word, ending in the card's last four said in the message", () => {
  it("removes the number: the message named it as the card", () => {
    for (let i = 0; i < 20; i++) {
      const [prefix, length] = pick([["4", 16], ["52", 16], ["37", 15]] as const);
      const card = luhnCard(prefix, length);
      const last = card.slice(-4);
      const spaced = card.length === 15 ? `${card.slice(0, 4)} ${card.slice(4, 10)} ${card.slice(10)}` : groups(card).join(" ");
      const message = pick([
        `The card ending ${last}... actually here's the full number so you can find the transaction: ${spaced}`,
        `Visa ends in ${last}. For the payment reference: ${spaced}, please look it up.`,
        `last four digits ${last}; the order was charged to ${spaced} I think`,
      ]);
      expectRedacted({ message, secrets: [spaced], type: "card_number", keep: last });
    }
  });

  it("keeps a transaction's number that does not end as the card does", () => {
    const card = luhnCard("4", 16);
    const message = `My card ending ${card.slice(-4)} was charged twice, transaction ID 5254235056861895.`;
    expect(redactText(message).text).toBe(message);
  });
});

describe("an expiry or a code by more names, next to a card", () => {
  it("removes them", () => {
    for (let i = 0; i < 30; i++) {
      const card = luhnCard("4", 16);
      const [exp, code] = [expiry(), digits(3)];
      const ref = businessRef();
      const c = pick([
        { message: `Charge ${ref} to my Visa ${card}. Security code is ${code} and it's good through ${exp}.`, secrets: [exp], type: "card_expiry" },
        { message: `I'm paying ${ref} with ${card}, the little number next to the signature is ${code}.`, secrets: [code], type: "cvv" },
        { message: `I'm paying ${ref} with ${card} and the date on the front says ${exp}.`, secrets: [exp], type: "card_expiry" },
        { message: `Card number (front): ${card} / back: ${code} - this is for ${ref}.`, secrets: [code], type: "cvv" },
        { message: `<PaymentRequest><CardNumber>${card}</CardNumber><ExpiryDate>20${exp.slice(3)}-${exp.slice(0, 2)}</ExpiryDate></PaymentRequest> ${ref}`, secrets: [`20${exp.slice(3)}-${exp.slice(0, 2)}`], type: "card_expiry" },
        { message: `银联卡号${card}，到期日20${exp.slice(3)}年${Number(exp.slice(0, 2))}月，${ref}`, secrets: [`20${exp.slice(3)}年${Number(exp.slice(0, 2))}月`], type: "card_expiry" },
      ]);
      expectRedacted({ ...c, keep: ref });
    }
  });

  it("removes an expiry in brackets later in its label's sentence", () => {
    for (let i = 0; i < 12; i++) {
      const card = luhnCard("4", 16);
      const ref = businessRef();
      const [exp, spoken] = [expiry(), pick(["January 2029", "Sept 2028", "March 30"])];
      expectRedacted({ message: `Card ${card}, and it expires at the end of next year (${exp}). Please take the balance for ${ref}.`, secrets: [exp], type: "card_expiry", keep: ref });
      expectRedacted({ message: `Amex ${card}, expiry as printed on it (${spoken}). Please use it for ${ref}.`, secrets: [spoken], type: "card_expiry", keep: ref });
    }
  });

  it("keeps a date an offer or a delivery is good through, where no card is named", () => {
    expectKept(["The coupon is good through 12/26, order ORD-55231.", "Delivered on 05/28, the back: 2 boxes were missing.", "My subscription expires soon (March 2027), invoice INV-2024-0567."]);
  });
});

describe("a card's code a few words after its name, in its clause", () => {
  it("removes the code", () => {
    for (let i = 0; i < 20; i++) {
      const code = digits(pick([3, 4]));
      const ref = businessRef();
      const message = pick([
        `Forgot to add the CVV in my last message, it's ${code}. About ${ref}.`,
        `The CVC, which is ${code}, keeps failing for ${ref}.`,
        `About ${ref}: the security code on my new card is ${code}.`,
      ]);
      expectRedacted({ message, secrets: [code], type: "cvv", keep: ref });
    }
  });

  it("keeps another number's digits and a card's last four", () => {
    expectKept(["The CVV on my card is worn off, order 123 is stuck.", "CVV is fine, the card ending is 4242.", "The CVV field for invoice is 443 characters long?"]);
  });
});

describe("a card's number, expiry or code read out in words as the reply to a question for it", () => {
  it("removes each reply, in the languages calls are taken in", () => {
    const ref = "reference MAD-88120";
    for (const [question, reply, type] of [
      ["Agent: And when does it expire?", "oh six, twenty-nine", "card_expiry"],
      ["Agent: Expiry?", "zero one, thirty", "card_expiry"],
      ["Agent: Expiry date?", "March twenty twenty-eight", "card_expiry"],
      ["Mitarbeiter: Und das Ablaufdatum?", "Null drei, neunundzwanzig", "card_expiry"],
      ["Operatore: E la scadenza?", "Zero quattro ventotto", "card_expiry"],
      ["Agente: ¿Fecha de caducidad?", "Once del veintiocho", "card_expiry"],
      ["Оператор: Срок действия?", "ноль пять, двадцать девять", "card_expiry"],
      ["Conseiller : Pouvez-vous me donner les chiffres au dos de la carte ?", "deux cent quarante-sept", "cvv"],
      ["Оператор: Продиктуйте, пожалуйста, номер карты.", "два два ноль ноль, четыре шесть девять ноль, семь три ноль пять, семь девять восемь семь", "card_number"],
      ["Operatore: mi dice il numero della carta?", "quattro quattro due sei due quattro due nove tre otto quattro cinque quattro sette zero uno", "card_number"],
    ] as const) {
      const message = `${question}\nCliente: ${reply}.\nAgent: thank you, ${ref}.`;
      expectRedacted({ message, secrets: [reply], type, keep: ref });
    }
  });

  it("keeps replies that are not the value asked for", () => {
    expectKept([
      "Agent: Expiry?\nCustomer: not sure, the card is at home.\nAgent: no problem.",
      "Agent: And the security code?\nCustomer: one moment please.",
      "Operatore: E la scadenza?\nCliente: non lo so, è nel portafoglio.",
      "Agent: what's the card number?\nCustomer: I'd rather pay by bank transfer.",
    ]);
  });
});
