import type { SupportContext } from "../../../../src/memory/context";
import type { NoteInput } from "../../../../connectors/types";
import { escapeHtml, renderIntercomNote } from "../../../../connectors/intercom/render-note";

type Item = SupportContext["items"][number];

function input(items: Item[], over: Partial<NoteInput> = {}, prompt = ""): NoteInput {
  const context: SupportContext = {
    has_context: items.length > 0 || prompt !== "",
    support_type: items.length > 0 ? "ecommerce" : null,
    items,
    system_prompt_addition: prompt,
    context_token_count: 0,
    truncated: false,
  };
  return { context, profile: null, externalUserId: "cust-70412", ...over };
}

const ITEMS: Item[] = [
  { field: "current_open_issue", text: "Open issue: duplicate charge (Ref: ORD-55123) since 2025-01-08, urgency high, ticket 215468813201174", pinned: true, ticket_id: "215468813201174" },
  { field: "customer_identity", text: "Customer: Priya R., plan Growth, customer since 2022", pinned: true },
  { field: "risk_signals", text: "Risk: churn risk (high): threatened to cancel", pinned: true, ticket_id: "5160" },
  { field: "support_context.saas", text: "SaaS: plan Growth; integrations: Slack, webhooks", pinned: false },
  { field: "resolution_preference", text: "Resolution preference: refund", pinned: false },
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ field: "issue_history", text: `Resolved issue: export failed (resolved 2024-0${n}-01)`, pinned: false, ticket_id: `70${n}` })),
  { field: "loyalty_points", text: "Loyalty: 1200 points", pinned: false },
];

/** What an agent reads in the inbox: the note with its markup removed. */
const visible = (html: string) => html.replace(/<br>/g, "\n").replace(/<\/p>/g, "\n\n").replace(/<[^>]+>/g, "");

describe("renderIntercomNote", () => {
  const note = renderIntercomNote(input(ITEMS, { footerRef: "ref 3f9a1c2b7d8e" }));

  it("is HTML made of the tags an Intercom note shows: paragraphs, bold, italics, line breaks", () => {
    expect(note.format).toBe("html");
    const tags = new Set([...note.body.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(["b", "br", "i", "p"]);
  });

  it("opens with a plain heading: remembered context, not live data", () => {
    expect(note.body.startsWith("<p><b>Remembered context (not live data)</b><br><i>From this customer&#39;s past conversations. This is memory, not live account data")).toBe(true);
  });

  it("groups items in the order an agent scans them, one • line each", () => {
    const titles = [...note.body.matchAll(/<p><b>([^<]+)<\/b><br>•/g)].map((m) => m[1]);
    expect(titles).toEqual(["Open issue", "Escalation warning", "Identity hints", "Context", "Preferences", "Past issues", "Other signals"]);
    expect(visible(note.body)).toContain("Escalation warning\n• Risk: churn risk (high): threatened to cancel (ticket #5160)");
  });

  it("keeps the history to five, with their ticket ids, and does not repeat an id already in the text", () => {
    const text = visible(note.body);
    expect(text.match(/Resolved issue/g)).toHaveLength(5);
    expect(text).toContain("(ticket #701)");
    expect(text).not.toContain("#706");
    expect(text).not.toContain("#215468813201174");
  });

  it("ends with the helpdesk-memory footer and the reference the pipeline looks for", () => {
    expect(note.body.endsWith("<p>helpdesk-memory · ref 3f9a1c2b7d8e</p>")).toBe(true);
    expect(renderIntercomNote(input(ITEMS)).body.endsWith("<p>helpdesk-memory</p>")).toBe(true);
  });

  it("says older history was cut only when it was", () => {
    expect(note.body).not.toContain("Older history");
    const cut = renderIntercomNote(input(ITEMS, { historyTruncated: true })).body;
    expect(cut).toContain("<p><i>Older history was cut: Intercom returns only the newest 500 parts of a conversation, so earlier messages may be missing here.</i></p>");
  });

  it("escapes everything the customer wrote", () => {
    const hostile = renderIntercomNote(
      input([{ field: "current_open_issue", text: `<img src=x onerror="alert(1)"> & <a href='javascript:x'>`, pinned: true, ticket_id: "<b>1</b>" }], { footerRef: "<script>" }),
    ).body;
    expect(hostile).not.toMatch(/<img|<a |<script|<b>1/);
    expect(hostile).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;a href=&#39;javascript:x&#39;&gt;");
    expect(hostile).toContain("helpdesk-memory · &lt;script&gt;");
  });

  it("says when nothing is remembered", () => {
    expect(visible(renderIntercomNote(input([])).body)).toContain("Nothing is remembered about this customer yet.");
  });

  it("falls back to the prompt text when the engine gives no items", () => {
    const text = visible(renderIntercomNote(input([], {}, "Support memory usage rules: be careful\n- Open issue: refund for ORD-1\n- Prefers email")).body);
    expect(text).toContain("Remembered\n• Open issue: refund for ORD-1\n• Prefers email");
    expect(text).not.toContain("usage rules");
  });

  it("cuts a runaway item", () => {
    const long = renderIntercomNote(input([{ field: "loyalty_points", text: "x".repeat(5000), pinned: false }])).body;
    expect(long).toContain(`${"x".repeat(599)}…`);
    expect(long).not.toContain("x".repeat(600));
  });

  it("escapeHtml escapes the five characters", () => {
    expect(escapeHtml(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
  });
});
