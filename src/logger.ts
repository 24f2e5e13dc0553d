// pino JSON logs. Anything that can carry a secret is redacted by path, so a careless
// `log.info({ req })` cannot print an API key, a signature or a helpdesk token.
import pino, { type Logger } from "pino";
import { secretHeaderNames } from "../connectors";

export type { Logger };

const REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  // each connector names the headers that carry its signatures and keys
  ...secretHeaderNames.map((h) => `req.headers[${JSON.stringify(h)}]`),
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
