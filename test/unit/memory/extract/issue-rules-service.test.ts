// Complaints about the support service itself (kept on hold, no answer, an agent who hung up, being
// passed around, a bot going in circles) name no business: a tenant in auto mode sees them as
// general_info with a service complaint, not as the bank's or the carrier's problem. Look-alikes
// keep their business and kind.
import { extractDeterministic } from "../../../../src/memory/extract/deterministic";
import type { TenantSupportSettings } from "../../../../src/memory/types";

const AUTO: TenantSupportSettings = { domain_schema: "support", support_type_mode: "auto", support_type: null, support_types_allowed: [] };
const extract = (text: string) => extractDeterministic({ messages: [{ role: "user", content: text, index: 0 }], metadata: {}, settings: AUTO, existing: null });

describe("a complaint about the support service names no business", () => {
  it.each([
    "I've been on hold for 40 minutes, this is ridiculous",
    "still no reply to my emails after a week",
    "your agent hung up on me halfway through",
    "the advisor I spoke to yesterday was incredibly rude",
    "I keep getting passed from one department to another",
    "the chatbot just goes round in circles",
    "you promised someone would call me back and nobody ever did",
    "your support team is useless, nobody replies to my emails",
    "the level of customer service here is appalling",
  ])("%s", (text) => {
    const out = extract(text);
    expect(out.support_type).toBe("general_info");
    expect(out.issue?.issue_type).toBe("service_complaint");
  });

  it("a person asked for after a bot's circles is a request for one", () => {
    expect(extract("this bot doesn't understand, I need a human").issue?.issue_type).toBe("contact_request");
  });
});

describe("look-alikes keep their business", () => {
  it.each([
    ["my card is on hold and I can't pay", "banking_fintech"],
    ["my payment has been on hold for 3 days", "banking_fintech"],
    ["the agent said my parcel would arrive Tuesday but it never came", "ecommerce"],
    ["the front desk staff were rude when we checked in", "travel"],
  ])("%s → %s", (text, vertical) => {
    expect(extract(text).support_type).toBe(vertical);
  });
});
