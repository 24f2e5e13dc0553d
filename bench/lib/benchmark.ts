// What a benchmark is to the dispatcher (bench/run.ts): a name, its options, and run().
import type { OptionSpec, Options } from "./args";
import type { Postgres, RedisInfo } from "./infra";

export type BenchContext = {
  options: Options;
  /** What answered when the run started; null when the server is not reachable. */
  postgres: Postgres | null;
  redis: RedisInfo | null;
};

export type Benchmark = {
  name: string;
  summary: string;
  options: OptionSpec[];
  run(ctx: BenchContext): Promise<void>;
};

/** The benchmark cannot run here (no PostgreSQL, a provider not implemented yet): exit 2. */
export class Unavailable extends Error {}
