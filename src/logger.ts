// pino JSON logs. Anything that can carry a secret is redacted by path, so a careless
// `log.info({ req })` cannot print an API key, a signature or a helpdesk token.
import pino, { type Logger } from "pino";

export type { Logger };

const REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-zendesk-webhook-signature"]',
  'req.headers["x-hub-signature"]',
  'req.headers["x-crisp-signature"]',
  "*.apiKey",
  "*.api_key",
  "*.token",
  "*.accessToken",
  "*.access_token",
  "*.apiToken",
  "*.password",
  "*.secret",
  "*.signingSecret",
  "*.clientSecret",
  "*.masterKey",
  "apiKey",
  "key",
  "token",
  "secret",
];

export function createLogger(level = "info", destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "helpdesk-memory" },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
