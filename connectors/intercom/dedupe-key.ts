// One key per Intercom notification, the same on every redelivery, scoped by the workspace.
import { randomUUID } from "node:crypto";
import type { InstallationInfo, NormalisedEvent, RawRequest } from "../types";

export function intercomDedupeKey(event: NormalisedEvent, _req: RawRequest, installation: InstallationInfo): string {
  const account = installation.account;
  // A redelivery (`delivery_attempts` > 1) carries the same notification id, though its bytes
  // differ (the attempt count changes), so the id is the key, not the body.
  if (event.eventId) return `${account}:${event.eventId}`;
  // A notification with a null id names no delivery: identical bytes may be two notifications
  // (pings sent a second apart are), so each is its own. Counting one twice costs a re-read
  // (memory feeds a message once, a ticket gets one note per decision); merging two loses one.
  return `${account}:noid:${randomUUID()}`;
}
