// Who is calling the admin API or the console: a console session (cookie), a tenant API key,
// or the operator (the admin token the CLI reads from DATA_DIR). A session or a key sees only
// its own tenant; only the operator runs CLI commands, which may name any tenant.
import type { Request } from "express";
import { authenticateApiKey } from "../../tenants/service";
import { parseCookies, sameToken, SESSION_COOKIE, type Session } from "../console/sessions";
import type { AdminDeps } from "./deps";

type TenantRow = NonNullable<Awaited<ReturnType<typeof authenticateApiKey>>>;

export type Principal =
  | { kind: "operator" }
  | { kind: "session"; session: Session; tenant: TenantRow }
  | { kind: "api_key"; tenant: TenantRow };

/** The session behind the request's cookie, with its tenant; null when absent, expired or its key was revoked. */
export async function sessionOf(deps: Pick<AdminDeps, "db" | "sessions">, req: Request): Promise<{ session: Session; tenant: TenantRow } | null> {
  const session = deps.sessions.find(parseCookies(req.headers.cookie)[SESSION_COOKIE]);
  if (!session) return null;
  const key = await deps.db.prisma.apiKey.findFirst({ where: { id: session.keyId, tenantId: session.tenantId, revokedAt: null }, include: { tenant: true } });
  if (!key) {
    deps.sessions.close(session.id);
    return null;
  }
  return { session, tenant: key.tenant };
}

export async function principalOf(deps: AdminDeps, req: Request): Promise<Principal | null> {
  const header = req.get("authorization") ?? "";
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer && deps.adminToken && sameToken(bearer[1], deps.adminToken)) return { kind: "operator" };
  const apiKey = /^(?:ApiKey|Bearer)\s+(\S+)\s*$/i.exec(header);
  if (apiKey) {
    const tenant = await authenticateApiKey(deps.db, apiKey[1]!);
    return tenant ? { kind: "api_key", tenant } : null;
  }
  const s = await sessionOf(deps, req);
  return s ? { kind: "session", ...s } : null;
}

/** The tenant of the request's console session (its key still valid), for GET /install/:provider. */
export function consoleSessionTenant(deps: Pick<AdminDeps, "db" | "sessions">): (req: Request) => Promise<string | undefined> {
  return async (req) => (await sessionOf(deps, req))?.tenant.id;
}
