// Redaction classes of 2026-12-07's tenth session: one-time codes told without a label in a message
// about such a code, and a network's key a few words after its name (both left by the fourteenth
// outside probe).
import { redactText } from "../../../src/memory/redact";
import { businessRef, digits, expectRedacted, letters, luhnCard, pick } from "./redact-seeded";

/** Each secret is gone from the redacted message. */
function expectRemoved(cases: readonly (readonly [message: string, secret: string])[]): void {
  for (const [message, secret] of cases) {
    const text = redactText(message).text;
    expect({ message, text, leaked: text.includes(secret) }).toEqual({ message, text, leaked: false });
  }
}
/** Each message comes out as it went in. */
function expectKept(messages: readonly string[]): void {
  for (const message of messages) expect(redactText(message).text).toBe(message);
}

/** Six digits as customers type a code they were sent: whole, in threes, in twos, one by one. */
const written = (code: string) =>
  pick([code, `${code.slice(0, 3)} ${code.slice(3)}`, code.replace(/(\d\d)(?=\d)/g, "$1 "), code.split("").join(" "), `${code.slice(0, 3)}-${code.slice(3)}`]);

describe("a one-time code told with no label, in a message about one", () => {
  it("removes each code, however it is written, wherever the message said what it is", () => {
    for (let i = 0; i < 40; i++) {
      const [a, b] = [digits(6), digits(6)];
      const [first, second] = [written(a), written(b)];
      const ref = businessRef();
      const message = pick([
        () => `it sent me 2 codes. first ${first} then ${second}. neither worked, ${ref}`,
        () => `No me llega el código para entrar.\nah ya llegó, es ${first}, pero me dice caducado. ${ref}`,
        () => `Customer: I'm not getting the code\nAgent: I've resent it, ${ref}.\nCustomer: got it ${first}\nCustomer: no sorry ${second}`,
        () => `The exam platform asked for a verification code, I got ${first} but it failed, then ${second} came. ${ref}`,
        () => `ik heb mijn inlogcode gedeeld met iemand die zich voordeed als medewerker. Het was ${first}. ${ref}`,
        () => `Le code n'arrive pas… ah si : ${first}. Ça ne marche pas. ${ref}`,
      ])();
      expectRedacted({ message, secrets: message.includes(second) ? [first, second] : [first], type: "otp", keep: ref });
    }
  });

  it("keeps the numbers such a message names as something else", () => {
    for (let i = 0; i < 24; i++) {
      const n = digits(6);
      const message = pick([
        `I never got the code. My ticket ${n} has been open for days.`,
        `The code didn't come. Order no. ${n}, shipped to pincode ${digits(6)}.`,
        `No code by SMS. I paid ${n} INR for the plan and need access.`,
        `The code expired. Customer: account ${n} is mine.`,
        `Which promo code gives 20% off? I saw ${n} in an email.`,
        `The verification code is not arriving, please call me on +44 20 ${n.slice(0, 4)} ${n.slice(2)}.`,
        `Error code 0x${n} when the code is sent, gateway log pan=${n}******${digits(4)}`,
      ]);
      expect(redactText(message).text).toBe(message);
    }
  });

  it("leaves a number alone in a message that speaks of no code, or only of a promo, postal or error code", () => {
    expectKept([
      "Hi, I transferred 250000 to the wrong account yesterday.",
      "My promo code didn't apply, the receipt shows 445120 points.",
      "Postal code 560034, the parcel went to 560043 instead.",
      "Error code 504 on checkout, request id 883201.",
    ]);
  });
});

