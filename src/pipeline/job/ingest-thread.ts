// Feeds the thread's messages that memory has not seen yet, once: internal notes (ours and
// colleagues') are never fed. The source event id is derived from what is fed, so a job
// retried after the add but before the cursor moved is a duplicate, not a second add.
import { createHash } from "node:crypto";
import type { InstallationInfo, Thread } from "../../../connectors/types";
import type { TenantRef } from "../../memory/store";
import type { SupportProfile } from "../../memory/types";
import type { PipelineDeps } from "../deps";
import type { TicketLease } from "./ticket-lease";

const MAX_SEEN = 20_000;
const BATCH = 200;

export type IngestResult = {
  fed: number;
  latestCustomerMessage?: string;
  /** The profile the last add wrote (scope of agent_id = provider); undefined when nothing was written. */
  profile?: SupportProfile | null;
};

export async function ingestThread(
  deps: PipelineDeps,
  p: { inst: InstallationInfo; tenant: TenantRef; thread: Thread; externalUserId: string; status?: string; lease: TicketLease },
): Promise<IngestResult> {
  const seen = new Set<string>(p.lease.seenMessageIds);
  const statusKey = `status:${p.status ?? ""}`;
  const fresh = p.thread.messages.filter((m) => !m.internal && !seen.has(m.id) && m.body.trim() !== "");
  const statusChanged = p.status !== undefined && !seen.has(statusKey);
  const latestCustomerMessage = [...p.thread.messages].reverse().find((m) => m.role === "customer" && !m.internal)?.body;

  if (fresh.length === 0 && !statusChanged) return { fed: 0, latestCustomerMessage };

  // Long threads go in batches so each add stays bounded; the last batch carries the status.
  const batches: (typeof fresh)[] = [];
  for (let i = 0; i < fresh.length; i += BATCH) batches.push(fresh.slice(i, i + BATCH));
  if (batches.length === 0) batches.push([]);
  let profile: SupportProfile | null | undefined;
  const shown = p.thread.messages.filter((m) => !m.internal && m.body.trim() !== "");
  for (const [i, batch] of batches.entries()) {
    const last = i === batches.length - 1;
    // the message before the batch, fed or not: a bare "094" answers the question it asked
    const before = batch.length > 0 ? shown[shown.indexOf(batch[0]!) - 1] : undefined;
    const ids = batch.map((m) => m.id).join(",");
    const eventId = createHash("sha256")
      .update(`${p.inst.id}\u0000${p.thread.ticketRef}\u0000${ids}\u0000${last ? (p.status ?? "") : ""}`)
      .digest("hex")
      .slice(0, 40);
    const added = await deps.engine.addWithProfile(p.tenant, {
      external_user_id: p.externalUserId,
      agent_id: p.inst.provider,
      messages: batch.map((m) => ({ role: m.role === "customer" ? "user" : "assistant", content: m.role === "bot" ? `[automated answer] ${m.body}` : m.body })),
      metadata: {
        source: p.inst.provider,
        ticket_id: p.thread.ticketRef,
        ...(last && p.status ? { ticket_status: p.status } : {}),
        ...(p.thread.subject ? { subject: p.thread.subject } : {}),
        ...(p.thread.customer?.name ? { customer_name: p.thread.customer.name } : {}),
        ...(p.thread.customer?.company ? { customer_company: p.thread.customer.company } : {}),
        ...(p.thread.channel ? { channel: p.thread.channel } : {}),
      },
      source_event_id: `${p.inst.provider}:${eventId}`,
      ...(before ? { preceding_message: before.body } : {}),
    });
    profile = added.result.status === "stored" ? added.profile : undefined;
  }

  for (const m of fresh) seen.add(m.id);
  if (p.status) seen.add(statusKey);
  for (const k of [...seen]) if (k.startsWith("status:") && k !== statusKey) seen.delete(k);
  // written with the lease's release, after the note: a job that dies before that feeds the
  // same ids again next time, and the same ids make the same source event ids (duplicates)
  p.lease.saveCursor({ seenMessageIds: [...seen].slice(-MAX_SEEN), externalUserId: p.externalUserId });
  return { fed: fresh.length, latestCustomerMessage, profile };
}
