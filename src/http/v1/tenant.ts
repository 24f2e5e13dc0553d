// The tenant's settings (domain schema, support type) and its tenant-wide views (customers,
// support stats), as MemoryOS serves them. support_types_allowed is stored as sent.
import { Router } from "express";
import type { DomainSchemaData, SupportTypeSettingsData } from "../../client/wire";
import type { Database } from "../../db/client";
import { noteSettingsBody } from "../../tenants/settings";
import { tenantView } from "../../tenants/service";
import { sendOk } from "../envelope";
import { ApiError, parseBody } from "../errors";
import { customersQuery, domainSchemaBody, statsQuery, supportTypeBody } from "./schemas";
import { customersPage, supportStatsData } from "./tenant-views";

type TenantRow = { domainSchema: string; supportTypeMode: string; supportType: string | null; supportTypesAllowed: unknown };

// Stored as a string column: the general engine (the wire's null) is kept as "general".
const GENERAL = "general";

export const AVAILABLE_DOMAINS: DomainSchemaData["available_domains"] = [
  { value: null, label: "General", description: "General memory: remembered facts, without the support overlay.", status: "available" },
  {
    value: "support",
    label: "Customer support",
    description: "Support overlay: open issues, history, preferences, sentiment and risks per customer, in one vertical or several.",
    status: "available",
  },
];

function isSupport(row: TenantRow): boolean {
  return row.domainSchema !== GENERAL;
}

function supportTypeData(row: TenantRow): SupportTypeSettingsData {
  const mode = row.supportTypeMode === "single" || row.supportTypeMode === "multi" ? row.supportTypeMode : "auto";
  const allowed = Array.isArray(row.supportTypesAllowed) ? (row.supportTypesAllowed as unknown[]).filter((v): v is string => typeof v === "string") : [];
  return { support_type_configured: row.supportType ?? null, support_type_mode: mode, support_types_allowed: allowed };
}

function domainData(row: TenantRow): DomainSchemaData {
  return { domain_schema: isSupport(row) ? row.domainSchema : null, available_domains: AVAILABLE_DOMAINS, ...supportTypeData(row) };
}

function requireSupport(row: TenantRow): void {
  if (!isSupport(row)) throw new ApiError("support_schema_required", 'the tenant\'s domain_schema is not "support": PATCH /v1/tenant/domain-schema first');
}

export function tenantRouter(deps: { db: Database; clock: () => Date }): Router {
  const router = Router();
  const { db, clock } = deps;

  router.get("/tenant", (_req, res) => {
    sendOk(res, clock, { data: tenantView(res.locals.tenantRow) });
  });

  router.get("/tenant/domain-schema", (_req, res) => {
    sendOk(res, clock, { data: domainData(res.locals.tenantRow) });
  });

  router.patch("/tenant/domain-schema", async (req, res) => {
    const body = parseBody(domainSchemaBody, req.body);
    // The general engine turns the support overlay off and resets its settings.
    const data =
      body.domain_schema === null
        ? { domainSchema: GENERAL, supportTypeMode: "auto", supportType: null, supportTypesAllowed: [] }
        : { domainSchema: body.domain_schema };
    const row = await db.prisma.tenant.update({ where: { id: res.locals.tenant.id }, data });
    sendOk(res, clock, { data: domainData(row) });
  });

  router.patch("/tenant/note-settings", async (req, res) => {
    const body = parseBody(noteSettingsBody, req.body);
    const row = await db.prisma.tenant.update({ where: { id: res.locals.tenant.id }, data: { firstContactNote: body.first_contact_note } });
    sendOk(res, clock, { data: tenantView(row) });
  });

  router.patch("/tenant/support-type", async (req, res) => {
    const body = parseBody(supportTypeBody, req.body);
    requireSupport(res.locals.tenantRow);
    const allowed = [...new Set(body.support_types_allowed ?? [])];
    if (body.support_type_mode === "single" && !body.support_type) {
      throw new ApiError("support_type_required", "support_type: is required when support_type_mode is single", "support_type");
    }
    if (body.support_type_mode === "multi" && allowed.length === 0) {
      throw new ApiError("support_types_allowed_required", "support_types_allowed: must list at least one vertical when support_type_mode is multi", "support_types_allowed");
    }
    const row = await db.prisma.tenant.update({
      where: { id: res.locals.tenant.id },
      data: {
        supportTypeMode: body.support_type_mode,
        // the configured type means something only in single mode
        supportType: body.support_type_mode === "single" ? body.support_type! : null,
        supportTypesAllowed: allowed,
      },
    });
    sendOk(res, clock, { data: supportTypeData(row) });
  });

  router.get("/tenant/customers", async (req, res) => {
    const q = parseBody(customersQuery, req.query, "query");
    requireSupport(res.locals.tenantRow);
    sendOk(res, clock, await customersPage(db, res.locals.tenant.id, q.limit, q.cursor));
  });

  router.get("/tenant/support-stats", async (req, res) => {
    const q = parseBody(statsQuery, req.query, "query");
    requireSupport(res.locals.tenantRow);
    sendOk(res, clock, { data: await supportStatsData(db, res.locals.tenant.id, q.days, clock()) });
  });

  return router;
}
