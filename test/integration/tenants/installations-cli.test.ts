import { parseArgs } from "node:util";
import { CliUsageError, createInstallationCommands, INSTALLATION_CLI_OPTIONS, secretsFromStdin } from "../../../src/cli/installations";
import type { Database } from "../../../src/db/client";
import { getInstallation, listInstallations } from "../../../src/tenants/installations";
import { createTestDatabase } from "../../helpers/db";

const MASTER = "ab".repeat(32);
const key = Buffer.from(MASTER, "hex");
const commands = createInstallationCommands({ config: () => ({ publicUrl: "https://hm.example.com/", masterKey: MASTER, dataDir: "unused" }) });
const WEBSITE = "8c842203-7ed8-4e29-a608-7cf78a7d2fcc";

// Parses and dispatches the way src/cli.ts does once these commands are mounted.
async function cli(db: Database, line: string, stdin = ""): Promise<Record<string, any>> {
  const { values, positionals } = parseArgs({
    args: line.split(/\s+/).filter(Boolean),
    allowPositionals: true,
    strict: false,
    options: { json: { type: "boolean" }, help: { type: "boolean" }, ...INSTALLATION_CLI_OPTIONS },
  });
  const cmd = commands[positionals.slice(0, 3).join(" ")] ?? commands[positionals.slice(0, 2).join(" ")];
  if (!cmd) throw new Error(`no command for ${line}`);
  secretsFromStdin(values, () => stdin);
  const r = await cmd.run(db, values);
  expect(typeof r.text).toBe("string");
  return r.json;
}

async function usageError(db: Database, line: string): Promise<string> {
  const err = await cli(db, line).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CliUsageError);
  return (err as Error).message;
}

