// The delivery scenario: signed Zendesk webhooks (unique events, 20 % duplicates, 5 % bad
// signatures, 5 % malformed) sent at a steady pace while the fake helpdesk answers 429s, 500s
// and timeouts, the worker process is SIGKILLed and restarted, and Redis is stopped for a
// while. Then: how long after Redis returned everything acknowledged was queued again, and
// whether every acknowledged delivery reached an end (done, skipped, dead) with one note at
// most per ticket.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { conversation } from "../bench/lib/corpus";
import type { Rng } from "../bench/lib/rng";
import { commentAddedEvent, ticketCreatedEvent, zendeskHeaders } from "../test/helpers/pipeline";
import type { Deployment } from "./deployment";
import { ZENDESK_AGENT_ID } from "./deployment";
import type { FaultyZendesk } from "./fault-helpdesk";
import { createClient, type Answer } from "./http";

export type ScenarioSettings = {
  webhooks: number;
  sendSeconds: number;
  lanes: number;
  outageMs: number;
  /** The longest the run waits, after Redis is back, for everything to be queued again. */
  recoveryWaitMs: number;
  /** The longest the run waits, after the last webhook, for every delivery to reach an end (recovery is measured meanwhile). */
  settleWaitMs: number;
};

type Kind = "unique" | "duplicate" | "bad_signature" | "malformed";
type Planned = { kind: Kind; body: string; sign: "right" | "wrong"; ticketId: number };

const SUPPORT_AGENT_ID = 9101;
const BASE_TICKET = 5_000_000;
const QUEUE_KEY_PREFIX = "bull:deliveries:";

export type ScenarioFigures = {
  sent: number;
  planned: Record<Kind, number>;
  acknowledged: number;
  duplicates: number;
  unauthorized_401: number;
  bad_request_400: number;
  server_errors_5xx: number;
  no_answer: number;
  other_statuses: Record<string, number>;
  ack_ms_max: number;
  deliveries: { acknowledged: number; done: number; skipped: number; dead: number; unfinished: number; missing: number };
  lost: number;
  notes: { total: number; max_per_ticket: number; tickets_with_more_than_one: number; extra: ExtraNotes };
  recovery_seconds: number | null;
  faults_injected: FaultyZendesk["counts"] & { worker_sigkills: number; redis_outage_seconds: number };
  timeline_s: Record<string, number>;
};

