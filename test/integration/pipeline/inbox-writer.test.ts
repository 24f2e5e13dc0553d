// Group commit of inbox rows on the real store (PGlite, or PostgreSQL when DATABASE_URL is
// set): how rows are batched, what each caller learns, and that a failed batch acknowledges
// nobody. Statements are counted by a runner that passes every call on to the real one.
import type { NormalisedEvent } from "../../../connectors/types";
import type { Database } from "../../../src/db/client";
import type { SqlRunner } from "../../../src/db/sql";
import { createInboxWriter, InboxClosedError, type InboxRow } from "../../../src/pipeline/intake/inbox-writer";
import { createTestDatabase } from "../../helpers/db";

let db: Database;
let seq = 0;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await db.sql.query("DELETE FROM webhook_deliveries");
});

function counting(sql: SqlRunner) {
  const statements: string[] = [];
  return {
    statements,
    sql: { query: <T>(text: string, params?: unknown[]) => (statements.push(text), sql.query<T>(text, params)) },
  };
}

/** Passes each statement on to the real runner only when released: what is in flight at once is seen. */
function holdingRunner(sql: SqlRunner) {
  const held: Array<() => void> = [];
  let released = false;
  const gate = {
    started: 0,
    sql: {
      query: async <T>(text: string, params?: unknown[]) => {
        gate.started++;
        if (!released) await new Promise<void>((go) => held.push(go));
        return sql.query<T>(text, params);
      },
    },
    releaseOne(i: number) {
      const go = held[i];
      held[i] = () => undefined;
      go?.();
    },
    release() {
      released = true;
      for (const go of held.splice(0)) go();
    },
  };
  return gate;
}

const at = new Date("2026-11-26T12:00:00.000Z");

function row(over: Partial<InboxRow> = {}): InboxRow {
  seq++;
  const event = { kind: "ticket_created", type: "zen:event-type:ticket.created", ticketRef: String(7000 + seq) } as unknown as NormalisedEvent;
  return { installationId: "inst_1", tenantId: "tnt_1", provider: "zendesk", dedupeKey: `inst_1:evt-${seq}`, eventType: event.type, event, status: "received", receivedAt: at, ...over };
}

async function stored() {
  return db.sql.query<{ id: string; dedupe_key: string; status: string; skip_reason: string | null; event: unknown; processed_at: unknown }>(
    "SELECT id, dedupe_key, status, skip_reason, event, processed_at FROM webhook_deliveries ORDER BY dedupe_key",
  );
}

