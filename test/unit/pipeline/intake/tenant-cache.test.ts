import type { TenantRef } from "../../../../src/memory/store";
import { cacheTenants } from "../../../../src/pipeline/intake/tenant-cache";

const ref = (id: string, mode: "auto" | "single" = "auto"): TenantRef => ({
  id,
  agentScoping: "shared",
  settings: { domain_schema: "support", support_type_mode: mode, support_type: null, support_types_allowed: [] },
});

describe("cacheTenants", () => {
  it("shares one read per tenant within the TTL, reads again after it", async () => {
    let t = 0;
    const reads: string[] = [];
    let mode: "auto" | "single" = "auto";
    const lookup = cacheTenants(async (id) => (reads.push(id), ref(id, mode)), { ttlMs: 10_000, now: () => t });
    const [a, b] = await Promise.all([lookup("t1"), lookup("t1")]);
    expect(a).toBe(b);
    await lookup("t2");
    expect(reads).toEqual(["t1", "t2"]);
    mode = "single";
    t = 9_999;
    expect((await lookup("t1"))?.settings.support_type_mode).toBe("auto");
    t = 10_000;
    expect((await lookup("t1"))?.settings.support_type_mode).toBe("single");
    expect(reads).toEqual(["t1", "t2", "t1"]);
  });

  it("keeps neither an unknown tenant nor a failed read", async () => {
    let known = false;
    let fail = true;
    const lookup = cacheTenants(async (id) => {
      if (fail) {
        fail = false;
        throw new Error("database down");
      }
      return known ? ref(id) : null;
    });
    await expect(lookup("t1")).rejects.toThrow("database down");
    expect(await lookup("t1")).toBeNull();
    known = true;
    expect(await lookup("t1")).toEqual(ref("t1"));
  });
});
