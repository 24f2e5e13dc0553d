// The tenant's support settings, validated on write (PATCH bodies) and on read (rows).
import { z } from "zod";
import { FIRST_CONTACT_NOTES, VERTICALS, verticalSchema, type FirstContactNote, type TenantSupportSettings, type Vertical } from "../memory/types";

export const DOMAIN_SCHEMAS = ["support"] as const;

export const domainSchemaBody = z.object({
  domain_schema: z.enum(DOMAIN_SCHEMAS, { error: `must be one of: ${DOMAIN_SCHEMAS.join(", ")}` }),
});

const verticalField = z.enum(VERTICALS, { error: `must be one of: ${VERTICALS.join(", ")}` });

export const supportTypeBody = z
  .object({
    support_type_mode: z.enum(["single", "multi", "auto"], { error: "must be one of: single, multi, auto" }),
    support_type: verticalField.nullish(),
    support_types_allowed: z.array(verticalField).nullish(),
  })
  .superRefine((b, ctx) => {
    if (b.support_type_mode === "single" && !b.support_type) {
      ctx.addIssue({ code: "custom", path: ["support_type"], message: "is required when support_type_mode is single" });
    }
    if (b.support_type_mode === "multi" && (!b.support_types_allowed || b.support_types_allowed.length === 0)) {
      ctx.addIssue({ code: "custom", path: ["support_types_allowed"], message: "must list at least one vertical when support_type_mode is multi" });
    }
  })
  .transform((b): Omit<TenantSupportSettings, "domain_schema"> => {
    const allowed = [...new Set(b.support_types_allowed ?? [])];
    if (b.support_type_mode === "single") return { support_type_mode: "single", support_type: b.support_type!, support_types_allowed: [b.support_type!] };
    if (b.support_type_mode === "multi") {
      return { support_type_mode: "multi", support_type: b.support_type && allowed.includes(b.support_type) ? b.support_type : null, support_types_allowed: allowed };
    }
    return { support_type_mode: "auto", support_type: b.support_type ?? null, support_types_allowed: allowed.length ? allowed : [...VERTICALS] };
  });

/** PATCH /v1/tenant/note-settings: what the agent's note does on a customer's first ticket. */
export const noteSettingsBody = z.object({
  first_contact_note: z.enum(FIRST_CONTACT_NOTES, { error: `must be one of: ${FIRST_CONTACT_NOTES.join(", ")}` }),
});

const firstContactNote = z.enum(FIRST_CONTACT_NOTES).catch("triage");

type SettingsRow = { domainSchema: string; supportTypeMode: string; supportType: string | null; supportTypesAllowed: unknown; firstContactNote?: string };

/** Settings as stored: anything unexpected in a row falls back to the safe default (auto, triage). */
export function settingsFromRow(row: SettingsRow): TenantSupportSettings {
  const note: FirstContactNote = firstContactNote.parse(row.firstContactNote);
  return { ...supportTypeFromRow(row), first_contact_note: note };
}

function supportTypeFromRow(row: SettingsRow): TenantSupportSettings {
  const mode = row.supportTypeMode === "single" || row.supportTypeMode === "multi" ? row.supportTypeMode : "auto";
  const allowed = z.array(verticalSchema).catch([]).parse(row.supportTypesAllowed) as Vertical[];
  const type = verticalSchema.safeParse(row.supportType);
  if (mode === "single" && type.success) return { domain_schema: row.domainSchema, support_type_mode: "single", support_type: type.data, support_types_allowed: [type.data] };
  if (mode === "multi" && allowed.length) return { domain_schema: row.domainSchema, support_type_mode: "multi", support_type: type.success ? type.data : null, support_types_allowed: allowed };
  return { domain_schema: row.domainSchema, support_type_mode: "auto", support_type: type.success ? type.data : null, support_types_allowed: allowed.length ? allowed : [...VERTICALS] };
}
