// Redaction classes left by the third probe (2026-12-06) and closed the session after: every
// code of a backup-code list however the list goes on, a key printed in groups of digits,
// a security question answered "Q: … A: …" or after its question mark, passwords given with
// no label next to them (a generated passphrase, "I use … for everything", what was typed when
// locked out, "just telling you: …"), a Wi-Fi network's name then its key, an RFC named
// earlier in its sentence and a TIN before its name. Generated from a seed; no secret may
// survive and every business reference must.
import { redactText } from "../../../src/memory/redact";
import { businessRef, digits, expectRedacted, letters, next, pick } from "./redact-seeded";

const keepOf = (ref: string) => ref.split(" ").at(-1)!;
/** Letters and digits mixed, as services generate codes and keys ("t7v38n423m"). */
const generated = (n: number) => {
  const chars = Array.from({ length: n }, () => "abcdefghjkmnpqrstuvwxyz23456789"[Math.floor(next() * 31)]);
  const at = Math.floor(next() * (n - 1));
  chars[at] = digits(1);
  chars[at + 1] = "k";
  return chars.join("");
};
const word = () => pick(["maple", "tundra", "pepper", "velvet", "harbor", "orchid", "falcon", "copper", "meadow", "canyon"]);

describe("backup codes", () => {
  it("removes every code of a list after the first, whatever its make and however the list goes on", () => {
    for (let i = 0; i < 40; i++) {
      const first = pick([`${digits(4)}-${digits(4)}`, `${generated(4)}-${generated(4)}`, generated(10)]);
      const [second, third] = [generated(10), generated(8)];
      const ref = businessRef();
      const [label, link] = pick([["recovery codes", " "], ["backup codes:", ", "], ["I used backup code", ", then "], ["my recovery code is", " and then "], ["2FA backup codes", "; "]]);
      expectRedacted({ message: `${ref} ${label} ${first}${link}${second}${link}${third}`, secrets: [first, second, third], type: "password", keep: keepOf(ref) });
    }
  });
  it("stops at the first word that is no code", () => {
    expect(redactText("backup codes 4fj2-99kd, 8sl1-0pq2 then order ORD-55123 arrived").text).toBe("backup codes [REDACTED:password], [REDACTED:password] then order ORD-55123 arrived");
  });
});

describe("keys in groups of digits", () => {
  it("removes a key printed in three or more groups of one length after its label", () => {
    for (let i = 0; i < 30; i++) {
      const size = pick([4, 5]);
      const key = Array.from({ length: pick([3, 4, 5]) }, () => digits(size, "0123456789")).join(pick([" ", "-"]));
      const ref = businessRef();
      const label = pick(["the key on the router sticker is", "mot de passe wifi :", "WPA2 key:", "wifi password is", "router key"]);
      expectRedacted({ message: `${ref} ${label} ${key}`, secrets: [key], type: "password", keep: keepOf(ref) });
      const text = redactText(`${ref} ${label} ${key}`).text;
      for (const group of key.split(/[ -]/)) expect({ text, group, left: text.includes(group) }).toEqual({ text, group, left: false });
    }
  });
  it("keeps the number after a password's one group", () => {
    expect(redactText("password 4821 then call 0800 555 123").text).toBe("password [REDACTED:password] then call 0800 555 123");
  });
});

describe("security answers", () => {
  it("removes an answer written as one, or a name right after the question", () => {
    for (let i = 0; i < 40; i++) {
      const answer = pick(["Vauxhall Nova", "Ford Fiesta", "Biscuit", "Biscuit Jones", "St Mary's", "Van Der Berg"]);
      const ref = businessRef();
      const form = pick([`Q: first car? A: ${answer}`, `what was your first car? ${answer}`, `first pet? ${answer}`, `first school: ${answer}`, `mother's maiden name: ${answer}`]);
      expectRedacted({ message: `${ref} - ${form}`, secrets: [answer], type: "password", keep: keepOf(ref) });
      const text = redactText(`${ref} - ${form}`).text;
      for (const name of answer.split(" ")) expect({ text, left: new RegExp(`\\b${name}\\b`).test(text) }).toEqual({ text, left: false });
    }
  });
  it("keeps the next sentence after a question that is not answered", () => {
    for (const text of ["first car? I don't remember", "first pet? Please help me reset it", "can they use email and password? Thanks, Daniel", "Is there a pet fee? Thanks"]) {
      expect(redactText(text).text).toBe(text);
    }
  });
});

