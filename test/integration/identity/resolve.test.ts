import type { Provider, RequesterIdentity } from "../../../connectors/types";
import type { Database } from "../../../src/db/client";
import type { IdPrefix } from "../../../src/identity/decide";
import { aliasesOf, currentId, forgetIdentities, mergeHelpdeskUsers, resolveCustomer, resolveCustomerWithAliases } from "../../../src/identity/resolve";
import { emailKey } from "../../../src/tenants/secrets";
import { createTestDatabase } from "../../helpers/db";

const key = emailKey(Buffer.alloc(32, 3));
const PREFIX: Record<Provider, IdPrefix> = { zendesk: "zd", intercom: "ic", crisp: "cr" };

describe("identity on the database", () => {
  let db: Database;
  let tenant = 0;
  let tenantId: string;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });
  // each test gets its own tenant: no test sees another's links
  beforeEach(() => {
    tenantId = `t${++tenant}`;
  });

  const resolve = (provider: Provider, account: string, identity: Partial<RequesterIdentity> & { providerUserRef: string }, t = tenantId) =>
    resolveCustomer(db, { tenantId: t, provider, account, identity: { emailVerified: false, ...identity }, emailKey: key, prefix: PREFIX[provider] });

  const links = async (t = tenantId) =>
    Object.fromEntries(
      (await db.prisma.customerIdentity.findMany({ where: { tenantId: t }, orderBy: { identityKey: "asc" } })).map((r) => [r.identityKey.replace(/^email:.*/, "email"), r.externalUserId]),
    );

  it("gives a new requester an id scoped by provider and account, and the same id next time", async () => {
    expect(await resolve("zendesk", "acme", { providerUserRef: "42" })).toEqual({ externalUserId: "zd_acme_42", previousIds: [] });
    expect(await resolve("zendesk", "acme", { providerUserRef: "42" })).toEqual({ externalUserId: "zd_acme_42", previousIds: [] });
    expect((await resolve("zendesk", "globex", { providerUserRef: "42" })).externalUserId).toBe("zd_globex_42");
    expect((await resolve("intercom", "acme", { providerUserRef: "42" })).externalUserId).toBe("ic_acme_42");
    expect(await links()).toEqual({ "intercom:acme:user:42": "ic_acme_42", "zendesk:acme:user:42": "zd_acme_42", "zendesk:globex:user:42": "zd_globex_42" });
  });

  it("uses the external_id as is, so one company id on two helpdesks is one customer", async () => {
    const zd = await resolve("zendesk", "acme", { providerUserRef: "42", externalId: "cust-9", email: "ana@example.com", emailVerified: true });
    const ic = await resolve("intercom", "app1", { providerUserRef: "6650f0", externalId: "cust-9" });
    expect(zd).toEqual({ externalUserId: "cust-9", previousIds: [] });
    expect(ic).toEqual({ externalUserId: "cust-9", previousIds: [] });
  });

  it("links a verified e-mail across helpdesks: Zendesk first, then Intercom", async () => {
    const zd = await resolve("zendesk", "acme", { providerUserRef: "42", email: "Ana@Example.com", emailVerified: true });
    const ic = await resolve("intercom", "app1", { providerUserRef: "6650f0", email: "ana@example.com ", emailVerified: true });
    expect(zd.externalUserId).toBe("zd_acme_42");
    expect(ic).toEqual({ externalUserId: "zd_acme_42", previousIds: [] });
    // the Intercom contact now resolves on its own link, even without the e-mail
    expect((await resolve("intercom", "app1", { providerUserRef: "6650f0" })).externalUserId).toBe("zd_acme_42");
  });

  it("never links through an unverified e-mail", async () => {
    await resolve("zendesk", "acme", { providerUserRef: "42", email: "ana@example.com", emailVerified: true });
    const ic = await resolve("intercom", "app1", { providerUserRef: "6650f0", email: "ana@example.com", emailVerified: false });
    expect(ic.externalUserId).toBe("ic_app1_6650f0");
    expect(Object.keys(await links()).filter((k) => k === "email")).toHaveLength(1);
  });

  it("external_id set later: returns the old fallback id to merge and keeps it as an alias", async () => {
    await resolve("zendesk", "acme", { providerUserRef: "42", email: "ana@example.com", emailVerified: true });
    const r = await resolve("zendesk", "acme", { providerUserRef: "42", externalId: "cust-9", email: "ana@example.com", emailVerified: true });
    expect(r).toEqual({ externalUserId: "cust-9", previousIds: ["zd_acme_42"] });
    const alias = await db.prisma.customerAlias.findUnique({ where: { tenantId_aliasId: { tenantId, aliasId: "zd_acme_42" } } });
    expect(alias).toMatchObject({ externalUserId: "cust-9", reason: "external_id" });
    expect(await currentId(db, tenantId, "zd_acme_42")).toBe("cust-9");
    expect(await links()).toEqual({ email: "cust-9", "external:cust-9": "cust-9", "zendesk:acme:user:42": "cust-9" });
    // the verified e-mail now leads other helpdesks to the company id
    expect((await resolve("crisp", "w1", { providerUserRef: "p1", email: "ana@example.com", emailVerified: true })).externalUserId).toBe("cust-9");
    // and a later payload without the external_id does not split the customer
    expect(await resolve("zendesk", "acme", { providerUserRef: "42" })).toEqual({ externalUserId: "cust-9", previousIds: [] });
  });

  it("external_id changed by the company: the old company id becomes an alias", async () => {
    await resolve("zendesk", "acme", { providerUserRef: "42", externalId: "cust-9" });
    expect(await resolve("zendesk", "acme", { providerUserRef: "42", externalId: "cust-10" })).toEqual({ externalUserId: "cust-10", previousIds: ["cust-9"] });
    expect(await currentId(db, tenantId, "cust-9")).toBe("cust-10");
    // the old company id, sent by another helpdesk, lands on the current customer
    expect((await resolve("intercom", "app1", { providerUserRef: "c1", externalId: "cust-9" })).externalUserId).toBe("cust-10");
  });

  it("merges two helpdesk users into one id, and alias chains resolve to the survivor", async () => {
    await resolve("zendesk", "acme", { providerUserRef: "1" });
    await resolve("zendesk", "acme", { providerUserRef: "2" });
    const m = await mergeHelpdeskUsers(db, { tenantId, provider: "zendesk", account: "acme", fromUserRef: "1", intoUserRef: "2", prefix: "zd" });
    expect(m).toEqual({ from: "zd_acme_1", into: "zd_acme_2" });
    expect((await resolve("zendesk", "acme", { providerUserRef: "1" })).externalUserId).toBe("zd_acme_2");

    // the survivor then gets an external_id: zd_acme_1 → zd_acme_2 → cust-7 resolves in one step
    const r = await resolve("zendesk", "acme", { providerUserRef: "2", externalId: "cust-7" });
    expect(r).toEqual({ externalUserId: "cust-7", previousIds: ["zd_acme_2"] });
    expect(await currentId(db, tenantId, "zd_acme_1")).toBe("cust-7");
    expect(await currentId(db, tenantId, "zd_acme_2")).toBe("cust-7");
    expect((await aliasesOf(db, tenantId, "cust-7")).sort()).toEqual(["zd_acme_1", "zd_acme_2"]);
    expect((await resolve("zendesk", "acme", { providerUserRef: "1" })).externalUserId).toBe("cust-7");

    // merging again is a no-op that says so
    expect(await mergeHelpdeskUsers(db, { tenantId, provider: "zendesk", account: "acme", fromUserRef: "1", intoUserRef: "2", prefix: "zd" })).toEqual({
      from: "cust-7",
      into: "cust-7",
    });
  });

  it("follows an alias chain that was written hop by hop", async () => {
    await db.prisma.customerAlias.createMany({
      data: [
        { tenantId, aliasId: "a", externalUserId: "b", reason: "test" },
        { tenantId, aliasId: "b", externalUserId: "c", reason: "test" },
      ],
    });
    expect(await currentId(db, tenantId, "a")).toBe("c");
    expect(await currentId(db, tenantId, "c")).toBe("c");
    expect(await currentId(db, "other-tenant", "a")).toBe("a");
    await db.prisma.customerAlias.create({ data: { tenantId, aliasId: "c", externalUserId: "a", reason: "test" } });
    await expect(currentId(db, tenantId, "a")).rejects.toThrow(/does not end/);
  });

  it("resolves through an alias chain and lists the aliases with the links it writes", async () => {
    await resolve("zendesk", "acme", { providerUserRef: "1" });
    await db.prisma.customerAlias.createMany({
      data: [
        { tenantId, aliasId: "zd_acme_1", externalUserId: "mid", reason: "test" },
        { tenantId, aliasId: "mid", externalUserId: "end", reason: "test" },
        { tenantId, aliasId: "older", externalUserId: "zd_acme_1", reason: "test" },
      ],
    });
    const input = { tenantId, provider: "zendesk" as const, account: "acme", identity: { providerUserRef: "1", emailVerified: false }, emailKey: key, prefix: "zd" as const };
    const r = await resolveCustomerWithAliases(db, input);
    expect(r.externalUserId).toBe("end");
    expect(r.previousIds).toEqual([]);
    expect(r.aliases.sort()).toEqual(["mid", "older", "zd_acme_1"]);
    expect(r.aliases.sort()).toEqual((await aliasesOf(db, tenantId, "end")).sort());
    expect((await links())["zendesk:acme:user:1"]).toBe("end");
    await db.prisma.customerAlias.create({ data: { tenantId, aliasId: "end", externalUserId: "zd_acme_1", reason: "test" } });
    await expect(resolveCustomerWithAliases(db, input)).rejects.toThrow(/does not end/);
  });

  it("merges an Intercom lead that was never seen into its user", async () => {
    await resolve("intercom", "app1", { providerUserRef: "user-1" });
    const m = await mergeHelpdeskUsers(db, { tenantId, provider: "intercom", account: "app1", fromUserRef: "lead-1", intoUserRef: "user-1", prefix: "ic" });
    expect(m).toEqual({ from: "ic_app1_lead-1", into: "ic_app1_user-1" });
    expect((await resolve("intercom", "app1", { providerUserRef: "lead-1" })).externalUserId).toBe("ic_app1_user-1");
  });

  it("keeps tenants apart: the same verified e-mail in two tenants is two customers", async () => {
    const other = `${tenantId}-b`;
    const a = await resolve("zendesk", "acme", { providerUserRef: "42", email: "ana@example.com", emailVerified: true });
    const b = await resolve("intercom", "app1", { providerUserRef: "c1", email: "ana@example.com", emailVerified: true }, other);
    expect(a.externalUserId).toBe("zd_acme_42");
    expect(b.externalUserId).toBe("ic_app1_c1");
    // and an external_id alias in one tenant does not redirect the other
    await resolve("zendesk", "acme", { providerUserRef: "42", externalId: "cust-9" });
    expect(await currentId(db, other, "zd_acme_42")).toBe("zd_acme_42");
  });

  it("never stores the raw e-mail", async () => {
    await resolve("zendesk", "acme", { providerUserRef: "42", email: "Secret.Person@Example.com", emailVerified: true, name: "Secret Person" });
    const rows = [...(await db.sql.query(`SELECT * FROM customer_identities WHERE tenant_id = $1`, [tenantId])), ...(await db.sql.query(`SELECT * FROM customer_aliases`))];
    const dump = JSON.stringify(rows).toLowerCase();
    expect(rows.length).toBeGreaterThan(1);
    expect(dump).not.toContain("secret.person");
    expect(dump).not.toContain("example.com");
    expect(dump).not.toContain("secret person");
    expect(dump).toMatch(/"email:[0-9a-f]{64}"/);
  });

  it("forgets the links and aliases of a customer, and only theirs", async () => {
    await resolve("zendesk", "acme", { providerUserRef: "42", email: "ana@example.com", emailVerified: true });
    await resolve("zendesk", "acme", { providerUserRef: "42", externalId: "cust-9" });
    await resolve("intercom", "app1", { providerUserRef: "c1", externalId: "cust-9" });
    await resolve("zendesk", "acme", { providerUserRef: "43", email: "bob@example.com", emailVerified: true });
    // 4 links (zendesk user, intercom user, e-mail, external) + 1 alias
    expect(await forgetIdentities(db, tenantId, "cust-9")).toBe(5);
    expect(await links()).toEqual({ email: "zd_acme_43", "zendesk:acme:user:43": "zd_acme_43" });
    expect(await db.prisma.customerAlias.count({ where: { tenantId } })).toBe(0);
    expect(await forgetIdentities(db, tenantId, "cust-9")).toBe(0);
    // the forgotten customer comes back as a stranger
    expect((await resolve("zendesk", "acme", { providerUserRef: "42", email: "ana@example.com", emailVerified: true })).externalUserId).toBe("zd_acme_42");
  });

  it("stays consistent when the same new requester arrives several times at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => resolve("crisp", "w1", { providerUserRef: "p9", email: "cara@example.com", emailVerified: true })),
    );
    expect(new Set(results.map((r) => r.externalUserId))).toEqual(new Set(["cr_w1_p9"]));
    expect(await links()).toEqual({ email: "cr_w1_p9", "crisp:w1:user:p9": "cr_w1_p9" });
  });
});
