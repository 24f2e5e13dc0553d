// The demo's six customers: fake records in the mock tools, and an earlier ticket that is fed
// through add() when the scenario loads, so the customer already has a memory. All names,
// numbers and references are invented.
import type { RefKind } from "./references";
import type { DeskData } from "./tools";

export const SCENARIO_NAMES = ["saas", "ecommerce", "banking", "travel", "telecom", "edtech"] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export type Scenario = {
  name: ScenarioName;
  title: string;
  /** The external_user_id the memory keys the customer by. */
  customerId: string;
  /** The identifier a refund, cancellation or change is about in this business. */
  actionRef: RefKind;
  earlierTicket: { ticketId: string; messages: { role: "user" | "assistant"; content: string }[] };
  data: DeskData;
  /** Messages worth trying, shown when the scenario loads. */
  tryThese: string[];
};

const saas: Scenario = {
  name: "saas",
  title: "SaaS: a workspace whose Growth upgrade failed to bill",
  customerId: "cust_saas_acme_labs",
  actionRef: "invoice_id",
  earlierTicket: {
    ticketId: "TCK-1842",
    messages: [
      {
        role: "user",
        content:
          "Hi, I'm Priya from Acme Labs. Our workspace billing failed after upgrading to the Growth plan and invoice INV-2026-0117 shows payment failed. We use Slack and webhook integrations, and I need the invoice fixed before my finance review on Friday.",
      },
      { role: "assistant", content: "Thanks Priya. I have passed invoice INV-2026-0117 to our billing team; they will reply on this ticket." },
    ],
  },
  data: {
    account: {
      customer_id: "cust_saas_acme_labs",
      name: "Priya Raman",
      tier: "Growth",
      status: "active",
      customer_since: "2023-04-11",
      account_ref: "WS-••••-7731",
      email: "p•••@acmelabs.example",
      workspace: "acme-labs",
    },
    plan_usage: {
      plan: "Growth (25 seats)",
      period: "2026-11-01 to 2026-11-30",
      renews_on: "2026-12-01",
      usage: { seats: "23 of 25", api_calls: "812,400 of 1,000,000", automations: "41 of 50" },
    },
    orders: [],
    invoices: [
      {
        invoice_id: "INV-2026-0117",
        status: "payment_failed",
        amount: "USD 1,250.00",
        description: "Growth plan, 25 seats, November",
        issued_on: "2026-11-01",
        due_on: "2026-11-15",
        failure_reason: "card declined by issuer",
      },
      { invoice_id: "INV-2026-0098", status: "paid", amount: "USD 490.00", description: "Starter plan, October", issued_on: "2026-10-01", paid_on: "2026-10-01" },
    ],
    bookings: [],
    tickets: [
      { ticket_id: "TCK-1842", status: "open", subject: "Growth upgrade billing failed", assigned_team: "Billing", last_update: "2026-11-28: retry of the charge scheduled by billing" },
    ],
  },
  tryThese: ["Any update on my invoice?", "I want a refund for the failed upgrade.", "How many seats are we using?"],
};

const ecommerce: Scenario = {
  name: "ecommerce",
  title: "Ecommerce: a late parcel, the second this year",
  customerId: "cust_ecom_4471",
  actionRef: "order_id",
  earlierTicket: {
    ticketId: "TCK-2290",
    messages: [
      {
        role: "user",
        content:
          "My name is Daniel. My order ORD-44821 was supposed to arrive last Tuesday and it still hasn't. This is the second time a delivery is late. I'd prefer a replacement rather than a refund.",
      },
      { role: "assistant", content: "Sorry about that, Daniel. I have asked the courier for an update on ORD-44821." },
    ],
  },
  data: {
    account: {
      customer_id: "cust_ecom_4471",
      name: "Daniel Okafor",
      tier: "Plus member",
      status: "active",
      customer_since: "2021-09-02",
      account_ref: "CUST-••••4471",
      email: "d•••@mail.example",
    },
    orders: [
      {
        order_id: "ORD-44821",
        status: "in_transit_delayed",
        items: "Espresso machine EM-200",
        total: "EUR 329.00",
        placed_on: "2026-11-18",
        carrier: "ParcelNet",
        eta: "2026-12-05",
      },
      {
        order_id: "ORD-44790",
        status: "delivered",
        items: "Milk frother",
        total: "EUR 39.90",
        placed_on: "2026-11-10",
        delivered_on: "2026-11-14",
        return_window_until: "2026-12-14",
      },
    ],
    invoices: [{ invoice_id: "INV-E-44821", status: "paid", amount: "EUR 329.00", description: "Order ORD-44821", issued_on: "2026-11-18", paid_on: "2026-11-18" }],
    bookings: [],
    tickets: [{ ticket_id: "TCK-2290", status: "pending", subject: "ORD-44821 late", assigned_team: "Logistics", last_update: "2026-11-30: courier investigation opened" }],
  },
  tryThese: ["Any update on my delivery?", "I'd like a refund please.", "Can I return ORD-44790?"],
};

