// `npm run faults [-- --short] [--seed N]`: the delivery guarantees checked by one run on this
// machine (scenario.ts, then fuzz.ts), on PostgreSQL (a database of its own), a redis-server
// child of its own, the API and a worker process, and a fake Zendesk injecting faults; all on
// 127.0.0.1, all stopped at the end. Prints one JSON line per figure on stdout, each with its
// goal and whether it was met, then a summary line; progress goes to stderr.
// Exit 0: every goal met. 1: a goal missed (CI fails). 2: cannot run here (says why).
import { spawnSync } from "node:child_process";
import { Options, parseArgs, UsageError } from "../bench/lib/args";
import { findPostgres } from "../bench/lib/infra";
import { createRng } from "../bench/lib/rng";
import { deploy, type Deployment } from "./deployment";
import { FaultyZendesk } from "./fault-helpdesk";
import { runFuzz } from "./fuzz";
import { runScenario, type ScenarioFigures, type ScenarioSettings } from "./scenario";

const MODES = {
  full: { webhooks: 2_000, sendSeconds: 60, lanes: 16, outageMs: 8_000, recoveryWaitMs: 100_000, settleWaitMs: 140_000, fuzz: 8_000, boundSeconds: 300 },
  short: { webhooks: 400, sendSeconds: 20, lanes: 16, outageMs: 8_000, recoveryWaitMs: 30_000, settleWaitMs: 30_000, fuzz: 2_500, boundSeconds: 120 },
} satisfies Record<string, ScenarioSettings & { fuzz: number; boundSeconds: number }>;
const GOALS = { lost: 0, maxNotesPerTicket: 1, serverErrors: 0, recoverySeconds: 15 };
const MAX_BODY_BYTES = 1_000_000;

