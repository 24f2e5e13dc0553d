// Redaction classes of 2026-12-06's eighth session. Generated from a seed where a class has
// variants; no secret may survive and every business reference must.
import { redactConversation, redactText } from "../../../src/memory/redact";
import { businessRef, digits as digitsOf, luhnCard, next, pick } from "./redact-seeded";

describe("labels and names read as what they are", () => {
  it("removes a security answer given after 'Answer:' on the line under the question, and keeps the word 'Answer'", () => {
    for (let i = 0; i < 12; i++) {
      const question = pick(["What was your first pet's name?", "mother's maiden name", "What is the name of your first school?", "pet's name"]);
      const label = pick(["Answer", "Réponse", "Antwort", "A"]);
      const value = pick(["Pipoca", "Hennessy", "Biscuit", "St Anne's"]);
      const message = `Security question: ${question}\n${label}: ${value}`;
      const text = redactText(message).text;
      expect({ message, text, leaked: text.includes(value) }).toEqual({ message, text, leaked: false });
      expect(text).toContain(`\n${label}: [REDACTED:`);
    }
  });
  it("keeps the name of a pod, a server or a user a password is reset for, and removes the new password after it", () => {
    for (const thing of ["pod api-7f9c8d-x2kq", "server web-03b7a2", "user jdoe-42x9", "database orders-eu1"]) {
      const message = `we need a password reset for the ${thing} please`;
      expect(redactText(message).text).toBe(message);
      const text = redactText(`password reset for the ${thing}, new one Xy7!abc2`).text;
      expect(text).toContain(thing);
      expect(text).not.toContain("Xy7!abc2");
    }
  });
});

describe("security answers to the usual questions in other languages, and keys and passwords by shorter names", () => {
  const questions = [
    ["mi primera mascota se llamaba", "es"],
    ["la ciudad de nacimiento de mi padre:", "es"],
    ["nome de solteira da minha mãe:", "pt"],
    ["ville de naissance de mon père :", "fr"],
    ["ma première voiture était une", "fr"],
    ["Sicherheitsfrage Name der ersten Schule:", "de"],
    ["mein erstes Haustier hieß", "de"],
    ["Mädchenname meiner Mutter:", "de"],
    ["il mio primo cane si chiamava", "it"],
    ["eerste huisdier:", "nl"],
    ["meisjesnaam van mijn moeder is", "nl"],
    ["my first car was a", "en"],
  ] as const;
  it("removes the answer after the question, however the language introduces it, and keeps the question", () => {
    for (let i = 0; i < 24; i++) {
      const [question] = pick(questions);
      const value = pick(["Canela", "Besançon", "Lessing-Gymnasium", "Struppi", "Ford Fiesta", "Van Dijk", "Oliveira"]);
      const message = `${pick(["Cliente: ", "Kunde 11:20: ", "", "Client : "])}${question} ${value}${pick(["", ".", " 🙂", "\nAgente: gracias"])}`;
      const text = redactText(message).text;
      expect({ message, text, leaked: text.includes(value) }).toEqual({ message, text, leaked: false });
      expect(text).toContain(question);
    }
  });
  it("removes a Japanese answer without its polite ending, and a Russian one", () => {
    expect(redactText("2026/12/03 20:11 木村：母の旧姓は佐々木です").text).toBe("2026/12/03 20:11 木村：母の旧姓は[REDACTED:password]です");
    expect(redactText("最初のペットの名前: ポチ").text).toBe("最初のペットの名前: [REDACTED:password]");
    expect(redactText("девичья фамилия матери: Соколова").text).not.toContain("Соколова");
  });
  it("keeps a message that only mentions such a question, or a past tense after a password's name", () => {
    for (const message of ["mi primer pedido no llegó", "password fue cambiado ayer", "the first school was closed", "ma première commande est arrivée cassée", "my first pet was a dog"])
      expect(redactText(message).text).toBe(message);
  });
  it("reads Dutch 'ww' (wachtwoord) as a password's name before a strong value, and a key after a bare 'secret'", () => {
    const text = redactText("Sven: ww is Fietsbel_2022\nSven: of was het Fietsbel_2023, weet het niet meer").text;
    expect(text).not.toMatch(/Fietsbel_202[23]/);
    for (const message of ["WW2 Veterans2024 reunion", "ww is kapot", "mijn ww werkt niet", "the secret ingredient is LoveAndPatience2024Forever", "secret santa list"])
      expect(redactText(message).text).toBe(message);
    const key = "yADRiGhiNCO7pZR9ftEjSWcw";
    expect(redactText(`key id rzp_live_a7nPU2gOa38vu7 secret ${key}`).text).not.toContain(key);
  });
});

