// `npm run db:migrate`: apply the committed migrations to DATABASE_URL (or the embedded
// database under DATA_DIR) without starting the service — e.g. as a deploy step.
import { loadConfig } from "../config";
import { openDatabase } from "./client";

void (async () => {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const rows = await db.sql.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    console.log(`database is up to date (${db.kind}): ${rows.map((r) => r.migration_name).join(", ")}`);
  } finally {
    await db.close();
  }
})().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
