// Customers as the console lists and shows them: search by external id, the profile with
// each claim's provenance linked to its ticket, and the last note posted for them.
import { z } from "zod";
import { ticketUrl } from "../../../connectors";
import type { Provider } from "../../../connectors/types";
import type { Database } from "../../db/client";
import { customerDetail } from "../../memory/store";
import { parseBody } from "../errors";

export const CUSTOMER_PAGE_SIZE = 25;

const searchSchema = z.object({
  q: z.string().trim().max(256, "must be at most 256 characters").default(""),
  page: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(100_000).default(1),
});

export function parseCustomerSearch(query: unknown) {
  return parseBody(searchSchema, query, "query");
}

export async function searchCustomers(db: Database, tenantId: string, s: z.output<typeof searchSchema>) {
  const where = { tenantId, ...(s.q ? { externalUserId: { contains: s.q, mode: "insensitive" as const } } : {}) };
  const [rows, total] = await Promise.all([
    db.prisma.customerProfile.findMany({
      where,
      orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
      skip: (s.page - 1) * CUSTOMER_PAGE_SIZE,
      take: CUSTOMER_PAGE_SIZE,
    }),
    db.prisma.customerProfile.count({ where }),
  ]);
  return {
    customers: rows.map((r) => ({
      external_user_id: r.externalUserId,
      agent_scope: r.agentScope,
      support_type: r.supportType,
      open_issue: r.openIssue,
      sentiment_pattern: r.sentiment,
      escalation_risk: r.escalationRisk,
      last_activity_at: r.lastActivityAt.toISOString(),
    })),
    q: s.q,
    page: s.page,
    page_size: CUSTOMER_PAGE_SIZE,
    total,
  };
}

type TicketRow = { ticket_ref: string; provider: string; account: string };
type NoteRow = { body: string | null; body_format: string | null; posted_at: Date | string; ticket_ref: string; provider: string; account: string };

export async function customerPage(db: Database, tenantId: string, externalUserId: string, agentScope: string) {
  const detail = await customerDetail(db, tenantId, externalUserId, agentScope);
  if (!detail) return null;
  const [tickets, notes] = await Promise.all([
    db.sql.query<TicketRow>(
      `SELECT DISTINCT tc.ticket_ref, i.provider, i.account FROM thread_cursors tc JOIN installations i ON i.id = tc.installation_id
        WHERE i.tenant_id = $1 AND tc.external_user_id = $2`,
      [tenantId, externalUserId],
    ),
    db.sql.query<NoteRow>(
      `SELECT pn.body, pn.body_format, pn.posted_at, pn.ticket_ref, i.provider, i.account
         FROM posted_notes pn
         JOIN installations i ON i.id = pn.installation_id
         JOIN thread_cursors tc ON tc.installation_id = pn.installation_id AND tc.ticket_ref = pn.ticket_ref
        WHERE i.tenant_id = $1 AND tc.external_user_id = $2 AND pn.state = 'posted'
        ORDER BY pn.posted_at DESC LIMIT 1`,
      [tenantId, externalUserId],
    ),
  ]);
  const link = (ref: string | null | undefined, source?: string | null) => {
    if (!ref) return null;
    const t = tickets.find((x) => x.ticket_ref === ref && (!source || x.provider === source)) ?? tickets.find((x) => x.ticket_ref === ref);
    return t ? ticketUrl(t.provider as Provider, t.account, ref) : null;
  };
  const note = notes[0];
  return {
    ...detail,
    claims: detail.claims.map((c) => ({ ...c, provenance: { ...c.provenance, ticket_url: link(c.provenance.ticket_id, c.provenance.source) } })),
    last_note: note
      ? {
          body: note.body,
          format: note.body_format,
          posted_at: new Date(note.posted_at).toISOString(),
          ticket_ref: note.ticket_ref,
          ticket_url: ticketUrl(note.provider as Provider, note.account, note.ticket_ref),
        }
      : null,
  };
}
