// Redaction against the secrets the evaluation plants (eval/lib/plant.ts), in messages written
// here rather than taken from the corpora: every class of secret in every phrasing the planter
// knows, several thousand messages from a fixed seed. The invariants: no planted secret survives
// as a word, every planted reference and look-alike (phone, amount, "card ending") survives
// verbatim. Then the cases each mechanism exists for, once each, and what it must leave alone.
import isIBAN from "validator/lib/isIBAN";
import isLuhnNumber from "validator/lib/isLuhnNumber";
import { createRng } from "../../../bench/lib/rng";
import { KEEP_ONLY, leaked, plantRef, plantSecret, SECRET_PHRASINGS, type SecretClass } from "../../../eval/lib/plant";
import * as values from "../../../eval/lib/secret-values";
import { redactText } from "../../../src/memory/redact";

const CARRIERS = [
  "Hi, my refund still has not arrived and it has been two weeks.",
  "I cannot log in to the app since the last update",
  "Please cancel my subscription before the next billing date!",
  "The parcel says delivered but nothing came",
  "why was I charged twice for the same booking?",
  "Can you move my flight to Friday",
  "My SIM stopped working after the port",
  "I was charged a fee I did not expect, please explain.",
];

describe("planted secrets", () => {
  const classes = Object.keys(SECRET_PHRASINGS) as SecretClass[];

  it.each(classes)("no planted %s survives redaction", (kind) => {
    const rng = createRng(20261203 + classes.indexOf(kind));
    const table = { [kind]: SECRET_PHRASINGS[kind] } as typeof SECRET_PHRASINGS;
    const leaks: string[] = [];
    for (let i = 0; i < 150; i++) {
      const carrier = rng.pick(CARRIERS);
      const p = plantSecret(carrier, rng, table);
      const { text, findings } = redactText(p.text);
      if (p.values.some((v) => leaked(v, text)) || findings.length === 0) leaks.push(`${p.text} => ${text}`);
    }
    expect(leaks).toEqual([]);
  });

  it("keeps every planted business reference and every look-alike verbatim", () => {
    const rng = createRng(20261204);
    const lost: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const p = plantRef(rng.pick(CARRIERS), rng);
      const { text } = redactText(p.text);
      if (!p.values.every((v) => text.includes(v))) lost.push(`${p.kind}${KEEP_ONLY.has(p.kind) ? " (look-alike)" : ""}: ${p.text} => ${text}`);
    }
    expect(lost).toEqual([]);
  });

  it("plants real values: cards pass Luhn in every brand, IBANs pass mod 97 in every country", () => {
    const rng = createRng(7);
    const brands = new Set<string>();
    const countries = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const card = values.card(rng);
      brands.add(card.brand);
      expect(isLuhnNumber(card.value.replace(/[ -]/g, ""))).toBe(true);
      const iban = values.iban(rng);
      countries.add(iban.slice(0, 2));
      expect(isIBAN(iban.replace(/ /g, ""))).toBe(true);
    }
    expect(brands.size).toBe(values.CARD_BRANDS.length);
    expect(countries.size).toBeGreaterThanOrEqual(10);
  });
});

