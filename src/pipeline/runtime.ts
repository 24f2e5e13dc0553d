// Wires the pipeline for a process: queue driver (BullMQ when REDIS_URL is set, else the
// embedded one), installations, identity key, connectors, the worker and the sweeper, and the
// webhook intake (installation cache, group-committing inbox writer, dispatcher to the queue).
import type { Provider } from "../../connectors/types";
import { connectors as allConnectors } from "../../connectors";
import { createBullmqQueue } from "../queue/bullmq";
import { markDead, markRetrying } from "../queue/delivery-rows";
import { createEmbeddedQueue } from "../queue/embedded";
import { createSweeper } from "../queue/sweeper";
import type { DeliveryQueue } from "../queue/types";
import type { Services } from "../services";
import { createInstallation, findInstallationByAccount, getInstallation, setInstallationStatus } from "../tenants/installations";
import { oauthAppFor } from "../tenants/oauth-apps";
import { createCredentials } from "../tenants/oauth-tokens";
import { emailKey, loadMasterKey } from "../tenants/secrets";
import { tenantRef } from "../tenants/service";
import type { InstallationStore, PipelineDeps } from "./deps";
import { createDispatcher } from "./intake/dispatcher";
import { createInboxWriter } from "./intake/inbox-writer";
import { createInstallationCache } from "./intake/installation-cache";
import { createLifecycleReceiver } from "./intake/lifecycle";
import { processDelivery } from "./job/process-delivery";
import { withAppSecrets } from "./provider-apps";
import { recordBudget, throttledWarn, type Intake } from "./intake/receive";
import { cacheTenants } from "./intake/tenant-cache";

export type PipelineRuntime = {
  /** The worker's deps, and the webhook handler's intake (webhooksRouter takes both). */
  deps: PipelineDeps & { intake: Intake };
  startWorker(opts?: { concurrency?: number }): Promise<void>;
  close(): Promise<void>;
};

export function createPipelineRuntime(services: Services, opts: { queue?: DeliveryQueue; clock?: () => Date; sweepIntervalMs?: number } = {}): PipelineRuntime {
  const { config, db, log } = services;
  const clock = opts.clock ?? (() => new Date());
  const masterKey = loadMasterKey({ masterKey: config.masterKey, dataDir: config.dataDir, embedded: db.kind === "embedded" });
  const queue =
    opts.queue ??
    (config.redisUrl ? createBullmqQueue({ redisUrl: config.redisUrl, log: log.child({ module: "queue" }) }) : createEmbeddedQueue({ log: log.child({ module: "queue" }) }));
  const pipelineLog = log.child({ module: "pipeline" });
  // A helpdesk app's own credentials (from settings) fill in what an installation lacks.
  const apps = config.providerApps;
  // A NUL byte cannot be in any stored id (PostgreSQL text refuses it, 22021): such a lookup
  // finds nothing, rather than failing the request that asked.
  const installations: InstallationStore = {
    byId: async (id) => (id.includes("\u0000") ? null : withAppSecrets(await getInstallation(db, masterKey, id), apps)),
    byAccount: async (provider: Provider, account: string) =>
      account.includes("\u0000") ? null : withAppSecrets(await findInstallationByAccount(db, masterKey, provider, account), apps),
  };
  // Installations (secrets decrypted) and tenants are read from memory by the webhook handler
  // and the worker alike: a job costs no database read and no AES decrypt for them. Up to 30 s
  // stale for installations (installation-cache.ts), 10 s for tenants (tenant-cache.ts).
  const installationCache = createInstallationCache(installations);
  const intake: Intake = {
    installations: installationCache,
    inbox: createInboxWriter({ sql: db.sql }),
    dispatcher: createDispatcher({ queue, log: pipelineLog.child({ module: "pipeline.dispatcher" }) }),
    warn: throttledWarn(),
    unrecognised: recordBudget(),
    // app install/uninstall events on a shared endpoint (lifecycle.ts)
    lifecycle: createLifecycleReceiver({
      connectors: allConnectors,
      clock,
      log: pipelineLog,
      apps,
      installations: {
        byAccount: installations.byAccount,
        create: (input) => createInstallation(db, masterKey, input),
        setStatus: (id, status, reason) => setInstallationStatus(db, id, status, reason),
      },
      changed: (id) => intake.installations.invalidate(id),
    }),
  };
  const deps: PipelineDeps & { intake: Intake } = {
    db,
    engine: services.engine,
    queue,
    log: pipelineLog,
    clock,
    connectors: allConnectors,
    installations: installationCache,
    tenant: cacheTenants(async (tenantId) => {
      const row = await db.prisma.tenant.findUnique({ where: { id: tenantId } });
      return row ? tenantRef(row) : null;
    }),
    emailKey: emailKey(masterKey),
    apiUrls: config.providerApiUrls,
    credentials: createCredentials({
      db,
      masterKey,
      connectors: allConnectors,
      app: (provider) => oauthAppFor(config, provider),
      clock,
      log: pipelineLog,
      changed: (id) => installationCache.invalidate(id),
    }),
    intake,
  };
  const sweeper = createSweeper({ db, queue, log: log.child({ module: "sweeper" }), clock, intervalMs: opts.sweepIntervalMs });
  let started = false;
  let closing = false;

  let comeback = 0;
  /**
   * recoverAll, tried again each second while it fails (Redis just back may still be slow, or
   * gone again), until it succeeds, the process closes, or a later comeback starts its own.
   */
  async function recoverUnfinished(running: ReadonlySet<string>): Promise<void> {
    const mine = ++comeback;
    for (let tries = 1; !closing && mine === comeback; tries++) {
      try {
        await sweeper.recoverAll({ running });
        return;
      } catch (err) {
        deps.log.warn({ err: (err as Error).message, tries }, "re-enqueueing after the queue came back failed; trying again");
        await new Promise((r) => setTimeout(r, 1_000).unref());
      }
    }
  }

  return {
    deps,
    async startWorker(o = {}) {
      started = true;
      await queue.startWorker(
        async (deliveryId, attempt) => {
          try {
            const r = await processDelivery(deps, deliveryId, attempt);
            deps.log.info({ delivery: deliveryId, attempt, ...r }, "delivery processed");
          } catch (err) {
            await markRetrying(db.sql, deliveryId, String((err as Error).message), clock()).catch(() => undefined);
            throw err;
          }
        },
        async (deliveryId, err, attempts) => {
          deps.log.error({ delivery: deliveryId, attempts, err: err.message }, "delivery is dead");
          // the row counts its own attempts (process-delivery.ts), not the queue's
          await markDead(db.sql, deliveryId, err.message, clock());
        },
        { concurrency: o.concurrency ?? 8 },
      );
      sweeper.start();
      // Redis back from an outage, maybe empty: everything acknowledged is queued again now,
      // not after the sweeper's lease on its row (minutes)
      queue.onReconnect?.(({ running }) => void recoverUnfinished(running));
      // The same when this worker starts: one that died may have left rows `processing` whose
      // jobs no queue holds any more (Redis restarted empty since, or the embedded queue went
      // with its process). A job the queue does hold is not enqueued twice.
      void recoverUnfinished(new Set());
    },
    async close() {
      closing = true;
      // rows being written are answered first; their ids then get a last chance at the queue
      await deps.intake.inbox.close();
      await deps.intake.dispatcher.close();
      if (started) await sweeper.stop();
      await queue.close();
    },
  };
}
