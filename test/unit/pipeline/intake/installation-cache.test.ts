// The webhook handler's installation cache: what it serves from memory, for how long, and
// when it goes back to the store. The store here is an in-memory table that counts its reads;
// the clock is injected.
import type { InstallationRecord, InstallationStore } from "../../../../src/pipeline/deps";
import { createInstallationCache } from "../../../../src/pipeline/intake/installation-cache";

function record(id: string, status = "active", account = "acme", secret = "s1"): InstallationRecord {
  return {
    info: { id, tenantId: "tnt_1", provider: "zendesk", account, settings: {}, secrets: { signingSecret: secret } },
    status,
  };
}

function table(rows: InstallationRecord[] = []) {
  const byId = new Map(rows.map((r) => [r.info.id, r]));
  const reads: string[] = [];
  let failNext: Error | null = null;
  let gate: Promise<void> | null = null;
  const store: InstallationStore = {
    async byId(id) {
      reads.push(`id:${id}`);
      if (gate) await gate;
      if (failNext) {
        const e = failNext;
        failNext = null;
        throw e;
      }
      const r = byId.get(id);
      return r ? structuredClone(r) : null;
    },
    async byAccount(provider, account) {
      reads.push(`account:${provider}:${account}`);
      if (gate) await gate;
      const r = [...byId.values()].find((x) => x.info.provider === provider && x.info.account === account);
      return r ? structuredClone(r) : null;
    },
  };
  return {
    store,
    reads,
    put: (r: InstallationRecord) => void byId.set(r.info.id, r),
    remove: (id: string) => void byId.delete(id),
    failNext: (e: Error) => void (failNext = e),
    hold: () => {
      let release!: () => void;
      gate = new Promise<void>((r) => (release = r));
      return () => {
        gate = null;
        release();
      };
    },
  };
}

function clock(start = 1_000) {
  const c = { t: start, now: () => c.t };
  return c;
}

