// The messages between a benchmark and its server process (service.ts), over node's IPC channel.
import type { InstallationSecrets, Provider } from "../../connectors/types";

export const ROLES = ["bare", "api", "api+worker", "worker"] as const;
export type Role = (typeof ROLES)[number];

export type ToService = { id: number; cmd: "cpu" | "calls" | "deliveries" | "loop-delay" | "stages" | "profile-start" | "profile-stop" | "stop" };

/** How late the server's event loop ran its timers since the previous reading, ms. */
export type LoopDelay = { p50: number; p99: number; max: number };

/** A distribution of one quantity (ms, or a count per call), as bench/lib/report.ts summarizes it. */
export type Distribution = { n: number; p50: number; p95: number; p99: number; max: number; mean: number };

/**
 * Where an acknowledgement's time goes inside the server, since the previous reading (which
 * resets them): the whole webhook request (handler entered → response finished), the inbox
 * INSERT's round trip and rows, the enqueue calls (round trip, ids, and the part before the
 * call returns its promise: BullMQ does the rest of its work in later turns, so this is not
 * all it holds the event loop), and the garbage collector's pauses.
 */
export type Stages = {
  server_ms: Distribution;
  insert_ms: Distribution;
  insert_rows: Distribution;
  enqueue_ms: Distribution;
  enqueue_sync_ms: Distribution;
  enqueue_ids: Distribution;
  gc: { count: number; total_ms: number; max_ms: number; major: number; major_ms: number };
};

/** SQL statements sent through node-postgres and Redis commands sent through ioredis, since start. */
export type CallCounts = { sql: number; redis: number; byStatement: Record<string, number> };
export type FromService =
  | { type: "ready"; port: number | null; installationId: string | null; database: string; queue: string }
  | { type: "reply"; id: number; value: unknown }
  | { type: "failed"; message: string };

export type DeliveryCounts = { total: number; byStatus: Record<string, number> };

/** The Zendesk user our notes are posted as (the installation's agentId). */
export const BENCH_AGENT_ID = "8447388099001";

/**
 * The installation service.ts creates (what `installations add <provider>` would), passed as
 * JSON in BENCH_INSTALLATION; without it, BENCH_SIGNING_SECRET makes zendeskInstallation(secret).
 */
export type BenchInstallation = {
  provider: Provider;
  account: string;
  settings: Record<string, string>;
  secrets: InstallationSecrets;
};

export function zendeskInstallation(signingSecret: string): BenchInstallation {
  return {
    provider: "zendesk",
    account: "acme",
    settings: { email: "admin@acme.example", agentId: BENCH_AGENT_ID },
    secrets: { apiToken: "zd-api-token-bench", signingSecret },
  };
}
