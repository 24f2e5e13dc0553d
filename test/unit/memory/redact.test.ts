// Redaction by example: a table per kind of secret (each must go, with the right token), the
// business references that must stay, messages with several secrets, and properties that
// hold over every table. Generated numbers, redactDeep and the check digits are in
// redact-generated.test.ts.
import { redactText, type PiiType } from "../../../src/memory/redact";

/** [message, type, the exact secret inside the message]. */
type Row = [string, PiiType, string];

function tokenFor(type: PiiType, secret: string): string {
  return type === "imei" ? `[REDACTED:imei \u2026${secret.replace(/\D/g, "").slice(-4)}]` : `[REDACTED:${type}]`;
}

/** The secret becomes its token and nothing else changes; its digits appear nowhere else, nor in the findings. */
function expectRedacted([message, type, secret]: Row): void {
  expect(message).toContain(secret);
  const { text, findings } = redactText(message);
  expect(text).toBe(message.replace(secret, tokenFor(type, secret)));
  expect(findings).toEqual([{ type, count: 1 }]);
  const digits = secret.replace(/\D/g, "");
  if (digits.length >= 4) expect(text.replace(/\D/g, " ")).not.toContain(digits.length > 4 ? digits : ` ${digits} `);
  expect(JSON.stringify(findings)).not.toContain(secret);
}

const CARDS: Row[] = [
  ["Please refund to my Visa 4111 1111 1111 1111, order ORD-44821 was cancelled", "card_number", "4111 1111 1111 1111"],
  ["card no: 4111-1111-1111-1111, the one on file", "card_number", "4111-1111-1111-1111"],
  ["I paid with 5500 0000 0000 0004 and got charged twice for INV-2024-0012", "card_number", "5500 0000 0000 0004"],
  ["Amex 378282246310005 was declined at checkout", "card_number", "378282246310005"],
  ["mi número de tarjeta es 4012 8888 8888 1881", "card_number", "4012 8888 8888 1881"],
  ["numéro de carte 5105 1051 0510 5100, merci", "card_number", "5105 1051 0510 5100"],
  ["Diners 3056 930902 5904 is the one on file", "card_number", "3056 930902 5904"],
  ["RuPay 6522 1234 5678 9011 got blocked after the Goa trip", "card_number", "6522 1234 5678 9011"],
  ["My credit card number is 1234 5678 9012 3456 (the one that keeps failing)", "card_number", "1234 5678 9012 3456"],
  ["mera card 4111111111111111 hai, refund isme karo", "card_number", "4111111111111111"],
  ["Maestro 6304 0000 0000 0000 000 was charged for the course", "card_number", "6304 0000 0000 0000 000"],
  ["old visa 4222222222222 is still saved on my profile", "card_number", "4222222222222"],
  ["The number is 6011111111111117, can you retry the payment?", "card_number", "6011111111111117"],
];

const CVVS: Row[] = [
  ["cvv 123", "cvv", "123"],
  ["CVC: 4567", "cvv", "4567"],
  ["the security code is 123, thanks", "cvv", "123"],
  ["the 3 digits on the back are 321", "cvv", "321"],
  ["the three digits on the back of my card are 654 if that helps", "cvv", "654"],
  ["CVV2 - 987 and the card is a Mastercard", "cvv", "987"],
  ["y el código de seguridad es 456", "cvv", "456"],
  ["cryptogramme visuel 321, la carte expire en 2027", "cvv", "321"],
  ["CVV on card ending 4242 is 123", "cvv", "123"],
];

const OTPS: Row[] = [
  ["OTP is 482913", "otp", "482913"],
  ["my verification code: 5521", "otp", "5521"],
  ["the code you sent 123456 does not work", "otp", "123456"],
  ["one-time password 9911 expired before I could use it", "otp", "9911"],
  ["OTP hai 123456 par payment fail ho gaya", "otp", "123456"],
  ["Your 2FA code 448 812 isn't accepted on the Growth workspace", "otp", "448 812"],
  ["el código de verificación es 552193", "otp", "552193"],
  ["mon code de vérification est 884422", "otp", "884422"],
  ["482913 is the OTP I received for the refund", "otp", "482913"],
  ["I got the sms code 7731 but the app says invalid", "otp", "7731"],
  ["the security code from the text message is 66120", "otp", "66120"],
  ["Bestätigungscode: 3310, bitte prüfen", "otp", "3310"],
  ["OTP for payment of Rs 4500 is 482913", "otp", "482913"],
  ["Your verification code is G-482913", "otp", "482913"],
  ["Use code 884411 to verify your account", "otp", "884411"],
  ["OTP: 48-29-13", "otp", "48-29-13"],
];