describe("installation and delivery commands", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.prisma.tenant.createMany({ data: [{ id: "t1", name: "Acme" }, { id: "t2", name: "Globex" }] });
  });
  afterAll(async () => {
    await db.close();
  });

  const ZD = "installations add zendesk --tenant t1 --email agent@acme.com --api-token tok --agent-id 123";

  it("adds a Zendesk installation and prints the URL to paste and what to subscribe to", async () => {
    const out = await cli(db, `${ZD} --subdomain acme --signing-secret sig --json`);
    expect(out).toMatchObject({ tenant_id: "t1", provider: "zendesk", account: "acme", status: "active" });
    expect(out.webhook_url).toBe(`https://hm.example.com/webhooks/zendesk/${out.installation_id}`);
    expect(out.next_steps.join("\n")).toMatch(/ticket\.created, ticket\.comment_added, ticket\.status_changed/);
    expect(out.next_steps.join("\n")).toMatch(/trigger/);
    expect(JSON.stringify(out)).not.toContain("tok");
    const stored = await getInstallation(db, key, out.installation_id);
    expect(stored?.info.secrets).toEqual({ apiToken: "tok", signingSecret: "sig" });
  });

  it("without the signing secret, leaves the installation pending and says how to finish", async () => {
    const out = await cli(db, `${ZD} --subdomain beta`);
    expect(out.status).toBe("pending");
    expect(out.next_steps.join("\n")).toContain(`installations set-secret --installation ${out.installation_id} --signing-secret`);
    const set = await cli(db, `installations set-secret --installation ${out.installation_id} --signing-secret revealed`);
    expect(set).toEqual({ installation_id: out.installation_id, status: "active", updated: ["signingSecret"] });
    expect((await getInstallation(db, key, out.installation_id))?.info.secrets.signingSecret).toBe("revealed");
  });

  it.each([
    [`installations add zendesk --tenant t1 --subdomain acme --api-token tok --agent-id 1`, /^--email is required: .*\nusage: npm run cli -- installations add zendesk --tenant/],
    [`installations add zendesk --tenant t1 --subdomain acme --email a@b.co --agent-id 1`, /^--api-token is required \(or --access-token for OAuth\)\nusage: /],
    [`${ZD} --subdomain ac_me`, /^--subdomain must be a Zendesk subdomain/],
    [`installations add zendesk --tenant t1 --subdomain x --email nope --api-token t --agent-id 1`, /^--email must be the e-mail/],
    [`installations add zendesk --tenant t-none --subdomain gamma --email a@b.co --api-token t --agent-id 1`, /^no tenant t-none: see `tenants list`\nusage: /],
    [`installations add intercom --tenant t1 --app-id app1 --access-token a --client-secret c --admin-id 1 --region mars`, /^--region must be one of: us, eu, au/],
    [`installations add crisp --tenant t1 --website-id ${WEBSITE}`, /^choose one of --plugin or --website-hook/],
    [`installations add crisp --tenant t1 --website-id ${WEBSITE} --plugin --identifier only-half`, /^--key is required with the other half/],
    [`installations add`, /^name the helpdesk: installations add zendesk\|intercom\|crisp\nusage:\n  npm run cli -- installations add zendesk/],
    [`installations add freshdesk --tenant t1`, /^name the helpdesk/],
    [`installations set-secret --installation inst_none --signing-secret s`, /^no installation inst_none/],
    [`installations set-secret --installation inst_none`, /^give at least one secret/],
    [`deliveries replay`, /^--status is required/],
    [`deliveries replay --status done`, /^--status must be one of: dead, skipped/],
    [`deliveries replay --status dead --since yesterday`, /^--since must be an ISO time/],
    [`deliveries list --limit 0`, /^--limit must be a whole number from 1 to 500/],
  ])("%s → clear error", async (line, message) => {
    expect(await usageError(db, line)).toMatch(message);
  });

  it("refuses to install the same account twice, pointing at the other installation", async () => {
    expect(await usageError(db, `${ZD} --subdomain acme`)).toMatch(/^zendesk account acme is already installed \(inst_\w+, tenant t1\); disable that installation first\nusage: /);
  });

  it("adds Intercom with the shared URL and the topics to tick", async () => {
    const out = await cli(db, "installations add intercom --tenant t2 --app-id app1 --access-token at --client-secret cs --admin-id 77 --region eu");
    expect(out).toMatchObject({ provider: "intercom", account: "app1", status: "active", webhook_url: "https://hm.example.com/webhooks/intercom" });
    expect(out.next_steps.join(" ")).toContain(
      "conversation.user.created, conversation.user.replied, conversation.admin.replied, conversation.admin.closed, contact.user.created, contact.email.updated",
    );
    expect((await getInstallation(db, key, out.installation_id))?.info).toMatchObject({ settings: { adminId: "77", region: "eu" }, secrets: { accessToken: "at", clientSecret: "cs" } });
  });

  it("adds Crisp as a plugin (shared URL) or as a website hook (URL with its key)", async () => {
    const plugin = await cli(db, `installations add crisp --tenant t2 --website-id ${WEBSITE} --plugin --identifier id1 --key k1`);
    expect(plugin.webhook_url).toBe("https://hm.example.com/webhooks/crisp");

    const other = "0f4d1ac5-1b2c-4d3e-8f90-a1b2c3d4e5f6";
    const hook = await cli(db, `installations add crisp --tenant t2 --website-id ${other} --website-hook`);
    const stored = await getInstallation(db, key, hook.installation_id);
    expect(stored?.info.settings).toEqual({ mode: "website_hook" });
    expect(hook.webhook_url).toBe(`https://hm.example.com/webhooks/crisp/${hook.installation_id}?key=${stored!.info.secrets.hookKey}`);
    expect(stored!.info.secrets.hookKey).toMatch(/^[\w-]{32}$/);
  });

  it("lists installations without secrets, for one tenant or all", async () => {
    const all = await cli(db, "installations list --json");
    const t2 = await cli(db, "installations list --tenant t2");
    expect(all.installations.length).toBe((await listInstallations(db)).length);
    expect(t2.installations.map((i: { provider: string }) => i.provider)).toEqual(["intercom", "crisp", "crisp"]);
    expect(JSON.stringify(all)).not.toMatch(/"(at|cs|tok|sig|k1|revealed)"|hookKey|secret/i);
  });

  it("disables an installation", async () => {
    const [first] = (await cli(db, "installations list --tenant t1")).installations;
    expect(await cli(db, `installations disable --installation ${first.installation_id} --reason moved`)).toEqual({ installation_id: first.installation_id, status: "disabled" });
    expect(await getInstallation(db, key, first.installation_id)).toMatchObject({ status: "disabled", statusReason: "moved" });
  });

  describe("deliveries", () => {
    const at = (iso: string) => new Date(iso);
    beforeAll(async () => {
      const row = (id: string, installationId: string, status: string, receivedAt: Date, attempts = 5) => ({
        id,
        installationId,
        tenantId: "t1",
        provider: "zendesk",
        dedupeKey: id,
        eventType: "ticket.comment_added",
        status,
        attempts,
        lastError: status === "dead" ? "HTTP 500 from Zendesk" : null,
        skipReason: status === "skipped" ? "installation_inactive" : null,
        processedAt: status === "received" ? null : receivedAt,
        event: { kind: "customer_message", ticketRef: "5158" },
        receivedAt,
      });
      await db.prisma.webhookDelivery.createMany({
        data: [
          row("dlv_old_dead", "inst_a", "dead", at("2026-10-01T00:00:00Z")),
          row("dlv_new_dead", "inst_a", "dead", at("2026-11-20T00:00:00Z")),
          row("dlv_other_dead", "inst_b", "dead", at("2026-11-21T00:00:00Z")),
          row("dlv_done", "inst_a", "done", at("2026-11-22T00:00:00Z"), 1),
          row("dlv_skipped", "inst_a", "skipped", at("2026-11-23T00:00:00Z"), 1),
        ],
      });
    });

    it("lists newest first, filtered by status and installation, up to the limit", async () => {
      const dead = await cli(db, "deliveries list --status dead --limit 2");
      expect(dead.deliveries.map((d: { delivery_id: string }) => d.delivery_id)).toEqual(["dlv_other_dead", "dlv_new_dead"]);
      expect(dead.deliveries[0]).toMatchObject({ installation_id: "inst_b", status: "dead", attempts: 5, last_error: "HTTP 500 from Zendesk", received_at: "2026-11-21T00:00:00.000Z" });
      const a = await cli(db, "deliveries list --installation inst_a");
      expect(a.deliveries).toHaveLength(4);
    });

    it("replays dead deliveries since a time for one installation, leaving the rest alone", async () => {
      const out = await cli(db, "deliveries replay --status dead --since 2026-11-01T00:00:00Z --installation inst_a --json");
      expect(out).toEqual({ replayed: 1, status: "dead", since: "2026-11-01T00:00:00.000Z", installation_id: "inst_a" });
      const rows = Object.fromEntries((await db.prisma.webhookDelivery.findMany()).map((r) => [r.id, r]));
      expect(rows.dlv_new_dead).toMatchObject({ status: "received", attempts: 0, processedAt: null });
      expect(rows.dlv_old_dead).toMatchObject({ status: "dead", attempts: 5 });
      expect(rows.dlv_other_dead).toMatchObject({ status: "dead" });
      expect(rows.dlv_done).toMatchObject({ status: "done" });

      expect(await cli(db, "deliveries replay --status dead")).toMatchObject({ replayed: 2 });
      expect(await cli(db, "deliveries replay --status dead")).toMatchObject({ replayed: 0 });
      expect(await cli(db, "deliveries replay --status skipped")).toMatchObject({ replayed: 1 });
      const skipped = await db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: "dlv_skipped" } });
      expect(skipped).toMatchObject({ status: "received", skipReason: null, attempts: 0 });
    });
  });
});

