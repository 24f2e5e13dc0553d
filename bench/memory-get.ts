// memory, part (b): get() latency on PostgreSQL with many customers. A few hundred customers
// are built by really running add() on generated ticket threads; their profiles are then
// replicated under other external_user_ids with one INSERT … SELECT generate_series, so every
// row is a real profile. get() is timed against a bare indexed select of the same row, and
// split into its two halves (the Prisma read, the context build) to show where time goes.
import pg from "pg";
import { openDatabase, type Database } from "../src/db/client";
import { buildSupportContext } from "../src/memory/context";
import { createMemoryEngine, type AddRequest, type MemoryEngine } from "../src/memory/engine";
import { createDeterministicExtractor } from "../src/memory/extract/deterministic";
import { profileFromRow, type TenantRef } from "../src/memory/store";
import { createTenant, tenantRef } from "../src/tenants/service";
import { conversation, customerMessage } from "./lib/corpus";
import { startProfiling } from "./lib/cpu-profile";
import { dropDatabase, freshDatabase, type Postgres } from "./lib/infra";
import { emit, machine, nowMs, progress, round, summarize, type LatencySummary } from "./lib/report";
import { createRng, type Rng } from "./lib/rng";

const BARE_SQL = "SELECT profile FROM customer_profiles WHERE tenant_id=$1 AND external_user_id=$2 AND agent_scope=$3";
const GOAL = { get_p95_ms: 5, get_p95_over_bare_select_p95_max: 3 };
const BLOCK = 500;

export type GetBenchOptions = { customers: number; seeds: number; calls: number; adds: number; keepDb: boolean; dbName: string; database: string; queue: string };

export async function runGetBench(server: Postgres, opts: GetBenchOptions): Promise<void> {
  const url = await freshDatabase(server, opts.dbName);
  const db = await openDatabase({ databaseUrl: url, poolSize: 10 });
  const bare = new pg.Client({ connectionString: url });
  await bare.connect();
  try {
    const engine = createMemoryEngine({ db, extractor: createDeterministicExtractor() });
    const created = await createTenant(db, "Bench");
    const tenant = tenantRef(await db.prisma.tenant.findUniqueOrThrow({ where: { id: created.tenant.id } }));
    const rng = createRng(42);

    const seedAdds = await seedCustomers(engine, tenant, opts.seeds, rng);
    const loadSeconds = await replicate(bare, tenant.id, opts.customers);
    const shape = await profileShape(bare, tenant.id);
    const ids = (await bare.query<{ id: string }>("SELECT external_user_id AS id FROM customer_profiles WHERE tenant_id = $1", [tenant.id])).rows.map((r) => r.id);
    const queries = Array.from({ length: 200 }, (_, i) =>
      i % 4 === 0 ? rng.pick(["any update?", "how do I get my refund", "customer is asking about the open issue", "what plan are they on"]) : customerMessage(rng).text,
    );

    const timings = await timeReads(db, engine, bare, tenant, ids, queries, opts.calls, rng);
    progress("memory.get: profiling 2000 more get() calls");
    const stopProfile = await startProfiling();
    for (let i = 0; i < 2000; i++) await engine.get(tenant, { external_user_id: rng.pick(ids), query: rng.pick(queries), context_max_tokens: 600 });
    const getProfile = await stopProfile();
    const adds = await timeAdds(engine, tenant, ids, opts.adds, rng);

    const get = timings.get;
    const ratio = timings.bare.p95 > 0 ? get.p95 / timings.bare.p95 : Infinity;
    emit({
      bench: "memory.get",
      customers: ids.length,
      seed_customers: opts.seeds,
      seed_adds: seedAdds.n,
      load_seconds: round(loadSeconds, 2),
      profile: shape,
      calls: get.n,
      get_ms: get,
      bare_select_ms: timings.bare,
      get_p95_over_bare_select_p95: round(ratio, 2),
      breakdown_ms: { prisma_find_unique: timings.prisma, sql_runner_select: timings.pool, build_context: timings.build, json_parse_profile: timings.json },
      get_profile: getProfile,
      add_ms: adds,
      add_seed_ms: seedAdds,
      goal: GOAL,
      met: get.p95 <= GOAL.get_p95_ms && ratio <= GOAL.get_p95_over_bare_select_p95_max,
      machine: machine(opts.database, opts.queue),
    });
  } finally {
    await bare.end().catch(() => undefined);
    await db.close().catch(() => undefined);
    if (!opts.keepDb) await dropDatabase(server, opts.dbName).catch(() => undefined);
  }
}

