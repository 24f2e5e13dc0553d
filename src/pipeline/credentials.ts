// What a job does when the helpdesk refuses our credentials: a 401 renews the token (another
// process may have refreshed it already, see src/tenants/oauth-tokens.ts) and runs the job again
// at once; an installation that needs re-auth holds the delivery until it is connected again.
import { type InstallationInfo, ProviderError } from "../../connectors/types";
import { holdDelivery } from "../tenants/held-deliveries";
import type { PipelineDeps } from "./deps";

export type HeldResult = { status: "held"; reason: string };

function needsReauth(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { needsReauth?: unknown }).needsReauth === true;
}

function unauthorized(err: unknown): boolean {
  return err instanceof ProviderError && err.status === 401;
}

/** Rethrows `err` unless it is about credentials; else renews and retries, or holds the delivery. */
export async function afterCredentialsFailure(deps: PipelineDeps, deliveryId: string, inst: InstallationInfo | undefined, err: unknown): Promise<HeldResult> {
  if (!inst || !(needsReauth(err) || unauthorized(err))) throw err;
  let reason = (err as Error).message;
  if (unauthorized(err)) {
    if (!deps.credentials) throw err;
    try {
      await deps.credentials.renew(inst);
      // a newer token is there: the next attempt, right away, uses it
      throw new ProviderError("credentials renewed after a 401; running again", undefined, 0, true);
    } catch (renewErr) {
      if (!needsReauth(renewErr)) throw renewErr;
      reason = (renewErr as Error).message;
    }
  }
  if (await holdDelivery(deps.db, deliveryId, inst.id, reason)) return { status: "held", reason: "needs_reauth" };
  // connected again in the meantime: process it after all
  throw new ProviderError("installation was connected again; running again", undefined, 0, true);
}
