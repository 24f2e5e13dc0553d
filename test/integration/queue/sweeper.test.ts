// The sweeper on the real database (PGlite, or PostgreSQL when DATABASE_URL is set) with
// the embedded queue: no worker is started, so what it enqueued stays countable.
import type { Database } from "../../../src/db/client";
import { createLogger } from "../../../src/logger";
import { createEmbeddedQueue } from "../../../src/queue/embedded";
import { createSweeper } from "../../../src/queue/sweeper";
import type { DeliveryQueue } from "../../../src/queue/types";
import { createTestDatabase } from "../../helpers/db";

const NOW = new Date("2026-11-26T12:00:00.000Z");
const clock = () => NOW;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

let db: Database;
let queue: DeliveryQueue;
let seq = 0;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await db.prisma.webhookDelivery.deleteMany({});
  queue = createEmbeddedQueue();
});
afterEach(async () => {
  await queue.close();
});

async function insert(id: string, status: string, receivedAt: Date, updatedAt: Date = receivedAt): Promise<void> {
  seq++;
  await db.prisma.webhookDelivery.create({
    data: {
      id,
      installationId: "inst_1",
      tenantId: "tnt_1",
      provider: "zendesk",
      dedupeKey: `key-${seq}`,
      eventType: "ticket.comment_added",
      status,
      event: { kind: "customer_message" },
      receivedAt,
      updatedAt,
    },
  });
}

async function row(id: string) {
  return db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id }, select: { status: true, updatedAt: true } });
}

describe("createSweeper", () => {
  it("enqueues a stale `received` row and marks it queued; leaves a fresh one alone", async () => {
    await insert("dlv_stale", "received", ago(11_000));
    await insert("dlv_fresh", "received", ago(9_000));
    const sweeper = createSweeper({ db, queue, clock, staleMs: 10_000 });

    expect(await sweeper.sweepOnce()).toBe(1);
    expect(await queue.counts()).toEqual({ waiting: 1, active: 0, delayed: 0 });
    expect(await row("dlv_stale")).toEqual({ status: "queued", updatedAt: NOW });
    expect((await row("dlv_fresh")).status).toBe("received");
    // marked queued, it is not picked again before its lease runs out
    expect(await sweeper.sweepOnce()).toBe(0);
  });

  it("re-enqueues `queued` and `processing` rows past their lease, not those within it", async () => {
    const lease = 120_000;
    await insert("dlv_lost_queued", "queued", ago(600_000), ago(lease + 1));
    await insert("dlv_lost_processing", "processing", ago(600_000), ago(lease + 1000));
    await insert("dlv_busy", "processing", ago(600_000), ago(lease - 1000));
    const sweeper = createSweeper({ db, queue, clock, leaseMs: lease });

    expect(await sweeper.sweepOnce()).toBe(2);
    expect((await row("dlv_lost_queued")).status).toBe("queued");
    expect(await row("dlv_lost_processing")).toEqual({ status: "queued", updatedAt: NOW });
    expect(await row("dlv_busy")).toEqual({ status: "processing", updatedAt: ago(lease - 1000) });
    expect((await queue.counts()).waiting).toBe(2);
  });

  it.each(["done", "skipped", "dead"])("never touches a `%s` row, however old", async (status) => {
    const old = ago(86_400_000);
    await insert(`dlv_${status}`, status, old, old);
    const sweeper = createSweeper({ db, queue, clock });
    expect(await sweeper.sweepOnce()).toBe(0);
    expect(await row(`dlv_${status}`)).toEqual({ status, updatedAt: old });
    expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0 });
  });

  it("sweeps oldest first, at most batchSize rows per pass", async () => {
    await insert("dlv_b", "received", ago(20_000));
    await insert("dlv_a", "received", ago(30_000));
    await insert("dlv_c", "received", ago(15_000));
    const sweeper = createSweeper({ db, queue, clock, batchSize: 2 });
    expect(await sweeper.sweepOnce()).toBe(2);
    expect((await row("dlv_c")).status).toBe("received");
    expect(await sweeper.sweepOnce()).toBe(1);
    expect((await row("dlv_c")).status).toBe("queued");
  });

  it("when enqueue fails, logs, leaves the row `received` and tries again next sweep", async () => {
    await insert("dlv_waiting", "received", ago(60_000));
    const down = createEmbeddedQueue();
    await down.close(); // a real queue that refuses work, like BullMQ with Redis down
    const logged: string[] = [];
    const log = captureLog(logged);

    const failing = createSweeper({ db, queue: down, clock, log });
    await expect(failing.sweepOnce()).resolves.toBe(0);
    expect((await row("dlv_waiting")).status).toBe("received");
    expect(logged.join("\n")).toMatch(/enqueue failed, will retry next sweep/);

    const recovered = createSweeper({ db, queue, clock });
    expect(await recovered.sweepOnce()).toBe(1);
    expect((await row("dlv_waiting")).status).toBe("queued");
  });

  it("start() sweeps at once and then on its interval; stop() ends it", async () => {
    await insert("dlv_first", "received", ago(60_000));
    const sweeper = createSweeper({ db, queue, clock, intervalMs: 50 });
    sweeper.start();
    await waitFor(async () => (await row("dlv_first")).status === "queued");
    await insert("dlv_second", "received", ago(60_000));
    await waitFor(async () => (await row("dlv_second")).status === "queued");
    await sweeper.stop();

    await insert("dlv_after_stop", "received", ago(60_000));
    await new Promise((r) => setTimeout(r, 200));
    expect((await row("dlv_after_stop")).status).toBe("received");
  });

  it("a failing database is logged by the timer, not thrown out of it", async () => {
    const closed = await createTestDatabase();
    await closed.close(); // a real store that now refuses every query
    const logged: string[] = [];
    const sweeper = createSweeper({ db: closed, queue, clock, intervalMs: 20, log: captureLog(logged) });
    sweeper.start();
    await waitFor(async () => logged.filter((l) => l.includes("sweep failed")).length >= 2);
    await sweeper.stop();
  });

  it("deletes unverified skipped rows (unknown account, inactive installation) past the retention, and nothing else", async () => {
    const DAY = 24 * 3600_000;
    const skipped = (id: string, reason: string, receivedAt: Date) =>
      db.prisma.webhookDelivery.create({
        data: { id, installationId: "", tenantId: "", provider: "intercom", dedupeKey: `skip-${id}`, eventType: reason, status: "skipped", skipReason: reason, event: {}, receivedAt, updatedAt: receivedAt },
      });
    await skipped("dlv_old_unknown", "unknown_account", ago(8 * DAY));
    await skipped("dlv_old_inactive", "installation_inactive", ago(8 * DAY));
    await skipped("dlv_new_unknown", "unknown_account", ago(6 * DAY));
    await skipped("dlv_old_other_skip", "event type not handled: x", ago(30 * DAY));
    await insert("dlv_old_received", "received", ago(30 * DAY));
    const sweeper = createSweeper({ db, queue, clock, unverifiedRetentionMs: 7 * DAY });

    expect(await sweeper.purgeOnce()).toBe(2);
    const left = (await db.prisma.webhookDelivery.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
    expect(left).toEqual(["dlv_new_unknown", "dlv_old_other_skip", "dlv_old_received"]);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

function captureLog(lines: string[]) {
  // a real pino logger writing to an array: the test reads what production would log
  return createLogger("info", { write: (line: string) => void lines.push(line) });
}
