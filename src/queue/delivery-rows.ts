// Every write of webhook_deliveries after the inbox row is recorded, in one place and one way
// (SQL on the store's runner, as the inbox writer's batched INSERT and the job's claim need for
// speed): the job's claim and finish, a failed attempt, a dead delivery, the sweeper's
// re-enqueues and purge. A row is the durable record of a job; the queue holds only its id.
// received → queued → processing → done | skipped | dead
import type { SqlRunner } from "../db/sql";

type Sql = Pick<SqlRunner, "query">;

/** A statement built with placeholders from `bind` (to run alone, or inside another statement). */
export type RowWrite = (bind: (value: unknown) => string) => string;

export type ClaimedDelivery = { installation_id: string; event: unknown; attempts: number };

/** Claims the row for a run (unless finished), counting the attempt; null when there is none to run. */
export async function claimDelivery(sql: Sql, id: string, at: Date): Promise<ClaimedDelivery | null> {
  const rows = await sql.query<ClaimedDelivery>(
    `UPDATE webhook_deliveries SET status = 'processing', attempts = attempts + 1, updated_at = $2
      WHERE id = $1 AND status NOT IN ('done', 'skipped', 'dead')
      RETURNING installation_id, event, attempts`,
    [id, at.toISOString()],
  );
  return rows[0] ?? null;
}

/** Takes back the attempt a claim counted, for a run that did not happen (given up before it). */
export async function uncountAttempt(sql: Sql, id: string): Promise<void> {
  await sql.query(`UPDATE webhook_deliveries SET attempts = attempts - 1 WHERE id = $1 AND attempts > 0`, [id]);
}

export async function deliveryStatus(sql: Sql, id: string): Promise<string | null> {
  const rows = await sql.query<{ status: string }>(`SELECT status FROM webhook_deliveries WHERE id = $1`, [id]);
  return rows[0]?.status ?? null;
}

/** The run's outcome, as a write for the statement that releases the ticket (or on its own). */
export function finishDelivery(id: string, outcome: { status: "done" | "skipped"; reason: string }, at: Date): RowWrite {
  return (bind) =>
    `UPDATE webhook_deliveries SET status = ${bind(outcome.status)}, skip_reason = ${bind(outcome.status === "skipped" ? outcome.reason : null)},
            processed_at = ${bind(at.toISOString())}, last_error = NULL, updated_at = ${bind(at.toISOString())}
      WHERE id = ${bind(id)}`;
}

/** A run failed and the queue will retry it: back to `queued`, with the error. */
export async function markRetrying(sql: Sql, id: string, error: string, at: Date): Promise<void> {
  await sql.query(`UPDATE webhook_deliveries SET status = 'queued', last_error = $2, updated_at = $3 WHERE id = $1 AND status = 'processing'`, [
    id,
    error.slice(0, 1000),
    at.toISOString(),
  ]);
}

/** Failed for good (the attempts count is the row's own, left as it is). */
export async function markDead(sql: Sql, id: string, error: string, at: Date): Promise<void> {
  await sql.query(`UPDATE webhook_deliveries SET status = 'dead', last_error = $2, updated_at = $3 WHERE id = $1 AND status NOT IN ('done', 'skipped')`, [
    id,
    error.slice(0, 1000),
    at.toISOString(),
  ]);
}

export type SweepCandidate = { id: string; status: string; updated_at: string };

/** `received` rows older than `receivedBefore`, and `queued`/`processing` rows untouched since `touchedBefore`, oldest first. */
export function findStale(sql: Sql, receivedBefore: Date, touchedBefore: Date, limit: number): Promise<SweepCandidate[]> {
  return sql.query<SweepCandidate>(
    `SELECT id, status, to_char(updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS updated_at FROM webhook_deliveries
      WHERE (status = 'received' AND received_at < $1) OR (status IN ('queued', 'processing') AND updated_at < $2)
      ORDER BY received_at LIMIT $3`,
    [receivedBefore.toISOString(), touchedBefore.toISOString(), limit],
  );
}

/** Marks a swept row queued, only if nobody moved it since it was read (the job may be running it). */
export async function markSwept(sql: Sql, row: SweepCandidate, at: Date): Promise<void> {
  await sql.query(`UPDATE webhook_deliveries SET status = 'queued', updated_at = $4 WHERE id = $1 AND status = $2 AND updated_at = $3::timestamp(3)`, [
    row.id,
    row.status,
    row.updated_at,
    at.toISOString(),
  ]);
}

/** Unfinished rows (`received`, `queued`, `processing`) after the given one, in (received_at, id) order. */
export function findUnfinished(sql: Sql, after: { receivedAt: string; id: string } | undefined, limit: number) {
  return sql.query<{ id: string; status: string; received_at: string }>(
    `SELECT id, status, to_char(received_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS received_at FROM webhook_deliveries
      WHERE status IN ('received', 'queued', 'processing') AND ($1::timestamp(3) IS NULL OR (received_at, id) > ($1::timestamp(3), $2))
      ORDER BY received_at, id LIMIT $3`,
    [after?.receivedAt ?? null, after?.id ?? "", limit],
  );
}

/** `received` rows among `ids` become `queued` (they were handed to the queue). */
export async function markQueued(sql: Sql, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await sql.query(`UPDATE webhook_deliveries SET status = 'queued', updated_at = $2 WHERE id = ANY($1) AND status = 'received'`, [ids, at.toISOString()]);
}

/** Deletes rows skipped for one of `reasons` received before `before`; resolves to how many. */
export async function purgeSkipped(sql: Sql, reasons: string[], before: Date): Promise<number> {
  const rows = await sql.query(`DELETE FROM webhook_deliveries WHERE status = 'skipped' AND skip_reason = ANY($1) AND received_at < $2 RETURNING 1`, [reasons, before.toISOString()]);
  return rows.length;
}
