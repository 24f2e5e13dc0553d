// The webhook inbox as an admin sees it: filter, page, one delivery's outcome, and replay.
// Every query is scoped by tenant: a tenant never reads or replays another's deliveries.
import { z } from "zod";
import { providerNames, ticketUrl } from "../../../connectors";
import type { Database } from "../../db/client";
import { parseBody } from "../errors";

export const DELIVERY_STATUSES = ["received", "queued", "processing", "held", "done", "skipped", "dead"] as const;
export const REPLAYABLE_STATUSES = ["dead", "skipped"] as const;
export const PAGE_SIZE = 25;

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));
const optionalTime = optionalText.pipe(
  z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), "must be a date or an ISO time, e.g. 2026-11-01T00:00:00Z")
    .transform((v) => new Date(v))
    .optional(),
);

export const deliveryFilterSchema = z.object({
  status: optionalText.pipe(z.enum(DELIVERY_STATUSES, { error: `must be one of: ${DELIVERY_STATUSES.join(", ")}` }).optional()),
  provider: optionalText.pipe(z.enum(providerNames, { error: `must be one of: ${providerNames.join(", ")}` }).optional()),
  since: optionalTime,
  until: optionalTime,
  page: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(100_000).default(1),
});
export type DeliveryFilter = z.output<typeof deliveryFilterSchema>;

export function parseDeliveryFilter(query: unknown, where: "query" | "body" = "query"): DeliveryFilter {
  return parseBody(deliveryFilterSchema, query, where);
}

function whereOf(tenantId: string, f: Omit<DeliveryFilter, "page">) {
  return {
    tenantId,
    ...(f.status ? { status: f.status } : {}),
    ...(f.provider ? { provider: f.provider } : {}),
    ...(f.since || f.until ? { receivedAt: { ...(f.since ? { gte: f.since } : {}), ...(f.until ? { lte: f.until } : {}) } } : {}),
  };
}

type Row = Awaited<ReturnType<Database["prisma"]["webhookDelivery"]["findMany"]>>[number];

function view(r: Row) {
  const event = (r.event ?? {}) as { ticketRef?: string; kind?: string };
  return {
    delivery_id: r.id,
    installation_id: r.installationId,
    provider: r.provider,
    event_type: r.eventType,
    ticket_ref: typeof event.ticketRef === "string" ? event.ticketRef : null,
    status: r.status,
    skip_reason: r.skipReason,
    attempts: r.attempts,
    last_error: r.lastError,
    received_at: r.receivedAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
    processed_at: r.processedAt?.toISOString() ?? null,
  };
}
export type DeliveryView = ReturnType<typeof view>;

/** Newest first, PAGE_SIZE a page. */
export async function listDeliveries(db: Database, tenantId: string, f: DeliveryFilter) {
  const where = whereOf(tenantId, f);
  const [rows, total] = await Promise.all([
    db.prisma.webhookDelivery.findMany({ where, orderBy: [{ receivedAt: "desc" }, { id: "desc" }], skip: (f.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.prisma.webhookDelivery.count({ where }),
  ]);
  return { deliveries: rows.map(view), page: f.page, page_size: PAGE_SIZE, total };
}

export async function deliveryDetail(db: Database, tenantId: string, id: string) {
  const row = await db.prisma.webhookDelivery.findFirst({ where: { id, tenantId } });
  if (!row) return null;
  const d = view(row);
  const [inst, note] = await Promise.all([
    db.prisma.installation.findUnique({ where: { id: row.installationId }, select: { provider: true, account: true } }),
    db.prisma.postedNote.findUnique({ where: { deliveryId: id }, select: { state: true, reason: true, postedAt: true, noteRef: true } }),
  ]);
  const ticket_url = inst && d.ticket_ref ? ticketUrl(inst.provider, inst.account, d.ticket_ref) : null;
  return {
    ...d,
    account: inst?.account ?? null,
    ticket_url,
    note: note ? { state: note.state, reason: note.reason, posted_at: note.postedAt.toISOString(), note_ref: note.noteRef } : null,
  };
}

// Back to `received` with no attempts: the worker's sweeper enqueues such rows within seconds.
const REPLAY = { status: "received", attempts: 0, skipReason: null, lastError: null, processedAt: null };

/** False when the delivery is not this tenant's or is not dead or skipped. */
export async function replayDelivery(db: Database, tenantId: string, id: string): Promise<boolean> {
  const r = await db.prisma.webhookDelivery.updateMany({ where: { id, tenantId, status: { in: [...REPLAYABLE_STATUSES] } }, data: REPLAY });
  return r.count > 0;
}

/** Replays every dead delivery matching the filter (its status, when given, must be dead or skipped). */
export async function replayMatching(db: Database, tenantId: string, f: Omit<DeliveryFilter, "page">): Promise<number> {
  const status = f.status && (REPLAYABLE_STATUSES as readonly string[]).includes(f.status) ? f.status : "dead";
  const r = await db.prisma.webhookDelivery.updateMany({ where: whereOf(tenantId, { ...f, status }), data: REPLAY });
  return r.count;
}