/** The mix: per ticket a ticket.created, sometimes the customer's comment (already in the thread) and a staff reply. */
function plan(n: number, rng: Rng, zd: FaultyZendesk): Planned[] {
  const counts = { duplicate: Math.round(n * 0.2), bad_signature: Math.round(n * 0.05), malformed: Math.round(n * 0.05) };
  const uniqueCount = n - counts.duplicate - counts.bad_signature - counts.malformed;
  const unique: Planned[] = [];
  let ticketId = BASE_TICKET;
  zd.addUser({ id: Number(ZENDESK_AGENT_ID), name: "Customer memory", role: "agent", email: "memory@acme.example" });
  zd.addUser({ id: SUPPORT_AGENT_ID, name: "Sam (support)", role: "agent", email: "sam@acme.example" });
  while (unique.length < uniqueCount) {
    ticketId++;
    const requesterId = 700_000 + rng.int(0, Math.max(1, Math.floor(uniqueCount / 3)));
    if (!zd.users.has(requesterId)) zd.addUser({ id: requesterId, name: `Customer ${requesterId}`, email: `customer${requesterId}@example.com` });
    const conv = conversation(rng, rng.int(1, 4));
    const ticket = zd.addTicket({
      id: ticketId,
      subject: conv.subject,
      requester_id: requesterId,
      comments: conv.messages.map((m) => ({ body: m.text, author_id: m.role === "user" ? requesterId : SUPPORT_AGENT_ID })),
    });
    unique.push({ kind: "unique", ticketId, sign: "right", body: JSON.stringify(ticketCreatedEvent({ ticketId, requesterId, subject: conv.subject })) });
    const last = ticket.comments.at(-1)!;
    // the same ticket again, racing the first delivery: news for the memory, not for a second note
    if (rng.chance(0.3) && unique.length < uniqueCount) {
      const c = ticket.comments.find((x) => x.author_id === requesterId) ?? last;
      unique.push({ kind: "unique", ticketId, sign: "right", body: JSON.stringify(commentAddedEvent({ ticketId, requesterId, authorId: requesterId, commentId: c.id, body: c.body, isPublic: true, isStaff: false })) });
    }
    // an agent's reply: named as staff in the webhook, dropped before any helpdesk call
    if (rng.chance(0.1) && unique.length < uniqueCount) {
      const reply = zd.addComment(ticketId, { body: "Thanks, looking into it.", author_id: SUPPORT_AGENT_ID });
      unique.push({ kind: "unique", ticketId, sign: "right", body: JSON.stringify(commentAddedEvent({ ticketId, requesterId, authorId: SUPPORT_AGENT_ID, commentId: reply.id, body: reply.body, isPublic: true, isStaff: true })) });
    }
  }
  // shuffle the unique events, then put each duplicate somewhere after its original
  for (let i = unique.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [unique[i], unique[j]] = [unique[j]!, unique[i]!];
  }
  const out: Planned[] = [...unique];
  for (let d = 0; d < counts.duplicate; d++) {
    const at = rng.int(0, unique.length - 1);
    const original = unique[at]!;
    const pos = out.indexOf(original);
    out.splice(rng.int(pos + 1, out.length), 0, { ...original, kind: "duplicate" });
  }
  const malformed = ['{"type":"zen:event-type:ticket.created","detail":{', "", "{,}", "[1,2", '{"type": NaN}', "{'type':'x'}", '{"a":1}}'];
  const extras: Planned[] = [
    ...Array.from({ length: counts.bad_signature }, (_, i) => ({ kind: "bad_signature" as const, ticketId: 0, sign: "wrong" as const, body: JSON.stringify(ticketCreatedEvent({ ticketId: 9_000_000 + i, requesterId: 1, subject: "forged" })) })),
    ...Array.from({ length: counts.malformed }, (_, i) => ({ kind: "malformed" as const, ticketId: 0, sign: "right" as const, body: malformed[i % malformed.length]! })),
  ];
  for (const e of extras) out.splice(rng.int(0, out.length), 0, e);
  return out;
}

