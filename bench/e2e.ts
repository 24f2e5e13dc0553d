// `npm run bench -- e2e [--provider zendesk|intercom|crisp]`: webhook in → note out, end to end.
// Threads with 1–5 messages live on the provider's local fake (served over HTTP on 127.0.0.1,
// ZENDESK_API_URL / INTERCOM_API_URL / CRISP_API_URL); signed webhooks are sent at a steady rate
// to the real app on PostgreSQL and BullMQ; per thread we time from sending the webhook to the
// fake receiving the note:
//   zendesk   ticket.created                → the private comment PUT   (tickets/s)
//   intercom  conversation.user.created     → the reply POST, note      (conversations/s)
//   crisp     message:send from the visitor → the message POST, note    (messages/s)
// See lib/helpdesks.ts. Worker in the API process, then (default) in a process of its own.
// Every ticket / conversation must get exactly one note.
import { Unavailable, type Benchmark } from "./lib/benchmark";
import { callsPer, startService, type ServiceChild } from "./lib/child";
import { conversation } from "./lib/corpus";
import type { ProfileSummary } from "./lib/cpu-profile";
import { createDeployment } from "./lib/deployment";
import { BENCH_PROVIDERS, createHelpdesk, type BenchHelpdesk } from "./lib/helpdesks";
import type { Postgres, RedisInfo } from "./lib/infra";
import { openLoop, type OutgoingRequest } from "./lib/load";
import { emit, machine, machineCpuMeter, nowMs, progress, round, summarize } from "./lib/report";
import { createRng, type Rng } from "./lib/rng";

const GOAL = { p95_ms_max: 250, per_second_min: 100 };

type Mode = "inprocess" | "separate";
type Settings = { tickets: number; warmup: number; rate: number; lowRate: number; concurrency: number; timeoutSeconds: number; profileTickets: number };

export const e2eBench: Benchmark = {
  name: "e2e",
  summary: "signed webhook → note on the local fake helpdesk: p50/p95 per ticket (conversation, message), per second (PostgreSQL + Redis)",
  options: [
    { name: "provider", help: `helpdesk: ${BENCH_PROVIDERS.join(", ")} (default zendesk)` },
    { name: "tickets", help: "measured tickets / conversations / messages, one webhook each (default 500)" },
    { name: "rate", help: "webhooks sent per second (default 120)" },
    { name: "low-rate", help: "then tickets/5 more at this rate, to see latency without a queue; 0: off (default 20)" },
    { name: "warmup-tickets", help: "tickets (conversations, messages) sent first and not measured (default 40)" },
    { name: "workers", help: "inprocess | separate | both: where the worker runs (default both)" },
    { name: "concurrency", help: "worker concurrency, WORKER_CONCURRENCY (default 8)" },
    { name: "profile-tickets", help: "after the measurement, profile the worker's CPU over this many more tickets; 0: off (default 200)" },
    { name: "timeout", help: "seconds to wait for the last note after the last webhook (default 120)" },
  ],
  async run({ options, postgres, redis }) {
    const provider = options.string("provider", "zendesk", BENCH_PROVIDERS);
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
    if (!postgres || !redis) {
      const missing = [postgres ? "" : "PostgreSQL is not reachable (DATABASE_URL, else 127.0.0.1:5432)", redis ? "" : "Redis is not reachable (REDIS_URL, else 127.0.0.1:6379)"];
      throw new Unavailable(`e2e runs on PostgreSQL and Redis, the production shape: ${missing.filter(Boolean).join("; ")}`);
    }
    const modes: Mode[] = workers === "both" ? ["inprocess", "separate"] : [workers];
    const helpdesk = createHelpdesk(provider);
    const server = await helpdesk.listen();
    try {
      for (const mode of modes) await runMode(mode, s, postgres, redis, helpdesk, server.url);
    } finally {
      await server.close();
    }
  },
};

