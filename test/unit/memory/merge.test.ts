import { mergeExtraction, sentimentPattern } from "../../../src/memory/merge";
import { emptyProfile, type Extraction, type SupportProfile } from "../../../src/memory/types";

function ex(over: Partial<Extraction> = {}): Extraction {
  return {
    support_type: "saas",
    support_type_confidence: 0.9,
    customer_identity: {},
    communication_preference: {},
    issue: null,
    customer_confirms_resolved: false,
    resolution_preference: null,
    mood: "calm",
    escalation_threat: false,
    risk_signals: [],
    support_context: {},
    ...over,
  };
}

const billing = (over: Partial<NonNullable<Extraction["issue"]>> = {}) => ({
  issue_type: "billing_failed",
  summary: "Workspace billing failed after upgrading to Growth",
  refs: [] as string[],
  urgency: "high" as const,
  message_index: 0,
  ...over,
});

let clock = 0;
function step(profile: SupportProfile | null, e: Extraction, ticket?: string, status?: string) {
  clock += 1;
  const now = new Date(Date.UTC(2026, 10, 1) + clock * 3_600_000).toISOString();
  return mergeExtraction(profile, e, {
    provenance: { source_event_id: `evt-${clock}`, ticket_id: ticket, observed_at: now, source: "api" },
    ticketStatus: status,
    now,
  });
}

describe("mergeExtraction", () => {
  it("creates the open issue with provenance on the first add", () => {
    const { profile, claims } = step(null, ex({ issue: billing({ deadline: "before my finance review" }) }), "T1");
    expect(profile.current_open_issue).toMatchObject({ issue_type: "billing_failed", ticket_id: "T1", deadline: "before my finance review", status: "open", mentions: 1 });
    const c = claims.find((x) => x.field === "current_open_issue")!;
    expect(c.action).toBe("set");
    expect(c.provenance).toMatchObject({ ticket_id: "T1", message_index: 0, source_event_id: expect.stringMatching(/^evt-/) });
  });

  it.each([
    ["the same ticket", "T1", billing({ summary: "any update?", issue_type: "general_question" })],
    ["a new ticket restating the same kind of issue", "T2", billing({ summary: "billing still failing on Growth" })],
    ["a new ticket with the same reference", "T3", billing({ issue_type: "invoice_wrong", refs: ["INV-88"] })],
  ])("a restated issue on %s updates the open issue instead of adding one", (_name, ticket, issue) => {
    const first = step(null, ex({ issue: billing({ refs: ["INV-88"] }) }), "T1").profile;
    const { profile, claims } = step(first, ex({ issue }), ticket);
    expect(profile.other_open_issues).toHaveLength(0);
    expect(profile.current_open_issue!.mentions).toBe(2);
    expect(claims.find((c) => c.field === "current_open_issue")!.action).toBe("update");
  });

  it("keeps the richer summary when a follow-up says less", () => {
    const first = step(null, ex({ issue: billing() }), "T1").profile;
    const { profile } = step(first, ex({ issue: billing({ issue_type: "general_question", summary: "any update?" }) }), "T1");
    expect(profile.current_open_issue!.summary).toBe("Workspace billing failed after upgrading to Growth");
  });

  it("a different issue on another ticket keeps the first one open", () => {
    const first = step(null, ex({ issue: billing() }), "T1").profile;
    const { profile } = step(first, ex({ support_type: "saas", issue: billing({ issue_type: "login_problem", summary: "cannot log in with SSO" }) }), "T2");
    expect(profile.current_open_issue!.issue_type).toBe("login_problem");
    expect(profile.other_open_issues.map((i) => i.issue_type)).toEqual(["billing_failed"]);
  });

  it.each(["solved", "closed", "Solved", "resolved"])("ticket status %s moves the ticket's issue to history", (status) => {
    const first = step(null, ex({ issue: billing() }), "T1").profile;
    const { profile, claims } = step(first, ex(), "T1", status);
    expect(profile.current_open_issue).toBeNull();
    expect(profile.issue_history[0]).toMatchObject({ issue_type: "billing_failed", ticket_id: "T1", outcome: `ticket ${status.toLowerCase()}` });
    expect(claims.some((c) => c.field === "issue_history" && c.action === "resolve")).toBe(true);
  });

  it("solving one ticket leaves the other ticket's issue open and current", () => {
    let p = step(null, ex({ issue: billing() }), "T1").profile;
    p = step(p, ex({ issue: billing({ issue_type: "login_problem", summary: "SSO broken" }) }), "T2").profile;
    p = step(p, ex(), "T2", "solved").profile;
    expect(p.current_open_issue!.ticket_id).toBe("T1");
    expect(p.issue_history.map((i) => i.ticket_id)).toEqual(["T2"]);
  });

  it("a whole solved thread ingested at once lands in history", () => {
    const { profile } = step(null, ex({ issue: billing() }), "T9", "closed");
    expect(profile.current_open_issue).toBeNull();
    expect(profile.issue_history).toHaveLength(1);
  });

  it("the customer confirming the fix resolves the current issue without a ticket id", () => {
    const first = step(null, ex({ issue: billing() })).profile;
    const { profile } = step(first, ex({ customer_confirms_resolved: true }));
    expect(profile.issue_history[0]!.outcome).toBe("customer confirmed it is resolved");
  });

  it("a changed resolution preference supersedes the old one and keeps it in the claim", () => {
    const first = step(null, ex({ resolution_preference: { method: "refund", message_index: 0 } }), "T1").profile;
    const { profile, claims } = step(first, ex({ resolution_preference: { method: "credit", message_index: 2 } }), "T1");
    expect(profile.resolution_preference!.method).toBe("credit");
    const c = claims.find((x) => x.field === "resolution_preference")!;
    expect(c).toMatchObject({ action: "supersede", previous: expect.objectContaining({ method: "refund" }) });
    expect(c.provenance.message_index).toBe(2);
  });

  it("the same preference again records nothing", () => {
    const first = step(null, ex({ resolution_preference: { method: "refund", message_index: 0 } })).profile;
    expect(step(first, ex({ resolution_preference: { method: "refund", message_index: 0 } })).claims.filter((c) => c.field === "resolution_preference")).toEqual([]);
  });

  it("a chit-chat add does not turn a known vertical into general_info", () => {
    const first = step(null, ex({ issue: billing() })).profile;
    expect(step(first, ex({ support_type: "general_info" })).profile.support_type).toBe("saas");
  });

  it("vertical facts: scalars supersede, lists union", () => {
    let p = step(null, ex({ support_context: { plan: "Starter", integrations: ["Slack"] } })).profile;
    p = step(p, ex({ support_context: { plan: "Growth", integrations: ["Slack", "webhooks"] } })).profile;
    expect(p.support_context.saas).toEqual({ plan: "Growth", integrations: ["Slack", "webhooks"] });
  });

  it("identity and communication changes are claims with the previous value", () => {
    let p = step(null, ex({ communication_preference: { channel: "email" } })).profile;
    const r = step(p, ex({ communication_preference: { channel: "whatsapp" }, customer_identity: { name: "Priya" } }));
    p = r.profile;
    expect(p.communication_preference.channel).toBe("whatsapp");
    expect(r.claims).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "communication_preference.channel", action: "supersede", previous: "email", value: "whatsapp" }),
        expect.objectContaining({ field: "customer_identity.name", action: "set", value: "Priya" }),
      ]),
    );
  });
});