describe("createInboxWriter", () => {
  it("writes rows that arrive together with one INSERT and gives each caller its own id", async () => {
    const c = counting(db.sql);
    const writer = createInboxWriter({ sql: c.sql });
    const rows = Array.from({ length: 20 }, () => row());
    const ids = await Promise.all(rows.map((r) => writer.write(r)));

    expect(c.statements).toHaveLength(1);
    expect(c.statements[0]).toMatch(/ON CONFLICT \(provider, dedupe_key\) DO NOTHING RETURNING id/);
    expect(new Set(ids).size).toBe(20);
    const inDb = await stored();
    expect(inDb).toHaveLength(20);
    // each id is the one of its own row
    const byKey = new Map(inDb.map((r) => [r.dedupe_key, r.id]));
    rows.forEach((r, i) => expect(byKey.get(r.dedupeKey)).toBe(ids[i]));
    expect(inDb.every((r) => r.status === "received" && r.processed_at === null)).toBe(true);
  });

  it("answers the first of a dedupe key seen twice in one batch with the row, the others as duplicates", async () => {
    const c = counting(db.sql);
    const writer = createInboxWriter({ sql: c.sql });
    const same = row();
    const other = row();
    const answers = await Promise.all([writer.write(same), writer.write({ ...same }), writer.write(other), writer.write({ ...same })]);

    expect(c.statements).toHaveLength(1);
    expect(answers[0]).toMatch(/^dlv_/);
    expect(answers[1]).toBeNull();
    expect(answers[2]).toMatch(/^dlv_/);
    expect(answers[3]).toBeNull();
    expect((await stored()).map((r) => r.id).sort()).toEqual([answers[0], answers[2]].sort());
  });

  it("answers a dedupe key written by an earlier batch as a duplicate, and keeps the first row", async () => {
    const writer = createInboxWriter({ sql: db.sql });
    const r = row();
    const first = await writer.write(r);
    const again = await Promise.all([writer.write({ ...r, eventType: "changed" }), writer.write(row())]);
    expect(first).toMatch(/^dlv_/);
    expect(again[0]).toBeNull();
    expect(again[1]).toMatch(/^dlv_/);
    const inDb = await stored();
    expect(inDb).toHaveLength(2);
    expect(inDb.find((x) => x.dedupe_key === r.dedupeKey)?.id).toBe(first);
  });

  it("splits more rows than maxBatch into several statements", async () => {
    const c = counting(db.sql);
    const writer = createInboxWriter({ sql: c.sql, maxBatch: 64, maxInFlight: 2 });
    const ids = await Promise.all(Array.from({ length: 150 }, () => writer.write(row())));
    expect(c.statements).toHaveLength(3);
    expect(new Set(ids).size).toBe(150);
    expect(await stored()).toHaveLength(150);
  });

  it("rows arriving while every slot is busy wait and go together in the next statement", async () => {
    const c = counting(db.sql);
    const writer = createInboxWriter({ sql: c.sql, maxInFlight: 1 });
    const first = writer.write(row());
    await new Promise((r) => setImmediate(r)); // the first INSERT is now in flight
    const later = Array.from({ length: 10 }, () => writer.write(row()));
    await Promise.all([first, ...later]);
    expect(c.statements).toHaveLength(2);
    expect(await stored()).toHaveLength(11);
  });

  it("by default a row arriving while one INSERT is in flight goes at once in a second; a third waits for a free slot", async () => {
    const gate = holdingRunner(db.sql);
    const writer = createInboxWriter({ sql: gate.sql });
    const first = writer.write(row());
    await new Promise((r) => setImmediate(r)); // the first INSERT is now in flight, held
    const second = writer.write(row());
    await new Promise((r) => setImmediate(r));
    // not held back behind the first: two statements in flight together
    expect(gate.started).toBe(2);
    const third = Array.from({ length: 5 }, () => writer.write(row()));
    await new Promise((r) => setImmediate(r));
    expect(gate.started).toBe(2);
    gate.release();
    const ids = await Promise.all([first, second, ...third]);
    // the five waited, then went together
    expect(gate.started).toBe(3);
    expect(new Set(ids).size).toBe(7);
    expect(await stored()).toHaveLength(7);
  });

  it("a caller's promise settles only after its own statement has committed, not when another one does", async () => {
    const gate = holdingRunner(db.sql);
    const writer = createInboxWriter({ sql: gate.sql });
    const first = writer.write(row());
    await new Promise((r) => setImmediate(r));
    const secondRow = row();
    let secondDone = false;
    const second = writer.write(secondRow).then((id) => ((secondDone = true), id));
    await new Promise((r) => setImmediate(r));
    gate.releaseOne(0);
    await first;
    await new Promise((r) => setImmediate(r));
    expect(secondDone).toBe(false);
    expect((await stored()).map((r) => r.dedupe_key)).not.toContain(secondRow.dedupeKey);
    gate.release();
    const id = await second;
    expect((await stored()).find((r) => r.dedupe_key === secondRow.dedupeKey)?.id).toBe(id);
  });

  it("rejects every caller of a batch that failed: none of them may be acknowledged", async () => {
    const gone = await createTestDatabase();
    await gone.close();
    const writer = createInboxWriter({ sql: gone.sql });
    const answers = await Promise.allSettled(Array.from({ length: 5 }, () => writer.write(row())));
    expect(answers.map((a) => a.status)).toEqual(Array(5).fill("rejected"));
  });

  it("a row the database refuses fails alone: its batch is retried row by row", async () => {
    const c = counting(db.sql);
    const writer = createInboxWriter({ sql: c.sql });
    const good = [row(), row(), row()];
    // NOT NULL violation (SQLSTATE 23502): a bug's shape, not the connection's
    const bad = row({ status: null as never });
    const answers = await Promise.allSettled([writer.write(good[0]!), writer.write(bad), writer.write(good[1]!), writer.write(good[2]!)]);
    expect(answers.map((a) => a.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(c.statements).toHaveLength(5);
    expect((await stored()).map((r) => r.dedupe_key).sort()).toEqual(good.map((g) => g.dedupeKey).sort());
  });

  it("records a row whose dedupe key is too long for the index (a payload's 1 MB id) by the key's digest, and still knows it again", async () => {
    const writer = createInboxWriter({ sql: db.sql });
    const ids = ["😀".repeat(250_000), "é".repeat(70_000), "x".repeat(513)].map((junk) => `inst_1:${junk}`);
    const innocent = row();
    // all in one batch with an ordinary row, which must not be refused with them
    const first = await Promise.all([...ids.map((k) => writer.write(row({ dedupeKey: k }))), writer.write(innocent)]);
    expect(first.every((id) => typeof id === "string")).toBe(true);
    // the same keys again: duplicates, and a key that differs only at its end is not one
    expect(await Promise.all(ids.map((k) => writer.write(row({ dedupeKey: k }))))).toEqual([null, null, null]);
    expect(await writer.write(row({ dedupeKey: `${ids[2]!}y` }))).toEqual(expect.any(String));
    const keys = (await stored()).map((r) => r.dedupe_key);
    expect(keys).toHaveLength(5);
    expect(keys).toContain(innocent.dedupeKey);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(200);
  });

  it("a row too big for the index in a batch is retried row by row (SQLSTATE 54000), not refusing the others", async () => {
    const writer = createInboxWriter({ sql: db.sql });
    const good = [row(), row()];
    // an installation id is ours and never this long; here it stands for any column an index caps
    const tooBig = row({ installationId: "😀".repeat(200_000) });
    const answers = await Promise.allSettled([writer.write(good[0]!), writer.write(tooBig), writer.write(good[1]!)]);
    expect(answers.map((a) => a.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((answers[1] as PromiseRejectedResult).reason).toMatchObject({ code: "54000" });
  });

  it("strips NUL, which PostgreSQL text and jsonb cannot hold, from the key and the event", async () => {
    const writer = createInboxWriter({ sql: db.sql });
    const event = { kind: "customer_message", type: "x", text: "before\u0000after", nested: { a: ["\u0000z"] } } as unknown as NormalisedEvent;
    const id = await writer.write(row({ dedupeKey: "inst_1:evt-\u0000nul", event }));
    const [r] = await stored();
    expect(r).toMatchObject({ id, dedupe_key: "inst_1:evt-nul", event: { text: "beforeafter", nested: { a: ["z"] } } });
  });

  it("stores a lone surrogate (invalid Unicode a JSON body can carry) as U+FFFD, and keeps valid pairs and backslashes", async () => {
    const writer = createInboxWriter({ sql: db.sql });
    const event = { kind: "customer_message", type: "x", text: "a\ud800b \udc00c 😀 \\u0000 kept" } as unknown as NormalisedEvent;
    const id = await writer.write(row({ dedupeKey: "inst_1:evt-\udfffs", event }));
    const [r] = await stored();
    expect(r).toMatchObject({ id, dedupe_key: "inst_1:evt-\ufffds", event: { text: "a\ufffdb \ufffdc 😀 \\u0000 kept" } });
  });

  it("records a skipped delivery with its reason and as processed", async () => {
    const writer = createInboxWriter({ sql: db.sql });
    const id = await writer.write(row({ installationId: "", tenantId: "", event: null, status: "skipped", skipReason: "unknown_account" }));
    const [r] = await stored();
    expect(r).toMatchObject({ id, status: "skipped", skip_reason: "unknown_account", event: {} });
    expect(r!.processed_at).not.toBeNull();
  });

  it("close() writes what is pending, then refuses new rows", async () => {
    const writer = createInboxWriter({ sql: db.sql, windowMs: 50 });
    const pending = Array.from({ length: 3 }, () => writer.write(row()));
    await writer.close();
    expect(await stored()).toHaveLength(3);
    expect((await Promise.all(pending)).every((id) => typeof id === "string")).toBe(true);
    await expect(writer.write(row())).rejects.toBeInstanceOf(InboxClosedError);
  });
});
