// Redaction classes of 2026-12-06's seventh session: identity numbers a message names anywhere and
// gives anywhere, valid by their country's check; a secret given as the whole of a reply to a
// question for it, in a pasted transcript or as the next message of a conversation; expiries a
// few words after "expires"; form and key=value fields named for a document or an expiry.
// Generated from a seed; no secret may survive and every business reference must.
import * as auTfn from "stdnum/lib/cjs/au/tfn";
import * as brCpf from "stdnum/lib/cjs/br/cpf";
import * as caSin from "stdnum/lib/cjs/ca/sin";
import * as nlBsn from "stdnum/lib/cjs/nl/bsn";
import * as noFodselsnummer from "stdnum/lib/cjs/no/fodselsnummer";
import * as thIdnr from "stdnum/lib/cjs/th/idnr";
import { redactConversation, redactText } from "../../../src/memory/redact";
import { passesLuhn } from "../../../src/memory/redact/checks";
import { businessRef, digits, expectRedacted, next, pick } from "./redact-seeded";

const keepOf = (ref: string) => ref.split(" ").at(-1)!;
/** A Visa number that passes Luhn, and as a card prints it. */
const card = (): string => {
  for (;;) {
    const c = `4${digits(15, "0123456789")}`;
    if (passesLuhn(c)) return c;
  }
};
const printed = (c: string) => `${c.slice(0, 4)} ${c.slice(4, 8)} ${c.slice(8, 12)} ${c.slice(12)}`;
type Validator = { validate(v: string): { isValid: boolean } };
/** A number of `length` digits that passes (or, with `valid` false, fails) the validator's check. */
function number(v: Validator, length: number, valid = true, first = "123456789"): string {
  for (;;) {
    const n = digits(length, first);
    if (v.validate(n).isValid === valid) return n;
  }
}
const grouped = (n: string, sizes: number[], sep: string) => {
  const out: string[] = [];
  let at = 0;
  for (const s of sizes) out.push(n.slice(at, (at += s)));
  return out.join(sep);
};

