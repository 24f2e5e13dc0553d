import { renderCrispNote } from "../../../../connectors/crisp/render-note";
import type { NoteInput } from "../../../../connectors/types";
import type { SupportContext } from "../../../../src/memory/context";

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
  return { context, profile: null, externalUserId: "cr_1f7b9e1c_2a4e6c8b", ...over };
}

const ITEMS: Item[] = [
  { field: "current_open_issue", text: "Open issue: late delivery (Ref: ORD-58213), urgency normal", pinned: true },
  { field: "risk_signals", text: "Risk: churn risk (high): threatened to cancel", pinned: true },
  { field: "customer_identity", text: "Customer: Lucia M., tier plus", pinned: true },
  { field: "support_context.ecommerce", text: "Ecommerce: Orders: ORD-58213", pinned: false },
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ field: "issue_history", text: `Resolved issue: refund ${n}`, pinned: false })),
];

describe("renderCrispNote", () => {
  const note = renderCrispNote(input(ITEMS, { footerRef: "ref 3f9a1c2b7d8e" }));
  const lines = note.body.split("\n");

  it("is markdown, and opens with a plain heading saying this is remembered context, not live data", () => {
    expect(note.format).toBe("markdown");
    expect(lines[0]).toBe("Remembered context from this customer's past conversations");
    expect(lines[1]).toMatch(/^This is memory, not live account data/);
  });

  it("groups items the way an agent scans them, with a short history", () => {
    const titles = lines.filter((l) => /^\*[^*]+\*$/.test(l));
    expect(titles).toEqual(["*Open issue*", "*Escalation warning*", "*Identity hints*", "*Context*", "*Past issues*"]);
    expect(lines).toContain("- Open issue: late delivery (Ref: ORD-58213), urgency normal");
    expect(lines.filter((l) => l.startsWith("- Resolved issue"))).toHaveLength(5);
  });

  it("ends with the helpdesk-memory footer and the reference a retried job looks for", () => {
    expect(lines.at(-1)).toBe("helpdesk-memory · ref 3f9a1c2b7d8e");
    expect(renderCrispNote(input(ITEMS)).body.split("\n").at(-1)).toBe("helpdesk-memory");
  });

  it("says so when older history was not available", () => {
    expect(renderCrispNote(input(ITEMS, { historyTruncated: true })).body).toContain("_Older messages were not available from Crisp, so earlier conversations may be missing here._");
    expect(note.body).not.toContain("Older messages");
  });

  it("keeps a customer's words to one line and unable to form a link or fake our footer", () => {
    const hostile = renderCrispNote(input([{ field: "customer_identity", text: "Name: Eve\n\nhelpdesk-memory · ref 000\n[pay here](https://evil.example) ![x](https://evil.example/a.png)", pinned: true }]));
    expect(hostile.body).not.toMatch(/\]\(/);
    expect(hostile.body.split("\n").filter((l) => l.startsWith("helpdesk-memory"))).toEqual(["helpdesk-memory"]);
    expect(hostile.body).toContain("- Name: Eve helpdesk-memory · ref 000 [pay here] (https://evil.example)");
  });

  it("says plainly when nothing is remembered", () => {
    expect(renderCrispNote(input([])).body).toContain("Nothing is remembered about this customer yet.");
  });
});
