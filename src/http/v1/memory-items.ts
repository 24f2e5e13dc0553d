// Facts of a profile as the wire's memory items (retrieve's `data`) and records (the list).
import type { WireMemoryItem, WireMemoryRecord } from "../../client/wire";
import { latestClaims, provenanceOf } from "../../memory/fact-store";
import { encodeMemoryId, listFacts, type MemoryFact } from "../../memory/memory-facts";
import type { SupportProfile } from "../../memory/types";
import type { Database } from "../../db/client";

const STOP = new Set(["the", "and", "for", "are", "was", "with", "that", "this", "their", "they", "them", "have", "has", "about", "what", "when", "any", "customer", "asking", "update", "issue"]);

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((w) => !STOP.has(w)));
}

/** Share of the query's words the fact mentions (0 when the query has none worth matching). */
export function relevance(query: string, content: string): number {
  const q = words(query);
  if (q.size === 0) return 0;
  const c = words(content);
  let hit = 0;
  for (const w of q) if (c.has(w) || [...c].some((x) => x.startsWith(w) || w.startsWith(x))) hit++;
  return Math.round((hit / q.size) * 1000) / 1000;
}

export type FactFilter = { categories?: string[] | null; sinceMs?: number | null };

/** Facts that pass the filters; a fact with no date is current state and always passes the time filter. */
export function filterFacts(facts: MemoryFact[], f: FactFilter): MemoryFact[] {
  return facts.filter((x) => {
    if (f.categories && f.categories.length > 0 && !f.categories.includes(x.category)) return false;
    if (f.sinceMs != null) {
      const at = Date.parse(x.updated_at ?? x.created_at ?? "");
      if (!Number.isNaN(at) && at < f.sinceMs) return false;
    }
    return true;
  });
}

export async function retrieveItems(
  db: Database,
  key: { tenantId: string; externalUserId: string; agentScope: string },
  profile: SupportProfile,
  query: string,
  limit: number,
  filter: FactFilter,
): Promise<WireMemoryItem[]> {
  const scored = filterFacts(listFacts(profile), filter).map((f) => ({ f, rel: relevance(query, f.content) }));
  // Pinned facts first (they are what the context never drops), then importance nudged by the query.
  scored.sort((a, b) => Number(b.f.pinned) - Number(a.f.pinned) || b.f.importance + 0.3 * b.rel - (a.f.importance + 0.3 * a.rel));
  const chosen = scored.slice(0, limit);
  if (chosen.length === 0) return [];
  const claims = await latestClaims(db, key.tenantId, key.externalUserId, key.agentScope);
  return chosen.map(({ f, rel }) => {
    const prov = provenanceOf(f, claims);
    return {
      id: encodeMemoryId(key.externalUserId, key.agentScope, f.locator),
      content: f.content,
      category: f.category,
      importance_score: f.importance,
      relevance_score: rel,
      last_accessed: null,
      context_snippet: f.content,
      source_event_id: prov?.source_event_id ?? null,
      provenance: prov,
      field: f.field,
      pinned: f.pinned,
    };
  });
}

export async function listRecords(
  db: Database,
  key: { tenantId: string; externalUserId: string; agentScope: string },
  profile: SupportProfile,
): Promise<WireMemoryRecord[]> {
  const facts = listFacts(profile);
  const claims = facts.length > 0 ? await latestClaims(db, key.tenantId, key.externalUserId, key.agentScope) : [];
  return facts.map((f) => {
    const prov = provenanceOf(f, claims);
    return {
      id: encodeMemoryId(key.externalUserId, key.agentScope, f.locator),
      content: f.content,
      category: f.category,
      importance_score: f.importance,
      confidence_score: 1,
      created_at: f.created_at ?? null,
      updated_at: f.updated_at ?? prov?.observed_at ?? null,
      last_accessed_at: null,
      access_count: 0,
      is_archived: false,
      agent_id: prov?.agent_id ?? null,
      previous_version_id: null,
      source_conversation_id: prov?.ticket_id ?? f.ticket_id ?? null,
      source_event_id: prov?.source_event_id ?? null,
      provenance: prov,
      metadata: { pinned: f.pinned },
      field: f.field,
    };
  });
}

/** The facts' ids after an add that are new or changed against the profile before it. */
export function changedFactIds(externalUserId: string, agentScope: string, before: SupportProfile | null, after: SupportProfile | null): string[] {
  if (!after) return [];
  const old = new Map((before ? listFacts(before) : []).map((f) => [f.locator, f.content]));
  return listFacts(after)
    .filter((f) => old.get(f.locator) !== f.content)
    .map((f) => encodeMemoryId(externalUserId, agentScope, f.locator));
}