describe("identity numbers named anywhere in the message", () => {
  const cases: [string, (n: string) => string, () => string][] = [
    ["Canada's SIN", (n) => `Hi, my T4 slip shows the wrong SIN. Correct one is ${n}. Name: Marc Tremblay.`, () => grouped(number(caSin, 9, true, "12345679"), [3, 3, 3], pick([" ", "-", ""]))],
    ["Australia's TFN", (n) => `G'day, the super fund form in your app wants my TFN. It's ${n}. Can you add it?`, () => grouped(number(auTfn, 9), [3, 3, 3], pick([" ", ""]))],
    ["Brazil's CPF in a pasted error", (n) => `o app mostrou isso: {"cliente":"Marcos","documento":"${n}","tipo":"CPF","erro":"DOCUMENTO_INVALIDO"}`, () => pick([(c: string) => `${c.slice(0, 3)}.${c.slice(3, 6)}.${c.slice(6, 9)}-${c.slice(9)}`, (c: string) => c])(number(brCpf, 11))],
    ["Norway's fødselsnummer", (n) => `Hei, fødselsnummeret blir avvist når jeg registrerer meg. Det er ${n}. Hilsen Ingrid`, () => number(noFodselsnummer, 11, true, "0123")],
    ["a BSN broken over a line", (n) => `bsn is ${n.slice(0, 5)}\n${n.slice(5)}\n(sorry telefoon deed raar)`, () => number(nlBsn, 9)],
    ["a Thai ID OCR'd digit by digit", (n) => `[scan-ocr page 1]\nบัตรประจำตัวประชาชน Thai National ID Card\n${[...n].join(" ")}\nName Miss Kamonwan`, () => number(thIdnr, 13, true, "12345678")],
  ];
  it.each(cases)("removes %s, its label away from it", (_name, message, value) => {
    for (let i = 0; i < 15; i++) {
      const n = value();
      const ref = businessRef();
      const { text } = redactText(`${message(n)} ${ref}`);
      expect({ n, text, left: text.replace(/\s/g, "").includes(n.replace(/\s/g, "")) }).toEqual({ n, text, left: false });
      expect({ n, kept: text.includes(keepOf(ref)) }).toEqual({ n, kept: true });
    }
  });
  it("removes a social security number printed 3-2-4 with the word social or a field named for it", () => {
    for (let i = 0; i < 20; i++) {
      const n = `${digits(3, "1234578")}${pick([" ", "-"])}${digits(2)}${pick([" ", "-"])}${digits(4)}`;
      const ref = businessRef();
      const message = pick([`${n} (that's my social) – the FAFSA office needs it for ${ref}.`, `applicant_ssn=${n.replace(/\D/g, "")} rejected for ${ref}; she read it back as ${n}`]);
      const { text } = redactText(message);
      expect({ message, text, left: text.includes(n) || text.includes(n.replace(/\D/g, "")) }).toEqual({ message, text, left: false });
      expect({ message, kept: text.includes(keepOf(ref)) }).toEqual({ message, kept: true });
    }
  });
  it("keeps a number that fails the named country's check, or that no name in the message claims", () => {
    for (let i = 0; i < 20; i++) {
      const bad = number(caSin, 9, false);
      const good = number(caSin, 9);
      const [a, b] = [`Hi, my slip shows the wrong SIN. Correct one is ${bad}.`, `Hi, the parcel ${good} was left at the wrong door.`];
      expect(redactText(a).text).toBe(a);
      expect(redactText(b).text).toBe(b);
    }
  });
  it("reads a name that is an everyday word elsewhere only as written for the number (Spanish 'sin', a cooking 'pan')", () => {
    for (let i = 0; i < 20; i++) {
      const n = grouped(number(caSin, 9), [3, 3, 3], " ");
      const message = pick([`pedido sin entregar, sin respuesta desde ${n}`, `the pan arrived dented, parcel ${n}`, `nie działa, numer ${n}`]);
      expect(redactText(message).text).toBe(message);
    }
  });
  it("keeps a number a business word claims, and a phone number, in a message that names an ID", () => {
    for (let i = 0; i < 20; i++) {
      const n = number(caSin, 9);
      const message = pick([`My SIN is on file already. Claim number: ${n}.`, `SIN updated last week. Call me on ${grouped(n, [3, 3, 3], " ")} please.`]);
      expect(redactText(message).text).toBe(message);
    }
  });
});

