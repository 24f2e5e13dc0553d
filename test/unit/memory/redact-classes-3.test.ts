// Redaction classes found by a probe of messages written outside the eval (2026-12-06): SSNs
// written with dots, Singapore NRIC/FIN and French social security numbers (by their check
// characters), Mexican CLABE and Brazilian accounts, a list of values under its label, a list of
// backup codes, a password tried in quotes, a value after an aside. Messages are generated from
// a seed; no secret may survive and every business reference must.
import { redactText } from "../../../src/memory/redact";
import { isValidNir, isValidNric } from "../../../src/memory/redact/checks";
import { businessRef, digits, expectRedacted, letters, next, pick } from "./redact-seeded";

const keepOf = (ref: string) => ref.split(" ").at(-1)!;

/** A valid NRIC or FIN of the series given. */
function nric(series: "S" | "T" | "F" | "G"): string {
  const body = digits(7, "0123456789");
  for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") if (isValidNric(series + body + c)) return series + body + c;
  throw new Error("no check letter");
}
/** A valid NIR, grouped as printed on the card or run together. */
function nir(grouped: boolean): string {
  const parts = [pick(["1", "2"]), digits(2, "0123456789"), pick(["01", "04", "07", "10", "12"]), pick(["75", "13", "69", "2A", "2B", "33"]), digits(3, "0123456789"), digits(3, "0123456789")];
  const department = parts[3] === "2A" ? "19" : parts[3] === "2B" ? "18" : parts[3]!;
  const key = String(97n - (BigInt(parts.slice(0, 3).join("") + department + parts.slice(4).join("")) % 97n)).padStart(2, "0");
  return grouped ? [...parts, key].join(" ") : [...parts, key].join("");
}

describe("identity numbers in other countries' shapes", () => {
  it("removes an SSN written with dots after its label", () => {
    for (let i = 0; i < 40; i++) {
      const ssn = `${digits(3)}.${digits(2)}.${digits(4)}`;
      const ref = businessRef();
      const label = pick(["my SSN is", "SSN:", "social security number", "ss#"]);
      expectRedacted({ message: `Re ${ref}: ${label} ${ssn}, please update my file.`, secrets: [ssn], type: "ssn", keep: keepOf(ref) });
    }
  });
  it("removes a Singapore NRIC or FIN by its check letter, with or without a label", () => {
    for (let i = 0; i < 60; i++) {
      const id = nric(pick(["S", "T", "F", "G"] as const));
      const ref = businessRef();
      const message = pick([`About ${ref}, my NRIC is ${id}.`, `${ref}: FIN no. ${id}`, `For ${ref} the id on file should be ${id} thanks`, `IC number: ${id} (${ref})`]);
      expectRedacted({ message, secrets: [id], type: "national_id", keep: keepOf(ref) });
    }
  });
  it("keeps a token of the NRIC's shape whose check letter is wrong and that no label names", () => {
    for (let i = 0; i < 30; i++) {
      const id = nric("S");
      const wrong = id.slice(0, 8) + (id[8] === "A" ? "B" : "A");
      const message = `Tracking code ${wrong} shows delivered`;
      expect(redactText(message).text).toBe(message);
    }
  });
  it("removes a French social security number (NIR) printed in its groups, or run together where the message names it", () => {
    for (let i = 0; i < 60; i++) {
      const grouped = next() < 0.6;
      const id = nir(grouped);
      expect(isValidNir(id)).toBe(true);
      const ref = businessRef();
      const message = grouped
        ? pick([`Dossier ${ref} : mon numéro est ${id}`, `${ref} - NIR ${id}`, `my French social security number ${id} for ${ref}`])
        : pick([`${ref} : numéro de sécurité sociale ${id}`, `carte vitale ${id} (${ref})`, `NIR : ${id} — ${ref}`]);
      expectRedacted({ message, secrets: [id], type: "national_id", keep: keepOf(ref) });
    }
  });
  it("keeps a 15-digit order number that happens to have a NIR's key when nothing names a NIR", () => {
    const id = nir(false);
    expect(redactText(`order ${id} has not arrived`).text).toBe(`order ${id} has not arrived`);
    expect(redactText(`my parcel ${id} is late`).text).toBe(`my parcel ${id} is late`);
  });
});

describe("bank accounts of Mexico and Brazil", () => {
  it("removes a CLABE and a Brazilian account with its check digit, and keeps the branch (agência)", () => {
    for (let i = 0; i < 40; i++) {
      const clabe = digits(18, "0123456789");
      const conta = `${digits(pick([5, 6, 8]))}-${digits(1, "0123456789")}`;
      const agencia = `${digits(4)}-${digits(1, "0123456789")}`;
      const ref = businessRef();
      if (next() < 0.5) expectRedacted({ message: `${ref}: ${pick(["mi CLABE es", "CLABE:", "clabe interbancaria"])} ${clabe}`, secrets: [clabe], type: "bank_account", keep: keepOf(ref) });
      else {
        const message = `${ref} - agência ${agencia} conta ${conta}`;
        expectRedacted({ message, secrets: [conta], type: "bank_account", keep: keepOf(ref) });
        expect(redactText(message).text).toContain(agencia);
      }
    }
  });
});

