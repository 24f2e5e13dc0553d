// A fresh, migrated database for one test file: a new PostgreSQL database when
// DATABASE_URL is set and answers (dropped afterwards), else an in-memory PGlite from the template.
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, openEmbedded, type Database } from "../../src/db/client";
import { noteSkipped, serviceState, testDatabaseUrl } from "./services";

export async function createTestDatabase(): Promise<Database> {
  const url = testDatabaseUrl();
  if (!url) {
    const pgState = serviceState("postgres");
    if (process.env.DATABASE_URL && !pgState.ok) noteSkipped("ran on the embedded store, not PostgreSQL", pgState.reason);
    const template = process.env.HM_PGLITE_TEMPLATE;
    const loadDataDir = template ? new Blob([fs.readFileSync(template)]) : undefined;
    return openEmbedded("memory://", { loadDataDir });
  }
  const name = `hm_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: u.toString(), poolSize: 4 });
  const close = db.close.bind(db);
  return {
    ...db,
    async close() {
      await close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}
