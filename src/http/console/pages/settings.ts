// Settings: the Customer Support Schema (domain schema, routing mode with its vertical or
// allow-list) and agent scoping. Validated by the same schemas, with the same messages, as
// PATCH /v1/tenant/domain-schema and /v1/tenant/support-type.
import { z } from "zod";
import type { Database } from "../../../db/client";
import { VERTICALS } from "../../../memory/types";
import { DOMAIN_SCHEMAS, domainSchemaBody, supportTypeBody } from "../../../tenants/settings";
import type { TenantView } from "../../../tenants/service";
import { parseBody } from "../../errors";
import { html } from "../html";
import { csrfField, humanise, page, type PageContext } from "../layout";

const agentScopingBody = z.object({ agent_scoping: z.enum(["shared", "per_agent"], { error: "must be one of: shared, per_agent" }) });

const MODES = [
  ["single", "Single: every conversation is the one vertical below"],
  ["multi", "Multi: pick within the allowed verticals"],
  ["auto", "Auto: pick from all verticals"],
] as const;

export function settingsPage(ctx: PageContext, t: TenantView, opts: { notice?: string; error?: string } = {}): string {
  const allowed = new Set(t.support_types_allowed);
  return page(
    ctx,
    "Settings",
    html`<h1>Settings</h1>
<form method="post" action="/console/settings" class="stack">
${csrfField(ctx)}
<h2>Customer Support Schema</h2>
<label for="domain_schema">Domain schema</label>
<select id="domain_schema" name="domain_schema">${DOMAIN_SCHEMAS.map((d) => html`<option value="${d}"${t.domain_schema === d ? html` selected` : ""}>${d}</option>`)}</select>
<fieldset><legend>Routing mode</legend>
${MODES.map(([v, label]) => html`<label><input type="radio" name="support_type_mode" value="${v}"${t.support_type_mode === v ? html` checked` : ""}> ${label}</label>`)}
</fieldset>
<label for="support_type">Vertical (single mode)</label>
<select id="support_type" name="support_type"><option value="">—</option>${VERTICALS.map((v) => html`<option value="${v}"${t.support_type === v ? html` selected` : ""}>${humanise(v)}</option>`)}</select>
<fieldset><legend>Allowed verticals (multi mode)</legend>
${VERTICALS.map((v) => html`<label><input type="checkbox" name="support_types_allowed" value="${v}"${t.support_type_mode === "multi" && allowed.has(v) ? html` checked` : ""}> ${humanise(v)}</label>`)}
</fieldset>
<h2>Agent scoping</h2>
<label for="agent_scoping">Agent scoping</label>
<select id="agent_scoping" name="agent_scoping">
<option value="shared"${t.agent_scoping === "shared" ? html` selected` : ""}>Shared: one profile per customer</option>
<option value="per_agent"${t.agent_scoping === "per_agent" ? html` selected` : ""}>Per agent: each agent id keeps its own profile</option>
</select>
<p><button type="submit">Save</button></p>
</form>`,
    opts,
  );
}

const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Validates the whole form before writing anything; throws the API's 400 on the first bad field. */
export async function saveSettings(db: Database, tenantId: string, form: Record<string, unknown>): Promise<void> {
  const domain = parseBody(domainSchemaBody, { domain_schema: form.domain_schema });
  const mode = form.support_type_mode;
  const support = parseBody(supportTypeBody, {
    support_type_mode: mode,
    support_type: form.support_type ? form.support_type : null,
    // the allow-list only means something in multi mode; auto's default is every vertical
    support_types_allowed: mode === "multi" ? list(form.support_types_allowed) : null,
  });
  const scoping = parseBody(agentScopingBody, { agent_scoping: form.agent_scoping });
  await db.prisma.tenant.update({
    where: { id: tenantId },
    data: {
      domainSchema: domain.domain_schema,
      supportTypeMode: support.support_type_mode,
      supportType: support.support_type,
      supportTypesAllowed: support.support_types_allowed,
      agentScoping: scoping.agent_scoping,
    },
  });
}
