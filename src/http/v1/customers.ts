// Ours beside MemoryOS's routes, in the same envelope: one customer's profile with the claims
// behind it, forgetting a customer, and what redaction would keep of a text.
import { Router } from "express";
import type { Database } from "../../db/client";
import { forgetJobs } from "../../memory/jobs";
import { redactText } from "../../memory/redact";
import { customerDetail, forgetCustomer, scopeFor, type TenantRef } from "../../memory/store";
import type { Metrics } from "../../metrics";
import { sendOk } from "../envelope";
import { ApiError, fieldError, parseBody } from "../errors";
import { CONTROL_CHARS, redactBody } from "./schemas";

function externalUserIdParam(raw: string): string {
  if (raw.length === 0 || raw.length > 256 || CONTROL_CHARS.test(raw)) {
    throw fieldError("external_user_id", "must be 1 to 256 characters without control characters", "path");
  }
  return raw;
}

export type CustomersDeps = {
  db: Database;
  metrics: Metrics;
  clock: () => Date;
  onForget?: (tenantId: string, externalUserId: string) => Promise<number>;
};

export function customersRouter(deps: CustomersDeps): Router {
  const router = Router();
  const { db, clock } = deps;

  router.get("/customers/:externalUserId", async (req, res) => {
    const tenant = res.locals.tenant as TenantRef;
    const agentId = typeof req.query.agent_id === "string" && req.query.agent_id !== "" ? req.query.agent_id : undefined;
    const id = externalUserIdParam(req.params.externalUserId);
    const detail = await customerDetail(db, tenant.id, id, scopeFor(tenant, agentId));
    if (!detail) throw new ApiError("customer_not_found", `no customer with external_user_id ${JSON.stringify(id)}`, "external_user_id");
    sendOk(res, clock, { data: detail });
  });

  router.delete("/customers/:externalUserId", async (req, res) => {
    const tenant = res.locals.tenant as TenantRef;
    const id = externalUserIdParam(req.params.externalUserId);
    const removed = await forgetCustomer(db, tenant.id, id);
    const jobs = await forgetJobs(db, tenant.id, id);
    const identities = deps.onForget ? await deps.onForget(tenant.id, id) : 0;
    if (removed.profiles + removed.claims + removed.events + identities + jobs === 0) {
      throw new ApiError("customer_not_found", `no customer with external_user_id ${JSON.stringify(id)}`, "external_user_id");
    }
    sendOk(res, clock, { data: { external_user_id: id, forgotten: true, removed: { ...removed, jobs, identities } } });
  });

  router.post("/redact", (req, res) => {
    const body = parseBody(redactBody, req.body);
    const r = redactText(body.text);
    for (const f of r.findings) deps.metrics.redactions.inc({ type: f.type }, f.count);
    sendOk(res, clock, { data: { text: r.text, findings: r.findings } });
  });

  return router;
}
