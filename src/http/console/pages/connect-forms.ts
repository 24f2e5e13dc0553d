// The manual connect forms: the same fields, by the same names, as
// `npm run cli -- installations add <helpdesk>`, whose command the console runs. Each
// connector declares them (`installation.manual.fields`).
import { registeredConnectors } from "../../../../connectors";
import type { ManualField } from "../../../../connectors/types";

export type FormField = ManualField;

// no prototype: a path parameter such as "constructor" must find nothing
export const CONNECT_FORMS: Record<string, { title: string; fields: readonly FormField[] }> = Object.assign(
  Object.create(null) as Record<string, never>,
  Object.fromEntries(registeredConnectors.flatMap((c) => (c.installation.manual ? [[c.provider, { title: c.displayName, fields: c.installation.manual.fields }]] : []))),
);

/** The CLI flags for a submitted form: empty fields left out, a choice of flags as that flag. */
export function flagsFromForm(provider: string, form: Record<string, unknown>, tenantId: string): Record<string, string | boolean> {
  const flags: Record<string, string | boolean> = { tenant: tenantId };
  for (const f of CONNECT_FORMS[provider]?.fields ?? []) {
    const v = form[f.flag];
    if (typeof v !== "string" || v.trim() === "") continue;
    if (f.choicesAreFlags) {
      const choice = f.choices?.find(([value]) => value === v.trim());
      flags[choice ? choice[0] : f.choices![0]![0]] = true;
    } else flags[f.flag] = v.trim();
  }
  return flags;
}

/** The manual form's fields that fill a secret (`path: "secrets.…"`): what "Reconnect" by hand asks again. */
export function secretFields(provider: string): FormField[] {
  return (CONNECT_FORMS[provider]?.fields ?? []).filter((f) => f.path?.startsWith("secrets."));
}
