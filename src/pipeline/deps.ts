// What the pipeline needs, passed in: the worker, the API process and tests build it.
import type { Connector, InstallationInfo, Provider } from "../../connectors/types";
import type { Database } from "../db/client";
import type { Logger } from "../logger";
import type { MemoryEngine } from "../memory/engine";
import type { TenantRef } from "../memory/store";
import type { DeliveryQueue } from "../queue/types";

export type InstallationRecord = { info: InstallationInfo; status: string };

export type InstallationStore = {
  byId(id: string): Promise<InstallationRecord | null>;
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
};
