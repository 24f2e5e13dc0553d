// Opens the database: PostgreSQL through @prisma/adapter-pg when a URL is given, else the
// embedded default, PGlite (PostgreSQL in WebAssembly) keeping its files under DATA_DIR.
// Both run the same schema and the same committed migrations, applied here on open.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { applyMigrations } from "./migrate";
import type { SqlRunner } from "./sql";

export type Database = {
  prisma: PrismaClient;
  kind: "postgres" | "embedded";
  /** Raw SQL on the same store (used by migrations, health checks and benchmarks). */
  sql: SqlRunner;
  /** True when the embedded store was created by this open (first start). */
  created: boolean;
  /** Embedded only: a tarball of the whole store (the test suite's migrated template). */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
};

export type OpenOptions = { databaseUrl?: string; dataDir?: string; migrate?: boolean; poolSize?: number };

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts) : openEmbedded(opts.dataDir ?? "./data", opts);
}

async function openPostgres(url: string, opts: OpenOptions): Promise<Database> {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
  // An idle connection that the server ends (a restart, a failover, an admin's terminate) is
  // emitted here; without a listener it would crash the process. The pool drops the client
  // and the next query opens a new connection, so there is nothing else to do.
  pool.on("error", () => undefined);
  const sql: SqlRunner = {
    async query(text, params) {
      return (await pool.query(text, params as unknown[])).rows;
    },
    async exec(text) {
      const client = await pool.connect();
      try {
        await client.query(text);
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
  if (opts.migrate !== false) {
    // advisory locks are per session: hold one client for the whole run
    const client = await pool.connect();
    try {
      await applyMigrations(
        { query: async (t, p) => (await client.query(t, p as unknown[])).rows, exec: async (t) => void (await client.query(t)), close: async () => {} },
        { lock: true },
      );
    } finally {
      client.release();
    }
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    kind: "postgres",
    sql,
    created: false,
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

/** Opens PGlite at `dataDir/pglite`, or in memory for `memory://` (tests). */
export async function openEmbedded(dataDir: string, opts: OpenOptions & { loadDataDir?: Blob } = {}): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  let target = "memory://";
  let created = true;
  if (dataDir !== "memory://") {
    target = path.join(dataDir, "pglite");
    created = !fs.existsSync(path.join(target, "PG_VERSION"));
    fs.mkdirSync(target, { recursive: true });
  }
  const pglite = await PGlite.create(target, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  const sql: SqlRunner = {
    async query(text, params) {
      return (await pglite.query(text, params as unknown[])).rows as never[];
    },
    async exec(text) {
      await pglite.exec(text);
    },
    async close() {
      await pglite.close();
    },
  };
  if (opts.migrate !== false) await applyMigrations(sql);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    kind: "embedded",
    sql,
    created,
    dump: async () => (await pglite.dumpDataDir("none")) as Blob,
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}
