// The business references a customer (or the memory) mentions, and which tool looks each up.
// Pure. Every identifier the demo may ask for is one of these kinds, named one way.
import type { ToolName } from "./tools";

export type RefKind = "order_id" | "invoice_id" | "pnr" | "ticket_id" | "transaction_ref" | "enrolment_ref";
export type Reference = { kind: RefKind; value: string };

export const REF_KINDS: Record<RefKind, { label: string; tool: ToolName; pattern: RegExp }> = {
  order_id: { label: "order ID", tool: "get_order", pattern: /\bORD-\d{3,}\b/gi },
  invoice_id: { label: "invoice number", tool: "get_invoice", pattern: /\bINV-[A-Z0-9]+(?:-[A-Z0-9]+)*\b/gi },
  ticket_id: { label: "ticket number", tool: "get_ticket_status", pattern: /\bTCK-\d+\b/gi },
  // Transactions and enrolments are records on the customer's account.
  transaction_ref: { label: "transaction reference", tool: "get_customer_account", pattern: /\bTXN-\d+\b/gi },
  enrolment_ref: { label: "enrolment ID", tool: "get_customer_account", pattern: /\bENR-\d+\b/gi },
  // A PNR is six letters and digits: taken after a label, or bare when it mixes both and is in capitals.
  pnr: { label: "booking reference (PNR)", tool: "get_booking_by_pnr", pattern: /\b(?:PNR|booking (?:reference|ref|code))\s*(?:is|:|#|no\.?)?\s*([A-Z0-9]{6})\b/gi },
};

const BARE_PNR = /\b(?=[A-Z0-9]{6}\b)(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{6}\b/g;
const ORDERED: RefKind[] = ["order_id", "invoice_id", "ticket_id", "transaction_ref", "enrolment_ref", "pnr"];

/** The references in a text, in order of appearance, each once. */
export function findReferences(text: string): Reference[] {
  const hits: { at: number; ref: Reference }[] = [];
  let rest = text;
  for (const kind of ORDERED) {
    for (const m of rest.matchAll(REF_KINDS[kind].pattern)) {
      const value = (m[1] ?? m[0]).toUpperCase();
      hits.push({ at: m.index ?? 0, ref: { kind, value } });
    }
    // Blank what was taken (same length) so a later pattern cannot re-read part of it.
    rest = rest.replace(REF_KINDS[kind].pattern, (s) => " ".repeat(s.length));
  }
  for (const m of rest.matchAll(BARE_PNR)) hits.push({ at: m.index ?? 0, ref: { kind: "pnr", value: m[0] } });
  const seen = new Set<string>();
  return hits
    .sort((a, b) => a.at - b.at)
    .map((h) => h.ref)
    .filter((r) => {
      const key = `${r.kind}:${r.value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