export async function runScenario(s: ScenarioSettings, d: Deployment, zd: FaultyZendesk, rng: Rng, log: (m: string) => void): Promise<ScenarioFigures> {
  const items = plan(s.webhooks, rng, zd);
  const planned = { unique: 0, duplicate: 0, bad_signature: 0, malformed: 0 };
  for (const it of items) planned[it.kind]++;
  const client = createClient(d.apiUrl, s.lanes);
  const path = `/webhooks/zendesk/${d.installations.zendesk}`;
  const answers: Array<{ item: Planned; answer: Answer }> = [];
  const t0 = performance.now();
  const at = () => Math.round((performance.now() - t0) / 100) / 10;
  const timeline: Record<string, number> = {};
  const interval = (s.sendSeconds * 1000) / items.length;

  // the faults, at fractions of the sending
  const events: Array<{ at: number; name: string; run: () => Promise<void> }> = [
    { at: 0.05, name: "helpdesk_faults_on", run: async () => void (zd.storm = true) },
    { at: 0.35, name: "worker_sigkill", run: () => d.restartWorker(1_500) },
    { at: 0.55, name: "redis_stopped", run: () => d.redis.stop() },
    { at: 0.9, name: "helpdesk_faults_off", run: async () => void (zd.storm = false) },
  ];
  let recovery: Promise<number | null> = Promise.resolve(null);
  const pending: Promise<void>[] = [];
  let nextEvent = 0;
  const fire = (progress: number) => {
    while (nextEvent < events.length && events[nextEvent]!.at <= progress) {
      const e = events[nextEvent++]!;
      timeline[e.name] = at();
      log(`faults: ${e.name} at ${timeline[e.name]} s`);
      pending.push(
        e.run().then(async () => {
          if (e.name !== "redis_stopped") return;
          await new Promise((r) => setTimeout(r, s.outageMs));
          await d.redis.start();
          const back = performance.now();
          timeline.redis_started = at();
          log(`faults: redis_started at ${timeline.redis_started} s`);
          recovery = measureRecovery(d, back, s.recoveryWaitMs).then((seconds) => {
            if (seconds !== null) timeline.everything_queued_again = at();
            log(`faults: recovery after Redis returned: ${seconds === null ? `not within ${s.recoveryWaitMs / 1000} s` : `${seconds} s`}`);
            return seconds;
          });
        }),
      );
    }
  };

  // a line every few seconds on stderr: what the helpdesk saw, where the deliveries are
  const ticker = setInterval(() => {
    void d.db.sql
      .query<{ status: string; n: string | number }>(`SELECT status, count(*) AS n FROM webhook_deliveries GROUP BY status`)
      .then((rows) => log(`faults: ${at()} s: helpdesk ${JSON.stringify(zd.counts)}, deliveries ${rows.map((r) => `${r.status} ${r.n}`).join(", ")}`))
      .catch(() => undefined);
  }, 3_000);
  let next = 0;
  await Promise.all(
    Array.from({ length: s.lanes }, async () => {
      while (next < items.length) {
        const i = next++;
        const due = t0 + i * interval;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        fire(i / items.length);
        const item = items[i]!;
        const headers = item.sign === "right" ? zendeskHeaders(item.body, d.secrets.zendesk) : zendeskHeaders(item.body, `whsec_wrong_${randomBytes(8).toString("hex")}`);
        answers.push({ item, answer: await client.send("POST", path, headers, item.body) });
      }
    }),
  );
  timeline.last_webhook_sent = at();
  await Promise.all(pending);
  client.close();


  const ackedIds = new Set<string>();
  let duplicates = 0;
  const statuses: Record<string, number> = {};
  for (const { answer } of answers) {
    statuses[String(answer.status)] = (statuses[String(answer.status)] ?? 0) + 1;
    if (answer.status !== 200) continue;
    const body = safeJson(answer.body);
    if (body?.duplicate === true) duplicates++;
    else if (typeof body?.delivery_id === "string") ackedIds.add(body.delivery_id);
  }
  const [settled, recoverySeconds] = await Promise.all([settle(d, ackedIds, s.settleWaitMs), recovery]);
  timeline.settled = at();
  clearInterval(ticker);
  const notes = zd.maxNotesPerTicket();
  const other = Object.fromEntries(Object.entries(statuses).filter(([k]) => !["200", "401", "400", "0"].includes(k) && !k.startsWith("5")));
  return {
    sent: answers.length,
    planned,
    acknowledged: statuses["200"] ?? 0,
    duplicates,
    unauthorized_401: statuses["401"] ?? 0,
    bad_request_400: statuses["400"] ?? 0,
    server_errors_5xx: Object.entries(statuses).filter(([k]) => k.startsWith("5")).reduce((a, [, n]) => a + n, 0),
    no_answer: statuses["0"] ?? 0,
    other_statuses: other,
    ack_ms_max: Math.round(Math.max(0, ...answers.map((a) => a.answer.ms))),
    deliveries: settled,
    lost: settled.unfinished + settled.missing,
    notes: { total: zd.notes.length, max_per_ticket: notes.max, tickets_with_more_than_one: notes.tickets_with_more_than_one, extra: await explainExtraNotes(d, zd) },
    recovery_seconds: recoverySeconds,
    faults_injected: { ...zd.counts, worker_sigkills: 1, redis_outage_seconds: s.outageMs / 1000 },
    timeline_s: timeline,
  };
}

/** What the notes beyond a ticket's first were: one delivery's note posted twice, or another delivery's decision (by reason). */
type ExtraNotes = { same_delivery_twice: number; other_decisions: Record<string, number>; examples: Array<{ ticket: number; notes: Array<{ ref: string; delivery?: string; event?: string; reason?: string; state?: string }> }> };

