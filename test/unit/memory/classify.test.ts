// Routing a conversation to a vertical inside the tenant's rule: single forces, multi picks
// within the allow-list (else general_info), auto picks from all.
import { classifyVertical } from "../../../src/memory/classify";
import type { SupportTypeMode, TenantSupportSettings, Vertical } from "../../../src/memory/types";

const settings = (mode: SupportTypeMode, type: Vertical | null = null, allowed: Vertical[] = []): TenantSupportSettings => ({
  domain_schema: "support", support_type_mode: mode, support_type: type, support_types_allowed: allowed,
});
const AUTO = settings("auto");

describe("classifyVertical in auto mode", () => {
  it.each<[string, Vertical]>([
    ["Where is ORD-44821? It was due on Tuesday and has been delayed twice.", "ecommerce"],
    ["The Growth plan invoice is wrong, we were billed for the old seat count.", "saas"],
    ["UPI payment debited but not credited", "banking_fintech"],
    ["PNR ABC123 flight cancelled", "travel"],
    ["No network on my Vodafone SIM since this morning", "telecom"],
    ["I can't open the week 3 quiz on Moodle", "edtech_support"],
    ["the sauna was closed all weekend", "travel"],
    ["how long does a pedicure take?", "travel"],
    ["my data runs out way too fast, is something using it?", "telecom"],
    ["the room smells of smoke, can we change it?", "travel"],
    ["the sofa for my living room arrived with a broken leg", "ecommerce"],
    ["I ran out of data again halfway through the month", "telecom"],
    ["the magic link in the email has expired", "saas"],
    ["which DNS records do I add for the custom domain?", "saas"],
    ["I bought airtime but it never showed up", "telecom"],
    ["my mifi keeps disconnecting", "telecom"],
    ["my essay got flagged for plagiarism", "edtech_support"],
    ["what's the weather like", "general_info"],
    ["tell me a joke", "general_info"],
    ["", "general_info"],
    ["ok", "general_info"],
    ["please delete my data", "general_info"],
  ])("%s → %s", (text, vertical) => {
    const r = classifyVertical(text, AUTO);
    expect(r.vertical).toBe(vertical);
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });

  // "can I join the batch that already started?": "batch" is 2 points of edtech, and a guess
  // from elsewhere (the model's least vote) 2 for banking; the text's own word wins the tie.
  it("a tie goes to the vertical the words name, not to a guess from elsewhere", () => {
    const text = "can I join the batch that already started last week";
    const words = classifyVertical(text, AUTO).scores;
    expect(words).toEqual({ edtech_support: 2 });
    expect(classifyVertical(text, AUTO, { banking_fintech: 2 }).vertical).toBe("edtech_support");
    // two guesses tie: the priority order (money first) decides
    expect(classifyVertical("hello there", AUTO, { banking_fintech: 2, saas: 2 }).vertical).toBe("banking_fintech");
    // a guess with more votes still wins
    expect(classifyVertical(text, AUTO, { banking_fintech: 4 }).vertical).toBe("banking_fintech");
  });

  it("is more confident with more evidence", () => {
    const weak = classifyVertical("my order is late", AUTO);
    const strong = classifyVertical("my order ORD-1234 is late, the DHL parcel tracking hasn't moved and the courier doesn't answer", AUTO);
    expect(weak.vertical).toBe("ecommerce");
    expect(strong.vertical).toBe("ecommerce");
    expect(strong.confidence).toBeGreaterThan(weak.confidence);
  });

  it("is less confident when two verticals compete", () => {
    const clear = classifyVertical("my flight to Madrid was cancelled, booking ref XK7P2Q", AUTO);
    const mixed = classifyVertical("my flight to Madrid was cancelled and my card payment for the order failed", AUTO);
    expect(mixed.confidence).toBeLessThan(clear.confidence);
  });

  it("reports the raw scores of every vertical that got a vote", () => {
    const r = classifyVertical("Refund for my cancelled flight booked with my credit card", AUTO);
    expect(r.scores.travel).toBeGreaterThan(0);
    expect(r.scores.banking_fintech).toBeGreaterThan(0);
    expect(r.vertical).toBe("travel");
  });

  it("ignores redaction tokens", () => {
    expect(classifyVertical("[REDACTED:imei] [REDACTED:card_number]", AUTO).vertical).toBe("general_info");
  });

  it("is not fooled by vertical words inside ordinary phrases", () => {
    expect(classifyVertical("In order to help me, please look at this support ticket", AUTO).scores.ecommerce).toBeUndefined();
  });
});

describe("classifyVertical routing modes", () => {
  const text = "My Jio recharge failed but money was debited via UPI";

  it("single mode always answers the tenant's vertical, fully confident", () => {
    const r = classifyVertical(text, settings("single", "saas"));
    expect(r).toMatchObject({ vertical: "saas", confidence: 1 });
    expect(classifyVertical("tell me a joke", settings("single", "travel")).vertical).toBe("travel");
  });

  it("multi mode picks the best vertical inside the allow-list", () => {
    expect(classifyVertical(text, settings("multi", null, ["telecom", "saas"])).vertical).toBe("telecom");
    expect(classifyVertical(text, settings("multi", null, ["banking_fintech", "telecom"])).vertical).toBe(
      classifyVertical(text, AUTO).vertical,
    );
  });

  it("multi mode falls back to general_info when nothing in the list scores", () => {
    const r = classifyVertical(text, settings("multi", null, ["edtech_support", "travel"]));
    expect(r.vertical).toBe("general_info");
    expect(r.confidence).toBeLessThan(0.5);
  });

  it("auto mode picks from every vertical", () => {
    expect(classifyVertical("my suitcase is lost at Heathrow", settings("auto", "saas", ["saas"])).vertical).toBe("travel");
  });

  it("single mode without a configured vertical behaves like auto", () => {
    expect(classifyVertical("my suitcase is lost at Heathrow", settings("single", null)).vertical).toBe("travel");
  });
});
