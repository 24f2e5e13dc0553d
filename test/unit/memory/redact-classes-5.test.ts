// Redaction classes left by the second probe (2026-12-06): one-time codes of capitals and digits,
// a code quoted from a text message ("got the text, it says …"), a password named after it
// ("falcon250 is the pass", "…, that's my password") or given with the user name to log in
// ("log in with jsmith and falcon250"), and relatives listed without "my" ("mine K1234567, son
// 221505972"). Generated from a seed; no secret may survive and every business reference must.
import { redactText } from "../../../src/memory/redact";
import { businessRef, digits, expectRedacted, letters, next, pick } from "./redact-seeded";

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
