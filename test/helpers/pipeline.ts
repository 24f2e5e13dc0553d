// The whole service in-process for end-to-end tests: the real app (API + webhooks), the
// real pipeline and worker on the test database, BullMQ on Redis when REDIS_URL is set
// (a queue name of its own) or the embedded queue otherwise.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHmac, randomBytes } from "node:crypto";
import type { RequestListener } from "node:http";
import type { InstallationInfo } from "../../connectors/types";
import { loadConfig } from "../../src/config";
import type { Database } from "../../src/db/client";
import { createCommands } from "../../src/cli/commands";
import { createApp } from "../../src/http/app";
import { createInstallDeps } from "../../src/http/install/deps";
import { createConsoleSessions, type ConsoleSessions } from "../../src/http/console/sessions";
import { consoleSessionTenant } from "../../src/http/admin/principal";
import { webhookHandler } from "../../src/http/routes/webhooks";
import { forgetIdentities } from "../../src/identity/resolve";
import { createLogger } from "../../src/logger";
import { createMemoryEngine } from "../../src/memory/engine";
import { createDeterministicExtractor } from "../../src/memory/extract/deterministic";
import { createMetrics } from "../../src/metrics";
import { createPipelineRuntime, type PipelineRuntime } from "../../src/pipeline/runtime";
import { createBullmqQueue } from "../../src/queue/bullmq";
import { createEmbeddedQueue } from "../../src/queue/embedded";
import type { DeliveryQueue } from "../../src/queue/types";
import { createInstallation } from "../../src/tenants/installations";
import { loadMasterKey } from "../../src/tenants/secrets";
import { createTenant } from "../../src/tenants/service";
import { createTestDatabase } from "./db";
import { configuredRedisUrl, noteSkipped, serviceState } from "./services";

export const ZENDESK_SECRET = "whsec_test_3f9a1c2b7d8e4f60a1b2c3d4e5f60718";
export const ZENDESK_AGENT_ID = "8447388099001";
export const ZENDESK_BASE = "https://acme.zendesk.com";

export type TestPipeline = {
  app: RequestListener;
  db: Database;
  runtime: PipelineRuntime;
  queue: DeliveryQueue;
  tenantId: string;
  apiKey: string;
  zendesk: InstallationInfo;
  masterKey: Buffer;
  config: ReturnType<typeof loadConfig>;
  /** The pipeline's clock: real time while `value` is null, else frozen at it. */
  now: { value: Date | null };
  close(): Promise<void>;
};

