// Customers: search by external id, one customer's profile (MemoryOS field names shown
// readably), every claim with its provenance and ticket link, the last note, and forget.
import type { customerPage, searchCustomers } from "../../admin/customers";
import { html, type Html } from "../html";
import { csrfField, formatTime, humanise, page, pager, type PageContext } from "../layout";
import { noteAsText } from "../note-text";

type Search = Awaited<ReturnType<typeof searchCustomers>>;
type Detail = NonNullable<Awaited<ReturnType<typeof customerPage>>>;

export function customerHref(id: string, scope: string): string {
  return `/console/customers/${encodeURIComponent(id)}${scope === "shared" ? "" : `?scope=${encodeURIComponent(scope)}`}`;
}

export function customersPage(ctx: PageContext, s: Search, notice?: string, error?: string): string {
  const table =
    s.customers.length === 0
      ? html`<section class="empty"><h2>${s.q ? "No customer matches this search" : "No customers yet"}</h2><p>Customers appear when a helpdesk sends its first ticket, or when your bot calls <code>POST /v1/memories/add</code>.</p></section>`
      : html`<table>
<caption>Customers, most recently active first</caption>
<thead><tr><th scope="col">External user id</th><th scope="col">Scope</th><th scope="col">Vertical</th><th scope="col">Open issue</th><th scope="col">Sentiment</th><th scope="col">Last activity</th></tr></thead>
<tbody>${s.customers.map(
          (c) => html`<tr><td><a href="${customerHref(c.external_user_id, c.agent_scope)}">${c.external_user_id}</a></td><td>${c.agent_scope}</td><td>${humanise(c.support_type)}</td>
<td>${c.open_issue ?? "—"}</td><td>${c.sentiment_pattern ? humanise(c.sentiment_pattern) : "—"}${c.escalation_risk ? html` <strong>escalation risk</strong>` : ""}</td><td>${formatTime(c.last_activity_at)}</td></tr>`,
        )}</tbody></table>
${pager("/console/customers", { q: s.q || undefined }, s.page, s.page_size, s.total)}`;
  return page(
    ctx,
    "Customers",
    html`<h1>Customers</h1>
<form method="get" action="/console/customers" role="search" aria-label="Search customers" class="filters">
<label>External user id <input type="search" name="q" value="${s.q}"></label>
<button type="submit">Search</button>
</form>${table}`,
    { notice, error },
  );
}

/** A profile value as nested lists: objects by readable field name, arrays as lists. */
function value(v: unknown): Html | string {
  if (v === null || v === undefined || v === "") return "—";
  if (Array.isArray(v)) return v.length === 0 ? "none" : html`<ul>${v.map((x) => html`<li>${value(x)}</li>`)}</ul>`;
  if (typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== null && x !== undefined && !(Array.isArray(x) && x.length === 0));
    if (entries.length === 0) return "—";
    return html`<dl>${entries.map(([k, x]) => html`<dt>${humanise(k)}</dt><dd>${value(x)}</dd>`)}</dl>`;
  }
  return typeof v === "string" && /^[a-z]+(_[a-z]+)+$/.test(v) ? humanise(v) : String(v);
}

function short(v: unknown): string {
  if (v === null || v === undefined) return "—";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}

export function customerDetailPage(ctx: PageContext, d: Detail): string {
  const profile = d.profile as Record<string, unknown>;
  const sections = Object.entries(profile).map(([k, v]) => html`<section class="field"><h3>${humanise(k)}</h3>${value(v)}</section>`);
  const note = d.last_note
    ? html`<figure class="note"><figcaption>Posted ${formatTime(d.last_note.posted_at)} on <a href="${d.last_note.ticket_url}" rel="noreferrer noopener" target="_blank">ticket ${d.last_note.ticket_ref}</a></figcaption>
<pre class="note-body">${noteAsText(d.last_note.body ?? "", d.last_note.format)}</pre></figure>`
    : html`<p>No note posted for this customer yet.</p>`;
  const claims = d.claims.length
    ? html`<table><caption>Every change to the profile, oldest first</caption>
<thead><tr><th scope="col">Field</th><th scope="col">Change</th><th scope="col">Value</th><th scope="col">Ticket</th><th scope="col">Observed</th></tr></thead>
<tbody>${d.claims.map(
        (c) => html`<tr><td>${humanise(c.field.replace(/\./g, " "))}</td><td>${c.action}</td><td>${short(c.value)}</td>
<td>${c.provenance.ticket_url ? html`<a href="${c.provenance.ticket_url}" rel="noreferrer noopener" target="_blank">${c.provenance.source ?? ""} ticket ${c.provenance.ticket_id}</a>` : (c.provenance.ticket_id ?? c.provenance.source ?? "—")}</td>
<td>${formatTime(c.provenance.observed_at)}</td></tr>`,
      )}</tbody></table>`
    : html`<p>No claims recorded.</p>`;
  return page(
    ctx,
    `Customer ${d.external_user_id}`,
    html`<h1>Customer <code>${d.external_user_id}</code></h1>
<p>Scope ${d.agent_scope} · profile version ${d.version} · last activity ${formatTime(d.last_activity_at)}</p>
<h2>Last note</h2>${note}
<h2>Profile</h2><div class="profile">${sections}</div>
<h2>Claims and provenance</h2>${claims}
<h2>Forget</h2>
<p><a class="button danger" href="/console/customers/${encodeURIComponent(d.external_user_id)}/forget">Forget this customer</a></p>`,
  );
}

export function forgetConfirmPage(ctx: PageContext, externalUserId: string): string {
  return page(
    ctx,
    "Forget this customer",
    html`<h1>Forget this customer</h1>
<p>This deletes everything remembered about <code>${externalUserId}</code> in every scope: the profile, every claim, the memory events and the identity links. It cannot be undone.</p>
<form method="post" action="/console/customers/${encodeURIComponent(externalUserId)}/forget">${csrfField(ctx)}
<button type="submit" class="danger">Yes, forget ${externalUserId}</button>
<a href="${customerHref(externalUserId, "shared")}">Cancel</a>
</form>`,
  );
}
