// Overview: the tenant's memory at a glance; the charts are drawn by console.js from the
// admin API's /v1/admin/overview with Chart.js served from the package.
import type { supportStats } from "../../../memory/store";
import { html } from "../html";
import { page, type PageContext } from "../layout";

type Stats = Awaited<ReturnType<typeof supportStats>>;

export function overviewPage(ctx: PageContext, stats: Stats, helpdesks: number, notice?: string): string {
  const tiles = html`<ul class="tiles">
<li><span class="figure">${stats.customers}</span> customers with memory</li>
<li><span class="figure">${stats.open_issues}</span> open issues</li>
<li><span class="figure">${stats.escalation_risks}</span> escalation risks</li>
</ul>`;
  if (stats.customers === 0 && stats.adds_by_day.length === 0) {
    const next =
      helpdesks === 0
        ? html`<a href="/console/helpdesks">Connect a helpdesk</a>: its tickets build each customer's memory. Or send a conversation to <code>POST /v1/memories/add</code> with an API key.`
        : html`A helpdesk is connected: memory appears here after its first ticket. Watch the <a href="/console/deliveries">deliveries</a> arrive.`;
    return page(ctx, "Overview", html`<h1>Overview</h1>${tiles}<section class="empty"><h2>No data yet</h2><p>${next}</p></section>`, { notice });
  }
  const chart = (id: string, label: string) =>
    html`<figure><figcaption id="${id}-caption">${label}</figcaption><canvas id="${id}" role="img" aria-labelledby="${id}-caption" data-chart="${id}"></canvas><p class="chart-empty" hidden>No data yet in the last ${stats.window_days} days.</p></figure>`;
  return page(
    ctx,
    "Overview",
    html`<h1>Overview</h1>${tiles}
<div class="charts">
${chart("per-day", `Notes posted and memory adds per day (last ${stats.window_days} days)`)}
${chart("by-vertical", "Customers by vertical")}
${chart("by-sentiment", "Customers by sentiment")}
</div>`,
    { notice, scripts: ["/console/assets/chart.umd.js", "/console/assets/charts.js"] },
  );
}