describe("a secret given as the whole reply to a question for it", () => {
  const asks: [string, () => string, string][] = [
    ["For verification I only need the 3 digit security code now, not the full number.", () => digits(3, "0123456789"), "cvv"],
    ["I've sent a 6-digit code to your phone ending 21, please read it back.", () => digits(6), "otp"],
    ["to verify, what's the answer to your security question (favourite teacher)?", () => pick(["mrs hennessy", "Rex", "São Paulo", "Mr Okafor"]), "password"],
    ["ok pass is", () => `${pick(["Lollipop", "Harbour", "Kestrel"])}_${digits(4)}`, "password"],
    ["Thanks, and the expiry?", () => `${pick(["01", "07", "10", "12"])}/${pick(["27", "28", "2029"])}`, "card_expiry"],
    ["and what's the PIN you set?", () => digits(4), "pin"],
  ];
  it("removes it from a pasted transcript, whatever the speaker and time stamps look like", () => {
    for (let i = 0; i < 40; i++) {
      const [question, value, type] = pick(asks);
      const v = value();
      const ref = businessRef();
      const time = pick(["[09:14] ", "09:41 ", "[16:20:11] ", ""]);
      const message = `${time}${pick(["Agent", "agent.lucia", "AGENT"])}: ${question}\n${time}${pick(["Customer", "customer_8812", "CALLER"])}: ${v}\n${time}Agent: Thank you, that's ${ref} sorted.`;
      expectRedacted({ message, secrets: [v], type, keep: keepOf(ref) });
    }
  });
  it("removes a card given in two halves on two lines after the question", () => {
    for (let i = 0; i < 20; i++) {
      const c = card();
      const [a, b] = [`${c.slice(0, 4)} ${c.slice(4, 8)}`, `${c.slice(8, 12)} ${c.slice(12)}`];
      const message = `[10:02:11] Agent Priya: Could you confirm the long number on the card please?\n[10:02:40] Customer: ${a}\n[10:02:44] Customer: ${b}\n[10:02:45] Customer: sorry hit enter too soon`;
      const { text } = redactText(message);
      expect({ text, left: text.includes(a) || text.includes(b) }).toEqual({ text, left: false });
    }
  });
  it("removes it as the next message of a conversation, and keeps what is not a bare value or not asked for", () => {
    for (let i = 0; i < 30; i++) {
      const [question, value] = pick(asks);
      const v = value();
      const ref = businessRef();
      const [, reply, , after] = redactConversation([`Hi, it's about ${ref}.`, question, v, "Thanks, all done."]).map((r) => r.text);
      expect({ question, v, reply }).toEqual({ question, v, reply: expect.not.stringContaining(v) });
      expect(after).toBe("Thanks, all done.");
      // not a bare value ("my order is …"), or asked for nothing secret: kept
      const order = `ORD-${digits(5)}`;
      expect(redactConversation([question, `sure, my order is ${order}`]).map((r) => r.text)[1]).toContain(order);
      expect(redactConversation(["What's your order number?", digits(6)]).map((r) => r.text)[1]).not.toContain("REDACTED");
      expect(redactConversation(["Could you confirm the last 4 digits of the card?", "4242"]).map((r) => r.text)[1]).toBe("4242");
    }
  });
  it("removes an expiry and a code given bare right after a card given bare, in a transcript and across messages", () => {
    for (let i = 0; i < 20; i++) {
      const given = printed(card());
      const expiry = `${pick(["01", "06", "10", "12"])}/${pick(["26", "27", "28"])}`;
      const code = digits(3, "0123456789");
      const transcript = `18:05:02 guest_88120: yes. do you want the card\n18:05:09 guest_88120: ${given}\n18:05:15 guest_88120: ${expiry}\n18:05:17 guest_88120: ${code}\n18:05:44 Bethany: Please don't share card details in chat!`;
      const { text } = redactText(transcript);
      expect({ text, left: [given, expiry, code].filter((v) => text.includes(v)) }).toEqual({ text, left: [] });
      const replies = redactConversation(["do you want the card?", given, expiry, code, "order SL-55120 please"]).map((r) => r.text);
      expect(replies).toEqual(["do you want the card?", "[REDACTED:card_number]", "[REDACTED:card_expiry]", "[REDACTED:cvv]", "order SL-55120 please"]);
    }
  });
  it("keeps a labelled line that follows a line naming a secret it does not ask for", () => {
    const message = "Meeting ID: 296 7357 7259\nPasscode: sent separately to attendees\nOne tap mobile: +442034815240,,78390438965#";
    expect(redactText(message).text).toBe(message);
  });
});

describe("expiries and named fields", () => {
  it("reads an expiry a few words after 'expires' where the message gives the card's code", () => {
    for (let i = 0; i < 20; i++) {
      const month = pick(["march", "July", "Sept", "december"]);
      const expiry = `${month} 20${pick(["26", "27", "28", "29"])}`;
      const ref = businessRef();
      expectRedacted({ message: `${ref}: oh and sorry forgot, it expires ${pick(["end of", "at the end of", "in", "on"])} ${expiry} and the code on the back is ${digits(3)}`, secrets: [expiry], type: "card_expiry", keep: keepOf(ref) });
    }
  });
  it("reads a form's expiry with its slash encoded, and keeps a token's exp claim", () => {
    const form = `name=Ana+Ruiz&card_number=4716185456360383&exp=${pick(["12", "03"])}%2F${digits(2, "23")}&cvv=903&save=1`;
    expect(redactText(form).text).not.toMatch(/exp=\d/);
    const claim = `{"exp": 1767225600, "sub": "user-${Math.floor(next() * 1000)}"}`;
    expect(redactText(claim).text).toBe(claim);
  });
});

