// The webhook endpoints' own HTTP behaviour (src/http/routes/webhooks.ts, served ahead of
// Express): which paths and methods they take, how a body is read (limits, content
// encodings, a client that goes away), and what they count in /metrics. What is done with a
// body once read is test/integration/pipeline/receive.test.ts. No worker runs here.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { randomBytes } from "node:crypto";
import request from "supertest";
import { loadConfig } from "../../../src/config";
import type { Database } from "../../../src/db/client";
import { createApp } from "../../../src/http/app";
import { webhookHandler } from "../../../src/http/routes/webhooks";
import { createLogger } from "../../../src/logger";
import { createMemoryEngine } from "../../../src/memory/engine";
import { createDeterministicExtractor } from "../../../src/memory/extract/deterministic";
import { createMetrics } from "../../../src/metrics";
import { createPipelineRuntime, type PipelineRuntime } from "../../../src/pipeline/runtime";
import { createEmbeddedQueue } from "../../../src/queue/embedded";
import { loadMasterKey } from "../../../src/tenants/secrets";
import { createTenant } from "../../../src/tenants/service";
import { createTestDatabase } from "../../helpers/db";
import { createTestZendeskInstallation, ticketCreatedEvent, zendeskHeaders } from "../../helpers/pipeline";

jest.setTimeout(30_000);

let db: Database;
let runtime: PipelineRuntime;
let app: http.RequestListener;
let zendeskId: string;
let dataDir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hm-endpoints-"));
  const config = loadConfig({ DATA_DIR: dataDir, MASTER_KEY: randomBytes(32).toString("hex") });
  const log = createLogger("silent");
  const extractor = createDeterministicExtractor();
  const engine = createMemoryEngine({ db, extractor });
  const metrics = createMetrics();
  runtime = createPipelineRuntime({ config, db, engine, extractor, metrics, log }, { queue: createEmbeddedQueue() });
  app = createApp({ db, engine, log, metrics, maxBodyBytes: 1_000_000, webhooks: webhookHandler(runtime.deps, { metrics }) });
  const t = await createTenant(db, "Acme");
  const masterKey = loadMasterKey({ masterKey: config.masterKey, dataDir, embedded: db.kind === "embedded" });
  const inst = await createTestZendeskInstallation(db, masterKey, t.tenant.id, `acme${randomBytes(3).toString("hex")}`);
  zendeskId = inst.id;
});

