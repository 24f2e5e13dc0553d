-- AlterTable
ALTER TABLE "tenants" ADD COLUMN "first_contact_note" TEXT NOT NULL DEFAULT 'triage';
