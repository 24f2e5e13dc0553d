// Redaction classes left by the second probe (2026-12-06): one-time codes of capitals and digits,
// a code quoted from a text message ("got the text, it says …"), a password named after it
// ("falcon250 is the pass", "…, that's my password") or given with the user name to log in
// ("log in with jsmith and falcon250"), and relatives listed without "my" ("mine K1234567, son
// 221505972"); and from a third probe, cards of 12 to 19 digits dotted or wrapped onto the next
// line, and cards written against Chinese, Japanese or Korean text. Generated from a seed; no
// secret may survive and every business reference must.
import { redactText } from "../../../src/memory/redact";
import { passesLuhn } from "../../../src/memory/redact/checks";
import { businessRef, digits, expectRedacted, letters, next, pick, withCheck } from "./redact-seeded";

const keepOf = (ref: string) => ref.split(" ").at(-1)!;
/** Capitals and digits, at least one of each, in a random order. */
const letteredCode = (n: number): string => {
  const chars = [letters(1), digits(1), ...Array.from({ length: n - 2 }, () => (next() < 0.5 ? letters(1) : digits(1, "0123456789")))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
};

describe("one-time codes", () => {
  it("removes a code of capitals and digits after its label", () => {
    for (let i = 0; i < 60; i++) {
      const code = letteredCode(5 + Math.floor(next() * 4));
      const ref = businessRef();
      const label = pick(["verification code is", "Steam Guard code", "login code:", "2FA code =", "the OTP is", "authenticator code"]);
      expectRedacted({ message: `${ref}: ${label} ${code} and it says expired`, secrets: [code], type: "otp", keep: keepOf(ref) });
    }
  });
  it("removes the code a text or message is quoted as saying", () => {
    for (let i = 0; i < 40; i++) {
      const code = digits(6);
      const ref = businessRef();
      const said = pick(["got the text, it says", "I got a message saying", "the message said", "the sms said", "text message reads"]);
      expectRedacted({ message: `${ref} - ${said} ${code} but the app won't take it`, secrets: [code], type: "otp", keep: keepOf(ref) });
    }
  });
  it("keeps a code in lower case, an order-shaped token, a duration or an error number after the same words", () => {
    for (const text of ["otp x1234 is what I see", "the code ORD44821 from the sms", "the text says 2 hours", "the message says 404", "your message said 3 to 5 days", "my login code is AB12 and it fails"]) {
      expect(redactText(text).text).toBe(text);
    }
  });
});

describe("passwords named after them or given with the user name", () => {
  it("removes a password that no plain word is, named after it", () => {
    for (let i = 0; i < 60; i++) {
      const pass = `${pick(["falcon", "Tiger", "blue", "Kw"])}${digits(3)}${pick(["", "!", "#x"])}`;
      const ref = businessRef();
      const named = pick([`${pass} is the pass`, `${pass}, that's my password`, `${pass} which is my password`, `${pass} is my pw`]);
      expectRedacted({ message: `About ${ref}: ${named}, please check`, secrets: [pass], type: "password", keep: keepOf(ref) });
    }
  });
  it("removes the password given with the user name to log in", () => {
    for (let i = 0; i < 40; i++) {
      const pass = `${pick(["falcon", "Summer", "qwerty"])}${digits(4)}${pick(["", "!", "$"])}`;
      const user = pick(["jsmith", "j.smith@mail.com", "anna_k", "rahul.g"]);
      const ref = businessRef();
      expectRedacted({ message: `${ref}: I ${pick(["log in", "logged in", "signed in"])} with ${user} ${pick(["and", "/"])} ${pass} but it fails`, secrets: [pass], type: "password", keep: keepOf(ref) });
    }
  });
  it("keeps plain words in the same places", () => {
    for (const text of ["this is my pass", "the gym is my pass", "my phone, that's my password manager", "log in with google and apple id", "logged in with my phone and laptop2", "valid is the pass"]) {
      expect(redactText(text).text).toBe(text);
    }
  });
});

it("removes every number of a list where relatives are named without 'my'", () => {
  for (let i = 0; i < 40; i++) {
    const [a, b] = [`K${digits(7)}`, digits(9)];
    const ref = businessRef();
    const relative = pick(["son", "wife's", "daughter:", "husband -", "mum"]);
    expectRedacted({ message: `${ref} passport numbers: mine ${a}, ${relative} ${b}`, secrets: [a, b], type: "passport", keep: keepOf(ref) });
  }
  expect(redactText("card 4111 1111 1111 1111, son 12 years old").text).toBe("card [REDACTED:card_number], son 12 years old");
});

describe("cards of every length, however they are typed", () => {
  /** A Luhn-valid card of `length` digits opening as `prefix`. */
  const card = (prefix: string, length: number) => withCheck(prefix + digits(length - prefix.length - 1, "0123456789"), passesLuhn);
  it("removes a 12- to 19-digit card written with dots or wrapped onto the next line", () => {
    for (let i = 0; i < 80; i++) {
      const [prefix, length, groups] = pick([
        ["4", 13, [4, 4, 4, 1]],
        ["3056", 14, [4, 6, 4]],
        ["38", 14, [4, 6, 4]],
        ["6011", 19, [4, 4, 4, 4, 3]],
        ["58", 13, [4, 4, 4, 1]],
        ["6762", 12, [4, 4, 4]],
        ["62", 17, [4, 4, 4, 4, 1]],
      ] as [string, number, number[]][]);
      const number = card(prefix, length);
      const parts: string[] = [];
      let at = 0;
      for (const g of groups) parts.push(number.slice(at, (at += g)));
      const typed = next() < 0.5 ? parts.join(".") : `${parts.slice(0, 2).join(" ")}\n${parts.slice(2).join(" ")}`;
      const ref = businessRef();
      const message = `${ref}: my card number is ${typed} and the code 0${digits(2)}`;
      expectRedacted({ message, secrets: [typed], type: "card_number", keep: keepOf(ref) });
      // no part of it is left behind
      for (const part of parts.filter((p) => p.length >= 4)) expect(redactText(message).text.replace(keepOf(ref), "")).not.toContain(part);
    }
  });
  it("removes a card written right against Chinese, Japanese or Korean text", () => {
    for (let i = 0; i < 40; i++) {
      const number = card(pick(["4", "51", "6011", "35"]), 16);
      const typed = number.match(/.{4}/g)!.join(pick([" ", "", "-"]));
      const [before, after] = pick([["我的卡号是", "，谢谢"], ["カード番号は", "、お願いします"], ["카드 번호는", "입니다"]]);
      const out = redactText(`${before}${typed}${after}`).text;
      expect(out).toBe(`${before}[REDACTED:card_number]${after}`);
    }
  });
  it("keeps a 12-digit number wrapped onto the next line where no card is named", () => {
    const number = card("6762", 12);
    const text = `ticket ${number.slice(0, 4)} ${number.slice(4, 8)}\n${number.slice(8)} is still open`;
    expect(redactText(text).text).toBe(text);
  });
});

describe("identity numbers by more countries' names", () => {
  it("removes the number after its national name", () => {
    const shapes: [string, () => string][] = [
      ["national register number", () => `${digits(2)}.${digits(2, "01")}.${digits(2)}-${digits(3)}.${digits(2)}`],
      ["Rijksregisternummer:", () => digits(11)],
      ["HETU", () => `${digits(6)}-${digits(3)}${pick(["A", "E", "7"])}`],
      ["henkilötunnukseni on", () => `${digits(6)}-${digits(4)}`],
      ["My RRN is", () => `${digits(6)}-${digits(7)}`],
      ["numéro d'assurance sociale", () => `${digits(3)} ${digits(3)} ${digits(3)}`],
      ["NAS :", () => `${digits(3)} ${digits(3)} ${digits(3)}`],
      ["CNPJ:", () => `${digits(2)}.${digits(3)}.${digits(3)}/0001-${digits(2)}`],
      ["RFC:", () => `${letters(4)}${digits(6)}${letters(2)}${digits(1)}`],
      ["PESEL", () => digits(11)],
      ["CPR-nr", () => `${digits(6)}-${digits(4)}`],
      ["TC Kimlik No:", () => digits(11)],
      ["my NIN is", () => digits(11)],
      ["BVN", () => `22${digits(9)}`],
      ["KRA PIN", () => `${pick(["A", "P"])}${digits(9)}${letters(1)}`],
      ["SSS no.", () => `${digits(2)}-${digits(7)}-${digits(1)}`],
      ["TIN:", () => `${digits(3)}-${digits(3)}-${digits(3)}`],
      ["NIK", () => digits(16)],
      ["nomor KTP", () => digits(16)],
      ["Medicare number", () => `${digits(4)} ${digits(5)} ${digits(1)}`],
      ["Swedish personal number:", () => `${digits(6)}-${digits(4)}`],
      ["fødselsnummeret mitt er", () => digits(11)],
      ["PhilSys number:", () => `${digits(4)}-${digits(4)}-${digits(4)}-${digits(4)}`],
      ["número de contribuinte:", () => digits(9)],
    ];
    for (const [label, value] of shapes) {
      for (let i = 0; i < 4; i++) {
        const v = value();
        const ref = businessRef();
        expectRedacted({ message: `${ref} - ${label} ${v}, thanks`, secrets: [v], type: "national_id", keep: keepOf(ref) });
      }
    }
  });
  it("keeps a card payment's retrieval reference number (RRN), a tax year and a company's tax id", () => {
    for (const text of ["Bank says RRN 177244060183 was reversed", "National Insurance contributions 2024/25", "our tax id is GB123456789 for the invoice"]) {
      expect(redactText(text).text).toBe(text);
    }
  });
});

it("reads a password after 'it's' and not the start of a sentence after its label", () => {
  expect(redactText("password: it's Summer2024!").text).toBe("password: it's [REDACTED:password]");
  for (const text of ["password: I'll tell the technician in person", "password: it's not working"]) expect(redactText(text).text).toBe(text);
});

describe("more of a card's, a bank's and a licence's numbers", () => {
  it("removes the code after a card and its expiry however they are run together", () => {
    for (let i = 0; i < 40; i++) {
      const card = withCheck(`4${digits(14, "0123456789")}`, passesLuhn);
      const code = digits(3, "0123456789");
      const expiry = pick([`Jan 20${digits(2, "23")}`, `0${digits(1)}/2${digits(1, "6789")}`, `Jul 2026`]);
      const sep = pick([" ", " / ", ", "]);
      const ref = businessRef();
      expectRedacted({ message: `${ref} card here: ${card.match(/.{4}/g)!.join(" ")}${sep}${expiry}${sep}${code}`, secrets: [code], type: "cvv", keep: keepOf(ref) });
    }
  });
  it("removes an IBAN written with dashes and letter groups, followed by a word or its BIC", () => {
    for (const [text, iban] of [
      ["Please transfer the refund to GB25-MIDL-1775-1329-6729-15 (BIC UNCRITMM)", "GB25-MIDL-1775-1329-6729-15"],
      ["IBAN: CH33-3009-8025-1050-7712-8\nBIC: NWBKGB2L", "CH33-3009-8025-1050-7712-8"],
      ["refund to iban DE97-5321-7937-4271-8501-16 pls", "DE97-5321-7937-4271-8501-16"],
    ]) {
      const out = redactText(text!).text;
      expect(out).not.toContain(iban!);
      expect(out).toContain("[REDACTED:iban]");
    }
  });
  it("removes a driving licence number as forms and other languages label it", () => {
    for (let i = 0; i < 40; i++) {
      const [label, value] = pick([
        ["DL#", `${letters(1)}${digits(7)}`],
        ["TX DL", digits(8)],
        ["NY license", digits(9)],
        ["driver license no.", `${digits(3)} ${digits(3)} ${digits(3)}`],
        ["Ontario licence", `${letters(1)}${digits(4)}-${digits(5)}-${digits(5)}`],
        ["permis de conduire :", `${letters(1)}${digits(4)}-${digits(5)}-${digits(5)}`],
        ["Führerscheinnummer", digits(8)],
        ["DL no.", `${letters(2)}${digits(2)} ${digits(11)}`],
      ]);
      const ref = businessRef();
      expectRedacted({ message: `${ref} - ${label} ${value} for the rental`, secrets: [value!], type: "national_id", keep: keepOf(ref) });
    }
    for (const text of ["the license 2024 renewal", "my software license key is ABCD-EFGH", "I have a licence for 5 users"]) expect(redactText(text).text).toBe(text);
  });
});