describe("card numbers named in more languages", () => {
  const labels = ["kaartnummer", "creditcardnummer", "numero della carta", "carta di credito", "numer karty", "kart numarası", "kredi kartı", "nomor kartu", "kortnummer", "kortin numero", "номер карты", "αριθμός κάρτας", "číslo karty", "kártyaszám", "numărul cardului", "رقم البطاقة", "カード番号", "卡号", "카드번호"];
  it("removes a card's number after its name however the app grouped it, and keeps the business reference", () => {
    for (let i = 0; i < 30; i++) {
      const n = `4${Array.from({ length: 15 }, () => Math.floor(next() * 10)).join("")}`;
      const shown = pick([`${n.slice(0, 4)} ${n.slice(4, 12)} ${n.slice(12)}`, `${n.slice(0, 6)} ${n.slice(6)}`, n, `${n.slice(0, 4)}-${n.slice(4, 8)}-${n.slice(8, 12)}-${n.slice(12)}`]);
      const ref = businessRef();
      const message = `${ref}: ${pick(labels)}${pick([" ", ": ", " - "])}${shown}`;
      const text = redactText(message).text;
      expect({ message, text, leaked: /\d{4}/.test(text.replace(ref, "")) }).toEqual({ message, text, leaked: false });
      expect(text).toContain(ref);
    }
  });
});

const SAY = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const SAY_ES = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"];

describe("cards no digit pattern sees: stripe data, OCR misreads, cards read out in words", () => {
  it("removes Track 1 and Track 2 data whole, with or without their sentinels", () => {
    for (let i = 0; i < 10; i++) {
      const pan = luhnCard(pick(["4", "51", "2221", "6011"]), 16);
      const track = pick([
        `%B${pan}^DOE/JANE^2704201${digitsOf(8)}?`,
        `;${pan}=2811201${digitsOf(10)}?`,
        `${pan}=2810201${digitsOf(12)}`,
        `${pan}D2712101${digitsOf(9)}`,
      ]);
      const message = `${pick(["T2=", "DE35 (Track 2) : ", "reader printed: ", ""])}${track}\nAUTH REQ -> host timeout, ${businessRef()}`;
      const text = redactText(message).text;
      expect({ message, text, leaked: text.includes(pan.slice(4, 12)) || text.includes(track.slice(-8)) }).toEqual({ message, text, leaked: false });
    }
    expect(redactText("ERR 51 at 12:04=2810 on terminal T-88104").text).toBe("ERR 51 at 12:04=2810 on terminal T-88104");
  });
  it("removes a card an OCR read with letters for some digits, and keeps codes of letters and digits", () => {
    const look: Record<string, string[]> = { "0": ["O", "D"], "1": ["I", "l"], "5": ["S", "s"], "8": ["B"], "2": ["Z"] };
    for (let i = 0; i < 20; i++) {
      const pan = luhnCard(pick(["4", "55", "37", "6011", "35"]), pick([15, 16]));
      // one to three digits after the first misread as their look-alike letters
      const misread = pan.split("");
      const places = misread.map((d, k) => (k > 0 && look[d] ? k : -1)).filter((k) => k > 0);
      if (places.length === 0) continue;
      for (let swaps = 1 + Math.floor(next() * 3); swaps > 0; swaps--) {
        const k = pick(places);
        misread[k] = pick(look[pan[k]!]!);
      }
      const shown = misread.join("");
      const printed = pick([shown, shown.replace(/(.{4})(?=.)/g, "$1 ")]);
      const message = `[Attachment OCR: IMG_${digitsOf(4)}.jpg]\n${pick(["VISA", "DEBIT", "CARTE BANCAIRE", "PAN"])}\n${printed}\n${businessRef()}`;
      const text = redactText(message).text;
      expect({ message, text, leaked: text.includes(printed) }).toEqual({ message, text, leaked: false });
    }
    for (const message of ["voucher SALE-2O25-BLCK-FRDY", "tracking 1Z999AA10123456784", "serial SN4B7Z-2O19-QX8L", "ref AB12 CD34 EF56 GH78", "tracking number SQ570952634GB", "order no. 672078904710 Is there an incident?"])
      expect(redactText(message).text).toBe(message);
  });
  it("removes a card read out in words, in English or Spanish, with 'double', 'triple', 'oh' and 'for' said for four", () => {
    for (let i = 0; i < 20; i++) {
      const pan = luhnCard(pick(["4", "53", "34", "6011"]), pick([15, 16]));
      const spanish = next() < 0.3;
      const words = pan.split("").map((d) => (spanish ? SAY_ES : SAY)[Number(d)]!.replace(/^zero$/, pick(["zero", "oh"])).replace(/^four$/, pick(["four", "for"])));
      const groups = words.map((w, k) => (k > 0 && k % 4 === 0 ? `, ${w}` : k > 0 ? ` ${w}` : w)).join("");
      const spoken = groups.replace(/\b(\w+) \1\b/, "double $1");
      const message = `${pick(["Caller: yeah it's ", "customer: ok so the card is ", "Voice note: number is ", "cliente: la tarjeta es "])}${spoken}${pick([" and that's a visa", ", cheers", "."])}`;
      const text = redactText(message).text;
      expect({ message, text, leaked: text.includes(spoken) }).toEqual({ message, text, leaked: false });
    }
    for (const message of ["one two three four five six seven eight, who do we appreciate", "I have two kids, four dogs and one cat, for three years now"])
      expect(redactText(message).text).toBe(message);
  });
});