const PASSWORDS: Row[] = [
  ["password is hunter2!", "password", "hunter2!"],
  ["my pwd: S3cr3t# — please reset it", "password", "S3cr3t#"],
  ["login: priya@example.com / pass: Tr0ub4dor&3", "password", "Tr0ub4dor&3"],
  ["mi contraseña es Hola2024! y no entra", "password", "Hola2024!"],
  ["mon mot de passe est Soleil#2024", "password", "Soleil#2024"],
  ["Mein Passwort ist Geheim123, bitte zurücksetzen", "password", "Geheim123"],
  ["password hai rahul@123, please reset it", "password", "rahul@123"],
  ["the wifi password for the guest network is Guest-2024.", "password", "Guest-2024"],
  ['I set the password to "blue horse 77" yesterday', "password", "blue horse 77"],
  ["senha: abc12345", "password", "abc12345"],
  ["Minha senha do app é Casa@2024 e não funciona", "password", "Casa@2024"],
  ["my password is sunshine and it stopped working", "password", "sunshine"],
  ["Password123! is my password", "password", "Password123!"],
  ["my password's hunter2! now", "password", "hunter2!"],
];

const PINS: Row[] = [
  ["PIN 1234", "pin", "1234"],
  ["ATM pin is 9876", "pin", "9876"],
  ["passcode 4321 for the voicemail", "pin", "4321"],
  ["my UPI PIN is 123456, did someone steal it?", "pin", "123456"],
  ["ATM pin 4321 hai, card block kar do", "pin", "4321"],
  ["mi PIN es 2580", "pin", "2580"],
  ["port-out PIN: 7391 for the number transfer", "pin", "7391"],
  ["SIM locked, PUK 12345678 from the card holder", "pin", "12345678"],
  ["MPIN 4455 not working since the update", "pin", "4455"],
  ["The card PIN code is 1234", "pin", "1234"],
];

const AADHAAR: Row[] = [
  ["Aadhaar 2345 6789 0124 for KYC", "aadhaar", "2345 6789 0124"],
  ["aadhaar number is 123412341234", "aadhaar", "123412341234"],
  ["My Aadhar no: 4918 2736 4505, please update KYC", "aadhaar", "4918 2736 4505"],
  ["आधार 7362 8194 0566 है", "aadhaar", "7362 8194 0566"],
  ["KYC doc submitted: 5678 1234 9018", "aadhaar", "5678 1234 9018"],
  ["Aadhaar VID 9123 4567 8901 2345 bhi check karo", "aadhaar", "9123 4567 8901 2345"],
  ["aadhaar card number 8765-4321-0988", "aadhaar", "8765-4321-0988"],
];

const PANS: Row[] = [
  ["PAN ABCDE1234F", "pan", "ABCDE1234F"],
  ["my PAN card no. is BNZPM2501F", "pan", "BNZPM2501F"],
  ["pan: abcde1234f", "pan", "abcde1234f"],
  ["KYC failed for AAPPL1234C even though documents were uploaded", "pan", "AAPPL1234C"],
  ["Permanent Account Number FGHIJ5678K", "pan", "FGHIJ5678K"],
  ["PAN hai XYZAB9876Q", "pan", "XYZAB9876Q"],
];

const PASSPORTS: Row[] = [
  ["passport no. K1234567", "passport", "K1234567"],
  ["passport number is 123456789", "passport", "123456789"],
  ["Passport: N1234567 (India), expiring 2031", "passport", "N1234567"],
  ["my passport Z9876543 and PNR X7KQ2M", "passport", "Z9876543"],
  ["número de pasaporte: AB1234567", "passport", "AB1234567"],
  ["numéro de passeport 12AB34567 pour la réservation", "passport", "12AB34567"],
  ["G12345678 is my passport number", "passport", "G12345678"],
];

const IMEIS: Row[] = [
  ["IMEI 356938035643809", "imei", "356938035643809"],
  ["my phone 356938035643809 is stuck on the boot logo", "imei", "356938035643809"],
  ["imei: 35-209900-176148-1", "imei", "35-209900-176148-1"],
  ["The handset 867230045123457 shows no service", "imei", "867230045123457"],
  ["device IMEI no. 01 326300 975461 4", "imei", "01 326300 975461 4"],
  ["My phone's IMEI is 490154203237518 and it was stolen", "imei", "490154203237518"],
  ["Samsung A52, 353918057894566, shows no network since Monday", "imei", "353918057894566"],
  ["please unblock 867230045123457 on the blacklist", "imei", "867230045123457"],
];

const BANK_ACCOUNTS: Row[] = [
  ["account number 123456789012", "bank_account", "123456789012"],
  ["a/c 00123456789", "bank_account", "00123456789"],
  ["Please transfer to account no. 50100234567890 IFSC HDFC0001234", "bank_account", "50100234567890"],
  ["my savings account 001234567890 was debited twice", "bank_account", "001234567890"],
  ["Acct #: 9876543210 (Chase checking)", "bank_account", "9876543210"],
  ["mera account number 123456789012 hai", "bank_account", "123456789012"],
  ["número de cuenta 0049 1500 0512 3456 7892", "bank_account", "0049 1500 0512 3456 7892"],
  ["Kontonummer 1234567890", "bank_account", "1234567890"],
];

