// What the pipeline needs, passed in: the worker, the API process and tests build it.
import type { Connector, InstallationInfo, Provider } from "../../connectors/types";
import type { Database } from "../db/client";
import type { Logger } from "../logger";
import type { MemoryEngine } from "../memory/engine";
import type { TenantRef } from "../memory/store";
import type { DeliveryQueue } from "../queue/types";
import type { Credentials } from "../tenants/oauth-tokens";

export type InstallationRecord = { info: InstallationInfo; status: string };

export type InstallationStore = {
  /** `maxAgeMs`: a cached answer older than this is read again (0: always). */
  byId(id: string, opts?: { maxAgeMs?: number }): Promise<InstallationRecord | null>;
  byAccount(provider: Provider, account: string): Promise<InstallationRecord | null>;
};

export type PipelineDeps = {
  db: Database;
  engine: MemoryEngine;
  queue: DeliveryQueue;
  log: Logger;
  clock: () => Date;
  connectors: Partial<Record<Provider, Connector>>;
  installations: InstallationStore;
  tenant(tenantId: string): Promise<TenantRef | null>;
  /** Key for hashing verified e-mails (never stored raw). */
  emailKey: Buffer;
  /** Per-provider API base-URL overrides (tests, benchmarks). */
  apiUrls: Partial<Record<Provider, string>>;
  /** OAuth tokens kept fresh, and what a 401 means (src/tenants/oauth-tokens.ts). */
  credentials?: Credentials;
};
