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

/**
 * A Zendesk ticket.created delivery row for an installation nobody has (`inst_gone`), touched
 * now: a worker that runs it ends at once, `skipped`. For the queue-recovery tests, which care
 * only that each row gets run again. A `processing` row has already counted one attempt.
 */
export async function insertOrphanDelivery(db: Database, row: { id: string; dedupeKey: string; ticketRef: string; status: "received" | "queued" | "processing" }): Promise<void> {
  const now = new Date();
  await db.prisma.webhookDelivery.create({
    data: {
      id: row.id,
      installationId: "inst_gone",
      tenantId: "tnt_1",
      provider: "zendesk",
      dedupeKey: row.dedupeKey,
      eventType: "ticket.created",
      status: row.status,
      attempts: row.status === "processing" ? 1 : 0,
      event: { kind: "ticket_created", type: "ticket.created", ticketRef: row.ticketRef },
      receivedAt: now,
      updatedAt: now,
    },
  });
}
