// Crisp sends no delivery id. A message is one key per website, session, fingerprint and event;
// another event is one key per website, event, session and event time. A retry (the
// X-Delivery-Attempt-Count header above 1) repeats the body, so it lands on the same key.
import { createHash } from "node:crypto";
import type { InstallationInfo, NormalisedEvent, RawRequest } from "../types";

export function crispDedupeKey(event: NormalisedEvent, req: RawRequest, installation: InstallationInfo): string {
  const website = installation.account;
  const session = event.ticketRef ?? "";
  if (event.messageRef) return `${website}:${session}:${event.messageRef}:${event.type}`;
  if (event.occurredAt) return `${website}:${event.type}:${session}:${event.occurredAt}`;
  // Last resort: identical bytes are the same delivery.
  const digest = createHash("sha256").update(req.rawBody ?? Buffer.alloc(0)).digest("hex");
  return `${website}:body:${digest}`;
}
