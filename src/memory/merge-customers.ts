// Two external_user_ids turned out to be one customer (a helpdesk user merge, an external_id
// set later): fold the old profile into the surviving one, move claims and events over, and
// record the merge as a claim. The identity side (aliases) is src/identity's job.
import type { Database } from "../db/client";
import { sentimentPattern } from "./merge";
import { profileColumns, profileFromRow } from "./store";
import type { OpenIssue, SupportProfile } from "./types";

/** Pure: `into` wins where both know a value; lists are combined without duplicates. */
export function mergeProfiles(into: SupportProfile, from: SupportProfile): SupportProfile {
  const out = structuredClone(into);
  if (out.support_type === "general_info") out.support_type = from.support_type;
  out.customer_identity = { ...from.customer_identity, ...into.customer_identity };
  out.communication_preference = { ...from.communication_preference, ...into.communication_preference };
  out.language_profile = {
    primary: into.language_profile.primary ?? from.language_profile.primary,
    seen: [...new Set([...into.language_profile.seen, ...from.language_profile.seen])],
  };

  const open: OpenIssue[] = [];
  for (const issue of [into.current_open_issue, ...into.other_open_issues, from.current_open_issue, ...from.other_open_issues]) {
    if (!issue) continue;
    const same = open.find((o) => (o.ticket_id && o.ticket_id === issue.ticket_id) || (o.issue_type === issue.issue_type && o.support_type === issue.support_type));
    if (same) {
      same.refs = [...new Set([...same.refs, ...issue.refs])];
      same.mentions += issue.mentions;
      if (issue.last_update > same.last_update) same.last_update = issue.last_update;
    } else open.push(structuredClone(issue));
  }
  open.sort((a, b) => b.last_update.localeCompare(a.last_update));
  out.current_open_issue = open[0] ?? null;
  out.other_open_issues = open.slice(1);

  out.issue_history = [...into.issue_history, ...from.issue_history]
    .sort((a, b) => b.resolved_at.localeCompare(a.resolved_at))
    .slice(0, 50);
  const prefs = [into.resolution_preference, from.resolution_preference].filter((p) => p !== null);
  out.resolution_preference = prefs.sort((a, b) => b.since.localeCompare(a.since))[0] ?? null;
  out.risk_signals = [...into.risk_signals, ...from.risk_signals].slice(0, 25);
  for (const [vertical, facts] of Object.entries(from.support_context)) {
    const target = (out.support_context[vertical as keyof SupportProfile["support_context"]] ??= {});
    for (const [key, value] of Object.entries(facts ?? {})) {
      const mine = target[key];
      if (Array.isArray(value) && (Array.isArray(mine) || mine === undefined)) target[key] = [...new Set([...(mine ?? []), ...value])];
      else if (mine === undefined) target[key] = value;
    }
  }
  out.mood_history = [...into.mood_history, ...from.mood_history].sort((a, b) => b.at.localeCompare(a.at)).slice(0, 50);
  out.sentiment_pattern = sentimentPattern(out);
  return out;
}

/** Moves everything of `fromId` to `intoId` in every agent scope. Returns how many profiles were folded. */
export async function mergeCustomerRecords(db: Database, tenantId: string, fromId: string, intoId: string, now: Date): Promise<number> {
  if (fromId === intoId) return 0;
  return db.prisma.$transaction(async (tx) => {
    const fromRows = await tx.customerProfile.findMany({ where: { tenantId, externalUserId: fromId } });
    let folded = 0;
    for (const row of fromRows) {
      const target = await tx.customerProfile.findUnique({
        where: { tenantId_externalUserId_agentScope: { tenantId, externalUserId: intoId, agentScope: row.agentScope } },
      });
      if (target) {
        const merged = mergeProfiles(profileFromRow(target), profileFromRow(row));
        await tx.customerProfile.update({ where: { id: target.id }, data: { ...profileColumns(merged, now), version: { increment: 1 } } });
        await tx.customerProfile.delete({ where: { id: row.id } });
      } else {
        await tx.customerProfile.update({ where: { id: row.id }, data: { externalUserId: intoId } });
      }
      await tx.profileClaim.create({
        data: {
          tenantId,
          externalUserId: intoId,
          agentScope: row.agentScope,
          field: "external_user_id",
          action: "update",
          value: { merged_from: fromId },
          observedAt: now,
        },
      });
      folded += 1;
    }
    await tx.profileClaim.updateMany({ where: { tenantId, externalUserId: fromId }, data: { externalUserId: intoId } });
    await tx.memoryEvent.updateMany({ where: { tenantId, externalUserId: fromId }, data: { externalUserId: intoId } });
    return folded;
  });
}
