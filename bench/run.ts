// `npm run bench [-- <name>] [--option value ...]`: runs one benchmark, or every one that can
// run here. Each prints JSON lines on stdout ({"bench": ..., figures, goal, met, machine});
// progress goes to stderr. A missed goal is reported, not an error: the exit code is 0.
// Exit 2: unknown benchmark or option, or a benchmark that cannot run here (says why).
import { Options, parseArgs, UsageError } from "./lib/args";
import { Unavailable, type Benchmark } from "./lib/benchmark";
import { e2eBench } from "./e2e";
import { findPostgres, findRedis } from "./lib/infra";
import { ingestBench } from "./ingest";
import { memoryBench } from "./memory";
import { progress } from "./lib/report";

const BENCHMARKS: Benchmark[] = [memoryBench, ingestBench, e2eBench];

function usage(): string {
  const lines = ["usage: npm run bench [-- <name>] [--option value ...]", "", "benchmarks:"];
  for (const b of BENCHMARKS) {
    lines.push(`  ${b.name.padEnd(8)} ${b.summary}`);
    for (const o of b.options) lines.push(`      --${o.name.padEnd(16)} ${o.help}`);
  }
  lines.push("", "PostgreSQL: DATABASE_URL, else 127.0.0.1:5432. Redis: REDIS_URL, else 127.0.0.1:6379.");
  return lines.join("\n");
}

// A reader that stops early (`| head`) must not kill the run before it cleans up its
// databases, queues and server processes.
process.stdout.on("error", () => undefined);

async function main(): Promise<number> {
  let selected: Benchmark[];
  let options: Options;
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.options.has("help") || args.names.includes("help")) {
      process.stderr.write(`${usage()}\n`);
      return 0;
    }
    if (args.names.length > 1) throw new UsageError(`one benchmark at a time, got ${args.names.join(", ")}`);
    const name = args.names[0];
    const found = name === undefined ? BENCHMARKS : BENCHMARKS.filter((b) => b.name === name);
    if (found.length === 0) throw new UsageError(`unknown benchmark "${name}"; the benchmarks are: ${BENCHMARKS.map((b) => b.name).join(", ")}`);
    selected = found;
    options = new Options(args.options);
    const unknown = options.unknown(new Set(selected.flatMap((b) => b.options.map((o) => o.name))));
    if (unknown.length > 0) throw new UsageError(`unknown option ${unknown.map((o) => `--${o}`).join(", ")} for ${selected.map((b) => b.name).join(", ")}`);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`bench: ${err.message}\n\n${usage()}\n`);
    return 2;
  }

  const [postgres, redis] = await Promise.all([findPostgres(), findRedis()]);
  progress(`PostgreSQL: ${postgres ? postgres.version : "not reachable"}; Redis: ${redis ? redis.version : "not reachable"}`);
  const all = selected.length > 1;
  for (const bench of selected) {
    progress(`running ${bench.name}`);
    try {
      await bench.run({ options, postgres, redis });
    } catch (err) {
      if (err instanceof UsageError || err instanceof Unavailable) {
        process.stderr.write(`bench ${bench.name}: ${err.message}\n`);
        // running everything: skip what cannot run here and go on
        if (all && err instanceof Unavailable) continue;
        return 2;
      }
      throw err;
    }
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
