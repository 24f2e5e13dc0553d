import { createTestDatabase } from "../../helpers/db";
import { applyMigrations, listMigrations } from "../../../src/db/migrate";
import type { Database } from "../../../src/db/client";

describe("migrations", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it("records every committed migration the way prisma migrate deploy does", async () => {
    const rows = await db.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const expected = listMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(expected.map((m) => m.name));
    expect(rows.map((r) => r.checksum)).toEqual(expected.map((m) => m.checksum));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("applies nothing the second time", async () => {
    await expect(applyMigrations(db.sql)).resolves.toEqual([]);
  });

  it("refuses to start when an applied migration was edited", async () => {
    const [first] = listMigrations();
    await db.sql.query(`UPDATE "_prisma_migrations" SET checksum = 'x' WHERE migration_name = $1`, [first!.name]);
    await expect(applyMigrations(db.sql)).rejects.toThrow(/edited after it was applied/);
    await db.sql.query(`UPDATE "_prisma_migrations" SET checksum = $2 WHERE migration_name = $1`, [first!.name, first!.checksum]);
  });

  it("serves Prisma queries on the migrated schema", async () => {
    await db.prisma.tenant.create({ data: { id: "t-mig", name: "Acme" } });
    expect(await db.prisma.tenant.findUnique({ where: { id: "t-mig" } })).toMatchObject({ name: "Acme", supportTypeMode: "auto" });
  });
});
