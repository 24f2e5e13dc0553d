// One key per Zendesk delivery, stable across Zendesk's retries, scoped by the account.
import { createHash } from "node:crypto";
import type { InstallationInfo, NormalisedEvent, RawRequest } from "../types";
import { INVOCATION_ID_HEADER } from "./facts";
import { headerOf } from "../shared/signature";

export function zendeskDedupeKey(event: NormalisedEvent, req: RawRequest, installation: InstallationInfo): string {
  const account = installation.account;
  // Event subscriptions carry a UUID per event, the same on every retry.
  if (event.eventId) return `${account}:${event.eventId}`;
  // Trigger bodies have no id of their own; the invocation id names one firing of the trigger.
  const invocation = headerOf(req.headers, INVOCATION_ID_HEADER);
  if (invocation) return `${account}:inv:${invocation}`;
  // Last resort: identical bytes are the same delivery.
  const digest = createHash("sha256").update(req.rawBody ?? Buffer.alloc(0)).digest("hex");
  return `${account}:body:${digest}`;
}
