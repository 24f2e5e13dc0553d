// `npm run bench -- ingest`: how fast the API acknowledges signed Zendesk webhooks (installation
// lookup, signature check on the raw bytes, inbox row in the database before the 2xx, enqueue)
// against a bare Express route answering 200, same machine, same run, same request bodies. First
// the burst (ingest-burst.ts; `--phase burst` runs only it): the API process alone (no worker)
// under a closed loop of 32 connections, rounds alternating with the bare route, its ack p50/p99
// and where its time went (bench/lib/service.ts, Stages); its own JSON line. Then maximum
// throughput at each of several connection counts, in rounds that alternate between the two servers
// (bare, app, app, bare, …) so that a slow spell of a shared machine falls on both alike. Each
// server's maximum is its best level: the bare route is CPU-bound at the first, while the app,
// whose every answer waits for a committed row, needs more requests in flight to be busy (all
// levels are reported). The ratio is of the maxima. The latency at a fixed rate gets a fresh server
// process and database per variant. The load generator runs in this process. The worker is off
// (ingest only), then on in-process as a second variant.
import type { Benchmark } from "./lib/benchmark";
import { BURST_GOAL, burst } from "./ingest-burst";
import { TimedFakeZendesk } from "./lib/fake-helpdesk";
import { cpuPct, inboxFigures, perRequest, pool, slice, startTarget, stopTarget, type PhaseFigures, type Slice, type Target } from "./lib/ingest-targets";
import { closedLoop, openLoop, type LoadResult } from "./lib/load";
import { emit, machine, progress, round, summarize } from "./lib/report";
import type { Postgres, RedisInfo } from "./lib/infra";
import type { Role } from "./lib/service-protocol";

const GOAL = { throughput_vs_bare_min: 0.6, p99_ms_at_rate_max: 25, rate: 500, ...BURST_GOAL };

type Settings = { phase: "all" | "burst"; burstSeconds: number; burstRounds: number; seconds: number; rounds: number; warmup: number; profileSeconds: number; connections: number[]; rate: number; concurrency: number; worker: "off" | "on" | "both" };
type Phase = "throughput" | "rate";

export const ingestBench: Benchmark = {
  name: "ingest",
  summary: "signed Zendesk webhook acks: burst p99 (32 connections), max throughput and latency at a fixed rate, real app vs a bare Express route",
  options: [
    { name: "phase", help: "all | burst: every phase, or only the burst (default all)" },
    { name: "burst-seconds", help: "length of the burst phase, per server (default 12)" },
    { name: "burst-rounds", help: "alternating app/bare rounds the burst phase is split into (default 12)" },
    { name: "seconds", help: "length of each measured phase, per server and connection count (default 10)" },
    { name: "rounds", help: "alternating bare/app rounds each throughput level is split into (default 6)" },
    { name: "warmup", help: "seconds of warm-up load before each phase (default 2)" },
    { name: "profile-seconds", help: "after the throughput phase, profile the app's CPU for this long; 0: off (default 3)" },
    { name: "connections", help: "keep-alive connection counts the throughput phase is measured at, comma-separated (default 32,128)" },
    { name: "rate", help: "requests/s for the latency phase (default 500)" },
    { name: "worker", help: "off | on | both: worker in the API process while measuring (default both)" },
    { name: "concurrency", help: "worker concurrency when the worker is on (default 8)" },
  ],
  async run({ options, postgres, redis }) {
    const s: Settings = {
      phase: options.string("phase", "all", ["all", "burst"] as const),
      burstSeconds: options.int("burst-seconds", 12, 1, 600),
      burstRounds: options.int("burst-rounds", 12, 1, 200),
      seconds: options.int("seconds", 10, 1, 600),
      rounds: options.int("rounds", 6, 1, 100),
      warmup: options.int("warmup", 2, 0, 60),
      profileSeconds: options.int("profile-seconds", 3, 0, 60),
      connections: options.ints("connections", [32, 128], 1, 1024),
      rate: options.int("rate", GOAL.rate, 1, 20_000),
      concurrency: options.int("concurrency", 8, 1, 64),
      worker: options.string("worker", "both", ["off", "on", "both"] as const),
    };
    if (!postgres || !redis) progress(`ingest: ${postgres ? "" : "no PostgreSQL: embedded database"}${!postgres && !redis ? ", " : ""}${redis ? "" : "no Redis: embedded queue"} (not the production shape)`);
    const fake = new TimedFakeZendesk();
    const fakeServer = await fake.listen();
    try {
      // the acknowledgement path alone (RUN_WORKER=false), which is what the burst goal is about
      const burstLine = await burst(s, postgres, redis, { ZENDESK_API_URL: fakeServer.url });
      emit(burstLine);
      if (s.phase === "burst") return;
      const bareRate = await atFixedRate("bare", s, postgres, redis, null);
      const roles: Role[] = s.worker === "both" ? ["api", "api+worker"] : s.worker === "on" ? ["api+worker"] : ["api"];
      for (const role of roles) {
        const env = { ZENDESK_API_URL: fakeServer.url, WORKER_CONCURRENCY: String(s.concurrency) };
        const withWorker = role === "api+worker" ? fake : null;
        const throughput = await maxThroughput(role, s, postgres, redis, withWorker, env);
        const rate = await atFixedRate(role, s, postgres, redis, withWorker, env);
        const ratio = throughput.app.requests_per_s / Math.max(1, throughput.bare.requests_per_s);
        const p99 = rate.figures.latency_ms.p99;
        const burstFigures = {
          connections: burstLine.connections,
          app_p99_ms: burstLine.app.latency_ms.p99,
          bare_p99_ms: burstLine.bare.latency_ms.p99,
          met: burstLine.met,
        };
        emit({
          bench: "ingest",
          worker_in_api_process: role === "api+worker",
          ...(role === "api+worker" ? { worker_concurrency: s.concurrency } : {}),
          throughput: { seconds: s.seconds, rounds: s.rounds, by_connections: throughput.levels, app: throughput.app, bare: throughput.bare },
          throughput_vs_bare: round(ratio, 3),
          // from the burst phase (its own line, above): the goal is the API process's alone
          burst: role === "api" ? burstFigures : null,
          fixed_rate: { rate: s.rate, seconds: s.seconds, app: rate.figures, bare: bareRate.figures },
          goal: { ...GOAL, rate: s.rate },
          // the goal is the acknowledgement path's; with the worker in the same process it is shown for comparison
          goal_applies: role === "api",
          met: ratio >= GOAL.throughput_vs_bare_min && p99 <= GOAL.p99_ms_at_rate_max && (role !== "api" || burstFigures.met) && rate.figures.failed === 0 && throughput.app.failed === 0,
          machine: machine(rate.database, rate.queue),
        });
      }
    } finally {
      await fakeServer.close();
    }
  },
};