describe("sentiment pattern", () => {
  const moods = (list: Array<["calm" | "frustrated" | "angry" | "positive", boolean?]>) => {
    let p: SupportProfile | null = null;
    list.forEach(([mood, threat], i) => {
      p = step(p, ex({ mood, escalation_threat: threat ?? false, issue: billing() }), `S${i}-${clock}`, "solved").profile;
    });
    return p!;
  };

  it.each([
    ["one angry ticket is not a trait", [["angry"]], "calm"],
    ["two unhappy tickets", [["angry"], ["calm"], ["frustrated"]], "frustrated"],
    ["three unhappy tickets", [["angry"], ["frustrated"], ["frustrated"]], "repeat_complainer"],
    ["calm customer with smooth resolutions", [["calm"], ["positive"]], "easy_to_resolve"],
  ] as const)("%s", (_n, list, expected) => {
    expect(moods(list as never).sentiment_pattern).toBe(expected);
  });

  it("a threat to escalate on an open ticket is a high escalation risk, and ends with the ticket", () => {
    let p = step(null, ex({ issue: billing(), mood: "angry", escalation_threat: true, risk_signals: [{ risk_type: "churn", reason: "threatens to cancel", severity: "high", message_index: 0 }] }), "T1").profile;
    expect(p.sentiment_pattern).toBe("high_escalation_risk");
    expect(p.current_open_issue!.status).toBe("escalated");
    expect(p.risk_signals[0]).toMatchObject({ risk_type: "churn", status: "open", ticket_id: "T1" });
    p = step(p, ex(), "T1", "solved").profile;
    expect(p.sentiment_pattern).toBe("calm");
    expect(p.risk_signals[0]!.status).toBe("resolved");
  });

  it("a profile without mood evidence keeps its pattern", () => {
    expect(sentimentPattern(emptyProfile())).toBeNull();
  });
});
