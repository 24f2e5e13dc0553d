// What is particular to Zendesk, as data. Behaviour lives in the other files of this folder.
import type { ConnectorFacts } from "../types";

export const zendeskFacts: ConnectorFacts = {
  // A 429 (and some 503s) carry Retry-After in seconds.
  retryHeader: { name: "Retry-After", kind: "after" },
  // Cursor pagination allows at most 100 per page.
  pageSize: 100,
  deliveryIdHeader: "x-zendesk-webhook-invocation-id",
  timestampSigned: true,
  // Zendesk allows 30 ticket updates per 10 minutes per user per ticket; a note is an update,
  // and agents share that budget with us, so we use a tenth of it.
  noteRateLimit: { notes: 3, windowMs: 10 * 60 * 1000 },
  idPrefix: "zd",
  secretHeaders: ["x-zendesk-webhook-signature"],
  webhookRoutes: { perInstallation: true },
};

export const SIGNATURE_HEADER = "x-zendesk-webhook-signature";
export const SIGNATURE_TIMESTAMP_HEADER = "x-zendesk-webhook-signature-timestamp";
export const INVOCATION_ID_HEADER = "x-zendesk-webhook-invocation-id";

/** Zendesk gives no tolerance window for the signed timestamp; five minutes is the usual choice. */
export const REPLAY_WINDOW_MS = 5 * 60 * 1000;

/** Event-subscription types start with this; the index page of the docs shows a few with "/". */
export const EVENT_TYPE_PREFIXES = ["zen:event-type:", "zen:event-type/"] as const;

export const API_PATH = "/api/v2";

/** Per HTTP call; node-zendesk has no timeout of its own. */
export const REQUEST_TIMEOUT_MS = 15_000;

/** Zendesk keeps at most 5,000 comments per ticket: 50 pages of 100. Past this we stop and say so. */
export const MAX_COMMENT_PAGES = 60;

/** Marks our notes: the footer line of every note we post. */
export const NOTE_MARKER = "helpdesk-memory";
