// What is particular to Intercom, as data. Behaviour lives in the other files of this folder.
import type { ConnectorFacts } from "../types";

export const intercomFacts: ConnectorFacts = {
  // A 429 carries X-RateLimit-Reset: the unix time (seconds) the 10-second window reopens.
  retryHeader: { name: "X-RateLimit-Reset", kind: "at" },
  // GET /conversations/{id} returns at most the 500 newest parts, with no pagination.
  pageSize: 500,
  // No delivery-id header: the notification's own `id` is the idempotency key.
  timestampSigned: false,
  // Intercom documents no per-conversation cap on notes (only 10,000 calls/min per app). A note
  // is something an agent has to read, so we keep Zendesk's budget: 3 per conversation per 10 min.
  noteRateLimit: { notes: 3, windowMs: 10 * 60 * 1000 },
  idPrefix: "ic",
  secretHeaders: ["x-hub-signature"],
  webhookRoutes: {
    // Intercom validates the URL with HEAD and counts error answers toward pausing the subscription.
    shared: { methods: ["POST", "HEAD"], unknownAccountStatus: 200 },
  },
};

export const SIGNATURE_HEADER = "x-hub-signature";

/** Regional API hosts: a workspace's token works only on its own region's host. */
export const REGION_HOSTS = {
  us: "https://api.intercom.io",
  eu: "https://api.eu.intercom.io",
  au: "https://api.au.intercom.io",
} as const;
export type Region = keyof typeof REGION_HOSTS;

/**
 * intercom-client retries 408/429/5xx itself, waiting for X-RateLimit-Reset (capped at 60 s).
 * Two retries ride out a 10-second rate-limit window; past that the queue retries the job
 * (at most 5 attempts), so the worst case is 3 × 5 calls, not 5 × 5.
 */
export const SDK_MAX_RETRIES = 2;

/** Per HTTP call (the SDK's default is 20 s). */
export const REQUEST_TIMEOUT_SECONDS = 15;

/** Intercom keeps only the newest 500 parts in a conversation response. */
export const MAX_PARTS = 500;

/** Marks our notes: the footer line of every note we post. */
export const NOTE_MARKER = "helpdesk-memory";
