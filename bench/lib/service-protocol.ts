// The messages between a benchmark and its server process (service.ts), over node's IPC channel.
import type { InstallationSecrets, Provider } from "../../connectors/types";

export const ROLES = ["bare", "api", "api+worker", "worker"] as const;
export type Role = (typeof ROLES)[number];

export type ToService = { id: number; cmd: "cpu" | "calls" | "deliveries" | "loop-delay" | "profile-start" | "profile-stop" | "stop" };

/** How late the server's event loop ran its timers since the previous reading, ms. */
export type LoopDelay = { p50: number; p99: number; max: number };

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
