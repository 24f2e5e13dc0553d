// Zendesk end to end across real process boundaries: the worker is a child process
// (`src/worker.ts`), the queue a private redis-server, the store PostgreSQL, Zendesk the fake
// served over HTTP. Proves that a worker SIGKILLed mid-batch loses nothing and posts no note
// twice, and that webhooks arriving while Redis is down are acknowledged and processed later.
import { randomBytes } from "node:crypto";
import type { Database } from "../../src/db/client";
import { FakeZendesk } from "../helpers/fake-zendesk";
import { ticketCreatedEvent, waitFor, zendeskHeaders, ZENDESK_AGENT_ID } from "../helpers/pipeline";
import { postJson } from "../helpers/http-client";
import { createPrivateRedis, startWorkerProcess, type Child, type PrivateRedis } from "../helpers/processes";
import { createScratchDatabase, serveSlowly, startApiOnly, type ApiOnly, type ScratchDatabase } from "../helpers/resilience";
import { describeWith, testDatabaseUrl } from "../helpers/services";

// PostgreSQL only: the worker is a second process, and the embedded store (PGlite) can be
// opened by one process at a time. Without DATABASE_URL, or without the redis-server program
// for the private Redis, these tests are skipped (and the run says so).
const describeWithPostgres = describeWith(["postgres", "redis-server"]);

jest.setTimeout(120_000);

type Counts = Record<string, number>;

async function countBy(db: Database, table: "webhook_deliveries" | "posted_notes", column: "status" | "state"): Promise<Counts> {
  const rows = await db.sql.query<{ k: string; n: string | number }>(`SELECT ${column} AS k, count(*) AS n FROM ${table} GROUP BY ${column}`);
  return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
}

