// `npm run bench -- e2e [--provider zendesk]`: webhook in → note out, end to end. Tickets with
// 1–5 comments live on the local fake Zendesk (served over HTTP on 127.0.0.1, ZENDESK_API_URL);
// signed ticket.created webhooks are sent at a steady rate to the real app on PostgreSQL and
// BullMQ; per ticket we time from sending the webhook to the fake receiving the note's PUT.
// Worker in the API process, then (default) in a process of its own. Every ticket must get
// exactly one note.
import { randomBytes } from "node:crypto";
import { ticketCreatedEvent, zendeskHeaders } from "../test/helpers/pipeline";
import { Unavailable, type Benchmark } from "./lib/benchmark";
import { callsPer, startService, type ServiceChild } from "./lib/child";
import { conversation } from "./lib/corpus";
import type { ProfileSummary } from "./lib/cpu-profile";
import { createDeployment } from "./lib/deployment";
import { TimedFakeZendesk } from "./lib/fake-helpdesk";
import type { Postgres, RedisInfo } from "./lib/infra";
import { openLoop, type OutgoingRequest } from "./lib/load";
import { emit, machine, machineCpuMeter, nowMs, progress, round, summarize } from "./lib/report";
import { createRng, type Rng } from "./lib/rng";

const GOAL = { p95_ms_max: 250, tickets_per_s_min: 100 };

type Mode = "inprocess" | "separate";
type Settings = { tickets: number; warmup: number; rate: number; lowRate: number; concurrency: number; timeoutSeconds: number; profileTickets: number };

export const e2eBench: Benchmark = {
  name: "e2e",
  summary: "signed ticket.created webhook → note PUT on the local fake helpdesk: p50/p95 per ticket, tickets/s (PostgreSQL + Redis)",
  options: [
    { name: "provider", help: "helpdesk (default zendesk; the only one so far)" },
    { name: "tickets", help: "measured tickets (default 500)" },
    { name: "rate", help: "webhooks sent per second (default 120)" },
    { name: "low-rate", help: "then tickets/5 more at this rate, to see latency without a queue; 0: off (default 20)" },
    { name: "warmup-tickets", help: "tickets sent first and not measured (default 40)" },
    { name: "workers", help: "inprocess | separate | both: where the worker runs (default both)" },
    { name: "concurrency", help: "worker concurrency, WORKER_CONCURRENCY (default 8)" },
    { name: "profile-tickets", help: "after the measurement, profile the worker's CPU over this many more tickets; 0: off (default 200)" },
    { name: "timeout", help: "seconds to wait for the last note after the last webhook (default 120)" },
  ],
  async run({ options, postgres, redis }) {
    const provider = options.text("provider", "zendesk");
    const s: Settings = {
      tickets: options.int("tickets", 500, 1, 100_000),
      warmup: options.int("warmup-tickets", 40, 0, 10_000),
      rate: options.int("rate", 120, 1, 5_000),
      lowRate: options.int("low-rate", 20, 0, 5_000),
      concurrency: options.int("concurrency", 8, 1, 64),
      timeoutSeconds: options.int("timeout", 120, 5, 3_600),
      profileTickets: options.int("profile-tickets", 200, 0, 10_000),
    };
    const workers = options.string("workers", "both", ["inprocess", "separate", "both"] as const);
    if (provider !== "zendesk") throw new Unavailable(`e2e --provider ${provider}: not implemented yet (zendesk is the only provider with a connector and a fake server)`);
    if (!postgres || !redis) {
      const missing = [postgres ? "" : "PostgreSQL is not reachable (DATABASE_URL, else 127.0.0.1:5432)", redis ? "" : "Redis is not reachable (REDIS_URL, else 127.0.0.1:6379)"];
      throw new Unavailable(`e2e runs on PostgreSQL and Redis, the production shape: ${missing.filter(Boolean).join("; ")}`);
    }
    const modes: Mode[] = workers === "both" ? ["inprocess", "separate"] : [workers];
    const fake = new TimedFakeZendesk();
    const server = await fake.listen();
    try {
      for (const mode of modes) await runMode(mode, s, postgres, redis, fake, server.url);
    } finally {
      await server.close();
    }
  },
};

let nextTicket = 2_000_000;