describe("a network's key a few words after its name, in a message about Wi-Fi or a router", () => {
  it("removes the key however far in its sentence, in several languages", () => {
    for (let i = 0; i < 32; i++) {
      const key = pick([
        () => `${letters(2).toLowerCase()}${digits(2)}-${letters(3)}${digits(1)}-${letters(2)}${digits(2)}`,
        () => `${pick(["casa", "home", "ev", "maison"])}_${pick(["roma", "net", "wifi", "42"])}_${digits(4)}`,
        () => `${pick(["purple", "coffee", "tiger", "sunny"])}-${pick(["otter", "lamp", "river"])}-${digits(2)}`,
        () => `${pick(["coffee", "guest", "welcome"])}${digits(1)}${pick(["guests", "home", "you"])}`,
      ])();
      const ref = businessRef();
      const message = pick([
        `Hallo, der Router blinkt rot. Schlüssel steht hinten drauf: ${key}. ${ref}`,
        `Modem çalışmıyor. Kablosuz ağ şifresini de unuttum, galiba ${key} idi. ${ref}`,
        `la password del wifi non funziona: c'è scritto ${key} sul frigo. ${ref}`,
        `I'd like a guest network too. Main network key is on the box; guest one: ${key}. ${ref}`,
        `The wifi password on the card in the room, ${key}, doesn't connect. ${ref}`,
      ]);
      expectRedacted({ message, secrets: [key], type: "password", keep: ref });
    }
  });

  it("keeps the router's model and firmware, and a booking's reference", () => {
    expectKept([
      "Router model HG8245Q2, firmware 5.2.118: the wifi password is on its sticker.",
      "The wifi password doesn't work in the flat (prenotazione AB-HM4471KQ), can you reset it?",
      "Router keeps dropping. Password reset didn't help, ticket TCK-88120 and order VR-BB-661029.",
    ]);
  });
});

describe("a card's groups joined by the spaces phones and word processors put, or by underscores", () => {
  it("removes the number whatever joins its groups", () => {
    for (let i = 0; i < 24; i++) {
      const pan = luhnCard(pick(["4", "51", "6011", "9792"]), 16);
      const joiner = pick(["\u200b", "\u00a0", "\u2009", "\u202f", "_"]);
      const written = pan.replace(/(\d{4})(?=\d)/g, `$1${joiner}`);
      const ref = businessRef();
      const message = `${pick(["my card keeps failing:", "kartım", "la carte"])} ${written} ${pick(["— copied from my banking app.", ", son kullanma 09/27.", "a été refusée."])} ${ref}`;
      const text = redactText(message).text;
      expect({ message, text, leaked: text.includes(written) || text.replaceAll(joiner, "").includes(pan.slice(4, 12)) }).toEqual({ message, text, leaked: false });
      expect(text).toContain(ref);
    }
  });
});

describe("gift cards and store codes as the stores print them", () => {
  const group = (n: number) => Array.from({ length: n }, (_, k) => (k % 2 ? digits(1) : letters(1))).join("");
  it("removes five-character groups, a claim code's 4-6-4, codes after 'Gutschein' or 'voucher', numbered cards", () => {
    for (let i = 0; i < 32; i++) {
      const code = pick([
        () => [group(5), group(5), group(5)].join("-"),
        () => [group(5), group(5), group(5), group(5), group(5)].join("-"),
        () => `${letters(4)}-${group(6)}-${letters(2)}${digits(2)}`,
        () => [group(4), group(4), group(4), group(4)].join(pick([" ", "_", "\u2009"])),
        () => `${letters(4)}${digits(4)}${letters(4)}`,
      ])();
      const ref = businessRef();
      const message = pick([
        `Steam says the wallet code is invalid: ${code}. ${ref}`,
        `Xbox code from your store isn't working: ${code}\n${ref}`,
        `Geschenkgutschein ${code} (Wert 30 €) lässt sich nicht einlösen. ${ref}`,
        `I got these as presents and both show 'already claimed':\n${code}\nThe gift cards were never used. ${ref}`,
        `kode voucher game ${code} katanya sudah dipakai. ${ref}`,
      ]);
      expectRedacted({ message, secrets: [code], type: "gift_card", keep: ref });
    }
  });
  it("removes a code followed by a short word, a long run of capitals and digits, a store-credit code with its prefix, a gift card's long number", () => {
    for (let i = 0; i < 16; i++) {
      const code = pick([
        () => [group(4), group(4), letters(4)].join("-"),
        () => Array.from({ length: 4 }, () => group(4)).join("") + group(2),
        () => `SC-${group(4)}-${letters(4)}-${group(4)}`,
        () => `6006${digits(14)}`,
      ])();
      const ref = businessRef();
      const message = pick([
        `PSN code ${code} from ${ref} says 'This code has already been used'.`,
        `code on the back of the Apple gift card: ${code}\nwait, ${ref}`,
        `my store credit voucher from the return (RMA-4471) is ${code}; Both show €0. ${ref}`,
        `The PIN on my gift card was scratched off, I can read ${code}. ${ref}`,
      ]);
      // (a long number may be read as a card's first: redacted either way)
      const text = redactText(message).text;
      expect({ message, text, leaked: text.includes(code) }).toEqual({ message, text, leaked: false });
      expect(text).toContain(ref);
    }
  });
  it("keeps promo codes, a masked card's end, and references in the same message", () => {
    expectKept([
      "Gift card XXXX-XXXX-XXXX-7Q2M was already redeemed on 10/28 for $50.00.",
      "The voucher SUMMER-2024 and promo BLACKFRIDAY2024 both failed on order ORD-55120-AB.",
      "Gift card order 113-4472901-5530612 shipped; tracking 1Z4F82E90341188273.",
      "PSN order #G-88213: the code section is blank. Transaction ID 9568917749532511, PayPal transaction 9XK12345AB678901C.",
    ]);
  });
});

