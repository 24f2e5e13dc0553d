// What a job does when the helpdesk refuses our credentials: a 401 renews the token (another
// process may have refreshed it already, see src/tenants/oauth-tokens.ts) and the job runs again
// at once, without spending an attempt; an installation that needs re-auth holds the delivery
// until it is connected again. It does not decide retries for any other error.
import { type InstallationInfo, ProviderError } from "../../connectors/types";
import { holdDelivery } from "../tenants/held-deliveries";
import type { PipelineDeps } from "./deps";

export type HeldResult = { status: "held"; reason: string };
/** The run met credentials that are no longer current: run it again now, as the same attempt. */
export type RunAgain = { status: "again"; reason: string };

function needsReauth(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { needsReauth?: unknown }).needsReauth === true;
}

function unauthorized(err: unknown): boolean {
  return err instanceof ProviderError && err.status === 401;
}

/** The credentials failure in `err`, also when the last attempt wrapped it in a PermanentJobError. */
function credentialsFailure(err: unknown): unknown {
  if (needsReauth(err) || unauthorized(err)) return err;
  const cause = err instanceof Error ? err.cause : undefined;
  return cause !== undefined && (needsReauth(cause) || unauthorized(cause)) ? cause : undefined;
}

/**
 * Rethrows `err` unless it is about credentials (or `mayRunAgain` is false, so a helpdesk that
 * keeps refusing new tokens cannot loop a job). Else: `again` once the token was renewed (by
 * this process or, meanwhile, another one) or the installation was connected again; `held`
 * when it needs re-auth.
 */
export async function afterCredentialsFailure(
  deps: PipelineDeps,
  deliveryId: string,
  inst: InstallationInfo | undefined,
  err: unknown,
  mayRunAgain = true,
): Promise<HeldResult | RunAgain> {
  const failure = credentialsFailure(err);
  if (!inst || failure === undefined) throw err;
  let reason = (failure as Error).message;
  if (unauthorized(failure)) {
    if (!deps.credentials || !mayRunAgain) throw err;
    try {
      await deps.credentials.renew(inst);
      return { status: "again", reason: "credentials_renewed" };
    } catch (renewErr) {
      if (!needsReauth(renewErr)) throw renewErr;
      reason = (renewErr as Error).message;
    }
  }
  if (await holdDelivery(deps.db, deliveryId, inst.id, reason)) return { status: "held", reason: "needs_reauth" };
  // connected again in the meantime: process it after all
  if (!mayRunAgain) throw err;
  return { status: "again", reason: "connected_again" };
}
