// Helpdesks: one card per installation (status, webhook URL to copy, last delivery and error,
// signing secret, note author, disable, uninstall) and the Connect buttons above them.
import type { InstallationCard } from "../../admin/installations";
import { html } from "../html";
import { csrfField, formatTime, page, type PageContext } from "../layout";
import { connectorOf, registeredConnectors } from "../../../../connectors";
import { CONNECT_FORMS, secretFields, type FormField } from "./connect-forms";

const nameOf = (provider: string) => connectorOf(provider)?.displayName ?? provider;

/** The OAuth install again (the helpdesk's consent page), else the page to type new credentials. */
function reconnect(c: InstallationCard, oauth: ((p: string) => boolean) | undefined) {
  const byHand = `/console/helpdesks/${encodeURIComponent(c.installation_id)}/reconnect`;
  if (!connectorOf(c.provider)?.installation.methods.includes("oauth") || !oauth?.(c.provider)) return html`<form method="get" action="${byHand}" class="inline"><button type="submit">Reconnect</button></form>`;
  // a link, not a form (form-action 'self'); the fields the OAuth start asks (Zendesk's
  // subdomain) name the helpdesk account, which is the installation's own
  const fields = connectorOf(c.provider)?.installation.oauthStartFields ?? [];
  const query = fields.length ? `?${new URLSearchParams(fields.map((f) => [f.name, c.account]))}` : "";
  return html`<a class="button" href="/install/${c.provider}${query}">Reconnect</a>
<a href="${byHand}">or enter new credentials by hand</a>`;
}

function card(ctx: PageContext, c: InstallationCard, oauth?: (p: string) => boolean) {
  const id = c.installation_id;
  const action = (what: string) => `/console/helpdesks/${encodeURIComponent(id)}/${what}`;
  const live = c.status !== "uninstalled";
  const secretLabel = connectorOf(c.provider)?.installation.adminSecret.label ?? "Signing secret";
  return html`<section class="card${c.status === "needs_reauth" ? " card-alert" : ""}" aria-labelledby="${id}-title">
<h2 id="${id}-title">${nameOf(c.provider)} · ${c.account}</h2>
<p>Status <span class="status status-${c.status}" data-status="${c.status}">${c.status}</span>${c.status_reason && c.status !== "needs_reauth" ? ` (${c.status_reason})` : ""} · installation <code>${id}</code></p>
${
  c.status === "needs_reauth"
    ? html`<div class="reauth" role="alert" aria-label="Needs reconnecting"><p><strong>Needs reconnecting.</strong> ${nameOf(c.provider)} refused our credentials${c.status_reason ? html`: ${c.status_reason}` : ""}. Its webhooks are still accepted; their deliveries wait as <code>held</code> until it is connected again.</p>
${reconnect(c, oauth)}</div>`
    : ""
}
<label for="${id}-url">Webhook URL</label>
<input id="${id}-url" readonly value="${c.webhook_url}" class="url">
<button type="button" data-copy="${id}-url">Copy webhook URL</button> <span class="copied" role="status"></span>
<dl class="facts"><dt>Last delivery</dt><dd>${formatTime(c.last_delivery_at)}</dd>
<dt>Last error</dt><dd>${c.last_error ? `${c.last_error.message} (${formatTime(c.last_error.at)})` : "none"}</dd></dl>
${
  live
    ? html`<form method="post" action="${action("secret")}" class="inline">${csrfField(ctx)}
<label for="${id}-secret">${secretLabel}</label>
<input id="${id}-secret" name="secret" type="password" required autocomplete="off">
<button type="submit">Save ${secretLabel.toLowerCase()}</button></form>
${
  c.note_author
    ? html`<form method="post" action="${action("author")}" class="inline">${csrfField(ctx)}
<label for="${id}-author">Note author (${c.note_author.label})</label>
<input id="${id}-author" name="note_author" value="${c.note_author.value ?? ""}" required>
<button type="submit">Save note author</button></form>`
    : ""
}
<div class="actions">
${c.status !== "disabled" ? html`<form method="post" action="${action("disable")}" class="inline">${csrfField(ctx)}<button type="submit">Disable</button></form>` : ""}
<form method="post" action="${action("uninstall")}" class="inline">${csrfField(ctx)}<button type="submit" class="danger">Uninstall</button></form>
</div>`
    : ""
}
</section>`;
}