describe("secrets from stdin", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.prisma.tenant.create({ data: { id: "t1", name: "Acme" } });
  });
  afterAll(async () => {
    await db.close();
  });

  it("reads every secret flag given as - from stdin, one line each, in the order given", async () => {
    const out = await cli(
      db,
      "installations add zendesk --tenant t1 --subdomain stdinco --email a@stdinco.example --agent-id 42 --signing-secret - --api-token - --json",
      "whsec_from_stdin\r\n  zd-token-from-stdin  \n",
    );
    const stored = await getInstallation(db, key, out.installation_id);
    expect(stored?.info.secrets).toEqual({ signingSecret: "whsec_from_stdin", apiToken: "zd-token-from-stdin" });
  });

  it("refuses, naming the flags, when stdin holds fewer secrets than asked for, and stores nothing", async () => {
    const before = (await listInstallations(db)).length;
    const err = await cli(db, "installations add intercom --tenant t1 --app-id app9 --access-token - --client-secret - --admin-id 7", "only-one\n").then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(CliUsageError);
    expect(err!.message).toMatch(/--access-token, --client-secret are given as "-".*2 lines.*found 1/);
    expect((await listInstallations(db)).length).toBe(before);
  });

  it("leaves a literal value alone and reads nothing when no flag is -", () => {
    const flags: Record<string, string | boolean | undefined> = { "api-token": "tok", tenant: "-" };
    secretsFromStdin(flags, () => {
      throw new Error("stdin must not be read");
    });
    expect(flags).toEqual({ "api-token": "tok", tenant: "-" });
  });
});
