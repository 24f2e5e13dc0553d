// The contract between the provider-agnostic pipeline (src/pipeline) and one helpdesk.
// A connector is the only code that knows a helpdesk's headers, payloads, SDK and markup.
import type { z } from "zod";
import type { SupportContext } from "../src/memory/context";
import type { SupportProfile } from "../src/memory/types";

/** A helpdesk's name: a key of the registry (connectors/index.ts), the one list of helpdesks. */
export type Provider = import("./index").ProviderName;

/** The webhook request as received: raw bytes (every provider signs bytes), lower-cased headers. */
export type RawRequest = {
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
  query: Record<string, string | undefined>;
};

/** Secrets of an installation, decrypted only in memory. */
export type InstallationSecrets = {
  signingSecret?: string;
  apiToken?: string;
  accessToken?: string;
  clientSecret?: string;
  /** Crisp website hooks are unsigned: a per-installation key in the URL is the secret. */
  hookKey?: string;
  identifier?: string;
  key?: string;
  /** OAuth: the token that renews the access token (Zendesk rotates it on every refresh). */
  refreshToken?: string;
  /** OAuth: when the access token expires (ISO 8601); absent for tokens that do not expire. */
  expiresAt?: string;
  /** OAuth: from when on the token is refreshed before use (some minutes before expiresAt). */
  refreshAt?: string;
};

export type InstallationInfo = {
  id: string;
  tenantId: string;
  provider: Provider;
  /** Zendesk subdomain, Intercom app_id, Crisp website_id. */
  account: string;
  /** Non-secret settings: e.g. { email, agentId } for Zendesk, { adminId, region } for Intercom. */
  settings: Record<string, string | undefined>;
  secrets: InstallationSecrets;
};

export type VerifyResult = { ok: true } | { ok: false; code: "missing_signature" | "bad_signature" | "stale_timestamp" | "bad_key" };

export type EventKind =
  | "ticket_created" // a new ticket/conversation from the customer
  | "customer_message" // the customer wrote on an existing ticket
  | "agent_message" // an agent replied (ingest, never a note)
  | "internal_note" // a private note (ours or a colleague's): never ingested
  | "ticket_status_changed" // e.g. solved / closed: issue to history, no note
  | "user_merged" // two helpdesk users became one
  | "identity_changed" // external_id or verified e-mail changed
  | "ticket_updated"; // a trigger webhook: we only know the ticket id

/** What a connector makes of a webhook body. Ids are strings, scoped by the installation. */
export type NormalisedEvent = {
  kind: EventKind;
  /** The helpdesk's own event/notification id when it has one. */
  eventId?: string;
  /** Helpdesk event type as sent, for the inbox record and logs. */
  type: string;
  occurredAt?: string;
  ticketRef?: string;
  requesterRef?: string;
  /** Author of the message or action that caused the event. */
  actorRef?: string;
  /** The comment/part/message id the event is about. */
  messageRef?: string;
  status?: string;
  merge?: { fromUserRef: string; intoUserRef: string };
  /** Identity facts carried by the payload itself (external_id, verified e-mail). */
  identity?: Partial<RequesterIdentity>;
};

export type ParseResult =
  | { ok: true; event: NormalisedEvent }
  /**
   * `distinct`: the body names no delivery of its own (an Intercom notification whose id is
   * null), so identical bytes may still be two deliveries: each is recorded, none is a duplicate.
   */
  | { ok: false; code: "skip"; reason: string; type?: string; distinct?: boolean }
  | { ok: false; code: "malformed"; message: string };

export type ThreadMessage = {
  id: string;
  role: "customer" | "agent" | "bot";
  authorRef: string;
  body: string;
  createdAt: string;
  /** Internal notes are never fed to memory (our own notes among them). */
  internal: boolean;
};

