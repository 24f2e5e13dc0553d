// `npm run bench -- ingest`: how fast the API acknowledges signed Zendesk webhooks (installation
// lookup, signature check on the raw bytes, inbox row in the database before the 2xx, enqueue)
// against a bare Express route answering 200, same machine, same run, same request bodies.
// Each (server, phase) gets a fresh server process and a fresh database; the load generator
// runs in this process. The worker is off (ingest only), then on in-process as a second variant.
import { randomBytes } from "node:crypto";
import { ticketCreatedEvent, zendeskHeaders } from "../test/helpers/pipeline";
import type { Benchmark } from "./lib/benchmark";
import { callsPer, startService, type ServiceChild } from "./lib/child";
import { conversation, type Conversation } from "./lib/corpus";
import type { ProfileSummary } from "./lib/cpu-profile";
import { createDeployment } from "./lib/deployment";
import { TimedFakeZendesk } from "./lib/fake-helpdesk";
import { closedLoop, openLoop, type LoadResult, type OutgoingRequest } from "./lib/load";
import { cpuMeter, emit, machine, machineCpuMeter, progress, round, summarize } from "./lib/report";
import { createRng } from "./lib/rng";
import type { DeliveryCounts, Role } from "./lib/service-protocol";
import type { Postgres, RedisInfo } from "./lib/infra";

const GOAL = { throughput_vs_bare_min: 0.6, p99_ms_at_rate_max: 25, rate: 500 };

type Settings = { seconds: number; warmup: number; profileSeconds: number; connections: number; rate: number; concurrency: number; worker: "off" | "on" | "both" };
type Phase = "throughput" | "rate";

type PhaseFigures = {
  requests_per_s: number;
  sent: number;
  ok: number;
  failed: number;
  statuses: Record<string, number>;
  latency_ms: ReturnType<typeof summarize>;
  /** CPU of the server process, % of one core. */
  server_cpu_pct: number;
  /** CPU of this process (the load generator), % of one core. */
  loadgen_cpu_pct: number;
  /** Whole machine (server, load generator, PostgreSQL, Redis), % of all cores. */
  machine_cpu_pct: number | null;
  /** Round trips from the server per request: SQL statements, Redis commands. */
  per_request?: { server_cpu_ms: number } & Partial<ReturnType<typeof callsPer>>;
  schedule_lag_p99_ms?: number;
  shed?: number;
  inbox?: DeliveryCounts & { acknowledged: number; every_ack_recorded: boolean };
  /** The server's CPU profile over a further window of the same load (not in the figures above). */
  server_profile?: ProfileSummary;
};

export const ingestBench: Benchmark = {
  name: "ingest",
  summary: "signed Zendesk webhook acks: max throughput and latency at a fixed rate, real app vs a bare Express route",
  options: [
    { name: "seconds", help: "length of each measured phase (default 10)" },
    { name: "warmup", help: "seconds of warm-up load before each phase (default 2)" },
    { name: "profile-seconds", help: "after the throughput phase, profile the app's CPU for this long; 0: off (default 3)" },
    { name: "connections", help: "keep-alive connections for the throughput phase (default 32)" },
    { name: "rate", help: "requests/s for the latency phase (default 500)" },
    { name: "worker", help: "off | on | both: worker in the API process while measuring (default both)" },
    { name: "concurrency", help: "worker concurrency when the worker is on (default 8)" },
  ],
  async run({ options, postgres, redis }) {
    const s: Settings = {
      seconds: options.int("seconds", 10, 1, 600),
      warmup: options.int("warmup", 2, 0, 60),
      profileSeconds: options.int("profile-seconds", 3, 0, 60),
      connections: options.int("connections", 32, 1, 1024),
      rate: options.int("rate", GOAL.rate, 1, 20_000),
      concurrency: options.int("concurrency", 8, 1, 64),
      worker: options.string("worker", "both", ["off", "on", "both"] as const),
    };
    if (!postgres || !redis) progress(`ingest: ${postgres ? "" : "no PostgreSQL: embedded database"}${!postgres && !redis ? ", " : ""}${redis ? "" : "no Redis: embedded queue"} (not the production shape)`);
    const fake = new TimedFakeZendesk();
    const fakeServer = await fake.listen();
    try {
      const bare = { throughput: await measure("bare", "throughput", s, postgres, redis, null), rate: await measure("bare", "rate", s, postgres, redis, null) };
      const roles: Role[] = s.worker === "both" ? ["api", "api+worker"] : s.worker === "on" ? ["api+worker"] : ["api"];
      for (const role of roles) {
        const env = { ZENDESK_API_URL: fakeServer.url, WORKER_CONCURRENCY: String(s.concurrency) };
        const throughput = await measure(role, "throughput", s, postgres, redis, role === "api+worker" ? fake : null, env);
        const rate = await measure(role, "rate", s, postgres, redis, role === "api+worker" ? fake : null, env);
        const ratio = throughput.figures.requests_per_s / Math.max(1, bare.throughput.figures.requests_per_s);
        const p99 = rate.figures.latency_ms.p99;
        emit({
          bench: "ingest",
          worker_in_api_process: role === "api+worker",
          ...(role === "api+worker" ? { worker_concurrency: s.concurrency } : {}),
          throughput: { connections: s.connections, seconds: s.seconds, app: throughput.figures, bare: bare.throughput.figures },
          throughput_vs_bare: round(ratio, 3),
          fixed_rate: { rate: s.rate, seconds: s.seconds, app: rate.figures, bare: bare.rate.figures },
          goal: { ...GOAL, rate: s.rate },
          met: ratio >= GOAL.throughput_vs_bare_min && p99 <= GOAL.p99_ms_at_rate_max && rate.figures.failed === 0 && throughput.figures.failed === 0,
          machine: machine(throughput.database, throughput.queue),
        });
      }
    } finally {
      await fakeServer.close();
    }
  },
};

