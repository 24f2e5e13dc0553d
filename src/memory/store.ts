// Row mapping for profiles, and the tenant-wide reads (customer list, stats, one customer
// with its claims, forget). Every query names the tenant in its WHERE clause: a tenant's
// key can never reach another tenant's rows, not even to filter them out afterwards.
import { randomUUID } from "node:crypto";
import type { Database } from "../db/client";
import type { CustomerProfile } from "../generated/prisma/client";
import { emptyProfile, type ClaimDraft, type SupportProfile, type TenantSupportSettings, type Vertical } from "./types";

export type TenantRef = { id: string; settings: TenantSupportSettings; agentScoping: "shared" | "per_agent" };

export const SHARED_SCOPE = "shared";

/** By default the helpdesks and a team's own bot feed one profile; per_agent keeps one per agent_id. */
export function scopeFor(tenant: TenantRef, agentId?: string): string {
  return tenant.agentScoping === "per_agent" ? `agent:${agentId ?? "default"}` : SHARED_SCOPE;
}

export function profileFromRow(row: Pick<CustomerProfile, "profile">): SupportProfile {
  return { ...emptyProfile(), ...(row.profile as object) } as SupportProfile;
}

/**
 * The stored profile of one customer in one scope, or null: one indexed select through the raw
 * SQL runner. get() is a hot path, and Prisma's query path costs more than the read itself.
 */
export async function readProfile(db: Database, tenantId: string, externalUserId: string, agentScope: string): Promise<Pick<CustomerProfile, "profile"> | null> {
  const rows = await db.sql.query<Pick<CustomerProfile, "profile">>(
    "SELECT profile FROM customer_profiles WHERE tenant_id = $1 AND external_user_id = $2 AND agent_scope = $3",
    [tenantId, externalUserId, agentScope],
  );
  return rows[0] ?? null;
}

export function profileColumns(profile: SupportProfile, now: Date) {
  return { profile: JSON.parse(JSON.stringify(profile)), ...summaryColumns(profile), lastActivityAt: now };
}

/** The columns denormalised from the profile for listings and stats. */
function summaryColumns(profile: SupportProfile) {
  const open = [profile.current_open_issue, ...profile.other_open_issues].filter(Boolean);
  return {
    supportType: profile.support_type,
    sentiment: profile.sentiment_pattern,
    openIssue: profile.current_open_issue?.summary ?? null,
    openIssueCount: open.length,
    escalationRisk: isEscalationRisk(profile),
  };
}

// ---------------------------------------------------------------- add()'s reads and writes

/** What add() reads first: the stored profile and its version, and whether the event was applied. */
export type AddState = { row: Pick<CustomerProfile, "profile" | "version"> | null; duplicateId: string | null };

export async function readAddState(db: Database, key: ProfileKey, sourceEventId: string): Promise<AddState> {
  const rows = await db.sql.query<{ profile: CustomerProfile["profile"]; version: number | null; duplicate_id: string | null }>(
    `SELECT p.profile, p.version,
            (SELECT e.id FROM memory_events e WHERE e.tenant_id = $1 AND e.source_event_id = $4) AS duplicate_id
       FROM (SELECT 1) AS one
       LEFT JOIN customer_profiles p ON p.tenant_id = $1 AND p.external_user_id = $2 AND p.agent_scope = $3`,
    [key.tenantId, key.externalUserId, key.agentScope, sourceEventId],
  );
  const r = rows[0];
  return { row: r && r.version !== null ? { profile: r.profile, version: Number(r.version) } : null, duplicateId: r?.duplicate_id ?? null };
}

export type ProfileKey = { tenantId: string; externalUserId: string; agentScope: string };

export type AddWrite = {
  /** The version read by readAddState, or null when there was no profile. */
  expectedVersion: number | null;
  profile: SupportProfile;
  claims: ClaimDraft[];
  event: { id: string; sourceEventId: string; messageCount: number; extractor: string };
  agentId?: string;
  /** The add's time (the engine's clock): activity, claims, event. */
  now: Date;
};

/**
 * Writes one add() in one statement, so it is atomic without a transaction: the profile
 * (updated only if it is still at `expectedVersion`, created only if there still is none),
 * then the event row and the claims, both only if the profile was written. false: someone
 * else wrote the profile since it was read (read again and merge again). A unique violation
 * (23505, on memory_events) means the same event was applied through another key meanwhile.
 */
