// Helpdesk accounts connected to a tenant: validated per provider with zod on write and on
// read, secrets sealed with the master key. Listings never carry secrets. The OAuth install
// flow that fills them is app-installs.ts; token refresh is oauth-tokens.ts.
import { randomBytes } from "node:crypto";
import { connectorOf, providerNames } from "../../connectors";
import type { Connector, InstallationInfo, InstallationSecrets, Provider } from "../../connectors/types";
import type { Database } from "../db/client";
import { decryptSecrets, encryptSecrets } from "./secrets";

/**
 * - `pending`: created, but something only the helpdesk can give is still missing (a signing
 *   secret the helpdesk reveals only after the webhook, which needs our URL, exists: the
 *   connector's `installation.initialStatus` says when).
 * - `active`: webhooks are accepted and processed.
 * - `needs_reauth`: the helpdesk refused our credentials (a refresh answered invalid_grant, a
 *   401); webhooks are still accepted, and their deliveries wait as `held` until the admin
 *   connects again.
 * - `disabled` (by an admin) and `uninstalled`: webhooks are refused.
 */
export const INSTALLATION_STATUSES = ["pending", "active", "needs_reauth", "disabled", "uninstalled"] as const;
export type InstallationStatus = (typeof INSTALLATION_STATUSES)[number];

export type InstallationRecord = { info: InstallationInfo; status: InstallationStatus; statusReason: string | null };

export type InstallationSummary = {
  id: string;
  tenantId: string;
  provider: Provider;
  account: string;
  settings: Record<string, string>;
  status: InstallationStatus;
  statusReason: string | null;
  createdAt: Date;
};

export type InstallationInput = {
  account: string;
  settings?: Record<string, string | undefined>;
  secrets?: InstallationSecrets;
};

export type NewInstallation = InstallationInput & { tenantId: string; provider: Provider };

export type ValidInstallation = { account: string; settings: Record<string, string>; secrets: InstallationSecrets };

/** `field` is the path of the bad value, e.g. `settings.email` or `secrets.signingSecret`. */
export type ValidationResult = { ok: true; value: ValidInstallation } | { ok: false; field: string; message: string };

export class InstallationInputError extends Error {
  override name = "InstallationInputError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Pure: the installation as it will be stored, or the first bad field. */
export function validateInstallation(provider: Provider, input: InstallationInput): ValidationResult {
  const parsed = connectorFor(provider).installation.schema.safeParse({ account: input.account, settings: input.settings ?? {}, secrets: input.secrets ?? {} });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, field: issue.path.join("."), message: issue.message };
  }
  const { account, settings, secrets } = parsed.data;
  return { ok: true, value: { account, settings: compact(settings), secrets: compact(secrets) } };
}

/** What a new installation starts as; see INSTALLATION_STATUSES for `pending`. */
export function initialStatus(provider: Provider, secrets: InstallationSecrets): InstallationStatus {
  return connectorFor(provider).installation.initialStatus?.(secrets) ?? "active";
}

/** Unsigned hooks (the connector's `keyedWebhook`): this key, in the hook URL, is what authenticates them. */
export function generateHookKey(): string {
  return randomBytes(24).toString("base64url");
}

export async function createInstallation(db: Database, masterKey: Buffer, input: NewInstallation): Promise<InstallationInfo> {
  const valid = validateInstallation(input.provider, input);
  if (!valid.ok) throw new InstallationInputError(valid.field, `${valid.field} ${valid.message}`);
  const { account, settings } = valid.value;
  const secrets: InstallationSecrets = { ...valid.value.secrets };
  if (connectorFor(input.provider).installation.keyedWebhook?.(settings)) secrets.hookKey = generateHookKey();

  if (!(await db.prisma.tenant.findUnique({ where: { id: input.tenantId } }))) {
    throw new InstallationInputError("tenantId", `no tenant ${input.tenantId}`);
  }
  // Helpdesks that share one endpoint route by account: two live installations of one account
  // would make that routing a coin toss.
  const clash = await db.prisma.installation.findFirst({
    where: { provider: input.provider, account, status: { in: ["active", "pending"] } },
  });
  if (clash) {
    throw new InstallationInputError("account", `${input.provider} account ${account} is already installed (${clash.id}, tenant ${clash.tenantId}); disable that installation first`);
  }
  const id = `inst_${randomBytes(10).toString("hex")}`;
  await db.prisma.installation.create({
    data: {
      id,
      tenantId: input.tenantId,
      provider: input.provider,
      account,
      settings,
      secrets: encryptSecrets(masterKey, secrets),
      status: initialStatus(input.provider, secrets),
    },
  });
  return { id, tenantId: input.tenantId, provider: input.provider, account, settings, secrets };
}

export type SavedInstallation = {
  /** An existing installation of the same tenant, provider and account is updated in place. */
  id?: string;
  tenantId: string;
  provider: Provider;
  account: string;
  settings: Record<string, string | undefined>;
  secrets: InstallationSecrets;
  status: InstallationStatus;
};

/**
 * Writes an installation made by the install flow (not typed by a person): validated like any
 * other, created under `id` when there is none, else replaced whole. The account may be live
 * in this tenant only: two live installations of one account would split its webhooks.
 */
