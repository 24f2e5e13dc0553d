// CLI commands to connect helpdesks (`installations …`) and to inspect and replay the webhook
// inbox (`deliveries …`). Same shape as the command table of src/cli.ts, which mounts them.
import type { Connector, FlagReader, InstallationInfo } from "../../connectors/types";
import type { Config } from "../config";
import type { Database } from "../db/client";
import {
  createInstallation,
  initialStatus,
  InstallationInputError,
  listInstallations,
  setInstallationStatus,
  updateInstallationSecrets,
  type NewInstallation,
} from "../tenants/installations";
import { connectors, registeredConnectors, webhookUrl } from "../../connectors";
import { createLogger } from "../logger";
import { uninstallInstallation } from "../tenants/app-uninstall";
import { loadMasterKey } from "../tenants/secrets";

export type Flags = Record<string, string | boolean | undefined>;
export type Command = { usage: string; run(db: Database, f: Flags): Promise<{ json: object; text: string }> };
export type InstallationCliDeps = {
  config: () => Pick<Config, "publicUrl" | "masterKey" | "dataDir"> & Partial<Pick<Config, "oauthClients" | "providerApiUrls" | "providerAppUrls">>;
};

const manualFields = registeredConnectors.flatMap((c) => c.installation.manual?.fields ?? []);

/** Option types for parseArgs: with `strict: false` an undeclared `--tenant t1` parses as `true`. */
export const INSTALLATION_CLI_OPTIONS: Record<string, { type: "string" | "boolean" }> = {
  ...Object.fromEntries(
    [
      ...["tenant", "installation", "reason", "status", "since", "limit"],
      // set-secret's flags, which every connector's secret fields use too
      ...["signing-secret", "api-token", "access-token", "client-secret", "identifier", "key"],
      ...manualFields.filter((f) => !f.choicesAreFlags).map((f) => f.flag),
    ].map((name) => [name, { type: "string" as const }]),
  ),
  ...Object.fromEntries(manualFields.flatMap((f) => (f.choicesAreFlags ? (f.choices ?? []).map(([flag]) => [flag, { type: "boolean" as const }]) : []))),
};

/** Flags that carry a secret: given as `-`, the value is read from stdin instead of the command line. */
export const SECRET_FLAGS: readonly string[] = [
  ...new Set(["api-token", "access-token", "signing-secret", "client-secret", "key", ...manualFields.filter((f) => f.type === "password").map((f) => f.flag)]),
];

/**
 * Replaces every secret flag given as `-` by the next line of stdin, in the order the flags
 * were given, so no secret has to appear in shell history or the process list:
 * `printf '%s\n' "$TOKEN" "$SECRET" | npm run cli -- installations add <helpdesk> … --api-token - --signing-secret -`.
 */
export function secretsFromStdin(f: Flags, readStdin: () => string): void {
  const wanted = Object.keys(f).filter((name) => f[name] === "-" && (SECRET_FLAGS as readonly string[]).includes(name));
  if (wanted.length === 0) return;
  const lines = readStdin()
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (lines.length < wanted.length) {
    throw new CliUsageError(`${wanted.map((n) => `--${n}`).join(", ")} ${wanted.length === 1 ? "is" : "are"} given as "-": stdin must hold ${wanted.length === 1 ? "the secret" : `${wanted.length} lines, one secret each, in that order`} (found ${lines.length})`);
  }
  wanted.forEach((name, i) => (f[name] = lines[i]));
}

/** A mistake in the command line; the message already carries the usage line. */
export class CliUsageError extends Error {
  override name = "CliUsageError";
}

const USAGE = {
  list: "installations list [--tenant <tenant id>]",
  setSecret: "installations set-secret --installation <id> [--signing-secret s] [--api-token t] [--access-token t] [--client-secret s] [--identifier i --key k]",
  disable: "installations disable --installation <id> [--reason <why>]",
  uninstall: "installations uninstall --installation <id>",
  replay: "deliveries replay --status dead|skipped [--since <ISO time>] [--installation <id>]",
  deliveries: "deliveries list [--status <status>] [--installation <id>] [--limit <n, default 20, max 500>]",
};

const REPLAYABLE = ["dead", "skipped"];

type MasterKeyOf = (db: Database) => Buffer;

export function createInstallationCommands(deps: InstallationCliDeps): Record<string, Command> {
  const masterKey: MasterKeyOf = (db) => {
    const c = deps.config();
    return loadMasterKey({ masterKey: c.masterKey, dataDir: c.dataDir, embedded: db.kind === "embedded" });
  };
  return { ...addCommands(masterKey, () => deps.config().publicUrl), ...manageCommands(deps, masterKey), ...deliveryCommands() };
}

