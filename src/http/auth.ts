// `Authorization: ApiKey mem_...` on every /v1 route, as MemoryOS requires (a Bearer token,
// a bare key or X-API-Key is refused with 401 AUTH_001). The tenant found here scopes every
// query the route makes.
import type { RequestHandler } from "express";
import type { Database } from "../db/client";
import { authenticateApiKey, tenantRef } from "../tenants/service";
import { ApiError } from "./errors";

export function requireApiKey(db: Database): RequestHandler {
  return async (req, res, next) => {
    const header = req.get("authorization") ?? "";
    const match = /^ApiKey\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      return next(new ApiError("unauthorized", "missing API key: send the header `Authorization: ApiKey mem_...`"));
    }
    try {
      const tenant = await authenticateApiKey(db, match[1]!);
      if (!tenant) return next(new ApiError("unauthorized", "the API key is not valid or was revoked"));
      res.locals.tenant = tenantRef(tenant);
      res.locals.tenantRow = tenant;
      next();
    } catch (err) {
      next(err);
    }
  };
}