type Line = { faults: string; value: unknown; goal: string; met: boolean } & Record<string, unknown>;
const lines: Line[] = [];
/** Set when the time bound stopped the run: what the phase in progress measures after that (its service stopped under it) is not reported. */
let stopped = false;
function emit(line: Line): void {
  if (stopped) return;
  lines.push(line);
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
const progress = (m: string) => process.stderr.write(`[faults] ${m}\n`);
process.stdout.on("error", () => undefined);

function reportScenario(s: ScenarioFigures, mode: (typeof MODES)[keyof typeof MODES]): void {
  const unique = s.planned.unique;
  emit({ faults: "sent", value: s.sent, goal: `= ${mode.webhooks} (planned)`, met: s.sent === mode.webhooks, planned: s.planned });
  emit({ faults: "acknowledged", value: s.acknowledged, goal: `= ${unique + s.planned.duplicate}: every validly signed, well-formed webhook, Redis down or not`, met: s.acknowledged === unique + s.planned.duplicate, ack_ms_max: s.ack_ms_max });
  emit({ faults: "duplicates", value: s.duplicates, goal: `= ${s.planned.duplicate} (answered 200, recorded once)`, met: s.duplicates === s.planned.duplicate });
  emit({ faults: "401", value: s.unauthorized_401, goal: `= ${s.planned.bad_signature} (bad signatures)`, met: s.unauthorized_401 === s.planned.bad_signature });
  emit({ faults: "400", value: s.bad_request_400, goal: `= ${s.planned.malformed} (malformed bodies)`, met: s.bad_request_400 === s.planned.malformed });
  emit({ faults: "done", value: s.deliveries.done, goal: "every acknowledged delivery that is not skipped or dead", met: s.deliveries.done === s.deliveries.acknowledged - s.deliveries.skipped - s.deliveries.dead, skipped: s.deliveries.skipped, acknowledged_deliveries: s.deliveries.acknowledged });
  // dead is an end, not a loss: a delivery whose every attempt met an injected fault
  const deadMax = Math.floor(unique * 0.01);
  emit({ faults: "dead", value: s.deliveries.dead, goal: `≤ ${deadMax} (1 % of unique deliveries: retries exhausted under injected faults)`, met: s.deliveries.dead <= deadMax });
  emit({ faults: "lost", value: s.lost, goal: `= ${GOALS.lost}`, met: s.lost === GOALS.lost, unfinished: s.deliveries.unfinished, missing: s.deliveries.missing });
  emit({ faults: "notes_per_ticket_max", value: s.notes.max_per_ticket, goal: `≤ ${GOALS.maxNotesPerTicket}`, met: s.notes.max_per_ticket <= GOALS.maxNotesPerTicket, notes: s.notes.total, tickets_with_more_than_one: s.notes.tickets_with_more_than_one, extra: s.notes.extra });
  emit({ faults: "5xx", value: s.server_errors_5xx, goal: `= ${GOALS.serverErrors} (webhooks)`, met: s.server_errors_5xx === GOALS.serverErrors, no_answer: s.no_answer, other_statuses: s.other_statuses });
  emit({ faults: "recovery_seconds", value: s.recovery_seconds, goal: `≤ ${GOALS.recoverySeconds} s after Redis returns, everything acknowledged queued again`, met: s.recovery_seconds !== null && s.recovery_seconds <= GOALS.recoverySeconds, waited_at_most_s: mode.recoveryWaitMs / 1000 });
  progress(`scenario: ${JSON.stringify({ faults_injected: s.faults_injected, timeline_s: s.timeline_s })}`);
}

async function main(): Promise<number> {
  let short: boolean;
  let seed: number;
  let only: "scenario" | "fuzz" | "both";
  try {
    const args = parseArgs(process.argv.slice(2));
    const options = new Options(args.options);
    const unknown = options.unknown(new Set(["short", "seed", "only", "help"]));
    if (args.names.length > 0 || unknown.length > 0) throw new UsageError(`unknown argument ${[...args.names, ...unknown.map((u) => `--${u}`)].join(", ")}`);
    if (options.flag("help")) {
      process.stderr.write(
        "usage: npm run faults [-- --short] [--seed N] [--only scenario|fuzz]\n  --short  the CI run (≤ 2 minutes)\n  --seed   the random seed of the mix and the mutations (default 11)\n  --only   one phase (goals of the other are not reported)\n",
      );
      return 0;
    }
    short = options.flag("short");
    seed = options.int("seed", 11, 0, 2 ** 31);
    only = options.string("only", "both", ["scenario", "fuzz", "both"] as const);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`faults: ${err.message}\n`);
    return 2;
  }
  const mode = short ? MODES.short : MODES.full;
  const postgres = await findPostgres();
  if (!postgres) {
    process.stderr.write("faults: PostgreSQL does not answer (DATABASE_URL, else 127.0.0.1:5432): the worker is a second process, which the embedded store cannot serve\n");
    return 2;
  }
  if (spawnSync("redis-server", ["--version"]).status !== 0) {
    process.stderr.write("faults: the redis-server program is not installed: the run starts and stops a Redis of its own\n");
    return 2;
  }

  const started = performance.now();
  const elapsed = () => Math.round(performance.now() / 100) / 10;
  const rng = createRng(seed);
  const zd = new FaultyZendesk(rng, { rateLimited: 0.06, serverError: 0.03, timeout: 0.003 });
  const helpdesk = await zd.serve();
  let deployment: Deployment | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await deployment?.close();
      await helpdesk.close();
    })());
  // bounded: whatever happens, stop everything and report within the mode's time, counted from
  // the process's start and leaving 12 s to stop the processes and drop the database (seen
  // taking 1.4 to 2.8 s on a loaded 2-core machine; each process gets SIGKILL 5 s after SIGTERM)
  const boundMs = mode.boundSeconds * 1000 - 12_000 - performance.now();
  const bound = setTimeout(() => {
    progress(`over ${mode.boundSeconds} s: stopping`);
    emit({ faults: "summary", value: [...lines.filter((l) => !l.met).map((l) => l.faults), "time"], goal: `every goal met within ${mode.boundSeconds} s`, met: false, mode: short ? "short" : "full", seed });
    stopped = true;
    void cleanup().finally(() => process.exit(1));
  }, boundMs);
  bound.unref();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanup().finally(() => process.exit(130)));

  try {
    progress(`${short ? "short" : "full"} run, seed ${seed}: PostgreSQL ${postgres.version}, a private redis-server, API and worker processes`);
    deployment = await deploy({ postgres, zendeskUrl: helpdesk.url, concurrency: 8, log: progress });
    progress(`deployed at ${elapsed()} s`);
    let s: ScenarioFigures | undefined;
    if (only !== "fuzz") {
      s = await runScenario(mode, deployment, zd, rng, progress);
      reportScenario(s, mode);
    }
    if (only !== "scenario") {
      progress(`fuzz at ${elapsed()} s: ${mode.fuzz} mutated requests across every webhook and /v1 route`);
      const f = await runFuzz({ requests: mode.fuzz, lanes: 16, maxBodyBytes: MAX_BODY_BYTES }, deployment, rng);
      emit({ faults: "fuzz_requests", value: f.requests, goal: `≥ ${mode.fuzz}`, met: f.requests >= mode.fuzz, routes: Object.keys(f.by_route).length, no_answer: f.no_answer });
      emit({ faults: "fuzz_5xx", value: f.server_errors_5xx, goal: `= ${GOALS.serverErrors}`, met: f.server_errors_5xx === GOALS.serverErrors, by_mutation: f.server_errors_by_mutation, examples: f.examples_5xx, by_route: f.by_route });
    }

    const met = lines.every((l) => l.met);
    emit({
      faults: "summary",
      value: lines.filter((l) => !l.met).map((l) => l.faults),
      goal: "every goal met",
      met,
      mode: short ? "short" : "full",
      seed,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      faults_injected: s?.faults_injected,
      timeline_s: s?.timeline_s,
      machine: { postgres: postgres.version, cores: (await import("node:os")).availableParallelism() },
    });
    return met ? 0 : 1;
  } finally {
    clearTimeout(bound);
    const stopping = performance.now();
    await cleanup();
    progress(`stopped everything in ${Math.round((performance.now() - stopping) / 100) / 10} s; ${elapsed()} s in all`);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`faults failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
