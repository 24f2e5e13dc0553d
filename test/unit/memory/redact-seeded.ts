// What the seeded redaction-class tests share: a seeded random source (one per test file, as
// jest loads modules per file), generators of values and business references, and the check
// that no secret survives and every reference does.
import { redactText } from "../../../src/memory/redact";
import { passesLuhn } from "../../../src/memory/redact/checks";

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
export const next = rng(20261202);
export const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
export const digits = (n: number, first = "123456789") => first[Math.floor(next() * first.length)]! + Array.from({ length: n - 1 }, () => Math.floor(next() * 10)).join("");
export const letters = (n: number) => Array.from({ length: n }, () => "ABCDEFGHJKLMNPRSTUVWXYZ"[Math.floor(next() * 23)]).join("");
export const withCheck = (prefix: string, ok: (s: string) => boolean) => {
  for (let d = 0; d < 10; d++) if (ok(prefix + d)) return prefix + d;
  throw new Error("no check digit");
};

/** A card number of `length` digits opening with `prefix` that passes Luhn. */
export function luhnCard(prefix: string, length: number): string {
  for (;;) {
    const body = prefix + Array.from({ length: length - prefix.length - 1 }, () => Math.floor(next() * 10)).join("");
    for (let d = 0; d < 10; d++) if (passesLuhn(body + d)) return body + d;
  }
}

/** Business references an agent needs: each generated message carries one, and it must stay. */
export function businessRef(): string {
  return pick([
    () => `order ORD-${digits(5)}`,
    () => `invoice INV-${digits(4)}-${digits(4)}`,
    () => `PNR ${letters(6)}`,
    () => `ticket #${digits(5)}`,
    () => `order #${digits(8)}`,
    () => `booking ref ${letters(2)}${digits(6)}`,
  ])();
}

export type Case = { message: string; secrets: string[]; type: string; keep: string };

export function expectRedacted(c: Case): void {
  const { text, findings } = redactText(c.message);
  // A secret is leaked when it stands on its own (a code of 700 inside ORD-41700 is the order's)
  const standsAlone = (secret: string) => new RegExp(`(?<![\\p{L}\\p{N}-])${secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u").test(text);
  for (const secret of c.secrets) expect({ message: c.message, text, leaked: standsAlone(secret) }).toEqual({ message: c.message, text, leaked: false });
  expect({ message: c.message, kept: text.includes(c.keep) }).toEqual({ message: c.message, kept: true });
  expect(findings.find((f) => f.type === c.type)?.count ?? 0).toBeGreaterThanOrEqual(c.secrets.length);
}