/** `env`: more settings for the config, e.g. a helpdesk app's credentials (CRISP_PLUGIN_*). */
/** `admin`: also serve the console and the admin API (their sessions in `sessions`). */
export async function createTestPipeline(
  opts: { sweepIntervalMs?: number; zendeskApiUrl?: string; env?: Record<string, string>; admin?: { sessions?: ConsoleSessions } } = {},
): Promise<TestPipeline> {
  const db = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hm-e2e-"));
  const config = loadConfig({
    DATA_DIR: dataDir,
    MASTER_KEY: randomBytes(32).toString("hex"),
    LOG_LEVEL: "silent",
    ...(opts.zendeskApiUrl ? { ZENDESK_API_URL: opts.zendeskApiUrl } : {}),
    ...opts.env,
  });
  const log = createLogger("silent");
  const masterKey = loadMasterKey({ masterKey: config.masterKey, dataDir, embedded: db.kind === "embedded" });
  const now: { value: Date | null } = { value: null };
  const clock = () => now.value ?? new Date();
  const engine = createMemoryEngine({ db, extractor: createDeterministicExtractor(), clock });
  const metrics = createMetrics();
  const redisUrl = configuredRedisUrl();
  const redisState = serviceState("redis");
  if (process.env.REDIS_URL && !redisState.ok) noteSkipped("ran on the embedded queue, not BullMQ", redisState.reason);
  const queue = redisUrl
    ? createBullmqQueue({ redisUrl, name: `e2e-${process.pid}-${randomBytes(3).toString("hex")}`, log })
    : createEmbeddedQueue({ log });
  const services = { config, db, engine, extractor: createDeterministicExtractor(), metrics, log };
  const sessions = opts.admin ? (opts.admin.sessions ?? createConsoleSessions()) : undefined;
  const runtime = createPipelineRuntime(services, { queue, clock, sweepIntervalMs: opts.sweepIntervalMs ?? 500 });
  await runtime.startWorker({ concurrency: 4 });
  const app = createApp({
    db,
    engine,
    log,
    metrics,
    maxBodyBytes: 1_000_000,
    clock,
    webhooks: webhookHandler(runtime.deps, { metrics }),
    onForget: (tenantId, externalUserId) => forgetIdentities(db, tenantId, externalUserId),
    // with the console, as in main.ts: a console session may start an install (the Connect buttons)
    install: { ...createInstallDeps(services, runtime, clock), ...(sessions ? { sessionTenant: consoleSessionTenant({ db, sessions }) } : {}) },
    admin: sessions
      ? {
          sessions,
          oauthConfigured: (provider) => Boolean(config.oauthClients[provider as keyof typeof config.oauthClients]),
          publicUrl: config.publicUrl,
          masterKey: () => masterKey,
          commands: createCommands({ config: () => config }),
        }
      : undefined,
  });
  const t = await createTenant(db, "Acme");
  const zendesk = await createTestZendeskInstallation(db, masterKey, t.tenant.id, "acme");
  return {
    app,
    db,
    runtime,
    queue,
    tenantId: t.tenant.id,
    apiKey: t.api_key,
    zendesk,
    masterKey,
    config,
    now,
    async close() {
      await runtime.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An active Zendesk installation signed with ZENDESK_SECRET, its agent ZENDESK_AGENT_ID. */
export function createTestZendeskInstallation(db: Database, masterKey: Buffer, tenantId: string, account: string) {
  return createInstallation(db, masterKey, {
    tenantId,
    provider: "zendesk",
    account,
    settings: { email: "admin@acme.example", agentId: ZENDESK_AGENT_ID },
    secrets: { apiToken: "zd-api-token-test", signingSecret: ZENDESK_SECRET },
  });
}

/** Zendesk's scheme: base64 HMAC-SHA256 of timestamp + raw body, the secret used as UTF-8 bytes. */
export function zendeskHeaders(body: string, secret = ZENDESK_SECRET, timestamp = new Date().toISOString()) {
  return {
    "content-type": "application/json",
    "x-zendesk-webhook-signature-timestamp": timestamp,
    "x-zendesk-webhook-signature": createHmac("sha256", secret).update(timestamp + body).digest("base64"),
  };
}

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves when every delivery has reached done, skipped or dead. */
export async function settled(db: Database, timeoutMs = 20_000): Promise<void> {
  await waitFor(
    async () => {
      const rows = await db.sql.query<{ n: string | number }>(
        `SELECT count(*) AS n FROM webhook_deliveries WHERE status NOT IN ('done', 'skipped', 'dead')`,
      );
      return Number(rows[0]!.n) === 0;
    },
    timeoutMs,
    "deliveries to settle",
  );
}

/** A `ticket.created` event-subscription body, shaped like Zendesk's. */
export function ticketCreatedEvent(p: { ticketId: number; requesterId: number; subject: string; eventId?: string; time?: string }) {
  return {
    type: "zen:event-type:ticket.created",
    account_id: 10458821,
    id: p.eventId ?? `evt-${p.ticketId}-${randomBytes(4).toString("hex")}`,
    time: p.time ?? new Date().toISOString(),
    zendesk_event_version: "2022-11-06",
    subject: `zen:ticket:${p.ticketId}`,
    detail: {
      actor_id: String(p.requesterId),
      assignee_id: "",
      created_at: new Date().toISOString(),
      description: "",
      external_id: "",
      id: String(p.ticketId),
      is_public: true,
      requester_id: String(p.requesterId),
      status: "NEW",
      subject: p.subject,
      submitter_id: String(p.requesterId),
      tags: [],
      via: { channel: "web_form" },
    },
    event: { meta: { sequence: { id: randomBytes(8).toString("hex"), position: 1 } } },
  };
}

export function commentAddedEvent(p: { ticketId: number; requesterId: number; authorId: number; commentId: number; body: string; isPublic: boolean; isStaff: boolean; status?: string }) {
  return {
    type: "zen:event-type:ticket.comment_added",
    account_id: 10458821,
    id: `evt-c-${p.commentId}`,
    time: new Date().toISOString(),
    zendesk_event_version: "2022-11-06",
    subject: `zen:ticket:${p.ticketId}`,
    detail: { id: String(p.ticketId), requester_id: String(p.requesterId), actor_id: String(p.authorId), status: p.status ?? "OPEN", via: { channel: "web_service" }, external_id: null },
    event: { comment: { id: String(p.commentId), body: p.body, is_public: p.isPublic, author: { id: String(p.authorId), is_staff: p.isStaff, name: p.isStaff ? "Agent" : "Customer" } } },
  };
}

export function statusChangedEvent(p: { ticketId: number; requesterId: number; status: string }) {
  return {
    type: "zen:event-type:ticket.status_changed",
    account_id: 10458821,
    id: `evt-s-${p.ticketId}-${p.status}`,
    time: new Date().toISOString(),
    zendesk_event_version: "2022-11-06",
    subject: `zen:ticket:${p.ticketId}`,
    // a human agent solves tickets; our integration agent only writes notes
    detail: { id: String(p.ticketId), requester_id: String(p.requesterId), actor_id: "9101", status: p.status.toUpperCase() },
    event: { current: p.status.toUpperCase(), previous: "OPEN" },
  };
}
