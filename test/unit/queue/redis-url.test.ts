import { parseRedisUrl } from "../../../src/queue/redis-url";

describe("parseRedisUrl", () => {
  it.each([
    ["redis://127.0.0.1:6379", { host: "127.0.0.1", port: 6379 }],
    ["redis://cache", { host: "cache", port: 6379 }],
    ["redis://cache:6380/2", { host: "cache", port: 6380, db: 2 }],
    ["redis://:s%40cret@cache:6379/0", { host: "cache", port: 6379, password: "s@cret", db: 0 }],
    ["redis://worker:pw@cache", { host: "cache", port: 6379, username: "worker", password: "pw" }],
    ["rediss://cache:6380", { host: "cache", port: 6380, tls: {} }],
    ["redis://[::1]:6379", { host: "::1", port: 6379 }],
  ])("%s", (url, options) => {
    expect(parseRedisUrl(url)).toEqual({ ok: true, options });
  });

  it.each([
    ["not a url", /not a URL/],
    ["http://cache:6379", /redis:\/\/ or rediss:\/\//],
    ["redis://cache:6379/queue", /database must be a number/],
  ])("rejects %s", (url, message) => {
    const parsed = parseRedisUrl(url);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it("never echoes the password in an error", () => {
    const parsed = parseRedisUrl("redis://:hunter2@cache:6379/abc");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).not.toContain("hunter2");
  });
});
