// The support memory engine: add (redact → extract → merge → store, idempotent by source
// event) and get (stored profile → token-budgeted context, no LLM). It knows no helpdesk:
// connectors and the /v1 API both call it with a tenant and an external_user_id.
import { createHash, randomUUID } from "node:crypto";
import type { Database } from "../db/client";
import { buildSupportContext, type SupportContext } from "./context";
import { withKnownIdentity } from "./extract/identity";
import { mergeExtraction } from "./merge";
import { mergeCustomerRecords } from "./merge-customers";
import { redactConversation, redactText, type RedactionFinding } from "./redact";
import { profileFromRow, readAddState, readProfile, scopeFor, writeAdd, type TenantRef } from "./store";
import type { AddMetadata, Extractor, InputMessage, SupportProfile, Vertical } from "./types";

export type AddRequest = {
  external_user_id: string;
  agent_id?: string;
  messages: InputMessage[];
  metadata?: AddMetadata;
  /** Idempotency: the same source event is applied once. Derived from the content when absent. */
  source_event_id?: string;
  /**
   * The message said just before these, which an earlier add fed (a live chat arrives a message
   * at a time): a bare reply ("094") is read as the answer to its question. Read, never stored.
   */
  preceding_message?: string;
};

export type AddResult = {
  status: "stored" | "duplicate";
  event_id: string;
  source_event_id: string;
  external_user_id: string;
  support_type: Vertical | null;
  claims_recorded: number;
  redactions: RedactionFinding[];
  extractor: string | null;
};

export type GetRequest = {
  external_user_id: string;
  agent_id?: string;
  query?: string;
  limit?: number;
  context_max_tokens?: number;
  /** false for a tenant on the general engine (domain_schema null); default true. */
  support_overlay?: boolean;
};

export type GetResult = SupportContext & { external_user_id: string };

export type MemoryEngine = {
  add(tenant: TenantRef, req: AddRequest): Promise<AddResult>;
  /**
   * add(), and the profile as it was written (null for a duplicate, which wrote nothing) and
   * as it stood before (what the memory API compares to say which facts the add made).
   */
  addWithProfile(tenant: TenantRef, req: AddRequest): Promise<AddWithProfile>;
  get(tenant: TenantRef, req: GetRequest): Promise<GetResult>;
  /** get() on a profile the caller already holds (e.g. from addWithProfile): no read. */
  contextFor(profile: SupportProfile | null, req: Omit<GetRequest, "agent_id">): GetResult;
  /** The stored profile, or null (used by the note renderer and the customer API). */
  profile(tenant: TenantRef, externalUserId: string, agentId?: string): Promise<SupportProfile | null>;
  /** Two ids are one customer: fold `fromId` into `intoId` (profiles, claims, events). */
  mergeCustomers(tenant: TenantRef, fromId: string, intoId: string): Promise<number>;
  /**
   * Counts a note shown to an agent for the customer (support stats, notes_by_day). Once per
   * `source_event_id`: recording the same note again is a no-op.
   */
  recordNote(tenant: TenantRef, note: { external_user_id: string; source_event_id: string; source: string }): Promise<void>;
};

export type AddWithProfile = { result: AddResult; profile: SupportProfile | null; previous: SupportProfile | null };

export type EngineDeps = {
  db: Database;
  extractor: Extractor;
  clock?: () => Date;
};

// PostgreSQL's unique_violation: the memory event's (tenant, source event) key, see writeAdd.
const UNIQUE_VIOLATION = "23505";
// Concurrent adds for one customer each retry once per write that beat them.
const MAX_WRITE_ATTEMPTS = 20;

