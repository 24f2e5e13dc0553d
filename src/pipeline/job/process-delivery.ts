// The worker job for one inbox row: echo/bot filter → requester → external_user_id → whole
// thread → only the messages not yet seen into memory → note policy → post the note once.
// Each step is a function; this file composes them. Throwing hands the retry to the queue.
import type { Connector, InstallationInfo, NormalisedEvent, RequesterIdentity, Thread } from "../../../connectors/types";
import { aliasesOf, mergeHelpdeskUsers, resolveCustomerWithAliases } from "../../identity/resolve";
import type { TenantRef } from "../../memory/store";
import { claimDelivery, deliveryStatus, finishDelivery, uncountAttempt } from "../../queue/delivery-rows";
import { MAX_ATTEMPTS, PermanentJobError } from "../../queue/retry";
import { NeedsReauthError } from "../../tenants/oauth-tokens";
import { afterCredentialsFailure } from "../credentials";
import type { PipelineDeps } from "../deps";
import { ingestThread } from "./ingest-thread";
import { maybePostNote } from "./post-note";
import { type ReleaseWrite, runWrite, type TicketLease, withTicketLease } from "./ticket-lease";

export type JobResult = { status: "done" | "skipped" | "held"; reason: string };
/** What a job that ran to its end records. */
type Finished = { status: "done" | "skipped"; reason: string };

/**
 * Runs one delivery. `attempt` is the queue's count, which starts again at 1 when the sweeper
 * re-enqueues a job the queue lost; the row's own count goes on, so a delivery that keeps
 * failing (or keeps getting lost) is given up at MAX_ATTEMPTS whichever count gets there first.
 */
export async function processDelivery(deps: PipelineDeps, deliveryId: string, attempt: number): Promise<JobResult> {
  for (let runs = 1; ; runs++) {
    // the installation the job used, for what a refused credential means (credentials.ts)
    const used: { inst?: InstallationInfo } = {};
    try {
      return await processClaimed(deps, deliveryId, attempt, used);
    } catch (err) {
      const next = await afterCredentialsFailure(deps, deliveryId, used.inst, err, runs <= MAX_CREDENTIAL_RERUNS);
      if (next.status === "held") return next;
      // A token another process rotated away (or one we just renewed): that run is not an
      // attempt of the delivery's, or 20 jobs meeting one refresh would use theirs up.
      await uncountAttempt(deps.db.sql, deliveryId);
    }
  }
}

/** Runs again at once after renewed credentials, per attempt; a further 401 goes to the queue. */
const MAX_CREDENTIAL_RERUNS = 2;

async function processClaimed(deps: PipelineDeps, deliveryId: string, attempt: number, used: { inst?: InstallationInfo }): Promise<JobResult> {
  const sql = deps.db.sql;
  // Claims the row in one statement (unless already finished), counting the attempt there;
  // updated_at is the lease the sweeper reads.
  const delivery = await claimDelivery(sql, deliveryId, deps.clock());
  if (!delivery) {
    const status = await deliveryStatus(sql, deliveryId);
    if (!status) return { status: "skipped", reason: "delivery_not_found" };
    return { status: status as JobResult["status"], reason: "already_processed" };
  }
  const attempts = Math.max(attempt, Number(delivery.attempts));
  // Attempts already used up (each lost run counts: a worker killed mid-job every time, too)
  if (attempts > MAX_ATTEMPTS) {
    // this run is not one: the row keeps the count of those that were
    await uncountAttempt(sql, deliveryId);
    throw new PermanentJobError(`gave up after ${attempts - 1} attempts`);
  }
  try {
    return await runClaimed(deps, deliveryId, delivery, used);
  } catch (err) {
    // the last attempt by the row's count: no retry, whatever the queue's own count says
    if (attempts >= MAX_ATTEMPTS && !(err as { permanent?: unknown }).permanent) {
      throw new PermanentJobError(`gave up after ${attempts} attempts: ${(err as Error).message}`, { cause: err });
    }
    throw err;
  }
}

