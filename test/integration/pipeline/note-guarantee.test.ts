// The note guarantee: at most one note per ticket per policy decision, whatever the order of
// deliveries, retries, sweeps and crashes. The real job (processDelivery) on the real store and
// memory engine; the helpdesk is an in-memory fake behind the connector seam that answers 429,
// or "crashes" the worker between steps (before a call, or after the helpdesk took the note but
// before the job could record it). First the two orders an outside fault run found, then a
// seeded random scheduler over many deliveries.
import { randomBytes } from "node:crypto";
import type { Connector, InstallationInfo, NormalisedEvent, RenderedNote, Thread, ThreadMessage } from "../../../connectors/types";
import { ProviderError } from "../../../connectors/types";
import { zendeskConnector } from "../../../connectors/zendesk";
import type { Database } from "../../../src/db/client";
import { createLogger } from "../../../src/logger";
import { createMemoryEngine } from "../../../src/memory/engine";
import { createDeterministicExtractor } from "../../../src/memory/extract/deterministic";
import type { PipelineDeps } from "../../../src/pipeline/deps";
import { createInboxWriter } from "../../../src/pipeline/intake/inbox-writer";
import { processDelivery } from "../../../src/pipeline/job/process-delivery";
import { decideRetry, MAX_ATTEMPTS } from "../../../src/queue/retry";
import type { DeliveryQueue } from "../../../src/queue/types";
import { createTenant, tenantRef } from "../../../src/tenants/service";
import { createTestDatabase } from "../../helpers/db";
import { createTestZendeskInstallation } from "../../helpers/pipeline";

jest.setTimeout(60_000);

const ISSUE = "My order ORD-{n} arrived damaged and I was charged twice on invoice INV-{n}. I want a refund.";

/** Thrown where a worker would have died: the job stops there, the queue runs it again. */
class Crash extends Error {}

type Fault = "none" | "429" | "crash_before" | "crash_after";

/** A helpdesk of tickets in memory; `fault(call)` decides what each call does. */
class FakeHelpdesk {
  readonly tickets = new Map<string, { requester: string; messages: ThreadMessage[] }>();
  readonly notes: Array<{ ticketRef: string; body: string }> = [];
  fault: (call: "fetch" | "post") => Fault = () => "none";
  private seq = 0;

  addTicket(ticketRef: string, requester: string, n: number): void {
    const body = ISSUE.replaceAll("{n}", n.toString());
    this.tickets.set(ticketRef, { requester, messages: [] });
    this.addMessage(ticketRef, body);
  }

  /** A customer message on the ticket (what a comment_added webhook announces). */
  addMessage(ticketRef: string, body: string): void {
    const t = this.tickets.get(ticketRef)!;
    t.messages.push({ id: `m${++this.seq}`, role: "customer", authorRef: t.requester, body, createdAt: "2026-11-20T09:00:00Z", internal: false });
  }

  private apply(call: "fetch" | "post"): Fault {
    const f = this.fault(call);
    if (f === "429") throw new ProviderError(`fake ${call}: HTTP 429`, 429, 0, true);
    if (f === "crash_before") throw new Crash(`worker died before ${call}`);
    return f;
  }

  connector(): Connector {
    const base = zendeskConnector as Connector;
    return {
      ...base,
      createClient: () => ({}),
      fetchThread: async (_client, ticketRef): Promise<Thread> => {
        this.apply("fetch");
        const t = this.tickets.get(ticketRef)!;
        return { ticketRef, requesterRef: t.requester, requester: { providerUserRef: t.requester, emailVerified: false }, messages: t.messages.map((m) => ({ ...m })) };
      },
      postNote: async (_client, ticketRef: string, note: RenderedNote) => {
        const f = this.apply("post");
        const id = `note${++this.seq}`;
        this.notes.push({ ticketRef, body: note.body });
        this.tickets.get(ticketRef)!.messages.push({ id, role: "agent", authorRef: "900", body: note.body, createdAt: "2026-11-20T09:00:01Z", internal: true });
        if (f === "crash_after") throw new Crash("worker died after the helpdesk took the note");
        return { noteRef: id };
      },
    };
  }

  notesPerTicket(): Map<string, number> {
    const out = new Map<string, number>();
    for (const n of this.notes) out.set(n.ticketRef, (out.get(n.ticketRef) ?? 0) + 1);
    return out;
  }
}

