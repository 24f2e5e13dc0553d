// Tenant settings for the worker, kept a few seconds: a job reads its tenant once, and the jobs
// of one tenant within TENANT_TTL_MS share that read. It does not yet hear of changes: a PATCH
// (made in the API process) reaches the worker's notes and adds within TENANT_TTL_MS.
import type { TenantRef } from "../../memory/store";

export const TENANT_TTL_MS = 10_000;
const MAX_TENANTS = 1_000;

export type TenantLookup = (tenantId: string) => Promise<TenantRef | null>;

/**
 * Wraps `lookup` with a small cache: concurrent lookups of one tenant share a read; a tenant
 * that was not found is not kept (a new one is seen at once); a failed read is not kept.
 */
export function cacheTenants(lookup: TenantLookup, opts: { ttlMs?: number; now?: () => number } = {}): TenantLookup {
  const ttlMs = opts.ttlMs ?? TENANT_TTL_MS;
  const now = opts.now ?? (() => performance.now());
  const cache = new Map<string, { at: number; ref: Promise<TenantRef | null> }>();
  return (tenantId) => {
    const hit = cache.get(tenantId);
    if (hit && now() - hit.at < ttlMs) return hit.ref;
    if (!hit && cache.size >= MAX_TENANTS) cache.delete(cache.keys().next().value!);
    const ref = lookup(tenantId);
    const entry = { at: now(), ref };
    cache.set(tenantId, entry);
    const forget = () => void (cache.get(tenantId) === entry && cache.delete(tenantId));
    ref.then((r) => r === null && forget(), forget);
    return ref;
  };
}
