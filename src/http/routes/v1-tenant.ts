// The tenant's own settings and its tenant-wide views: customers and support stats.
import { Router } from "express";
import { z } from "zod";
import type { Database } from "../../db/client";
import { decodeCursor, listCustomers, supportStats } from "../../memory/store";
import { domainSchemaBody, noteSettingsBody, supportTypeBody } from "../../tenants/settings";
import { tenantView } from "../../tenants/service";
import { ApiError, parseBody } from "../errors";

const customersQuery = z.object({
  limit: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(200, "must be at most 200").default(50),
  cursor: z.string().max(500).optional(),
});
const statsQuery = z.object({
  days: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(366, "must be at most 366").default(30),
});

export function tenantRouter(deps: { db: Database; clock: () => Date }): Router {
  const router = Router();
  const { db } = deps;

  router.get("/tenant", (_req, res) => {
    res.json(tenantView(res.locals.tenantRow));
  });

  router.patch("/tenant/domain-schema", async (req, res) => {
    const body = parseBody(domainSchemaBody, req.body);
    const row = await db.prisma.tenant.update({ where: { id: res.locals.tenant.id }, data: { domainSchema: body.domain_schema } });
    res.json(tenantView(row));
  });

  router.patch("/tenant/support-type", async (req, res) => {
    const s = parseBody(supportTypeBody, req.body);
    const row = await db.prisma.tenant.update({
      where: { id: res.locals.tenant.id },
      data: { supportTypeMode: s.support_type_mode, supportType: s.support_type, supportTypesAllowed: s.support_types_allowed },
    });
    res.json(tenantView(row));
  });

  router.patch("/tenant/note-settings", async (req, res) => {
    const body = parseBody(noteSettingsBody, req.body);
    const row = await db.prisma.tenant.update({ where: { id: res.locals.tenant.id }, data: { firstContactNote: body.first_contact_note } });
    res.json(tenantView(row));
  });

  router.get("/tenant/customers", async (req, res) => {
    const q = parseBody(customersQuery, req.query);
    const cursor = q.cursor ? decodeCursor(q.cursor) : null;
    if (q.cursor && !cursor) throw new ApiError("invalid_request", "cursor: is not a cursor this API returned", "cursor");
    res.json(await listCustomers(db, res.locals.tenant.id, q.limit, cursor));
  });

  router.get("/tenant/support-stats", async (req, res) => {
    const q = parseBody(statsQuery, req.query);
    res.json(await supportStats(db, res.locals.tenant.id, q.days, deps.clock()));
  });

  return router;
}