describeWithPostgres("Zendesk pipeline across processes (worker child, private Redis, PostgreSQL)", () => {
  const masterKey = randomBytes(32).toString("hex");
  const zd = new FakeZendesk();
  let scratch: ScratchDatabase;
  let redis: PrivateRedis;
  let zendesk: { url: string; close(): Promise<void> };
  let api: ApiOnly;
  const workers: Child[] = [];

  beforeAll(async () => {
    zd.addUser({ id: Number(ZENDESK_AGENT_ID), name: "Customer memory", role: "agent", email: "memory@acme.example" });
    redis = await createPrivateRedis();
    scratch = await createScratchDatabase(testDatabaseUrl()!);
    // Slow answers make "mid-batch" real: ~8 jobs in flight at any time, and a note PUT that
    // has reached Zendesk but not yet been answered is where a crash is most dangerous.
    zendesk = await serveSlowly(zd, (method) => (method === "PUT" ? 300 : 40));
    api = await startApiOnly({ db: scratch.db, redisUrl: redis.url, masterKey });
  });

  afterAll(async () => {
    // every step runs even if an earlier one fails
    const steps: Array<() => Promise<unknown>> = [
      () => Promise.all(workers.map((w) => w.stop("SIGKILL"))),
      () => api?.close(),
      () => scratch?.drop(),
      () => redis?.stop(),
      () => zendesk?.close(),
    ];
    for (const step of steps) await step().catch((err: unknown) => console.error("cleanup failed:", err));
  });

  const db = () => scratch.db;

  function startWorker(): Child {
    const w = startWorkerProcess({
      DATABASE_URL: scratch.url,
      REDIS_URL: redis.url,
      MASTER_KEY: masterKey,
      ZENDESK_API_URL: zendesk.url,
      LOG_LEVEL: "warn",
      WORKER_CONCURRENCY: "8",
    });
    workers.push(w);
    return w;
  }

  /** waitFor that fails at once, with the worker's output, when the worker died unasked. */
  async function waitWhileWorking<T>(worker: Child, probe: () => Promise<T | undefined | null | false>, timeoutMs: number, what: string): Promise<T> {
    try {
      return await waitFor(async () => {
        if (worker.exited() !== null) throw new Error(`the worker exited (${worker.exited()})`);
        return probe();
      }, timeoutMs, what);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- worker output ---\n${worker.output() || "(none)"}`);
    }
  }

  function addTickets(first: number, n: number): number[] {
    return Array.from({ length: n }, (_, i) => {
      const ticketId = first + i;
      const requesterId = ticketId + 100_000;
      zd.addUser({ id: requesterId, email: `customer${requesterId}@example.com` });
      zd.addTicket({
        id: ticketId,
        subject: `Order ORD-${ticketId} damaged`,
        requester_id: requesterId,
        comments: [{ body: `My order ORD-${ticketId} arrived damaged and I was charged twice on invoice INV-${ticketId}. I want a refund.` }],
      });
      return ticketId;
    });
  }

  /** One signed ticket.created per ticket, `parallel` at a time; resolves to each answer and its duration. */
  async function sendTicketCreated(ticketIds: number[], parallel: number): Promise<Array<{ status: number; body: Record<string, unknown>; ms: number }>> {
    const results: Array<{ status: number; body: Record<string, unknown>; ms: number }> = [];
    let next = 0;
    const lane = async () => {
      while (next < ticketIds.length) {
        const ticketId = ticketIds[next++]!;
        const body = JSON.stringify(ticketCreatedEvent({ ticketId, requesterId: ticketId + 100_000, subject: `Order ORD-${ticketId} damaged` }));
        const t0 = Date.now();
        const r = await postJson(`${api.url}/webhooks/zendesk/${api.installationId}`, body, zendeskHeaders(body));
        results.push({ ...r, ms: Date.now() - t0 });
      }
    };
    await Promise.all(Array.from({ length: parallel }, lane));
    return results;
  }

  function expectOneNoteEach(ticketIds: number[]): void {
    const perTicket = new Map<number, number>();
    for (const n of zd.notes) perTicket.set(n.ticketId, (perTicket.get(n.ticketId) ?? 0) + 1);
    const wrong = ticketIds.filter((id) => perTicket.get(id) !== 1).map((id) => `${id}: ${perTicket.get(id) ?? 0} notes`);
    expect(wrong).toEqual([]);
  }

  it("loses nothing and posts no note twice when the worker is SIGKILLed mid-batch of 200", async () => {
    const t0 = Date.now();
    const tickets = addTickets(10_001, 200);
    const first = startWorker();

    const answers = await sendTicketCreated(tickets, 16);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);

    // some notes posted, most not: kill the worker with jobs in flight
    await waitWhileWorking(first, async () => zd.notes.length >= 30, 60_000, "the first notes");
    await first.stop("SIGKILL");
    const notesAtKill = zd.notes.length;
    const atKill = { deliveries: await countBy(db(), "webhook_deliveries", "status"), notes: await countBy(db(), "posted_notes", "state") };
    expect(notesAtKill).toBeLessThan(200);
    expect((atKill.deliveries.queued ?? 0) + (atKill.deliveries.processing ?? 0)).toBeGreaterThan(0);
    const killedAt = Date.now();

    const second = startWorker();
    // BullMQ re-runs the killed worker's jobs once their 15 s lock has expired (~25 s); they
    // then wait for the dead worker's ticket leases (src/pipeline/job/ticket-lease.ts, 15 s, no longer renewed)
    await waitWhileWorking(second, async () => (await countBy(db(), "webhook_deliveries", "status")).done === 200, 85_000, "all 200 deliveries done");
    const recoveredInMs = Date.now() - killedAt;

    expectOneNoteEach(tickets);
    expect(zd.notes).toHaveLength(200);
    expect(await countBy(db(), "webhook_deliveries", "status")).toEqual({ done: 200 });
    expect(await countBy(db(), "posted_notes", "state")).toEqual({ posted: 200 });
    // every posted row names the comment that is really in the ticket, recovered ones too
    const refs = await db().sql.query<{ note_ref: string | null }>(`SELECT note_ref FROM posted_notes`);
    expect(new Set(refs.map((r) => r.note_ref))).toEqual(new Set(zd.notes.map((n) => String(n.commentId))));

    // for whoever reads the run: how much was in flight, how long recovery took, and the
    // attempts the recovered jobs used waiting for the dead worker's ticket leases (15 s)
    const attempts = await db().sql.query<{ attempts: number; n: string }>(`SELECT attempts, count(*) AS n FROM webhook_deliveries GROUP BY attempts ORDER BY attempts`);
    console.info(
      `SIGKILL after ${notesAtKill} notes; in flight: ${JSON.stringify(atKill)}; all done ${Math.round(recoveredInMs / 1000)} s after the kill, ` +
        `${Math.round((Date.now() - t0) / 1000)} s in all; deliveries by attempts: ${attempts.map((a) => `${a.attempts}×${a.n}`).join(", ")}`,
    );
  });

  it("answers every webhook while Redis is down and processes them all once it is back", async () => {
    const worker = workers.find((w) => w.exited() === null) ?? startWorker();
    const tickets = addTickets(30_001, 30);
    const before = await countBy(db(), "webhook_deliveries", "status");
    const notesBefore = zd.notes.length;

    await redis.stop();
    const answers = await sendTicketCreated(tickets, 5);
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200));
    expect(answers.filter((a) => a.body.received !== true || typeof a.body.delivery_id !== "string")).toEqual([]);
    // the enqueue gives up after 1 s: the answer never waits on Redis for longer
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(1_500);
    // acknowledged, recorded, not queued: the inbox row waits for the sweeper
    expect(await countBy(db(), "webhook_deliveries", "status")).toEqual({ ...before, received: 30 });
    expect(zd.notes.length).toBe(notesBefore);

    await redis.start();
    const back = Date.now();
    // the worker's sweeper re-enqueues `received` rows older than 10 s, every 5 s
    await waitWhileWorking(worker, async () => (await countBy(db(), "webhook_deliveries", "status")).done === (before.done ?? 0) + 30, 60_000, "the 30 deliveries done");
    expect(await countBy(db(), "webhook_deliveries", "status")).toEqual({ done: (before.done ?? 0) + 30 });
    expectOneNoteEach(tickets);
    expect(await countBy(db(), "posted_notes", "state")).toEqual({ posted: zd.notes.length });
    console.info(`Redis down: ${answers.length} webhooks answered in ≤ ${Math.max(...answers.map((a) => a.ms))} ms; all done ${Math.round((Date.now() - back) / 1000)} s after Redis was back`);
  });
});
