// The servers `bench -- ingest` loads (the API process or a bare Express route, each in a
// child process with its own deployment), the signed webhooks they are sent, and the slices of
// load it measures them in: shared by the burst (ingest-burst.ts) and the throughput phases.
import { randomBytes } from "node:crypto";
import { ticketCreatedEvent, zendeskHeaders } from "../../test/helpers/pipeline";
import { callsPer, startService, type ServiceChild } from "./child";
import { conversation, type Conversation } from "./corpus";
import type { ProfileSummary } from "./cpu-profile";
import { createDeployment, type Deployment } from "./deployment";
import type { TimedFakeZendesk } from "./fake-helpdesk";
import type { LoadResult, OutgoingRequest } from "./load";
import { cpuMeter, machineCpuMeter, round, type summarize } from "./report";
import { createRng } from "./rng";
import type { CallCounts, DeliveryCounts, LoopDelay, Role } from "./service-protocol";
import type { Postgres, RedisInfo } from "./infra";

/** One server under test: its process, its deployment (none for bare), the requests it is sent. */
export type Target = { role: Role; child: ServiceChild; deployment: Deployment | null; next: () => OutgoingRequest; acknowledged: number };

export type PhaseFigures = {
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

export async function startTarget(role: Role, postgres: Postgres | null, redis: RedisInfo | null, fake: TimedFakeZendesk | null, env: Record<string, string> = {}): Promise<Target> {
  const deployment = role === "bare" ? null : await createDeployment(`ingest_${role.replace("+", "_")}`, postgres, redis);
  const secret = `whsec_bench_${randomBytes(12).toString("hex")}`;
  try {
    const child = await startService(role, { ...deployment?.env, ...env, BENCH_SIGNING_SECRET: role === "bare" ? undefined : secret });
    const path = role === "bare" ? "/bare" : `/webhooks/zendesk/${child.installationId}`;
    return { role, child, deployment, next: webhookRequests(path, secret, fake), acknowledged: 0 };
  } catch (err) {
    await deployment?.dispose();
    throw err;
  }
}

export async function stopTarget(t: Target | undefined): Promise<void> {
  await t?.child.stop();
  await t?.deployment?.dispose();
}

/** What one stretch of load cost: the result, and CPU of the server, this process and the machine. */
export type Slice = { load: LoadResult; serverMs: number; loadgenPct: number; machinePct: number | null; loop: LoopDelay };

export async function slice(t: Target, run: (t: Target) => Promise<LoadResult>): Promise<Slice> {
  const cpu0 = await t.child.cpuMs();
  await t.child.loopDelay();
  const loadgen = cpuMeter();
  const machineCpu = machineCpuMeter();
  const load = await run(t);
  const loadgenPct = loadgen();
  const machinePct = machineCpu();
  const serverMs = (await t.child.cpuMs()) - cpu0;
  const loop = await t.child.loopDelay();
  t.acknowledged += load.ok;
  return { load, serverMs, loadgenPct, machinePct, loop };
}

/** Slices of one server taken together: counts and latencies pooled, CPU weighted by time. */
export function pool(slices: Slice[]): { load: LoadResult; serverMs: number; loadgenPct: number; machinePct: number | null } {
  const load: LoadResult = { seconds: 0, sent: 0, completed: 0, ok: 0, failed: 0, statuses: {}, latencies: [], lag: [], shed: 0 };
  let loadgen = 0;
  let machineSum = 0;
  let machineSeconds = 0;
  let serverMs = 0;
  for (const sl of slices) {
    const r = sl.load;
    load.seconds += r.seconds;
    load.sent += r.sent;
    load.completed += r.completed;
    load.ok += r.ok;
    load.failed += r.failed;
    load.shed += r.shed;
    for (const [k, n] of Object.entries(r.statuses)) load.statuses[k] = (load.statuses[k] ?? 0) + n;
    for (const v of r.latencies) load.latencies.push(v);
    for (const v of r.lag) load.lag.push(v);
    serverMs += sl.serverMs;
    loadgen += sl.loadgenPct * r.seconds;
    if (sl.machinePct !== null) {
      machineSum += sl.machinePct * r.seconds;
      machineSeconds += r.seconds;
    }
  }
  return { load, serverMs, loadgenPct: round(loadgen / Math.max(1e-9, load.seconds)), machinePct: machineSeconds > 0 ? round(machineSum / machineSeconds) : null };
}

/** Round trips per request, counted on node-postgres and ioredis (the embedded store and queue have none). */
export async function perRequest(t: Target, serverMs: number, completed: number, calls0: CallCounts): Promise<PhaseFigures["per_request"]> {
  const counted: Partial<ReturnType<typeof callsPer>> = t.child.database === "postgres" ? callsPer([calls0], [await t.child.calls()], completed) : {};
  if (t.child.queue !== "bullmq") delete counted.redis_commands;
  return { server_cpu_ms: round(serverMs / Math.max(1, completed), 3), ...counted };
}

export async function inboxFigures(t: Target): Promise<NonNullable<PhaseFigures["inbox"]>> {
  const inbox = await t.child.deliveries();
  return { ...inbox, acknowledged: t.acknowledged, every_ack_recorded: inbox.total >= t.acknowledged };
}


/** Server CPU over the slices' wall time, % of one core. */
export function cpuPct(p: { load: LoadResult; serverMs: number }): number {
  return round((p.serverMs / Math.max(1e-9, p.load.seconds * 1000)) * 100);
}
