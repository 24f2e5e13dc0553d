// One job at a time per ticket: ingest, note decision and post are serialised by a short
// lease on the ticket's cursor row (works the same on PostgreSQL and the embedded store,
// without holding a transaction open across helpdesk calls).
import { randomUUID } from "node:crypto";
import type { Database } from "../db/client";

const LEASE_MS = 60_000;

export class TicketBusyError extends Error {
  readonly retryAfterMs = 1_000;
  constructor(ticketRef: string) {
    super(`ticket ${ticketRef} is being processed by another job`);
  }
}

export async function withTicketLease<T>(
  db: Database,
  installationId: string,
  ticketRef: string,
  work: () => Promise<T>,
  opts: { waitMs?: number; clock?: () => Date } = {},
): Promise<T> {
  const owner = randomUUID();
  const deadline = Date.now() + (opts.waitMs ?? 15_000);
  for (;;) {
    const rows = await db.sql.query<{ lease_owner: string }>(
      `INSERT INTO thread_cursors (installation_id, ticket_ref, lease_owner, lease_until, updated_at)
       VALUES ($1, $2, $3, now() + ($4 || ' milliseconds')::interval, now())
       ON CONFLICT (installation_id, ticket_ref) DO UPDATE
         SET lease_owner = EXCLUDED.lease_owner, lease_until = EXCLUDED.lease_until
       WHERE thread_cursors.lease_until IS NULL OR thread_cursors.lease_until < now()
       RETURNING lease_owner`,
      [installationId, ticketRef, owner, String(LEASE_MS)],
    );
    if (rows[0]?.lease_owner === owner) break;
    if (Date.now() > deadline) throw new TicketBusyError(ticketRef);
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
  }
  try {
    return await work();
  } finally {
    await db.sql.query(
      `UPDATE thread_cursors SET lease_owner = NULL, lease_until = NULL WHERE installation_id = $1 AND ticket_ref = $2 AND lease_owner = $3`,
      [installationId, ticketRef, owner],
    );
  }
}
