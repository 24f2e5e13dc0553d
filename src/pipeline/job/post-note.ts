// Decides whether the agent gets a note and posts it at most once per delivery: an intent
// row is written before the helpdesk call and marked posted after it; a job retried after a
// crash in between looks for its own footer reference in the thread before posting again.
import { randomUUID } from "node:crypto";
import type { Connector, InstallationInfo, NormalisedEvent, Thread } from "../../../connectors/types";
import type { TenantRef } from "../../memory/store";
import type { PipelineDeps } from "../deps";
import type { IngestResult } from "./ingest-thread";
import type { TicketLease } from "./ticket-lease";
import { decideNote, digestOf, type NoteDigest } from "./note-policy";

export type NoteOutcome = { posted: boolean; reason: string };

const PREVIOUS_NOTES = 20;

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
    lease: TicketLease;
  },
): Promise<NoteOutcome> {
  const sql = deps.db.sql;
  const footerRef = `ref ${p.deliveryId.slice(4, 16)}`;
  const { existing, previous } = await readPostedNotes(deps, p.deliveryId, p.inst.id, p.thread.ticketRef);
  if (existing?.state === "posted") return { posted: true, reason: "already_posted" };
  if (existing) {
    const mine = p.thread.messages.find((m) => m.internal && m.body.includes(footerRef));
    if (mine) {
      await sql.query(`UPDATE posted_notes SET state = 'posted', note_ref = $2 WHERE id = $1`, [existing.id, mine.id]);
      return { posted: true, reason: "already_posted" };
    }
  }

  const query = p.ingested.latestCustomerMessage ?? p.thread.subject ?? "";
  // The note shows the profile in the scope the ingest writes to (agent_id = provider, which is
  // the shared scope unless the tenant scopes per agent). The profile the ingest just wrote is
  // that one: no read back. With nothing written it is read once, with the same agent_id.
  const reuse = p.ingested.profile !== undefined;
  const profile = reuse ? (p.ingested.profile ?? null) : await deps.engine.profile(p.tenant, p.externalUserId, p.inst.provider);
  const context = deps.engine.contextFor(profile, { external_user_id: p.externalUserId, query: query.slice(0, 4000), context_max_tokens: 700 });
  const current = digestOf(profile, context);
  const decision = existing
    ? { post: true, reason: existing.reason }
    : decideNote({
        kind: p.event.kind,
        ticketStatus: p.status,
        hasContext: context.has_context,
        previous,
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
  let intentId = existing?.id;
  if (!intentId) {
    intentId = randomUUID();
    await sql.query(
      `INSERT INTO posted_notes (id, delivery_id, installation_id, ticket_ref, reason, digest, state, posted_at, body, body_format)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'posting', $7, $8, $9)`,
      [intentId, p.deliveryId, p.inst.id, p.thread.ticketRef, decision.reason, JSON.stringify(current), deps.clock().toISOString(), note.body, note.format],
    );
  }
  const { noteRef } = await p.connector.postNote(p.client, p.thread.ticketRef, note, p.inst);
  // Marked posted and counted (a "note" memory event, for the stats) by the statement that
  // releases the ticket. A crash before it leaves the intent 'posting': the retried job finds
  // the note by its footer reference in the thread and does not post again.
  const postedAt = deps.clock().toISOString();
  p.lease.writeOnRelease((bind) => `UPDATE posted_notes SET state = 'posted', note_ref = ${bind(noteRef || null)}, posted_at = ${bind(postedAt)} WHERE id = ${bind(intentId)}`);
  p.lease.writeOnRelease(
    (bind) =>
      `INSERT INTO memory_events (id, tenant_id, external_user_id, agent_scope, source_event_id, kind, message_count, claim_count, extractor, created_at)
       VALUES (${bind(randomUUID())}, ${bind(p.inst.tenantId)}, ${bind(p.externalUserId)}, 'note', ${bind(`note:${p.deliveryId}`)}, 'note', 0, 0, ${bind(p.inst.provider)}, ${bind(postedAt)})
       ON CONFLICT (tenant_id, source_event_id) DO NOTHING`,
  );
  return { posted: true, reason: decision.reason };
}

type PostedNoteRow = { id: string; state: string; reason: string };

/**
 * One read for both questions: this delivery's note intent (if a crashed attempt left one)
 * and the notes already posted on the ticket, newest first (for the note policy).
 */
async function readPostedNotes(deps: PipelineDeps, deliveryId: string, installationId: string, ticketRef: string) {
  const rows = await deps.db.sql.query<PostedNoteRow & { mine: boolean; digest: NoteDigest; posted_ms: number }>(
    `(SELECT true AS mine, id, state, reason, digest, extract(epoch FROM posted_at)::float8 * 1000 AS posted_ms
        FROM posted_notes WHERE delivery_id = $1)
     UNION ALL
     (SELECT false, id, state, reason, digest, extract(epoch FROM posted_at)::float8 * 1000
        FROM posted_notes WHERE installation_id = $2 AND ticket_ref = $3 AND state = 'posted'
       ORDER BY posted_at DESC LIMIT ${PREVIOUS_NOTES})`,
    [deliveryId, installationId, ticketRef],
  );
  const existing = rows.find((r) => r.mine);
  return {
    existing: existing ? { id: existing.id, state: existing.state, reason: existing.reason } : undefined,
    // a retried delivery's own decision stands; the others' notes only matter for a new one
    previous: existing ? [] : rows.filter((r) => !r.mine).map((r) => ({ postedAt: new Date(Number(r.posted_ms)), digest: r.digest })),
  };
}