export function helpdesksPage(ctx: PageContext, cards: InstallationCard[], opts: { notice?: string; error?: string; oauth?: (p: string) => boolean } = {}): string {
  const connect = registeredConnectors.flatMap((c) => {
    const p = c.provider;
    const label = `Connect ${c.displayName}`;
    // some helpdesks' OAuth needs a field (a subdomain) before it can send the admin anywhere. The
    // form goes to a console page, not to /install: the CSP's form-action 'self' would stop a
    // form's redirect to the helpdesk, while a link may lead there.
    if (c.installation.methods.includes("oauth") && opts.oauth?.(p)) {
      const fields = (c.installation.oauthStartFields ?? []).map((f) => html`<label>${f.label} <input name="${f.name}" required></label>`);
      return [html`<form method="get" action="/console/helpdesks/oauth/${p}" class="inline">${fields}<button type="submit">${label}</button></form>`];
    }
    // the manual form, where the connector has one
    return c.installation.manual ? [html`<form method="get" action="/console/helpdesks/connect/${p}" class="inline"><button type="submit">${label}</button></form>`] : [];
  });
  const body = cards.length
    ? cards.filter((c) => c.status !== "uninstalled").concat(cards.filter((c) => c.status === "uninstalled")).map((c) => card(ctx, c, opts.oauth))
    : html`<section class="empty"><h2>No helpdesk connected yet</h2><p>Connect one above: its webhooks build each customer's memory, and its agents get it back as internal notes.</p></section>`;
  return page(ctx, "Helpdesks", html`<h1>Helpdesks</h1><div class="connect">${connect}</div>${body}`, opts);
}

function field(f: FormField, value: string) {
  const id = `f-${f.flag}`;
  if (f.choices) {
    return html`<label for="${id}">${f.label}</label><select id="${id}" name="${f.flag}">${f.choices.map(([v, l]) => html`<option value="${v}"${v === value ? html` selected` : ""}>${l}</option>`)}</select>`;
  }
  return html`<label for="${id}">${f.label}${f.required ? "" : " (optional)"}</label>
<input id="${id}" name="${f.flag}" type="${f.type ?? "text"}"${f.required ? html` required` : ""} value="${f.type === "password" ? "" : value}" autocomplete="off"${f.hint ? html` aria-describedby="${id}-hint"` : ""}>
${f.hint ? html`<small id="${id}-hint">${f.hint}</small>` : ""}`;
}

export function connectPage(ctx: PageContext, provider: string, form: Record<string, unknown>, error?: string): string {
  const def = CONNECT_FORMS[provider]!;
  return page(
    ctx,
    `Connect ${def.title}`,
    html`<h1>Connect ${def.title}</h1>
<p>The same fields as <code>npm run cli -- installations add ${provider}</code>.</p>
<form method="post" action="/console/helpdesks/connect/${provider}" class="stack">${csrfField(ctx)}
${def.fields.map((f) => field(f, typeof form[f.flag] === "string" ? (form[f.flag] as string) : ""))}
<p><button type="submit">Connect</button> <a href="/console/helpdesks">Cancel</a></p>
</form>`,
    { error },
  );
}

export function connectedPage(ctx: PageContext, provider: string, r: { installation_id: string; account: string; status: string; webhook_url: string; next_steps: string[] }): string {
  return page(
    ctx,
    `${nameOf(provider)} connected`,
    html`<h1>${nameOf(provider)} connected</h1>
<p>Installation <code>${r.installation_id}</code> for ${r.account}: <span class="status status-${r.status}" data-status="${r.status}">${r.status}</span></p>
<label for="new-url">Webhook URL</label>
<input id="new-url" readonly value="${r.webhook_url}" class="url">
<button type="button" data-copy="new-url">Copy webhook URL</button> <span class="copied" role="status"></span>
<h2>Next steps</h2>
<ol>${r.next_steps.map((s) => html`<li>${s}</li>`)}</ol>
<p><a href="/console/helpdesks">All helpdesks</a></p>`,
  );
}

/** New credentials typed by hand: the connect form's secret fields, any of them. */
export function reconnectPage(ctx: PageContext, c: InstallationCard, error?: string): string {
  const title = `Reconnect ${nameOf(c.provider)} · ${c.account}`;
  const fields = secretFields(c.provider).map((f) => ({ ...f, required: false }));
  return page(
    ctx,
    title,
    html`<h1>${title}</h1>
<p>Status <span class="status status-${c.status}" data-status="${c.status}">${c.status}</span>${c.status_reason ? ` (${c.status_reason})` : ""}. Type the credentials that replace the old ones (leave the others empty), the same as <code>npm run cli -- installations set-secret</code>.</p>
<form method="post" action="/console/helpdesks/${encodeURIComponent(c.installation_id)}/reconnect" class="stack">${csrfField(ctx)}
${fields.map((f) => field(f, ""))}
<p><button type="submit">Reconnect</button> <a href="/console/helpdesks">Cancel</a></p>
</form>`,
    { error },
  );
}

/** Before the helpdesk's consent page: what happens next, and the link that goes there. */
export function oauthStartPage(ctx: PageContext, provider: string, installUrl: string): string {
  const name = nameOf(provider);
  return page(
    ctx,
    `Connect ${name}`,
    html`<h1>Connect ${name}</h1>
<p>${name} asks you to allow helpdesk-memory to read tickets and post internal notes. You come back to the Helpdesks page when it is done.</p>
<p><a class="button" href="${installUrl}">Continue to ${name}</a> <a href="/console/helpdesks/connect/${provider}">Connect by hand instead</a> · <a href="/console/helpdesks">Cancel</a></p>`,
  );
}