/** `installations add <provider>`, one a connector that can be installed by hand, and the bare `installations add`. */
function addCommands(masterKey: MasterKeyOf, publicUrl: () => string): Record<string, Command> {
  const manual = registeredConnectors.flatMap((c) => (c.installation.manual ? [{ connector: c, manual: c.installation.manual }] : []));
  const names = manual.map(({ connector }) => connector.provider).join("|");
  const commands: Record<string, Command> = {
    "installations add": {
      usage: `installations add ${names} …`,
      async run() {
        const forms = manual.map(({ manual: m }) => `  npm run cli -- ${m.usage}`).join("\n");
        throw new CliUsageError(`name the helpdesk: installations add ${names}\nusage:\n${forms}`);
      },
    },
  };
  for (const { connector, manual: m } of manual) {
    const u = m.usage;
    commands[`installations add ${connector.provider}`] = {
      usage: u,
      async run(db, f) {
        const tenantId = need(f, "tenant", "the tenant id (see `tenants list`)", u);
        const reader: FlagReader = {
          need: (name, hint) => need(f, name, hint, u),
          opt: (name) => opt(f, name, u),
          isSet: (name) => Boolean(f[name]),
          fail: (message) => {
            throw new CliUsageError(`${message}\nusage: npm run cli -- ${u}`);
          },
        };
        const draft = m.fromFlags(reader);
        const info = await createOrExplain(db, masterKey(db), connector, u, { tenantId, provider: connector.provider, ...draft });
        const url = webhookUrl(publicUrl(), info);
        return created(info, initialStatus(info.provider, info.secrets), url, m.setupSteps(info, url));
      },
    };
  }
  return commands;
}

/** Creates the installation, or a usage error that names the flag a bad field came from. */
async function createOrExplain(db: Database, masterKey: Buffer, connector: Connector, usage: string, input: NewInstallation): Promise<InstallationInfo> {
  try {
    return await createInstallation(db, masterKey, input);
  } catch (err) {
    if (!(err instanceof InstallationInputError)) throw err;
    if (err.field === "tenantId") throw new CliUsageError(`${err.message}: see \`tenants list\`\nusage: npm run cli -- ${usage}`);
    const flag = connector.installation.manual?.fields.find((f) => f.path === err.field)?.flag;
    // validation messages start with the field's path: say the flag instead
    const message = flag && err.message.startsWith(`${err.field} `) ? `--${flag}${err.message.slice(err.field.length)}` : err.message;
    throw new CliUsageError(`${message}\nusage: npm run cli -- ${usage}`);
  }
}

function created(info: InstallationInfo, status: string, webhookUrl: string, steps: string[]) {
  return {
    json: { installation_id: info.id, tenant_id: info.tenantId, provider: info.provider, account: info.account, status, webhook_url: webhookUrl, next_steps: steps },
    text: [`${info.provider} installation ${info.id} created for tenant ${info.tenantId} (${status})`, `webhook URL: ${webhookUrl}`, "next steps:", ...steps.map((s, i) => `  ${i + 1}. ${s}`)].join("\n"),
  };
}

/** list, set-secret, disable and uninstall. */
function manageCommands(deps: InstallationCliDeps, masterKey: MasterKeyOf): Record<string, Command> {
  return {
    "installations list": {
      usage: USAGE.list,
      async run(db, f) {
        const rows = await listInstallations(db, opt(f, "tenant", USAGE.list));
        const installations = rows.map((r) => ({
          installation_id: r.id,
          tenant_id: r.tenantId,
          provider: r.provider,
          account: r.account,
          settings: r.settings,
          status: r.status,
          status_reason: r.statusReason,
          created_at: r.createdAt.toISOString(),
        }));
        const text = installations.map((i) => `${i.installation_id}\t${i.tenant_id}\t${i.provider}\t${i.account}\t${i.status}`).join("\n");
        return { json: { installations }, text: text || "no installations" };
      },
    },
    "installations set-secret": {
      usage: USAGE.setSecret,
      async run(db, f) {
        const u = USAGE.setSecret;
        const id = need(f, "installation", "the installation id (see `installations list`)", u);
        const patch = Object.fromEntries(
          (
            [
              ["signingSecret", "signing-secret"],
              ["apiToken", "api-token"],
              ["accessToken", "access-token"],
              ["clientSecret", "client-secret"],
              ["identifier", "identifier"],
              ["key", "key"],
            ] as const
          )
            .map(([field, flag]) => [field, opt(f, flag, u)])
            .filter(([, v]) => v !== undefined),
        );
        if (Object.keys(patch).length === 0) throw new CliUsageError(`give at least one secret to set, e.g. --signing-secret\nusage: npm run cli -- ${u}`);
        let r;
        try {
          r = await updateInstallationSecrets(db, masterKey(db), id, patch);
        } catch (err) {
          if (err instanceof InstallationInputError) throw new CliUsageError(`${err.message}\nusage: npm run cli -- ${u}`);
          throw err;
        }
        if (!r) throw new CliUsageError(`no installation ${id}: see \`installations list\`\nusage: npm run cli -- ${u}`);
        return { json: { installation_id: id, status: r.status, updated: Object.keys(patch) }, text: `installation ${id}: ${Object.keys(patch).join(", ")} updated (${r.status})` };
      },
    },
    "installations disable": {
      usage: USAGE.disable,
      async run(db, f) {
        const u = USAGE.disable;
        const id = need(f, "installation", "the installation id (see `installations list`)", u);
        if (!(await setInstallationStatus(db, id, "disabled", opt(f, "reason", u)))) {
          throw new CliUsageError(`no installation ${id}: see \`installations list\`\nusage: npm run cli -- ${u}`);
        }
        return { json: { installation_id: id, status: "disabled" }, text: `installation ${id} disabled: its webhooks are refused from now on` };
      },
    },
    "installations uninstall": {
      usage: USAGE.uninstall,
      async run(db, f) {
        const u = USAGE.uninstall;
        const id = need(f, "installation", "the installation id (see `installations list`)", u);
        const log = createLogger("silent");
        const c = deps.config();
        const config = { publicUrl: c.publicUrl, oauthClients: c.oauthClients ?? {}, providerApiUrls: c.providerApiUrls ?? {}, providerAppUrls: c.providerAppUrls ?? {} };
        const r = await uninstallInstallation({ db, masterKey: masterKey(db), connectors, config, clock: () => new Date(), log }, id);
        if (!r.ok) throw new CliUsageError(`no installation ${id}: see \`installations list\`\nusage: npm run cli -- ${u}`);
        const text = `installation ${id} uninstalled: its webhook at the helpdesk is removed, its token revoked`;
        return { json: { installation_id: id, status: r.status, ...(r.warning ? { warning: r.warning } : {}) }, text: r.warning ? `installation ${id} uninstalled; ${r.warning}` : text };
      },
    },
  };
}

