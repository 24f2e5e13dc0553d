// The memory routes in MemoryOS's wire format: add, retrieve, job status, list, delete.
// An add is applied within its request; it still answers as MemoryOS does ("queued", a job
// id to poll), so MemoryOS SDKs work unchanged.
import { Router } from "express";
import type { AddResponse, JobStatusResponse, RetrieveResponse, WireMemoryRecord } from "../../client/wire";
import type { Database } from "../../db/client";
import type { MemoryEngine } from "../../memory/engine";
import { deleteFact } from "../../memory/fact-store";
import { findJob, findJobByKey, newJobId, recordJob } from "../../memory/jobs";
import { profileFromRow, scopeFor, type TenantRef } from "../../memory/store";
import type { InputMessage } from "../../memory/types";
import type { Metrics } from "../../metrics";
import { enveloped, sendOk } from "../envelope";
import { ApiError, fieldError, parseBody } from "../errors";
import { changedFactIds, listRecords, retrieveItems } from "./memory-items";
import { addBody, CONTROL_CHARS, deleteQuery, listQuery, retrieveBody } from "./schemas";
import { randomUUID } from "node:crypto";

export type MemoriesDeps = { db: Database; engine: MemoryEngine; metrics: Metrics; clock: () => Date };

const DAY_MS = 86_400_000;

function idempotencyKeyOf(header: string | undefined, body: string | null | undefined): string | undefined {
  if (header === undefined) return body ?? undefined;
  const key = header.trim();
  if (key === "" || key.length > 256 || CONTROL_CHARS.test(key)) throw fieldError("Idempotency-Key", "must be 1 to 256 characters without control characters", "header");
  return key;
}

function sourceOf(source: unknown): { service?: string; eventId?: string } {
  if (typeof source === "string") return { service: source || undefined };
  if (source && typeof source === "object") {
    const s = source as { service?: unknown; event_id?: unknown };
    return { service: typeof s.service === "string" && s.service ? s.service : undefined, eventId: typeof s.event_id === "string" && s.event_id ? s.event_id : undefined };
  }
  return {};
}

