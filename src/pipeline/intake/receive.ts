// The webhook handler's whole job: find the installation (from memory, see
// installation-cache.ts), verify the signature on the raw bytes, parse, record the delivery in
// the inbox (unique dedupe key; group-committed with the deliveries arriving alongside, see
// inbox-writer.ts) and answer. The 2xx follows the committed row, so a delivery we
// acknowledged is never lost; it is enqueued after the answer (dispatcher.ts), and a row the
// queue never got (queue down, process killed) is enqueued by the sweeper.
import { createHash, randomUUID } from "node:crypto";
import type { Provider, RawRequest } from "../../../connectors/types";
import { webhookError } from "../../http/errors";
import type { Logger } from "../../logger";
import type { InstallationRecord, PipelineDeps } from "../deps";
import type { DeliveryDispatcher } from "./dispatcher";
import type { InboxRow, InboxWriter } from "./inbox-writer";
import type { CachedInstallationStore, LookupOptions } from "./installation-cache";
import type { LifecycleReceiver } from "./lifecycle";

export type ReceiveResult = { status: number; body: Record<string, unknown> };

export type Route = {
  provider: Provider;
  /** Per-installation URL (ConnectorFacts.webhookRoutes.perInstallation). */
  installationId?: string;
  /** What a shared endpoint answers for an account nobody installed (a helpdesk may count errors toward pausing). */
  unknownAccountStatus?: 200 | 404;
};

/** The webhook side of the pipeline: built once per process by runtime.ts. */
export type Intake = {
  installations: CachedInstallationStore;
  inbox: InboxWriter;
  dispatcher: DeliveryDispatcher;
  /** Warnings that a flood could repeat (unknown accounts, refused signatures), at most one per key per interval. */
  warn: ThrottledLog;
  /** App install/uninstall events on a shared endpoint, answered before any installation lookup. */
  lifecycle?: LifecycleReceiver;
  /**
   * How many bodies for accounts we do not serve are recorded (per provider); beyond it they
   * are answered alike but not written: nobody could verify them, and a flood of distinct
   * bodies must not grow the inbox without bound. Absent: every one is recorded.
   */
  unrecognised?: RecordBudget;
};

export type ReceiveDeps = Pick<PipelineDeps, "connectors" | "clock" | "log"> & { intake: Intake };

/**
 * A cached installation that refuses a delivery (not active yet, secret rotated since) is
 * read again from the database, but at most this often per installation: a flood of bad
 * signatures costs one read a second, not one per request.
 */
const RECHECK_MS = 1_000;

export async function receiveWebhook(deps: ReceiveDeps, route: Route, req: RawRequest): Promise<ReceiveResult> {
  const connector = deps.connectors[route.provider];
  if (!connector) return webhookError("unknown_provider", `no connector for ${route.provider}`);
  const { installations, warn } = deps.intake;

  let json: unknown;
  const parseJson = (): ReceiveResult | null => {
    try {
      json = JSON.parse(req.rawBody.toString("utf8"));
      return null;
    } catch {
      return webhookError("malformed_json", "request body is not valid JSON");
    }
  };

  let lookup: (o?: LookupOptions) => Promise<InstallationRecord | null>;
  let account: string | undefined;
  if (route.installationId) {
    const id = route.installationId;
    // No id we issue holds a NUL (PostgreSQL text cannot): such a URL names nothing of ours.
    if (id.includes("\u0000")) return webhookError("unknown_installation", "no active installation at this URL");
    lookup = (o) => installations.byId(id, o);
  } else {
    const bad = parseJson();
    if (bad) return bad;
    const lifecycle = await deps.intake.lifecycle?.(route.provider, req, json);
    if (lifecycle) return lifecycle;
    account = connector.accountOf?.(json);
    if (account?.includes("\u0000")) return webhookError("malformed_payload", `the ${route.provider} account id in the body contains a NUL byte`);
    const acc = account;
    lookup = acc ? (o) => installations.byAccount(route.provider, acc, o) : async () => null;
  }
  // needs_reauth: still ours and still signed; its deliveries are held until it is connected again
  const live = (r: InstallationRecord | null): r is InstallationRecord => r !== null && r.info.provider === route.provider && (r.status === "active" || r.status === "needs_reauth");

  let record = await lookup();
  // a copy cached before the installation went live: ask the database once more
  if (record && !live(record)) record = await lookup({ maxAgeMs: RECHECK_MS });
  if (!live(record)) {
    if (route.installationId) return webhookError("unknown_installation", "no active installation at this URL");
    return skipUnknownAccount(deps, route, req, account, record);
  }

  let verified = connector.verify(req, record.info, deps.clock());
  if (!verified.ok) {
    // the cached secret may have been rotated since: verify once more against a fresh read
    const fresh = await lookup({ maxAgeMs: RECHECK_MS });
    if (fresh !== record && live(fresh)) {
      record = fresh;
      verified = connector.verify(req, record.info, deps.clock());
    }
  }
  const inst = record.info;
  if (!verified.ok) {
    warn(deps.log, `refused:${inst.id}:${verified.code}`, { provider: route.provider, installation: inst.id, code: verified.code }, "webhook refused");
    return webhookError("signature_refused", "signature verification failed", verified.code);
  }
  if (json === undefined) {
    const bad = parseJson();
    if (bad) return bad;
  }

  const parsed = connector.parse(json);
  if (!parsed.ok && parsed.code === "malformed") return webhookError("malformed_payload", parsed.message);

  const base = { installationId: inst.id, tenantId: inst.tenantId, provider: route.provider, receivedAt: deps.clock() };
  if (!parsed.ok) {
    const row: InboxRow = { ...base, dedupeKey: `${inst.id}:skip:${parsed.distinct ? randomUUID() : sha256(req.rawBody)}`, eventType: parsed.type ?? "unknown", event: null, status: "skipped", skipReason: parsed.reason };
    let id: string | null;
    try {
      id = await deps.intake.inbox.write(row);
    } catch (err) {
      return inboxUnavailable(deps, row, err);
    }
    return { status: 200, body: id ? { received: true, skipped: parsed.reason, delivery_id: id } : { received: true, skipped: parsed.reason, duplicate: true } };
  }

  const event = parsed.event;
  const row: InboxRow = { ...base, dedupeKey: connector.dedupeKey(event, req, inst), eventType: event.type, event, status: "received" };
  let id: string | null;
  try {
    id = await deps.intake.inbox.write(row);
  } catch (err) {
    return inboxUnavailable(deps, row, err);
  }
  if (id === null) return { status: 200, body: { received: true, duplicate: true } };
  // after the answer, batched; never waits on the queue
  deps.intake.dispatcher.dispatch(id);
  return { status: 200, body: { received: true, delivery_id: id } };
}