describe("references the sixteenth probe saw redacted", () => {
  it("keeps a Luhn-valid transfer or operation number after its name in other languages, an approval code on a statement, a card's last four, a cluster's id", () => {
    for (let i = 0; i < 12; i++) {
      const id = luhnCard(pick(["4", "51", "3"]), 16);
      const message = pick([
        `Die Überweisung wurde ausgeführt, Betrag 349,00 €. Transaktions-ID ${id}.`,
        `EFT'im (referans no ${id}) karşı tarafa geçmemiş.`,
        `Kuota belum masuk. No. transaksi ${id}, ID pelanggan 122301234567.`,
        `حولت مبلغ لفاتورة رقم INV-88120. رقم العملية ${id}.`,
      ]);
      expect(redactText(message).text).toBe(message);
    }
    expectKept([
      "My statement shows a charge of £23.99 on card **** 4242. Auth code 083412, ARN 74987503071123456789012.",
      "refund ID RFND-4471203 nahi aaya. card ke last 4 digits 8832 hain.",
      "I reset the password in your console and waited 10 min. Cluster ID pg-44120-eu.",
    ]);
  });

  it("still removes a PIN named as a transaction's and a one-time auth code", () => {
    expect(redactText("password udah bener kok, PIN transaksi 935440 juga").text).not.toContain("935440");
    expect(redactText("I can't log in, the auth code 482913 doesn't work").text).not.toContain("482913");
  });
});

describe("travel documents listed for several people", () => {
  const passport = () => pick([() => `${letters(pick([1, 2]))}${digits(7)}`, () => digits(9), () => `${letters(4)}${digits(1)}${letters(2)}${digits(2)}`])();
  it("removes each one, whoever it is said to be for, in a sentence or a list", () => {
    for (let i = 0; i < 32; i++) {
      const [a, b, c] = [passport(), passport(), passport()];
      const ref = `booking ref ${letters(3)}${digits(1)}${letters(2)}`;
      const message = pick([
        `Hi, adding passport details for ${ref} (flights BA0117 on 22 May). Mine is ${a}, my wife's is ${b}, and our son's is ${c}.`,
        `Hallo, hier die Passnummern für die Buchung (${ref}): ich ${a}, meine Frau ${b}, unsere Tochter Lena ${c}.`,
        `Group ${ref}, 3 pax:\n- Anna Schulz, DE passport ${a}\n- Marco Bianchi, IT ${b}\n- Pedro Alves, PT ${c}`,
        `Passports for ${ref}: me ${a}, kids: ${b} and ${c}`,
      ]);
      expectRedacted({ message, secrets: [a, b, c], type: "passport", keep: ref });
    }
  });
  it("removes a number of a passport's letters-and-digits shape anywhere in a message about one", () => {
    for (let i = 0; i < 16; i++) {
      const number = pick([() => `${letters(pick([1, 2, 3]))}${digits(6)}`, () => `${letters(2)}${digits(7)}`, () => `${letters(5)}${digits(4)}`])();
      const message = pick([
        `Hoi, voor de vlucht KL 1009 (boeking H7QX2M) heb ik mijn paspoortnummer verkeerd ingevuld. Juiste nummer: ${number}. Ticketnummer 074-2418831209.`,
        `hi i want to add my passport to booking IB 6251 (locator 4KQ7XP) since I'm flying to Mexico: ${number}. ticket 075-2418839901.`,
        `パスポート番号の修正をお願いします。正しい番号は ${number} です。航空券番号 131-2418842201。`,
      ]);
      const text = redactText(message).text;
      expect({ message, text, leaked: text.includes(number) }).toEqual({ message, text, leaked: false });
      expect(text).toMatch(/4KQ7XP|H7QX2M|131-2418842201/);
    }
  });
  it("keeps the flight, the booking, the e-tickets and the seats named with them", () => {
    expectKept([
      "Passport names for my wife and me must match booking 55028174 and flight LH400; e-tickets 220-2188374410.",
      "Travellers: me and my son, flights BA0117 / BA0118, seats 32A and 32B, order 20240311.",
      "Passport expired, booking ref ABX12345 and e-ticket 125-2417736102 need the new one; flight LH400.",
    ]);
  });
});

