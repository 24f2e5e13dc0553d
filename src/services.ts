// Builds the parts of the service from the config: database, extractor, engine, metrics.
// The api process, the CLI, tests and benchmarks all start here.
import type { Config } from "./config";
import { openDatabase, type Database } from "./db/client";
import type { Logger } from "./logger";
import { createMemoryEngine, type MemoryEngine } from "./memory/engine";
import { createDeterministicExtractor } from "./memory/extract/deterministic";
import { createLlmExtractor } from "./memory/extract/llm";
import type { Extractor } from "./memory/types";
import { createMetrics, type Metrics } from "./metrics";

export type Services = { config: Config; db: Database; engine: MemoryEngine; extractor: Extractor; metrics: Metrics; log: Logger };

export function createExtractor(config: Pick<Config, "llm">, log: Logger): Extractor {
  const deterministic = createDeterministicExtractor();
  if (!config.llm) return deterministic;
  return createLlmExtractor(config.llm, deterministic, { log: log.child({ module: "memory.llm" }) });
}

export async function createServices(config: Config, log: Logger, db?: Database): Promise<Services> {
  const database = db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const extractor = createExtractor(config, log);
  const engine = createMemoryEngine({ db: database, extractor });
  return { config, db: database, engine, extractor, metrics: createMetrics(), log };
}
