// `npm start`: the HTTP service, with the console at /console. With no DATABASE_URL it runs on
// the embedded database under DATA_DIR (holding its lock, and telling `npm run cli` how to reach
// it) and, on the very first start, creates a demo tenant and prints its key and a console link.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfigOrExit } from "./config";
import { createApp } from "./http/app";
import { createInstallDeps } from "./http/install/deps";
import { webhookHandler } from "./http/routes/webhooks";
import { forgetIdentities } from "./identity/resolve";
import { createPipelineRuntime } from "./pipeline/runtime";
import { createLogger } from "./logger";
import { createServices } from "./services";
import { createTenant } from "./tenants/service";
import { createCommands } from "./cli/commands";
import { acquireStoreLock, newAdminToken, writeServiceInfo } from "./cli/transport";
import { createConsoleSessions } from "./http/console/sessions";
import { consoleSessionTenant } from "./http/admin/principal";
import { loadMasterKey } from "./tenants/secrets";

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger(config.logLevel);
  // The embedded store is one process's: refuse to open it beside a CLI command or another service.
  const embedded = !config.databaseUrl;
  const lock = embedded ? acquireStoreLock(config.dataDir, "service") : undefined;
  if (lock && !lock.ok) {
    const who = lock.holder.role === "cli" ? `\`npm run cli\` (pid ${lock.holder.pid})` : `another helpdesk-memory service (pid ${lock.holder.pid})`;
    console.error(`The embedded store in ${config.dataDir} is in use by ${who}. ${lock.holder.role === "cli" ? "Wait for it to finish, then start again." : "Stop it first, or give this one another DATA_DIR."}`);
    process.exit(1);
  }
  const releaseLock = () => (lock?.ok ? lock.release() : undefined);
  process.once("exit", releaseLock);
  const adminToken = embedded ? newAdminToken() : undefined;
  const services = await createServices(config, log);
  const { db } = services;

  const sessions = createConsoleSessions();
  let firstStart: string | undefined;
  if (db.kind === "embedded" && (await db.prisma.tenant.count()) === 0) {
    const demo = await createTenant(db, "Demo");
    const link = `${config.publicUrl}/console/link/${sessions.issueLink(demo.tenant.id, demo.key_id)}`;
    // Printed once, on stdout and not through the logger, so it is not kept in log stores.
    firstStart =
      `\nFirst start on the embedded database (${config.dataDir}).\n` +
      `Demo tenant ${demo.tenant.id} created. Its API key (shown only now):\n\n    ${demo.api_key}\n\n` +
      `Open the console (this link signs you in once, until the service stops):\n\n    ${link}\n\n` +
      `Try: curl -s localhost:${config.port}/v1/tenant -H "Authorization: ApiKey ${demo.api_key}"\n\n`;
  }

  const pipeline = createPipelineRuntime(services);
  if (config.runWorker) await pipeline.startWorker({ concurrency: config.workerConcurrency });
  const app = createApp({
    db,
    engine: services.engine,
    log,
    metrics: services.metrics,
    maxBodyBytes: config.maxBodyBytes,
    webhooks: webhookHandler(pipeline.deps, { metrics: services.metrics }),
    onForget: (tenantId, externalUserId) => forgetIdentities(db, tenantId, externalUserId),
    // a console session may start an install too (the Connect buttons of the Helpdesks page)
    install: { ...createInstallDeps(services, pipeline), sessionTenant: consoleSessionTenant({ db, sessions }) },
    admin: {
      oauthConfigured: (provider) => Object.hasOwn(config.oauthClients, provider) && Boolean(config.oauthClients[provider as keyof typeof config.oauthClients]),
      sessions,
      publicUrl: config.publicUrl,
      masterKey: () => loadMasterKey({ masterKey: config.masterKey, dataDir: config.dataDir, embedded: db.kind === "embedded" }),
      commands: createCommands({ config: () => config }),
      adminToken,
    },
  });
  const server: Server = createServer(app).listen(config.port, config.host, () => {
    log.info(
      { port: config.port, database: db.kind, queue: pipeline.deps.queue.kind, worker: config.runWorker, extractor: services.extractor.name },
      "helpdesk-memory listening",
    );
    if (adminToken) {
      // how `npm run cli` reaches this process: its loopback address and the operator token
      const { port } = server.address() as AddressInfo;
      const host = ["0.0.0.0", "::", ""].includes(config.host) ? "127.0.0.1" : config.host.includes(":") ? `[${config.host}]` : config.host;
      const removeInfo = writeServiceInfo(config.dataDir, { url: `http://${host}:${port}`, token: adminToken });
      process.once("exit", removeInfo);
    }
    if (firstStart) process.stdout.write(firstStart);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    server.close();
    server.closeIdleConnections();
    await pipeline.close().catch((err) => log.error({ err }, "queue close failed"));
    await db.close().catch((err) => log.error({ err }, "database close failed"));
    clearTimeout(force);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

void main().catch((err) => {
  console.error("start-up failed:", err instanceof Error ? err.message : err);
  process.exit(1);
});
