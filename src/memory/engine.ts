// The support memory engine: add (redact → extract → merge → store, idempotent by source
// event) and get (stored profile → token-budgeted context, no LLM). It knows no helpdesk:
// connectors and the /v1 API both call it with a tenant and an external_user_id.
import { createHash, randomUUID } from "node:crypto";
import type { Database } from "../db/client";
import { buildSupportContext, type SupportContext } from "./context";
import { mergeExtraction } from "./merge";
import { mergeCustomerRecords } from "./merge-customers";
import { redactText, type RedactionFinding } from "./redact";
import { profileFromRow, profileColumns, readProfile, scopeFor, type TenantRef } from "./store";
import type { AddMetadata, Extractor, InputMessage, SupportProfile, Vertical } from "./types";

export type AddRequest = {
  external_user_id: string;
  agent_id?: string;
  messages: InputMessage[];
  metadata?: AddMetadata;
  /** Idempotency: the same source event is applied once. Derived from the content when absent. */
  source_event_id?: string;
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
};

export type GetResult = SupportContext & { external_user_id: string };

export type MemoryEngine = {
  add(tenant: TenantRef, req: AddRequest): Promise<AddResult>;
  get(tenant: TenantRef, req: GetRequest): Promise<GetResult>;
  /** The stored profile, or null (used by the note renderer and the customer API). */
  profile(tenant: TenantRef, externalUserId: string, agentId?: string): Promise<SupportProfile | null>;
  /** Two ids are one customer: fold `fromId` into `intoId` (profiles, claims, events). */
  mergeCustomers(tenant: TenantRef, fromId: string, intoId: string): Promise<number>;
};

export type EngineDeps = {
  db: Database;
  extractor: Extractor;
  clock?: () => Date;
};