/** mulberry32: a small seeded generator, so a failing order can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("the note guarantee", () => {
  let db: Database;
  let inst: InstallationInfo;
  let tenantId: string;
  let helpdesk: FakeHelpdesk;
  let deps: PipelineDeps;
  let ticketSeq = 40_000;

  beforeAll(async () => {
    db = await createTestDatabase();
    const masterKey = randomBytes(32);
    const t = await createTenant(db, "Guarantee");
    tenantId = t.tenant.id;
    inst = await createTestZendeskInstallation(db, masterKey, tenantId, "acme");
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(() => {
    helpdesk = new FakeHelpdesk();
    const clock = () => new Date();
    const row = tenantRef;
    deps = {
      db,
      engine: createMemoryEngine({ db, extractor: createDeterministicExtractor(), clock }),
      queue: {} as DeliveryQueue,
      log: createLogger("silent"),
      clock,
      connectors: { zendesk: helpdesk.connector() },
      installations: { byId: async (id) => (id === inst.id ? { info: inst, status: "active" } : null), byAccount: async () => null },
      tenant: async (id) => {
        const r = await db.prisma.tenant.findUnique({ where: { id } });
        return r ? row(r) : null;
      },
      emailKey: Buffer.alloc(32, 7),
      apiUrls: {},
    };
  });

  /** A ticket with one customer message; its requester is its own unless one is given. */
  const newTicket = (requester?: string) => {
    const n = ++ticketSeq;
    helpdesk.addTicket(String(n), requester ?? String(n + 500_000), n);
    return String(n);
  };

  async function deliver(ticketRef: string, kind: NormalisedEvent["kind"]): Promise<string> {
    const inbox = createInboxWriter({ sql: db.sql });
    const event: NormalisedEvent = { kind, type: kind === "ticket_created" ? "zen:event-type:ticket.created" : "zen:event-type:ticket.comment_added", ticketRef, eventId: randomBytes(8).toString("hex") };
    const id = await inbox.write({ installationId: inst.id, tenantId, provider: "zendesk", dedupeKey: `acme:${event.eventId}`, eventType: event.type, event, status: "received", receivedAt: new Date() });
    await inbox.close();
    return id!;
  }

  const run = (deliveryId: string, attempt = 1) => processDelivery(deps, deliveryId, attempt);
  const rowOf = async (deliveryId: string) =>
    (await db.sql.query<{ status: string; attempts: number }>(`SELECT status, attempts FROM webhook_deliveries WHERE id = $1`, [deliveryId]))[0]!;

  describe("the order an outside fault run found", () => {
    it("a pending note (its PUT answered 429) counts: a later delivery does not post a second first note, the retry posts once", async () => {
      const ticket = newTicket();
      const first = await deliver(ticket, "ticket_created");
      helpdesk.fault = (call) => (call === "post" ? "429" : "none");
      await expect(run(first)).rejects.toThrow(/429/);
      // its retries were lost with Redis; a comment on the ticket comes next
      helpdesk.fault = () => "none";
      const second = await deliver(ticket, "customer_message");
      await expect(run(second)).resolves.toEqual({ status: "done", reason: "nothing_new_on_ticket" });
      expect(helpdesk.notes).toHaveLength(0);
      // the sweeper re-runs the first delivery: it posts its decision, once
      await expect(run(first)).resolves.toEqual({ status: "done", reason: "first_note" });
      await expect(run(first)).resolves.toEqual({ status: "done", reason: "already_processed" });
      expect(helpdesk.notesPerTicket().get(ticket)).toBe(1);
    });

    it("a note the helpdesk took before the worker died is found by its footer, not posted again", async () => {
      const ticket = newTicket();
      const first = await deliver(ticket, "ticket_created");
      helpdesk.fault = (call) => (call === "post" ? "crash_after" : "none");
      await expect(run(first)).rejects.toThrow(Crash);
      helpdesk.fault = () => "none";
      const second = await deliver(ticket, "customer_message");
      await expect(run(second)).resolves.toMatchObject({ status: "done" });
      await expect(run(first)).resolves.toMatchObject({ status: "done" });
      expect(helpdesk.notesPerTicket().get(ticket)).toBe(1);
      const states = await db.sql.query<{ state: string; note_ref: string | null }>(`SELECT state, note_ref FROM posted_notes WHERE ticket_ref = $1`, [ticket]);
      expect(states).toEqual([{ state: "posted", note_ref: expect.stringMatching(/^note/) }]);
      // and counted once for the support stats, though the attempt that posted it died
      const counted = await db.sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM memory_events WHERE kind = 'note' AND source_event_id = $1`, [`note:${first}`]);
      expect(Number(counted[0]!.n)).toBe(1);
    });
  });

  describe("a second decision on a ticket", () => {
    it("is not taken for news from the customer's other ticket: only a new message on this ticket is news", async () => {
      // one customer, two tickets: feeding the second makes its issue the profile's current one
      const requester = String(++ticketSeq + 900_000);
      const a = String(++ticketSeq);
      const b = String(++ticketSeq);
      helpdesk.addTicket(a, requester, Number(a));
      helpdesk.addTicket(b, requester, Number(b));
      await expect(run(await deliver(a, "ticket_created"))).resolves.toEqual({ status: "done", reason: "first_note" });
      await expect(run(await deliver(b, "ticket_created"))).resolves.toEqual({ status: "done", reason: "first_note" });
      // the comment that opened ticket a, announced after a's note: nothing a's note did not show
      await expect(run(await deliver(a, "customer_message"))).resolves.toEqual({ status: "done", reason: "nothing_new_on_ticket" });
      expect(helpdesk.notesPerTicket().get(a)).toBe(1);
      // a new message on ticket a is news: the policy decides on what it brings
      helpdesk.addMessage(a, "Now I cannot log in at all: the password reset email never arrives and my account is locked.");
      const news = await run(await deliver(a, "customer_message"));
      expect(news).toEqual({ status: "done", reason: expect.stringMatching(/^(new_open_issue|escalation|new_risk)$/) });
      expect(helpdesk.notesPerTicket().get(a)).toBe(2);
    });
  });

  describe("attempts", () => {
    it("go on counting when the sweeper re-enqueues a job the queue lost, so the delivery ends dead", async () => {
      const ticket = newTicket();
      const id = await deliver(ticket, "ticket_created");
      helpdesk.fault = () => "429";
      // each run is the queue's first: the queue lost the job and the sweeper enqueued it anew
      const decisions = [];
      for (let i = 1; i <= MAX_ATTEMPTS; i++) {
        const err = await run(id, 1).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).not.toBeNull();
        expect((await rowOf(id)).attempts).toBe(i);
        decisions.push(decideRetry(err, 1).retry);
      }
      // retried while attempts remain; the last is final, whatever the queue's own count says
      expect(decisions).toEqual([...Array(MAX_ATTEMPTS - 1).fill(true), false]);
      // lost once more before onDead could record it: given up at once, no helpdesk call
      let calls = 0;
      helpdesk.fault = () => (calls++, "none");
      const again = await run(id, 1).catch((e: unknown) => e);
      expect(decideRetry(again, 1).retry).toBe(false);
      expect(calls).toBe(0);
      expect((await rowOf(id)).attempts).toBe(MAX_ATTEMPTS);
    });
  });

  describe("randomized interleavings (seeded)", () => {
    // N deliveries on M tickets of two customers (no ticket gets a new message meanwhile, so each
    // warrants one note); each step runs a few jobs at once, picked at random from what
    // the queue holds, with faults injected into the helpdesk calls; a job that threw is put back
    // (its queue count goes on, or starts again: the sweeper's re-enqueue), and finished jobs are
    // sometimes enqueued again (a sweep overlapping a late dispatch).
    it.each([1, 2, 3, 4])("seed %i: at most one note per ticket, every note recorded once", async (seed) => {
      const random = rng(seed);
      const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
      const M = 5;
      const N = 20;
      // two customers share the tickets: feeding one ticket moves the profile another's note showed
      const customers = [String(++ticketSeq + 900_000), String(++ticketSeq + 900_000)];
      const tickets = Array.from({ length: M }, () => newTicket(pick(customers)));
      helpdesk.fault = () => {
        const r = random();
        return r < 0.12 ? "429" : r < 0.2 ? "crash_before" : r < 0.3 ? "crash_after" : "none";
      };
      const queue: Array<{ id: string; attempt: number }> = [];
      const all: string[] = [];
      for (let i = 0; i < N; i++) {
        const id = await deliver(pick(tickets), i % 3 === 0 ? "ticket_created" : "customer_message");
        all.push(id);
        queue.push({ id, attempt: 1 });
      }
      let steps = 0;
      while (queue.length > 0 && steps++ < 500) {
        const batch: typeof queue = [];
        for (let k = 0; k < 3 && queue.length > 0; k++) batch.push(queue.splice(Math.floor(random() * queue.length), 1)[0]!);
        await Promise.all(
          batch.map(async (job) => {
            try {
              await run(job.id, job.attempt);
              if (random() < 0.1) queue.push({ id: job.id, attempt: 1 });
            } catch (err) {
              const decision = decideRetry(err, job.attempt, random);
              const lostAndSwept = random() < 0.3;
              if (decision.retry || lostAndSwept) queue.push({ id: job.id, attempt: lostAndSwept ? 1 : job.attempt + 1 });
              else await db.sql.query(`UPDATE webhook_deliveries SET status = 'dead' WHERE id = $1 AND status NOT IN ('done', 'skipped')`, [job.id]);
            }
          }),
        );
      }
      expect(queue).toEqual([]);

      const perTicket = helpdesk.notesPerTicket();
      const over = [...perTicket].filter(([, n]) => n > 1);
      expect({ seed, over }).toEqual({ seed, over: [] });
      // not vacuous: notes did go out
      expect(helpdesk.notes.length).toBeGreaterThan(0);
      // each note carries one delivery's footer, and is recorded as posted once that delivery is done
      const rows = await db.sql.query<{ delivery_id: string; state: string; status: string }>(
        `SELECT n.delivery_id, n.state, d.status FROM posted_notes n JOIN webhook_deliveries d ON d.id = n.delivery_id WHERE n.delivery_id = ANY($1)`,
        [all],
      );
      for (const r of rows.filter((x) => x.status === "done" && x.state !== "posted")) {
        expect(helpdesk.notes.some((n) => n.body.includes(`ref ${r.delivery_id.slice(4, 16)}`))).toBe(false);
      }
      const statuses = await db.sql.query<{ status: string }>(`SELECT status FROM webhook_deliveries WHERE id = ANY($1)`, [all]);
      expect(statuses.filter((s) => !["done", "dead"].includes(s.status))).toEqual([]);
    });
  });
});