afterAll(async () => {
  await runtime.close();
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

let seq = 0;
const body = () => JSON.stringify(ticketCreatedEvent({ ticketId: 5000 + ++seq, requesterId: 77, subject: "Card declined" }));
const deliveries = async () => (await db.sql.query<{ n: string | number }>("SELECT count(*) AS n FROM webhook_deliveries"))[0]!.n;

describe("webhook endpoints", () => {
  it("reads a gzip, deflate or brotli body and verifies the signature over the decoded bytes", async () => {
    for (const [encoding, encode] of [
      ["gzip", zlib.gzipSync],
      ["deflate", zlib.deflateSync],
      ["br", zlib.brotliCompressSync],
    ] as const) {
      const raw = body();
      const res = await post(`/webhooks/zendesk/${zendeskId}`, { ...zendeskHeaders(raw), "content-encoding": encoding }, [encode(Buffer.from(raw))]);
      expect({ encoding, status: res.status }).toEqual({ encoding, status: 200 });
      expect(res.body.delivery_id).toMatch(/^dlv_/);
    }
  });

  it("refuses an encoding it cannot read (415) and a body that is not what it says (400), storing nothing", async () => {
    const before = await deliveries();
    const raw = body();
    const unknown = await request(app)
      .post(`/webhooks/zendesk/${zendeskId}`)
      .set({ ...zendeskHeaders(raw), "content-encoding": "compress" })
      .send(raw);
    expect(unknown.status).toBe(415);
    expect(unknown.body.error.code).toBe("unsupported_media_type");
    const notGzip = await post(`/webhooks/zendesk/${zendeskId}`, { ...zendeskHeaders(raw), "content-encoding": "gzip" }, [raw]);
    expect(notGzip.status).toBe(400);
    expect(notGzip.body).toMatchObject({ error: { code: "invalid_request", message: expect.stringMatching(/gzip/) } });
    expect(await deliveries()).toEqual(before);
  });

  it("answers 413 to a body over 1 MB, declared or streamed without a length, and to a compressed body that decodes past it", async () => {
    const before = await deliveries();
    const huge = JSON.stringify({ ticket_id: "1", padding: "x".repeat(1_100_000) });
    const declared = await request(app).post(`/webhooks/zendesk/${zendeskId}`).set(zendeskHeaders(huge)).send(huge);
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe("payload_too_large");

    const streamed = await post(`/webhooks/zendesk/${zendeskId}`, zendeskHeaders(huge), [huge.slice(0, 600_000), huge.slice(600_000)]);
    expect(streamed.status).toBe(413);

    const bomb = zlib.gzipSync(Buffer.from(huge));
    expect(bomb.length).toBeLessThan(100_000);
    const inflated = await post(`/webhooks/zendesk/${zendeskId}`, { ...zendeskHeaders(huge), "content-encoding": "gzip" }, [bomb]);
    expect(inflated.status).toBe(413);
    expect(await deliveries()).toEqual(before);
  });

  it("keeps Express's routing: a trailing slash and the provider's case do not matter, other methods get the API's 404", async () => {
    const raw = body();
    expect((await request(app).post(`/webhooks/zendesk/${zendeskId}/`).set(zendeskHeaders(raw)).send(raw)).status).toBe(200);
    const raw2 = body();
    expect((await request(app).post(`/webhooks/Zendesk/${zendeskId}`).set(zendeskHeaders(raw2)).send(raw2)).status).toBe(200);
    const get = await request(app).get(`/webhooks/zendesk/${zendeskId}`);
    expect(get.status).toBe(404);
    expect(get.body.error.code).toBe("not_found");
    expect((await request(app).post(`/webhooks/nowhere`).send("{}")).body.error.code).toBe("not_found");
    expect((await request(app).post(`/webhooks/zendesk/a/b`).send("{}")).status).toBe(404);
    expect((await request(app).head(`/webhooks/intercom`)).status).toBe(200);
    expect((await request(app).get(`/healthz`)).body).toEqual({ status: "ok" });
  });

  it("records nothing for a client that goes away mid-body, and keeps serving", async () => {
    const before = await deliveries();
    const raw = body();
    const server = http.createServer(app).listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    try {
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve) => {
        const req = http.request({ host: "127.0.0.1", port, method: "POST", path: `/webhooks/zendesk/${zendeskId}`, headers: { ...zendeskHeaders(raw), "content-length": String(raw.length) } });
        req.on("error", () => resolve());
        req.write(raw.slice(0, 40));
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 50);
      });
      const after = body();
      expect((await request(server).post(`/webhooks/zendesk/${zendeskId}`).set(zendeskHeaders(after)).send(after)).status).toBe(200);
    } finally {
      server.close();
    }
    expect(Number(await deliveries())).toBe(Number(before) + 1);
  });

  it("counts webhook requests in /metrics under their route, by status", async () => {
    const raw = body();
    await request(app).post(`/webhooks/zendesk/${zendeskId}`).set(zendeskHeaders(raw)).send(raw);
    await request(app).post(`/webhooks/zendesk/${zendeskId}`).set(zendeskHeaders(raw, "wrong-secret")).send(raw);
    const text = (await request(app).get("/metrics")).text;
    expect(text).toMatch(/hm_http_requests_total\{method="POST",route="\/webhooks\/zendesk\/:installationId",status="200"\} [1-9]/);
    expect(text).toMatch(/hm_http_requests_total\{method="POST",route="\/webhooks\/zendesk\/:installationId",status="401"\} [1-9]/);
    expect(text).toMatch(/hm_http_request_duration_seconds_count\{method="POST",route="\/webhooks\/zendesk\/:installationId"\} [1-9]/);
  });
});

/**
 * A POST of raw bytes, in the chunks given and with no content-length (Transfer-Encoding:
 * chunked). supertest would serialise a Buffer as JSON under a JSON content-type.
 */
async function post(urlPath: string, headers: Record<string, string>, chunks: Array<string | Buffer>): Promise<{ status: number; body: Record<string, unknown> }> {
  const server = http.createServer(app).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, method: "POST", path: urlPath, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString() || "{}") as Record<string, unknown> }));
      });
      // the server may answer and close before every chunk is written
      req.on("error", (err: NodeJS.ErrnoException) => (err.code === "EPIPE" || err.code === "ECONNRESET" ? undefined : reject(err)));
      for (const c of chunks) req.write(c);
      req.end();
    });
  } finally {
    server.close();
  }
}
