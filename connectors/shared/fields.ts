// Tolerant readers of flat payload fields, for webhook bodies read on the request's path:
// the same rule as tolerant-zod.ts (what does not fit reads as absent, a body never fails over
// one field) without zod's per-field machinery, which costs about 2 µs a field where a plain
// call costs a few nanoseconds. Thousands of deliveries a second each read a dozen fields.

/** Reads one field; anything it cannot read is undefined. */
export type Reader<T> = (value: unknown) => T | undefined;

type Shape = Record<string, Reader<unknown>>;

/** What a shape reads: every field, each possibly absent. */
export type Fields<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const NOTHING: Record<string, unknown> = Object.freeze({});

/** A reader of an object's named fields; a non-object reads with every field absent. */
export function fields<S extends Shape>(shape: S): (value: unknown) => Fields<S> {
  const entries = Object.entries(shape);
  return (value) => {
    const from = isRecord(value) ? value : NOTHING;
    const out: Record<string, unknown> = {};
    for (const [name, read] of entries) {
      const v = read(from[name]);
      if (v !== undefined) out[name] = v;
    }
    return out as Fields<S>;
  };
}

/** An optional nested object read by `read`: anything but an object reads as absent. */
export function nestedFields<T>(read: (value: Record<string, unknown>) => T): Reader<T> {
  return (value) => (isRecord(value) ? read(value) : undefined);
}

/** An object kept as it is (its fields read later), or absent. */
export const record: Reader<Record<string, unknown>> = (value) => (isRecord(value) ? value : undefined);

/** A string, as it is, or absent. */
export const string: Reader<string> = (value) => (typeof value === "string" ? value : undefined);

/**
 * An instant in milliseconds since the epoch as ISO 8601; undefined when it is not a date
 * (NaN, or a number beyond ±8.64e15 ms, which `toISOString` throws on). Payload timestamps are
 * the sender's numbers: a webhook never fails over one.
 */
export function isoTime(ms: number | undefined): string | undefined {
  if (ms === undefined) return undefined;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