describe("security answers the sixteenth probe found told around their question", () => {
  it("removes each answer", () => {
    const cases: [string, string[]][] = [
      ["my memorable word keeps failing. it should be marmalade, or maybe I set it as Marmalade1?? customer number 8812", ["marmalade", "Marmalade1"]],
      ["Hoi, de beveiligingsvraag klopt niet. Geboorteplaats moeder: Zwolle. Klantnummer 30018842.", ["Zwolle"]],
      ["Security question 'name of your primary school' — St Bede's. The platform says error ISA-LOCK-7.", ["St Bede's"]],
      ["Is it 'favourite teacher'? answer would be Mrs Henderson. Loyalty card 6338 0012 4471 09.", ["Mrs Henderson"]],
      ["Non riesco ad accedere, risposta alla domanda segreta Pippo. Ordine 400-2210938-1102.", ["Pippo"]],
      ["меня просят назвать кодовое слово, я называю Барсик, а оператор говорит неверно. Договор № 0012-778-2291.", ["Барсик"]],
      ["Student account recovery asks \"What street did you grow up on?\" — I put Elmwood Avenue and also tried Elmwood Ave. Student ID 900412883.", ["Elmwood Avenue", "Elmwood Ave"]],
    ];
    for (const [message, answers] of cases) {
      const text = redactText(message).text;
      expect({ message, text, leaked: answers.filter((a) => text.includes(a)) }).toEqual({ message, text, leaked: [] });
    }
  });
  it("keeps what such words say in ordinary talk", () => {
    expectKept([
      "His favorite food is Barbecue, so let's go for that.",
      "The reservation's under my maiden name and I can't find it",
      "My memorable word works again, it should be fine now.",
    ]);
  });
});

describe("PUKs, codes that came by text in Polish and Greek, a safe's code set by the guest", () => {
  it("removes them", () => {
    for (let i = 0; i < 12; i++) {
      const [puk, code, safe] = [digits(8), digits(6), digits(4)];
      expectRemoved([
        [`My phone says SIM blocked, enter PUK. The PUK on the card holder is smudged, I think it's ${puk}?? account 3300418872.`, puk],
        [`Ο κωδικός PUK της παλιάς κάρτας είναι ${puk}. Αίτηση 44-1029.`, puk],
        [`Dzień dobry, dostałem SMS z kodem ${code} do potwierdzenia przelewu, którego nie zlecałem! Nr referencyjny 24031512345678.`, code],
        [`Room 714 — the safe won't open. I set the code to ${safe} when we checked in (booking 99182-ACC).`, safe],
      ] as const);
    }
  });
  it("keeps an ICCID, an account and a date in a message about a PUK", () => {
    const message = "Where is my PUK? SIM ICCID 8949574798001433056, customer number 88120034, order 20240311-7712.";
    expect(redactText(message).text).toBe(message);
  });
});

