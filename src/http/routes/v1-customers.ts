// One customer: the profile with its claims (provenance of every field), and forget.
import { Router } from "express";
import type { Database } from "../../db/client";
import { customerDetail, forgetCustomer, scopeFor, type TenantRef } from "../../memory/store";
import { ApiError } from "../errors";

export function customersRouter(deps: { db: Database; onForget?: (tenantId: string, externalUserId: string) => Promise<number> }): Router {
  const router = Router();

  router.get("/customers/:externalUserId", async (req, res) => {
    const tenant = res.locals.tenant as TenantRef;
    const agentId = typeof req.query.agent_id === "string" && req.query.agent_id !== "" ? req.query.agent_id : undefined;
    const detail = await customerDetail(deps.db, tenant.id, req.params.externalUserId, scopeFor(tenant, agentId));
    if (!detail) throw new ApiError("not_found", `no customer with external_user_id ${JSON.stringify(req.params.externalUserId)}`, "external_user_id");
    res.json(detail);
  });

  router.delete("/customers/:externalUserId", async (req, res) => {
    const tenant = res.locals.tenant as TenantRef;
    const removed = await forgetCustomer(deps.db, tenant.id, req.params.externalUserId);
    const identities = deps.onForget ? await deps.onForget(tenant.id, req.params.externalUserId) : 0;
    if (removed.profiles + removed.claims + removed.events + identities === 0) {
      throw new ApiError("not_found", `no customer with external_user_id ${JSON.stringify(req.params.externalUserId)}`, "external_user_id");
    }
    res.json({ external_user_id: req.params.externalUserId, forgotten: true, removed: { ...removed, identities } });
  });

  return router;
}