describe("passwords, answers and accounts said as people say them", () => {
  const strong = () => `${pick(["Spring", "Mango!Tree", "Barcelona_", "Lisboa#", "r00t-Lumen!", "Harbour"])}${digits(2)}${pick(["!", "", "#"])}`;
  it("removes a strong string anywhere in a message about a password or a login, and the old and new one of a change", () => {
    for (let i = 0; i < 30; i++) {
      const [a, b] = [strong(), strong()];
      const ref = businessRef();
      const message = pick([
        `${a} <- thats what i set it to yesterday and now it says wrong password?! ${ref}`,
        `hola no puedo entrar a mi cuenta, mi contraseña es ${a} (antes era ${b}) y me dice que es incorrecta. ${ref}`,
        `I changed it from ${a} to ${b} this morning and now neither works on the mobile app?? ${ref}`,
      ]);
      const { text } = redactText(message);
      expect({ message, text, left: [a, b].filter((s) => message.includes(s) && text.includes(s)) }).toEqual({ message, text, left: [] });
      expect({ message, kept: text.includes(keepOf(ref)) }).toEqual({ message, kept: true });
    }
  });
  it("keeps hosts, versions, files and names in a message about a login", () => {
    for (const message of [
      "Login fails on OpenSSH_9.6p1 from bastion 198.51.100.7, password auth disabled",
      "can't sign in since the update to v2.14.3-beta, password reset mail never comes",
      "password reset mail fails, see report_2024.pdf and the log of build 2025.03.1",
      "customer_8812: my password stopped working on the iPhone",
    ])
      expect(redactText(message).text).toBe(message);
  });
  it("removes a security answer said in German, Russian and Japanese, or to a second question", () => {
    for (let i = 0; i < 20; i++) {
      const answer = pick(["Krümel", "Соколова", "ぽち", "Rua Garrett", "Pipoca"]);
      const message = pick([
        `Sicherheitsfrage war "Name des ersten Haustiers" – ${answer}. Bitte Konto entsperren.`,
        `Контрольный вопрос: девичья фамилия матери. Ответ: ${answer}. Спасибо`,
        `秘密の質問「初めて飼ったペットの名前」の答えは${answer}です。`,
        `Security question: What was the name of your first pet?\nSecond question (street you grew up on): ${answer}\nPlease restore access.`,
      ]);
      const { text } = redactText(message);
      expect({ message, text, left: text.includes(answer) }).toEqual({ message, text, left: false });
    }
  });
  it("removes an account's number after its name in French, Spanish, Japanese, Vietnamese, Russian and Korean, 7 digits or more", () => {
    for (let i = 0; i < 30; i++) {
      const n = pick([digits(7), digits(8), digits(13), `${digits(3)}-${digits(3)}-${digits(6)}`, digits(20)]);
      const ref = businessRef();
      const message = pick([
        `Bonjour, pour le dépôt direct : numéro de compte ${n}. Merci! ${ref}`,
        `el número de cuenta ${n} es el de Santander. ${ref}`,
        `返金先の口座です。\n口座番号：${n}\n${ref}`,
        `Em gửi lại thông tin hoàn tiền: STK ${n} Vietcombank. ${ref}`,
        `Прошу вернуть деньги: р/с ${n}, ${ref}`,
        `환불 계좌 알려드립니다. 신한은행 ${n} 예금주 김민지 ${ref}`,
      ]);
      const { text } = redactText(message);
      expect({ message, text, left: text.includes(n) }).toEqual({ message, text, left: false });
      expect({ message, kept: text.includes(keepOf(ref)) }).toEqual({ message, kept: true });
    }
  });
});