async function runClaimed(
  deps: PipelineDeps,
  deliveryId: string,
  delivery: { installation_id: string; event: unknown },
  used: { inst?: InstallationInfo },
): Promise<JobResult> {
  // The outcome, written with the lease's release (or on its own for a job that takes none).
  const finishing = (result: Finished): ReleaseWrite => finishDelivery(deliveryId, result, deps.clock());
  const finish = async (result: Finished) => {
    await runWrite(deps.db, finishing(result));
    return result;
  };

  let record = await deps.installations.byId(delivery.installation_id);
  // a cached copy may predate a re-install or a re-auth: a refusal is decided on a fresh read
  if (record && record.status !== "active") record = await deps.installations.byId(delivery.installation_id, { maxAgeMs: 0 });
  used.inst = record?.info;
  if (record?.status === "needs_reauth") throw new NeedsReauthError(`installation ${record.info.id} needs to be connected again`);
  if (!record || record.status !== "active") return finish({ status: "skipped", reason: "installation_inactive" });
  const inst = deps.credentials ? await deps.credentials.fresh(record.info) : record.info;
  used.inst = inst;
  const connector = deps.connectors[inst.provider];
  const tenant = await tenantOf(deps, inst.tenantId);
  if (!connector || !tenant) return finish({ status: "skipped", reason: "installation_inactive" });
  const event = delivery.event as NormalisedEvent;

  // Our own notes come back as events: drop them before anything else.
  if (await isOwnEcho(deps, connector, inst, event)) return finish({ status: "skipped", reason: "own_echo" });
  if (event.kind === "internal_note") return finish({ status: "skipped", reason: "internal_note" });

  const client = clientFor(connector, inst, deps.apiUrls[inst.provider]);
  const prefix = connector.facts.idPrefix;

  if (event.kind === "user_merged" && event.merge) {
    const { into } = await mergeHelpdeskUsers(deps.db, { tenantId: inst.tenantId, provider: inst.provider, account: inst.account, ...event.merge, prefix });
    await foldAliases(deps, tenant, into, await aliasesOf(deps.db, tenant.id, into));
    return finish({ status: "done", reason: "users_merged" });
  }
  if (!event.ticketRef) {
    if (event.kind === "identity_changed" && event.requesterRef) {
      await resolveAndMerge(deps, connector, client, inst, tenant, event.requesterRef, event);
      return finish({ status: "done", reason: "identity_updated" });
    }
    return finish({ status: "skipped", reason: "no_ticket" });
  }

  const ticketRef = event.ticketRef;
  const ticketJob = async (lease: TicketLease): Promise<Finished> => {
    const thread: Thread = await connector.fetchThread(client, ticketRef);
    const requesterRef = event.requesterRef ?? thread.requesterRef;
    // An anonymous visitor with no contact: nobody to remember, which is an outcome, not a failure.
    if (!requesterRef) return { status: "skipped", reason: "no_requester" };
    const known = thread.requester?.providerUserRef === requesterRef ? thread.requester : undefined;
    const externalUserId = await resolveAndMerge(deps, connector, client, inst, tenant, requesterRef, event, known);
    const status = (thread.status ?? event.status)?.toLowerCase();
    const ingested = await ingestThread(deps, { inst, tenant, thread, externalUserId, status, lease });
    const note = await maybePostNote(deps, { connector, client, inst, tenant, event, thread, externalUserId, status, deliveryId, ingested, lease });
    return { status: "done", reason: note.reason };
  };
  // Finished by the statement that releases the lease with the ticket's cursor saved: whoever
  // sees the delivery done sees the cursor too, and a crash before it re-runs a job that finds
  // the messages seen and the note posted.
  return withTicketLease(deps.db, inst.id, ticketRef, async (lease) => {
    const result = await ticketJob(lease);
    lease.writeOnRelease(finishing(result));
    return result;
  });
}

function tenantOf(deps: PipelineDeps, tenantId: string): Promise<TenantRef | null> {
  // runtime.ts wraps deps.tenant in the tenant cache (tenant-cache.ts)
  return deps.tenant(tenantId);
}

// One API client per installation object: the installation cache hands out the same object
// until the installation changes (or its entry expires and is re-read), and a new object gets a
// new client, so rotated credentials are used at once. Keyed weakly: nothing to evict.
const clients = new WeakMap<InstallationInfo, { apiUrl: string | undefined; client: unknown }>();

function clientFor(connector: Connector, inst: InstallationInfo, apiUrl: string | undefined): unknown {
  const hit = clients.get(inst);
  if (hit && hit.apiUrl === apiUrl) return hit.client;
  const client = connector.createClient(inst, apiUrl);
  clients.set(inst, { apiUrl, client });
  return client;
}

/**
 * The connector decides; the only fact it needs from us is whether the event's own message
 * is a note we posted: one indexed lookup of that one ref, and none when the author already
 * gives the echo away or the event names no message.
 */
async function isOwnEcho(deps: PipelineDeps, connector: Connector, inst: InstallationInfo, event: NormalisedEvent): Promise<boolean> {
  if (connector.isOwnEcho(event, inst, NO_REFS)) return true;
  if (event.messageRef === undefined) return false;
  const rows = await deps.db.sql.query(`SELECT 1 FROM posted_notes WHERE installation_id = $1 AND note_ref = $2 LIMIT 1`, [inst.id, event.messageRef]);
  return rows.length > 0 && connector.isOwnEcho(event, inst, new Set([event.messageRef]));
}

const NO_REFS: ReadonlySet<string> = new Set();

async function resolveAndMerge(
  deps: PipelineDeps,
  connector: Connector,
  client: unknown,
  inst: InstallationInfo,
  tenant: TenantRef,
  requesterRef: string,
  event: NormalisedEvent,
  /** The requester's record if the thread fetch brought it: no call of its own then. */
  known?: RequesterIdentity,
): Promise<string> {
  const fetched = known ?? (await connector.resolveRequester(client, requesterRef));
  const identity = { ...fetched, ...definedOnly(event.identity ?? {}), providerUserRef: fetched.providerUserRef || requesterRef };
  const { externalUserId, previousIds, aliases } = await resolveCustomerWithAliases(deps.db, {
    tenantId: inst.tenantId,
    provider: inst.provider,
    account: inst.account,
    identity,
    emailKey: deps.emailKey,
    prefix: connector.facts.idPrefix,
  });
  await foldAliases(deps, tenant, externalUserId, [...previousIds, ...aliases]);
  return externalUserId;
}

/**
 * Folds every id that now points at `externalUserId` into its profile. Looking the aliases
 * up each time (not only the ones this call created) also finishes a merge that an earlier,
 * failed attempt left half done; a fold with nothing left to move is a no-op.
 */
async function foldAliases(deps: PipelineDeps, tenant: TenantRef, externalUserId: string, oldIds: string[]): Promise<void> {
  const ids = new Set(oldIds);
  ids.delete(externalUserId);
  for (const old of ids) await deps.engine.mergeCustomers(tenant, old, externalUserId);
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== "")) as Partial<T>;
}