describe("a card given a piece at a time", () => {
  it("removes a card whose pieces end one chat line and fill the next ones, whoever's lines they are", () => {
    for (let i = 0; i < 16; i++) {
      const pan = luhnCard(pick(["4", "55", "6011", "35"]), 16);
      const cut = pick([[8], [4, 8, 12], [6], [8, 12]]);
      const parts = [0, ...cut].map((from, k, all) => pan.slice(from, all[k + 1] ?? 16)).map((p) => (p.length === 8 && next() < 0.5 ? `${p.slice(0, 4)} ${p.slice(4)}` : p));
      const speaker = pick(["14:02:07 Customer (Jamal): ", "SMS 1/2 from +1 555-0134: ", "[09:41] Jordan: ", ""]);
      const message = [`${speaker}${pick(["card is ", "card number ", "here: ", "ok "])}${parts[0]}`, ...parts.slice(1).map((p) => `${speaker}${p}`), `${speaker}sorry pressed enter too early`].join("\n");
      const text = redactText(message).text;
      expect({ message, text, leaked: parts.some((p) => text.includes(p)) }).toEqual({ message, text, leaked: false });
    }
  });
  it("does so across the messages of a conversation, and keeps numbers that make no card", () => {
    const pan = luhnCard("4", 16);
    const [a, b] = redactConversation(["my card is " + pan.slice(0, 8), pan.slice(8)]).map((r) => r.text);
    expect([a, b]).toEqual(["my card is [REDACTED:card_number]", "[REDACTED:card_number]"]);
    for (const message of ["order 1234\n5678", "Room 4412\n1 night", "Ticket 4521 8876\n4521 8876"]) expect(redactText(message).text).toBe(message);
  });
  it("removes a card grouped four, eight, four as some banking apps show it", () => {
    for (let i = 0; i < 8; i++) {
      const pan = luhnCard(pick(["4", "52", "6011"]), 16);
      const shown = `${pan.slice(0, 4)} ${pan.slice(4, 12)} ${pan.slice(12)}`;
      const message = `[11:47] Felix: the app splits it weird but here: ${shown}`;
      expect(redactText(message).text).not.toContain(shown);
    }
  });
});

