// Group commit for the webhook inbox: deliveries that arrive together are written with one
// multi-row INSERT … ON CONFLICT DO NOTHING, one round trip and one commit for the lot, and
// each caller learns its own row id, or that its dedupe key was there already (in an earlier
// batch or earlier in the same one). A caller's promise settles only once the statement has
// committed, so the webhook's 2xx still follows the durable row. A batch that fails rejects
// every caller in it (none is acknowledged); only a data error (one bad row) is retried row
// by row so the others are not refused with it. It does not retry a failed write: the
// helpdesk does, on our 5xx.
import { createHash, randomUUID } from "node:crypto";
import type { NormalisedEvent, Provider } from "../../../connectors/types";
import type { SqlRunner } from "../../db/sql";

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
  /** Most rows per INSERT; default 64. */
  maxBatch?: number;
  /**
   * How long the first row of a batch waits for company. 0 (the default): until the end
   * of the current turn of the event loop, which under load already gathers every request
   * whose body arrived in the same turn, and costs nothing when idle.
   */
  windowMs?: number;
  /**
   * INSERTs in flight at once; rows arriving while every slot is busy wait for one and go
   * together. Default 2: with one, a row that arrives just after an INSERT left waits for that
   * whole round trip before its own starts, so a burst's slow commit (a busy disk, a starved
   * backend) is paid twice in its tail. With a second slot it goes at once; a third changed
   * nothing measurable (bench/ingest.ts, burst phase).
   */
  maxInFlight?: number;
};

type Waiter = { row: InboxRow; resolve: (r: InboxWriteResult) => void; reject: (e: Error) => void };

type BatchRow = {
  id: string;
  installation_id: string;
  tenant_id: string;
  provider: string;
  dedupe_key: string;
  event_type: string;
  status: string;
  skip_reason: string | null;
  event: NormalisedEvent | Record<string, never>;
  received_at: string;
  processed_at: string | null;
};

const INSERT_BATCH = `
  INSERT INTO webhook_deliveries (id, installation_id, tenant_id, provider, dedupe_key, event_type, status, skip_reason, event, received_at, updated_at, processed_at)
  SELECT id, installation_id, tenant_id, provider, dedupe_key, event_type, status, skip_reason, event, received_at, received_at, processed_at
  FROM json_to_recordset($1::json) AS r(id text, installation_id text, tenant_id text, provider text, dedupe_key text, event_type text,
                                        status text, skip_reason text, event json, received_at timestamp(3), processed_at timestamp(3))
  ON CONFLICT (provider, dedupe_key) DO NOTHING RETURNING id`;
// PostgreSQL's class 22 (data exception: NUL in text, bad JSON), 23 (integrity) and 54 (a
// program limit: a value too big for an index) are about a row, not the connection: worth
// retrying the batch row by row.
const ROW_ERROR = /^(2[23]|54)/;

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

  /**
   * One statement for the batch, its rows as one JSON parameter (serialised natively in one
   * call, where eleven parameters a row cost the client more than the rows themselves); a
   * dedupe key twice in it is written once. Returns the new rows' ids by identity.
   */
  async function insert(batch: Waiter[]): Promise<Map<string, string>> {
    const firstOf = new Map<string, Waiter>();
    const rows: BatchRow[] = [];
    const keyOfId = new Map<string, string>();
    for (const w of batch) {
      const key = identity(w.row);
      if (firstOf.has(key)) continue;
      firstOf.set(key, w);
      const r = w.row;
      const id = `dlv_${randomUUID().replace(/-/g, "")}`;
      keyOfId.set(id, key);
      const at = r.receivedAt.toISOString();
      rows.push({
        id,
        installation_id: r.installationId,
        tenant_id: r.tenantId,
        provider: r.provider,
        dedupe_key: storedKey(r.dedupeKey),
        event_type: r.eventType.slice(0, 200),
        status: r.status,
        skip_reason: r.skipReason ?? null,
        event: r.event ?? {},
        received_at: at,
        processed_at: r.status === "skipped" ? at : null,
      });
    }
    const inserted = await opts.sql.query<{ id: string }>(INSERT_BATCH, [rowsJson(rows)]);
    const ids = new Map<string, string>();
    for (const { id } of inserted) ids.set(keyOfId.get(id)!, id);
    return ids;
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
  return `${row.provider}\u0000${storedKey(row.dedupeKey)}`;
}

/**
 * Longest dedupe key stored as it is. The key is in a unique index, whose entries PostgreSQL
 * caps at 2,704 bytes; a helpdesk id is short, but a payload can carry anything where the id
 * goes (a 1 MB "event id"), and such a row must be recorded, not refused with a 5xx for ever.
 */
const MAX_KEY_CHARS = 512;

/** The key as stored: without NUL, and a long one as its start and its SHA-256 (same key, same stored key). */
function storedKey(key: string): string {
  const clean = noNul(key);
  if (clean.length <= MAX_KEY_CHARS) return clean;
  const digest = createHash("sha256").update(clean, "utf8").digest("hex");
  return `${wellFormed(clean.slice(0, 100))}…sha256:${digest}`;
}

// PostgreSQL text and jsonb cannot hold NUL; a helpdesk payload can carry one.
function noNul(s: string): string {
  return s.includes("\u0000") ? s.replaceAll("\u0000", "") : s;
}

// JSON.stringify writes NUL as \u0000 and a lone surrogate as \udXXX; PostgreSQL refuses both
// in text and jsonb (a helpdesk payload can carry either), so such strings are cleaned first:
// NUL dropped, a lone surrogate replaced by U+FFFD.
const UNSTORABLE_ESCAPE = /\\u0000|\\ud[89a-f]/i;

function rowsJson(rows: BatchRow[]): string {
  const json = JSON.stringify(rows);
  return UNSTORABLE_ESCAPE.test(json) ? JSON.stringify(rows, (_k, v: unknown) => (typeof v === "string" ? wellFormed(noNul(v)) : v)) : json;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, "\ufffd");
}
