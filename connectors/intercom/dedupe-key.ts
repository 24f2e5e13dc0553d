// One key per Intercom notification, the same on every redelivery, scoped by the workspace.
import { createHash } from "node:crypto";
import type { InstallationInfo, NormalisedEvent, RawRequest } from "../types";

export function intercomDedupeKey(event: NormalisedEvent, req: RawRequest, installation: InstallationInfo): string {
  const account = installation.account;
  // A redelivery (`delivery_attempts` > 1) carries the same notification id, though its bytes
  // differ (the attempt count changes), so the id is the key, not the body.
  if (event.eventId) return `${account}:${event.eventId}`;
  // Every notification has an id; should one come without, identical bytes are one delivery.
  const digest = createHash("sha256").update(req.rawBody ?? Buffer.alloc(0)).digest("hex");
  return `${account}:body:${digest}`;
}