describe("a card payment's one-time code, however far its name is from it", () => {
  it("removes the code after its name and the payment's details, in the words of banks' texts", () => {
    for (let i = 0; i < 24; i++) {
      const code = pick([digitsOf(6), digitsOf(8), `${digitsOf(3)}-${digitsOf(3, "0123456789")}`]);
      const amount = pick(["INR 12,499.00", "$25.00", "89,90 EUR", "GBP 318.00"]);
      const message = pick([
        `FW: Your One-Time Password for the transaction of ${amount} at MAKEMYTRAIL on your card ending 4471 is ${code}. Valid for 10 mins.`,
        `Hey, Ringo Mobile here. Your code to confirm the card payment of ${amount} is ${code}`,
        `Me llegó esto: "Su clave de verificación para la compra de ${amount} con su tarjeta terminada en 2210 es ${code}. No la comparta."`,
        `[21:04] Klient: kod 3D Secure z SMS-a to ${code}, ale strona się zawiesiła`,
        `Note for QA: the customer read out the 3DS code ${code} before I could stop her.`,
        `Customer SMS 09:14: "Verified by Visa code: ${code} - is this the right one?"`,
        `the payment page is asking for a code, I got an SMS with ${code.replace("-", "")}, is that it?`,
      ]);
      const text = redactText(message).text;
      expect({ message, text, leaked: text.includes(code) || text.includes(code.replace("-", "")) }).toEqual({ message, text, leaked: false });
      expect(text).toContain("4471".slice(0, message.includes("4471") ? 4 : 0));
    }
  });
  it("keeps a year after 3D Secure, a phone the code went to and a booking's reference before 'is not arriving'", () => {
    for (const message of ["3D Secure 2022 rollout broke our checkout", "The one-time password for booking REF 884512 is not arriving", "your OTP is sent to 9876543210", "the verification code expired after 10 minutes, order 44512312"])
      expect(redactText(message).text).toBe(message);
  });
  it("reads a code said in words after 'it says' as the answer to the agent's question", () => {
    const message = "Agent: the bank should have sent you a one-time code, can you see it?\nCaller: yes it says six one three, eight eight two\nAgent: please type that into the box";
    expect(redactText(message).text).not.toContain("six one three");
  });
});

describe("a card's fields as systems write them", () => {
  it("removes the card, expiry and code of a form post, a gateway's XML, an ISO 8583 dump and a reservation's form of payment", () => {
    for (let i = 0; i < 10; i++) {
      const pan = luhnCard(pick(["4", "51", "37"]), 16);
      const [mm, yy] = [pick(["01", "05", "08", "12"]), pick(["27", "29", "31"])];
      const cvv = digitsOf(3);
      const cases: [string, string[]][] = [
        [`POST /checkout/submit\n\ncc_number=${pan}&cc_exp=${mm}%2F${yy}&cc_cvv=${cvv}&save=1`, [pan, `${mm}%2F${yy}`, cvv]],
        [`<Card>\n  <Number>${pan}</Number>\n  <ExpiryDate>${yy}${mm}</ExpiryDate>\n  <CVV2>${cvv}</CVV2>\n</Card>`, [pan, `${yy}${mm}`, cvv]],
        [`ISO8583 dump:\nDE2  (PAN)              : ${pan}\nDE14 (Expiration date)  : ${yy}${mm}\nDE41 (Terminal ID)      : TRM00882`, [pan, `${yy}${mm}`]],
        [`PNR QK7R2M remarks (copied from GDS):\n FP CCVI${pan}/${mm}${yy}\n RM PAX REQUESTS REFUND`, [pan, `${mm}${yy}`]],
      ];
      for (const [message, secrets] of cases) {
        const text = redactText(message).text;
        for (const secret of secrets) expect({ message, text, leaked: text.includes(secret) }).toEqual({ message, text, leaked: false });
      }
    }
  });
  it("removes a table's card, expiry and PIN columns, and keeps masked cards and amounts", () => {
    const pan = luhnCard("35", 16);
    const table = `booking_id,guest_name,card_number,card_exp,nights\nBK-30012,Hana Kobayashi,${pan},03-32,3\nBK-30014,Mia Schultz,**** 1147,,1`;
    expect(redactText(table).text).toBe("booking_id,guest_name,card_number,card_exp,nights\nBK-30012,Hana Kobayashi,[REDACTED:card_number],[REDACTED:card_expiry],3\nBK-30014,Mia Schultz,**** 1147,,1");
    expect(redactText(`member,card,pin_hint\nDad,${pan},3274`).text).toBe("member,card,pin_hint\nDad,[REDACTED:card_number],[REDACTED:pin]");
    const masked = "refund_id,card,amount\nRF-1181,************3390,19.99\nRF-1182,************0474,5.00";
    expect(redactText(masked).text).toBe(masked);
  });
});