describe("values listed under their label, and codes in a list", () => {
  const NAMES = ["John Smith", "Mary Smith", "Anna", "Tom Becker", "Li Wei", "Priya R."];
  it("removes every passport or ID number listed a line each under its label", () => {
    for (let i = 0; i < 60; i++) {
      const n = pick([2, 3, 4]);
      const ids = Array.from({ length: n }, () => (next() < 0.5 ? `${letters(1)}${digits(7, "0123456789")}` : digits(9)));
      const bullet = pick([(k: number) => `${k + 1}. `, () => "- ", () => "• ", () => ""]);
      const sep = pick([" – ", ": ", " - "]);
      const label = pick(["Passport numbers:", "passports", "Passport details for the booking:", "ID numbers:"]);
      const ref = businessRef();
      const lines = ids.map((id, k) => `${bullet(k)}${NAMES[k]}${sep}${id}`);
      const message = `Hi, for ${ref}.\n${label}\n${lines.join("\n")}\nThanks`;
      const { text } = redactText(message);
      for (const id of ids) expect({ message, text, leaked: text.includes(id) }).toEqual({ message, text, leaked: false });
      expect(text).toContain(keepOf(ref));
    }
  });
  it("keeps a list under a label that names no secret", () => {
    const message = "Order numbers:\n1. John – 518190614\n2. Mary – 518190615";
    expect(redactText(message).text).toBe(message);
  });
  it("removes every backup or recovery code of a list", () => {
    const code = () => pick([() => `${letters(2).toLowerCase()}${digits(2)}-${digits(2)}${letters(2).toLowerCase()}`, () => digits(8), () => `${digits(5)}-${digits(5)}`])();
    for (let i = 0; i < 60; i++) {
      const first = code();
      const shape = (c: string) => c.replace(/[A-Za-z0-9]/g, "x");
      let others = Array.from({ length: pick([1, 2, 3]) }, () => code()).filter((c) => shape(c) === shape(first));
      if (others.length === 0) others = [first.split("").reverse().join("")];
      const ref = businessRef();
      const message = `Locked out of ${ref}. ${pick(["my backup codes are", "recovery codes:", "2FA backup codes", "the recovery keys"])} ${[first, ...others].join(pick([", ", " ", " and "]))}.`;
      expectRedacted({ message, secrets: [first, ...others], type: "password", keep: keepOf(ref) });
    }
  });
  it("stops the list at a reference of another make", () => {
    expect(redactText("recovery codes 4fj2-99kd and ORD-12345").text).toBe("recovery codes [REDACTED:password] and ORD-12345");
    expect(redactText("I lost my recovery codes, what do I do?").text).toBe("I lost my recovery codes, what do I do?");
  });
});

describe("a password tried, a value after an aside", () => {
  it("removes a password tried in quotes, or with a symbol, where the message names a password or a login", () => {
    for (let i = 0; i < 60; i++) {
      const p = `${pick(["Bluebird", "winter", "Kj8", "Maple", "hunter"])}${pick(["!", "#", "$", "&"])}${digits(2)}`;
      const ref = businessRef();
      const tried = pick([`I tried '${p}'`, `I typed "${p}"`, `tried ${p}`, `I entered ‘${p}’`]);
      const message = `${ref}: ${tried} and it ${pick(["says wrong password", "won't let me log in", "keeps rejecting my login"])}.`;
      expectRedacted({ message, secrets: [p.replace(/[!#$&]\d+$/, "")], type: "password", keep: keepOf(ref) });
    }
  });
  it("keeps what was tried that is no password", () => {
    for (const message of ["I tried again and the password reset failed", "I tried ORD-12345 and the login page crashed", "I tried 'resetting' my password", "I tried iOS17 and couldn't log in"])
      expect(redactText(message).text).toBe(message);
  });
  it("removes a value given after an aside between commas", () => {
    for (let i = 0; i < 40; i++) {
      const pin = digits(4);
      const ref = businessRef();
      const aside = pick(["which I set up last year when I opened the account", "the one I use at the ATM", "as far as I remember"]);
      expectRedacted({ message: `${ref}: my PIN, ${aside}, is ${pin}.`, secrets: [pin], type: "pin", keep: keepOf(ref) });
    }
    expect(redactText("my card, which ends in 4242, is blocked").text).toBe("my card, which ends in 4242, is blocked");
  });
});
