// `npm run bench -- memory`: the product's acceptance figures for the memory engine.
// (a) redact + extract throughput on one core; (b) get() latency on PostgreSQL with
// --customers profiles, against a bare indexed select, plus add() latency.
import type { Benchmark } from "./lib/benchmark";
import { UsageError } from "./lib/args";
import { Unavailable } from "./lib/benchmark";
import { describeDatabase } from "./lib/infra";
import { runExtractBench } from "./memory-extract";
import { runGetBench } from "./memory-get";

export const memoryBench: Benchmark = {
  name: "memory",
  summary: "redact+extract messages/s on one core; get() p50/p95/p99 on PostgreSQL vs a bare select; add() latency",
  options: [
    { name: "messages", help: "corpus size for extraction (default 10000)" },
    { name: "rounds", help: "extraction rounds, the median is reported (default 3)" },
    { name: "customers", help: "customer profiles loaded for get() (default 100000)" },
    { name: "seeds", help: "distinct customers built with add() and replicated (default 300)" },
    { name: "calls", help: "timed get() calls after warm-up (default 5000)" },
    { name: "adds", help: "timed add() calls on the loaded table (default 1000)" },
    { name: "db-name", help: "the database created (and dropped) for get(): two runs at once need two names (default hm_bench_memory)" },
    { name: "keep-db", help: "keep the database afterwards" },
  ],
  async run({ options, postgres }) {
    const messages = options.int("messages", 10_000, 1_000, 1_000_000);
    const rounds = options.int("rounds", 3, 1, 20);
    const customers = options.int("customers", 100_000, 1_000, 5_000_000);
    const seeds = options.int("seeds", 300, 10, 5_000);
    const calls = options.int("calls", 5_000, 500, 1_000_000);
    const adds = options.int("adds", 1_000, 0, 100_000);
    const keepDb = options.flag("keep-db");
    const dbName = options.text("db-name", "hm_bench_memory");
    if (!/^[a-z_][a-z0-9_]*$/.test(dbName)) throw new UsageError(`--db-name must be a lowercase name of letters, digits and "_", not ${JSON.stringify(dbName)}`);
    if (seeds > customers) throw new Unavailable(`--seeds (${seeds}) cannot exceed --customers (${customers})`);

    await runExtractBench({ messages, rounds, database: "none (CPU only)", queue: "none" });
    if (!postgres) {
      throw new Unavailable("memory.get needs PostgreSQL: set DATABASE_URL or start a server on 127.0.0.1:5432 (the figures are defined on PostgreSQL, not the embedded store)");
    }
    await runGetBench(postgres, { customers, seeds, calls, adds, keepDb, dbName, database: describeDatabase(postgres), queue: "none" });
  },
};