export async function writeAdd(db: Database, key: ProfileKey, w: AddWrite): Promise<boolean> {
  const c = summaryColumns(w.profile);
  const wallClock = new Date().toISOString(); // created_at / updated_at: what Prisma would set
  const profileRow =
    w.expectedVersion === null
      ? `INSERT INTO customer_profiles (id, tenant_id, external_user_id, agent_scope, profile, support_type, sentiment, open_issue,
                                        open_issue_count, escalation_risk, version, last_activity_at, created_at, updated_at)
         VALUES ($4, $1, $2, $3, $5::jsonb, $6, $7, $8, $9, $10, 1, $11, $12, $12)
         ON CONFLICT (tenant_id, external_user_id, agent_scope) DO NOTHING
         RETURNING 1`
      : `UPDATE customer_profiles
            SET profile = $5::jsonb, support_type = $6, sentiment = $7, open_issue = $8, open_issue_count = $9,
                escalation_risk = $10, last_activity_at = $11, updated_at = $12, version = version + 1
          WHERE tenant_id = $1 AND external_user_id = $2 AND agent_scope = $3 AND version = $4::int
         RETURNING 1`;
  const rows = await db.sql.query<{ written: number }>(
    `WITH profile_row AS (${profileRow}),
     event_row AS (
       INSERT INTO memory_events (id, tenant_id, external_user_id, agent_scope, source_event_id, kind, message_count, claim_count, extractor, created_at)
       SELECT $13, $1, $2, $3, $14, 'add', $15, $16, $17, $11 WHERE EXISTS (SELECT 1 FROM profile_row)
       RETURNING 1
     ),
     claim_rows AS (
       INSERT INTO profile_claims (tenant_id, external_user_id, agent_scope, field, action, value, previous, source_event_id, ticket_id,
                                   message_index, source, agent_id, observed_at, created_at)
       SELECT $1, $2, $3, c.j->>'field', c.j->>'action', NULLIF(c.j->'value', 'null'::jsonb), NULLIF(c.j->'previous', 'null'::jsonb),
              c.j->>'source_event_id', c.j->>'ticket_id', (c.j->>'message_index')::int, c.j->>'source', $18, $11, $12
         FROM jsonb_array_elements($19::jsonb) WITH ORDINALITY AS c(j, n)
        WHERE EXISTS (SELECT 1 FROM event_row)
        ORDER BY c.n
     )
     SELECT count(*)::int AS written FROM event_row`,
    [
      key.tenantId,
      key.externalUserId,
      key.agentScope,
      w.expectedVersion === null ? randomUUID() : w.expectedVersion,
      JSON.stringify(w.profile),
      c.supportType,
      c.sentiment,
      c.openIssue,
      c.openIssueCount,
      c.escalationRisk,
      w.now.toISOString(),
      wallClock,
      w.event.id,
      w.event.sourceEventId,
      w.event.messageCount,
      w.claims.length,
      w.event.extractor,
      w.agentId ?? null,
      JSON.stringify(
        w.claims.map((cl) => ({
          field: cl.field,
          action: cl.action,
          value: cl.value,
          previous: cl.previous,
          source_event_id: cl.provenance.source_event_id,
          ticket_id: cl.provenance.ticket_id,
          message_index: cl.provenance.message_index,
          source: cl.provenance.source,
        })),
      ),
    ],
  );
  return Number(rows[0]?.written ?? 0) > 0;
}

export function isEscalationRisk(p: SupportProfile): boolean {
  return (
    p.sentiment_pattern === "high_escalation_risk" ||
    p.risk_signals.some((r) => r.status === "open" && (r.severity === "high" || r.severity === "critical"))
  );
}

// ---------------------------------------------------------------- customers

export type CustomerSummary = {
  external_user_id: string;
  agent_scope: string;
  support_type: Vertical;
  open_issue: string | null;
  open_issue_count: number;
  sentiment_pattern: string | null;
  escalation_risk: boolean;
  last_activity_at: string;
};

type Cursor = { at: string; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor(s: string): Cursor | null {
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as Cursor;
    return typeof c.at === "string" && typeof c.id === "string" && !Number.isNaN(Date.parse(c.at)) ? c : null;
  } catch {
    return null;
  }
}

