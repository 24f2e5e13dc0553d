// Keeps installations (secrets already decrypted) in memory for the webhook handler and the
// worker, so a delivery costs no database read and no AES decrypt. It hears of no change made
// elsewhere (the CLI, another process): an installation disabled, changed or deleted is still
// served from memory for at most `ttlMs` (30 s), an unknown one is answered "unknown" for at
// most `negativeTtlMs` (5 s). Callers that get a refusal out of a cached copy ask again with
// `maxAgeMs` (see receive.ts), so activating an installation or rotating its signing secret
// takes effect at the next delivery rather than after the TTL.
import type { Provider } from "../../../connectors/types";
import type { InstallationRecord, InstallationStore } from "../deps";

export type InstallationCacheOptions = {
  /** How long a found installation is served from memory; default 30 s. */
  ttlMs?: number;
  /** How long "no such installation" is remembered (unknown ids are a cheap attack); default 5 s. */
  negativeTtlMs?: number;
  /** Most installations kept; the oldest entry goes first. Default 10,000. */
  maxEntries?: number;
  /** Most "unknown" answers kept, apart, so a flood of made-up ids cannot evict real ones. Default 10,000. */
  maxNegativeEntries?: number;
  /** Milliseconds on a clock that only goes forward. */
  now?: () => number;
};

export type LookupOptions = {
  /** Re-read the store when the cached answer is older than this (coalesced with lookups in flight). */
  maxAgeMs?: number;
};

export type CachedInstallationStore = {
  byId(id: string, opts?: LookupOptions): Promise<InstallationRecord | null>;
  byAccount(provider: Provider, account: string, opts?: LookupOptions): Promise<InstallationRecord | null>;
  /** Forgets an installation at once (under its id and every account key that resolved to it). */
  invalidate(installationId: string): void;
  clear(): void;
  size(): { found: number; unknown: number };
};

type Entry = { at: number; record: InstallationRecord | null };

export function createInstallationCache(store: InstallationStore, opts: InstallationCacheOptions = {}): CachedInstallationStore {
  const ttlMs = opts.ttlMs ?? 30_000;
  const negativeTtlMs = opts.negativeTtlMs ?? 5_000;
  const maxEntries = Math.max(1, opts.maxEntries ?? 10_000);
  const maxNegative = Math.max(1, opts.maxNegativeEntries ?? 10_000);
  const now = opts.now ?? (() => performance.now());
  const found = new Map<string, Entry>();
  const unknown = new Map<string, Entry>();
  const loading = new Map<string, Promise<InstallationRecord | null>>();
  // bumped by invalidate/clear: a lookup that started before must not store what it read
  let generation = 0;

  function put(map: Map<string, Entry>, max: number, key: string, entry: Entry): void {
    map.delete(key); // re-inserted at the end: Map order is the eviction order
    if (map.size >= max) map.delete(map.keys().next().value!);
    map.set(key, entry);
  }

  function get(key: string, load: () => Promise<InstallationRecord | null>, o?: LookupOptions): Promise<InstallationRecord | null> | InstallationRecord | null {
    const t = now();
    const hit = found.get(key) ?? unknown.get(key);
    if (hit) {
      const age = t - hit.at;
      const fresh = age < (hit.record ? ttlMs : negativeTtlMs) && (o?.maxAgeMs === undefined || age <= o.maxAgeMs);
      if (fresh) return hit.record;
    }
    const inFlight = loading.get(key);
    if (inFlight) return inFlight;
    const gen = generation;
    const p = load().then(
      (record) => {
        loading.delete(key);
        if (gen === generation) {
          if (record) {
            unknown.delete(key);
            put(found, maxEntries, key, { at: t, record });
          } else {
            found.delete(key);
            put(unknown, maxNegative, key, { at: t, record: null });
          }
        }
        return record;
      },
      (err: unknown) => {
        // a failed read is not remembered: the next delivery asks again
        loading.delete(key);
        throw err;
      },
    );
    loading.set(key, p);
    return p;
  }

  return {
    async byId(id, o) {
      return get(`id\u0000${id}`, () => store.byId(id), o);
    },
    async byAccount(provider, account, o) {
      return get(`account\u0000${provider}\u0000${account}`, () => store.byAccount(provider, account), o);
    },
    invalidate(installationId) {
      generation++;
      found.delete(`id\u0000${installationId}`);
      unknown.delete(`id\u0000${installationId}`);
      for (const [key, entry] of found) if (entry.record?.info.id === installationId) found.delete(key);
      // an account that was unknown may be this installation's now
      for (const key of unknown.keys()) if (key.startsWith("account\u0000")) unknown.delete(key);
    },
    clear() {
      generation++;
      found.clear();
      unknown.clear();
    },
    size() {
      return { found: found.size, unknown: unknown.size };
    },
  };
}