describe("codes, keys and documents in the shapes services and countries print them", () => {
  it("removes one-time codes as a bank's or an app's text words them, and a keypad's code", () => {
    for (let i = 0; i < 30; i++) {
      const code = pick([digits(4), digits(6), `${digits(3)} ${digits(3)}`]);
      const ref = businessRef();
      const [message, type] = pick([
        [`Your ${pick(["Uber", "Lyft", "WhatsApp", "verification"])} code: ${code}. Never share this code. ${ref}`, "otp"],
        [`Me llegó este SMS: "BBVA: Tu código de ${pick(["operación", "confirmación", "verificación"])} es ${code}. No lo compartas." ${ref}`, "otp"],
        [`TAN für die Überweisung war ${code}, die Überweisung ist nicht rausgegangen. ${ref}`, "otp"],
        [`the garage keypad is ${code.replace(" ", "")} then the # key. ${ref}`, "pin"],
      ] as [string, string][]);
      expectRedacted({ message, secrets: [type === "pin" ? code.replace(" ", "") : code], type, keep: keepOf(ref) });
    }
  });
  it("removes a BitLocker recovery key, a PuTTY key's private lines and a checked Bitcoin private key; keeps an unchecked look-alike", () => {
    const bitlocker = Array.from({ length: 8 }, () => digits(6, "0123456789")).join("-");
    expect(redactText(`User read me the key:\n${bitlocker}\nkey ID starts 5A1C2D07`).text).not.toContain(bitlocker);
    const ppk = "PuTTY-User-Key-File-3: ssh-ed25519\nPublic-Lines: 1\nAAAAC3NzaC1lZDI1NTE5AAAAIC0Gyt5b\nPrivate-Lines: 1\nAAAAIHARkba8ooQBOdqYE4T5CLfTxSBs1zukWJ43mFSkhB3n\nPrivate-MAC: 9f14ca04";
    const out = redactText(ppk).text;
    expect(out).not.toContain("AAAAIHARkba8ooQBOdqYE4T5CLfTxSBs1zukWJ43mFSkhB3n");
    expect(out).toContain("Private-MAC: 9f14ca04");
    // a compressed WIF key from the public test vectors of base58check, and the same with its last character changed
    const wif = "KwDiBf89QgGbjEhKnhXJuH7LrciVrZi3qYjgd9M7rFU73sVHnoWn";
    expect(redactText(`a chave privada WIF é ${wif} me ajudem`).text).not.toContain(wif);
    const broken = `${wif.slice(0, -1)}m`;
    expect(redactText(`a chave privada WIF é ${broken} me ajudem`).text).toContain(broken);
  });
  it("removes passports glued to a Japanese label or by Russian series and number, a UK licence number and a DL after 'is'", () => {
    for (let i = 0; i < 20; i++) {
      const passport = `${pick(["TZ", "MU", "TK"])}${digits(7)}`;
      const russian = `${digits(2)} ${digits(7)}`;
      const dvla = `${pick(["MORGA", "SMITH", "JONES"])}${digits(1, "0123456789")}${pick(["0", "1", "5", "6"])}${digits(4, "0123456789")}${pick(["SM", "JA"])}9${pick(["IJ", "AB"])}`;
      const dl = `${pick(["K", "D", "S"])}${digits(3)}-${digits(4)}-${digits(4)}`;
      const ref = businessRef();
      const [message, secret] = pick([
        [`旅券番号は${passport}です。${ref} に追加してください。`, passport],
        [`Номер загранпаспорта ${russian}, срок действия до 2033 года. ${ref}`, russian],
        [`Hi, photo of my driving licence didn't upload. Licence number (field 5) is ${dvla}. ${ref}`, dvla],
        [`My Illinois DL is ${dl} and it's needed for ${ref}`, dl],
      ] as [string, string][]);
      const { text } = redactText(message);
      expect({ message, text, left: text.includes(secret) }).toEqual({ message, text, left: false });
      expect({ message, kept: text.includes(keepOf(ref)) }).toEqual({ message, kept: true });
    }
  });
  it("keeps a receipt's approval code, a public token, a placeholder key, Nordic payment references and a Korean waybill", () => {
    for (const message of [
      "RECEIPT\nMERCHANT ID 000445219871\nTERMINAL 7731A\nAUTH CODE 04712B  RRN 431208554109\nAPPROVED",
      "mapbox-gl: public token pk.eyJ1IjoibHVtZW4iLCJhIjoiY2xvMnF4gvbkwf2k292iputRXrc3.wHLgeAsx_xGsilEmEd3XqX – tiles 403",
      "[Interface]\nAddress = 10.8.0.3/24\nPrivateKey = <redacted by me>\nEndpoint = vpn.lumen.example:51820",
      "Betala till bankgiro 5050-1055 med OCR-nummer 7218192847011, belopp 1 249 kr.",
      "Faktura fra Telenor: KID-nummer 491095159713649, beløp 499 kr.",
      "CJ대한통운 운송장 번호 4687-5106-4556 조회가 안 됩니다.",
      "Je ne me souviens plus de la réponse à ma question secrète, est-ce que vous pouvez vérifier mon identité autrement ?",
    ])
      expect(redactText(message).text).toBe(message);
  });
});

