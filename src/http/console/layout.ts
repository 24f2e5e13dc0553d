// The page shell every console page shares: navigation, the sign-out form and the CSRF token.
import { html, type Html } from "./html";

export type PageContext = { tenantName: string; tenantId: string; csrf: string; path: string };

const NAV = [
  ["/console", "Overview"],
  ["/console/settings", "Settings"],
  ["/console/helpdesks", "Helpdesks"],
  ["/console/deliveries", "Deliveries"],
  ["/console/customers", "Customers"],
  ["/console/keys", "API keys"],
] as const;

/** Short notices after a change, by code (the URL carries the code, never free text). */
export const NOTICES: Record<string, string> = {
  settings_saved: "Settings saved.",
  replayed: "Replay started: the worker picks the deliveries up within seconds.",
  forgotten: "The customer was forgotten: their profile, claims and identity links are gone.",
  key_revoked: "The key was revoked.",
  secret_saved: "Signing secret saved.",
  author_saved: "Note author saved.",
  disabled: "The installation is disabled: its webhooks are refused from now on.",
  uninstalled: "The installation is uninstalled.",
  reconnected: "Connected again: its held deliveries are back in the inbox.",
  connected: "The helpdesk is connected.",
};

function shell(title: string, body: Html, nav: Html | ""): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · helpdesk-memory</title>
<link rel="stylesheet" href="/console/assets/console.css">
<script src="/console/assets/console.js" defer></script>
</head>
<body>
${nav}
<main>
${body}
</main>
</body>
</html>`;
}

export function page(ctx: PageContext, title: string, body: Html, opts: { notice?: string; error?: string; scripts?: string[] } = {}): string {
  const nav = html`<header>
<span class="brand">helpdesk-memory</span>
<nav aria-label="Console">
<ul>${NAV.map(([href, label]) => html`<li><a href="${href}"${ctx.path === href ? html` aria-current="page"` : ""}>${label}</a></li>`)}</ul>
</nav>
<span class="tenant">${ctx.tenantName} <code>${ctx.tenantId}</code></span>
<form method="post" action="/console/sign-out" class="inline">${csrfField(ctx)}<button type="submit">Sign out</button></form>
</header>`;
  const notice = opts.notice && NOTICES[opts.notice];
  const content = html`${notice ? html`<p class="notice" role="status">${notice}</p>` : ""}${opts.error ? html`<p class="error" role="alert">${opts.error}</p>` : ""}${body}${(opts.scripts ?? []).map((s) => html`<script src="${s}" defer></script>`)}`;
  return shell(title, content, nav).value;
}

export function bare(title: string, body: Html): string {
  return shell(title, body, "").value;
}

export function csrfField(ctx: { csrf: string }): Html {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`;
}

export function formatTime(iso: string | null | undefined): string {
  return iso ? iso.replace("T", " ").replace(/\.\d+Z$/, " UTC").replace(/Z$/, " UTC") : "—";
}

/** snake_case → "Snake case", for MemoryOS field names shown to people. */
export function humanise(name: string): string {
  const s = name.replace(/_/g, " ").trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function pager(base: string, params: Record<string, string | undefined>, page: number, pageSize: number, total: number): Html {
  const last = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams(Object.entries({ ...params, page: String(p) }).filter((e): e is [string, string] => Boolean(e[1])));
    return `${base}?${q.toString()}`;
  };
  return html`<nav class="pager" aria-label="Pages">
${page > 1 ? html`<a href="${href(page - 1)}" rel="prev">Previous page</a>` : ""}
<span>Page ${page} of ${last} (${total})</span>
${page < last ? html`<a href="${href(page + 1)}" rel="next">Next page</a>` : ""}
</nav>`;
}
