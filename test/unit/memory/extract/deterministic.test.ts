// The extractor as a whole: the Extractor contract, customer-only traits, follow-ups of the
// open issue, routing, summaries and schema-valid output on awkward input.
import { createDeterministicExtractor, extractDeterministic } from "../../../../src/memory/extract/deterministic";
import { emptyProfile, extractionSchema, type ExtractionInput, type SupportProfile } from "../../../../src/memory/types";
import { AUTO, extract } from "./run";

describe("createDeterministicExtractor", () => {
  it("is named deterministic and resolves to what the pure function returns", async () => {
    const extractor = createDeterministicExtractor();
    const input: ExtractionInput = {
      messages: [{ role: "user", content: "My Vodafone SIM shows no service since this morning.", index: 0 }],
      metadata: { source: "zendesk", ticket_id: "881" },
      settings: AUTO,
      existing: null,
    };
    expect(extractor.name).toBe("deterministic");
    const out = await extractor.extract(input);
    expect(out).toEqual(extractDeterministic(input));
    expect(out.support_type).toBe("telecom");
  });
});

describe("agent messages", () => {
  it("never produce customer traits", () => {
    const out = extract([
      "My order ORD-7781 is late.",
      "agent: Hi, I'm Maria, a Gold member of our support team. Please email me or call me after 6pm. I'd like a refund for you. This is UNACCEPTABLE!!! I'll escalate to my manager.",
    ]);
    expect(out.customer_identity).toEqual({});
    expect(out.communication_preference).toEqual({});
    expect(out.resolution_preference).toBeNull();
    expect(out.mood).toBe("calm");
    expect(out.escalation_threat).toBe(false);
    expect(out.issue?.message_index).toBe(0);
  });
});

describe("follow-ups", () => {
  const existing: SupportProfile = {
    ...emptyProfile("saas"),
    current_open_issue: {
      issue_type: "integration_broken", summary: "Our Jira integration stopped syncing tickets.", refs: ["TKT-4410"],
      since: "2026-11-20T10:00:00Z", urgency: "high", status: "open", last_update: "2026-11-20T10:00:00Z", support_type: "saas", mentions: 1,
    },
  };

  it("keep the open issue's kind and vertical when the message says nothing new", () => {
    const out = extract("Any update on this? It's been two days.", { existing });
    expect(out.support_type).toBe("saas");
    expect(out.issue).toMatchObject({ issue_type: "integration_broken", summary: "Our Jira integration stopped syncing tickets." });
  });

  it("report a new problem as new", () => {
    const out = extract("Also the invoice for November shows the wrong VAT number.", { existing });
    expect(out.issue?.issue_type).toBe("invoice_issue");
  });

  it("are not invented without an open issue", () => {
    expect(extract("Thanks for the help yesterday!").issue).toBeNull();
  });
});

describe("routing and facts", () => {
  it("single mode uses the tenant's vertical and reads that vertical's facts", () => {
    const out = extract("We're on the Scale plan and the Slack integration stopped posting.", {
      settings: { domain_schema: "support", support_type_mode: "single", support_type: "saas", support_types_allowed: [] },
    });
    expect(out.support_type).toBe("saas");
    expect(out.support_type_confidence).toBe(1);
    expect(out.support_context).toMatchObject({ plan: "Scale", integrations: ["Slack"] });
  });

  it("multi mode outside the allow-list gives general_info and no facts", () => {
    const out = extract("My Emirates flight EK202 was cancelled, PNR K8L2MQ.", {
      settings: { domain_schema: "support", support_type_mode: "multi", support_type: null, support_types_allowed: ["saas", "ecommerce"] },
    });
    expect(out.support_type).toBe("general_info");
    expect(out.support_context).toEqual({});
    expect(out.issue?.issue_type).toBe("flight_cancelled");
  });

  it.each<[string, Record<string, unknown>]>([
    ["Ordered a pair of running shoes from Zalando, order 10293847, DHL tracking JD014600003828394012 shows out for delivery for 4 days.",
      { carrier: "DHL", order_status: "out for delivery", items: ["running shoes"] }],
    ["Sent €1,250 by SEPA transfer on Monday, ref TRX-55102, the landlord still hasn't got it.",
      { payment_method: "SEPA", amount: "€1,250", transaction_refs: ["TRX-55102"] }],
    ["My Lufthansa flight from Frankfurt to Chicago on 12 March was cancelled, booking ref LH7QX2.",
      { airline: "Lufthansa", route: "Frankfurt to Chicago", travel_date: "12 March", booking_refs: ["LH7QX2"] }],
    ["Porting my number to Airtel failed twice, I'm on the ₹599 postpaid plan, Samsung Galaxy S23.",
      { porting_status: "failed", plan: "₹599 postpaid plan", device: "Samsung Galaxy S23", plan_type: "postpaid" }],
    ["I'm enrolled in the Machine Learning Specialization on Coursera, batch B7, but the final exam won't load.",
      { platform: "Coursera", course: "Machine Learning Specialization", exam: "final exam", cohort: "B7" }],
  ])("reads facts: %s", (text, facts) => {
    expect(extract(text).support_context).toMatchObject(facts);
  });
});

