// A helpdesk app's own credentials (a plugin's token and hook secret, one for every account that
// installed the plugin; an OAuth app's client secret, which signs every account's webhooks)
// fill in what an installation does not carry itself. An installation's own secrets always win;
// nothing here is stored, only merged in memory on read.
import type { Provider } from "../../connectors/types";
import type { ProviderApp } from "../config";
import type { InstallationRecord } from "./deps";

export type ProviderApps = Partial<Record<Provider, ProviderApp>>;

export function withAppSecrets<R extends InstallationRecord>(record: R | null, apps: ProviderApps): R | null {
  const app = record ? apps[record.info.provider] : undefined;
  if (!record || !app) return record;
  const secrets = { ...record.info.secrets };
  // a token is a pair: the app's pair is used only when the installation has no half of its own
  if (!secrets.identifier && !secrets.key && app.secrets.identifier && app.secrets.key) {
    secrets.identifier = app.secrets.identifier;
    secrets.key = app.secrets.key;
  }
  if (!secrets.signingSecret && app.secrets.signingSecret) secrets.signingSecret = app.secrets.signingSecret;
  if (!secrets.clientSecret && app.secrets.clientSecret) secrets.clientSecret = app.secrets.clientSecret;
  return { ...record, info: { ...record.info, secrets } };
}
