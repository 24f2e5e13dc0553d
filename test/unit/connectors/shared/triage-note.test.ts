// The note on a first ticket: a short triage from this ticket alone, no line that says nothing.
import { renderCrispNote } from "../../../../connectors/crisp/render-note";
import { kindInWords, triageGroups } from "../../../../connectors/shared/triage-note";
import { noteGroups } from "../../../../connectors/shared/note-sections";
import type { NoteInput } from "../../../../connectors/types";
import { buildSupportContext } from "../../../../src/memory/context";
import { isFirstContact } from "../../../../src/memory/first-contact";
import { emptyProfile, type OpenIssue, type SupportProfile } from "../../../../src/memory/types";

const issue = (over: Partial<OpenIssue> = {}): OpenIssue => ({
  issue_type: "duplicate_charge",
  summary: "Charged twice for my order",
  refs: ["ORD-55123"],
  since: "2026-12-01T10:00:00Z",
  urgency: "high",
  status: "open",
  last_update: "2026-12-01T10:00:00Z",
  ticket_id: "T1",
  support_type: "ecommerce",
  mentions: 1,
  deadline: "by Friday",
  ...over,
});

function firstTicket(over: Partial<SupportProfile> = {}): SupportProfile {
  return {
    ...emptyProfile("ecommerce"),
    customer_identity: { name: "Dana Whitfield", company: "Northwind", channel: "email", account_ref: "12345678901" },
    language_profile: { primary: "es", seen: ["es"] },
    current_open_issue: issue(),
    sentiment_pattern: "calm",
    mood_history: [{ ticket: "T1", mood: "calm", at: "2026-12-01T10:00:00Z", escalation_threat: false }],
    ...over,
  };
}

const input = (profile: SupportProfile | null, over: Partial<NoteInput> = {}): NoteInput => ({
  context: buildSupportContext(profile, { query: "" }),
  profile,
  externalUserId: "cust-1",
  ticketRef: "T1",
  ...over,
});

describe("first-contact triage", () => {
  it("says what the customer wants, the references (masked), deadline, urgency, language, vertical and who wrote in", () => {
    const [group] = triageGroups(input(firstTicket()));
    expect(group!.lines).toEqual([
      'Wants: duplicate charge — "Charged twice for my order"',
      "References: ORD-55123, account …8901",
      "Deadline: by Friday",
      "Urgency: high",
      "Language: Spanish",
      "Vertical: e-commerce",
      "Customer: Dana Whitfield (Northwind); wrote in by email",
      "First contact: nothing remembered from earlier tickets.",
    ]);
  });

  it("writes no line that says nothing: no calm sentiment, no empty label", () => {
    const bare = firstTicket({ customer_identity: {}, language_profile: { seen: [] }, current_open_issue: issue({ refs: [], deadline: undefined }), support_type: "general_info" });
    const body = renderCrispNote(input(bare)).body;
    expect(body).not.toMatch(/Sentiment|calm|References|Deadline|Language|Vertical|Customer/);
    expect(body).not.toMatch(/: *\n|: *$/m);
    expect(body).toMatch(/First contact: nothing remembered from earlier tickets/);
  });

  it("is for a first contact only: a profile that knows another ticket gets the memory note", () => {
    const known = firstTicket({ issue_history: [{ issue_type: "late_delivery", summary: "Parcel late", refs: [], ticket_id: "T0", support_type: "ecommerce", since: "", resolved_at: "2026-11-01", outcome: "resolved" }] });
    expect(isFirstContact(known, "T1")).toBe(false);
    expect(renderCrispNote(input(known)).body).toMatch(/^Remembered context/);
    expect(renderCrispNote(input(firstTicket())).body).toMatch(/^First-contact triage/);
    expect(isFirstContact(firstTicket({ mood_history: [{ ticket: "T0", mood: "calm", at: "", escalation_threat: false }] }), "T1")).toBe(false);
  });

  it("is left out when the tenant's first_contact_note is none", () => {
    expect(renderCrispNote(input(firstTicket(), { firstContactNote: "none" })).body).toMatch(/^Remembered context/);
  });

  it("drops 'Sentiment pattern: calm' from the memory note too", () => {
    const known = firstTicket({ current_open_issue: issue({ ticket_id: "T0" }) });
    const lines = noteGroups(input(known)).flatMap((g) => g.lines);
    expect(lines.some((l) => /Sentiment pattern/.test(l))).toBe(false);
  });

  it.each([
    ["payment_debited_not_credited", "payment debited not credited"],
    ["kyc_pending", "KYC pending"],
    ["sim_not_activated", "SIM not activated"],
  ])("puts %s in words: %s", (kind, words) => {
    expect(kindInWords(kind)).toBe(words);
  });
});
