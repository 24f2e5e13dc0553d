// Every setting of the service, read from the environment once and validated with zod.
// A bad value stops start-up with a message naming the variable. The helpdesks' settings are
// declared by their connectors (`settings.variables`) and read here like the rest.
import path from "node:path";
import { z } from "zod";
import { registeredConnectors } from "../connectors";
import type { Connector, InstallationSecrets, Provider, SettingVariable } from "../connectors/types";

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(z.url().optional())
  .optional();

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const baseSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: optionalUrl,
  REDIS_URL: optionalUrl,
  DATA_DIR: z.string().min(1).default("./data"),
  PUBLIC_URL: optionalUrl,
  MASTER_KEY: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -hex 32`)").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LLM_BASE_URL: optionalUrl,
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(15000),
  /** `npm start` also runs the worker in-process (always, on the embedded queue). */
  RUN_WORKER: z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** Largest JSON body accepted on /v1 routes. */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
});

/** What the settings are read for: the registered helpdesks (a test may pass others). */
type SettingsOwner = Pick<Connector, "provider" | "settings">;

/** The base settings plus every variable the connectors declare, each validated by its kind. */
function envSchemaFor(owners: readonly SettingsOwner[]) {
  const variables = owners.flatMap((c) => c.settings?.variables ?? []);
  // two readers of one variable would be a registry mistake: fail loudly, not silently
  for (const [i, v] of variables.entries()) {
    if (v.name in baseSchema.shape || variables.findIndex((x) => x.name === v.name) !== i) throw new Error(`setting ${v.name} is declared twice`);
  }
  return baseSchema.extend(Object.fromEntries(variables.map((v) => [v.name, v.kind === "url" ? optionalUrl : optionalText])));
}

/**
 * A helpdesk app's own credentials (e.g. a plugin's token and hook secret), used when an
 * installation has none of its own, and the tenant its install events create installations in.
 */
export type ProviderApp = {
  secrets: InstallationSecrets;
  tenantId?: string;
};

/** An OAuth client registered at a helpdesk, and the settings that name it (for the 501). */
export type OAuthClient = { clientId: string; clientSecret: string };

/** The variables each provider's OAuth client is read from (id, secret): named when they are missing. */
export const OAUTH_CLIENT_VARIABLES: Partial<Record<Provider, readonly [string, string]>> = Object.fromEntries(
  registeredConnectors.flatMap((c) => {
    const client = oauthClientVariables(c);
    return client ? [[c.provider, [client.id.name, client.secret.name] as const]] : [];
  }),
);

function variablesFor(c: SettingsOwner, use: SettingVariable["use"]): SettingVariable[] {
  return (c.settings?.variables ?? []).filter((v) => v.use === use);
}

/** A connector's OAuth client settings, when it declares both halves. */
function oauthClientVariables(c: SettingsOwner): { id: SettingVariable; secret: SettingVariable } | undefined {
  const [id] = variablesFor(c, "oauth_client_id");
  const [secret] = variablesFor(c, "oauth_client_secret");
  return id && secret ? { id, secret } : undefined;
}

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  databaseUrl?: string;
  redisUrl?: string;
  dataDir: string;
  publicUrl: string;
  masterKey?: string;
  logLevel: string;
  llm?: { baseUrl: string; apiKey?: string; model: string; timeoutMs: number };
  /** Overrides of a helpdesk's API host (tests, local fakes). */
  providerApiUrls: Partial<Record<Provider, string>>;
  providerApps: Partial<Record<Provider, ProviderApp>>;
  oauthClients: Partial<Record<Provider, OAuthClient>>;
  /** Overrides of where a helpdesk's consent page is, where it is not on the API host. */
  providerAppUrls: Partial<Record<Provider, string>>;
  maxBodyBytes: number;
  runWorker: boolean;
  workerConcurrency: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, helpdesks: readonly SettingsOwner[] = registeredConnectors): Config {
  const parsed = envSchemaFor(helpdesks).safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
  }
  // the connectors' variables widen the parsed type to an index signature: the base keys keep their own
  const e = parsed.data as unknown as z.output<typeof baseSchema>;
  if (e.LLM_BASE_URL && !e.LLM_MODEL) {
    throw new ConfigError("Invalid environment:\n  LLM_MODEL: required when LLM_BASE_URL is set");
  }
  const helpdeskSettings = readConnectorSettings(parsed.data, helpdesks);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    masterKey: e.MASTER_KEY,
    logLevel: e.LOG_LEVEL,
    llm: e.LLM_BASE_URL
      ? { baseUrl: e.LLM_BASE_URL.replace(/\/+$/, ""), apiKey: e.LLM_API_KEY, model: e.LLM_MODEL!, timeoutMs: e.LLM_TIMEOUT_MS }
      : undefined,
    ...helpdeskSettings,
    maxBodyBytes: e.MAX_BODY_BYTES,
    runWorker: e.RUN_WORKER || !e.REDIS_URL,
    workerConcurrency: e.WORKER_CONCURRENCY,
  };
}

type HelpdeskSettings = Pick<Config, "providerApiUrls" | "providerApps" | "oauthClients" | "providerAppUrls">;

/** Each connector's declared variables, as the config's per-provider maps; half a pair is an error naming the missing variable. */
function readConnectorSettings(env: Record<string, unknown>, owners: readonly SettingsOwner[]): HelpdeskSettings {
  const out: HelpdeskSettings = { providerApiUrls: {}, providerApps: {}, oauthClients: {}, providerAppUrls: {} };
  const value = (v: SettingVariable | undefined) => (v ? (env[v.name] as string | undefined) : undefined);
  for (const c of owners) {
    checkPairs(env, c);
    const p = c.provider;
    const apiUrl = value(variablesFor(c, "api_url")[0]);
    if (apiUrl) out.providerApiUrls[p] = apiUrl;
    const appUrl = value(variablesFor(c, "app_url")[0]);
    if (appUrl) out.providerAppUrls[p] = appUrl;
    const vars = oauthClientVariables(c);
    const [clientId, clientSecret] = [value(vars?.id), value(vars?.secret)];
    if (clientId && clientSecret) out.oauthClients[p] = { clientId, clientSecret };
    // app-level secrets: declared as such, or an OAuth client secret that also verifies webhooks
    const secrets: InstallationSecrets = {};
    for (const v of variablesFor(c, "app_secret")) if (v.secret && value(v)) secrets[v.secret] = value(v);
    if (clientId && clientSecret && vars?.secret.secret) secrets[vars.secret.secret] = clientSecret;
    const tenantId = value(variablesFor(c, "app_tenant")[0]);
    if (Object.keys(secrets).length > 0 || tenantId) out.providerApps[p] = { secrets, ...(tenantId ? { tenantId } : {}) };
  }
  return out;
}

/** An OAuth client is a pair, and so are the pairs a connector declares: half of one is a typo, not a choice. */
function checkPairs(env: Record<string, unknown>, c: SettingsOwner): void {
  const client = oauthClientVariables(c);
  const pairs: { names: readonly [string, string]; message?: string }[] = [...(c.settings?.pairs ?? []), ...(client ? [{ names: [client.id.name, client.secret.name] as const }] : [])];
  for (const { names, message } of pairs) {
    const [a, b] = names;
    if (Boolean(env[a]) !== Boolean(env[b])) {
      const [missing, given] = env[a] ? [b, a] : [a, b];
      throw new ConfigError(`Invalid environment:\n  ${missing}: ${message ?? `required with ${given}`}`);
    }
  }
}

/** For process entry points: the config, or the message naming the bad variable and exit code 2. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}
