-- CreateTable
CREATE TABLE "memory_jobs" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "external_user_id" TEXT NOT NULL,
    "idempotency_key" TEXT,
    "status" TEXT NOT NULL,
    "memories_created" INTEGER NOT NULL DEFAULT 0,
    "created_memory_ids" JSONB NOT NULL DEFAULT '[]',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "error" TEXT,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMP(3),

    CONSTRAINT "memory_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "memory_jobs_tenant_id_external_user_id_idx" ON "memory_jobs"("tenant_id", "external_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "memory_jobs_tenant_id_idempotency_key_key" ON "memory_jobs"("tenant_id", "idempotency_key");
