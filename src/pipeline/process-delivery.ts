// The worker job for one inbox row: echo/bot filter → requester → external_user_id → whole
// thread → only the messages not yet seen into memory → note policy → post the note once.
// Each step is a function; this file composes them. Throwing hands the retry to the queue.
import type { Connector, InstallationInfo, NormalisedEvent, Thread } from "../../connectors/types";
import { aliasesOf, mergeHelpdeskUsers, resolveCustomer } from "../identity/resolve";
import { PermanentJobError } from "../queue/retry";
import type { TenantRef } from "../memory/store";
import type { PipelineDeps } from "./deps";
import { ingestThread } from "./ingest-thread";
import { maybePostNote } from "./post-note";
import { withTicketLease } from "./ticket-lease";

const PREFIX = { zendesk: "zd", intercom: "ic", crisp: "cr" } as const;

export type JobResult = { status: "done" | "skipped"; reason: string };

export async function processDelivery(deps: PipelineDeps, deliveryId: string, attempt: number): Promise<JobResult> {
  const delivery = await deps.db.prisma.webhookDelivery.findUnique({ where: { id: deliveryId } });
  if (!delivery) return { status: "skipped", reason: "delivery_not_found" };
  if (delivery.status === "done" || delivery.status === "skipped") return { status: delivery.status, reason: "already_processed" };
  await deps.db.prisma.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "processing", attempts: attempt } });

  const finish = async (result: JobResult) => {
    await deps.db.prisma.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: result.status, skipReason: result.status === "skipped" ? result.reason : null, processedAt: deps.clock(), lastError: null },
    });
    return result;
  };

  const record = await deps.installations.byId(delivery.installationId);
  if (!record || record.status !== "active") return finish({ status: "skipped", reason: "installation_inactive" });
  const inst = record.info;
  const connector = deps.connectors[inst.provider];
  const tenant = await deps.tenant(inst.tenantId);
  if (!connector || !tenant) return finish({ status: "skipped", reason: "installation_inactive" });
  const event = delivery.event as unknown as NormalisedEvent;

  // Our own notes come back as events: drop them before anything else.
  const posted = await postedNoteRefs(deps, inst.id);
  if (connector.isOwnEcho(event, inst, posted)) return finish({ status: "skipped", reason: "own_echo" });
  if (event.kind === "internal_note") return finish({ status: "skipped", reason: "internal_note" });

  const client = connector.createClient(inst, deps.apiUrls[inst.provider]);
  const prefix = PREFIX[inst.provider];

  if (event.kind === "user_merged" && event.merge) {
    const { into } = await mergeHelpdeskUsers(deps.db, { tenantId: inst.tenantId, provider: inst.provider, account: inst.account, ...event.merge, prefix });
    await foldAliases(deps, tenant, into, []);
    return finish({ status: "done", reason: "users_merged" });
  }
  if (!event.ticketRef) {
    if (event.kind === "identity_changed" && event.requesterRef) {
      await resolveAndMerge(deps, connector, client, inst, event.requesterRef, event);
      return finish({ status: "done", reason: "identity_updated" });
    }
    return finish({ status: "skipped", reason: "no_ticket" });
  }

  const ticketRef = event.ticketRef;
  return withTicketLease(deps.db, inst.id, ticketRef, async () => {
    const thread: Thread = await connector.fetchThread(client, ticketRef);
    const requesterRef = event.requesterRef ?? thread.requesterRef;
    if (!requesterRef) throw new PermanentJobError(`ticket ${ticketRef} has no requester`);
    const externalUserId = await resolveAndMerge(deps, connector, client, inst, requesterRef, event);
    const status = (thread.status ?? event.status)?.toLowerCase();
    const ingested = await ingestThread(deps, { inst, tenant, thread, externalUserId, status });
    const note = await maybePostNote(deps, { connector, client, inst, tenant, event, thread, externalUserId, status, deliveryId, ingested });
    return finish({ status: "done", reason: note.reason });
  });
}

async function resolveAndMerge(
  deps: PipelineDeps,
  connector: Connector,
  client: unknown,
  inst: InstallationInfo,
  requesterRef: string,
  event: NormalisedEvent,
): Promise<string> {
  const fetched = await connector.resolveRequester(client, requesterRef);
  const identity = { ...fetched, ...definedOnly(event.identity ?? {}), providerUserRef: fetched.providerUserRef || requesterRef };
  const { externalUserId, previousIds } = await resolveCustomer(deps.db, {
    tenantId: inst.tenantId,
    provider: inst.provider,
    account: inst.account,
    identity,
    emailKey: deps.emailKey,
    prefix: PREFIX[inst.provider],
  });
  const tenant = await deps.tenant(inst.tenantId);
  if (tenant) await foldAliases(deps, tenant, externalUserId, previousIds);
  return externalUserId;
}

/**
 * Folds every id that now points at `externalUserId` into its profile. Looking the aliases
 * up each time (not only the ones this call created) also finishes a merge that an earlier,
 * failed attempt left half done; a fold with nothing left to move is a no-op.
 */
async function foldAliases(deps: PipelineDeps, tenant: TenantRef, externalUserId: string, previousIds: string[]): Promise<void> {
  const ids = new Set([...previousIds, ...(await aliasesOf(deps.db, tenant.id, externalUserId))]);
  ids.delete(externalUserId);
  for (const old of ids) await deps.engine.mergeCustomers(tenant, old, externalUserId);
}

async function postedNoteRefs(deps: PipelineDeps, installationId: string): Promise<Set<string>> {
  const rows = await deps.db.prisma.postedNote.findMany({
    where: { installationId, noteRef: { not: null } },
    select: { noteRef: true },
    orderBy: { postedAt: "desc" },
    take: 500,
  });
  return new Set(rows.map((r) => r.noteRef!).filter(Boolean));
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== "")) as Partial<T>;
}