/** The webhook inbox: list and replay. */
function deliveryCommands(): Record<string, Command> {
  return {
    "deliveries replay": {
      usage: USAGE.replay,
      async run(db, f) {
        const u = USAGE.replay;
        const status = need(f, "status", "which deliveries to replay: dead (failed every retry) or skipped", u);
        if (!REPLAYABLE.includes(status)) throw new CliUsageError(`--status must be one of: ${REPLAYABLE.join(", ")}\nusage: npm run cli -- ${u}`);
        const since = opt(f, "since", u);
        const sinceDate = since === undefined ? undefined : new Date(since);
        if (sinceDate && Number.isNaN(sinceDate.getTime())) throw new CliUsageError(`--since must be an ISO time, e.g. 2026-11-01T00:00:00Z\nusage: npm run cli -- ${u}`);
        const installationId = opt(f, "installation", u);
        // Back to `received` with no attempts: a running worker's sweeper re-enqueues such rows.
        const r = await db.prisma.webhookDelivery.updateMany({
          where: { status, ...(sinceDate ? { receivedAt: { gte: sinceDate } } : {}), ...(installationId ? { installationId } : {}) },
          data: { status: "received", attempts: 0, skipReason: null, processedAt: null },
        });
        return {
          json: { replayed: r.count, status, since: sinceDate?.toISOString() ?? null, installation_id: installationId ?? null },
          text: `${r.count} ${status} deliveries set back to received; a running worker picks them up within seconds`,
        };
      },
    },
    "deliveries list": {
      usage: USAGE.deliveries,
      async run(db, f) {
        const u = USAGE.deliveries;
        const limitText = opt(f, "limit", u) ?? "20";
        const limit = Number(limitText);
        if (!/^\d+$/.test(limitText) || limit < 1 || limit > 500) throw new CliUsageError(`--limit must be a whole number from 1 to 500\nusage: npm run cli -- ${u}`);
        const status = opt(f, "status", u);
        const installationId = opt(f, "installation", u);
        const rows = await db.prisma.webhookDelivery.findMany({
          where: { ...(status ? { status } : {}), ...(installationId ? { installationId } : {}) },
          orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
          take: limit,
        });
        const deliveries = rows.map((r) => ({
          delivery_id: r.id,
          installation_id: r.installationId,
          provider: r.provider,
          event_type: r.eventType,
          status: r.status,
          skip_reason: r.skipReason,
          attempts: r.attempts,
          last_error: r.lastError,
          received_at: r.receivedAt.toISOString(),
        }));
        const text = deliveries
          .map((d) => [d.delivery_id, d.received_at, d.provider, d.event_type, d.status, d.attempts, d.skip_reason ?? d.last_error ?? ""].join("\t"))
          .join("\n");
        return { json: { deliveries }, text: text || "no deliveries" };
      },
    },
  };
}

function need(f: Flags, name: string, hint: string, usage: string): string {
  const v = f[name];
  if (typeof v !== "string" || v.trim() === "") throw new CliUsageError(`--${name} is required: ${hint}\nusage: npm run cli -- ${usage}`);
  return v.trim();
}

function opt(f: Flags, name: string, usage: string): string | undefined {
  const v = f[name];
  if (v === undefined) return undefined;
  if (typeof v !== "string" || v.trim() === "") throw new CliUsageError(`--${name} needs a value\nusage: npm run cli -- ${usage}`);
  return v.trim();
}
