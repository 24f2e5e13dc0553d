// The mock support tools: the "live truth" of the demo. Each reads the loaded scenario's fake
// records and only those, so a reference that belongs to nobody (or to another customer)
// is not found. Read-only on purpose: no tool changes anything, so no reply may claim a change.

export const TOOL_NAMES = [
  "get_order",
  "get_invoice",
  "get_booking_by_pnr",
  "get_ticket_status",
  "get_customer_account",
  "get_plan_usage",
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

export type Order = {
  order_id: string;
  status: string;
  items: string;
  total: string;
  placed_on: string;
  carrier?: string;
  eta?: string;
  delivered_on?: string;
  return_window_until?: string;
};
export type Invoice = {
  invoice_id: string;
  status: string;
  amount: string;
  description: string;
  issued_on: string;
  due_on?: string;
  paid_on?: string;
  failure_reason?: string;
};
export type Booking = {
  pnr: string;
  status: string;
  route: string;
  travel_date: string;
  passengers: number;
  fare: string;
  refund_eligible: boolean;
  rebooking_options?: string[];
};
export type Ticket = { ticket_id: string; status: string; subject: string; assigned_team: string; last_update: string };
export type Transaction = { ref: string; amount: string; status: string; date: string; description: string };
export type Enrolment = { ref: string; course: string; status: string; started_on?: string };
export type Account = {
  customer_id: string;
  name: string;
  tier: string;
  status: string;
  customer_since: string;
  /** Masked: the demo's fake systems never hold a full number either. */
  account_ref: string;
  email: string;
  workspace?: string;
  kyc_status?: string;
  device?: string;
  recent_transactions?: Transaction[];
  enrolments?: Enrolment[];
};
export type PlanUsage = { plan: string; period: string; renews_on: string; usage: Record<string, string> };

/** One customer's records in the fake support systems. */
export type DeskData = {
  account: Account;
  plan_usage?: PlanUsage;
  orders: Order[];
  invoices: Invoice[];
  bookings: Booking[];
  tickets: Ticket[];
};

/** `about`: the record asked for when the tool returns a larger one (a transaction on the account). */
export type ToolCall = { tool: ToolName; arg: string; why: string; about?: string };
export type ToolResult = ToolCall & { found: boolean; data?: object };

const same = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

export function runTool(data: DeskData, call: ToolCall): ToolResult {
  const found = (value: object | undefined): ToolResult => (value ? { ...call, found: true, data: value } : { ...call, found: false });
  switch (call.tool) {
    case "get_order":
      return found(data.orders.find((o) => same(o.order_id, call.arg)));
    case "get_invoice":
      return found(data.invoices.find((i) => same(i.invoice_id, call.arg)));
    case "get_booking_by_pnr":
      return found(data.bookings.find((b) => same(b.pnr, call.arg)));
    case "get_ticket_status":
      return found(data.tickets.find((t) => same(t.ticket_id, call.arg)));
    case "get_customer_account": {
      if (!same(data.account.customer_id, call.arg)) return found(undefined);
      // Asked about one record on the account: the account is returned only if it holds it.
      const holds = (refs: { ref: string }[] = []) => refs.some((r) => same(r.ref, call.about ?? ""));
      const has = call.about === undefined || holds(data.account.recent_transactions) || holds(data.account.enrolments);
      return found(has ? data.account : undefined);
    }
    case "get_plan_usage":
      return found(same(data.account.customer_id, call.arg) ? data.plan_usage : undefined);
  }
}

/** What each tool takes, for /tools. */
export const TOOL_ARGS: Record<ToolName, string> = {
  get_order: "order_id",
  get_invoice: "invoice_id",
  get_booking_by_pnr: "pnr",
  get_ticket_status: "ticket_id",
  get_customer_account: "customer_id",
  get_plan_usage: "customer_id",
};

/** The records each tool can return for this customer: the fake data /tools shows. */
export function toolRecords(data: DeskData): Record<ToolName, object[]> {
  return {
    get_order: data.orders,
    get_invoice: data.invoices,
    get_booking_by_pnr: data.bookings,
    get_ticket_status: data.tickets,
    get_customer_account: [data.account],
    get_plan_usage: data.plan_usage ? [data.plan_usage] : [],
  };
}
