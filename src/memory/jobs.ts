// Job records of adds made through the memory API. An add is applied within its request, so a
// job is born completed; the record gives MemoryOS clients the job id they poll, and holds the
// answer a repeated idempotency key replays.
import { randomUUID } from "node:crypto";
import type { Database } from "../db/client";

export type JobRecord = {
  job_id: string;
  status: "completed" | "failed";
  external_user_id: string;
  memories_created: number;
  created_memory_ids: string[];
  attempts: number;
  error: string | null;
  created_at: string;
  completed_at: string | null;
  /** The add's answer as first sent (without request_id and timestamp). */
  response: Record<string, unknown>;
};

type JobRow = {
  id: string;
  status: string;
  externalUserId: string;
  memoriesCreated: number;
  createdMemoryIds: unknown;
  attempts: number;
  error: string | null;
  createdAt: Date;
  completedAt: Date | null;
  response: unknown;
};

function toRecord(r: JobRow): JobRecord {
  return {
    job_id: r.id,
    status: r.status === "failed" ? "failed" : "completed",
    external_user_id: r.externalUserId,
    memories_created: r.memoriesCreated,
    created_memory_ids: Array.isArray(r.createdMemoryIds) ? (r.createdMemoryIds as string[]) : [],
    attempts: r.attempts,
    error: r.error,
    created_at: r.createdAt.toISOString(),
    completed_at: r.completedAt?.toISOString() ?? null,
    response: (r.response ?? {}) as Record<string, unknown>,
  };
}

export function newJobId(): string {
  return `job_${randomUUID().replace(/-/g, "")}`;
}

export async function findJob(db: Database, tenantId: string, jobId: string): Promise<JobRecord | null> {
  const row = await db.prisma.memoryJob.findFirst({ where: { id: jobId, tenantId } });
  return row ? toRecord(row) : null;
}

export async function findJobByKey(db: Database, tenantId: string, idempotencyKey: string): Promise<JobRecord | null> {
  const row = await db.prisma.memoryJob.findUnique({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey } } });
  return row ? toRecord(row) : null;
}

export type NewJob = {
  id: string;
  tenantId: string;
  externalUserId: string;
  idempotencyKey?: string;
  memoriesCreated: number;
  createdMemoryIds: string[];
  response: Record<string, unknown>;
  now: Date;
};

/**
 * Records a completed add. With an idempotency key another request may have recorded the same
 * key meanwhile: then that record wins and is returned, so both callers answer with one job.
 */
export async function recordJob(db: Database, job: NewJob): Promise<JobRecord> {
  const rows = await db.sql.query<{ id: string }>(
    `INSERT INTO memory_jobs (id, tenant_id, external_user_id, idempotency_key, status, memories_created, created_memory_ids,
                              attempts, response, created_at, completed_at)
     VALUES ($1, $2, $3, $4, 'completed', $5, $6::jsonb, 1, $7::jsonb, $8, $8)
     ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
     RETURNING id`,
    [job.id, job.tenantId, job.externalUserId, job.idempotencyKey ?? null, job.memoriesCreated, JSON.stringify(job.createdMemoryIds), JSON.stringify(job.response), job.now.toISOString()],
  );
  if (rows.length === 0 && job.idempotencyKey) {
    const winner = await findJobByKey(db, job.tenantId, job.idempotencyKey);
    if (winner) return winner;
  }
  return {
    job_id: job.id,
    status: "completed",
    external_user_id: job.externalUserId,
    memories_created: job.memoriesCreated,
    created_memory_ids: job.createdMemoryIds,
    attempts: 1,
    error: null,
    created_at: job.now.toISOString(),
    completed_at: job.now.toISOString(),
    response: job.response,
  };
}

export async function forgetJobs(db: Database, tenantId: string, externalUserId: string): Promise<number> {
  return (await db.prisma.memoryJob.deleteMany({ where: { tenantId, externalUserId } })).count;
}
