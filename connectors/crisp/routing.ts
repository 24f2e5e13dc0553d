// What the shared endpoint needs before any installation is known: the website a body is for,
// and whether it is a plugin (un)subscription, i.e. an installation to create or disable.
import type { LifecycleEvent } from "../types";
import { WEBSITE_ID } from "./facts";
import { envelopeSchema, refOf, subscriptionDataSchema } from "./payloads";

function envelopeOf(body: unknown) {
  const env = envelopeSchema.safeParse(body);
  return env.success ? env.data : undefined;
}

/** The body's website_id (envelope first, then data), lower-cased as installations store it. */
export function crispAccountOf(body: unknown): string | undefined {
  const env = envelopeOf(body);
  const website = env?.website_id ?? refOf(env?.data?.website_id);
  return website && WEBSITE_ID.test(website) ? website.toLowerCase() : undefined;
}

/** plugin:subscription:updated: `bound` true = the website installed the plugin, false = removed it. */
export function crispLifecycle(body: unknown): LifecycleEvent | undefined {
  const env = envelopeOf(body);
  if (env?.event !== "plugin:subscription:updated") return undefined;
  const data = subscriptionDataSchema.parse(env.data ?? {});
  const account = crispAccountOf(body);
  if (data.bound === undefined || !account) return undefined;
  return { action: data.bound ? "install" : "uninstall", account, settings: { mode: "plugin" } };
}
