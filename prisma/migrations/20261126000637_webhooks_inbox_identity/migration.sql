-- CreateTable
CREATE TABLE "installations" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "secrets" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "status_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "installations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" TEXT NOT NULL,
    "installation_id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "skip_reason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "event" JSONB NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "processed_at" TIMESTAMP(3),

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "posted_notes" (
    "id" TEXT NOT NULL,
    "delivery_id" TEXT NOT NULL,
    "installation_id" TEXT NOT NULL,
    "ticket_ref" TEXT NOT NULL,
    "note_ref" TEXT,
    "reason" TEXT NOT NULL,
    "digest" JSONB NOT NULL DEFAULT '{}',
    "state" TEXT NOT NULL DEFAULT 'posting',
    "posted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "posted_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "thread_cursors" (
    "installation_id" TEXT NOT NULL,
    "ticket_ref" TEXT NOT NULL,
    "seen_message_ids" JSONB NOT NULL DEFAULT '[]',
    "external_user_id" TEXT,
    "lease_owner" TEXT,
    "lease_until" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "thread_cursors_pkey" PRIMARY KEY ("installation_id","ticket_ref")
);

-- CreateTable
CREATE TABLE "customer_identities" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "identity_key" TEXT NOT NULL,
    "external_user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "customer_identities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_aliases" (
    "tenant_id" TEXT NOT NULL,
    "alias_id" TEXT NOT NULL,
    "external_user_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_aliases_pkey" PRIMARY KEY ("tenant_id","alias_id")
);

-- CreateIndex
CREATE INDEX "installations_tenant_id_idx" ON "installations"("tenant_id");

-- CreateIndex
CREATE INDEX "installations_provider_account_idx" ON "installations"("provider", "account");

-- CreateIndex
CREATE INDEX "webhook_deliveries_status_received_at_idx" ON "webhook_deliveries"("status", "received_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_installation_id_received_at_idx" ON "webhook_deliveries"("installation_id", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_provider_dedupe_key_key" ON "webhook_deliveries"("provider", "dedupe_key");

-- CreateIndex
CREATE UNIQUE INDEX "posted_notes_delivery_id_key" ON "posted_notes"("delivery_id");

-- CreateIndex
CREATE INDEX "posted_notes_installation_id_ticket_ref_posted_at_idx" ON "posted_notes"("installation_id", "ticket_ref", "posted_at");

-- CreateIndex
CREATE INDEX "posted_notes_installation_id_note_ref_idx" ON "posted_notes"("installation_id", "note_ref");

-- CreateIndex
CREATE INDEX "customer_identities_tenant_id_external_user_id_idx" ON "customer_identities"("tenant_id", "external_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "customer_identities_tenant_id_identity_key_key" ON "customer_identities"("tenant_id", "identity_key");

-- CreateIndex
CREATE INDEX "customer_aliases_tenant_id_external_user_id_idx" ON "customer_aliases"("tenant_id", "external_user_id");
