// Reads and writes of single facts for the memory API: the provenance behind each fact (the
// latest claim on its field) and deleting one fact. Deleting records a `remove` claim, so the
// profile's history still explains it; a hard delete also erases the claims that held it.
import type { Database } from "../db/client";
import { decodeMemoryId, removeFact, type MemoryFact } from "./memory-facts";
import { profileColumns, profileFromRow } from "./store";

export type FactProvenance = {
  source_event_id: string | null;
  ticket_id: string | null;
  source: string | null;
  agent_id: string | null;
  observed_at: string | null;
};

type ClaimRow = { field: string; source_event_id: string | null; ticket_id: string | null; source: string | null; agent_id: string | null; observed_at: Date | string };

/** The latest claims of one customer's profile, newest first (bounded: provenance, not audit). */
export async function latestClaims(db: Database, tenantId: string, externalUserId: string, agentScope: string): Promise<ClaimRow[]> {
  return db.sql.query<ClaimRow>(
    `SELECT field, source_event_id, ticket_id, source, agent_id, observed_at
       FROM profile_claims
      WHERE tenant_id = $1 AND external_user_id = $2 AND agent_scope = $3 AND action <> 'remove'
      ORDER BY id DESC LIMIT 500`,
    [tenantId, externalUserId, agentScope],
  );
}

/** The claim that last wrote a fact: same field, and the same ticket when the fact has one. */
export function provenanceOf(f: MemoryFact, claims: ClaimRow[]): FactProvenance | null {
  const onField = claims.filter((c) => c.field === f.field || (f.field === "current_open_issue" && c.field === "issue_history"));
  const c = (f.ticket_id ? onField.find((x) => x.ticket_id === f.ticket_id) : undefined) ?? onField[0];
  if (!c) return f.ticket_id ? { source_event_id: null, ticket_id: f.ticket_id, source: null, agent_id: null, observed_at: f.updated_at ?? null } : null;
  return {
    source_event_id: c.source_event_id,
    ticket_id: c.ticket_id ?? f.ticket_id ?? null,
    source: c.source,
    agent_id: c.agent_id,
    observed_at: new Date(c.observed_at).toISOString(),
  };
}

// A delete that keeps losing to concurrent adds is given up on; the caller may retry.
const MAX_ATTEMPTS = 10;

/**
 * Removes the fact a memory id names, in the caller's tenant. false: no such fact (an id that
 * does not decode, another customer's scope, or a fact already gone).
 */
export async function deleteFact(db: Database, tenantId: string, memoryId: string, hard: boolean, now: Date): Promise<boolean> {
  const id = decodeMemoryId(memoryId);
  if (!id) return false;
  const key = { tenantId, externalUserId: id.externalUserId, agentScope: id.agentScope };
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const row = await db.prisma.customerProfile.findUnique({ where: { tenantId_externalUserId_agentScope: key } });
    if (!row) return false;
    const result = removeFact(profileFromRow(row), id.locator);
    if (!result) return false;
    const field = claimFieldOf(id.locator);
    const written = await db.prisma.$transaction(async (tx) => {
      const updated = await tx.customerProfile.updateMany({
        where: { ...key, version: row.version },
        // a delete is not customer activity: the listing order stays as it was
        data: { ...profileColumns(result.profile, now), lastActivityAt: row.lastActivityAt, version: { increment: 1 } },
      });
      if (updated.count === 0) return false;
      if (hard) await eraseClaims(tx as unknown as Database["prisma"], key, field, result.removed);
      await tx.profileClaim.create({
        data: {
          ...key,
          field,
          action: "remove",
          // a hard delete leaves only the fact that something was erased, not what
          value: hard ? undefined : (JSON.parse(JSON.stringify({ locator: id.locator })) as object),
          previous: hard ? undefined : (JSON.parse(JSON.stringify(result.removed ?? null)) as object),
          source: "api",
          sourceEventId: `delete:${memoryId.slice(0, 200)}`,
          observedAt: now,
        },
      });
      return true;
    });
    if (written) return true;
  }
  throw new Error("the profile kept changing during delete; try again");
}

/** The claim field a locator's fact was written under (see merge.ts). */
function claimFieldOf(locator: string): string {
  if (locator.startsWith("open_issue:")) return "current_open_issue";
  if (locator.startsWith("resolved_issue:")) return "issue_history";
  if (locator.startsWith("risk:")) return `risk_signals.${locator.slice(5).split("|")[0]}`;
  return locator;
}

/**
 * Claims whose value or previous value held the removed fact. Issues and risks are matched by
 * the time they were opened (their identity); any other field by name, all of its claims.
 */
async function eraseClaims(tx: Database["prisma"], key: { tenantId: string; externalUserId: string; agentScope: string }, field: string, removed: unknown) {
  const since = removed && typeof removed === "object" ? (removed as { since?: unknown }).since : undefined;
  if (typeof since === "string" && (field === "current_open_issue" || field === "issue_history" || field.startsWith("risk_signals."))) {
    const [a, b] = field.startsWith("risk_signals.") ? [field, field] : ["current_open_issue", "issue_history"];
    await tx.$executeRawUnsafe(
      `DELETE FROM profile_claims
        WHERE tenant_id = $1 AND external_user_id = $2 AND agent_scope = $3 AND field IN ($4, $5)
          AND (value->>'since' = $6 OR previous->>'since' = $6)`,
      key.tenantId,
      key.externalUserId,
      key.agentScope,
      a,
      b,
      since,
    );
    return;
  }
  await tx.profileClaim.deleteMany({ where: { ...key, field } });
}
