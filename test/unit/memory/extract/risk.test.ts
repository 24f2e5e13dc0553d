// Risk signals: one per kind, with a reason and a severity.
import type { RiskType, Severity } from "../../../../src/memory/types";
import { extract } from "./run";

const risks = (text: string | string[]) => Object.fromEntries(extract(text).risk_signals.map((r) => [r.risk_type, r.severity]));

describe("risk signals", () => {
  it.each<[string, RiskType, Severity[]]>([
    ["If this isn't fixed by Friday we will cancel our subscription and move to a competitor.", "churn", ["high"]],
    ["Please close my account, I'm moving to another bank.", "churn", ["medium", "high"]],
    ["If the outage isn't fixed by Monday we'll be moving all 40 lines to Vodafone.", "churn", ["high"]],
    ["If SSO keeps breaking like this our CTO wants to evaluate alternatives.", "churn", ["medium", "high"]],
    ["We're looking at other providers because of the price rise.", "churn", ["medium", "high"]],
    ["If this isn't fixed by end of day I'm moving our whole team (45 seats) to Asana", "churn", ["high"]],
    ["Reverse the fee or I will close all my accounts", "churn", ["high"]],
    ["if you dont refund me i will dispute with my bank", "chargeback", ["high"]],
    ["I'll go to the press with this", "social_media", ["high"]],
    ["fix it or I leave a review everywhere", "social_media", ["high"]],
    ["My son almost fell out of the bunk bed. This is a safety issue", "safety", ["critical"]],
    ["landline dead 5 days, my mum has a medical alarm. This is dangerous", "safety", ["critical"]],
    // the same in the languages the lexicons cover
    ["ich möchte mein Abo kündigen", "churn", ["medium", "high"]],
    ["quiero darme de baja del servicio", "churn", ["medium", "high"]],
    ["Si no me devuelven el dinero voy a denunciar en redes sociales", "social_media", ["high"]],
    ["sinon je saisis le médiateur", "regulatory", ["high"]],
    ["I want a full refund for the broken chair.", "refund", ["low", "medium"]],
    ["I will raise a chargeback with my card issuer.", "chargeback", ["high"]],
    ["There are two transactions I didn't authorise on my card.", "fraud", ["critical"]],
    ["My account was hacked and someone changed my email.", "fraud", ["critical"]],
    ["My KYC documents were rejected again.", "compliance", ["medium"]],
    ["Under GDPR please delete all my personal data.", "compliance", ["medium"]],
    ["I'll complain to the FCA about this.", "regulatory", ["high"]],
    ["If nobody answers by Monday I'm posting this on Twitter and leaving a 1-star review.", "social_media", ["high"]],
    ["My solicitor will hear about this.", "legal", ["high"]],
    ["The power bank swelled up and burned my hand.", "safety", ["critical"]],
    ["The phone charger sparked and caught fire overnight.", "safety", ["critical"]],
    ["We're on the Enterprise plan with 800 seats and SSO is down.", "vip", ["medium"]],
    ["I'm a VIP customer and expect a callback.", "vip", ["medium"]],
  ])("%s → %s", (text, type, severities) => {
    expect(severities).toContain(risks(text)[type]);
  });

  it.each([
    "I'm not going to cancel my subscription, don't worry",
    "we won't switch providers, we just want this fixed",
    "I never cancelled my plan but the service stopped",
    "I'm not planning to cancel or anything, I just want to know whether the annual plan includes priority support",
    "We have no intention of leaving, but the invoice is wrong",
    "I'm not planning to leave you guys, but the price rise hurts",
    "I was about to cancel, but your agent fixed everything. 10/10",
    "Unsubscribe me from your marketing emails",
  ])(
    "a cancellation or a leaving denied is no churn risk: %s",
    (text) => {
      expect(risks(text).churn).toBeUndefined();
    },
  );
  it.each<[string, RiskType]>([
    ["I'm not going to sue anyone, I just want my money back", "legal"],
    ["I don't want to post a bad review, please just fix it", "social_media"],
    ["I'm not threatening a chargeback, but I need this resolved", "chargeback"],
    ["I saw a post on Twitter about your outage, is it fixed?", "social_media"],
    ["My lawyer friend says I should just do a chargeback but I'd rather sort it with you", "legal"],
    ["My brother is a lawyer and he said I should just ask nicely :)", "legal"],
  ])("a threat denied, or a word of one that threatens nothing, is no risk: %s", (text, type) => {
    expect(risks(text)[type]).toBeUndefined();
  });
  it("not wanting to be a customer any more is churn", () => {
    expect(risks("please delete all my data, I no longer want to be your customer (GDPR)")).toMatchObject({ churn: "medium", compliance: "medium" });
  });
  it("a threat denied with a condition is a threat all the same", () => {
    expect(risks("I don't want to go to the ombudsman but I will if this isn't fixed")).toMatchObject({ regulatory: "high" });
  });
  it("a denial with a condition is a threat all the same", () => {
    expect(risks("I don't want to cancel my plan but I will if this isn't fixed")).toMatchObject({ churn: "high" });
  });

  it("gives each risk a short reason and the message it came from", () => {
    const out = extract(["Hi there.", "I will take legal action if my money isn't returned."]);
    const legal = out.risk_signals.find((r) => r.risk_type === "legal");
    expect(legal?.message_index).toBe(1);
    expect(legal?.reason).toMatch(/legal action/);
    expect(legal!.reason.length).toBeLessThanOrEqual(300);
  });

  // Regression: "I will go to the banking ombudsman" was read as churn, quoted as "i will go to the".
  it.each([
    "I will go to the banking ombudsman if this is not sorted out.",
    "Fix this today or I'll go to the ombudsman.",
    "I am going to the financial ombudsman with this.",
    "We will be going to the regulator about the fees.",
    "I'll go to ombudsman.",
  ])("reads %j as a regulatory complaint, not churn", (text) => {
    const got = risks(text);
    expect(got.regulatory).toBe("high");
    expect(got.churn).toBeUndefined();
  });

  it("keeps churn and a regulator complaint apart when a message has both", () => {
    const got = risks("If this isn't fixed I will close my account and complain to the ombudsman.");
    expect(got.churn).toBeDefined();
    expect(got.regulatory).toBe("high");
  });

  it("quotes a whole clause as evidence, in the customer's words, never a cut phrase", () => {
    const quoted = (text: string) => extract(text).risk_signals.map((r) => /"([^"]*)"/.exec(r.reason)?.[1]).filter((q): q is string => q !== undefined);
    expect(quoted("Hello. I will go to the banking ombudsman if this is not sorted out. Thanks")).toEqual(["I will go to the banking ombudsman if this is not sorted out"]);
    expect(quoted("Honestly, if the refund is not back by Friday we will cancel our subscription and move to a competitor!")).toContain(
      "Honestly, if the refund is not back by Friday we will cancel our subscription and move to a competitor",
    );
    // A long sentence: the clause around the phrase, whole words only.
    const long = `I have been a customer for eleven years, I have always paid on time, I have recommended you to friends and family, ${"and I really mean it ".repeat(4)}; I will take legal action against you; and that is final.`;
    const [q] = quoted(long);
    expect(q).toBe("I will take legal action against you");
  });

  it("has none for a calm ordinary question", () => {
    expect(extract("How do I change my delivery address?").risk_signals).toEqual([]);
  });

  it.each(["I've asked my bank to reverse the charge.", "I got my bank to dispute the transaction", "my bank will reverse it if you don't"])("a bank asked to reverse a payment is a chargeback: %s", (text) => {
    expect(risks(text).chargeback).toBe("high");
  });
  it.each([
    "Your fraud team called me about a payment of 49.99 at Amazon, I confirmed it was me and now my card works again, thanks",
    "Fraud alert on my card. It was me, I bought a TV. Please unblock it",
    "The bank's fraud department texted about a charge. Yes, that was my purchase.",
  ])("a payment the customer says was theirs raises no fraud: %s", (text) => {
    expect(risks(text).fraud).toBeUndefined();
  });
  it.each(["There's a payment I don't recognise, it wasn't me", "someone used my card, it was not me", "Fraud on my card: it was not my purchase"])("one they deny still does: %s", (text) => {
    expect(risks(text).fraud).toBe("critical");
  });
  it.each(["I called my bank and they said it was you", "I asked my bank for a statement"])("a bank named for something else is none, nor a fraud: %s", (text) => {
    expect(risks(text).chargeback).toBeUndefined();
    expect(risks(text).fraud).toBeUndefined();
  });

  // Moving somewhere is leaving only for a company known by name; cancelling needs no object.
  it.each([
    ["If it's not fixed by Friday I'm cancelling and moving to Vodafone.", "high"],
    ["fix this or I'm cancelling", "high"],
    ["we're going to go with Salesforce instead", "high"],
    ["I'm going with Ryanair next time", "medium"],
  ])("leaving for a named company, or cancelling, is churn: %s", (text, severity) => {
    expect(risks(text).churn).toBe(severity);
  });
  it.each(["I'm moving to London next month, please update my address", "We're moving to Berlin, can I take my contract with me?", "I'm going to the airport now", "We will go with the cheaper plan"])(
    "a move to a place, or a choice of plan, is no churn: %s",
    (text) => {
      expect(risks(text).churn).toBeUndefined();
    },
  );
});
