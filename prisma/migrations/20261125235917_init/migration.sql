-- CreateTable
CREATE TABLE "tenants" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "domain_schema" TEXT NOT NULL DEFAULT 'support',
    "support_type_mode" TEXT NOT NULL DEFAULT 'auto',
    "support_type" TEXT,
    "support_types_allowed" JSONB NOT NULL DEFAULT '[]',
    "agent_scoping" TEXT NOT NULL DEFAULT 'shared',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "label" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMP(3),
    "last_used_at" TIMESTAMP(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_profiles" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "external_user_id" TEXT NOT NULL,
    "agent_scope" TEXT NOT NULL,
    "profile" JSONB NOT NULL,
    "support_type" TEXT NOT NULL,
    "sentiment" TEXT,
    "open_issue" TEXT,
    "open_issue_count" INTEGER NOT NULL DEFAULT 0,
    "escalation_risk" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "last_activity_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "customer_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "profile_claims" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "external_user_id" TEXT NOT NULL,
    "agent_scope" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "value" JSONB,
    "previous" JSONB,
    "source_event_id" TEXT,
    "ticket_id" TEXT,
    "message_index" INTEGER,
    "source" TEXT,
    "agent_id" TEXT,
    "observed_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "profile_claims_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memory_events" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "external_user_id" TEXT NOT NULL,
    "agent_scope" TEXT NOT NULL,
    "source_event_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'add',
    "message_count" INTEGER NOT NULL,
    "claim_count" INTEGER NOT NULL,
    "extractor" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memory_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "api_keys_tenant_id_idx" ON "api_keys"("tenant_id");

-- CreateIndex
CREATE INDEX "customer_profiles_tenant_id_last_activity_at_id_idx" ON "customer_profiles"("tenant_id", "last_activity_at" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "customer_profiles_tenant_id_external_user_id_agent_scope_key" ON "customer_profiles"("tenant_id", "external_user_id", "agent_scope");

-- CreateIndex
CREATE INDEX "profile_claims_tenant_id_external_user_id_agent_scope_id_idx" ON "profile_claims"("tenant_id", "external_user_id", "agent_scope", "id");

-- CreateIndex
CREATE INDEX "memory_events_tenant_id_created_at_idx" ON "memory_events"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "memory_events_tenant_id_external_user_id_idx" ON "memory_events"("tenant_id", "external_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "memory_events_tenant_id_source_event_id_key" ON "memory_events"("tenant_id", "source_event_id");

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