describe("codes read out in words in a call transcript, with no label right before them", () => {
  const say = (digitsText: string, lang: "en" | "es" | "pt" | "de" | "it") => {
    const words = {
      en: ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
      es: ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"],
      pt: ["zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove"],
      de: ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"],
      it: ["zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"],
    }[lang];
    return digitsText.split("").map((d) => words[Number(d)]).join(" ");
  };
  it("removes a security code, an expiry and a texted code said on the customer's line", () => {
    for (let i = 0; i < 24; i++) {
      const lang = pick(["en", "es", "pt", "de", "it"] as const);
      const cvv = say(digits(3, "23456789"), lang);
      const code = say(digits(6, "23456789"), lang);
      const expiry = `${say(`0${digits(1)}`, lang)} ${pick(["slash", "barra"])} ${say(`2${digits(1)}`, lang)}`;
      const message = `transcript:\nagent: and the three digit code on the back of the card?\ncustomer: ${cvv}\nagent: expiry?\ncustomer: ${expiry}\nagent: and the code we just texted you?\ncustomer: ${code}\nagent: thanks, order ORD-${digits(5)} is paid`;
      const text = redactText(message).text;
      expect({ message, text, leaked: [cvv, code, expiry].filter((s) => text.includes(s)) }).toEqual({ message, text, leaked: [] });
      expect(text).toMatch(/ORD-\d{5}/);
    }
  });
  it("keeps a card's last four and a reference read out in words", () => {
    expectKept([
      "[transcript]\nagent: for security please confirm the last four of the card\ncustomer: four four one zero",
      "Transcripción\nCliente: el pedido es el uno uno ocho siete tres cuatro dos\nAgente: No necesito los datos de la tarjeta",
      "agent: thank you, that payment went through for order five five one two, your card is fine",
    ]);
  });
});

describe("keys, seed phrases and backup codes the sixteenth probe found", () => {
  const hex = (n: number) => Array.from({ length: n }, (_, i) => "0123456789abcdef"[(i * 7 + n) % 16]).join("");
  it("removes them", () => {
    const body = "lQVYBGN25z1pOHKCW6o1XlKuKVzhC0WGTBkKI6oM/xTwCv1b/2SvORWBFq37ji2Z\nPCw+gKQWnMWi43ngG5TuI6Nxdw1iIgH5L6xbH1Lnc9f0qarq+H+WrZ/dB0LC8MjR";
    const cases: [string, string][] = [
      [`Here is my key so you can decrypt it:\n-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${body}\n=PS7N\n-----END PGP PRIVATE KEY BLOCK-----\nTicket 4410.`, body.slice(0, 30)],
      [`The API key for my trading bot stopped working overnight. Key: ${hex(64)}. Bot version 2.4.7.`, hex(64)],
      ["Me han vaciado la wallet. Os paso la frase semilla: concert bone castle bird cook cricket buffalo capital alien battle clay brave. Ticket 88410.", "concert bone castle bird"],
      ["Die Wiederherstellungscodes, die wir damals bekommen haben: w5cb-u7bt, 95vw-cqs9.", "w5cb-u7bt"],
      ["Hasło nie działa, kod zapasowy 2nwn32a5 też odrzucony. Faktura FV/2024/03/118.", "2nwn32a5"],
      ["I lost my phone with the authenticator. Here are the backup codes:\nCFWR-WFZG-F6VQ-QY4N\nXMQX-EMQF-GDVK-MARX\nticket 119284.", "XMQX-EMQF-GDVK-MARX"],
    ];
    expectRemoved(cases);
  });
  it("keeps a public key, a digest and words that only name a seed phrase", () => {
    expectKept([
      `Release 2.4.7 checksum sha256: ${hex(64)}. My seed phrase is safe, I never shared it.`,
      "-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQINBGN25z1pOHKCW6o1XlKu\n-----END PGP PUBLIC KEY BLOCK-----",
    ]);
  });
});

