// Schema helpers for helpdesk payloads, which add fields and drop or retype old ones: read
// what is there, treat what does not fit as absent, never fail a whole body over one item.
import { z } from "zod";

/** An optional nested object: anything but an object of the right shape reads as absent. */
export function nested<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/** A list whose items that do not fit are dropped one by one; a non-list reads as empty. */
export function tolerantArray<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .catch([])
    .optional()
    .transform((items) =>
      (items ?? []).flatMap((raw) => {
        const parsed = item.safeParse(raw);
        return parsed.success ? [parsed.data as z.output<T>] : [];
      }),
    );
}
