// Every setting of the service, read from the environment once and validated with zod.
// A bad value stops start-up with a message naming the variable.
import path from "node:path";
import { z } from "zod";

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

const envSchema = z.object({
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
  ZENDESK_API_URL: optionalUrl,
  INTERCOM_API_URL: optionalUrl,
  /** Replaces https://app.intercom.com, where Intercom's consent page is. */
  INTERCOM_APP_URL: optionalUrl,
  CRISP_API_URL: optionalUrl,
  /** OAuth clients for the one-click installs; without a pair, /install/<provider> answers 501. */
  ZENDESK_OAUTH_CLIENT_ID: optionalText,
  ZENDESK_OAUTH_CLIENT_SECRET: optionalText,
  INTERCOM_OAUTH_CLIENT_ID: optionalText,
  INTERCOM_OAUTH_CLIENT_SECRET: optionalText,
  /** A Crisp plugin's token and hook signing secret: one for every website that installed the plugin. */
  CRISP_PLUGIN_IDENTIFIER: optionalText,
  CRISP_PLUGIN_KEY: optionalText,
  CRISP_PLUGIN_SIGNING_SECRET: optionalText,
  /** The tenant that gets the installation when a website installs the plugin (plugin:subscription:updated). */
  CRISP_PLUGIN_TENANT_ID: optionalText,
  /** `npm start` also runs the worker in-process (always, on the embedded queue). */
  RUN_WORKER: z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** Largest JSON body accepted on /v1 routes. */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
});

/**
 * A helpdesk app's own credentials (e.g. a Crisp plugin's token and hook secret), used when an
 * installation has none of its own, and the tenant its install events create installations in.
 */
export type ProviderApp = {
  secrets: { identifier?: string; key?: string; signingSecret?: string; clientSecret?: string };
  tenantId?: string;
};

/** An OAuth client registered at a helpdesk, and the settings that name it (for the 501). */
export type OAuthClient = { clientId: string; clientSecret: string };

/** The variables each provider's OAuth client is read from: named when they are missing. */
export const OAUTH_CLIENT_VARIABLES = {
  zendesk: ["ZENDESK_OAUTH_CLIENT_ID", "ZENDESK_OAUTH_CLIENT_SECRET"],
  intercom: ["INTERCOM_OAUTH_CLIENT_ID", "INTERCOM_OAUTH_CLIENT_SECRET"],
} as const;

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
  providerApiUrls: { zendesk?: string; intercom?: string; crisp?: string };
  providerApps: { zendesk?: ProviderApp; intercom?: ProviderApp; crisp?: ProviderApp };
  oauthClients: { zendesk?: OAuthClient; intercom?: OAuthClient };
  /** Overrides of where a helpdesk's consent page is (Intercom's app host). */
  providerAppUrls: { intercom?: string };
  maxBodyBytes: number;
  runWorker: boolean;
  workerConcurrency: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.LLM_BASE_URL && !e.LLM_MODEL) {
    throw new ConfigError("Invalid environment:\n  LLM_MODEL: required when LLM_BASE_URL is set");
  }
  // a plugin token is a pair: half of one is a typo, not a choice
  if (Boolean(e.CRISP_PLUGIN_IDENTIFIER) !== Boolean(e.CRISP_PLUGIN_KEY)) {
    const missing = e.CRISP_PLUGIN_IDENTIFIER ? "CRISP_PLUGIN_KEY" : "CRISP_PLUGIN_IDENTIFIER";
    throw new ConfigError(`Invalid environment:\n  ${missing}: required with the other half of the Crisp plugin token`);
  }
  const oauthClients: Config["oauthClients"] = {};
  for (const [provider, [idVar, secretVar]] of Object.entries(OAUTH_CLIENT_VARIABLES) as [keyof Config["oauthClients"], readonly [string, string]][]) {
    const clientId = (e as Record<string, unknown>)[idVar] as string | undefined;
    const clientSecret = (e as Record<string, unknown>)[secretVar] as string | undefined;
    // an OAuth client is a pair: half of one is a typo, not a choice
    if (Boolean(clientId) !== Boolean(clientSecret)) {
      throw new ConfigError(`Invalid environment:\n  ${clientId ? secretVar : idVar}: required with ${clientId ? idVar : secretVar}`);
    }
    if (clientId && clientSecret) oauthClients[provider] = { clientId, clientSecret };
  }
  const crispApp: ProviderApp = {
    secrets: compact({ identifier: e.CRISP_PLUGIN_IDENTIFIER, key: e.CRISP_PLUGIN_KEY, signingSecret: e.CRISP_PLUGIN_SIGNING_SECRET }),
    ...(e.CRISP_PLUGIN_TENANT_ID ? { tenantId: e.CRISP_PLUGIN_TENANT_ID } : {}),
  };
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
    providerApiUrls: { zendesk: e.ZENDESK_API_URL, intercom: e.INTERCOM_API_URL, crisp: e.CRISP_API_URL },
    providerApps: {
      ...(Object.keys(crispApp.secrets).length > 0 || crispApp.tenantId ? { crisp: crispApp } : {}),
      // Intercom signs every workspace's webhooks with the app's client secret
      ...(oauthClients.intercom ? { intercom: { secrets: { clientSecret: oauthClients.intercom.clientSecret } } } : {}),
    },
    oauthClients,
    providerAppUrls: { intercom: e.INTERCOM_APP_URL },
    maxBodyBytes: e.MAX_BODY_BYTES,
    runWorker: e.RUN_WORKER || !e.REDIS_URL,
    workerConcurrency: e.WORKER_CONCURRENCY,
  };
}

function compact<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
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