export async function listCustomers(db: Database, tenantId: string, limit: number, cursor: Cursor | null) {
  const rows = await db.prisma.customerProfile.findMany({
    where: {
      tenantId,
      ...(cursor
        ? { OR: [{ lastActivityAt: { lt: new Date(cursor.at) } }, { lastActivityAt: new Date(cursor.at), id: { lt: cursor.id } }] }
        : {}),
    },
    orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      externalUserId: true,
      agentScope: true,
      supportType: true,
      openIssue: true,
      openIssueCount: true,
      sentiment: true,
      escalationRisk: true,
      lastActivityAt: true,
    },
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    customers: page.map(
      (r): CustomerSummary => ({
        external_user_id: r.externalUserId,
        agent_scope: r.agentScope,
        support_type: r.supportType as Vertical,
        open_issue: r.openIssue,
        open_issue_count: r.openIssueCount,
        sentiment_pattern: r.sentiment,
        escalation_risk: r.escalationRisk,
        last_activity_at: r.lastActivityAt.toISOString(),
      }),
    ),
    next_cursor: rows.length > limit && last ? encodeCursor({ at: last.lastActivityAt.toISOString(), id: last.id }) : null,
  };
}

export async function supportStats(db: Database, tenantId: string, days: number, now: Date) {
  const where = { tenantId };
  const [customers, openIssues, escalation, byVertical, bySentiment] = await Promise.all([
    db.prisma.customerProfile.count({ where }),
    db.prisma.customerProfile.aggregate({ where, _sum: { openIssueCount: true } }),
    db.prisma.customerProfile.count({ where: { tenantId, escalationRisk: true } }),
    db.prisma.customerProfile.groupBy({ by: ["supportType"], where, _count: { _all: true } }),
    db.prisma.customerProfile.groupBy({ by: ["sentiment"], where, _count: { _all: true } }),
  ]);
  const since = new Date(now.getTime() - days * 86_400_000);
  const series = await db.sql.query<{ day: string; kind: string; n: string | number }>(
    `SELECT to_char(date_trunc('day', created_at), 'YYYY-MM-DD') AS day, kind, count(*) AS n
       FROM memory_events WHERE tenant_id = $1 AND created_at >= $2
      GROUP BY 1, 2 ORDER BY 1`,
    [tenantId, since.toISOString()],
  );
  const perDay = (kind: string) => series.filter((r) => r.kind === kind).map((r) => ({ day: r.day, count: Number(r.n) }));
  return {
    customers,
    open_issues: openIssues._sum.openIssueCount ?? 0,
    escalation_risks: escalation,
    by_vertical: Object.fromEntries(byVertical.map((g) => [g.supportType, g._count._all])),
    by_sentiment: Object.fromEntries(bySentiment.map((g) => [g.sentiment ?? "unknown", g._count._all])),
    adds_by_day: perDay("add"),
    notes_by_day: perDay("note"),
    window_days: days,
  };
}

export async function customerDetail(db: Database, tenantId: string, externalUserId: string, agentScope: string) {
  const row = await db.prisma.customerProfile.findUnique({
    where: { tenantId_externalUserId_agentScope: { tenantId, externalUserId, agentScope } },
  });
  if (!row) return null;
  const claims = await db.prisma.profileClaim.findMany({
    where: { tenantId, externalUserId, agentScope },
    orderBy: { id: "asc" },
    take: 1000,
  });
  const { mood_history: _evidence, ...profile } = profileFromRow(row);
  return {
    external_user_id: externalUserId,
    agent_scope: agentScope,
    version: row.version,
    last_activity_at: row.lastActivityAt.toISOString(),
    profile,
    claims: claims.map((c) => ({
      id: c.id.toString(),
      field: c.field,
      action: c.action,
      value: c.value,
      previous: c.previous,
      provenance: {
        source_event_id: c.sourceEventId,
        ticket_id: c.ticketId,
        message_index: c.messageIndex,
        source: c.source,
        agent_id: c.agentId,
        observed_at: c.observedAt.toISOString(),
      },
    })),
  };
}

/** Forget a customer in every agent scope. Returns how many rows went, per kind. */
export async function forgetCustomer(db: Database, tenantId: string, externalUserId: string) {
  return db.prisma.$transaction(async (tx) => {
    const where = { tenantId, externalUserId };
    const profiles = await tx.customerProfile.deleteMany({ where });
    const claims = await tx.profileClaim.deleteMany({ where });
    const events = await tx.memoryEvent.deleteMany({ where });
    return { profiles: profiles.count, claims: claims.count, events: events.count };
  });
}
