// The per-ticket lease is short and renewed while its job runs: a live job keeps its ticket
// past the lease length, a dead one (never released, never renewed) frees it after that length.
import type { Database } from "../../../src/db/client";
import { TicketBusyError, withTicketLease } from "../../../src/pipeline/ticket-lease";
import { createTestDatabase } from "../../helpers/db";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("withTicketLease", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it("renews the lease while the work runs, so no other job gets the ticket meanwhile", async () => {
    const opts = { leaseMs: 400, renewEveryMs: 100 };
    let otherTried = false;
    await withTicketLease(db, "inst_l", "t1", async () => {
      // well past the lease length: only renewals keep it
      await sleep(1_000);
      await expect(withTicketLease(db, "inst_l", "t1", async () => "stolen", { ...opts, waitMs: 0 })).rejects.toBeInstanceOf(TicketBusyError);
      otherTried = true;
    }, opts);
    expect(otherTried).toBe(true);
    // released at the end: the next job gets it at once
    await expect(withTicketLease(db, "inst_l", "t1", async () => "next", { ...opts, waitMs: 0 })).resolves.toBe("next");
  });

  it("frees a dead job's ticket once its lease lapses, and a waiting job then takes it", async () => {
    // a job whose worker died: the lease row is left, nobody renews or releases it
    await db.sql.query(
      `INSERT INTO thread_cursors (installation_id, ticket_ref, lease_owner, lease_until, updated_at)
       VALUES ('inst_l', 't2', 'dead-worker', now() + interval '500 milliseconds', now())`,
    );
    const t0 = Date.now();
    await expect(withTicketLease(db, "inst_l", "t2", async () => "mine", { waitMs: 5_000 })).resolves.toBe("mine");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
  });
});
