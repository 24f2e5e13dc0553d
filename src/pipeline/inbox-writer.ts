// Group commit for the webhook inbox: deliveries that arrive together are written with one
// multi-row INSERT … ON CONFLICT DO NOTHING, one round trip and one commit for the lot, and
// each caller learns its own row id, or that its dedupe key was there already (in an earlier
// batch or earlier in the same one). A caller's promise settles only once the statement has
// committed, so the webhook's 2xx still follows the durable row. A batch that fails rejects
// every caller in it (none is acknowledged); only a data error (one bad row) is retried row
// by row so the others are not refused with it. It does not retry a failed write: the
// helpdesk does, on our 5xx.
import { randomUUID } from "node:crypto";
import type { NormalisedEvent, Provider } from "../../connectors/types";
import type { SqlRunner } from "../db/sql";

export type InboxRow = {
  installationId: string;
  tenantId: string;
  provider: Provider;
  dedupeKey: string;
  eventType: string;
  event: NormalisedEvent | null;
  status: "received" | "skipped";
  skipReason?: string;
  receivedAt: Date;
};

/** The new row's id, or null when its (provider, dedupe key) was recorded before. */
export type InboxWriteResult = string | null;

export type InboxWriter = {
  write(row: InboxRow): Promise<InboxWriteResult>;
  /** Resolves once every row handed in so far is written (or refused). */
  flush(): Promise<void>;
  /** Writes what is pending, then refuses new rows. */
  close(): Promise<void>;
};

export type InboxWriterOptions = {
  sql: Pick<SqlRunner, "query">;
  /** Most rows per INSERT; default 64 (11 parameters each). */
  maxBatch?: number;
  /**
   * How long the first row of a batch waits for company. 0 (the default): until the end
   * of the current turn of the event loop, which under load already gathers every request
   * whose body arrived in the same turn, and costs nothing when idle.
   */
  windowMs?: number;
  /** INSERTs in flight at once; rows arriving meanwhile wait for a free slot and go together. Default 2. */
  maxInFlight?: number;
};

type Waiter = { row: InboxRow; resolve: (r: InboxWriteResult) => void; reject: (e: Error) => void };

const COLUMNS = 11;
// PostgreSQL's class 22 (data exception: NUL in text, bad JSON) and 23 (integrity) are about a
// row, not the connection: worth retrying the batch row by row.
const ROW_ERROR = /^2[23]/;

export class InboxClosedError extends Error {
  constructor() {
    super("the inbox writer is closed");
  }
}

export function createInboxWriter(opts: InboxWriterOptions): InboxWriter {
  const maxBatch = Math.max(1, opts.maxBatch ?? 64);
  const windowMs = Math.max(0, opts.windowMs ?? 0);
  const maxInFlight = Math.max(1, opts.maxInFlight ?? 2);
  let pending: Waiter[] = [];
  let inFlight = 0;
  let scheduled: NodeJS.Immediate | NodeJS.Timeout | undefined;
  let closed = false;
  const idle: Array<() => void> = [];

  function schedule(): void {
    if (scheduled) return;
    scheduled = windowMs > 0 ? setTimeout(onTimer, windowMs) : setImmediate(onTimer);
  }

  function onTimer(): void {
    scheduled = undefined;
    pump();
  }

  function pump(): void {
    while (inFlight < maxInFlight && pending.length > 0) {
      const batch = pending.length <= maxBatch ? pending : pending.slice(0, maxBatch);
      pending = pending.length <= maxBatch ? [] : pending.slice(maxBatch);
      inFlight++;
      void run(batch).finally(() => {
        inFlight--;
        // rows that came while every slot was busy go now, as one batch
        if (pending.length > 0) pump();
        else if (inFlight === 0) for (const done of idle.splice(0)) done();
      });
    }
  }

  async function run(batch: Waiter[]): Promise<void> {
    try {
      settle(batch, await insert(batch));
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      const code = (err as { code?: unknown }).code;
      if (batch.length > 1 && typeof code === "string" && ROW_ERROR.test(code)) {
        for (const w of batch) await run([w]);
        return;
      }
      for (const w of batch) w.reject(error);
    }
  }

  /** One statement for the batch; a dedupe key twice in it is written once. */
  async function insert(batch: Waiter[]): Promise<Map<string, string>> {
    const firstOf = new Map<string, Waiter>();
    const params: unknown[] = [];
    const values: string[] = [];
    for (const w of batch) {
      const key = identity(w.row);
      if (firstOf.has(key)) continue;
      firstOf.set(key, w);
      const r = w.row;
      const at = r.receivedAt.toISOString();
      const n = params.length;
      params.push(
        `dlv_${randomUUID().replace(/-/g, "")}`,
        r.installationId,
        r.tenantId,
        r.provider,
        noNul(r.dedupeKey),
        noNul(r.eventType.slice(0, 200)),
        r.status,
        r.skipReason ?? null,
        eventJson(r.event),
        at,
        r.status === "skipped" ? at : null,
      );
      values.push(`($${n + 1},$${n + 2},$${n + 3},$${n + 4},$${n + 5},$${n + 6},$${n + 7},$${n + 8},$${n + 9}::jsonb,$${n + 10},$${n + 10},$${n + 11})`);
    }
    const rows = await opts.sql.query<{ id: string; provider: string; dedupe_key: string }>(
      `INSERT INTO webhook_deliveries (id, installation_id, tenant_id, provider, dedupe_key, event_type, status, skip_reason, event, received_at, updated_at, processed_at)
       VALUES ${values.join(",")}
       ON CONFLICT (provider, dedupe_key) DO NOTHING RETURNING id, provider, dedupe_key`,
      params,
    );
    return new Map(rows.map((r) => [`${r.provider}\u0000${r.dedupe_key}`, r.id]));
  }

  function settle(batch: Waiter[], inserted: Map<string, string>): void {
    for (const w of batch) {
      const key = identity(w.row);
      const id = inserted.get(key);
      // the first waiter of a key takes the new row; any later one is a duplicate
      if (id !== undefined) inserted.delete(key);
      w.resolve(id ?? null);
    }
  }

  return {
    write(row) {
      if (closed) return Promise.reject(new InboxClosedError());
      return new Promise<InboxWriteResult>((resolve, reject) => {
        pending.push({ row, resolve, reject });
        // a full batch goes at once (a timer still set fires later on whatever is left)
        if (pending.length >= maxBatch) pump();
        else schedule();
      });
    },
    flush() {
      if (pending.length === 0 && inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        idle.push(resolve);
        if (scheduled) return;
        pump();
      });
    },
    async close() {
      closed = true;
      await this.flush();
    },
  };
}

function identity(row: InboxRow): string {
  return `${row.provider}\u0000${noNul(row.dedupeKey)}`;
}

// PostgreSQL text and jsonb cannot hold NUL; a helpdesk payload can carry one.
function noNul(s: string): string {
  return s.includes("\u0000") ? s.replaceAll("\u0000", "") : s;
}

function eventJson(event: NormalisedEvent | null): string {
  const json = JSON.stringify(event ?? {});
  return json.includes("\\u0000") ? JSON.stringify(event, (_k, v: unknown) => (typeof v === "string" ? noNul(v) : v)) : json;
}
