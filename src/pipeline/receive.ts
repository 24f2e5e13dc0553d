// The webhook handler's whole job: find the installation, verify the signature on the raw
// bytes, parse, record the delivery in the inbox (unique dedupe key) and enqueue it. It
// answers in milliseconds; every slow step is the worker's. The inbox row is written before
// the 2xx, so a delivery we acknowledged is never lost even when the queue is down.
import { createHash, randomUUID } from "node:crypto";
import type { NormalisedEvent, Provider, RawRequest } from "../../connectors/types";
import type { InstallationRecord, PipelineDeps } from "./deps";

export type ReceiveResult = { status: number; body: Record<string, unknown> };

export type Route = {
  provider: Provider;
  /** Per-installation URL (Zendesk, Crisp website hooks). */
  installationId?: string;
  /** What a shared endpoint answers for an account nobody installed (Intercom counts errors toward pausing). */
  unknownAccountStatus?: 200 | 404;
};

const ENQUEUE_TIMEOUT_MS = 1_000;

export async function receiveWebhook(deps: PipelineDeps, route: Route, req: RawRequest): Promise<ReceiveResult> {
  const connector = deps.connectors[route.provider];
  if (!connector) return { status: 404, body: error("unknown_provider", `no connector for ${route.provider}`) };

  let json: unknown;
  const parseJson = (): ReceiveResult | null => {
    try {
      json = JSON.parse(req.rawBody.toString("utf8"));
      return null;
    } catch {
      return { status: 400, body: error("malformed_json", "request body is not valid JSON") };
    }
  };

  let record: InstallationRecord | null;
  if (route.installationId) {
    record = await deps.installations.byId(route.installationId);
    if (!record || record.info.provider !== route.provider || record.status !== "active") {
      return { status: 404, body: error("unknown_installation", "no active installation at this URL") };
    }
  } else {
    const bad = parseJson();
    if (bad) return bad;
    const account = connector.accountOf?.(json);
    record = account ? await deps.installations.byAccount(route.provider, account) : null;
    if (!record || record.status !== "active") {
      deps.log.warn({ provider: route.provider, account }, "webhook for an account with no active installation");
      return { status: route.unknownAccountStatus ?? 404, body: { received: false, skipped: "unknown_account" } };
    }
  }
  const inst = record.info;

  const verified = connector.verify(req, inst, deps.clock());
  if (!verified.ok) {
    deps.log.warn({ provider: route.provider, installation: inst.id, code: verified.code }, "webhook refused");
    return { status: 401, body: error(verified.code, "signature verification failed") };
  }
  if (json === undefined) {
    const bad = parseJson();
    if (bad) return bad;
  }

  const parsed = connector.parse(json);
  if (!parsed.ok && parsed.code === "malformed") return { status: 400, body: error("malformed_payload", parsed.message) };

  if (!parsed.ok) {
    const id = await record_(deps, inst.id, inst.tenantId, route.provider, `${inst.id}:skip:${sha256(req.rawBody)}`, parsed.type ?? "unknown", null, {
      status: "skipped",
      skipReason: parsed.reason,
    });
    return { status: 200, body: id ? { received: true, skipped: parsed.reason, delivery_id: id } : { received: true, skipped: parsed.reason, duplicate: true } };
  }

  const event = parsed.event;
  const id = await record_(deps, inst.id, inst.tenantId, route.provider, connector.dedupeKey(event, req, inst), event.type, event, { status: "received" });
  if (id === null) return { status: 200, body: { received: true, duplicate: true } };

  try {
    await withTimeout(deps.queue.enqueue(id), ENQUEUE_TIMEOUT_MS);
    await deps.db.prisma.webhookDelivery.updateMany({ where: { id, status: "received" }, data: { status: "queued" } });
  } catch (err) {
    // The row stays `received`: the sweeper enqueues it when the queue is back.
    deps.log.warn({ err: (err as Error).message, delivery: id }, "enqueue failed; the sweeper will retry");
  }
  return { status: 200, body: { received: true, delivery_id: id } };
}

/** Inserts the inbox row; null when the dedupe key was seen before. */
async function record_(
  deps: PipelineDeps,
  installationId: string,
  tenantId: string,
  provider: Provider,
  dedupeKey: string,
  eventType: string,
  event: NormalisedEvent | null,
  state: { status: string; skipReason?: string },
): Promise<string | null> {
  const id = `dlv_${randomUUID().replace(/-/g, "")}`;
  const rows = await deps.db.sql.query<{ id: string }>(
    `INSERT INTO webhook_deliveries (id, installation_id, tenant_id, provider, dedupe_key, event_type, status, skip_reason, event, received_at, updated_at, processed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $10, $11)
     ON CONFLICT (provider, dedupe_key) DO NOTHING RETURNING id`,
    [
      id,
      installationId,
      tenantId,
      provider,
      dedupeKey,
      eventType.slice(0, 200),
      state.status,
      state.skipReason ?? null,
      JSON.stringify(event ?? {}),
      deps.clock().toISOString(),
      state.status === "skipped" ? deps.clock().toISOString() : null,
    ],
  );
  return rows[0]?.id ?? null;
}

function sha256(b: Buffer): string {
  return createHash("sha256").update(b).digest("hex");
}

function error(code: string, message: string) {
  return { error: { code, message } };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}
