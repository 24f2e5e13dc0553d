// What every connector's verify.ts shares: reading a header however a framework hands it
// over, and comparing in constant time after a length check (a length mismatch is a plain
// "no", never a thrown error).
import { timingSafeEqual } from "node:crypto";
import type { RawRequest } from "../types";

/** Headers should arrive lower-cased; a framework that keeps another case or an array still works. */
export function headerOf(headers: RawRequest["headers"], name: string): string | undefined {
  const direct = headers[name] as unknown;
  const value = direct ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first !== "" ? first : undefined;
}

/** Constant-time equality of two byte strings; different lengths are unequal, not an error. */
export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
