// Decides whether the agent gets a note and posts it at most once per delivery: an intent
// row is written before the helpdesk call and marked posted after it; a job retried after a
// crash in between looks for its own footer reference in the thread before posting again.
import { randomUUID } from "node:crypto";
import type { Connector, InstallationInfo, NormalisedEvent, Thread } from "../../connectors/types";
import type { TenantRef } from "../memory/store";
import type { PipelineDeps } from "./deps";
import type { IngestResult } from "./ingest-thread";
import { decideNote, digestOf, type NoteDigest } from "./note-policy";

export type NoteOutcome = { posted: boolean; reason: string };

export async function maybePostNote(
  deps: PipelineDeps,
  p: {
    connector: Connector;
    client: unknown;
    inst: InstallationInfo;
    tenant: TenantRef;
    event: NormalisedEvent;
    thread: Thread;
    externalUserId: string;
    status?: string;
    deliveryId: string;
    ingested: IngestResult;
  },
): Promise<NoteOutcome> {
  const prisma = deps.db.prisma;
  const footerRef = `ref ${p.deliveryId.slice(4, 16)}`;
  const existing = await prisma.postedNote.findUnique({ where: { deliveryId: p.deliveryId } });
  if (existing?.state === "posted") return { posted: true, reason: "already_posted" };
  if (existing) {
    const mine = p.thread.messages.find((m) => m.internal && m.body.includes(footerRef));
    if (mine) {
      await prisma.postedNote.update({ where: { id: existing.id }, data: { state: "posted", noteRef: mine.id } });
      return { posted: true, reason: "already_posted" };
    }
  }

  const query = p.ingested.latestCustomerMessage ?? p.thread.subject ?? "";
  const context = await deps.engine.get(p.tenant, { external_user_id: p.externalUserId, query: query.slice(0, 4000), context_max_tokens: 700 });
  const profile = await deps.engine.profile(p.tenant, p.externalUserId);
  const previous = existing
    ? []
    : await prisma.postedNote.findMany({
        where: { installationId: p.inst.id, ticketRef: p.thread.ticketRef, state: "posted" },
        orderBy: { postedAt: "desc" },
        take: 20,
      });
  const current = digestOf(profile, context);
  const decision = existing
    ? { post: true, reason: existing.reason }
    : decideNote({
        kind: p.event.kind,
        ticketStatus: p.status,
        hasContext: context.has_context,
        previous: previous.map((n) => ({ postedAt: n.postedAt, digest: n.digest as unknown as NoteDigest })),
        current,
        now: deps.clock(),
        limit: p.connector.facts.noteRateLimit,
      });
  if (!decision.post) return { posted: false, reason: decision.reason };

  const note = p.connector.renderNote({
    context,
    profile,
    externalUserId: p.externalUserId,
    historyTruncated: p.thread.truncated,
    footerRef,
  });
  const intent =
    existing ??
    (await prisma.postedNote.create({
      data: {
        id: randomUUID(),
        deliveryId: p.deliveryId,
        installationId: p.inst.id,
        ticketRef: p.thread.ticketRef,
        reason: decision.reason,
        digest: current,
        state: "posting",
        postedAt: deps.clock(),
      },
    }));
  const { noteRef } = await p.connector.postNote(p.client, p.thread.ticketRef, note, p.inst);
  await prisma.postedNote.update({ where: { id: intent.id }, data: { state: "posted", noteRef: noteRef || null, postedAt: deps.clock() } });
  await prisma.memoryEvent.create({
    data: {
      id: randomUUID(),
      tenantId: p.inst.tenantId,
      externalUserId: p.externalUserId,
      agentScope: "note",
      sourceEventId: `note:${p.deliveryId}`,
      kind: "note",
      messageCount: 0,
      claimCount: 0,
      extractor: p.inst.provider,
      createdAt: deps.clock(),
    },
  });
  return { posted: true, reason: decision.reason };
}
