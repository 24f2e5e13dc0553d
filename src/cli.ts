// `npm run cli -- <group> <command> [options]`. Every command accepts --json and then
// prints exactly one JSON object on stdout (errors too: {"error": ...}, exit code 2).
import fs from "node:fs";
import { parseArgs } from "node:util";
import { loadConfig } from "./config";
import { openDatabase, type Database } from "./db/client";
import { createApiKey, createTenant, listApiKeys, revokeApiKey, tenantView } from "./tenants/service";
import { CliUsageError as UsageError, createInstallationCommands, INSTALLATION_CLI_OPTIONS, secretsFromStdin, type Command, type Flags } from "./cli/installations";

function need(f: Flags, name: string, hint: string): string {
  const v = f[name];
  if (typeof v !== "string" || v.trim() === "") throw new UsageError(`--${name} is required: ${hint}`);
  return v.trim();
}

const COMMANDS: Record<string, Command> = {
  ...createInstallationCommands({ config: loadConfig }),
  "tenants create": {
    usage: "tenants create --name <name>",
    async run(db, f) {
      const r = await createTenant(db, need(f, "name", "the tenant's display name, e.g. --name Acme"));
      return {
        json: { tenant_id: r.tenant.id, name: r.tenant.name, api_key: r.api_key, key_id: r.key_id },
        text: `tenant ${r.tenant.id} (${r.tenant.name}) created\nAPI key (shown only now): ${r.api_key}`,
      };
    },
  },
  "tenants list": {
    usage: "tenants list",
    async run(db) {
      const rows = await db.prisma.tenant.findMany({ orderBy: { createdAt: "asc" } });
      const tenants = rows.map(tenantView);
      return { json: { tenants }, text: tenants.map((t) => `${t.id}\t${t.name}\t${t.support_type_mode}`).join("\n") || "no tenants" };
    },
  },
  "keys create": {
    usage: "keys create --tenant <tenant id> [--label <label>]",
    async run(db, f) {
      const tenantId = need(f, "tenant", "the tenant id printed by `tenants create` (see `tenants list`)");
      if (!(await db.prisma.tenant.findUnique({ where: { id: tenantId } }))) throw new UsageError(`no tenant ${tenantId}: see \`tenants list\``);
      const k = await createApiKey(db, tenantId, typeof f.label === "string" ? f.label : undefined);
      return { json: { tenant_id: tenantId, ...k }, text: `key ${k.key_id} created\nAPI key (shown only now): ${k.api_key}` };
    },
  },
  "keys list": {
    usage: "keys list --tenant <tenant id>",
    async run(db, f) {
      const keys = await listApiKeys(db, need(f, "tenant", "the tenant id (see `tenants list`)"));
      return { json: { keys }, text: keys.map((k) => `${k.key_id}\t${k.prefix}…\t${k.revoked_at ? "revoked" : "active"}`).join("\n") || "no keys" };
    },
  },
  "keys revoke": {
    usage: "keys revoke --key <key id>",
    async run(db, f) {
      const keyId = need(f, "key", "the key id (key_...), see `keys list --tenant <id>`");
      if (!(await revokeApiKey(db, keyId))) throw new UsageError(`no active key ${keyId}: see \`keys list --tenant <id>\``);
      return { json: { key_id: keyId, revoked: true }, text: `key ${keyId} revoked` };
    },
  },
};

export async function runCli(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s + "\n"),
  readStdin: () => string = () => fs.readFileSync(0, "utf8"),
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      ...INSTALLATION_CLI_OPTIONS,
      json: { type: "boolean" },
      help: { type: "boolean" },
      name: { type: "string" },
      tenant: { type: "string" },
      label: { type: "string" },
      key: { type: "string" },
    },
  });
  const flags = values as Flags;
  const three = positionals.slice(0, 3).join(" ");
  const name = COMMANDS[three] ? three : positionals.slice(0, 2).join(" ");
  const cmd = COMMANDS[name];
  const fail = (message: string) => {
    out(flags.json ? JSON.stringify({ error: message }) : `error: ${message}`);
    return 2;
  };
  if (!cmd || flags.help) {
    const usage = Object.values(COMMANDS).map((c) => `  npm run cli -- ${c.usage} [--json]`).join("\n");
    if (flags.help) return out(`usage:\n${usage}`), 0;
    return fail(`unknown command ${JSON.stringify(name)}; commands:\n${usage}`);
  }
  let db: Database | undefined;
  try {
    secretsFromStdin(flags, readStdin);
    const config = loadConfig();
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
    const r = await cmd.run(db, flags);
    out(flags.json ? JSON.stringify(r.json) : r.text);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) return fail(err.message.includes("usage:") ? err.message : `${err.message}\nusage: npm run cli -- ${cmd.usage}`);
    return fail(err instanceof Error ? err.message : String(err));
  } finally {
    await db?.close();
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