let nextTicket = 1_000_000;
let conversations: Conversation[] | undefined;

/** Signed ticket.created bodies, each a new delivery (fresh event id); the fake helpdesk learns each ticket. */
function webhookRequests(path: string, secret: string, fake: TimedFakeZendesk | null): () => OutgoingRequest {
  const rng = createRng(7);
  conversations ??= Array.from({ length: 300 }, () => conversation(rng, rng.int(1, 5)));
  const pool = conversations;
  return () => {
    const ticketId = nextTicket++;
    const requesterId = 700_000 + (ticketId % 5_000);
    const conv = pool[ticketId % pool.length]!;
    fake?.addConversationTicket(ticketId, requesterId, conv);
    const body = JSON.stringify(ticketCreatedEvent({ ticketId, requesterId, subject: conv.subject }));
    return { path, headers: zendeskHeaders(body, secret), body };
  };
}

async function measure(
  role: Role,
  phase: Phase,
  s: Settings,
  postgres: Postgres | null,
  redis: RedisInfo | null,
  fake: TimedFakeZendesk | null,
  env: Record<string, string> = {},
): Promise<{ figures: PhaseFigures; database: string; queue: string }> {
  const deployment = role === "bare" ? null : await createDeployment("ingest", postgres, redis);
  const secret = `whsec_bench_${randomBytes(12).toString("hex")}`;
  let child: ServiceChild | undefined;
  try {
    child = await startService(role, { ...deployment?.env, ...env, BENCH_SIGNING_SECRET: role === "bare" ? undefined : secret });
    const path = role === "bare" ? "/bare" : `/webhooks/zendesk/${child.installationId}`;
    const next = webhookRequests(path, secret, fake);
    const run = (seconds: number) =>
      phase === "throughput"
        ? closedLoop(child!.port, next, { connections: s.connections, seconds, maxRequests: seconds * 100_000 })
        : openLoop(child!.port, next, { rate: s.rate, seconds, maxInFlight: 512 });
    progress(`ingest: ${role} ${phase === "throughput" ? `max throughput, ${s.connections} connections` : `${s.rate} req/s`}, ${s.seconds} s`);
    const warm = s.warmup > 0 ? await run(s.warmup) : null;
    const cpu0 = await child.cpuMs();
    const calls0 = await child.calls();
    const loadgenCpu = cpuMeter();
    const machineCpu = machineCpuMeter();
    const r = await run(s.seconds);
    const loadgenPct = loadgenCpu();
    const machinePct = machineCpu();
    const serverMs = (await child.cpuMs()) - cpu0;
    const calls1 = await child.calls();
    const figures = describe(r, phase, { server: round((serverMs / (r.seconds * 1000)) * 100), loadgen: loadgenPct, machine: machinePct });
    if (role !== "bare" && r.completed > 0) {
      // counted on node-postgres and ioredis: the embedded store and queue have no round trips
      const counted: Partial<ReturnType<typeof callsPer>> = child.database === "postgres" ? callsPer([calls0], [calls1], r.completed) : {};
      if (child.queue !== "bullmq") delete counted.redis_commands;
      figures.per_request = { server_cpu_ms: round(serverMs / r.completed, 3), ...counted };
    }
    if (role !== "bare") {
      const inbox = await child.deliveries();
      const acknowledged = r.ok + (warm?.ok ?? 0);
      figures.inbox = { ...inbox, acknowledged, every_ack_recorded: inbox.total >= acknowledged };
      if (phase === "throughput" && s.profileSeconds > 0) {
        const stop = await child.profile();
        await run(s.profileSeconds);
        figures.server_profile = await stop();
      }
    }
    return { figures, database: deployment?.database ?? "none", queue: deployment?.queue ?? "none" };
  } finally {
    await child?.stop();
    await deployment?.dispose();
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