const IBANS: Row[] = [
  ["IBAN DE89 3704 0044 0532 0130 00", "iban", "DE89 3704 0044 0532 0130 00"],
  ["GB82WEST12345698765432", "iban", "GB82WEST12345698765432"],
  ["please refund to FR14 2004 1010 0505 0001 3M02 606 instead", "iban", "FR14 2004 1010 0505 0001 3M02 606"],
  ["IBAN: ES91 2100 0418 4502 0005 1332 and BIC CAIXESBBXXX", "iban", "ES91 2100 0418 4502 0005 1332"],
  ["NL91ABNA0417164300 is my Dutch account", "iban", "NL91ABNA0417164300"],
  ["Refund to IBAN GB29 NWBK 6016 1331 9268 19 please", "iban", "GB29 NWBK 6016 1331 9268 19"],
  ["my iban is de89 3704 0044 0532 0130 00 please refund", "iban", "de89 3704 0044 0532 0130 00"],
];

const SSNS: Row[] = [
  ["SSN 123-45-6789", "ssn", "123-45-6789"],
  ["ssn 123 45 6789", "ssn", "123 45 6789"],
  ["my social security number is 078-05-1120", "ssn", "078-05-1120"],
  ["SSN: 219099999 for the W-9", "ssn", "219099999"],
  ["Social Security No. 536-22-8726 for the tax form", "ssn", "536-22-8726"],
  ["tax id on file: 412-56-7890", "ssn", "412-56-7890"],
];

const BY_KIND: Array<[PiiType | "", Row[]]> = [
  ["card_number", CARDS],
  ["cvv", CVVS],
  ["otp", OTPS],
  ["password", PASSWORDS],
  ["pin", PINS],
  ["aadhaar", AADHAAR],
  ["pan", PANS],
  ["passport", PASSPORTS],
  ["imei", IMEIS],
  ["bank_account", BANK_ACCOUNTS],
  ["iban", IBANS],
  ["ssn", SSNS],
];
const ALL_ROWS = BY_KIND.flatMap(([, rows]) => rows);

describe.each(BY_KIND)("redactText removes %s", (_kind, rows) => {
  it("has at least six realistic cases", () => expect(rows.length).toBeGreaterThanOrEqual(6));
  it.each(rows)("%s", (...row) => expectRedacted(row as Row));
});

// Business references an agent needs: every one must come back byte for byte.
const KEEP: string[] = [
  "Order ORD-44821 hasn't shipped yet",
  "Amazon order #112-3344556-7788990 arrived damaged",
  "Invoice 84678269 shows the wrong VAT number",
  "Invoice INV-2024-0012 is overdue",
  "PNR ABC123 and X7KQ2M both show cancelled",
  "Re: ticket #48213 and ZD-1234",
  "tracking 1Z999AA10123456784 says delivered",
  "I paid $1,249.00, ₹4,500 and €89.99 and got nothing",
  "Delivery on 2026-11-25, or 25/11/2026 at 14:30",
  "Call me on +91 98765 43210 or +1 (415) 555-2671",
  "my email is priya.sharma@example.com",
  "UPI payment failed, UTR 412345678901, please check",
  "transaction id 412345678901 shows success but no credit",
  "UPI Ref No. 412345678901",
  "reference: 412345678901",
  "txn 412345678901 debited ₹4,500 twice",
  "the card ending 4242 was charged",
  "Order number 4820193847561234 is stuck in processing",
  "Invoice 1234567890123456 was issued twice",
  "I got 1234567890123456 from your team but it doesn't work",
  "IMEI ending 3809 is the one we registered",
  "the last 4 of my SSN are 6789",
  "routing number 021000021, sort code 12-34-56, IFSC HDFC0001234",
  "error code 5001 when saving the workspace",
  "promo code SAVE20 did not apply",
  "zip code 94107 and PIN code 560001",
  "I changed my password 2 days ago",
  "forgot my password and the reset link expired",
  "my password is wrong apparently",
  "Password: ********",
  "password reset email never arrived",
  "OTP not received for order ORD-44821",
  "OTP expired after 10 minutes",
  "OTP sent to 98765 43210 never arrived",
  "account ID 123456789 in the admin console",
  "course CS101, enrolment 2024-0012, student ID 2021CS1045",
  "flight AI 302 on 25/11/2026, seat 14C",
  "e-ticket 0981234567890 for PNR X7KQ2M",
  "SIM card 8991101200003204510 not activating",
  "boarding pass: ABC123 was not issued",
  "plan Growth, 25 seats, renewed on 2026-01-01 for $4,800.00",
  "I was charged ₹1,00,000 on 12.11.2026 for order 4089123",
  "ticket 48213 was opened 3 times since 2024",
  "my PIN stopped working in 2025",
  "OTP received on 2026-11-25 was wrong",
  "PIN blocked after 3 attempts, call 18001234",
  "This is my password",
  "Your password is about to expire",
  "password set to expire in 90 days",
  "the password is going to be reset tomorrow",
  "Aadhaar linked, UTR 412345678901 pending",
  "Refund of ₹2,499 for order 1234567890 not received, ref 412345678901",
  "Mein Konto wurde gesperrt, Bestellnummer 123456789012",
  "Ma commande 123456789 est en retard, compte client 1234",
  "Meu pedido 123456789 não chegou, paguei R$ 199,90 no dia 25/11/2026",
  "Bhai mera recharge 399 ka fail ho gaya, txn id 412345678901",
  "Please do not share your OTP or PIN with anyone.",
  "My Aadhaar is linked to my mobile 9876543210",
];

