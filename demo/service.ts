// The memory service the demo talks to: the real HTTP app (createApp), started in this process
// on loopback, on the embedded database in a data dir of its own (DATA_DIR/demo), with a demo
// tenant and a fresh API key. It does not run the webhook pipeline: the demo has no helpdesk.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pino from "pino";
import type { Config } from "../src/config";
import { openDatabase } from "../src/db/client";
import { createApp } from "../src/http/app";
import { forgetIdentities } from "../src/identity/resolve";
import { createLogger } from "../src/logger";
import type { MemoryEngine } from "../src/memory/engine";
import type { TenantRef } from "../src/memory/store";
import { createServices } from "../src/services";
import { createApiKey, createTenant, revokeApiKey, tenantRef } from "../src/tenants/service";

const TENANT_NAME = "Support desk demo";
const KEY_LABEL = "demo";

export type DemoService = {
  baseUrl: string;
  apiKey: string;
  dataDir: string;
  extractor: string;
  /** The engine and tenant behind the API, for /note: the note is what the pipeline would render. */
  engine: MemoryEngine;
  tenant: TenantRef;
  close(): Promise<void>;
};

export async function startDemoService(config: Config): Promise<DemoService> {
  const dataDir = path.join(config.dataDir, "demo");
  // Always the embedded store: the demo needs no setup and must not touch a shared database.
  const db = await openDatabase({ dataDir });
  // Warnings only, and on stderr: stdout is the conversation.
  const log = createLogger(config.logLevel === "info" ? "warn" : config.logLevel, pino.destination(2));
  const services = await createServices({ ...config, databaseUrl: undefined, dataDir }, log, db);

  let row = await db.prisma.tenant.findFirst({ where: { name: TENANT_NAME }, orderBy: { createdAt: "asc" } });
  let apiKey: string;
  if (row) {
    // Keys are stored only as hashes: each start revokes the last run's key and makes a new one.
    const old = await db.prisma.apiKey.findMany({ where: { tenantId: row.id, label: KEY_LABEL, revokedAt: null } });
    for (const k of old) await revokeApiKey(db, k.id);
    apiKey = (await createApiKey(db, row.id, KEY_LABEL)).api_key;
  } else {
    const created = await createTenant(db, TENANT_NAME, KEY_LABEL);
    apiKey = created.api_key;
    row = await db.prisma.tenant.findUniqueOrThrow({ where: { id: created.tenant.id } });
  }

  const app = createApp({
    db,
    engine: services.engine,
    log,
    metrics: services.metrics,
    maxBodyBytes: config.maxBodyBytes,
    onForget: (tenantId, externalUserId) => forgetIdentities(db, tenantId, externalUserId),
  });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey,
    dataDir,
    extractor: services.extractor.name,
    engine: services.engine,
    tenant: tenantRef(row),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