describe("identity cards and driving licences by their names in more languages", () => {
  it("removes the number after the name", () => {
    expectRemoved([
      ["Bonjour, pour la location n° RES-88213-FR, voici mon numéro de permis : 021319885345. Carte de fidélité 1029384756.", "021319885345"],
      ["렌터카 예약 KR-5520, 운전면허번호 12-21-766873-47 입니다. 제주공항 픽업 8월 2일.", "766873"],
      ["Rezerwacja samochodu nr 2024-KRK-1188. Numer prawa jazdy: 06289/10/3455.", "06289/10/3455"],
      ["Second driver: Quebec permis E007307623113. My flight AC 857 lands at 14:10.", "E007307623113"],
      ["Mam lot W6 1305 (rezerwacja HT7Q2L). Mój dowód: HYX 738855. Czy dziecko potrzebuje paszportu?", "738855"],
      ["Για το νέο συμβόλαιο (αίτηση 44-1029) χρειάζεστε ταυτότητα ΜΑ 696968.", "696968"],
      ["It asks for my passport number but rejects it. Should I use my Turkish ID 14900912950 instead?", "14900912950"],
    ] as const);
  });
  it("keeps a permit's or a licence's reference that is no document number", () => {
    expectKept(["Le permis de construire est en cours, dossier PC-0441.", "Work permit renewal, case 2024-118, is pending."]);
  });
});

describe("network keys and app passwords in more shapes", () => {
  it("removes a router's key in fours, an Arabic Wi-Fi password, an app password, a card's three digits on the back in Chinese", () => {
    expectRemoved([
      ["Seit dem Update verbinden sich meine Geräte nicht mehr. WLAN-Netzwerkschlüssel laut Aufkleber: 5213 1695 2443 1747 6434. Vertragsnummer 1029-554-782.", "5213 1695 2443 1747 6434"],
      ["مرحبا، الراوتر لا يعمل بعد التحديث 4.2.1. وكلمة مرور الواي فاي Home_Net_8812. رقم الحساب 3300182.", "Home_Net_8812"],
      ["Configuré el SMTP de Gmail con la contraseña de aplicación ftgz lyrq mram dybt y sigue dando 534-5.7.9.", "ftgz lyrq mram dybt"],
      ["I made an app password: abcd efgh ijkl mnop but Outlook still says wrong password.", "abcd efgh ijkl mnop"],
      ["卡号 6228 4808 0574 7422，有效期 06/29，背面三位 656。请帮我冻结。", "656"],
    ] as const);
  });
  it("keeps the router's firmware and a contract number, and an app's name", () => {
    expectKept(["Router firmware 7.57, WLAN key reset did not help, Vertragsnummer 1029-554-782.", "The app password screen is missing in version 2.4.1 of the mail app."]);
  });
});

describe("security answers after a question in brackets, quotes or a list", () => {
  it("removes them", () => {
    expectRemoved([
      ["Formularz: Odzyskiwanie konta\nLogin: kowal_m\nPytanie 1 (nazwisko panieńskie matki): Dobrzańska\nNr zamówienia: PL-2024-99381", "Dobrzańska"],
      ["konsultant prosił o odpowiedź na pytanie pomocnicze (nazwisko panieńskie matki) – to Szczepańska. Numer zgłoszenia 2024/06/88213", "Szczepańska"],
      ["account recovery q: 'favorite childhood toy' - answer Hot Wheels. q2 'city you were born': Scranton. order #A77120", "Scranton"],
      ["and the security questions were\n- first car: Honda Civic\n- street you grew up on: Larkspur Lane\npolice report 24-118830", "Larkspur Lane"],
    ] as const);
  });
  it("keeps a list of fields in a message about no such question", () => {
    const message = "Delivery form:\n- street name: Baker Street\n- city: London\nOrder ORD-55120";
    expect(redactText(message).text).toBe(message);
  });
});

describe("PINs and codes in a few more words", () => {
  it("removes a Mexican NIP, a PIN 'the one in the letter was', an Arabic code that came", () => {
    expectRemoved([
      ["Por cierto, el NIP de mi tarjeta de débito es 2557 por si lo necesitan (reporte 2024-07-5512).", "2557"],
      ["new card arrived but ATM says wrong PIN. the one in the letter was 7762. card ending 2219", "7762"],
      ["وصلني الرمز 053655 ولكن التطبيق يقول منتهي الصلاحية. رقم البلاغ 7712-0044", "053655"],
    ] as const);
  });
  it("keeps an application's reference that starts with KYC", () => {
    expectKept(["bhai KYC reject ho raha hai, application no. KYC-2024-661203, please check karo"]);
  });
});
