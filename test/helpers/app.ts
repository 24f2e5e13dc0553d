// The real HTTP app on a fresh test database, with a tenant and its key.
import type { RequestListener } from "node:http";
import type { Database } from "../../src/db/client";
import { createApp } from "../../src/http/app";
import { createLogger } from "../../src/logger";
import { createMemoryEngine, type MemoryEngine } from "../../src/memory/engine";
import { createDeterministicExtractor } from "../../src/memory/extract/deterministic";
import { createMetrics } from "../../src/metrics";
import { createTenant } from "../../src/tenants/service";
import { createTestDatabase } from "./db";

export type TestApp = { app: RequestListener; db: Database; engine: MemoryEngine; tenantId: string; apiKey: string; auth: { Authorization: string } };

export async function createTestApp(opts: { maxBodyBytes?: number; clock?: () => Date } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const engine = createMemoryEngine({ db, extractor: createDeterministicExtractor(), clock: opts.clock });
  const app = createApp({
    db,
    engine,
    log: createLogger("silent"),
    metrics: createMetrics(),
    maxBodyBytes: opts.maxBodyBytes ?? 1_000_000,
    clock: opts.clock,
  });
  const t = await createTenant(db, "Acme");
  return { app, db, engine, tenantId: t.tenant.id, apiKey: t.api_key, auth: { Authorization: `ApiKey ${t.api_key}` } };
}