export type Thread = {
  ticketRef: string;
  /** The ticket's subject or conversation title, as the customer (or the channel) gave it. */
  subject?: string;
  status?: string;
  requesterRef?: string;
  /**
   * The requester's whole record, when fetching the thread already brought it (a sideload):
   * the pipeline then does not call resolveRequester for `requesterRef`.
   */
  requester?: RequesterIdentity;
  /**
   * What the helpdesk shows of the requester on this ticket, for memory and the agent's note:
   * display facts only (a name is not a secret), never an id or an e-mail address.
   */
  customer?: { name?: string; company?: string };
  /** How the customer wrote in, in plain words: "email", "chat", "messaging", "web form", "phone"… */
  channel?: string;
  /** Oldest first. */
  messages: ThreadMessage[];
  /** The helpdesk returned only the newest part of a longer thread. */
  truncated?: boolean;
};

export type RequesterIdentity = {
  providerUserRef: string;
  /** The customer's company id for the person, set in the helpdesk (Zendesk external_id …). */
  externalId?: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
};

export type NoteInput = {
  context: SupportContext;
  profile: SupportProfile | null;
  externalUserId: string;
  /** Older history was not available from the helpdesk. */
  historyTruncated?: boolean;
  /** The ticket the note goes on: a profile that knows no other ticket gets a first-contact note. */
  ticketRef?: string;
  /** The tenant's first_contact_note setting (default triage). */
  firstContactNote?: "triage" | "none";
  /**
   * A short reference to print in the note's footer (e.g. "ref 3f9a1c2b"): a job retried after
   * a crash between posting and recording recognises its own note in the thread by it.
   */
  footerRef?: string;
};

export type RenderedNote = { body: string; format: "html" | "markdown" | "text" };

/** Facts as data: what differs between helpdesks, next to each connector. */
export type ConnectorFacts = {
  /** How a 429 says when to come back: seconds to wait, or a time to wait until. */
  retryHeader: { name: string; kind: "after" | "at" };
  pageSize: number;
  /** Header carrying a per-delivery id, when there is one. */
  deliveryIdHeader?: string;
  timestampSigned: boolean;
  /** Most notes per ticket per window the helpdesk tolerates from us. */
  noteRateLimit: { notes: number; windowMs: number };
  /** Starts the external_user_id of a customer known only to this helpdesk: `<prefix>_<account>_<user>`. */
  idPrefix: string;
  /** Request headers that carry a signature or key: never logged. */
  secretHeaders: readonly string[];
  /** Where its webhooks arrive under /webhooks/<provider>. */
  webhookRoutes: WebhookRoutes;
};

export type WebhookRoutes = {
  /** POST /webhooks/<provider>/:installationId */
  perInstallation?: boolean;
  /** /webhooks/<provider>, one URL for every account: routed by the body (accountOf). */
  shared?: {
    methods: readonly ("POST" | "HEAD")[];
    /** What an account nobody installed is answered (a helpdesk that counts errors toward pausing gets 200). */
    unknownAccountStatus?: 200 | 404;
  };
};

/**
 * A workspace installed or removed our app at the helpdesk (a Crisp website subscribing to the
 * plugin): an installation to create or disable, announced on the shared endpoint, verified
 * with the app-level secret since the installation may not exist yet.
 */
export type LifecycleEvent = {
  action: "install" | "uninstall";
  /** The account to (un)install, as installations store it. */
  account: string;
  /** Settings a new installation gets (e.g. { mode: "plugin" } for Crisp). */
  settings?: Record<string, string>;
};

/** The service's registration at a helpdesk (an OAuth client), from settings. */
export type OAuthApp = {
  clientId: string;
  clientSecret: string;
  /** PUBLIC_URL/oauth/<provider>/callback */
  redirectUri: string;
  /** Overrides the helpdesk's API host (and, for Zendesk, its OAuth host): tests, local fakes. */
  apiUrl?: string;
  /** Overrides the host of the consent page, where it differs from the API's (Intercom). */
  appUrl?: string;
};

export type OAuthTokens = { accessToken: string; refreshToken?: string; expiresAt?: string; refreshAt?: string };

/** Who installed, where: what the helpdesk says about the token (users/me, /me). */
export type OAuthIdentity = { account: string; settings: Record<string, string> };