export function createMemoryEngine({ db, extractor, clock = () => new Date() }: EngineDeps): MemoryEngine {
  const prisma = db.prisma;

  async function loadProfile(tenantId: string, externalUserId: string, agentScope: string) {
    return prisma.customerProfile.findUnique({
      where: { tenantId_externalUserId_agentScope: { tenantId, externalUserId, agentScope } },
    });
  }

  async function add(tenant: TenantRef, req: AddRequest): Promise<AddResult> {
    const scope = scopeFor(tenant, req.agent_id);
    const sourceEventId = req.source_event_id ?? contentEventId(req);
    const duplicate = await prisma.memoryEvent.findUnique({
      where: { tenantId_sourceEventId: { tenantId: tenant.id, sourceEventId } },
    });
    if (duplicate) return duplicateResult(duplicate.id, sourceEventId, req.external_user_id);

    // Redaction comes first: nothing below (extractor, LLM, database) ever sees raw PII.
    const findings = new Map<string, number>();
    const messages = req.messages.map((m, index) => {
      const r = redactText(withoutNul(m.content));
      for (const f of r.findings) findings.set(f.type, (findings.get(f.type) ?? 0) + f.count);
      return { role: m.role, content: r.text, index };
    });
    const metadata = redactMetadata(req.metadata ?? {}, findings);
    const redactions = [...findings].map(([type, count]) => ({ type, count }) as RedactionFinding).sort((a, b) => a.type.localeCompare(b.type));

    const before = await loadProfile(tenant.id, req.external_user_id, scope);
    const extraction = await extractor.extract({
      messages,
      metadata,
      settings: tenant.settings,
      existing: before ? profileFromRow(before) : null,
    });

    const now = clock();
    const eventId = randomUUID();
    try {
      return await prisma.$transaction(async (tx) => {
        // One writer per customer at a time; the profile is re-read under the lock.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${tenant.id}|${scope}|${req.external_user_id}`}))`;
        const seen = await tx.memoryEvent.findUnique({ where: { tenantId_sourceEventId: { tenantId: tenant.id, sourceEventId } } });
        if (seen) return duplicateResult(seen.id, sourceEventId, req.external_user_id);
        const row = await tx.customerProfile.findUnique({
          where: { tenantId_externalUserId_agentScope: { tenantId: tenant.id, externalUserId: req.external_user_id, agentScope: scope } },
        });
        const provenance = {
          source_event_id: sourceEventId,
          ticket_id: stringOrUndefined(metadata.ticket_id),
          observed_at: now.toISOString(),
          source: stringOrUndefined(metadata.source),
        };
        const { profile, claims } = mergeExtraction(row ? profileFromRow(row) : null, extraction, {
          provenance,
          ticketStatus: stringOrUndefined(metadata.ticket_status),
          now: now.toISOString(),
        });
        const columns = profileColumns(profile, now);
        if (row) {
          await tx.customerProfile.update({ where: { id: row.id }, data: { ...columns, version: { increment: 1 } } });
        } else {
          await tx.customerProfile.create({
            data: { id: randomUUID(), tenantId: tenant.id, externalUserId: req.external_user_id, agentScope: scope, ...columns },
          });
        }
        if (claims.length > 0) {
          await tx.profileClaim.createMany({
            data: claims.map((c) => ({
              tenantId: tenant.id,
              externalUserId: req.external_user_id,
              agentScope: scope,
              field: c.field,
              action: c.action,
              value: toJson(c.value),
              previous: toJson(c.previous),
              sourceEventId: c.provenance.source_event_id,
              ticketId: c.provenance.ticket_id,
              messageIndex: c.provenance.message_index,
              source: c.provenance.source,
              agentId: req.agent_id,
              observedAt: now,
            })),
          });
        }
        await tx.memoryEvent.create({
          data: {
            id: eventId,
            tenantId: tenant.id,
            externalUserId: req.external_user_id,
            agentScope: scope,
            sourceEventId,
            messageCount: messages.length,
            claimCount: claims.length,
            extractor: extractor.name,
            createdAt: now,
          },
        });
        return {
          status: "stored" as const,
          event_id: eventId,
          source_event_id: sourceEventId,
          external_user_id: req.external_user_id,
          support_type: profile.support_type,
          claims_recorded: claims.length,
          redactions,
          extractor: extractor.name,
        };
      });
    } catch (err) {
      // The same event raced in through another customer key or process: it was applied once.
      if ((err as { code?: string }).code === "P2002") return duplicateResult("", sourceEventId, req.external_user_id);
      throw err;
    }
  }

  async function get(tenant: TenantRef, req: GetRequest): Promise<GetResult> {
    const row = await readProfile(db, tenant.id, req.external_user_id, scopeFor(tenant, req.agent_id));
    const context = buildSupportContext(row ? profileFromRow(row) : null, {
      query: req.query ?? "",
      limit: req.limit,
      contextMaxTokens: req.context_max_tokens,
    });
    return { external_user_id: req.external_user_id, ...context };
  }

  async function profile(tenant: TenantRef, externalUserId: string, agentId?: string) {
    const row = await readProfile(db, tenant.id, externalUserId, scopeFor(tenant, agentId));
    return row ? profileFromRow(row) : null;
  }

  return {
    add,
    get,
    profile,
    mergeCustomers: (tenant, fromId, intoId) => mergeCustomerRecords(db, tenant.id, fromId, intoId, clock()),
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
      const r = redactText(withoutNul(value));
      for (const f of r.findings) findings.set(f.type, (findings.get(f.type) ?? 0) + f.count);
      out[key] = r.text;
    } else if (typeof value === "number" || typeof value === "boolean") {
      out[key] = String(value);
    }
  }
  return out;
}

/** PostgreSQL text and jsonb cannot hold U+0000; it carries nothing an agent reads. */
function withoutNul(s: string): string {
  return s.includes("\u0000") ? s.replace(/\u0000/g, "") : s;
}

function stringOrUndefined(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

function toJson(v: unknown): never {
  return (v === undefined ? undefined : JSON.parse(JSON.stringify(v))) as never;
}