const banking: Scenario = {
  name: "banking",
  title: "Banking: a UPI payment debited but not credited",
  customerId: "cust_bank_9030",
  actionRef: "transaction_ref",
  earlierTicket: {
    ticketId: "TCK-3115",
    messages: [
      {
        role: "user",
        content:
          "Hello, this is Meera. My UPI transaction TXN-88120934 of 4,500 failed but the money was debited from my account. Please help, I am worried.",
      },
      { role: "assistant", content: "I understand, Meera. A dispute has been raised for TXN-88120934 and our payments team will update this ticket." },
    ],
  },
  data: {
    account: {
      customer_id: "cust_bank_9030",
      name: "Meera Iyer",
      tier: "Savings Plus",
      status: "active",
      customer_since: "2019-06-20",
      account_ref: "SB-••••-4821",
      email: "m•••@mail.example",
      kyc_status: "verified",
      recent_transactions: [
        { ref: "TXN-88120934", amount: "INR 4,500.00", status: "reversal_initiated", date: "2026-11-27", description: "UPI payment to a merchant, failed" },
        { ref: "TXN-88119310", amount: "INR 1,200.00", status: "completed", date: "2026-11-25", description: "Electricity bill" },
      ],
    },
    orders: [],
    invoices: [],
    bookings: [],
    tickets: [{ ticket_id: "TCK-3115", status: "open", subject: "UPI debit without credit", assigned_team: "Payments disputes", last_update: "2026-11-29: reversal initiated, 3-5 working days" }],
  },
  tryThese: ["Has my money come back yet?", "I want a refund.", "Is my KYC complete?"],
};

const travel: Scenario = {
  name: "travel",
  title: "Travel: a cancelled flight, and a traveller who wants a rebooking",
  customerId: "cust_trv_2207",
  actionRef: "pnr",
  earlierTicket: {
    ticketId: "TCK-4407",
    messages: [
      {
        role: "user",
        content: "I'm Lucas. My flight with PNR QX7K2M to Lisbon on 14 March was cancelled. I want to be rebooked on the next flight, not a voucher.",
      },
      { role: "assistant", content: "Understood, Lucas. We are looking at rebooking options for QX7K2M." },
    ],
  },
  data: {
    account: {
      customer_id: "cust_trv_2207",
      name: "Lucas Martin",
      tier: "Silver",
      status: "active",
      customer_since: "2022-02-14",
      account_ref: "FF-••••2207",
      email: "l•••@mail.example",
    },
    orders: [],
    invoices: [],
    bookings: [
      {
        pnr: "QX7K2M",
        status: "cancelled_by_airline",
        route: "Paris CDG to Lisbon LIS",
        travel_date: "2027-03-14",
        passengers: 1,
        fare: "EUR 184.00",
        refund_eligible: true,
        rebooking_options: ["2027-03-14 18:40, no extra cost", "2027-03-15 07:10, no extra cost"],
      },
      { pnr: "LT4P9Z", status: "confirmed", route: "Lisbon LIS to Paris CDG", travel_date: "2027-03-21", passengers: 1, fare: "EUR 162.00", refund_eligible: false },
    ],
    tickets: [{ ticket_id: "TCK-4407", status: "open", subject: "QX7K2M cancelled, rebooking", assigned_team: "Disruptions", last_update: "2026-12-01: two rebooking options offered by the airline" }],
  },
  tryThese: ["Any news on my rebooking?", "Actually I'd like a refund instead.", "Is my return flight LT4P9Z still on?"],
};

