import type { Database } from "../../../src/db/client";
import {
  createInstallation,
  findInstallationByAccount,
  getInstallation,
  listInstallations,
  setInstallationStatus,
  updateInstallationSecrets,
} from "../../../src/tenants/installations";
import { decryptSecrets } from "../../../src/tenants/secrets";
import { createTestDatabase } from "../../helpers/db";

const key = Buffer.alloc(32, 1);
const WEBSITE = "42286ab3-e7c5-4b9f-9a3a-6b2a3e9c0d11";

describe("installations on the database", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.prisma.tenant.createMany({ data: [{ id: "t1", name: "Acme" }, { id: "t2", name: "Globex" }] });
  });
  afterAll(async () => {
    await db.close();
  });

  const zendesk = (account: string, tenantId = "t1") =>
    createInstallation(db, key, {
      tenantId,
      provider: "zendesk",
      account,
      settings: { email: "agent@acme.com", agentId: "123" },
      secrets: { apiToken: "zd-api-token-value", signingSecret: "zd-signing-secret-value" },
    });

  it("stores secrets sealed, and gives them back decrypted by id", async () => {
    const info = await zendesk("acme");
    expect(info.id).toMatch(/^inst_[0-9a-f]{20}$/);
    const row = await db.prisma.installation.findUniqueOrThrow({ where: { id: info.id } });
    expect(row.secrets).toMatch(/^v1:/);
    expect(row.secrets).not.toContain("zd-api-token-value");
    expect(JSON.stringify(row.settings)).not.toContain("zd-signing-secret-value");
    expect(decryptSecrets(key, row.secrets)).toEqual({ apiToken: "zd-api-token-value", signingSecret: "zd-signing-secret-value" });

    const got = await getInstallation(db, key, info.id);
    expect(got).toEqual({ info, status: "active", statusReason: null });
    expect(await getInstallation(db, key, "inst_missing")).toBeNull();
  });

  it("names the field that is wrong and the tenant that does not exist", async () => {
    await expect(
      createInstallation(db, key, { tenantId: "t1", provider: "zendesk", account: "acme2", settings: { email: "x@y.co" }, secrets: { apiToken: "t" } }),
    ).rejects.toMatchObject({ field: "settings.agentId", message: expect.stringMatching(/^settings\.agentId is required/) });
    await expect(zendesk("acme3", "t-nope")).rejects.toMatchObject({ field: "tenantId", message: "no tenant t-nope" });
    expect(await db.prisma.installation.count({ where: { account: { in: ["acme2", "acme3"] } } })).toBe(0);
  });

  it("refuses a second live installation of the same account", async () => {
    await expect(zendesk("acme", "t2")).rejects.toMatchObject({ field: "account", message: expect.stringMatching(/already installed/) });
  });

  it("routes a shared endpoint by account, preferring the live installation", async () => {
    const first = await createInstallation(db, key, {
      tenantId: "t1",
      provider: "intercom",
      account: "app123",
      settings: { adminId: "7", region: "eu" },
      secrets: { accessToken: "at", clientSecret: "cs" },
    });
    expect(first.settings).toEqual({ adminId: "7", region: "eu" });
    expect(await setInstallationStatus(db, first.id, "uninstalled", "app removed")).toBe(true);
    const second = await createInstallation(db, key, {
      tenantId: "t2",
      provider: "intercom",
      account: "app123",
      settings: { adminId: "8" },
      secrets: { accessToken: "at2", clientSecret: "cs2" },
    });
    const found = await findInstallationByAccount(db, key, "intercom", "app123");
    expect(found?.info.id).toBe(second.id);
    expect(found?.info.secrets).toEqual({ accessToken: "at2", clientSecret: "cs2" });
    expect(found?.status).toBe("active");
    expect(await findInstallationByAccount(db, key, "crisp", "app123")).toBeNull();

    await setInstallationStatus(db, second.id, "disabled");
    expect(await findInstallationByAccount(db, key, "intercom", "app123")).toMatchObject({ info: { id: second.id }, status: "disabled" });
    expect(await getInstallation(db, key, first.id)).toMatchObject({ status: "uninstalled", statusReason: "app removed" });
    expect(await setInstallationStatus(db, "inst_missing", "active")).toBe(false);
  });

  it("generates the hook key of a Crisp website hook and finds it by any spelling of the website id", async () => {
    const info = await createInstallation(db, key, { tenantId: "t2", provider: "crisp", account: WEBSITE, settings: { mode: "website_hook" } });
    expect(info.secrets.hookKey).toMatch(/^[\w-]{32}$/);
    const found = await findInstallationByAccount(db, key, "crisp", WEBSITE.toUpperCase());
    expect(found?.info.secrets.hookKey).toBe(info.secrets.hookKey);
  });

  it("keeps a Zendesk installation pending until its signing secret arrives", async () => {
    const info = await createInstallation(db, key, {
      tenantId: "t2",
      provider: "zendesk",
      account: "globex",
      settings: { email: "ops@globex.com", agentId: "9" },
      secrets: { apiToken: "tok" },
    });
    expect((await getInstallation(db, key, info.id))?.status).toBe("pending");
    const updated = await updateInstallationSecrets(db, key, info.id, { signingSecret: "revealed" });
    expect(updated).toMatchObject({ status: "active", info: { secrets: { apiToken: "tok", signingSecret: "revealed" } } });
    expect(await getInstallation(db, key, info.id)).toEqual(updated);
    expect(await updateInstallationSecrets(db, key, "inst_missing", { signingSecret: "x" })).toBeNull();
  });

  it("lists without secrets, per tenant or all", async () => {
    const all = await listInstallations(db);
    const mine = await listInstallations(db, "t1");
    expect(all.length).toBeGreaterThan(mine.length);
    expect(mine.map((i) => `${i.provider}:${i.account}`)).toEqual(["zendesk:acme", "intercom:app123"]);
    expect(JSON.stringify(all)).not.toMatch(/secret|token|hookKey|"at2?"/i);
    expect(all[0]).toEqual({
      id: expect.any(String),
      tenantId: "t1",
      provider: "zendesk",
      account: "acme",
      settings: { email: "agent@acme.com", agentId: "123" },
      status: "active",
      statusReason: null,
      createdAt: expect.any(Date),
    });
  });

  it("fails loudly, naming the installation, when the master key changed", async () => {
    const [first] = await listInstallations(db, "t1");
    await expect(getInstallation(db, Buffer.alloc(32, 2), first!.id)).rejects.toThrow(`cannot read the secrets of installation ${first!.id}`);
  });
});