describe("live chat: other scripts' digits, speakers as exports write them, questions by what they ask", () => {
  const arabic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
  const persian = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
  const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace(/ /g, "\u3000").replace(/\//g, "\uff0f");
  it("removes cards, expiries and codes written in Arabic-Indic, Persian or full-width digits, and keeps the text around them", () => {
    for (let i = 0; i < 20; i++) {
      const [c, expiry] = [printed(card()), `${pick(["03", "08", "11"])}/${pick(["27", "28", "29"])}`];
      const script = pick([arabic, persian, fullWidth]);
      const message = pick([
        `العميل: رقم البطاقة ${script(c)}\nالعميل: تاريخ الانتهاء ${script(expiry)}`,
        `山本：カード番号は ${script(c)} です\n山本：有効期限　${script(expiry)}`,
      ]);
      const { text } = redactText(message);
      expect({ message, text, left: [script(c), script(expiry)].filter((v) => text.includes(v)) }).toEqual({ message, text, left: [] });
      expect(text).toMatch(/^(?:العميل|山本)/);
    }
  });
  it("reads a bare reply after a question on chat lines of every export's shape", () => {
    const speakers = [(n: string) => `02/12/2026, 18:20 - ${n}: `, (n: string) => `Mon 2:14 PM — ${n}: `, (n: string) => `${n} 11:21: `, (n: string) => `14:02\t${n}\t`, (n: string) => `[${n}] `, (n: string) => `2026년 12월 2일 오후 7:41, ${n} : `];
    for (let i = 0; i < 30; i++) {
      const [question, value, trailer] = pick([
        ["and the 3 digits on the back?", digits(3, "0123456789"), pick(["", " 👍", " lol"])],
        ["What street did you grow up on?", pick(["Maple Crescent", "Rua Garrett"]), pick(["", " 🙂"])],
        ["Qual o nome do seu primeiro animal de estimação?", pick(["Pipoca", "Thor"]), " 🐶"],
        ["카드 뒷면 CVC 번호 세 자리 알려주시겠어요?", digits(3, "0123456789"), " 입니다"],
        ["can you confirm the expiry date and the security code?", `${pick(["04", "09"])}/${pick(["29", "30"])}`, ""],
      ] as [string, string, string][]);
      const [agent, customer] = [pick(speakers), pick(speakers)];
      const message = `${agent("Agent")}${question}\n${customer("Julia")}${value}${trailer}\n${agent("Agent")}Thank you!`;
      const { text } = redactText(message);
      expect({ message, text, left: text.includes(value) }).toEqual({ message, text, left: false });
    }
  });
  it("keeps a customer's refusal, a placeholder in a connection string and a chat time after a card", () => {
    for (const message of [
      "Agent 09:10: For security, what's your mother's maiden name?\nChinwe 09:11: I'd rather not type that here, can you call me?",
      "Agent: Your string should look like postgres://USER:<your-password>@db.example.internal:5432/app — replace it yourself.",
    ])
      expect(redactText(message).text).toBe(message);
    expect(redactText("Customer 17:10: card 4111 1111 1111 1111 declined\nAgent 17:12: Added 450 points").text).toContain("Agent 17:12: Added 450 points");
  });
  it("removes codes said digit by digit before 'is the code', in keycap emoji, and an AWS secret on the chat line after its key id", () => {
    for (let i = 0; i < 10; i++) {
      const code = digits(6);
      const spaced = [...code].join(" ");
      expect(redactText(`Kit 07:55: ${spaced} is the code`).text).not.toContain(spaced);
      expect(redactText(`Customer: ${code} is that the otp u need?`).text).not.toContain(code);
      const keycap = [...code].map((d) => `${d}\uFE0F\u20E3`).join("");
      expect(redactText(`Leo 9:14 PM: ${keycap}\nLeo 9:14 PM: copied from the text lol`).text).not.toContain(keycap);
    }
    const secret = "k2IqWsw47cslf/6IYFlrCfybm4xi/gbYQIaazeqT";
    expect(redactText(`[09:15] priya.dev: AKIAZMLRNRLH2IXSRAAM\n[09:15] priya.dev: ${secret}`).text).not.toContain(secret);
  });
});

describe("card details before their names, more languages' card codes, printed licences, Polish accounts", () => {
  it("removes an expiry and a code each before its name where the message gives a card, and keeps the card's own last group", () => {
    for (let i = 0; i < 20; i++) {
      const [c, expiry, code] = [card(), `${pick(["03", "08", "11"])}${pick(["27", "30"])}`, digits(3)];
      const ref = businessRef();
      expectRedacted({ message: `${c} is the card, ${expiry} exp, ${code} cvc. ${ref}`, secrets: [code], type: "cvv", keep: keepOf(ref) });
      expectRedacted({ message: `${c} is the card, ${expiry} exp, ${code} cvc. ${ref}`, secrets: [expiry], type: "card_expiry", keep: keepOf(ref) });
      const grouped = printed(c);
      expect(redactText(`paid with ${grouped} exp 08/28`).text).toBe("paid with [REDACTED:card_number] exp [REDACTED:card_expiry]");
    }
  });
  it("removes card codes and PINs named in French, Arabic and Persian, and codes a message says a code thing shows", () => {
    for (let i = 0; i < 20; i++) {
      const [code, pin, otp] = [digits(3), digits(4), digits(6)];
      for (const [message, secret] of [
        [`voilà ma carte ${card()}\nexp 02/29 crypto ${code}`, code],
        [`والرقم اللي ورا البطاقة ${code}`, code],
        [`العميل: الرقم السري للبطاقة ${pin} ومش شغال في الصراف`, pin],
        [`مشتری: کد تایید ${otp} اومد`, otp],
        [`and the code thing says ${otp}`, otp],
      ])
        expect({ message, left: redactText(message).text.includes(secret) }).toEqual({ message, left: false });
    }
  });
  it("removes licence numbers as Ontario, Florida and Illinois print them where a licence is named, and a Polish account without its letters", () => {
    for (let i = 0; i < 20; i++) {
      const letter = pick(["K", "W", "S"]);
      const dl = pick([`${letter}${digits(4)}-${digits(5)}-${digits(5)}`, `${letter}${digits(3)}-${digits(3)}-${digits(2)}-${digits(3)}-${digits(1)}`, `${letter}${digits(3)}-${digits(4)}-${digits(4)}`]);
      const message = pick([`mon permis de l'Ontario: ${dl}`, `mi licencia de Florida es ${dl}`, `driver's license ${dl} for the rental`]);
      expect({ message, left: redactText(message).text.includes(dl) }).toEqual({ message, left: false });
    }
    const nrb = "79 1940 1076 5028 8736 1421 0652";
    expect(redactText(`nr konta do zwrotu ${nrb}`).text).not.toContain(nrb);
    const notNrb = "79 1940 1076 5028 8736 1421 0653";
    expect(redactText(`tracking ${notNrb}`).text).toContain(notNrb);
  });
});