function zendeskId(n: number): string {
  return `zd_acme_${380_000_000_000 + n}`;
}

/** Real profiles: each seed customer gets 1–3 ticket threads through add(), older ones solved. */
async function seedCustomers(engine: MemoryEngine, tenant: TenantRef, seeds: number, rng: Rng): Promise<LatencySummary> {
  progress(`memory.get: add() for ${seeds} seed customers`);
  const samples: number[] = [];
  let ticket = 5_000_000;
  for (let c = 0; c < seeds; c++) {
    const tickets = rng.int(1, 3);
    for (let t = 0; t < tickets; t++) {
      const conv = conversation(rng, rng.int(1, 5));
      const req: AddRequest = {
        external_user_id: zendeskId(c),
        agent_id: "zendesk",
        messages: conv.messages.map((m) => ({ role: m.role, content: m.text })),
        metadata: { source: "zendesk", ticket_id: String(ticket++), subject: conv.subject, ticket_status: t < tickets - 1 && rng.chance(0.7) ? "solved" : "open" },
      };
      const t0 = nowMs();
      await engine.add(tenant, req);
      samples.push(nowMs() - t0);
    }
  }
  return summarize(samples);
}

/** Copies the seed profiles under new ids until the tenant has `customers` rows. */
async function replicate(client: pg.Client, tenantId: string, customers: number): Promise<number> {
  const started = nowMs();
  await client.query(
    `CREATE TEMP TABLE seeds AS
       SELECT (row_number() OVER (ORDER BY external_user_id) - 1)::int AS k, * FROM customer_profiles WHERE tenant_id = $1`,
    [tenantId],
  );
  const seeds = Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM seeds")).rows[0]!.n);
  const batch = 25_000;
  for (let from = seeds; from < customers; from += batch) {
    const to = Math.min(customers - 1, from + batch - 1);
    await client.query(
      `INSERT INTO customer_profiles (id, tenant_id, external_user_id, agent_scope, profile, support_type, sentiment, open_issue,
                                      open_issue_count, escalation_risk, version, last_activity_at, created_at, updated_at)
       SELECT 'cp_' || md5(g::text), s.tenant_id, 'zd_acme_' || (380000000000 + g), s.agent_scope, s.profile, s.support_type, s.sentiment,
              s.open_issue, s.open_issue_count, s.escalation_risk, s.version, s.last_activity_at - make_interval(secs => g), s.created_at, now()
         FROM generate_series($1::int, $2::int) AS g JOIN seeds s ON s.k = g % $3`,
      [from, to, seeds],
    );
    progress(`memory.get: ${to + 1}/${customers} customers loaded`);
  }
  await client.query("DROP TABLE seeds");
  await client.query("VACUUM (ANALYZE) customer_profiles");
  return (nowMs() - started) / 1000;
}

async function profileShape(client: pg.Client, tenantId: string) {
  const r = (
    await client.query<{ bytes: string; json: string; history: string; verticals: string }>(
      `SELECT avg(pg_column_size(profile))::int AS bytes, avg(length(profile::text))::int AS json,
              avg(jsonb_array_length(coalesce(profile->'issue_history', '[]'::jsonb)))::numeric(6,2) AS history,
              count(DISTINCT support_type) AS verticals
         FROM customer_profiles WHERE tenant_id = $1`,
      [tenantId],
    )
  ).rows[0]!;
  return { stored_bytes_avg: Number(r.bytes), json_chars_avg: Number(r.json), issue_history_avg: Number(r.history), verticals: Number(r.verticals) };
}