/** What provisioning set up at the helpdesk (a webhook): kept on the installation. */
export type Provisioned = { settings: Record<string, string>; secrets: InstallationSecrets };

export type InstallParams = { ok: true; account?: string } | { ok: false; field: string; message: string };

/**
 * Install as a helpdesk app: the consent page, the code exchange, token refresh and what the
 * installation needs set up at the helpdesk. Expected failures are ProviderErrors; a refresh
 * the helpdesk refuses for good answers "invalid_grant".
 */
export interface OAuthCapability {
  /** Reads the install request's query (e.g. Zendesk's subdomain) before the consent page. */
  installParams(query: Record<string, string | undefined>): InstallParams;
  authorizeUrl(app: OAuthApp, account: string | undefined, state: string): string;
  exchangeCode(app: OAuthApp, account: string | undefined, code: string, now: Date): Promise<OAuthTokens>;
  identify(app: OAuthApp, account: string | undefined, tokens: OAuthTokens): Promise<OAuthIdentity>;
  refresh?(app: OAuthApp, installation: InstallationInfo, now: Date): Promise<OAuthTokens | "invalid_grant">;
  /** Creates, or checks and keeps, what the installation needs at the helpdesk (a webhook to `webhookUrl`). */
  provision?(app: OAuthApp, installation: InstallationInfo, webhookUrl: string): Promise<Provisioned>;
  /** Removes what provision made and revokes the token; best effort is the caller's choice. */
  uninstall?(app: OAuthApp, installation: InstallationInfo): Promise<void>;
  /** Where the helpdesk must send webhooks, when they are set up once for the app (Intercom), and which topics. */
  appWebhooks?: { path: string; topics: readonly string[] };
}

/** A helpdesk answered with an error; the queue decides from status and retryAfterMs. */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryAfterMs?: number,
    /** false for errors a retry cannot fix (401 uninstalled, 404 ticket gone…). */
    readonly retryable: boolean = status === undefined || status === 429 || status >= 500,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}

// ---------------------------------------------------------------- installing and settings
// Optional capabilities, in the style of Novu's providers: what the CLI, the console, the
// settings and the installation store need to know of a helpdesk, declared by its connector so
// none of them names a helpdesk.

/** An installation as a person or the install flow gives it, before the connector's schema has read it. */
export type InstallationDraft = {
  account: string;
  settings: Record<string, string | undefined>;
  secrets: InstallationSecrets;
};

/** How an installation can come about: one-click OAuth, typed by hand, a marketplace plugin, a website hook. */
export type InstallMethod = "oauth" | "manual" | "plugin" | "website_hook";

/** One field of the manual install: a CLI flag of `installations add <provider>` and a console form field. */
export type ManualField = {
  flag: string;
  label: string;
  type?: "text" | "password" | "email";
  required?: boolean;
  hint?: string;
  choices?: readonly (readonly [value: string, label: string])[];
  /** The choices are boolean flags of their own (`--plugin | --website-hook`), not values of `--<flag>`. */
  choicesAreFlags?: boolean;
  /** The validated field it fills (`account`, `settings.email`…): a validation error names the flag. */
  path?: string;
};

/** The CLI's reading of flags, so a connector's missing-flag errors read like every other command's. */
export type FlagReader = {
  /** The flag's value, or a usage error `--<name> is required: <hint>`. */
  need(name: string, hint: string): string;
  opt(name: string): string | undefined;
  isSet(name: string): boolean;
  /** A usage error with this message (the usage line is added). */
  fail(message: string): never;
};

export type ManualInstall = {
  /** `installations add <provider> …` with its flags. */
  usage: string;
  fields: readonly ManualField[];
  /** The installation the flags describe (the tenant is read by the CLI). */
  fromFlags(flags: FlagReader): InstallationDraft;
  /** What the admin does next at the helpdesk, numbered by the CLI and the console. */
  setupSteps(installation: InstallationInfo, webhookUrl: string): string[];
};

/**
 * Validating, storing and showing installations. `schema` reads `{account, settings, secrets}`
 * (unknown keys dropped, messages that say what is wrong: the store prefixes the field path).
 */