describe("a card typed wrong, a card's code by how people say it, and the test cards of payment docs", () => {
  it("removes a number one or two digits off a card the message gives: the same card mistyped", () => {
    for (let i = 0; i < 12; i++) {
      const pan = luhnCard(pick(["4", "5592", "6469"]), 16);
      const at = 4 + Math.floor(next() * 11);
      const typo = pan.slice(0, at) + ((Number(pan[at]) + 1 + Math.floor(next() * 8)) % 10) + pan.slice(at + 1);
      const show = (n: string) => (next() < 0.5 ? n : n.replace(/(\d{4})(?=\d)/g, "$1 "));
      const [wrong, right] = [show(typo), show(pan)];
      const message = pick([`VT note: cx first gave ${wrong} which failed the check digit, then corrected to ${right}.`, `os paso la tarjeta para el cobro de la reserva: ${wrong}\n\nPerdón, me equivoqué. La correcta es ${right}`]);
      const text = redactText(message).text;
      expect({ message, text, leaked: text.includes(wrong) || text.includes(right) }).toEqual({ message, text, leaked: false });
    }
    const refs = "card 4111 1111 1111 1111 declined for order 4000123412341234";
    expect(redactText(refs).text).toContain("order 4000123412341234");
  });
  it("removes a card's code said before its name, after the digits it is, and as the reply to a question for it", () => {
    const cases: [string, string][] = [
      ["the expiry is 07/26 and 7337 is the 4-digit CID on the front.", "7337"],
      ["[13:01] Claire: the 4 digits printed on the front are 8976", "8976"],
      ["[19:02] Agent: And the 3-digit code on the back?\n[19:02] Brandon: CID 358", "358"],
      ["Agent Wen 10:03: and the CVV?\nTobias 10:04: its 3 digits?? 626\nAgent Wen 10:05: Thank you", "626"],
      ["Agent: and the three digits on the back?\nCaller: two double seven", "two double seven"],
    ];
    for (const [message, code] of cases) expect(redactText(message).text).not.toContain(code);
    for (const message of ["Room 4412 is the one on the front", "Agent: and the three digits on the back?\nCaller: one two", "Agent: and the CVV?\nCustomer: what? why do you need that"])
      expect(redactText(message).text).toBe(message);
  });
  it("keeps the test cards payment providers publish where the message is about a sandbox or their docs, and removes them elsewhere", () => {
    for (const message of [
      "In the sandbox I'm using the documented test card 4242 4242 4242 4242 with any future expiry, but I get 'merchant not activated'.",
      "Per your API docs the Amex test number 378282246310005 should be approved in test mode, but the sandbox declines it.",
    ])
      expect(redactText(message).text).toBe(message);
    for (const message of ["This is a test, my card is 4111 1111 1111 1111", "charged twice on 4242 4242 4242 4242", "in the sandbox my own card 4539 1488 0343 6467 works"])
      expect(redactText(message).text).toContain("[REDACTED:card_number]");
  });
});

describe("a card's expiry and code given together as the reply to a question for both", () => {
  it("removes both, in either order, however they are joined", () => {
    for (let i = 0; i < 12; i++) {
      const expiry = `${pick(["01", "07", "12"])}/${pick(["27", "29", "2031"])}`;
      const code = digitsOf(pick([3, 4]), "0123456789");
      const reply = next() < 0.5 ? `${expiry}${pick([" and ", " & ", ", ", " + ", " "])}${code}` : `${code}${pick([", ", " and "])}${expiry}`;
      const message = `09:42 Mei (agent): got it 👍 ${pick(["expiry + cvv?", "and the expiry and security code?", "exp and cvc pls"])}\n09:42 Jordan: ${reply}`;
      const text = redactText(message).text;
      expect({ message, text, leaked: text.includes(expiry) || new RegExp(`\\b${code}\\b`).test(text.split("\n")[1]!) }).toEqual({ message, text, leaked: false });
    }
  });
});

