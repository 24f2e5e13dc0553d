// One customer: the profile with its claims (provenance of every field), and forget.
import { Router } from "express";
import type { Database } from "../../db/client";
import { customerDetail, forgetCustomer, scopeFor, type TenantRef } from "../../memory/store";
import { ApiError } from "../errors";
import { CONTROL_CHARS } from "./v1-memories";

function externalUserIdParam(raw: string): string {
  if (raw.length === 0 || raw.length > 256 || CONTROL_CHARS.test(raw)) {
    throw new ApiError("invalid_request", "external_user_id: must be 1 to 256 characters without control characters", "external_user_id");
  }
  return raw;
}

export function customersRouter(deps: { db: Database; onForget?: (tenantId: string, externalUserId: string) => Promise<number> }): Router {
  const router = Router();

  router.get("/customers/:externalUserId", async (req, res) => {
    const tenant = res.locals.tenant as TenantRef;
    const agentId = typeof req.query.agent_id === "string" && req.query.agent_id !== "" ? req.query.agent_id : undefined;
    const detail = await customerDetail(deps.db, tenant.id, externalUserIdParam(req.params.externalUserId), scopeFor(tenant, agentId));
    if (!detail) throw new ApiError("not_found", `no customer with external_user_id ${JSON.stringify(req.params.externalUserId)}`, "external_user_id");
    res.json(detail);
  });

  router.delete("/customers/:externalUserId", async (req, res) => {
    const tenant = res.locals.tenant as TenantRef;
    const removed = await forgetCustomer(deps.db, tenant.id, externalUserIdParam(req.params.externalUserId));
    const identities = deps.onForget ? await deps.onForget(tenant.id, req.params.externalUserId) : 0;
    if (removed.profiles + removed.claims + removed.events + identities === 0) {
      throw new ApiError("not_found", `no customer with external_user_id ${JSON.stringify(req.params.externalUserId)}`, "external_user_id");
    }
    res.json({ external_user_id: req.params.externalUserId, forgotten: true, removed: { ...removed, identities } });
  });

  return router;
}
