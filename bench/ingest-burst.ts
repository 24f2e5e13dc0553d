// The burst phase of `bench -- ingest` (`--phase burst` runs only it): a helpdesk sends in
// bursts, and Intercom deprioritises endpoints slower than 500 ms. The API process alone (no
// worker) under a closed loop of 32 connections, its ack p99 against a bare Express route in
// alternating rounds of the same run, and where its time went.
import { closedLoop } from "./lib/load";
import { cpuPct, inboxFigures, pool, slice, startTarget, stopTarget, type PhaseFigures, type Slice, type Target } from "./lib/ingest-targets";
import { machine, progress, round, summarize } from "./lib/report";
import type { Stages } from "./lib/service-protocol";
import type { Postgres, RedisInfo } from "./lib/infra";

export const BURST_GOAL = { burst_connections: 32, burst_p99_ms_max: 50 };
const GOAL = BURST_GOAL;

/** What the burst reads of the bench's settings. */
export type BurstSettings = { burstSeconds: number; burstRounds: number; warmup: number };

type BurstSide = {
  requests_per_s: number;
  ok: number;
  failed: number;
  latency_ms: ReturnType<typeof summarize>;
  /** Each round's p99: how much of the pooled p99 is one bad spell of a shared machine. */
  round_p99_ms: number[];
  /** The worst round's event-loop delay p99 (a blocked or CPU-starved process). */
  loop_delay_p99_ms: number;
  server_cpu_pct: number;
  /** This process (the load generator), % of one core; the whole machine, % of all cores. */
  loadgen_cpu_pct: number;
  machine_cpu_pct: number | null;
};

export type BurstLine = {
  bench: "ingest";
  phase: "burst";
  connections: number;
  seconds: number;
  rounds: number;
  app: BurstSide & { stages: Stages; inbox: NonNullable<PhaseFigures["inbox"]> };
  bare: BurstSide;
  /**
   * The app's rounds whose neighbouring bare round met the goal (a quiet spell of the machine),
   * pooled: what the app does when the machine lets a bare route do it. For reading a run on a
   * shared machine; `met` is judged on every round.
   */
  quiet_rounds: { rounds: number; app_latency_ms: ReturnType<typeof summarize> };
  /** The app's p99 over the bare route's, same run: what the acknowledgement path adds. */
  app_minus_bare_p99_ms: number;
  goal: { burst_connections: number; burst_p99_ms_max: number };
  met: boolean;
  /**
   * met; missed; or machine_too_busy: missed while the bare route's own p99 was over the goal
   * too, so the run says more about the machine (other work on its cores) than about the app.
   */
  verdict: "met" | "missed" | "machine_too_busy";
  machine: ReturnType<typeof machine>;
};

/**
 * The burst: a closed loop of GOAL.burst_connections keep-alive connections (each sends its next
 * webhook when the previous is answered: the server saturated), on the API process alone (no
 * worker), in rounds alternating with the bare route so a slow spell of the machine falls on
 * both. Besides the client-side latencies it reads, from the app, where its time went (Stages).
 */
export async function burst(s: BurstSettings, postgres: Postgres | null, redis: RedisInfo | null, env: Record<string, string>): Promise<BurstLine> {
  const connections = GOAL.burst_connections;
  const rounds = s.burstRounds;
  const sliceSeconds = s.burstSeconds / rounds;
  const run = (seconds: number) => (t: Target) => closedLoop(t.child.port, t.next, { connections, seconds, maxRequests: Math.ceil(seconds * 100_000) });
  let bare: Target | undefined;
  let app: Target | undefined;
  try {
    bare = await startTarget("bare", postgres, redis, null);
    app = await startTarget("api", postgres, redis, null, env);
    if (s.warmup > 0) {
      await slice(bare, run(s.warmup));
      await slice(app, run(s.warmup));
    }
    await app.child.stages();
    progress(`ingest: burst, api vs bare, ${connections} connections, ${rounds} alternating rounds of ${round(sliceSeconds, 2)} s`);
    const slices = { app: [] as Slice[], bare: [] as Slice[] };
    for (let i = 0; i < rounds; i++) {
      if (i % 2 === 0) slices.bare.push(await slice(bare, run(sliceSeconds)));
      slices.app.push(await slice(app, run(sliceSeconds)));
      if (i % 2 === 1) slices.bare.push(await slice(bare, run(sliceSeconds)));
    }
    const stages = await app.child.stages();
    const side = (of: Slice[]): BurstSide => {
      const p = pool(of);
      return {
        requests_per_s: Math.round(p.load.completed / p.load.seconds),
        ok: p.load.ok,
        failed: p.load.failed,
        latency_ms: summarize(p.load.latencies),
        round_p99_ms: of.map((sl) => summarize(sl.load.latencies).p99),
        loop_delay_p99_ms: Math.max(...of.map((sl) => sl.loop.p99)),
        server_cpu_pct: cpuPct(p),
        loadgen_cpu_pct: p.loadgenPct,
        machine_cpu_pct: p.machinePct,
      };
    };
    const a = { ...side(slices.app), stages, inbox: await inboxFigures(app) };
    const b = side(slices.bare);
    const met = a.latency_ms.p99 <= GOAL.burst_p99_ms_max && a.failed === 0 && a.inbox.every_ack_recorded;
    // each app round ran next to bare round i: where that one met the goal, the machine was quiet enough to judge
    const quiet = slices.app.filter((_, i) => b.round_p99_ms[i]! <= GOAL.burst_p99_ms_max);
    const tooBusy = !met && a.failed === 0 && a.inbox.every_ack_recorded && b.latency_ms.p99 > GOAL.burst_p99_ms_max;
    return {
      bench: "ingest",
      phase: "burst",
      connections,
      seconds: s.burstSeconds,
      rounds,
      app: a,
      bare: b,
      quiet_rounds: { rounds: quiet.length, app_latency_ms: summarize(quiet.flatMap((sl) => sl.load.latencies)) },
      app_minus_bare_p99_ms: round(a.latency_ms.p99 - b.latency_ms.p99, 3),
      goal: { burst_connections: connections, burst_p99_ms_max: GOAL.burst_p99_ms_max },
      met,
      verdict: met ? "met" : tooBusy ? "machine_too_busy" : "missed",
      machine: machine(app.deployment?.database ?? "none", app.deployment?.queue ?? "none"),
    };
  } finally {
    await stopTarget(app);
    await stopTarget(bare);
  }
}