describe("passwords with no label next to them", () => {
  it("removes a passphrase of hyphened words and a number wherever it stands", () => {
    for (let i = 0; i < 30; i++) {
      const phrase = `${Array.from({ length: pick([3, 4]) }, word).join("-")}${digits(pick([1, 2]))}`;
      const ref = businessRef();
      const form = pick([`It's ${phrase} (capital first letter I think)`, `just telling you: ${phrase}`, `${phrase} — that one`, `try ${phrase}`]);
      expectRedacted({ message: `${ref}. ${form}`, secrets: [phrase], type: "password", keep: keepOf(ref) });
    }
  });
  it("removes a password reused everywhere, typed when locked out, or handed over after a colon", () => {
    for (let i = 0; i < 40; i++) {
      const p = generated(pick([8, 10, 12]));
      const ref = businessRef();
      const form = pick([
        `I use ${p} for everything, please don't share it`,
        `Got locked out again, I typed ${p} like 5 times`,
        `password reset didn't work so I'm just telling you: ${p}`,
        `reused ${p} on all my accounts`,
      ]);
      expectRedacted({ message: `${ref} ${form}`, secrets: [p], type: "password", keep: keepOf(ref) });
    }
  });
  it("keeps addresses, refs and plain words in the same places", () => {
    for (const text of [
      "see https://example.com/blog/how-to-reset2 for help",
      "the state-of-the-art2 model is out of stock",
      "locked out, I typed ORD12345 as the order",
      "locked out after I entered abc and 123",
      "I use Chrome for everything",
      "just telling you: the app crashed",
    ]) {
      expect(redactText(text).text).toBe(text);
    }
  });
});

describe("Wi-Fi network and key", () => {
  it("removes the key after the network's name", () => {
    for (let i = 0; i < 30; i++) {
      const key = generated(pick([10, 16]));
      const network = pick(["HomeNet_5G", "VM4821977", "TP-Link_6A2C", "Casa"]);
      const ref = businessRef();
      expectRedacted({ message: `${ref} ${pick(["wifi:", "WiFi -", "wlan:", "SSID:"])} ${network} ${pick(["/", "|", ","])} ${key}`, secrets: [key], type: "password", keep: keepOf(ref) });
    }
  });
  it("keeps a network named with no key", () => {
    expect(redactText("wifi: HomeNet_5G / it keeps dropping").text).toBe("wifi: HomeNet_5G / it keeps dropping");
  });
});

describe("identity numbers named apart from their value", () => {
  it("removes an RFC named earlier in its sentence, and a TIN before its name", () => {
    for (let i = 0; i < 30; i++) {
      const rfc = `${letters(4)}${digits(2, "0123456789")}${pick(["01", "07", "12"])}${pick(["03", "16", "28"])}${letters(2)}${digits(1)}`;
      // nine digits: with a branch code's three more, one in ten passes Aadhaar's check and is removed as one
      const tin = `${digits(3)}-${digits(3, "0123456789")}-${digits(3, "0123456789")}`;
      const ref = businessRef();
      expectRedacted({ message: `${ref} I think the RFC on file is wrong, the correct one is ${rfc}`, secrets: [rfc], type: "national_id", keep: keepOf(ref) });
      expectRedacted({ message: `${ref}: ${tin} is my TIN`, secrets: [tin], type: "national_id", keep: keepOf(ref) });
    }
  });
  it("keeps a standard's RFC number", () => {
    expect(redactText("see RFC 2616 section 4, the correct one is 7230").text).toBe("see RFC 2616 section 4, the correct one is 7230");
  });
});
