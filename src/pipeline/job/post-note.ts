// Decides whether the agent gets a note and posts at most one per ticket per policy decision,
// whatever the order of deliveries, retries, sweeps and crashes:
// - an intent row is written before the helpdesk call (only while this job holds the ticket's
//   lease) and marked posted after it;
// - the policy counts pending intents as notes: a note that may be out already is one;
// - a retry whose intent is still pending looks for its own footer reference in the thread it
//   has just read: found, the note is out and is recorded; not found, it posts its decision.
import { randomUUID } from "node:crypto";
import type { Connector, InstallationInfo, NormalisedEvent, Thread } from "../../../connectors/types";
import { isFirstContact } from "../../memory/first-contact";
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
      // the attempt that posted it may have died before counting it
      await countNote(deps, p);
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
  const current = digestOf(profile, p.thread);
  const firstContactNote = p.tenant.settings.first_contact_note ?? "triage";
  // A tenant that wants no triage gets no note until there is something from another ticket.
  if (!existing && firstContactNote === "none" && isFirstContact(profile, p.thread.ticketRef)) return { posted: false, reason: "first_contact_note_off" };
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
    ticketRef: p.thread.ticketRef,
    firstContactNote,
    footerRef,
  });
  let intentId = existing?.id;
  if (!intentId) {
    const id = randomUUID();
    intentId = id;
    // Only while the ticket is still ours: a job that lost its lease (stalled past it) would
    // otherwise decide on notes another job has added since.
    await p.lease.writeWhileHeld(
      (bind) =>
        `INSERT INTO posted_notes (id, delivery_id, installation_id, ticket_ref, reason, digest, state, posted_at, body, body_format)
         SELECT ${bind(id)}, ${bind(p.deliveryId)}, ${bind(p.inst.id)}, ${bind(p.thread.ticketRef)}, ${bind(decision.reason)}, ${bind(JSON.stringify(current))}::jsonb,
                'posting', ${bind(deps.clock().toISOString())}::timestamp(3), ${bind(note.body)}, ${bind(note.format)} FROM held`,
    );
  }
  const { noteRef } = await p.connector.postNote(p.client, p.thread.ticketRef, note, p.inst);
  // The note is out: counted for the stats now (once per delivery, whatever happens next), and
  // marked posted by the statement that releases the ticket. A crash before that leaves the
  // intent 'posting': the retried job finds the note by its footer reference in the thread and
  // does not post again.
  await countNote(deps, p);
  const postedAt = deps.clock().toISOString();
  p.lease.writeOnRelease((bind) => `UPDATE posted_notes SET state = 'posted', note_ref = ${bind(noteRef || null)}, posted_at = ${bind(postedAt)} WHERE id = ${bind(intentId)}`);
  return { posted: true, reason: decision.reason };
}

/** A "note" memory event for the support stats, through the engine; idempotent per delivery. */
function countNote(deps: PipelineDeps, p: { tenant: TenantRef; externalUserId: string; deliveryId: string; inst: InstallationInfo }): Promise<void> {
  return deps.engine.recordNote(p.tenant, { external_user_id: p.externalUserId, source_event_id: `note:${p.deliveryId}`, source: p.inst.provider });
}

type PostedNoteRow = { id: string; state: string; reason: string };

/**
 * One read for both questions: this delivery's note intent (if a crashed or refused attempt
 * left one) and the ticket's other notes, posted or still pending, newest first (for the
 * policy).
 */
async function readPostedNotes(deps: PipelineDeps, deliveryId: string, installationId: string, ticketRef: string) {
  const rows = await deps.db.sql.query<PostedNoteRow & { mine: boolean; digest: NoteDigest; posted_ms: number }>(
    `(SELECT true AS mine, id, state, reason, digest, extract(epoch FROM posted_at)::float8 * 1000 AS posted_ms
        FROM posted_notes WHERE delivery_id = $1)
     UNION ALL
     (SELECT false, id, state, reason, digest, extract(epoch FROM posted_at)::float8 * 1000
        FROM posted_notes WHERE installation_id = $2 AND ticket_ref = $3 AND state IN ('posted', 'posting') AND delivery_id <> $1
       ORDER BY posted_at DESC, id DESC LIMIT ${PREVIOUS_NOTES})`,
    [deliveryId, installationId, ticketRef],
  );
  const mine = rows.find((r) => r.mine);
  const others = rows.filter((r) => !r.mine);
  return {
    existing: mine ? { id: mine.id, state: mine.state, reason: mine.reason } : undefined,
    // a retried delivery's own decision stands (later decisions counted it as a note); the
    // others' notes only matter for a new decision
    previous: mine ? [] : others.map((r) => ({ postedAt: new Date(Number(r.posted_ms)), digest: r.digest })),
  };
}