async function explainExtraNotes(d: Deployment, zd: FaultyZendesk): Promise<ExtraNotes> {
  const byTicket = new Map<number, string[]>();
  for (const n of zd.notes) byTicket.set(n.ticketId, [...(byTicket.get(n.ticketId) ?? []), /ref ([^\s<]{12})/.exec(n.htmlBody)?.[1] ?? "?"]);
  const out: ExtraNotes = { same_delivery_twice: 0, other_decisions: {}, examples: [] };
  for (const [ticket, refs] of byTicket) {
    if (refs.length < 2) continue;
    const rows = await d.db.sql.query<{ delivery_id: string; reason: string; state: string; event_type: string }>(
      `SELECT n.delivery_id, n.reason, n.state, w.event_type FROM posted_notes n JOIN webhook_deliveries w ON w.id = n.delivery_id WHERE n.ticket_ref = $1`,
      [String(ticket)],
    );
    const notes = refs.map((ref) => {
      const row = rows.find((r) => r.delivery_id.slice(4, 16) === ref);
      return { ref, delivery: row?.delivery_id, event: row?.event_type, reason: row?.reason, state: row?.state };
    });
    const seen = new Set<string>();
    for (const n of notes.slice(0)) {
      if (seen.has(n.ref)) out.same_delivery_twice++;
      else if (seen.size > 0) out.other_decisions[n.reason ?? "unknown"] = (out.other_decisions[n.reason ?? "unknown"] ?? 0) + 1;
      seen.add(n.ref);
    }
    if (out.examples.length < 3) out.examples.push({ ticket, notes });
  }
  return out;
}

function safeJson(text: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Seconds from Redis's return until every delivery not yet at an end has a job in Redis again
 * (waiting, delayed or active): null when that did not happen within `waitMs`.
 */
async function measureRecovery(d: Deployment, back: number, waitMs: number): Promise<number | null> {
  const redis = new Redis(d.redis.url, { maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    const deadline = back + waitMs;
    // what was acknowledged until Redis returned; webhooks arriving after it are the ordinary
    // path (each waits out the dispatcher's window), not recovery, and under a steady stream
    // some are always between their row and their job
    const owed = (await d.db.sql.query<{ id: string }>(`SELECT id FROM webhook_deliveries WHERE status NOT IN ('done', 'skipped', 'dead')`)).map((r) => r.id);
    for (;;) {
      const open = await d.db.sql.query<{ id: string }>(`SELECT id FROM webhook_deliveries WHERE id = ANY($1) AND status NOT IN ('done', 'skipped', 'dead')`, [owed]);
      let missing = open.map((r) => r.id);
      if (missing.length > 0) {
        const pipe = redis.pipeline();
        for (const id of missing) pipe.exists(`${QUEUE_KEY_PREFIX}${id}`);
        const found = (await pipe.exec()) ?? [];
        missing = missing.filter((_, i) => found[i]?.[1] !== 1);
      }
      if (missing.length > 0) {
        // a job may have finished (and left Redis) between the two reads
        const still = await d.db.sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM webhook_deliveries WHERE id = ANY($1) AND status NOT IN ('done', 'skipped', 'dead')`, [missing]);
        if (Number(still[0]!.n) === 0) missing = [];
      }
      const now = performance.now();
      if (missing.length === 0) return Math.round((now - back) / 100) / 10;
      if (now > deadline) return null;
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    redis.disconnect();
  }
}

/** Waits until every acknowledged delivery is done, skipped or dead (or `waitMs` passes); counts them. */
async function settle(d: Deployment, acked: Set<string>, waitMs: number): Promise<ScenarioFigures["deliveries"]> {
  const ids = [...acked];
  const deadline = performance.now() + waitMs;
  for (;;) {
    const rows = await d.db.sql.query<{ status: string; n: string | number }>(`SELECT status, count(*) AS n FROM webhook_deliveries WHERE id = ANY($1) GROUP BY status`, [ids]);
    const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    const found = Object.values(by).reduce((a, b) => a + b, 0);
    const figures = { acknowledged: ids.length, done: by.done ?? 0, skipped: by.skipped ?? 0, dead: by.dead ?? 0, unfinished: 0, missing: ids.length - found };
    figures.unfinished = found - figures.done - figures.skipped - figures.dead;
    if (figures.unfinished === 0 || performance.now() > deadline) return figures;
    await new Promise((r) => setTimeout(r, 500));
  }
}