/**
 * A shared endpoint (one URL for every account of an app) got a body for an account with no live
 * installation: recorded as skipped so it shows in `deliveries list`, without its payload
 * (nobody could verify it), once per identical body.
 */
async function skipUnknownAccount(deps: ReceiveDeps, route: Route, req: RawRequest, account: string | undefined, record: InstallationRecord | null): Promise<ReceiveResult> {
  const answer = { status: route.unknownAccountStatus ?? 404, body: { received: false, skipped: "unknown_account" } };
  const known = record?.info.provider === route.provider ? record : null;
  const reason = known ? "installation_inactive" : "unknown_account";
  const recorded = route.unknownAccountStatus === 200 && (deps.intake.unrecognised?.take(route.provider) ?? true);
  deps.intake.warn(deps.log, `${reason}:${route.provider}`, { provider: route.provider, account, installation: known?.info.id, recorded }, "webhook for an account with no active installation");
  if (!recorded) return answer;
  const row: InboxRow = {
    installationId: known?.info.id ?? "",
    tenantId: known?.info.tenantId ?? "",
    provider: route.provider,
    dedupeKey: `${reason}:${(account ?? "").slice(0, 200)}:${sha256(req.rawBody)}`,
    eventType: reason,
    event: null,
    status: "skipped",
    skipReason: reason,
    receivedAt: deps.clock(),
  };
  // best effort: the answer promises nothing about an account we do not serve
  await deps.intake.inbox.write(row).catch((err: unknown) => deps.log.warn({ err: (err as Error).message, provider: route.provider }, "could not record a delivery for an unknown account"));
  return answer;
}

/** The row could not be written: nothing is acknowledged, the helpdesk retries a 5xx. */
function inboxUnavailable(deps: ReceiveDeps, row: InboxRow, err: unknown): ReceiveResult {
  deps.intake.warn(deps.log, "inbox_unavailable", { err: (err as Error).message, provider: row.provider, installation: row.installationId }, "could not record a delivery; answered 503");
  return webhookError("inbox_unavailable", "the delivery could not be recorded; retry later");
}

export type RecordBudget = { take(key: string): boolean };

/**
 * A token bucket per key: `perMinute` takes a minute, refilled continuously, at most
 * `perMinute` saved up. Keys beyond `maxKeys` share one bucket.
 */
export function recordBudget(perMinute = 120, now: () => number = () => performance.now(), maxKeys = 100): RecordBudget {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const k = buckets.has(key) || buckets.size < maxKeys ? key : "\u0000other";
      const t = now();
      const b = buckets.get(k) ?? { tokens: perMinute, at: t };
      b.tokens = Math.min(perMinute, b.tokens + ((t - b.at) / 60_000) * perMinute);
      b.at = t;
      buckets.set(k, b);
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
  };
}

export type ThrottledLog = (log: Logger, key: string, fields: Record<string, unknown>, message: string) => void;

/**
 * Logs a warning at most once per `intervalMs` for each key, with how many were left out
 * since; remembers at most `maxKeys` keys (a flood of distinct keys forgets the oldest).
 */
export function throttledWarn(intervalMs = 10_000, now: () => number = () => performance.now(), maxKeys = 1_000): ThrottledLog {
  const seen = new Map<string, { at: number; suppressed: number }>();
  return (log, key, fields, message) => {
    const t = now();
    const s = seen.get(key);
    if (s && t - s.at < intervalMs) {
      s.suppressed++;
      return;
    }
    if (!s && seen.size >= maxKeys) seen.delete(seen.keys().next().value!);
    seen.set(key, { at: t, suppressed: 0 });
    log.warn(s?.suppressed ? { ...fields, suppressed: s.suppressed } : fields, message);
  };
}

function sha256(b: Buffer): string {
  return createHash("sha256").update(b).digest("hex");
}

