-- Installation status: `auth_failed` becomes `needs_reauth` (the helpdesk refused our
-- credentials; deliveries wait in `held` until the admin connects again).
UPDATE "installations" SET "status" = 'needs_reauth' WHERE "status" = 'auth_failed';
ALTER TABLE "installations" ALTER COLUMN "status" SET DEFAULT 'pending';

-- Single-flight OAuth token refresh across processes: a short lease on the installation row.
ALTER TABLE "installations" ADD COLUMN "refresh_owner" TEXT;
ALTER TABLE "installations" ADD COLUMN "refresh_until" TIMESTAMP(3);

-- The tenant that owns an installation is also who may re-install it: one per account.
CREATE INDEX "installations_tenant_id_provider_account_idx" ON "installations"("tenant_id", "provider", "account");

-- Held deliveries are looked up per installation when it is connected again.
CREATE INDEX "webhook_deliveries_installation_id_status_idx" ON "webhook_deliveries"("installation_id", "status");

-- OAuth `state` values already used: a state is accepted once.
CREATE TABLE "oauth_state_uses" (
    "nonce" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oauth_state_uses_pkey" PRIMARY KEY ("nonce")
);

CREATE INDEX "oauth_state_uses_expires_at_idx" ON "oauth_state_uses"("expires_at");