export function memoriesRouter(deps: MemoriesDeps): Router {
  const router = Router();
  const { db, engine, clock } = deps;

  router.post("/memories/add", async (req, res) => {
    const body = parseBody(addBody, req.body);
    const key = idempotencyKeyOf(req.get("idempotency-key"), body.idempotency_key);
    const tenant = res.locals.tenant as TenantRef;
    res.setHeader("X-MemoryOS-Processing", "normal");
    if (key) {
      const earlier = await findJobByKey(db, tenant.id, key);
      if (earlier) return sendOk(res, clock, earlier.response);
    }

    // A system prompt is the caller's instruction, not what the customer said.
    const messages = body.messages.filter((m) => m.role !== "system") as InputMessage[];
    const src = sourceOf(body.source);
    const metadata: Record<string, unknown> = { ...(body.metadata ?? {}) };
    if (src.service && metadata.source === undefined) metadata.source = src.service;
    // One conversation is one thread: the engine follows an issue along it as along a ticket.
    if (body.conversation_id && metadata.ticket_id === undefined) metadata.ticket_id = body.conversation_id;

    let created: string[] = [];
    let supportType: string | null = null;
    let redactions: { type: string; count: number }[] = [];
    if (messages.length > 0) {
      const added = await engine.addWithProfile(tenant, {
        external_user_id: body.external_user_id,
        agent_id: body.agent_id ?? undefined,
        messages,
        metadata,
        source_event_id: key ? `idem:${key}` : src.eventId,
      });
      deps.metrics.memoryAdds.inc({ status: added.result.status });
      for (const f of added.result.redactions) deps.metrics.redactions.inc({ type: f.type }, f.count);
      created = changedFactIds(body.external_user_id, scopeFor(tenant, body.agent_id ?? undefined), added.previous, added.profile);
      supportType = added.result.support_type;
      redactions = added.result.redactions;
    }

    const jobId = newJobId();
    const answer: Omit<AddResponse, "request_id" | "timestamp"> & { nothing_to_extract: boolean } = {
      job_id: jobId,
      status: "queued",
      blocked_reason: null,
      retry_after_seconds: null,
      // No quota here: the whole budget always remains.
      budget_remaining_pct: 100,
      processing_eta_seconds: 0,
      processing_status: "normal",
      nothing_to_extract: messages.length === 0,
      memories_created: created.length,
      support_type: supportType,
      redactions,
    };
    const job = await recordJob(db, {
      id: jobId,
      tenantId: tenant.id,
      externalUserId: body.external_user_id,
      idempotencyKey: key,
      memoriesCreated: created.length,
      createdMemoryIds: created,
      response: answer,
      now: clock(),
    });
    sendOk(res, clock, job.response);
  });

  router.get("/memories/jobs/:jobId", async (req, res) => {
    const jobId = req.params.jobId;
    // no job id holds a control character, and PostgreSQL refuses a NUL byte in a query (22021)
    const job = CONTROL_CHARS.test(jobId) ? null : await findJob(db, (res.locals.tenant as TenantRef).id, jobId);
    if (!job) throw new ApiError("job_not_found", `no job ${JSON.stringify(jobId.slice(0, 120))}`, "job_id");
    const body: Omit<JobStatusResponse, "request_id" | "timestamp"> = {
      data: {
        job_id: job.job_id,
        status: job.status,
        memories_created: job.memories_created,
        created_memory_ids: job.created_memory_ids,
        attempts: job.attempts,
        error: job.error,
        created_at: job.created_at,
        completed_at: job.completed_at,
        external_user_id: job.external_user_id,
      },
    };
    sendOk(res, clock, body);
  });

  router.post("/memories/retrieve", async (req, res) => {
    const body = parseBody(retrieveBody, req.body);
    const tenant = res.locals.tenant as TenantRef;
    const agentId = body.agent_id ?? undefined;
    const profile = await engine.profile(tenant, body.external_user_id, agentId);
    const context = engine.contextFor(profile, {
      external_user_id: body.external_user_id,
      query: body.query,
      limit: body.limit,
      context_max_tokens: body.context_max_tokens,
      support_overlay: tenant.settings.domain_schema !== "general",
    });
    const key = { tenantId: tenant.id, externalUserId: body.external_user_id, agentScope: scopeFor(tenant, agentId) };
    const sinceMs = body.time_filter_days ? clock().getTime() - body.time_filter_days * DAY_MS : null;
    const data = profile && context.has_context ? await retrieveItems(db, key, profile, body.query, body.limit, { categories: body.categories, sinceMs }) : [];
    const answer: Omit<RetrieveResponse, "request_id" | "timestamp"> = {
      retrieval_id: `ret_${randomUUID().replace(/-/g, "")}`,
      data,
      cached: false,
      system_prompt_addition: context.system_prompt_addition,
      context_token_count: context.context_token_count,
      has_context: context.has_context && context.system_prompt_addition !== "",
      clarification_question: null,
      quota_mode: "FULL",
      is_degraded: false,
      is_passthrough: false,
      support_type: context.support_type,
      truncated: context.truncated,
    };
    res.json(enveloped(res, clock, answer));
  });

  router.get("/memories", async (req, res) => {
    const q = parseBody(listQuery, req.query, "query");
    const tenant = res.locals.tenant as TenantRef;
    const offset = q.cursor === undefined ? 0 : decodeOffset(q.cursor);
    if (offset === null) throw new ApiError("invalid_cursor", "cursor: is not a cursor this API returned", "cursor");
    let all: WireMemoryRecord[] = [];
    if (q.external_user_id !== undefined) {
      const profile = await engine.profile(tenant, q.external_user_id, q.agent_id);
      const key = { tenantId: tenant.id, externalUserId: q.external_user_id, agentScope: scopeFor(tenant, q.agent_id) };
      all = profile ? await listRecords(db, key, profile) : [];
    } else {
      for (const row of await recentProfiles(db, tenant.id)) {
        const key = { tenantId: tenant.id, externalUserId: row.external_user_id, agentScope: row.agent_scope };
        all.push(...(await listRecords(db, key, profileFromRow(row))));
      }
    }
    const page = all.slice(offset, offset + q.limit);
    const next = offset + q.limit < all.length ? encodeOffset(offset + q.limit) : null;
    sendOk(res, clock, { data: page, pagination: { next_cursor: next, limit: q.limit, total: all.length } });
  });

  router.delete("/memories/:memoryId", async (req, res) => {
    const q = parseBody(deleteQuery, req.query, "query");
    const tenant = res.locals.tenant as TenantRef;
    const deleted = await deleteFact(db, tenant.id, req.params.memoryId, q.hard_delete, clock());
    if (!deleted) throw new ApiError("memory_not_found", `no memory ${JSON.stringify(req.params.memoryId.slice(0, 120))}`, "memory_id");
    sendOk(res, clock, { data: { deleted: true } });
  });

  return router;
}

// A tenant-wide list reads this many of the most recently active profiles, no more: MemoryOS's
// per-user list has no customer here, and a listing must not scan a whole tenant.
const TENANT_LIST_PROFILES = 200;

async function recentProfiles(db: Database, tenantId: string) {
  return db.sql.query<{ external_user_id: string; agent_scope: string; profile: object }>(
    `SELECT external_user_id, agent_scope, profile FROM customer_profiles
      WHERE tenant_id = $1 ORDER BY last_activity_at DESC, id DESC LIMIT $2`,
    [tenantId, TENANT_LIST_PROFILES],
  );
}

function encodeOffset(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

function decodeOffset(cursor: string): number | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown };
    return typeof v.o === "number" && Number.isInteger(v.o) && v.o >= 0 ? v.o : null;
  } catch {
    return null;
  }
}