export function createMemoryEngine({ db, extractor, clock = () => new Date() }: EngineDeps): MemoryEngine {

  /**
   * add(), and the profile it left (null for a duplicate): the note path builds its context
   * from it (contextFor) instead of reading the profile back.
   */
  async function addWithProfile(tenant: TenantRef, req: AddRequest): Promise<AddWithProfile> {
    const key = { tenantId: tenant.id, externalUserId: req.external_user_id, agentScope: scopeFor(tenant, req.agent_id) };
    const sourceEventId = req.source_event_id ?? contentEventId(req);
    const duplicate = (id: string): AddWithProfile => ({ result: duplicateResult(id, sourceEventId, req.external_user_id), profile: null, previous: null });
    let state = await readAddState(db, key, sourceEventId);
    if (state.duplicateId !== null) return duplicate(state.duplicateId);

    // Redaction comes first: nothing below (extractor, LLM, database) ever sees raw PII.
    const findings = new Map<string, number>();
    // as a conversation: "094" after "and the 3 digit code on the back?" is that code
    const preceding = req.preceding_message === undefined ? [] : [storableText(req.preceding_message)];
    const redacted = redactConversation([...preceding, ...req.messages.map((m) => storableText(m.content))]).slice(preceding.length);
    const messages = req.messages.map((m, index) => {
      const r = redacted[index]!;
      for (const f of r.findings) findings.set(f.type, (findings.get(f.type) ?? 0) + f.count);
      return { role: m.role, content: r.text, index };
    });
    const metadata = redactMetadata(req.metadata ?? {}, findings);
    const redactions = [...findings].map(([type, count]) => ({ type, count }) as RedactionFinding).sort((a, b) => a.type.localeCompare(b.type));

    const extraction = await extractor.extract({
      messages,
      metadata,
      settings: tenant.settings,
      existing: state.row ? profileFromRow(state.row) : null,
    });
    // Whatever the extractor, what the caller knows of the customer is their identity.
    extraction.customer_identity = withKnownIdentity(extraction.customer_identity, metadata);

    const now = clock();
    const eventId = randomUUID();
    const provenance = {
      source_event_id: sourceEventId,
      ticket_id: stringOrUndefined(metadata.ticket_id),
      observed_at: now.toISOString(),
      source: stringOrUndefined(metadata.source),
    };
    // One writer per customer at a time, optimistically: the write applies only to the version
    // the merge started from; if another add (or a merge, or a forget) got there first, the
    // profile is read again and the same extraction merged into what is there now.
    for (let attempt = 1; ; attempt++) {
      const { profile, claims } = mergeExtraction(state.row ? profileFromRow(state.row) : null, extraction, {
        provenance,
        ticketStatus: stringOrUndefined(metadata.ticket_status),
        now: now.toISOString(),
      });
      let written: boolean;
      try {
        written = await writeAdd(db, key, {
          expectedVersion: state.row?.version ?? null,
          profile,
          claims,
          event: { id: eventId, sourceEventId, messageCount: messages.length, extractor: extractor.name },
          agentId: req.agent_id,
          now,
        });
      } catch (err) {
        // The same event raced in through another customer key or process: it was applied once.
        if ((err as { code?: string }).code === UNIQUE_VIOLATION) return duplicate("");
        throw err;
      }
      if (written) {
        const result: AddResult = {
          status: "stored",
          event_id: eventId,
          source_event_id: sourceEventId,
          external_user_id: req.external_user_id,
          support_type: profile.support_type,
          claims_recorded: claims.length,
          redactions,
          extractor: extractor.name,
        };
        return { result, profile, previous: state.row ? profileFromRow(state.row) : null };
      }
      if (attempt >= MAX_WRITE_ATTEMPTS) throw new Error(`profile of ${req.external_user_id} kept changing during add(); try again`);
      state = await readAddState(db, key, sourceEventId);
      if (state.duplicateId !== null) return duplicate(state.duplicateId);
    }
  }

  async function add(tenant: TenantRef, req: AddRequest): Promise<AddResult> {
    return (await addWithProfile(tenant, req)).result;
  }

  function contextFor(profile: SupportProfile | null, req: Omit<GetRequest, "agent_id">): GetResult {
    const context = buildSupportContext(profile, {
      query: req.query ?? "",
      limit: req.limit,
      contextMaxTokens: req.context_max_tokens,
      supportOverlay: req.support_overlay,
    });
    return { external_user_id: req.external_user_id, ...context };
  }

  async function get(tenant: TenantRef, req: GetRequest): Promise<GetResult> {
    const row = await readProfile(db, tenant.id, req.external_user_id, scopeFor(tenant, req.agent_id));
    return contextFor(row ? profileFromRow(row) : null, req);
  }

  async function profile(tenant: TenantRef, externalUserId: string, agentId?: string) {
    const row = await readProfile(db, tenant.id, externalUserId, scopeFor(tenant, agentId));
    return row ? profileFromRow(row) : null;
  }

  return {
    add,
    addWithProfile,
    get,
    contextFor,
    profile,
    mergeCustomers: (tenant, fromId, intoId) => mergeCustomerRecords(db, tenant.id, fromId, intoId, clock()),
    async recordNote(tenant, note) {
      await db.sql.query(
        `INSERT INTO memory_events (id, tenant_id, external_user_id, agent_scope, source_event_id, kind, message_count, claim_count, extractor, created_at)
         VALUES ($1, $2, $3, 'note', $4, 'note', 0, 0, $5, $6)
         ON CONFLICT (tenant_id, source_event_id) DO NOTHING`,
        [randomUUID(), tenant.id, note.external_user_id, note.source_event_id, note.source, clock().toISOString()],
      );
    },
  };
}

function duplicateResult(eventId: string, sourceEventId: string, externalUserId: string): AddResult {
  return {
    status: "duplicate",
    event_id: eventId,
    source_event_id: sourceEventId,
    external_user_id: externalUserId,
    support_type: null,
    claims_recorded: 0,
    redactions: [],
    extractor: null,
  };
}

/** Without an explicit id, the same content for the same customer and ticket is the same event. */
function contentEventId(req: AddRequest): string {
  const h = createHash("sha256")
    .update(JSON.stringify([req.external_user_id, req.agent_id ?? null, req.metadata?.ticket_id ?? null, req.metadata?.ticket_status ?? null, req.messages]))
    .digest("hex");
  return `content:${h.slice(0, 40)}`;
}

function redactMetadata(metadata: AddMetadata, findings: Map<string, number>): AddMetadata {
  const out: AddMetadata = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value === "string") {
      const r = redactText(storableText(value));
      for (const f of r.findings) findings.set(f.type, (findings.get(f.type) ?? 0) + f.count);
      out[key] = r.text;
    } else if (typeof value === "number" || typeof value === "boolean") {
      out[key] = String(value);
    }
  }
  return out;
}

/**
 * PostgreSQL text and jsonb cannot hold U+0000, nor a lone UTF-16 surrogate (a JSON body may
 * carry an escaped one): NUL is dropped (it carries nothing an agent reads), a lone surrogate
 * becomes U+FFFD.
 */
function storableText(s: string): string {
  const noNul = s.includes("\u0000") ? s.replace(/\u0000/g, "") : s;
  return noNul.replace(LONE_SURROGATE, "\ufffd");
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function stringOrUndefined(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

