-- The note as posted, so the console can show a customer's last note as the agent saw it.
ALTER TABLE "posted_notes" ADD COLUMN "body" TEXT;
ALTER TABLE "posted_notes" ADD COLUMN "body_format" TEXT;