describe("redactText keeps business references", () => {
  it.each(KEEP)("%s", (message) => {
    expect(redactText(message)).toEqual({ text: message, findings: [] });
  });
});

describe("messages with several secrets", () => {
  it.each([
    [
      "Card 4111 1111 1111 1111, CVV 123, OTP 482913 for order ORD-44821",
      "Card [REDACTED:card_number], CVV [REDACTED:cvv], OTP [REDACTED:otp] for order ORD-44821",
      [{ type: "card_number", count: 1 }, { type: "cvv", count: 1 }, { type: "otp", count: 1 }],
    ],
    [
      "IMEI1: 490154203237518, IMEI2: 353918057894566, ticket #48213",
      "IMEI1: [REDACTED:imei \u20267518], IMEI2: [REDACTED:imei \u20264566], ticket #48213",
      [{ type: "imei", count: 2 }],
    ],
    [
      "Aadhaar 2345 6789 0124 linked, UTR 412345678901 pending, PAN ABCDE1234F",
      "Aadhaar [REDACTED:aadhaar] linked, UTR 412345678901 pending, PAN [REDACTED:pan]",
      [{ type: "aadhaar", count: 1 }, { type: "pan", count: 1 }],
    ],
    [
      "both cards 4111111111111111,5500000000000004 were declined",
      "both cards [REDACTED:card_number],[REDACTED:card_number] were declined",
      [{ type: "card_number", count: 2 }],
    ],
    [
      "username: asha.k / password: Blue#Sky9\nPIN 2580",
      "username: asha.k / password: [REDACTED:password]\nPIN [REDACTED:pin]",
      [{ type: "password", count: 1 }, { type: "pin", count: 1 }],
    ],
    [
      "Booking X7KQ2M: passport K1234567, card 5500-0000-0000-0004, total €89.99",
      "Booking X7KQ2M: passport [REDACTED:passport], card [REDACTED:card_number], total €89.99",
      [{ type: "card_number", count: 1 }, { type: "passport", count: 1 }],
    ],
    [
      "Name: John Smith\nCard Number:\n4111 1111 1111 1111\nExpiry: 12/27\nCVV:\n123",
      "Name: John Smith\nCard Number:\n[REDACTED:card_number]\nExpiry: [REDACTED:card_expiry]\nCVV:\n[REDACTED:cvv]",
      [{ type: "card_expiry", count: 1 }, { type: "card_number", count: 1 }, { type: "cvv", count: 1 }],
    ],
  ])("%s", (message, expected, findings) => {
    expect(redactText(message)).toEqual({ text: expected, findings });
  });
});

// Each row's own check (expectRedacted) already asserts that the secret is not echoed.
describe("safety properties over every table", () => {
  const everything = [...ALL_ROWS.map(([m]) => m), ...KEEP];

  it("is idempotent: a second pass finds nothing and changes nothing", () => {
    for (const message of everything) {
      const once = redactText(message).text;
      expect(redactText(once)).toEqual({ text: once, findings: [] });
    }
  });

  it("sorts findings by type and counts each stretch once", () => {
    const { findings } = redactText("PIN 1234, OTP 482913, cards 4111 1111 1111 1111 and 5500 0000 0000 0004, pin 9876");
    expect(findings).toEqual([
      { type: "card_number", count: 2 },
      { type: "otp", count: 1 },
      { type: "pin", count: 2 },
    ]);
  });

  it("returns the same string when there is nothing to remove", () => {
    expect(redactText("")).toEqual({ text: "", findings: [] });
    expect(redactText("Thanks, that fixed it!")).toEqual({ text: "Thanks, that fixed it!", findings: [] });
  });
});