async function runMode(mode: Mode, s: Settings, postgres: Postgres, redis: RedisInfo, helpdesk: BenchHelpdesk, fakeUrl: string): Promise<void> {
  // a database of its own per run: another run of the bench may be going on on this server
  const deployment = await createDeployment(`e2e_${helpdesk.provider}_${process.pid}`, postgres, redis);
  const env = { ...deployment.env, [helpdesk.apiUrlEnv]: fakeUrl, WORKER_CONCURRENCY: String(s.concurrency) };
  const children: ServiceChild[] = [];
  const { one, many } = helpdesk.unit;
  try {
    const api = await startService(mode === "inprocess" ? "api+worker" : "api", { ...env, BENCH_INSTALLATION: JSON.stringify(helpdesk.installation) });
    children.push(api);
    if (mode === "separate") children.push(await startService("worker", env));
    const path = helpdesk.webhookPath(api.installationId ?? "");
    const rng = createRng(mode === "inprocess" ? 11 : 12);
    const send = (count: number, rate: number) => sendThreads(api, path, helpdesk, rng, count, rate, s.timeoutSeconds);

    if (s.warmup > 0) {
      progress(`e2e ${helpdesk.provider} (${mode}): ${s.warmup} warm-up ${many}`);
      await send(s.warmup, s.rate);
    }
    progress(`e2e ${helpdesk.provider} (${mode}): ${s.tickets} ${many} at ${s.rate}/s`);
    const cpu0 = await Promise.all(children.map((c) => c.cpuMs()));
    const calls0 = await Promise.all(children.map((c) => c.calls()));
    const machineCpu = machineCpuMeter();
    const run = await send(s.tickets, s.rate);
    const machinePct = machineCpu();
    const cpu1 = await Promise.all(children.map((c) => c.cpuMs()));
    const calls1 = await Promise.all(children.map((c) => c.calls()));
    await new Promise((resolve) => setTimeout(resolve, 1000)); // time for a duplicate note to show up
    const notes = run.ids.map((id) => helpdesk.noteCount(id));
    const deliveries = await api.deliveries();

    let low: Awaited<ReturnType<typeof sendThreads>> | undefined;
    let lowNotes: number[] = [];
    if (s.lowRate > 0) {
      const count = Math.max(20, Math.round(s.tickets / 5));
      progress(`e2e ${helpdesk.provider} (${mode}): ${count} ${many} at ${s.lowRate}/s`);
      low = await send(count, s.lowRate);
      lowNotes = low.ids.map((id) => helpdesk.noteCount(id));
    }

    let profile: ProfileSummary | undefined;
    if (s.profileTickets > 0) {
      progress(`e2e ${helpdesk.provider} (${mode}): profiling the worker over ${s.profileTickets} more ${many}`);
      const stop = await children[children.length - 1]!.profile();
      await send(s.profileTickets, s.rate);
      profile = await stop();
    }

    const latency = summarize(run.latencies);
    const perSecond = run.latencies.length / run.spanSeconds;
    const exactlyOne = notes.filter((n) => n === 1).length;
    const cpuPct = (i: number) => round(((cpu1[i]! - cpu0[i]!) / (run.spanSeconds * 1000)) * 100);
    const perUnit = (f: (i: number) => number) => round(children.reduce((sum, _c, i) => sum + f(i), 0) / s.tickets, 2);
    emit({
      bench: "e2e",
      provider: helpdesk.provider,
      unit: one,
      p50_ms: latency.p50,
      p95_ms: latency.p95,
      per_second: round(perSecond),
      worker: mode === "inprocess" ? "in the API process" : "separate process",
      worker_concurrency: s.concurrency,
      [many]: s.tickets,
      [helpdesk.threadLengthField]: run.messagesPerThread,
      rate: s.rate,
      note_latency_ms: latency,
      webhook_ack_ms: summarize(run.ackLatencies),
      webhooks: run.webhooks,
      ...(low
        ? {
            low_rate: {
              rate: s.lowRate,
              [many]: low.ids.length,
              note_latency_ms: summarize(low.latencies),
              complete: low.complete,
              notes_exactly_one: lowNotes.filter((n) => n === 1).length,
            },
          }
        : {}),
      [`${many}_per_s`]: round(perSecond),
      seconds: round(run.spanSeconds, 2),
      notes: { exactly_one: exactlyOne, none: notes.filter((n) => n === 0).length, more_than_one: notes.filter((n) => n > 1).length },
      deliveries: deliveries.byStatus,
      cpu_pct: { api: cpuPct(0), ...(children[1] ? { worker: cpuPct(1) } : {}), machine: machinePct },
      [`per_${one}`]: { cpu_ms: perUnit((i) => cpu1[i]! - cpu0[i]!), ...callsPer(calls0, calls1, s.tickets) },
      ...(profile ? { worker_profile: profile } : {}),
      goal: { p95_ms_max: GOAL.p95_ms_max, [`${many}_per_s_min`]: GOAL.per_second_min },
      met: run.complete && exactlyOne === s.tickets && latency.p95 <= GOAL.p95_ms_max && perSecond >= GOAL.per_second_min,
      machine: machine(deployment.database, deployment.queue),
    });
  } finally {
    for (const c of children.reverse()) await c.stop().catch(() => undefined);
    await deployment.dispose();
  }
}

/** Puts `count` threads on the fake, sends their webhooks at `rate`, waits for their notes. */
async function sendThreads(api: ServiceChild, path: string, helpdesk: BenchHelpdesk, rng: Rng, count: number, rate: number, timeoutSeconds: number) {
  const ids: string[] = [];
  const sentAt = new Map<string, number>();
  let messages = 0;
  for (let i = 0; i < count; i++) {
    // about one thread in five comes from a customer seen before
    const customer = rng.int(0, Math.max(1, Math.floor(count * 0.8)));
    const conv = conversation(rng, rng.int(1, 5));
    messages += conv.messages.length;
    ids.push(helpdesk.addThread(conv, customer));
  }
  let at = 0;
  const next = (): OutgoingRequest => {
    const id = ids[at++]!;
    const { body, headers } = helpdesk.webhook(id);
    sentAt.set(id, nowMs());
    return { path, headers, body };
  };
  const first = nowMs();
  const sent = await openLoop(api.port, next, { rate, seconds: count / rate, maxInFlight: 256 });
  const deadline = nowMs() + timeoutSeconds * 1000;
  const done = () => ids.every((id) => helpdesk.noteAt(id) !== undefined);
  while (!done() && nowMs() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const arrived = ids.filter((id) => helpdesk.noteAt(id) !== undefined && sentAt.has(id));
  const latencies = arrived.map((id) => helpdesk.noteAt(id)! - sentAt.get(id)!);
  const last = Math.max(first, ...arrived.map((id) => helpdesk.noteAt(id)!));
  if (sent.failed > 0 || sent.shed > 0) progress(`e2e ${helpdesk.provider}: ${sent.failed} webhooks failed, ${sent.shed} not sent (answers: ${JSON.stringify(sent.statuses)})`);
  return {
    ids,
    latencies,
    ackLatencies: sent.latencies,
    webhooks: { sent: sent.sent, ok: sent.ok, failed: sent.failed, statuses: sent.statuses },
    complete: done(),
    spanSeconds: (last - first) / 1000,
    messagesPerThread: round(messages / count, 2),
  };
}