const telecom: Scenario = {
  name: "telecom",
  title: "Telecom: mobile data down since a number port",
  customerId: "cust_tel_6610",
  actionRef: "invoice_id",
  earlierTicket: {
    ticketId: "TCK-5530",
    messages: [
      {
        role: "user",
        content:
          "Hi, Aisha here. My mobile data stopped working after I ported my number to you last week. I'm on the Unlimited 5G plan. I prefer a call back rather than chat.",
      },
      { role: "assistant", content: "Thanks Aisha. The network team is looking at the port on ticket TCK-5530." },
    ],
  },
  data: {
    account: {
      customer_id: "cust_tel_6610",
      name: "Aisha Bello",
      tier: "Postpaid",
      status: "active",
      customer_since: "2026-11-20",
      account_ref: "MSISDN +44 7••• •••412",
      email: "a•••@mail.example",
      device: "Pixel 8, IMEI ending 3809",
    },
    plan_usage: {
      plan: "Unlimited 5G",
      period: "2026-11-20 to 2026-12-19",
      renews_on: "2026-12-20",
      usage: { data: "0.4 GB used (unlimited)", roaming_data: "0 of 10 GB", minutes: "212 of unlimited" },
    },
    orders: [],
    invoices: [{ invoice_id: "INV-T-0925", status: "issued", amount: "GBP 32.00", description: "Unlimited 5G, first month", issued_on: "2026-11-20", due_on: "2026-12-04" }],
    bookings: [],
    tickets: [{ ticket_id: "TCK-5530", status: "open", subject: "No data after port-in", assigned_team: "Network", last_update: "2026-12-01: APN profile reset scheduled" }],
  },
  tryThese: ["Is my data fixed yet?", "I want a refund for the days without data.", "How much data have I used?"],
};

const edtech: Scenario = {
  name: "edtech",
  title: "Edtech: a paid course that will not open",
  customerId: "cust_edu_3158",
  actionRef: "invoice_id",
  earlierTicket: {
    ticketId: "TCK-6021",
    messages: [
      {
        role: "user",
        content: "I'm Tomás. I can't access the Data Science Bootcamp course after paying. My enrolment ENR-55231 still shows pending.",
      },
      { role: "assistant", content: "Thanks Tomás, I have asked the enrolments team to look at ENR-55231." },
    ],
  },
  data: {
    account: {
      customer_id: "cust_edu_3158",
      name: "Tomás Silva",
      tier: "Pro Learner",
      status: "active",
      customer_since: "2025-08-30",
      account_ref: "LRN-••••3158",
      email: "t•••@mail.example",
      enrolments: [
        { ref: "ENR-55231", course: "Data Science Bootcamp", status: "pending_payment_match" },
        { ref: "ENR-51007", course: "Python Foundations", status: "completed", started_on: "2025-09-01" },
      ],
    },
    plan_usage: { plan: "Pro Learner", period: "2026-11", renews_on: "2026-12-30", usage: { course_credits: "2 of 3", mentor_sessions: "1 of 4" } },
    orders: [],
    invoices: [{ invoice_id: "INV-EDU-7781", status: "paid", amount: "USD 599.00", description: "Data Science Bootcamp", issued_on: "2026-11-26", paid_on: "2026-11-26" }],
    bookings: [],
    tickets: [{ ticket_id: "TCK-6021", status: "open", subject: "Bootcamp not accessible after payment", assigned_team: "Enrolments", last_update: "2026-11-29: payment found, enrolment to be matched" }],
  },
  tryThese: ["Can I get into the course yet?", "I want a refund.", "How many course credits do I have left?"],
};

export const SCENARIOS: Record<ScenarioName, Scenario> = { saas, ecommerce, banking, travel, telecom, edtech };

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}
