// A worker that starts hands every unfinished delivery to its queue at once: one that died may
// have left rows `processing` (or `queued`) whose jobs no queue holds any more, as when Redis
// restarted empty while no worker ran, or when the embedded queue went with its process. Those
// must not wait for the sweeper's lease on their rows (minutes). The real runtime with the
// embedded queue (empty at start, as after a restart) on the test database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { loadConfig } from "../../../src/config";
import type { Database } from "../../../src/db/client";
import { createLogger } from "../../../src/logger";
import { createMemoryEngine } from "../../../src/memory/engine";
import { createDeterministicExtractor } from "../../../src/memory/extract/deterministic";
import { createMetrics } from "../../../src/metrics";
import { createPipelineRuntime, type PipelineRuntime } from "../../../src/pipeline/runtime";
import { createTestDatabase, insertOrphanDelivery } from "../../helpers/db";
import { waitFor } from "../../helpers/pipeline";

jest.setTimeout(60_000);

describe("a worker that starts", () => {
  let db: Database;
  let runtime: PipelineRuntime | undefined;
  let dataDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hm-start-recovery-"));
  });
  afterAll(async () => {
    await runtime?.close();
    await db?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("runs what a dead worker left, `processing` and `queued` rows touched just now, at once", async () => {
    const ids: string[] = [];
    for (const [i, status] of (["processing", "processing", "queued", "queued", "received"] as const).entries()) {
      const id = `dlv_startrecovery${String(i).padStart(15, "0")}`;
      ids.push(id);
      await insertOrphanDelivery(db, { id, dedupeKey: `start-recovery-${i}`, ticketRef: String(i), status });
    }
    const config = loadConfig({ DATA_DIR: dataDir, MASTER_KEY: randomBytes(32).toString("hex"), LOG_LEVEL: "silent" });
    const log = createLogger("silent");
    const engine = createMemoryEngine({ db, extractor: createDeterministicExtractor() });
    runtime = createPipelineRuntime({ config, db, engine, extractor: createDeterministicExtractor(), metrics: createMetrics(), log });
    await runtime.startWorker({ concurrency: 4 });
    const unfinished = async () =>
      Number((await db.sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM webhook_deliveries WHERE id = ANY($1) AND status <> 'skipped'`, [ids]))[0]!.n);
    // well inside the sweeper's 10 s for a `received` row and its 120 s lease on the others
    await waitFor(async () => (await unfinished()) === 0, 8_000, "every delivery left behind to run");
    const rows = await db.sql.query<{ id: string; attempts: number }>(`SELECT id, attempts FROM webhook_deliveries WHERE id = ANY($1) ORDER BY id`, [ids]);
    // the lost runs count: attempts go on from the row's
    expect(rows.map((r) => r.attempts)).toEqual([2, 2, 1, 1, 1]);
  });
});