export async function saveInstallation(db: Database, masterKey: Buffer, input: SavedInstallation): Promise<InstallationInfo> {
  const valid = validateInstallation(input.provider, input);
  if (!valid.ok) throw new InstallationInputError(valid.field, `${valid.field} ${valid.message}`);
  const { account, settings, secrets } = valid.value;
  const clash = await db.prisma.installation.findFirst({
    where: { provider: input.provider, account, status: { in: ["active", "pending", "needs_reauth"] }, NOT: { tenantId: input.tenantId } },
  });
  if (clash) throw new InstallationInputError("account", `${input.provider} account ${account} is already connected to another tenant`);
  const id = input.id ?? `inst_${randomBytes(10).toString("hex")}`;
  const data = { settings, secrets: encryptSecrets(masterKey, secrets), status: input.status, statusReason: null };
  await db.prisma.installation.upsert({
    where: { id },
    create: { id, tenantId: input.tenantId, provider: input.provider, account, ...data },
    update: data,
  });
  return { id, tenantId: input.tenantId, provider: input.provider, account, settings, secrets };
}

/** The tenant's installation of this account (the newest), whatever its status. */
export async function findTenantInstallation(db: Database, masterKey: Buffer, tenantId: string, provider: Provider, account: string): Promise<InstallationRecord | null> {
  const row = await db.prisma.installation.findFirst({ where: { tenantId, provider, account: normaliseAccount(provider, account) }, orderBy: { createdAt: "desc" } });
  return row ? toRecord(row, masterKey) : null;
}

type InstallationRow = NonNullable<Awaited<ReturnType<Database["prisma"]["installation"]["findUnique"]>>>;

/** The installation with its secrets decrypted, whatever its status; null when unknown. */
export async function getInstallation(db: Database, masterKey: Buffer, id: string): Promise<InstallationRecord | null> {
  const row = await db.prisma.installation.findUnique({ where: { id } });
  return row ? toRecord(row, masterKey) : null;
}

/** For shared endpoints, routed by account: the live installation, else the newest. */
export async function findInstallationByAccount(db: Database, masterKey: Buffer, provider: Provider, account: string): Promise<InstallationRecord | null> {
  const rows = await db.prisma.installation.findMany({ where: { provider, account: normaliseAccount(provider, account) }, orderBy: { createdAt: "desc" } });
  const row = rows.find((r) => r.status === "active") ?? rows[0];
  return row ? toRecord(row, masterKey) : null;
}

export async function listInstallations(db: Database, tenantId?: string): Promise<InstallationSummary[]> {
  const rows = await db.prisma.installation.findMany({ where: tenantId ? { tenantId } : {}, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenantId,
    provider: providerOf(r),
    account: r.account,
    settings: settingsOf(r.settings),
    status: statusOf(r.status),
    statusReason: r.statusReason,
    createdAt: r.createdAt,
  }));
}

/** False when there is no such installation. */
export async function setInstallationStatus(db: Database, id: string, status: InstallationStatus, reason?: string): Promise<boolean> {
  const r = await db.prisma.installation.updateMany({ where: { id }, data: { status, statusReason: reason ?? null } });
  return r.count > 0;
}

/**
 * Adds or replaces secrets (e.g. a signing secret the helpdesk revealed after the webhook was
 * made), re-validated as a whole; a `pending` installation that is now complete goes live.
 */
export async function updateInstallationSecrets(db: Database, masterKey: Buffer, id: string, patch: InstallationSecrets): Promise<InstallationRecord | null> {
  const current = await getInstallation(db, masterKey, id);
  if (!current) return null;
  const { info } = current;
  const valid = validateInstallation(info.provider, { account: info.account, settings: info.settings, secrets: { ...info.secrets, ...patch } });
  if (!valid.ok) throw new InstallationInputError(valid.field, `${valid.field} ${valid.message}`);
  // validation keeps only the secrets a person types; generated ones (hookKey) carry over
  const secrets = { ...info.secrets, ...valid.value.secrets };
  const status = current.status === "pending" ? initialStatus(info.provider, secrets) : current.status;
  const statusReason = status === current.status ? current.statusReason : null;
  await db.prisma.installation.update({ where: { id }, data: { secrets: encryptSecrets(masterKey, secrets), status, statusReason } });
  return { info: { ...info, secrets }, status, statusReason };
}

function normaliseAccount(provider: Provider, account: string): string {
  return connectorFor(provider).installation.normaliseAccount?.(account) ?? account.trim();
}

function connectorFor(provider: Provider): Connector {
  const c = connectorOf(provider);
  if (!c) throw new InstallationInputError("provider", `no helpdesk ${provider}: one of ${providerNames.join(", ")}`);
  return c;
}

function toRecord(row: InstallationRow, masterKey: Buffer): InstallationRecord {
  let secrets: InstallationSecrets;
  try {
    secrets = decryptSecrets<InstallationSecrets>(masterKey, row.secrets);
  } catch (err) {
    throw new Error(`cannot read the secrets of installation ${row.id}: ${(err as Error).message}`);
  }
  return {
    info: { id: row.id, tenantId: row.tenantId, provider: providerOf(row), account: row.account, settings: settingsOf(row.settings), secrets },
    status: statusOf(row.status),
    statusReason: row.statusReason,
  };
}

function providerOf(row: { id: string; provider: string }): Provider {
  if (!connectorOf(row.provider)) throw new Error(`installation ${row.id} has unknown provider ${row.provider}`);
  return row.provider as Provider;
}

// an unknown status is treated as not live rather than trusted
function statusOf(value: string): InstallationStatus {
  return (INSTALLATION_STATUSES as readonly string[]).includes(value) ? (value as InstallationStatus) : "disabled";
}

function settingsOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

function compact<T extends object>(obj: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as never;
}
