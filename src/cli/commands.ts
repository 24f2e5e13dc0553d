// The CLI's command table: tenants, keys, installations and deliveries. `npm run cli` runs a
// command itself, or asks the running service to run the same command (src/cli/transport.ts),
// so the output is the same either way.
import { createApiKey, createTenant, listApiKeys, revokeApiKey, tenantView } from "../tenants/service";
import { CliUsageError as UsageError, createInstallationCommands, type Command, type Flags, type InstallationCliDeps } from "./installations";

function need(f: Flags, name: string, hint: string): string {
  const v = f[name];
  if (typeof v !== "string" || v.trim() === "") throw new UsageError(`--${name} is required: ${hint}`);
  return v.trim();
}

export function createCommands(deps: InstallationCliDeps): Record<string, Command> {
  return {
    ...createInstallationCommands(deps),
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
}
