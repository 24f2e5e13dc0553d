// Applies the committed Prisma migrations (prisma/migrations/*/migration.sql) in order and
// records them in `_prisma_migrations` exactly as `prisma migrate deploy` does (same table,
// same sha256 checksums), so the ordinary Prisma CLI sees the same history. It does not
// create migrations: that is `npm run db:migrate:dev -- <name>` (scripts/migrate-dev.mts).
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SqlRunner } from "./sql";

export const MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/migrations");

// A fixed key so concurrent start-ups (api + worker) apply migrations one at a time.
const ADVISORY_LOCK_KEY = 7_238_114_020;

export type Migration = { name: string; sql: string; checksum: string };

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {}

export async function applyMigrations(db: SqlRunner, opts: { lock?: boolean; dir?: string } = {}): Promise<string[]> {
  const migrations = listMigrations(opts.dir);
  if (opts.lock) await db.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  try {
    await db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const rows = await db.query<{ migration_name: string; checksum: string; finished_at: unknown }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    const applied: string[] = [];
    for (const m of migrations) {
      const row = done.get(m.name);
      if (row && row.finished_at) {
        if (row.checksum !== m.checksum) {
          throw new MigrationError(
            `migration ${m.name} was edited after it was applied (checksum differs); create a new migration instead`,
          );
        }
        continue;
      }
      if (row) throw new MigrationError(`migration ${m.name} failed earlier and needs attention before start-up`);
      const id = randomUUID();
      await db.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
        [id, m.checksum, m.name],
      );
      try {
        await db.exec(`BEGIN;\n${m.sql}\nCOMMIT;`);
      } catch (err) {
        await db.exec("ROLLBACK").catch(() => undefined);
        await db.query(`DELETE FROM "_prisma_migrations" WHERE id = $1`, [id]);
        throw new MigrationError(`migration ${m.name} failed: ${(err as Error).message}`);
      }
      await db.query(
        `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
      applied.push(m.name);
    }
    return applied;
  } finally {
    if (opts.lock) await db.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
  }
}
