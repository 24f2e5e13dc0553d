// `npm run demo` driven through its stdin in scripted mode, every scenario in one run: the
// memory is there from the earlier ticket, a refund without its identifier asks for exactly
// one, sensitive data typed by the customer is redacted in the profile, and no reply asks for
// an OTP or a password.
import fs from "node:fs";
import path from "node:path";
import { replyOf, runDemo, sentencesOf, turnsOf, type DemoRun, type Turn } from "./demo-process";

type Case = {
  name: string;
  /** What the earlier ticket left: its ticket id and the reference it was about. */
  earlier: string[];
  first: string;
  refund: string;
  /** The one identifier a refund needs here. */
  refundAsks: RegExp;
};

const CARD = "4111 1111 1111 1111";
const OTP = "482913";
const SECRETS_MESSAGE = `Someone used my card ${CARD} without my permission and I got an OTP ${OTP} I never asked for.`;

const CASES: Case[] = [
  { name: "saas", earlier: ["TCK-1842", "INV-2026-0117"], first: "Hello again, is there any news?", refund: "I want my money back for this.", refundAsks: /invoice/i },
  { name: "ecommerce", earlier: ["TCK-2290", "ORD-44821"], first: "Hi, where's my parcel?", refund: "Can I get a refund?", refundAsks: /order/i },
  { name: "banking", earlier: ["TCK-3115", "TXN-88120934"], first: "Any update on the money?", refund: "Please refund me.", refundAsks: /transaction/i },
  { name: "travel", earlier: ["TCK-4407", "QX7K2M"], first: "Is there an update?", refund: "I'd rather have a refund now.", refundAsks: /booking reference|PNR/i },
  { name: "telecom", earlier: ["TCK-5530"], first: "Still no data, any news?", refund: "I want a refund for the days without service.", refundAsks: /invoice/i },
  { name: "edtech", earlier: ["TCK-6021", "ENR-55231"], first: "Has anything changed with my access?", refund: "I would like a refund.", refundAsks: /invoice/i },
];

// Every identifier a reply could ask for, by kind: a reply asking for "exactly one" names one kind.
const IDENTIFIER_KINDS: Record<string, RegExp> = {
  order: /\border (id|number)\b/i,
  invoice: /\binvoice (number|id)\b/i,
  booking: /\b(booking reference|pnr)\b/i,
  ticket: /\bticket (number|id)\b/i,
  transaction: /\btransaction (reference|id|number)\b/i,
  enrolment: /\benrol?ment (id|number)\b/i,
  account: /\baccount (number|id)\b/i,
  email: /\be-?mail\b/i,
  phone: /\bphone( number)?\b/i,
  customer: /\bcustomer (id|number)\b/i,
  workspace: /\bworkspace (id|name)\b/i,
};

function askedKinds(reply: string): string[] {
  const asks = sentencesOf(reply).filter((s) => s.includes("?") || /\b(send|share|tell|give) (me|us)\b/i.test(s));
  return Object.entries(IDENTIFIER_KINDS)
    .filter(([, re]) => asks.some((s) => re.test(s)))
    .map(([kind]) => kind);
}

const ECOMMERCE_EXTRAS = ["/tools", "/note", "/note zendesk", "/forget", "Hello, anyone there?", "/scenario nowhere", "/bogus", "/help"];

function scriptFor(cases: Case[]): string {
  const lines = ["# every scenario, as a support chat would go", "/help", "Hi before any scenario", ""];
  for (const c of cases) {
    lines.push(`/scenario ${c.name}`, c.first, c.refund, SECRETS_MESSAGE, "/profile");
    if (c.name === "ecommerce") lines.push(...ECOMMERCE_EXTRAS);
  }
  lines.push("/quit", "this line comes after /quit and is never read");
  return `${lines.join("\n")}\n`;
}