type Level = {
  connections: number;
  app_requests_per_s: number;
  bare_requests_per_s: number;
  ratio: number;
  app_p99_ms: number;
  bare_p99_ms: number;
  /** The worst round's event-loop delay p99 of each server: how much of the tail is a blocked (or starved) loop. */
  app_loop_delay_p99_ms: number;
  bare_loop_delay_p99_ms: number;
  rounds: number[];
};

/**
 * Closed-loop maximum throughput of the app and of a bare route, each at its best connection
 * count. With the worker in the app's process the two are not alternated (the worker would go
 * on through its backlog while the bare route is measured): the bare route goes first, alone.
 */
async function maxThroughput(
  role: Role,
  s: Settings,
  postgres: Postgres | null,
  redis: RedisInfo | null,
  fake: TimedFakeZendesk | null,
  env: Record<string, string>,
): Promise<{ app: Figures; bare: Figures; levels: Level[] }> {
  const alternate = role === "api";
  const sliceSeconds = s.seconds / s.rounds;
  const run = (connections: number, seconds: number) => (t: Target) => closedLoop(t.child.port, t.next, { connections, seconds, maxRequests: Math.ceil(seconds * 100_000) });
  const slices = { bare: new Map<number, Slice[]>(), app: new Map<number, Slice[]>() };
  const take = async (t: Target, connections: number, into: Map<number, Slice[]>) => {
    const sl = await slice(t, run(connections, sliceSeconds));
    into.set(connections, [...(into.get(connections) ?? []), sl]);
  };
  let bare: Target | undefined;
  let app: Target | undefined;
  try {
    bare = await startTarget("bare", postgres, redis, null);
    if (s.warmup > 0) await slice(bare, run(s.connections[0]!, s.warmup));
    if (!alternate) {
      for (const connections of s.connections) {
        progress(`ingest: bare max throughput, ${connections} connections, ${s.rounds} rounds of ${round(sliceSeconds, 2)} s`);
        for (let i = 0; i < s.rounds; i++) await take(bare, connections, slices.bare);
      }
    }
    app = await startTarget(role, postgres, redis, fake, env);
    if (s.warmup > 0) await slice(app, run(s.connections[0]!, s.warmup));
    const perRequestAt = new Map<number, PhaseFigures["per_request"]>();
    for (const connections of s.connections) {
      progress(`ingest: ${role}${alternate ? " vs bare" : ""} max throughput, ${connections} connections, ${s.rounds} ${alternate ? "alternating " : ""}rounds of ${round(sliceSeconds, 2)} s`);
      const calls0 = await app.child.calls();
      for (let i = 0; i < s.rounds; i++) {
        if (alternate && i % 2 === 0) await take(bare, connections, slices.bare);
        await take(app, connections, slices.app);
        if (alternate && i % 2 === 1) await take(bare, connections, slices.bare);
      }
      const pooledApp = pool(slices.app.get(connections)!);
      if (pooledApp.load.completed > 0) perRequestAt.set(connections, await perRequest(app, pooledApp.serverMs, pooledApp.load.completed, calls0));
    }

    const levels: Level[] = [];
    const best: { app?: Figures; bare?: Figures } = {};
    for (const connections of s.connections) {
      const figures = (of: Slice[]): Figures => {
        const p = pool(of);
        return { ...describe(p.load, "throughput", { server: cpuPct(p), loadgen: p.loadgenPct, machine: p.machinePct }), connections };
      };
      const a = figures(slices.app.get(connections)!);
      a.per_request = perRequestAt.get(connections);
      const b = figures(slices.bare.get(connections)!);
      const rps = (sl: Slice) => sl.load.completed / sl.load.seconds;
      const appRounds = slices.app.get(connections)!;
      const bareRounds = slices.bare.get(connections)!;
      levels.push({
        connections,
        app_requests_per_s: a.requests_per_s,
        bare_requests_per_s: b.requests_per_s,
        ratio: round(a.requests_per_s / Math.max(1, b.requests_per_s), 3),
        app_p99_ms: a.latency_ms.p99,
        bare_p99_ms: b.latency_ms.p99,
        app_loop_delay_p99_ms: Math.max(...appRounds.map((sl) => sl.loop.p99)),
        bare_loop_delay_p99_ms: Math.max(...bareRounds.map((sl) => sl.loop.p99)),
        rounds: appRounds.map((sl, i) => round(rps(sl) / Math.max(1, rps(bareRounds[i]!)), 3)),
      });
      if (!best.app || a.requests_per_s > best.app.requests_per_s) best.app = a;
      if (!best.bare || b.requests_per_s > best.bare.requests_per_s) best.bare = b;
    }
    const appBest = best.app!;
    appBest.inbox = await inboxFigures(app);
    if (s.profileSeconds > 0) {
      const stop = await app.child.profile();
      await run(appBest.connections, s.profileSeconds)(app);
      appBest.server_profile = await stop();
    }
    return { app: appBest, bare: best.bare!, levels };
  } finally {
    await stopTarget(app);
    await stopTarget(bare);
  }
}