async function runMode(mode: Mode, s: Settings, postgres: Postgres, redis: RedisInfo, fake: TimedFakeZendesk, fakeUrl: string): Promise<void> {
  const deployment = await createDeployment("e2e", postgres, redis);
  const secret = `whsec_bench_${randomBytes(12).toString("hex")}`;
  const env = { ...deployment.env, ZENDESK_API_URL: fakeUrl, WORKER_CONCURRENCY: String(s.concurrency) };
  const children: ServiceChild[] = [];
  try {
    const api = await startService(mode === "inprocess" ? "api+worker" : "api", { ...env, BENCH_SIGNING_SECRET: secret });
    children.push(api);
    if (mode === "separate") children.push(await startService("worker", env));
    const path = `/webhooks/zendesk/${api.installationId}`;
    const rng = createRng(mode === "inprocess" ? 11 : 12);

    if (s.warmup > 0) {
      progress(`e2e (${mode}): ${s.warmup} warm-up tickets`);
      await sendTickets(api, path, secret, fake, rng, s.warmup, s.rate, s.timeoutSeconds);
    }
    progress(`e2e (${mode}): ${s.tickets} tickets at ${s.rate}/s`);
    const cpu0 = await Promise.all(children.map((c) => c.cpuMs()));
    const calls0 = await Promise.all(children.map((c) => c.calls()));
    const machineCpu = machineCpuMeter();
    const run = await sendTickets(api, path, secret, fake, rng, s.tickets, s.rate, s.timeoutSeconds);
    const machinePct = machineCpu();
    const cpu1 = await Promise.all(children.map((c) => c.cpuMs()));
    const calls1 = await Promise.all(children.map((c) => c.calls()));
    await new Promise((resolve) => setTimeout(resolve, 1000)); // time for a duplicate note to show up
    const notes = run.ids.map((id) => fake.notesOn(id).length);
    const deliveries = await api.deliveries();

    let low: Awaited<ReturnType<typeof sendTickets>> | undefined;
    if (s.lowRate > 0) {
      const count = Math.max(20, Math.round(s.tickets / 5));
      progress(`e2e (${mode}): ${count} tickets at ${s.lowRate}/s`);
      low = await sendTickets(api, path, secret, fake, rng, count, s.lowRate, s.timeoutSeconds);
    }

    let profile: ProfileSummary | undefined;
    if (s.profileTickets > 0) {
      progress(`e2e (${mode}): profiling the worker over ${s.profileTickets} more tickets`);
      const stop = await children[children.length - 1]!.profile();
      await sendTickets(api, path, secret, fake, rng, s.profileTickets, s.rate, s.timeoutSeconds);
      profile = await stop();
    }

    const latency = summarize(run.latencies);
    const tps = run.latencies.length / run.spanSeconds;
    const exactlyOne = notes.filter((n) => n === 1).length;
    const cpuPct = (i: number) => round(((cpu1[i]! - cpu0[i]!) / (run.spanSeconds * 1000)) * 100);
    const perTicket = (f: (i: number) => number) => round(children.reduce((sum, _c, i) => sum + f(i), 0) / s.tickets, 2);
    emit({
      bench: "e2e",
      provider: "zendesk",
      worker: mode === "inprocess" ? "in the API process" : "separate process",
      worker_concurrency: s.concurrency,
      tickets: s.tickets,
      comments_per_ticket: run.commentsPerTicket,
      rate: s.rate,
      note_latency_ms: latency,
      webhook_ack_ms: summarize(run.ackLatencies),
      ...(low ? { low_rate: { rate: s.lowRate, tickets: low.ids.length, note_latency_ms: summarize(low.latencies), complete: low.complete } } : {}),
      tickets_per_s: round(tps),
      seconds: round(run.spanSeconds, 2),
      notes: { exactly_one: exactlyOne, none: notes.filter((n) => n === 0).length, more_than_one: notes.filter((n) => n > 1).length },
      deliveries: deliveries.byStatus,
      cpu_pct: { api: cpuPct(0), ...(children[1] ? { worker: cpuPct(1) } : {}), machine: machinePct },
      per_ticket: { cpu_ms: perTicket((i) => cpu1[i]! - cpu0[i]!), ...callsPer(calls0, calls1, s.tickets) },
      ...(profile ? { worker_profile: profile } : {}),
      goal: GOAL,
      met: run.complete && exactlyOne === s.tickets && latency.p95 <= GOAL.p95_ms_max && tps >= GOAL.tickets_per_s_min,
      machine: machine(deployment.database, deployment.queue),
    });
  } finally {
    for (const c of children.reverse()) await c.stop().catch(() => undefined);
    await deployment.dispose();
  }
}

/** Creates `count` tickets on the fake, sends their webhooks at `rate`, waits for their notes. */
async function sendTickets(api: ServiceChild, path: string, secret: string, fake: TimedFakeZendesk, rng: Rng, count: number, rate: number, timeoutSeconds: number) {
  const ids: number[] = [];
  const sentAt = new Map<number, number>();
  let comments = 0;
  for (let i = 0; i < count; i++) {
    const id = nextTicket++;
    // about one ticket in five comes from a customer seen before
    const requester = 800_000 + rng.int(0, Math.max(1, Math.floor(count * 0.8)));
    const conv = conversation(rng, rng.int(1, 5));
    comments += conv.messages.length;
    fake.addConversationTicket(id, requester, conv);
    ids.push(id);
  }
  let at = 0;
  const next = (): OutgoingRequest => {
    const id = ids[at++]!;
    const ticket = fake.tickets.get(id)!;
    const body = JSON.stringify(ticketCreatedEvent({ ticketId: id, requesterId: ticket.requester_id, subject: ticket.subject }));
    const headers = zendeskHeaders(body, secret);
    sentAt.set(id, nowMs());
    return { path, headers, body };
  };
  const first = nowMs();
  const sent = await openLoop(api.port, next, { rate, seconds: count / rate, maxInFlight: 256 });
  const deadline = nowMs() + timeoutSeconds * 1000;
  const done = () => ids.every((id) => fake.noteAt.has(id));
  while (!done() && nowMs() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const latencies = ids.filter((id) => fake.noteAt.has(id)).map((id) => fake.noteAt.get(id)! - sentAt.get(id)!);
  const last = Math.max(...ids.map((id) => fake.noteAt.get(id) ?? 0));
  if (sent.failed > 0 || sent.shed > 0) progress(`e2e: ${sent.failed} webhooks failed, ${sent.shed} not sent`);
  return {
    ids,
    latencies,
    ackLatencies: sent.latencies,
    complete: done(),
    spanSeconds: (last - first) / 1000,
    commentsPerTicket: round(comments / count, 2),
  };
}
