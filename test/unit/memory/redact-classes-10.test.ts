// Redaction classes of 2026-12-06's eighth session. Generated from a seed where a class has
// variants; no secret may survive and every business reference must.
import { redactText } from "../../../src/memory/redact";
import { pick } from "./redact-seeded";

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
