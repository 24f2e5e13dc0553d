// The service's OAuth client at each helpdesk, as the connectors need it: credentials from
// settings, the callback URL under PUBLIC_URL, and the test overrides of the helpdesk hosts.
import type { OAuthApp, Provider } from "../../connectors/types";
import { OAUTH_CLIENT_VARIABLES, type Config } from "../config";

export type OAuthConfig = Pick<Config, "publicUrl" | "oauthClients" | "providerApiUrls" | "providerAppUrls">;

export function oauthAppFor(config: OAuthConfig, provider: Provider): OAuthApp | undefined {
  const client = (config.oauthClients as Partial<Record<Provider, { clientId: string; clientSecret: string }>>)[provider];
  if (!client) return undefined;
  const apiUrl = config.providerApiUrls[provider];
  const appUrl = (config.providerAppUrls as Partial<Record<Provider, string>>)[provider];
  return {
    ...client,
    redirectUri: `${config.publicUrl.replace(/\/+$/, "")}/oauth/${provider}/callback`,
    ...(apiUrl ? { apiUrl } : {}),
    ...(appUrl ? { appUrl } : {}),
  };
}

/** The settings that configure a provider's OAuth client, to name them when they are missing. */
export function oauthVariables(provider: Provider): readonly string[] {
  return (OAUTH_CLIENT_VARIABLES as Partial<Record<Provider, readonly string[]>>)[provider] ?? [];
}
