// What is particular to Crisp, as data. Behaviour lives in the other files of this folder.
import type { ConnectorFacts } from "../types";

export const crispFacts: ConnectorFacts = {
  // Crisp answers 429 or 420 "Enhance Your Calm"; whether it sends Retry-After is not documented,
  // and crisp-api does not pass response headers on, so RATE_LIMIT_WAIT_MS is what we wait.
  retryHeader: { name: "Retry-After", kind: "after" },
  // Crisp picks the size of a message batch (not documented) and offers no page-size parameter:
  // 0 says it is not ours to set. We page back with timestamp_before until a batch is empty.
  pageSize: 0,
  // No delivery id: the dedupe key is built from website, session, fingerprint and event.
  timestampSigned: true,
  // Crisp documents no per-conversation limit for notes; we keep Zendesk's cautious budget.
  noteRateLimit: { notes: 3, windowMs: 10 * 60 * 1000 },
  idPrefix: "cr",
  secretHeaders: ["x-crisp-signature"],
  webhookRoutes: {
    // plugin hooks on one URL for every website; website hooks per installation
    shared: { methods: ["POST"], unknownAccountStatus: 200 },
    perInstallation: true,
  },
};

export const SIGNATURE_HEADER = "x-crisp-signature";
export const TIMESTAMP_HEADER = "x-crisp-request-timestamp";
/** This attempt's number: a retry carries the same body, so it maps to the same dedupe key. */
export const ATTEMPT_HEADER = "x-delivery-attempt-count";

/** Crisp documents no tolerance for the signed timestamp; five minutes is the usual choice. */
export const REPLAY_WINDOW_MS = 5 * 60 * 1000;

/** A rate-limit answer carries no wait we can read: the first retry comes after this. */
export const RATE_LIMIT_WAIT_MS = 10_000;

/** Crisp never stops a backwards walk on its own if a server repeats a batch: at most this many. */
export const MAX_MESSAGE_BATCHES = 200;

/** Marks our notes: the footer line of every note we post. */
export const NOTE_MARKER = "helpdesk-memory";

/** The name our notes show in the operator inbox. */
export const NOTE_AUTHOR = "Customer memory";

/**
 * Crisp has no external_id field: a company that knows its customer stores its own id in the
 * contact's people data. These keys are read, first match wins.
 */
export const EXTERNAL_ID_KEYS = ["external_id", "user_id", "customer_id"] as const;

/**
 * verifications[] entries a backend or Crisp itself vouched for: `sdk` (the chatbox was given a
 * signed e-mail), `api` (set through the REST API), `link` (the visitor clicked a link Crisp
 * mailed). `meta.email` is typed by the visitor and is never trusted.
 */
export const TRUSTED_VERIFICATION_METHODS = new Set(["sdk", "api", "link"]);

// Ids go into URL paths unencoded by crisp-api: only these shapes are ever sent.
export const WEBSITE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const SESSION_ID = /^session_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const PEOPLE_ID = WEBSITE_ID;

/** Visitor nicknames Crisp makes up ("visitor493603"): not a name. */
export const DEFAULT_NICKNAME = /^visitor\d*$/i;