describe("createInstallationCache", () => {
  it("serves an installation from memory until its TTL is over, then reads it again", async () => {
    const t = table([record("inst_a")]);
    const c = clock();
    const cache = createInstallationCache(t.store, { ttlMs: 30_000, now: c.now });

    expect((await cache.byId("inst_a"))?.info.id).toBe("inst_a");
    c.t += 29_999;
    expect((await cache.byId("inst_a"))?.status).toBe("active");
    expect(t.reads).toEqual(["id:inst_a"]);

    // disabled elsewhere (CLI, another process): seen once the TTL is over, not before
    t.put(record("inst_a", "disabled"));
    expect((await cache.byId("inst_a"))?.status).toBe("active");
    c.t += 1;
    expect((await cache.byId("inst_a"))?.status).toBe("disabled");
    expect(t.reads).toEqual(["id:inst_a", "id:inst_a"]);
  });

  it("remembers an unknown id for the shorter negative TTL", async () => {
    const t = table();
    const c = clock();
    const cache = createInstallationCache(t.store, { negativeTtlMs: 5_000, now: c.now });

    for (let i = 0; i < 100; i++) expect(await cache.byId("inst_nope")).toBeNull();
    expect(t.reads).toEqual(["id:inst_nope"]);
    t.put(record("inst_nope"));
    c.t += 4_999;
    expect(await cache.byId("inst_nope")).toBeNull();
    c.t += 1;
    expect((await cache.byId("inst_nope"))?.info.id).toBe("inst_nope");
    expect(cache.size()).toEqual({ found: 1, unknown: 0 });
  });

  it("keys by id and by (provider, account) apart", async () => {
    const t = table([record("inst_a", "active", "acme")]);
    const cache = createInstallationCache(t.store, { now: clock().now });

    expect((await cache.byAccount("zendesk", "acme"))?.info.id).toBe("inst_a");
    expect((await cache.byAccount("zendesk", "acme"))?.info.id).toBe("inst_a");
    expect(await cache.byAccount("intercom", "acme")).toBeNull();
    expect((await cache.byId("inst_a"))?.info.id).toBe("inst_a");
    expect(t.reads).toEqual(["account:zendesk:acme", "account:intercom:acme", "id:inst_a"]);
  });

  it("re-reads an entry older than maxAgeMs (a refusal out of a cached copy), at most that often", async () => {
    const t = table([record("inst_a", "active", "acme", "old-secret")]);
    const c = clock();
    const cache = createInstallationCache(t.store, { now: c.now });

    await cache.byId("inst_a");
    t.put(record("inst_a", "active", "acme", "new-secret"));
    // younger than maxAgeMs: no read, still the old secret (a flood of bad signatures costs nothing)
    c.t += 500;
    expect((await cache.byId("inst_a", { maxAgeMs: 1_000 }))?.info.secrets.signingSecret).toBe("old-secret");
    c.t += 501;
    expect((await cache.byId("inst_a", { maxAgeMs: 1_000 }))?.info.secrets.signingSecret).toBe("new-secret");
    expect((await cache.byId("inst_a", { maxAgeMs: 1_000 }))?.info.secrets.signingSecret).toBe("new-secret");
    expect(t.reads).toEqual(["id:inst_a", "id:inst_a"]);
  });

  it("shares one read among concurrent misses of the same key", async () => {
    const t = table([record("inst_a")]);
    const cache = createInstallationCache(t.store, { now: clock().now });
    const release = t.hold();
    const lookups = Array.from({ length: 32 }, () => cache.byId("inst_a"));
    release();
    const got = await Promise.all(lookups);
    expect(new Set(got.map((r) => r?.info.id))).toEqual(new Set(["inst_a"]));
    expect(t.reads).toEqual(["id:inst_a"]);
  });

  it("does not remember a failed read", async () => {
    const t = table([record("inst_a")]);
    const cache = createInstallationCache(t.store, { now: clock().now });
    t.failNext(new Error("connection terminated"));
    await expect(cache.byId("inst_a")).rejects.toThrow("connection terminated");
    expect((await cache.byId("inst_a"))?.info.id).toBe("inst_a");
    expect(t.reads).toEqual(["id:inst_a", "id:inst_a"]);
  });

  it("invalidate() forgets an installation under its id and its account keys, even mid-read", async () => {
    const t = table([record("inst_a", "active", "acme")]);
    const cache = createInstallationCache(t.store, { now: clock().now });
    await cache.byId("inst_a");
    await cache.byAccount("zendesk", "acme");

    t.put(record("inst_a", "disabled", "acme"));
    cache.invalidate("inst_a");
    expect((await cache.byId("inst_a"))?.status).toBe("disabled");
    expect((await cache.byAccount("zendesk", "acme"))?.status).toBe("disabled");

    // a read that started before the invalidation is answered but not kept
    t.put(record("inst_a", "active", "acme"));
    cache.invalidate("inst_a");
    const release = t.hold();
    const inFlight = cache.byId("inst_a");
    cache.invalidate("inst_a");
    release();
    expect((await inFlight)?.status).toBe("active");
    t.remove("inst_a");
    expect(await cache.byId("inst_a")).toBeNull();
  });

  it("keeps at most maxEntries installations, the oldest going first", async () => {
    const t = table(Array.from({ length: 5 }, (_, i) => record(`inst_${i}`)));
    const cache = createInstallationCache(t.store, { maxEntries: 3, now: clock().now });
    for (let i = 0; i < 5; i++) await cache.byId(`inst_${i}`);
    expect(cache.size()).toEqual({ found: 3, unknown: 0 });
    t.reads.length = 0;
    await cache.byId("inst_4");
    await cache.byId("inst_2");
    expect(t.reads).toEqual([]);
    await cache.byId("inst_0");
    expect(t.reads).toEqual(["id:inst_0"]);
  });

  it("a flood of made-up ids does not evict the installations that are real", async () => {
    const t = table([record("inst_real")]);
    const cache = createInstallationCache(t.store, { maxEntries: 10, maxNegativeEntries: 10, now: clock().now });
    await cache.byId("inst_real");
    for (let i = 0; i < 1_000; i++) await cache.byId(`inst_fake_${i}`);
    expect(cache.size()).toEqual({ found: 1, unknown: 10 });
    t.reads.length = 0;
    expect((await cache.byId("inst_real"))?.info.id).toBe("inst_real");
    expect(t.reads).toEqual([]);
  });
});
