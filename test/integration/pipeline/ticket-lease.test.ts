// The per-ticket lease is short and renewed while its job runs: a live job keeps its ticket
// past the lease length, a dead one (never released, never renewed) frees it after that length.
import type { Database } from "../../../src/db/client";
import { type ReleaseWrite, TicketBusyError, withTicketLease } from "../../../src/pipeline/job/ticket-lease";
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

  describe("finishing the delivery with the release", () => {
    const insertDelivery = (id: string) =>
      db.sql.query(
        `INSERT INTO webhook_deliveries (id, installation_id, tenant_id, provider, dedupe_key, event_type, status, event, updated_at)
         VALUES ($1, 'inst_l', 'ten_l', 'zendesk', $1, 'ticket.created', 'processing', '{}'::jsonb, now())`,
        [id],
      );
    const deliveryOf = async (id: string) =>
      (await db.sql.query<{ status: string; skip_reason: string | null; processed_at: Date | null }>(
        `SELECT status, skip_reason, processed_at FROM webhook_deliveries WHERE id = $1`,
        [id],
      ))[0];
    const cursorOf = async (ticket: string) =>
      (await db.sql.query<{ lease_owner: string | null; seen_message_ids: unknown; external_user_id: string | null }>(
        `SELECT lease_owner, seen_message_ids, external_user_id FROM thread_cursors WHERE installation_id = 'inst_l' AND ticket_ref = $1`,
        [ticket],
      ))[0];
    const finishAs =
      (deliveryId: string) =>
      (result: { status: string; reason: string }): ReleaseWrite =>
      (bind) =>
        `UPDATE webhook_deliveries SET status = ${bind(result.status)}, skip_reason = ${bind(result.status === "skipped" ? result.reason : null)},
                processed_at = ${bind("2026-11-20T10:00:00.000Z")} WHERE id = ${bind(deliveryId)}`;

    it("marks the delivery with the work's outcome and saves the cursor, together", async () => {
      await insertDelivery("dlv_lease_done");
      const out = await withTicketLease(
        db,
        "inst_l",
        "t3",
        async (lease) => {
          lease.saveCursor({ seenMessageIds: ["m1", "m2"], externalUserId: "zd_acme_7" });
          const result = { status: "skipped", reason: "no_requester" };
          lease.writeOnRelease(finishAs("dlv_lease_done")(result));
          return result;
        },
      );
      expect(out).toEqual({ status: "skipped", reason: "no_requester" });
      expect(await deliveryOf("dlv_lease_done")).toEqual({ status: "skipped", skip_reason: "no_requester", processed_at: new Date("2026-11-20T10:00:00.000Z") });
      expect(await cursorOf("t3")).toEqual({ lease_owner: null, seen_message_ids: ["m1", "m2"], external_user_id: "zd_acme_7" });
    });

    it("leaves the delivery unfinished when the work fails, and still releases the ticket", async () => {
      await insertDelivery("dlv_lease_fail");
      await expect(
        withTicketLease(db, "inst_l", "t4", async (lease) => {
          lease.writeOnRelease(finishAs("dlv_lease_fail")({ status: "done", reason: "note_posted" }));
          throw new Error("helpdesk down");
        }),
      ).rejects.toThrow("helpdesk down");
      expect(await deliveryOf("dlv_lease_fail")).toMatchObject({ status: "processing", processed_at: null });
      expect((await cursorOf("t4"))?.lease_owner).toBeNull();
    });
  });
});
