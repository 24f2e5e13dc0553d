// Step 3 without a model: the reply built from templates, under the seed's rules. Live facts
// come only from tool results; no sentence claims an action (the tools only read); at most one
// identifier is asked for; sensitive data is never asked for nor repeated. Pure.
import type { Ask, TurnPlan } from "./plan";
import { REF_KINDS, type RefKind } from "./references";
import type { Account, Booking, Invoice, Order, PlanUsage, Ticket, ToolResult } from "./tools";

const HINTS: Record<RefKind, string> = {
  order_id: "it starts with ORD-",
  invoice_id: "it starts with INV-",
  pnr: "six letters and digits on your booking confirmation",
  ticket_id: "it starts with TCK-",
  transaction_ref: "it starts with TXN- in your statement",
  enrolment_ref: "it starts with ENR-",
};

const NOUNS: Record<RefKind, string> = {
  order_id: "order",
  invoice_id: "invoice",
  pnr: "booking",
  ticket_id: "ticket",
  transaction_ref: "transaction",
  enrolment_ref: "enrolment",
};

const words = (status: string) => status.replace(/_/g, " ");

function describeOrder(o: Order): string {
  const parts = [`Order ${o.order_id} (${o.items}, ${o.total}) is ${words(o.status)}`];
  if (o.carrier) parts.push(`with ${o.carrier}`);
  if (o.eta) parts.push(`and the carrier's expected delivery date is ${o.eta}`);
  if (o.delivered_on) parts.push(`since ${o.delivered_on}`);
  let s = `${parts.join(" ")}.`;
  if (o.return_window_until) s += ` It can be returned until ${o.return_window_until}.`;
  return s;
}

function describeInvoice(i: Invoice): string {
  let s = `Invoice ${i.invoice_id} (${i.description}, ${i.amount}) is ${words(i.status)}`;
  if (i.failure_reason) s += `: ${i.failure_reason}`;
  if (i.paid_on) s += `, paid on ${i.paid_on}`;
  else if (i.due_on) s += `, due on ${i.due_on}`;
  return `${s}.`;
}

function describeBooking(b: Booking): string {
  let s = `Booking ${b.pnr} (${b.route}, ${b.travel_date}) is ${words(b.status)}.`;
  if (b.rebooking_options?.length) s += ` The airline offers: ${b.rebooking_options.join("; ")}.`;
  s += b.refund_eligible ? " The fare is eligible for a refund." : " The fare is not refundable.";
  return s;
}

function describeTicket(t: Ticket): string {
  return `Ticket ${t.ticket_id} is ${words(t.status)} with our ${t.assigned_team} team; latest update ${t.last_update}.`;
}

function describeAccount(a: Account, about?: string): string {
  const txn = about ? a.recent_transactions?.find((t) => t.ref === about) : undefined;
  if (txn) return `Transaction ${txn.ref} (${txn.description}, ${txn.amount}, ${txn.date}) is ${words(txn.status)}.`;
  const enrolment = about ? a.enrolments?.find((e) => e.ref === about) : undefined;
  if (enrolment) return `Enrolment ${enrolment.ref} (${enrolment.course}) is ${words(enrolment.status)}.`;
  let s = `Your account ${a.account_ref} (${a.tier}) is ${words(a.status)}`;
  if (a.kyc_status) s += `; KYC is ${words(a.kyc_status)}`;
  return `${s}.`;
}

function describeUsage(u: PlanUsage): string {
  const usage = Object.entries(u.usage).map(([k, v]) => `${words(k)} ${v}`);
  return `Your plan is ${u.plan}. This period (${u.period}): ${usage.join(", ")}. It renews on ${u.renews_on}.`;
}

/** One sentence or two of live fact per tool result that found something. */
export function describeResult(r: ToolResult): string | undefined {
  if (!r.found || !r.data) return undefined;
  switch (r.tool) {
    case "get_order":
      return describeOrder(r.data as Order);
    case "get_invoice":
      return describeInvoice(r.data as Invoice);
    case "get_booking_by_pnr":
      return describeBooking(r.data as Booking);
    case "get_ticket_status":
      return describeTicket(r.data as Ticket);
    case "get_customer_account":
      return describeAccount(r.data as Account, r.about);
    case "get_plan_usage":
      return describeUsage(r.data as PlanUsage);
  }
}

/** A lookup of a reference that returned nothing for this customer: the one thing to ask about. */
function notFoundAsk(plan: TurnPlan, results: ToolResult[]): Ask | undefined {
  for (const r of results) {
    const value = r.about ?? r.arg;
    const kind = [...plan.messageRefs, ...plan.memoryRefs].find((ref) => ref.value === value)?.kind;
    if (kind && !r.found) return { kind, notFound: value };
  }
  return undefined;
}

function askSentence(ask: Ask): string {
  const label = REF_KINDS[ask.kind].label;
  if (ask.notFound) return `I couldn't find ${label} ${ask.notFound} for your account. Could you check the ${label} (${HINTS[ask.kind]}) and send it again?`;
  if (ask.confirm) return `Is this about ${NOUNS[ask.kind]} ${ask.confirm}? If it's a different one, please send me its ${label}.`;
  return `Could you send me the ${label} (${HINTS[ask.kind]})?`;
}

const ACTIONS: Partial<Record<TurnPlan["intent"], string>> = {
  refund: "I can't issue a refund from this chat: a teammate with access to refunds has to approve it.",
  cancel: "I can't cancel anything from this chat: a teammate has to do that.",
  change: "I can't make that change from this chat: a teammate has to do it.",
};

const SECRETS_WARNING =
  "Please don't share card numbers, one-time codes, passwords or ID numbers in this chat: we will never ask for them.";

export type TemplateInput = { plan: TurnPlan; results: ToolResult[]; customerName?: string };

export function templateReply({ plan, results, customerName }: TemplateInput): string {
  const out: string[] = [];
  const account = results.find((r) => r.tool === "get_customer_account" && r.found)?.data as Account | undefined;
  const name = (account?.name ?? customerName)?.split(/\s+/)[0];
  out.push(name ? `Hi ${name}.` : "Hi.");
  if (plan.secrets.length > 0) out.push(SECRETS_WARNING);

  const facts = results.map(describeResult).filter((s): s is string => Boolean(s));
  const fromMemory = results.some((r) => r.found && r.why.startsWith("remembered"));
  if (facts.length > 0) {
    out.push(fromMemory && plan.messageRefs.length === 0 ? `I looked up what you contacted us about before. ${facts[0]}` : facts[0]!);
    out.push(...facts.slice(1));
  }
  const action = ACTIONS[plan.intent];
  if (action) out.push(action);

  const ask = notFoundAsk(plan, results) ?? plan.ask;
  if (ask) out.push(askSentence(ask));
  else if (facts.length === 0) {
    out.push(plan.intent === "thanks" ? "You're welcome. Is there anything else I can help with?" : "I need to check the relevant system before I can answer that.");
  }
  return out.join(" ");
}