export type InstallationCapability = {
  // z.ZodType's input is left open: a schema may transform what it reads
  schema: z.ZodType<{ account: string; settings: Record<string, string | undefined>; secrets: Record<string, string | undefined> }, unknown>;
  /** The account as stored, for look-ups by what a webhook or a person says (case, spaces). */
  normaliseAccount?(account: string): string;
  /** A new installation starts `pending` when something only the helpdesk can give is missing; default `active`. */
  initialStatus?(secrets: InstallationSecrets): "pending" | "active";
  /** The webhook URL carries a generated key (`secrets.hookKey`): unsigned hooks. */
  keyedWebhook?(settings: Record<string, string | undefined>): boolean;
  /** The URL the helpdesk must call (`base` is PUBLIC_URL without a trailing slash). */
  webhookUrl(base: string, installation: Pick<InstallationInfo, "id" | "settings" | "secrets">): string;
  /** The secret an admin sets by hand after installing (the console's secret form), and its name. */
  adminSecret: { secret: keyof InstallationSecrets; label: string };
  /** The setting that names who authors our notes, where the helpdesk has such a choice. */
  noteAuthor?: { setting: string; label: string };
  methods: readonly InstallMethod[];
  manual?: ManualInstall;
  /** Fields the one-click install asks before leaving for the helpdesk (Zendesk's subdomain). */
  oauthStartFields?: readonly { name: string; label: string }[];
};

/** A setting the connector reads from the environment. */
export type SettingVariable = {
  name: string;
  description: string;
  kind: "url" | "text";
  /**
   * What the service does with it: override the API host or the consent page's host, name the
   * OAuth client, stand in for an installation secret at the app level (a plugin's token), or
   * name the tenant that app-level installs go to.
   */
  use: "api_url" | "app_url" | "oauth_client_id" | "oauth_client_secret" | "app_secret" | "app_tenant";
  /** For `app_secret`, and an OAuth client secret that also verifies webhooks: the installation secret it stands in for. */
  secret?: keyof InstallationSecrets;
};

export type ConnectorSettings = {
  variables: readonly SettingVariable[];
  /** Two variables that make sense only together, besides the OAuth client's pair; `message` follows `<missing>: `. */
  pairs?: readonly { names: readonly [string, string]; message: string }[];
};

export interface Connector<Client = unknown> {
  readonly provider: Provider;
  /** How pages and messages name the helpdesk. */
  readonly displayName: string;
  readonly facts: ConnectorFacts;
  readonly installation: InstallationCapability;
  /** The environment variables it reads. */
  readonly settings?: ConnectorSettings;
  /** Where an agent opens the ticket, for links in the console. */
  ticketUrl?(account: string, ticketRef: string): string;
  verify(req: RawRequest, installation: InstallationInfo, now: Date): VerifyResult;
  parse(body: unknown): ParseResult;
  dedupeKey(event: NormalisedEvent, req: RawRequest, installation: InstallationInfo): string;
  /** Our own note coming back: author is our agent, or the message id is one we posted. */
  isOwnEcho(event: NormalisedEvent, installation: InstallationInfo, postedNoteRefs: ReadonlySet<string>): boolean;
  createClient(installation: InstallationInfo, apiBaseUrl?: string): Client;
  fetchThread(client: Client, ticketRef: string): Promise<Thread>;
  resolveRequester(client: Client, requesterRef: string): Promise<RequesterIdentity>;
  renderNote(input: NoteInput): RenderedNote;
  postNote(client: Client, ticketRef: string, note: RenderedNote, installation: InstallationInfo): Promise<{ noteRef: string }>;
  /** Route a shared endpoint's body to an account (Intercom app_id, Crisp website_id). */
  accountOf?(body: unknown): string | undefined;
  /** A shared endpoint's body that installs or uninstalls the app for an account; else undefined. */
  lifecycle?(body: unknown): LifecycleEvent | undefined;
  /** One-click install through the helpdesk's consent page. */
  oauth?: OAuthCapability;
}