describe("cards and codes as the tenth probe's tickets give them", () => {
  it("removes a card on a chat line whose speaker is the customer, and a card in full-width digits and dashes", () => {
    const pan = luhnCard("4", 16);
    const shown = pan.replace(/(\d{4})(?=\d)/g, "$1 ");
    for (const speaker of ["[10:15] Customer: ", "Customer: ", "14:02:07 Customer (Jamal): ", "Caller: "]) expect(redactText(`${speaker}${shown}`).text).toBe(`${speaker}[REDACTED:card_number]`);
    expect(redactText(`customer no: ${pan}`).text).toBe(`customer no: ${pan}`);
    const wide = pan.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace(/(.{4})(?=.)/g, "$1－");
    expect(redactText(`カード番号：${wide}\n有効期限：０８／２７`).text).toBe("カード番号：[REDACTED:card_number]\n有効期限：[REDACTED:card_expiry]");
  });
  it("removes a card with a digit left out next to the card typed right", () => {
    const pan = luhnCard("4826", 16);
    const short = pan.slice(0, 13) + pan.slice(14);
    const text = redactText(`Kreditkartennummer: ${short} … oh, da fehlt eine Ziffer. Richtig ist: ${pan}`).text;
    expect(text).toBe("Kreditkartennummer: [REDACTED:card_number] … oh, da fehlt eine Ziffer. Richtig ist: [REDACTED:card_number]");
  });
  it("removes a card's activation code, an Amex SafeKey or mobileTAN code, a bank's 'Use … to approve' text and an Italian authorisation code", () => {
    for (const [message, code] of [
      ["The letter says activation code 618352 and the app says invalid code. Card ending 2290.", "618352"],
      ["IVR log: caller entered activation code 905 511 237 (from letter), result INVALID x3", "905 511 237"],
      ["Amex SafeKey sent me 281 774 but your site timed out", "281 774"],
      ["I got 8 digits from my bank to confirm the payment: 04918273. Where do I type them", "04918273"],
      ["the bank app showed 5 4 8 1 2 0 then closed, now the checkout is stuck", "5 4 8 1 2 0"],
      ['SMS: "Lumio: Use 902718 to approve your payment of USD 12.99 to COBALT CLOUD."', "902718"],
      ["Ich habe gerade eine mobileTAN 482901 für eine Kartenzahlung bekommen", "482901"],
      ["«Il codice per autorizzare il pagamento di 54,00 EUR su SHOPWISE è 72194038»", "72194038"],
      ['"BancoSur: Tu código de seguridad para la compra en TIENDAMAX es 245957."', "245957"],
    ] as const)
      expect({ message, leaked: redactText(message).text.includes(code) }).toEqual({ message, leaked: false });
    for (const message of ["my bank sent me 2500 euros back", "Use 2 to approve the second option", "the code 4 digits long?"]) expect(redactText(message).text).toBe(message);
  });
  it("removes a card's code and expiry as OpenTravel's XML attributes write them, 'CVN2', 'Sept '27', an expiry in words, and a new card's expiry", () => {
    const pan = luhnCard("4350", 16);
    expect(redactText(`<PaymentCard CardCode="VI" CardNumber="${pan}" SeriesCode="236" ExpireDate="0826"><CardHolderName>PAULA JENSEN</CardHolderName></PaymentCard>`).text).toBe(
      '<PaymentCard CardCode="VI" CardNumber="[REDACTED:card_number]" SeriesCode="[REDACTED:cvv]" ExpireDate="[REDACTED:card_expiry]"><CardHolderName>PAULA JENSEN</CardHolderName></PaymentCard>',
    );
    expect(redactText(`我用银行卡 ${pan} 付款一直失败，有效期 09/28，CVN2 386，订单号 20240512338812`).text).toBe("我用银行卡 [REDACTED:card_number] 付款一直失败，有效期 [REDACTED:card_expiry]，CVN2 [REDACTED:cvv]，订单号 20240512338812");
    expect(redactText(`card ${pan} exp. Sept '27`).text).toBe("card [REDACTED:card_number] exp. [REDACTED:card_expiry]");
    expect(redactText("my card's expiry date is zero eight twenty eight, thanks").text).toBe("my card's expiry date is [REDACTED:card_expiry], thanks");
    expect(redactText("Bank sent me a new card, the new exp date is 10/2030, please update it").text).toBe("Bank sent me a new card, the new exp date is [REDACTED:card_expiry], please update it");
    for (const message of ["card ending 4242 exp 12/27", "my passport expiry is 10/2030"]) expect(redactText(message).text).toBe(message);
  });
  it("reads a card read out with a caller's fillers between its groups", () => {
    const message = "[speech-to-text] CALLER: okay the number is five four two five, uh, seven seven six three, four six eight five, hang on, three one five four sorry my glasses";
    expect(redactText(message).text).toBe("[speech-to-text] CALLER: okay the number is [REDACTED:card_number] sorry my glasses");
  });
});
