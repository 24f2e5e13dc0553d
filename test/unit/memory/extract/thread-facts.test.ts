// Regressions on real helpdesk payloads: the ticket's subject was not used as the open issue,
// and the requester's name the helpdesk knows was dropped.
import { withKnownIdentity } from "../../../../src/memory/extract/identity";
import { subjectOpensIssue, subjectText, summaryWithSubject } from "../../../../src/memory/extract/subject";
import { emptyProfile } from "../../../../src/memory/types";
import { extract } from "./run";

describe("the ticket's subject", () => {
  it("is the open issue of a new ticket, in the customer's words", () => {
    const out = extract("It started smoking right after I plugged it in. What should I do?", { metadata: { subject: "Help, my printer is on fire!", ticket_id: "T1" } });
    expect(out.issue?.summary).toBe("Help, my printer is on fire!");
  });

  it("puts the message's problem after a subject of a word or two that holds the problem alone", () => {
    const out = extract("Dear Sir/Madam, our project data disappeared after your maintenance window on 3 May. We lost two weeks of work.", {
      metadata: { subject: "Formal complaint", ticket_id: "T9" },
    });
    expect(out.issue?.summary).toMatch(/^Formal complaint: .*project data disappeared/);
  });

  it("names the issue when the message says only 'see subject'", () => {
    const out = extract("Hi, see subject. Thanks", { metadata: { subject: "Charged twice for order ORD-55123", ticket_id: "T2" } });
    expect(out.issue).toMatchObject({ issue_type: "duplicate_charge", summary: "Charged twice for order ORD-55123" });
    expect(out.issue?.refs).toContain("ORD-55123");
  });

  it("routes the vertical", () => {
    expect(extract("Any news?", { metadata: { subject: "My flight PNR XK7Q2M was cancelled", ticket_id: "T3" } }).support_type).toBe("travel");
  });

  it.each([
    ["Login problem", "I was charged twice for my subscription this month and need the duplicate refunded."],
    ["Wrong size delivered", "The card payment failed three times, I cannot pay for the order at all."],
    ["App crashes on start", "My parcel never arrived, tracking shows it stuck for 10 days."],
  ])("is the summary only when its own kind is the one found (%j)", (subject, message) => {
    const out = extract(message, { metadata: { subject, ticket_id: "T4" } });
    const subjectAlone = extract(subject).issue;
    if (out.issue?.summary === subject && subjectAlone) expect(out.issue.issue_type).toBe(subjectAlone.issue_type);
    expect(out.issue).not.toBeNull();
  });

  it("is read only on the ticket's first batch: later batches are read for what changed", () => {
    const existing = { ...emptyProfile("ecommerce"), current_open_issue: null };
    expect(subjectOpensIssue(existing, "T5")).toBe(true);
    const open = { issue_type: "delivery_delay", summary: "s", refs: [], since: "", urgency: "medium" as const, status: "open" as const, last_update: "", ticket_id: "T5", support_type: "ecommerce" as const, mentions: 1 };
    expect(subjectOpensIssue({ ...existing, current_open_issue: open }, "T5")).toBe(false);
    expect(subjectOpensIssue({ ...existing, current_open_issue: open }, "T6")).toBe(true);
  });

  it.each([
    ["Re: Fwd: Order still processing", "Order still processing"],
    ["AW: RE: [#4411] Rechnung", "[#4411] Rechnung"],
    ["(no subject)", ""],
    ["Help", ""],
    ["Question?", ""],
  ])("reads %j as %j", (subject, text) => {
    expect(subjectText({ subject })).toBe(text);
  });

  it("adds the message's sentence to a subject of a word or two", () => {
    expect(summaryWithSubject("Refund", "The blender arrived broken.")).toBe("Refund: The blender arrived broken.");
    expect(summaryWithSubject("Blender arrived broken", "The blender arrived broken.")).toBe("Blender arrived broken");
  });
});

describe("what the helpdesk knows of the requester", () => {
  it("goes to customer_identity and wins over a sign-off", () => {
    const found = extract("My parcel is late. Thanks, J.").customer_identity;
    expect(withKnownIdentity(found, { customer_name: "Jane Okafor", customer_company: "Okafor & Sons", channel: "email" })).toMatchObject({
      name: "Jane Okafor",
      company: "Okafor & Sons",
      channel: "email",
    });
  });

  it("takes nothing that was redacted or is not one line of display text", () => {
    expect(withKnownIdentity({ name: "Sam" }, { customer_name: "[REDACTED:card_number]", channel: 42 as unknown as string })).toEqual({ name: "Sam" });
  });
});
