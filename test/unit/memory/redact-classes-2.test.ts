// More redaction classes, each as a class like redact-classes.test.ts: passwords whose label is
// elsewhere in the message or that are plain words, security answers, codes read out in words,
// user and password pairs, and codes named by their number of digits. Messages are generated
// from a seed; no secret may survive and every business reference must.
import { redactText } from "../../../src/memory/redact";
import { passesLuhn } from "../../../src/memory/redact/checks";
import { businessRef, digits, expectRedacted, pick, withCheck } from "./redact-seeded";

describe("passwords whose label is elsewhere in the message, or that are plain words", () => {
  const secret = () => `${pick(["Password", "Winter", "Kj8", "hunter", "Tr0ub4dor", "Maple"])}${digits(pick([2, 3, 4]))}${pick(["!", "#", "", "&3", "_x"])}`;
  const SAID_ELSEWHERE = [
    (p: string) => `I reset my password yesterday. I reset it to ${p} and it still fails.`,
    (p: string) => `I changed it to ${p} but the app says wrong password.`,
    (p: string) => `The login keeps failing, I even set it to ${p} this morning.`,
    (p: string) => `My password expired so I updated mine to ${p}, still locked out.`,
  ];
  const OPENS_THE_LOGIN = [
    (p: string) => `I use ${p} to log in and it says invalid.`,
    (p: string) => `I typed ${p} to sign in, no luck.`,
    (p: string) => `tried "${p}" for the login twice.`,
  ];
  it("removes a password set or used where the message names a password or a login", () => {
    for (let i = 0; i < 120; i++) {
      const p = secret();
      const ref = businessRef();
      const message = `About ${ref}: ${pick([...SAID_ELSEWHERE, ...OPENS_THE_LOGIN])(p)}`;
      expectRedacted({ message, secrets: [p.replace(/[!#_&x3]+$/, "")], type: "password", keep: ref.split(" ").at(-1)! });
    }
  });
  it("removes a passphrase of plain words after a colon", () => {
    const WORDS = ["correct", "horse", "battery", "staple", "purple", "monkey", "dishwasher", "garden", "river", "lantern", "copper", "violet"];
    for (let i = 0; i < 60; i++) {
      const words = Array.from({ length: pick([3, 4, 5]) }, () => pick(WORDS));
      const phrase = words.join(pick([" ", "-"]));
      const ref = businessRef();
      const message = `Re ${ref}. ${pick(["password: ", "My password is: ", "The new passphrase I set is: ", "pwd: "])}${phrase}${pick([".", "", "\nThanks"])}`;
      const { text } = redactText(message);
      expect({ message, leaked: words.filter((w) => text.includes(w)) }).toEqual({ message, leaked: [] });
      expect(text).toContain(ref.split(" ").at(-1)!);
    }
  });
  it("keeps what is not a password: a story after the colon, a version, plain words, a setting without a password", () => {
    for (const message of [
      "password: not working anymore at all",
      "password is: the same as before",
      "password reset steps: click here and wait",
      "reset it to v2.3.1 and my password fails",
      "I set it to Premium2 yesterday and the invoice doubled",
      "use order AB12345 to track it",
      "I changed it to monthly, and my password still fails",
    ])
      expect(redactText(message).text).toBe(message);
  });
});

describe("credentials in other shapes: security answers, codes in words, user and password pairs", () => {
  const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
  it("removes the answer to a security question", () => {
    for (let i = 0; i < 60; i++) {
      const answer = `${pick(["Fluffy", "Kowalski", "Rex", "Marigold", "Santos", "Bluebird"])}${pick(["", "", "99"])}`;
      const ref = businessRef();
      const label = pick(["my security answer is", "mother's maiden name:", "my mothers maiden name is", "memorable word:", "my secret word is", "security question answer ="]);
      expectRedacted({ message: `Locked out of ${ref}. ${label} ${answer}, please verify me.`, secrets: [answer], type: "password", keep: ref.split(" ").at(-1)! });
    }
    for (const message of ["the security answer was wrong", "what is my security answer?", "I forgot my memorable word"]) expect(redactText(message).text).toBe(message);
  });
  it("removes a PIN, one-time code or security code read out in words", () => {
    const LABELS = [
      { label: ["my PIN is", "PIN:", "my card pin? it's", "pin number is"], type: "pin", n: [4, 6] },
      { label: ["OTP:", "the verification code was", "my one-time code is"], type: "otp", n: [4, 6] },
      { label: ["cvv is", "security code is", "CVC:"], type: "cvv", n: [3, 4] },
    ];
    for (let i = 0; i < 90; i++) {
      const { label, type, n } = pick(LABELS);
      const words = Array.from({ length: pick(n) }, () => pick(NUMBER_WORDS));
      const ref = businessRef();
      const message = `About ${ref}: ${pick(label)} ${words.join(pick([" ", "-", ", "]))}. Thanks`;
      const { text, findings } = redactText(message);
      expect({ message, text, leaked: words.join(" ").length > 0 && text.includes(words.slice(0, 3).join(" ")) }).toEqual({ message, text, leaked: false });
      expect(findings.find((f) => f.type === type)?.count ?? 0).toBeGreaterThanOrEqual(1);
      expect(text).toContain(ref.split(" ").at(-1)!);
    }
    for (const message of ["I have one two three questions", "the pin is one of two options"]) expect(redactText(message).text).toBe(message);
  });
  it("removes the password of a user and password pair, and a German 'Passwort lautet'", () => {
    for (let i = 0; i < 60; i++) {
      const p = `${pick(["Hunter", "Adm1n!", "Sommer", "Tr0ub4dor&"])}${digits(pick([2, 4]))}`;
      const ref = businessRef();
      const pair = pick([`login details: user jsmith / ${p}`, `credentials: admin / ${p}`, `my login is maria@example.com / ${p}`, `Das Passwort lautet: ${p}`, `Passwort lautet ${p}`]);
      expectRedacted({ message: `Re ${ref} - ${pair}`, secrets: [p], type: "password", keep: ref.split(" ").at(-1)! });
    }
    for (const message of ["login: jdoe / password", "login page / settings menu", "Login issue / billing question"]) expect(redactText(message).text).toBe(message);
  });
  it("keeps the whole label of the pair's password ('pwd=', not 'pw' and the rest)", () => {
    expect(redactText("Login: jsmith / pwd=Hunter2!").text).toBe("Login: jsmith / pwd=[REDACTED:password]");
    expect(redactText("login jsmith / pw: Hunter2!").text).toBe("login jsmith / pw: [REDACTED:password]");
  });
});

describe("a code named by its number of digits", () => {
  it("removes a card's '3 digit code' and a '6 digit code' sent by text, grouped or not, and keeps the last 4 digits of a card", () => {
    for (let i = 0; i < 90; i++) {
      const card = withCheck(`4${digits(14, "0123456789")}`, passesLuhn);
      const cvv = digits(3);
      const otp = digits(6);
      const ref = businessRef();
      const message = pick([
        `About ${ref}: my card is ${card}, exp 09/${digits(2, "3")}, ${pick(["3 digit code", "the 3-digit code is", "three digit security code:"])} ${cvv}.`,
        `About ${ref}: card ${card} and the ${pick(["3 digit", "three-digit"])} code is ${cvv}`,
        `About ${ref}: I got a ${pick(["6 digit", "six-digit", "6-digit verification"])} code ${pick([otp, `${otp.slice(0, 3)} ${otp.slice(3)}`])} but it fails`,
      ]);
      const secret = message.includes(card) ? cvv : otp.slice(0, 3);
      const { text } = redactText(message);
      expect({ message, text, leaked: new RegExp(`(?<![\\d-])${secret}`).test(text) }).toEqual({ message, text, leaked: false });
      expect(text).toContain(ref.split(" ").at(-1)!);
    }
    for (const message of ["the last 4 digits are 4242", "card ending 4242, the last 4 digit code 4242 shows on the receipt"]) expect(redactText(message).text).toContain("4242");
  });
  it("removes a card's code named 'security' after the expiry or 'the code behind', and a code after its label and a question mark", () => {
    for (let i = 0; i < 60; i++) {
      const card = withCheck(`5${pick([..."12345"])}${digits(14, "0123456789")}`, passesLuhn);
      const code = digits(pick([3, 6]));
      const ref = businessRef();
      const message =
        code.length === 3
          ? `Re ${ref}: card ${card} ${pick([`expiry 0${pick([..."123456789"])}/2${pick([..."6789"])} security ${code}`, `and the code behind is ${code}`, `- digits on the back: ${code}`])}`
          : `Re ${ref}: my ${pick(["OTP", "verification code", "one-time code"])}? ${code}`;
      expectRedacted({ message, secrets: [code], type: code.length === 3 ? "cvv" : "otp", keep: ref.split(" ").at(-1)! });
    }
    for (const message of ["Why is my PIN blocked? 2 days now", "Did you get my OTP? 3 times I asked", "What about my booking? 12345678 is the confirmation"]) expect(redactText(message).text).toBe(message);
  });
  it("removes a one-time code named as the code received, in Spanish, Portuguese and French", () => {
    for (let i = 0; i < 30; i++) {
      const code = digits(6);
      const ref = businessRef();
      const message = `${ref}: ${pick(["el código que me llegó es", "el código que recibí:", "o código que recebi é", "le code que j'ai reçu :"])} ${code}`;
      expectRedacted({ message, secrets: [code], type: "otp", keep: ref.split(" ").at(-1)! });
    }
  });
});

describe("an application's secrets and a mistyped IBAN", () => {
  const ALNUM = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  const chars = (n: number, set = ALNUM) => Array.from({ length: n }, () => pick([...set])).join("");
  it("removes a secret after the label that names it, however the label is written", () => {
    for (let i = 0; i < 80; i++) {
      // a long key, or a short secret that mixes letters with digits and symbols
      const secret = pick([() => `${chars(6)}${digits(2)}${chars(24)}`, () => `${chars(3)}${digits(1)}!${chars(4)}#${chars(2)}`, () => `whsec_${chars(10)}${digits(3)}`])();
      const label = pick(["client secret is", "client_secret=", "Client Secret:", "aws_secret_access_key =", "AWS secret access key:", "our webhook secret is", "signing secret:", "app secret =", "shared secret:", "secret:", "api_secret="]);
      const ref = businessRef();
      const message = `Integration for ${ref} broke after we rotated it. ${label} ${secret} - can you check?`;
      const { text } = redactText(message);
      // a long key reads as an API key, a short one as a password: either way it is gone
      expect({ message, text, leaked: text.includes(secret) }).toEqual({ message, text, leaked: false });
      expect(text).toMatch(/\[REDACTED:(?:api_key|password)\] - can you check\?$/);
      expect(text).toContain(ref.split(" ").at(-1)!);
    }
    // the words, not a value
    for (const message of ["the secret key is patience", "the secret key is to restart the router", "It's no secret that your app is slow", "our client secret expired", "the api secret was rotated yesterday"]) expect(redactText(message).text).toBe(message);
  });
  it("removes an IBAN said as one whose check digits fail, up to its last group with a digit", () => {
    for (let i = 0; i < 60; i++) {
      const groups = [`${pick(["GB", "DE", "FR", "NL", "ES"])}${digits(2, "0123456789")}`, chars(4, "ABCDEFGHJKLMNPRSTUVWXYZ"), ...Array.from({ length: pick([3, 4]) }, () => digits(4, "0123456789")), digits(2, "0123456789")];
      const iban = groups.join(" ");
      const label = pick(["my iban is", "IBAN:", "IBAN no.", "iban #", "Iban -"]);
      const ref = businessRef();
      const { text } = redactText(`Please refund ${ref} to ${label} ${iban} please refund soon`);
      // whatever the check digits say, no group of the account survives, and the words after it do
      for (const g of groups.slice(2)) expect({ text, kept: text.includes(` ${g}`) }).toEqual({ text, kept: false });
      expect(text).toContain("please refund soon");
      expect(text).toContain(ref.split(" ").at(-1)!);
    }
    for (const message of ["IBAN please, what is yours", "iban is not showing in the app", "my IBAN changed on 12 May 2024"]) expect(redactText(message).text).toBe(message);
  });
});

describe("a code glued to its label, or named by what was done with it", () => {
  it("removes a CVV, PIN or one-time code typed against its label", () => {
    for (let i = 0; i < 60; i++) {
      const { label, n, type } = pick([
        { label: ["cvv", "CVV", "cvc", "CVC2", "csc"], n: [3, 4], type: "cvv" },
        { label: ["pin", "PIN"], n: [4, 6], type: "pin" },
        { label: ["otp", "OTP"], n: [4, 6, 8], type: "otp" },
      ]);
      const code = digits(pick(n), "0123456789");
      const ref = businessRef();
      expectRedacted({ message: `${ref} card payment failed, ${pick(label)}${code} exp1128 pls help`, secrets: [code], type, keep: ref.split(" ").at(-1)! });
    }
    // a model number is not a PIN: five digits, no PIN has
    for (const message of ["model PIN12345 connector", "ring me on pin123"]) expect(redactText(message).text).toBe(message);
  });
  it("removes a code the customer says they used, entered or read in a text", () => {
    for (let i = 0; i < 60; i++) {
      const code = pick([() => digits(6, "0123456789"), () => digits(4, "0123456789"), () => `${digits(3)} ${digits(3)}`])();
      const ref = businessRef();
      const said = pick([
        `I used code ${code} but it didn't work`,
        `I entered the code ${code} twice`,
        `tried code ${code}, nothing`,
        `the code in the text was ${code}`,
        `code from the SMS: ${code}`,
        `typed the code ${code} and got an error`,
        `my code is ${code} but it says invalid`,
        `Code: ${code}`,
      ]);
      expectRedacted({ message: `Can't confirm ${ref}. ${said}.`, secrets: [code], type: "otp", keep: ref.split(" ").at(-1)! });
    }
    // a discount code is not a one-time code; nor is a promo code's number
    for (const message of ["I used code SAVE20 at checkout", "I tried promo code 482913", "I used the code, thanks"]) expect(redactText(message).text).toBe(message);
    // a code that another word names is that code: an error, a postal area, a discount, a booking
    for (const message of ["error code is 482913", "zip code is 94105", "discount code is 482913", "booking code is 482913", "area code is 0207", "pin code is 560034"]) {
      expect(redactText(message).text).toBe(message);
    }
  });
});

describe("secrets in the phrasings a probe of 440 messages found leaking", () => {
  const luhnCard = () => withCheck(`4${digits(14, "0123456789")}`, passesLuhn);
  it("removes a card typed with double spaces, spaced dashes or in two blocks", () => {
    for (let i = 0; i < 60; i++) {
      const card = luhnCard();
      const groups = card.match(/.{4}/g)!;
      const typed = pick([groups.join("  "), groups.join(" - "), `${card.slice(0, 4)} ${card.slice(4)}`, `${card.slice(0, 6)} ${card.slice(6)}`]);
      const ref = businessRef();
      const { text } = redactText(`About ${ref}: card ${typed} keeps failing`);
      expect({ text, leaked: text.includes(typed) || text.replace(/\D/g, "").includes(card) }).toEqual({ text, leaked: false });
      expect(text).toContain(ref.split(" ").at(-1)!);
    }
    for (const message of ["call me on 0207 946 0958", "Invoice 2024 - 1234 - 5678 - 9012", "room 12 - 14 people"]) expect(redactText(message).text).toBe(message);
  });
  it("removes a code pasted from its text message, or said in another language", () => {
    for (let i = 0; i < 60; i++) {
      const code = digits(6, "0123456789");
      const ref = businessRef();
      const said = pick([
        `${code} is your Instagram code`,
        `Use ${code} to verify your account`,
        `they texted me ${code}`,
        `Le code est ${code}`,
        `Der Code ist ${code}`,
        `mi código es ${code}`,
        `Código: ${code}`,
        `My code: [${code}]`,
        `(code ${code})`,
        `SMS says "Your Acme code is ${code}. Do not share it"`,
        `Votre code de connexion : ${code}`,
        `Dein Code lautet ${code}`,
        `verfication code ${code}`,
      ]);
      expectRedacted({ message: `Re ${ref}: ${said}, still locked out`, secrets: [code], type: "otp", keep: ref.split(" ").at(-1)! });
    }
    expect(redactText("google sent me G-482013").text).toBe("google sent me G-[REDACTED:otp]");
    for (const message of ["1200 is your total", "use 2024 to see the report", "error code 500123 again"]) expect(redactText(message).text).toBe(message);
  });
  it("reads a password label however it is typed, and no German word as an English password", () => {
    for (let i = 0; i < 60; i++) {
      const p = `${pick(["Hunter", "Soleil", "Kj8#", "Winter"])}${digits(pick([2, 4]))}${pick(["!", "#", ""])}`;
      const ref = businessRef();
      const label = pick(["pword:", "psw", "mdp :", "p/w =", "passwrd is", "pasword:", "mon mot de passe c'est"]);
      expectRedacted({ message: `${ref} - ${label} ${p}`, secrets: [p], type: "password", keep: ref.split(" ").at(-1)! });
    }
    expect(redactText("ccv 714").text).toBe("ccv [REDACTED:cvv]");
    expect(redactText("Geheimzahl ist 8173").text).toBe("Geheimzahl ist [REDACTED:pin]");
    expect(redactText("mon code secret de carte bleue c'est 7402").text).toBe("mon code secret de carte bleue c'est [REDACTED:pin]");
    for (const message of ["Passwort vergessen, bitte zurücksetzen", "the password page is broken"]) expect(redactText(message).text).toBe(message);
  });
  it("removes keys by their vendor's prefix or an environment variable's name", () => {
    for (const [message, key] of [
      ["OPENAI_API_KEY=sk-proj-abcDEF123456789012345678XYZ", "sk-proj-abcDEF123456789012345678XYZ"],
      ["token ya29.a0AfH6SMBxyz1234567890abcdefghijkl", "ya29.a0AfH6SMBxyz1234567890abcdefghijkl"],
      ["NPM_TOKEN=npm_abcdefghijklmnopqrstuvwxyz1234567890", "npm_abcdefghijklmnopqrstuvwxyz1234567890"],
    ]) {
      expect(redactText(message!).text).not.toContain(key);
    }
    expect(redactText("the sk-1 model and task-force sk-8").text).toBe("the sk-1 model and task-force sk-8");
  });
  it("keeps an account number with a utility, a carrier or a club: the agent's reference", () => {
    for (const message of ["customer account 300012345, bill of £45.20", "gas account no. 884102937", "mobile account number 7012345678"]) expect(redactText(message).text).toBe(message);
    expect(redactText("bank account 12345678901").text).toBe("bank account [REDACTED:bank_account]");
  });
});