describe("the mechanisms behind the classes", () => {
  const redacted: Array<[string, string]> = [
    // a card's code right after the card and its expiry, whatever it is called or not called; the expiry goes with the card
    ["4111 1111 1111 1111 08/29 123", "[REDACTED:card_number] [REDACTED:card_expiry] [REDACTED:cvv]"],
    ["card 378282246310005, exp 11/27, 0421", "card [REDACTED:card_number], exp [REDACTED:card_expiry], [REDACTED:cvv]"],
    ["number 5555-5555-5555-4444, expiry 02/28, code on the back 372", "number [REDACTED:card_number], expiry [REDACTED:card_expiry], code on the back [REDACTED:cvv]"],
    ["Mastercard card verification code: 096", "Mastercard card verification code: [REDACTED:cvv]"],
    ["my last order 4111 1111 1111 1111 12/27 475", "my last order [REDACTED:card_number] [REDACTED:card_expiry] [REDACTED:cvv]"],
    // values named by "as"
    ["I entered 0486 as my PIN", "I entered [REDACTED:pin] as my PIN"],
    ["I tried logging in with Lisbon2001@ as the password", "I tried logging in with [REDACTED:password] as the password"],
    ["66336466 is the one-time code you texted me", "[REDACTED:otp] is the one-time code you texted me"],
    ["address up 66336466 is the one-time code", "address up [REDACTED:otp] is the one-time code"],
    // passwords no everyday word would be
    ["the admin password tigerlisbon no longer works", "the admin password [REDACTED:password] no longer works"],
    ["cnLdMabHhKTPE is my password", "[REDACTED:password] is my password"],
    // lists that name each person
    [
      "passport numbers for the booking: Anna Kowalski - K1234567; Li Wei - E12345678",
      "passport numbers for the booking: Anna Kowalski - [REDACTED:passport]; Li Wei - [REDACTED:passport]",
    ],
    ["passport: mine is C01X00T47 and my wife's is 12AB34567", "passport: mine is [REDACTED:passport] and my wife's is [REDACTED:passport]"],
    [
      "account numbers: Anna Kowalski - 576073148; Rahul Mehta - KP 31 53 84 D",
      "account numbers: Anna Kowalski - [REDACTED:bank_account]; Rahul Mehta - [REDACTED:national_id]",
    ],
    [
      "an item number 6449-6083-2574-5376, expiry 09/2031, code on the back 665",
      "an item number [REDACTED:card_number], expiry [REDACTED:card_expiry], code on the back [REDACTED:cvv]",
    ],
    // identity documents by their national names, typed by shape
    ["DNI 12345678Z", "DNI [REDACTED:national_id]"],
    ["CPF: 123.456.789-09", "CPF: [REDACTED:national_id]"],
    ["National Insurance number QQ 12 34 56 C", "National Insurance number [REDACTED:national_id]"],
    ["KYC docs: 234567890124", "KYC docs: [REDACTED:aadhaar]"],
    ["my SS# is 123 45 6789", "my SS# is [REDACTED:ssn]"],
    // API keys by vendor shape, or near a key word
    ["sk_live_4eC39HqLyjWDarjtT1zdp7dc works in test", "[REDACTED:api_key] works in test"],
    ["api_key=0f8e3c6b3f8058bf0e08f8b48843255d", "api_key=[REDACTED:api_key]"],
    ["Authorization: Bearer ghp_1kO1jBHpXV9pSQCIbDNEqFGHnEBbgCNI3dA2", "Authorization: Bearer [REDACTED:api_key]"],
  ];
  it.each(redacted)("%s", (message, expected) => {
    expect(redactText(message).text).toBe(expected);
  });

  const kept = [
    "order 4111111111111111 shipped",
    "call me on +91 91890 22652 about my account",
    "my account, call me on +44 7112 291269",
    "I forgot my password to get into the app!",
    "my password autofill is broken",
    "password keychain sync fails",
    "user ID number 12345678 is locked",
    "the OTP came at 1130 pm",
    "confirmation number: 9863467228411680 for the card I booked with",
    "invoice number: 2023-95022 for my account",
    "I rotated the secret key yesterday",
    "I got a token error for transaction TXN1234567890123456789",
    "the access token for booking 1Z999AA101234567845 expired",
    "My ID card expired in 2023",
    "KYC done on 12.03.2024",
    "my national ID was issued 2019-05-04",
    "National Insurance contributions 2024/25",
    "passport number and visa for trip ABC123",
    "passport expires 2031",
  ];
  it.each(kept)("keeps %s", (message) => {
    expect(redactText(message).text).toBe(message);
  });
});
