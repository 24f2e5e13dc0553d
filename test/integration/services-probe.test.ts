// The service probe the test run starts with (test/helpers/services.ts): what it reports for a
// port where nothing listens, and when REQUIRE_SERVICES=1 turns a missing service into an error.
import { freePort } from "../helpers/processes";
import { missingRequired, probeServices, type ServiceStates } from "../helpers/services";

const answering: ServiceStates = { postgres: { ok: true, url: "postgresql://x" }, redis: { ok: true, url: "redis://x" }, "redis-server": { ok: true } };

describe("probeServices", () => {
  it("says which service does not answer, where, and why", async () => {
    const port = await freePort();
    const states = await probeServices({ DATABASE_URL: `postgresql://postgres:pw@127.0.0.1:${port}/x`, REDIS_URL: `redis://127.0.0.1:${port}` });
    expect(states.postgres).toEqual({ ok: false, reason: `PostgreSQL does not answer at postgresql://postgres:***@127.0.0.1:${port}/x (ECONNREFUSED)` });
    expect(states.redis).toEqual({ ok: false, reason: `Redis does not answer at redis://127.0.0.1:${port} (ECONNREFUSED)` });
  });

  it("treats an unset DATABASE_URL as the embedded store, not as a server that is down", async () => {
    const states = await probeServices({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    expect(states.postgres).toEqual({ ok: false, reason: "DATABASE_URL is not set (this run uses the embedded store)" });
  });
});

describe("missingRequired", () => {
  const redisDown: ServiceStates = { ...answering, redis: { ok: false, reason: "Redis does not answer" } };
  const noDatabaseUrl: ServiceStates = { ...answering, postgres: { ok: false, reason: "DATABASE_URL is not set" } };
  const cases: Array<[string, ServiceStates, NodeJS.ProcessEnv, string[]]> = [
    ["a missing service is no error without REQUIRE_SERVICES", redisDown, {}, []],
    ["a missing Redis is an error with REQUIRE_SERVICES=1", redisDown, { REQUIRE_SERVICES: "1" }, ["Redis does not answer"]],
    ["the embedded pass (no DATABASE_URL) is no error", noDatabaseUrl, { REQUIRE_SERVICES: "1" }, []],
    ["a DATABASE_URL that does not answer is", noDatabaseUrl, { REQUIRE_SERVICES: "1", DATABASE_URL: "postgresql://x" }, ["DATABASE_URL is not set"]],
    ["everything answering", answering, { REQUIRE_SERVICES: "1", DATABASE_URL: "postgresql://x" }, []],
  ];
  it.each(cases)("%s", (_name, states, env, expected) => {
    expect(missingRequired(states, env)).toEqual(expected);
  });
});
