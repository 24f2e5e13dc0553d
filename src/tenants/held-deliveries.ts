// Deliveries of an installation that needs re-auth wait as `held`: neither retried (every try
// would fail the same way) nor dead (nothing is wrong with them). Connecting the installation
// again puts them back in the inbox as `received`, where the sweeper, or the caller, enqueues them.
import type { Database } from "../db/client";

/**
 * Holds the delivery if its installation still needs re-auth, in one statement: an installation
 * connected again in between is seen, and false tells the caller to process the delivery instead.
 */
export async function holdDelivery(db: Database, deliveryId: string, installationId: string, reason: string): Promise<boolean> {
  const rows = await db.sql.query(
    `UPDATE webhook_deliveries SET status = 'held', last_error = $3, updated_at = $4
      WHERE id = $1 AND status NOT IN ('done', 'skipped')
        AND EXISTS (SELECT 1 FROM installations WHERE id = $2 AND status = 'needs_reauth')
      RETURNING id`,
    [deliveryId, installationId, reason.slice(0, 1000), new Date().toISOString()],
  );
  return rows.length === 1;
}

/** Back to `received` with no attempts spent; returns the ids, for the caller to enqueue. */
export async function resumeHeldDeliveries(db: Database, installationId: string): Promise<string[]> {
  const rows = await db.sql.query<{ id: string }>(
    `UPDATE webhook_deliveries SET status = 'received', attempts = 0, last_error = NULL, updated_at = $2
      WHERE installation_id = $1 AND status = 'held' RETURNING id`,
    [installationId, new Date().toISOString()],
  );
  return rows.map((r) => r.id);
}
