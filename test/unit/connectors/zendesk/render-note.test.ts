import type { SupportContext } from "../../../../src/memory/context";
import type { NoteInput } from "../../../../connectors/types";
import { escapeHtml, renderZendeskNote } from "../../../../connectors/zendesk/render-note";

type Item = SupportContext["items"][number];

function input(items: Item[], over: Partial<NoteInput> = {}): NoteInput {
  const context: SupportContext = {
    has_context: items.length > 0,
    support_type: items.length > 0 ? "ecommerce" : null,
    items,
    system_prompt_addition: "",
    context_token_count: 0,
    truncated: false,
  };
  return { context, profile: null, externalUserId: "zd_acme-support_8447388090494", ...over };
}

const ITEMS: Item[] = [
  { field: "current_open_issue", text: "Open issue: duplicate charge (Ref: ORD-55123) since 2025-01-08, urgency high, ticket 5158", pinned: true, ticket_id: "5158" },
  { field: "customer_identity", text: "Customer: Dana C., tier gold, customer since 2021", pinned: true },
  { field: "sentiment_pattern", text: "Sentiment pattern: frustrated on 3 recent tickets; threatened to cancel", pinned: true },
  { field: "risk_signals", text: "Risk: churn risk (high, since 2025-01-08): threatened to cancel", pinned: true, ticket_id: "5160" },
  { field: "support_context.ecommerce", text: "Ecommerce: Orders: ORD-55123; Returns: none", pinned: false },
  { field: "resolution_preference", text: "Resolution preference: refund", pinned: false },
  { field: "communication_preference", text: "Communication: email, short answers", pinned: false },
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ field: "issue_history", text: `Resolved issue: late delivery (resolved 2024-0${n}-01: reshipped)`, pinned: false, ticket_id: `40${n}` })),
  { field: "sentiment_pattern", text: "Sentiment pattern: calm", pinned: false },
  { field: "loyalty_points", text: "Loyalty: 1200 points", pinned: false },
];

describe("renderZendeskNote", () => {
  const note = renderZendeskNote(input(ITEMS));

  it("is HTML for html_body", () => {
    expect(note.format).toBe("html");
  });

  it("opens by saying plainly that this is remembered context, not live data", () => {
    expect(note.body.startsWith("<p><strong>Remembered context from this customer&#39;s past conversations</strong><br>This is memory, not live account data")).toBe(true);
  });

  it("groups items in the order an agent scans them", () => {
    const titles = [...note.body.matchAll(/<p><strong>([^<]+)<\/strong><\/p>/g)].map((m) => m[1]);
    expect(titles).toEqual(["Open issue", "Escalation warning", "Identity hints", "Context", "Preferences", "Past issues", "Other signals"]);
    expect(note.body).toContain("<li>Risk: churn risk (high, since 2025-01-08): threatened to cancel (ticket #5160)</li>");
    // A calm customer is the normal case: a line saying so tells the agent nothing.
    expect(note.body).not.toContain("Sentiment pattern: calm");
    expect(note.body).toContain("<li>Loyalty: 1200 points</li>");
  });

  it("keeps the history short, with ticket ids, and does not repeat a ticket id already in the text", () => {
    const history = note.body.match(/<p><strong>Past issues<\/strong><\/p>\n<ul>(.*?)<\/ul>/)?.[1] ?? "";
    expect(history.match(/<li>/g)).toHaveLength(5);
    expect(history).toContain("(ticket #401)");
    expect(history).not.toContain("#406");
    expect(note.body).toContain("ticket 5158</li>");
    expect(note.body).not.toContain("#5158");
  });

  it("ends with the helpdesk-memory footer line", () => {
    expect(note.body.endsWith("\n<p>helpdesk-memory</p>")).toBe(true);
  });

  it("says when older history was not available, and only then", () => {
    expect(note.body).not.toContain("Older history");
    expect(renderZendeskNote(input(ITEMS, { historyTruncated: true })).body).toContain("<p><em>Older history was not available from Zendesk");
  });

  it("escapes every value", () => {
    const hostile: Item[] = [
      { field: "current_open_issue", text: `Open issue: <script>alert("x")</script> & <img src=x onerror='y'>`, pinned: true, ticket_id: '"><b>' },
    ];
    const body = renderZendeskNote(input(hostile)).body;
    expect(body).not.toMatch(/<script|<img|<b>/);
    expect(body).toContain("Open issue: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=&#39;y&#39;&gt; (ticket #&quot;&gt;&lt;b&gt;)");
  });

  it("says nothing is remembered when the context is empty", () => {
    const body = renderZendeskNote(input([])).body;
    expect(body).toContain("<p>Nothing is remembered about this customer yet.</p>");
    expect(body).toContain("<p>helpdesk-memory</p>");
  });

  it("falls back to the prompt text, without its rules header, when there are no items", () => {
    const base = input([]);
    const body = renderZendeskNote({
      ...base,
      context: { ...base.context, has_context: true, system_prompt_addition: "Support memory usage rules (remembered…):\n- Open issue: refund <pending>\n\n- Plan: Growth" },
    }).body;
    expect(body).toContain("<ul><li>Open issue: refund &lt;pending&gt;</li><li>Plan: Growth</li></ul>");
    expect(body).not.toContain("usage rules");
  });

  it("shortens a runaway item", () => {
    const body = renderZendeskNote(input([{ field: "issue_history", text: "x".repeat(5000), pinned: false }])).body;
    expect(body).toContain(`<li>${"x".repeat(599)}…</li>`);
  });
});

describe("escapeHtml", () => {
  it.each([
    ["a < b > c", "a &lt; b &gt; c"],
    ["Tom & Jerry", "Tom &amp; Jerry"],
    [`"quoted" 'single'`, "&quot;quoted&quot; &#39;single&#39;"],
    ["&amp; already", "&amp;amp; already"],
    ["[REDACTED_CARD]", "[REDACTED_CARD]"],
  ])("%j → %j", (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });
});
