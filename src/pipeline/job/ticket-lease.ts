// One job at a time per ticket: ingest, note decision and post are serialised by a short
// lease on the ticket's cursor row (works the same on PostgreSQL and the embedded store,
// without holding a transaction open across helpdesk calls). Taking the lease reads the
// cursor; releasing it writes the new one. The lease is short and renewed while the job runs,
// so a job whose worker died (SIGKILL, OOM) holds its tickets for at most LEASE_MS.
import { randomUUID } from "node:crypto";
import type { Database } from "../../db/client";

export const LEASE_MS = 15_000;
/** Renewed this often while the work runs: two renewals can fail before the lease lapses. */
export const RENEW_EVERY_MS = 5_000;

export class TicketBusyError extends Error {
  readonly retryAfterMs = 1_000;
  constructor(ticketRef: string) {
    super(`ticket ${ticketRef} is being processed by another job`);
  }
}

/**
 * A write (INSERT, UPDATE or DELETE) that goes into the statement releasing the lease, run
 * only if the work succeeded; `bind` turns a value into a placeholder. What a job records at
 * its end (the delivery finished, the note posted) lands with the ticket's new cursor,
 * atomically and without a round trip of its own.
 */
export type ReleaseWrite = (bind: (value: unknown) => string) => string;

/** The ticket's cursor, read with the lease; a new cursor is written when the lease is released. */
export type TicketLease = {
  /** What memory was already fed from this ticket (message ids, a status marker). */
  seenMessageIds: string[];
  /** Writes this cursor with the release (one statement for both), even if the work then fails. */
  saveCursor(cursor: { seenMessageIds: string[]; externalUserId: string }): void;
  /** Runs `write` in the release's statement, if the work succeeds. */
  writeOnRelease(write: ReleaseWrite): void;
  /**
   * Runs `write` now, only while this job still holds the ticket: the write must take its rows
   * `FROM held` (one row while the lease is ours and unexpired, none otherwise). The ticket's
   * cursor row stays locked until it commits, so a job taking the lease over sees what it wrote.
   * Throws TicketBusyError when the lease was lost (the job is retried and decides again).
   */
  writeWhileHeld(write: ReleaseWrite): Promise<void>;
};

/** Runs one ReleaseWrite on its own, for a job that ends without taking a lease. */
export async function runWrite(db: Database, write: ReleaseWrite): Promise<void> {
  const params: unknown[] = [];
  await db.sql.query(write(binder(params)), params);
}

function binder(params: unknown[]): (value: unknown) => string {
  return (value) => `$${params.push(value)}`;
}

export async function withTicketLease<T>(
  db: Database,
  installationId: string,
  ticketRef: string,
  work: (lease: TicketLease) => Promise<T>,
  opts: { waitMs?: number; clock?: () => Date; leaseMs?: number; renewEveryMs?: number } = {},
): Promise<T> {
  const owner = randomUUID();
  const leaseMs = String(opts.leaseMs ?? LEASE_MS);
  const deadline = Date.now() + (opts.waitMs ?? 15_000);
  let seen: unknown;
  for (;;) {
    const rows = await db.sql.query<{ lease_owner: string; seen_message_ids: unknown }>(
      `INSERT INTO thread_cursors (installation_id, ticket_ref, lease_owner, lease_until, updated_at)
       VALUES ($1, $2, $3, now() + ($4 || ' milliseconds')::interval, now())
       ON CONFLICT (installation_id, ticket_ref) DO UPDATE
         SET lease_owner = EXCLUDED.lease_owner, lease_until = EXCLUDED.lease_until
       WHERE thread_cursors.lease_until IS NULL OR thread_cursors.lease_until < now()
       RETURNING lease_owner, seen_message_ids`,
      [installationId, ticketRef, owner, leaseMs],
    );
    if (rows[0]?.lease_owner === owner) {
      seen = rows[0].seen_message_ids;
      break;
    }
    if (Date.now() > deadline) throw new TicketBusyError(ticketRef);
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
  }
  let cursor: { seenMessageIds: string[]; externalUserId: string } | undefined;
  const onRelease: ReleaseWrite[] = [];
  const lease: TicketLease = {
    seenMessageIds: Array.isArray(seen) ? (seen as string[]) : [],
    saveCursor: (c) => void (cursor = c),
    writeOnRelease: (write) => void onRelease.push(write),
    async writeWhileHeld(write) {
      const params: unknown[] = [installationId, ticketRef, owner];
      const rows = await db.sql.query(
        `WITH held AS (
           SELECT 1 FROM thread_cursors
            WHERE installation_id = $1 AND ticket_ref = $2 AND lease_owner = $3 AND lease_until > now()
              FOR UPDATE)
         ${write(binder(params))} RETURNING 1`,
        params,
      );
      if (rows.length === 0) throw new TicketBusyError(ticketRef);
    },
  };
  // Extends the lease while the work runs; a renewal that fails (database blip) is retried at
  // the next tick, and one that finds the lease taken over changes nothing of ours.
  let renewing: Promise<unknown> | undefined;
  const renew = setInterval(() => {
    if (renewing) return;
    renewing = db.sql
      .query(
        `UPDATE thread_cursors SET lease_until = now() + ($4 || ' milliseconds')::interval
          WHERE installation_id = $1 AND ticket_ref = $2 AND lease_owner = $3`,
        [installationId, ticketRef, owner, leaseMs],
      )
      .catch(() => undefined)
      .finally(() => (renewing = undefined));
  }, opts.renewEveryMs ?? RENEW_EVERY_MS);
  renew.unref();
  let succeeded = false;
  try {
    const result = await work(lease);
    succeeded = true;
    return result;
  } finally {
    clearInterval(renew);
    // a renewal in flight must not land after the release
    await renewing;
    const params: unknown[] = [installationId, ticketRef, owner, cursor ? JSON.stringify(cursor.seenMessageIds) : null, cursor?.externalUserId ?? null];
    const release = `UPDATE thread_cursors
          SET lease_owner = NULL, lease_until = NULL,
              seen_message_ids = COALESCE($4::jsonb, seen_message_ids),
              external_user_id = COALESCE($5, external_user_id),
              updated_at = CASE WHEN $4::jsonb IS NULL THEN updated_at ELSE now() END
        WHERE installation_id = $1 AND ticket_ref = $2 AND lease_owner = $3`;
    const writes = succeeded ? onRelease : [];
    if (writes.length === 0) await db.sql.query(release, params);
    else {
      // Each write runs whatever the release finds: if the lease lapsed and another job holds
      // the ticket now (the release changes nothing), this job's work is still done.
      const bind = binder(params);
      const ctes = writes.map((write, i) => `w${i} AS (${write(bind)})`);
      await db.sql.query(`WITH released AS (${release} RETURNING 1), ${ctes.join(", ")} SELECT 1`, params);
    }
  }
}
