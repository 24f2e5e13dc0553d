// Step 2 of the loop, decided: which tools to call for a customer message, from the references
// in the message and in the remembered context, and which one identifier to ask for when a
// needed one is missing. Pure: no I/O.
import { redactText } from "../src/memory/redact";
import { findReferences, REF_KINDS, type RefKind, type Reference } from "./references";
import type { ToolCall } from "./tools";

export type Intent = "refund" | "cancel" | "change" | "usage" | "account" | "billing" | "status" | "thanks" | "other";

// First match wins. A plain request for news is a status question even when it names an
// action ("any news on my rebooking?"); otherwise an action outranks a question.
const INTENTS: [Intent, RegExp][] = [
  ["status", /\b(any (news|updates?)|an update|update on|status (of|on)|where is|where's|yet)\b/i],
  ["refund", /\b(refund|money back|reimburs\w*|charge ?back|charged twice|double[- ]charged)\b/i],
  ["cancel", /\bcancel\w*/i],
  ["change", /\b(rebook\w*|reschedul\w*|change (my|the)|upgrade|downgrade|replacement|exchange|(can|could|want to|like to) return)\b/i],
  ["usage", /\b(usage|how much data|data (have i |i've )?used|seats?|quota|credits?|minutes|allowance)\b/i],
  ["account", /\b(kyc|my account|account status|log ?in|sign ?in)\b/i],
  ["billing", /\b(invoice|bill|billing|charged?|payment|paid)\b/i],
  ["status", /\b(update|status|where is|news|still|track\w*|when will|yet|fixed|come back|arrived?|working)\b/i],
  ["thanks", /^\s*(thanks|thank you|great|ok|okay|cheers|perfect)\b/i],
];

export function intentOf(message: string): Intent {
  return INTENTS.find(([, re]) => re.test(message))?.[0] ?? "other";
}

export type Ask = { kind: RefKind; /** a remembered value to confirm */ confirm?: string; /** this value was not found */ notFound?: string };

export type TurnPlan = {
  intent: Intent;
  calls: ToolCall[];
  /** At most one identifier is ever asked for. */
  ask?: Ask;
  /** Kinds of sensitive data the customer typed (card number, OTP…): the reply warns, never repeats. */
  secrets: string[];
  messageRefs: Reference[];
  memoryRefs: Reference[];
};

/** The references the memory holds: those of the open issues, and all of them (open issues first). */
export function rememberedReferences(memoryText: string): { open: Reference[]; all: Reference[] } {
  const open = findReferences(
    memoryText
      .split("\n")
      .filter((l) => /^\s*[-•]?\s*(other )?open issue:/i.test(l))
      .join("\n"),
  );
  const seen = new Set(open.map((r) => `${r.kind}:${r.value}`));
  const rest = findReferences(memoryText).filter((r) => !seen.has(`${r.kind}:${r.value}`));
  return { open, all: [...open, ...rest] };
}

const MAX_CALLS = 4;

export function planTurn(input: { message: string; memoryText: string; customerId: string; actionRef: RefKind }): TurnPlan {
  const intent = intentOf(input.message);
  const messageRefs = findReferences(input.message);
  const remembered = rememberedReferences(input.memoryText);
  const memoryRefs = remembered.all;
  const secrets = redactText(input.message).findings.map((f) => f.type);
  const calls: ToolCall[] = [];

  const call = (ref: Reference, why: string) => {
    const spec = REF_KINDS[ref.kind];
    const onAccount = spec.tool === "get_customer_account";
    const next: ToolCall = onAccount ? { tool: spec.tool, arg: input.customerId, why, about: ref.value } : { tool: spec.tool, arg: ref.value, why };
    if (calls.length < MAX_CALLS && !calls.some((c) => c.tool === next.tool && c.arg === next.arg && c.about === next.about)) calls.push(next);
  };
  const onCustomer = (tool: "get_customer_account" | "get_plan_usage") => {
    if (!calls.some((c) => c.tool === tool && !c.about)) calls.push({ tool, arg: input.customerId, why: "the signed-in customer" });
  };
  const rememberedOf = (kind: RefKind) => memoryRefs.find((r) => r.kind === kind);

  for (const ref of messageRefs) call(ref, "named in the message");

  let ask: Ask | undefined;
  const needs = (kind: RefKind) => {
    if (messageRefs.some((r) => r.kind === kind)) return;
    const known = rememberedOf(kind);
    // Memory is not live truth: a remembered reference is looked up, and confirmed with the customer.
    if (known) {
      call(known, "remembered");
      ask = { kind, confirm: known.value };
    } else ask = { kind };
  };

  if (intent === "refund" || intent === "cancel" || intent === "change") needs(input.actionRef);
  else if (intent === "usage") onCustomer("get_plan_usage");
  else if (intent === "account") onCustomer("get_customer_account");
  else if (intent === "billing" && !messageRefs.some((r) => r.kind === "invoice_id")) {
    const known = rememberedOf("invoice_id");
    if (known) call(known, "remembered");
    else if (messageRefs.length === 0) ask = { kind: "invoice_id" };
  }

  // A follow-up that names nothing ("any update?") is about what the customer raised before.
  if (calls.length === 0 && !ask && intent !== "thanks") {
    for (const ref of remembered.open.slice(0, 3)) call(ref, "remembered open issue");
    if (calls.length === 0) ask = { kind: input.actionRef };
  }
  return { intent, calls, ask, secrets, messageRefs, memoryRefs };
}