type Timings = { get: LatencySummary; bare: LatencySummary; prisma: LatencySummary; pool: LatencySummary; build: LatencySummary; json: LatencySummary };

/**
 * Sequential calls (one at a time: latency, not throughput) for random customers, in blocks
 * that rotate between the measurements so a slow patch of the machine hits all of them.
 */
async function timeReads(db: Database, engine: MemoryEngine, bare: pg.Client, tenant: TenantRef, ids: string[], queries: string[], calls: number, rng: Rng): Promise<Timings> {
  const scope = "shared";
  const samples = { get: [] as number[], bare: [] as number[], prisma: [] as number[], pool: [] as number[], build: [] as number[], json: [] as number[] };
  const where = (id: string) => ({ tenantId_externalUserId_agentScope: { tenantId: tenant.id, externalUserId: id, agentScope: scope } });
  const rows = await Promise.all(Array.from({ length: 200 }, () => db.prisma.customerProfile.findUniqueOrThrow({ where: where(rng.pick(ids)) })));
  const texts = rows.map((r) => JSON.stringify(r.profile));

  const one = {
    get: async () => void (await engine.get(tenant, { external_user_id: rng.pick(ids), query: rng.pick(queries), context_max_tokens: 600 })),
    bare: async () => void (await bare.query(BARE_SQL, [tenant.id, rng.pick(ids), scope])),
    prisma: async () => void (await db.prisma.customerProfile.findUnique({ where: where(rng.pick(ids)) })),
    // the same select through the service's own raw SQL runner (its pg pool): what get() could use
    pool: async () => void (await db.sql.query(BARE_SQL, [tenant.id, rng.pick(ids), scope])),
    build: async () => void buildSupportContext(profileFromRow(rng.pick(rows)), { query: rng.pick(queries), contextMaxTokens: 600 }),
    // what parsing the jsonb column costs (pg does it once per row read)
    json: async () => void JSON.parse(rng.pick(texts)),
  };
  const kinds = Object.keys(one) as (keyof typeof one)[];
  progress(`memory.get: warm-up`);
  for (const k of kinds) for (let i = 0; i < BLOCK; i++) await one[k]();
  progress(`memory.get: timing ${calls} calls each of get, bare select, Prisma read, pool select, context build, JSON.parse`);
  for (let done = 0; done < calls; done += BLOCK) {
    for (const k of kinds) {
      for (let i = 0; i < Math.min(BLOCK, calls - done); i++) {
        const t0 = nowMs();
        await one[k]();
        samples[k].push(nowMs() - t0);
      }
    }
  }
  return {
    get: summarize(samples.get),
    bare: summarize(samples.bare),
    prisma: summarize(samples.prisma),
    pool: summarize(samples.pool),
    build: summarize(samples.build),
    json: summarize(samples.json),
  };
}

/** add() on the loaded table: half to existing customers (a new ticket), half to new ones. */
async function timeAdds(engine: MemoryEngine, tenant: TenantRef, ids: string[], count: number, rng: Rng): Promise<LatencySummary & { existing_customers: number }> {
  progress(`memory.get: timing ${count} add() calls`);
  const samples: number[] = [];
  let existing = 0;
  for (let i = 0; i < count; i++) {
    const known = i % 2 === 0;
    if (known) existing++;
    const conv = conversation(rng, rng.int(1, 5));
    const t0 = nowMs();
    await engine.add(tenant, {
      external_user_id: known ? rng.pick(ids) : `zd_acme_new_${i}`,
      agent_id: "zendesk",
      messages: conv.messages.map((m) => ({ role: m.role, content: m.text })),
      metadata: { source: "zendesk", ticket_id: String(9_000_000 + i), subject: conv.subject, ticket_status: "open" },
    });
    samples.push(nowMs() - t0);
  }
  return { ...summarize(samples), existing_customers: existing };
}
