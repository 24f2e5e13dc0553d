// Risk signals: one per kind, with a reason and a severity.
import type { RiskType, Severity } from "../../../../src/memory/types";
import { extract } from "./run";

const risks = (text: string | string[]) => Object.fromEntries(extract(text).risk_signals.map((r) => [r.risk_type, r.severity]));

describe("risk signals", () => {
  it.each<[string, RiskType, Severity[]]>([
    ["If this isn't fixed by Friday we will cancel our subscription and move to a competitor.", "churn", ["high"]],
    ["Please close my account, I'm moving to another bank.", "churn", ["medium", "high"]],
    ["I want a full refund for the broken chair.", "refund", ["low", "medium"]],
    ["I will raise a chargeback with my card issuer.", "refund", ["high"]],
    ["There are two transactions I didn't authorise on my card.", "fraud", ["critical"]],
    ["My account was hacked and someone changed my email.", "fraud", ["critical"]],
    ["My KYC documents were rejected again.", "compliance", ["medium"]],
    ["Under GDPR please delete all my personal data.", "compliance", ["medium"]],
    ["I'll complain to the FCA about this.", "compliance", ["high"]],
    ["My solicitor will hear about this.", "legal", ["high"]],
    ["The power bank swelled up and burned my hand.", "safety", ["critical"]],
    ["The phone charger sparked and caught fire overnight.", "safety", ["critical"]],
    ["We're on the Enterprise plan with 800 seats and SSO is down.", "vip", ["medium"]],
    ["I'm a VIP customer and expect a callback.", "vip", ["medium"]],
  ])("%s → %s", (text, type, severities) => {
    expect(severities).toContain(risks(text)[type]);
  });

  it("gives each risk a short reason and the message it came from", () => {
    const out = extract(["Hi there.", "I will take legal action if my money isn't returned."]);
    const legal = out.risk_signals.find((r) => r.risk_type === "legal");
    expect(legal?.message_index).toBe(1);
    expect(legal?.reason).toMatch(/legal action/);
    expect(legal!.reason.length).toBeLessThanOrEqual(300);
  });

  it("has none for a calm ordinary question", () => {
    expect(extract("How do I change my delivery address?").risk_signals).toEqual([]);
  });
});