type Figures = PhaseFigures & { connections: number };

/** Open-loop latency at `s.rate` requests/s, on a fresh server process and database. */
async function atFixedRate(
  role: Role,
  s: Settings,
  postgres: Postgres | null,
  redis: RedisInfo | null,
  fake: TimedFakeZendesk | null,
  env: Record<string, string> = {},
): Promise<{ figures: PhaseFigures; database: string; queue: string }> {
  let t: Target | undefined;
  try {
    t = await startTarget(role, postgres, redis, fake, env);
    const run = (seconds: number) => (x: Target) => openLoop(x.child.port, x.next, { rate: s.rate, seconds, maxInFlight: 512 });
    progress(`ingest: ${role} ${s.rate} req/s, ${s.seconds} s`);
    if (s.warmup > 0) await slice(t, run(s.warmup));
    const calls0 = await t.child.calls();
    const sl = await slice(t, run(s.seconds));
    const figures = describe(sl.load, "rate", { server: cpuPct(sl), loadgen: sl.loadgenPct, machine: sl.machinePct });
    if (role !== "bare") {
      if (sl.load.completed > 0) figures.per_request = await perRequest(t, sl.serverMs, sl.load.completed, calls0);
      figures.inbox = await inboxFigures(t);
    }
    return { figures, database: t.deployment?.database ?? "none", queue: t.deployment?.queue ?? "none" };
  } finally {
    await stopTarget(t);
  }
}

function describe(r: LoadResult, phase: Phase, cpu: { server: number; loadgen: number; machine: number | null }): PhaseFigures {
  const figures: PhaseFigures = {
    requests_per_s: Math.round(r.completed / r.seconds),
    sent: r.sent,
    ok: r.ok,
    failed: r.failed,
    statuses: r.statuses,
    latency_ms: summarize(r.latencies),
    server_cpu_pct: cpu.server,
    loadgen_cpu_pct: cpu.loadgen,
    machine_cpu_pct: cpu.machine,
  };
  if (phase === "rate") {
    figures.schedule_lag_p99_ms = summarize(r.lag).p99;
    figures.shed = r.shed;
  }
  return figures;
}