/** The turns of one scenario: from its /scenario line to the next. */
function scenarioTurns(turns: Turn[], name: string): Turn[] {
  const start = turns.findIndex((t) => t.input === `/scenario ${name}`);
  if (start < 0) throw new Error(`no /scenario ${name} in the output`);
  const next = turns.findIndex((t, i) => i > start && /^\/scenario (saas|ecommerce|banking|travel|telecom|edtech)$/.test(t.input));
  return turns.slice(start, next < 0 ? undefined : next);
}

const byInput = (turns: Turn[], input: string): Turn => {
  const t = turns.find((x) => x.input === input);
  if (!t) throw new Error(`no turn "${input}"`);
  return t;
};

describe("npm run demo --script (every scenario)", () => {
  let run: DemoRun;
  let turns: Turn[];

  beforeAll(async () => {
    run = await runDemo({ script: scriptFor(CASES) });
    turns = turnsOf(run.stdout);
  }, 300_000);

  afterAll(() => {
    if (run) fs.rmSync(run.dataDir, { recursive: true, force: true });
  });

  it("runs on the embedded default in its own data dir under DATA_DIR and ends at /quit", () => {
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    expect(fs.existsSync(path.join(run.dataDir, "demo", "pglite", "PG_VERSION"))).toBe(true);
    expect(run.stdout).toMatch(/Replies: templates/);
    expect(turns.at(-1)!.input).toBe("/quit");
    expect(run.stdout).not.toContain("never read");
    expect(byInput(turns, "Hi before any scenario").body).toMatch(/Load a customer first/);
  });

  describe.each(CASES)("$name", (c) => {
    let mine: Turn[];
    beforeAll(() => {
      mine = scenarioTurns(turns, c.name);
    });

    it("loads the customer with the earlier ticket fed through add()", () => {
      const load = mine[0]!.body;
      expect(load).toMatch(/4\. add\(\): 2 messages → (stored|queued, job completed)/);
      for (const ref of c.earlier) expect(load).toContain(ref);
    });

    it("shows each step of the loop, labelled, for every message", () => {
      for (const input of [c.first, c.refund, SECRETS_MESSAGE]) {
        const body = byInput(mine, input).body;
        const order = ["1. get() (limit 8, context_max_tokens 700): has_context:", "2. tools", "3. reply (template)", "agent> ", "4. add(): "].map((label) => body.indexOf(label));
        expect(order.every((at) => at >= 0)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
      }
    });

    it("the second message has context: the earlier issue is in system_prompt_addition", () => {
      const body = byInput(mine, c.refund).body;
      expect(body).toMatch(/1\. get\(\)[^\n]*has_context: true/);
      const openIssue = body.split("\n").find((l) => /\| Open issue:/.test(l));
      expect(openIssue).toBeDefined();
      for (const ref of c.earlier) expect(openIssue).toContain(ref);
    });

    it("the first message looks up what the memory points at, with the tools", () => {
      const body = byInput(mine, c.first).body;
      expect(body).toMatch(/has_context: true/);
      expect(body).toMatch(/^\s+get_\w+\("[^"]+"[^)]*\)\s+← remembered/m);
      expect(body).toMatch(/→ \{/);
    });

    it("a refund without its identifier asks for exactly one identifier and claims no refund", () => {
      const reply = replyOf(byInput(mine, c.refund));
      const kinds = askedKinds(reply);
      expect(kinds).toHaveLength(1);
      expect(IDENTIFIER_KINDS[kinds[0]!]!.source).toMatch(c.refundAsks);
      expect(reply).not.toMatch(/\b(I(?:'ve| have)? (refunded|issued|processed|approved)|has been refunded|refund is on its way)\b/i);
    });

    it("a card number and an OTP are redacted: not in the reply, the memory, or /profile", () => {
      const turn = byInput(mine, SECRETS_MESSAGE);
      expect(turn.body).toMatch(/4\. add\(\):[^\n]*redacted:[^\n]*card_number[^\n]*otp/);
      const profile = byInput(mine, "/profile").body;
      // The message did reach the profile (quoted in a claim), with both values masked.
      const quoting = profile.split("\n").filter((l) => l.includes("used my card"));
      expect(quoting.length).toBeGreaterThan(0);
      const digits = (s: string) => s.replace(/\D/g, "");
      for (const l of quoting) {
        expect(digits(l)).not.toContain(digits(CARD));
        expect(l).not.toContain(OTP);
      }
      const after = mine.slice(mine.indexOf(turn));
      const outputAfter = [turn.body, ...after.slice(1).map((t) => `${t.input}\n${t.body}`)].join("\n");
      expect(digits(outputAfter)).not.toContain(digits(CARD));
      expect(outputAfter).not.toContain(OTP);
    });

    it("/profile shows the profile and the claims with their provenance", () => {
      const profile = byInput(mine, "/profile").body;
      expect(profile).toMatch(/current_open_issue: /);
      expect(profile).toMatch(/Claims \(\d+\), oldest first:/);
      expect(profile).toContain(`ticket ${c.earlier[0]}`);
    });
  });

  it("no reply asks for an OTP, a password or other secrets", () => {
    const replies = turns.filter((t) => t.lines.some((l) => l.startsWith("agent> "))).map(replyOf);
    expect(replies.length).toBeGreaterThanOrEqual(CASES.length * 3);
    const secret = /\b(otp|one-time (code|password)|passwords?|passcode|pin|cvv|card numbers?|aadhaar|pan|passport|imei)\b/i;
    for (const reply of replies) {
      for (const s of sentencesOf(reply).filter((x) => secret.test(x))) expect(s).toMatch(/\b(don't|do not|never|not)\b/i);
    }
    // The customer typed both: the reply warns instead.
    for (const c of CASES) expect(replyOf(byInput(scenarioTurns(turns, c.name), SECRETS_MESSAGE))).toMatch(/never ask for them/);
  });

  it("/tools lists the six mock tools and the customer's fake data", () => {
    const tools = byInput(scenarioTurns(turns, "ecommerce"), "/tools").body;
    for (const t of ["get_order(order_id)", "get_invoice(invoice_id)", "get_booking_by_pnr(pnr)", "get_ticket_status(ticket_id)", "get_customer_account(customer_id)", "get_plan_usage(customer_id)"]) {
      expect(tools).toContain(t);
    }
    expect(tools).toContain('"order_id":"ORD-44790"');
  });

  it("/note renders the internal note a helpdesk agent would get, in the helpdesk's markup", () => {
    const eco = scenarioTurns(turns, "ecommerce");
    const crisp = byInput(eco, "/note").body;
    expect(crisp).toMatch(/Internal note for crisp \(markdown\)/);
    expect(crisp).toMatch(/Remembered context/);
    expect(crisp).toContain("ORD-44821");
    const zendesk = byInput(eco, "/note zendesk").body;
    expect(zendesk).toMatch(/Internal note for zendesk \(html\)/);
    expect(zendesk).toMatch(/<strong>Open issue<\/strong>/);
  });

  it("/forget forgets the customer: the next message finds no context", () => {
    const eco = scenarioTurns(turns, "ecommerce");
    expect(byInput(eco, "/forget").body).toMatch(/Forgot cust_ecom_4471/);
    const next = byInput(eco, "Hello, anyone there?").body;
    expect(next).toMatch(/1\. get\(\)[^\n]*has_context: false/);
    expect(askedKinds(replyOf(byInput(eco, "Hello, anyone there?")))).toHaveLength(1);
  });

  it("bad commands get a clear answer and change nothing", () => {
    const eco = scenarioTurns(turns, "ecommerce");
    expect(byInput(eco, "/scenario nowhere").body).toMatch(/Unknown scenario "nowhere"\. Pick one of: saas, ecommerce, banking, travel, telecom, edtech/);
    expect(byInput(eco, "/bogus").body).toMatch(/Unknown command \/bogus/);
    expect(byInput(eco, "/help").body).toMatch(/\/scenario saas\|ecommerce\|banking\|travel\|telecom\|edtech/);
  });
});
