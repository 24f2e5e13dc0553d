// The tenant-wide reads of the wire API: customers (one row per profile) and support stats,
// in MemoryOS's field names. Every query names the tenant in its WHERE clause.
import type { SupportStatsData, WireCustomer } from "../../client/wire";
import type { Database } from "../../db/client";
import { decodeCursor, encodeCursor, supportStats } from "../../memory/store";
import { ApiError } from "../errors";

type CustomerRow = {
  id: string;
  external_user_id: string;
  support_type: string | null;
  sentiment: string | null;
  open_issue_count: number;
  tier: string | null;
  history: number | string;
  last_activity_at: Date | string;
};

export async function customersPage(db: Database, tenantId: string, limit: number, cursorText: string | undefined) {
  const cursor = cursorText === undefined ? null : decodeCursor(cursorText);
  if (cursorText !== undefined && !cursor) throw new ApiError("invalid_cursor", "cursor: is not a cursor this API returned", "cursor");
  const params: unknown[] = [tenantId, limit + 1];
  let after = "";
  if (cursor) {
    params.push(new Date(cursor.at).toISOString(), cursor.id);
    after = "AND (last_activity_at < $3 OR (last_activity_at = $3 AND id < $4))";
  }
  const [rows, totals] = await Promise.all([
    db.sql.query<CustomerRow>(
      `SELECT id, external_user_id, support_type, sentiment, open_issue_count, last_activity_at,
              NULLIF(profile->'customer_identity'->>'tier', '') AS tier,
              CASE WHEN jsonb_typeof(profile->'issue_history') = 'array' THEN jsonb_array_length(profile->'issue_history') ELSE 0 END AS history
         FROM customer_profiles
        WHERE tenant_id = $1 ${after}
        ORDER BY last_activity_at DESC, id DESC
        LIMIT $2`,
      params,
    ),
    db.sql.query<{ n: number | string }>("SELECT count(*) AS n FROM customer_profiles WHERE tenant_id = $1", [tenantId]),
  ]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const data = page.map(
    (r): WireCustomer => ({
      external_user_id: r.external_user_id,
      customer_tier: r.tier,
      support_type: r.support_type,
      sentiment_pattern: r.sentiment,
      open_issues_count: Number(r.open_issue_count),
      total_issues_lifetime: Number(r.open_issue_count) + Number(r.history),
      last_contact: new Date(r.last_activity_at).toISOString(),
    }),
  );
  const next = rows.length > limit && last ? encodeCursor({ at: new Date(last.last_activity_at).toISOString(), id: last.id }) : null;
  return { data, pagination: { next_cursor: next, limit, total: Number(totals[0]?.n ?? 0) } };
}

export async function supportStatsData(db: Database, tenantId: string, days: number, now: Date): Promise<SupportStatsData> {
  const [s, lifetime] = await Promise.all([
    supportStats(db, tenantId, days, now),
    db.sql.query<{ n: number | string | null }>(
      `SELECT sum(open_issue_count + CASE WHEN jsonb_typeof(profile->'issue_history') = 'array' THEN jsonb_array_length(profile->'issue_history') ELSE 0 END) AS n
         FROM customer_profiles WHERE tenant_id = $1`,
      [tenantId],
    ),
  ]);
  const { unknown: _noPattern, ...sentiments } = s.by_sentiment as Record<string, number>;
  const issues = Number(lifetime[0]?.n ?? 0);
  return {
    total_customers_with_memory: s.customers,
    open_issues_count: s.open_issues,
    high_escalation_risk_count: s.escalation_risks,
    sentiment_breakdown: sentiments,
    support_type_distribution: s.by_vertical,
    avg_issues_per_customer: s.customers === 0 ? 0 : Math.round((issues / s.customers) * 100) / 100,
    adds_by_day: s.adds_by_day,
    notes_by_day: s.notes_by_day,
    window_days: s.window_days,
  };
}