describe("summary", () => {
  it("is one sentence of the customer's words, trimmed, not the whole message", () => {
    const long =
      "Hello team, hope you're well. I'm writing because our webhook integration has been failing since the 14th with HTTP 500 errors on every single delivery, " +
      "which is a real problem for our operations team who rely on it for the order routing that happens overnight across three warehouses in two countries. " +
      "We already rotated the secret and checked the firewall. Regards, Ana";
    const out = extract(long);
    expect(out.issue?.issue_type).toBe("integration_broken");
    expect(out.issue!.summary.length).toBeLessThanOrEqual(200);
    expect(out.issue!.summary).toMatch(/^I'm writing because our webhook integration has been failing/);
    expect(long.includes(out.issue!.summary.replace(/\u2026$/, ""))).toBe(true);
  });

  it("joins a too-short sentence to the one before", () => {
    const out = extract("I ordered a lamp last week, order ORD-1182. Still not here!");
    expect(out.issue?.summary).toBe("I ordered a lamp last week, order ORD-1182. Still not here!");
  });
});

describe("awkward input stays schema-valid", () => {
  it.each<[string, ExtractionInput["messages"]]>([
    ["no messages", []],
    ["only the agent", [{ role: "assistant", content: "Hello! How can I help?", index: 0 }]],
    ["empty text", [{ role: "user", content: "", index: 3 }]],
    ["only redactions", [{ role: "user", content: "[REDACTED:card_number] [REDACTED:otp] [REDACTED:email]", index: 0 }]],
    ["emoji and symbols", [{ role: "user", content: "😡😡😡 ??? !!! ₹₹₹", index: 0 }]],
    ["a very long message", [{ role: "user", content: "My order is late. ".repeat(2000), index: 0 }]],
    ["many refs", [{ role: "user", content: Array.from({ length: 40 }, (_, i) => `ORD-${10000 + i}`).join(", "), index: 0 }]],
  ])("%s", (_name, messages) => {
    const out = extractDeterministic({ messages, metadata: {}, settings: AUTO, existing: null });
    expect(() => extractionSchema.parse(out)).not.toThrow();
  });

  it("keeps message indices from the add", () => {
    const out = extractDeterministic({
      messages: [
        { role: "user", content: "Hi", index: 7 },
        { role: "user", content: "My parcel is damaged, I want a replacement", index: 9 },
      ],
      metadata: {}, settings: AUTO, existing: null,
    });
    expect(out.issue?.message_index).toBe(9);
    expect(out.resolution_preference?.message_index).toBe(9);
  });

  it("never returns a redaction token as a ref", () => {
    const out = extract("Card [REDACTED:card_number] was charged twice for order [REDACTED:bank_account], UTR [REDACTED:upi_id]");
    expect(out.issue?.refs.some((r) => /REDACTED/i.test(r))).toBe(false);
  });
});
