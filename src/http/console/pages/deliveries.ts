// Deliveries: the webhook inbox, filtered and paged, newest first; one delivery's outcome;
// replay one, or every dead delivery matching the filter.
import type { DeliveryFilter, deliveryDetail, listDeliveries } from "../../admin/deliveries";
import { DELIVERY_STATUSES } from "../../admin/deliveries";
import { registeredConnectors } from "../../../../connectors";
import { html } from "../html";
import { csrfField, formatTime, page, pager, type PageContext } from "../layout";

type List = Awaited<ReturnType<typeof listDeliveries>>;
type Detail = NonNullable<Awaited<ReturnType<typeof deliveryDetail>>>;

export type RawFilter = { status?: string; provider?: string; since?: string; until?: string };

const PROVIDERS = registeredConnectors.map((c) => [c.provider, c.displayName] as const);

function filterForm(raw: RawFilter) {
  return html`<form method="get" action="/console/deliveries" class="filters" role="search" aria-label="Filter deliveries">
<label>Status <select name="status"><option value="">Any</option>${DELIVERY_STATUSES.map((s) => html`<option value="${s}"${raw.status === s ? html` selected` : ""}>${s}</option>`)}</select></label>
<label>Helpdesk <select name="provider"><option value="">Any</option>${PROVIDERS.map(([v, l]) => html`<option value="${v}"${raw.provider === v ? html` selected` : ""}>${l}</option>`)}</select></label>
<label>Received since <input type="datetime-local" name="since" value="${raw.since ?? ""}"></label>
<label>Received until <input type="datetime-local" name="until" value="${raw.until ?? ""}"></label>
<button type="submit">Filter</button>
</form>`;
}

export function deliveriesPage(ctx: PageContext, raw: RawFilter, list: List | null, opts: { notice?: string; error?: string } = {}): string {
  const rows = list?.deliveries ?? [];
  const table =
    rows.length === 0
      ? html`<section class="empty"><h2>No deliveries${raw.status || raw.provider || raw.since || raw.until ? " match this filter" : " yet"}</h2><p>A delivery is one webhook from a helpdesk. <a href="/console/helpdesks">Connect a helpdesk</a> and point its webhook at the URL shown there.</p></section>`
      : html`<table>
<caption>Deliveries, newest first</caption>
<thead><tr><th scope="col">Received</th><th scope="col">Helpdesk</th><th scope="col">Event</th><th scope="col">Ticket</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Reason or error</th></tr></thead>
<tbody>${rows.map(
          (d) => html`<tr>
<td><a href="/console/deliveries/${encodeURIComponent(d.delivery_id)}">${formatTime(d.received_at)}</a></td>
<td>${d.provider}</td><td>${d.event_type}</td><td>${d.ticket_ref ?? "—"}</td>
<td><span class="status status-${d.status}" data-status="${d.status}">${d.status}</span></td>
<td>${d.attempts}</td><td>${d.skip_reason ?? d.last_error ?? ""}</td>
</tr>`,
        )}</tbody></table>
${list ? pager("/console/deliveries", { ...raw }, list.page, list.page_size, list.total) : ""}`;
  const replayAll = html`<form method="post" action="/console/deliveries/replay" class="inline">
${csrfField(ctx)}
${(["provider", "since", "until"] as const).map((k) => (raw[k] ? html`<input type="hidden" name="${k}" value="${raw[k]}">` : ""))}
${raw.status === "skipped" ? html`<input type="hidden" name="status" value="skipped">` : ""}
<button type="submit">Replay all ${raw.status === "skipped" ? "skipped" : "dead"} deliveries matching this filter</button>
</form>`;
  return page(ctx, "Deliveries", html`<h1>Deliveries</h1>${filterForm(raw)}${replayAll}${table}`, opts);
}

export function deliveryPage(ctx: PageContext, d: Detail, notice?: string): string {
  const outcome =
    d.status === "done"
      ? d.note
        ? `done: note ${d.note.state} (${d.note.reason})`
        : "done: no note needed"
      : d.status === "skipped"
        ? `skipped: ${d.skip_reason ?? "no reason recorded"}`
        : d.status === "dead"
          ? "dead: failed every retry"
          : `${d.status}: not finished yet`;
  return page(
    ctx,
    `Delivery ${d.delivery_id}`,
    html`<h1>Delivery <code>${d.delivery_id}</code></h1>
<dl class="facts">
<dt>Status</dt><dd><span class="status status-${d.status}" data-status="${d.status}">${d.status}</span></dd>
<dt>Outcome</dt><dd>${outcome}</dd>
<dt>Helpdesk</dt><dd>${d.provider} ${d.account ?? ""} (installation <code>${d.installation_id}</code>)</dd>
<dt>Event</dt><dd>${d.event_type}</dd>
<dt>Ticket</dt><dd>${d.ticket_url ? html`<a href="${d.ticket_url}" rel="noreferrer noopener" target="_blank">ticket ${d.ticket_ref}</a>` : (d.ticket_ref ?? "—")}</dd>
<dt>Attempts</dt><dd>${d.attempts}</dd>
<dt>Last error</dt><dd>${d.last_error ?? "none"}</dd>
<dt>Received</dt><dd>${formatTime(d.received_at)}</dd>
<dt>Finished</dt><dd>${formatTime(d.processed_at)}</dd>
</dl>
${
  d.status === "dead" || d.status === "skipped"
    ? html`<form method="post" action="/console/deliveries/${encodeURIComponent(d.delivery_id)}/replay">${csrfField(ctx)}<button type="submit">Replay</button></form>`
    : ""
}
<p><a href="/console/deliveries">All deliveries</a></p>`,
    { notice },
  );
}

/** The filter as the form holds it, for links and hidden fields (only what parsed). */
export function rawFilter(q: Record<string, unknown>, parsed: DeliveryFilter | null): RawFilter {
  const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
  if (!parsed) return { status: text(q.status), provider: text(q.provider), since: text(q.since), until: text(q.until) };
  return { status: parsed.status, provider: parsed.provider, since: text(q.since), until: text(q.until) };
}
