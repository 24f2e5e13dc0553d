// API keys: create (the key is shown once, on this response only), list by prefix, revoke.
import type { listApiKeys } from "../../admin/keys";
import { html } from "../html";
import { csrfField, formatTime, page, type PageContext } from "../layout";

type Key = Awaited<ReturnType<typeof listApiKeys>>[number];

export function keysPage(ctx: PageContext, keys: Key[], opts: { created?: { api_key: string; key_id: string }; notice?: string; error?: string; currentKeyId?: string } = {}): string {
  const created = opts.created
    ? html`<section class="created" aria-labelledby="new-key"><h2 id="new-key">New key ${opts.created.key_id}</h2>
<p>Copy it now: it is shown only once and cannot be shown again.</p>
<label for="new-key-value">New API key</label>
<input id="new-key-value" readonly value="${opts.created.api_key}" class="secret">
<button type="button" data-copy="new-key-value">Copy</button> <span class="copied" role="status"></span>
</section>`
    : "";
  return page(
    ctx,
    "API keys",
    html`<h1>API keys</h1>${created}
<form method="post" action="/console/keys" class="inline">${csrfField(ctx)}
<label for="label">Label</label> <input id="label" name="label" maxlength="100" placeholder="e.g. support bot">
<button type="submit">Create key</button>
</form>
<table><caption>Keys of this tenant</caption>
<thead><tr><th scope="col">Key id</th><th scope="col">Starts with</th><th scope="col">Label</th><th scope="col">Created</th><th scope="col">State</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>${keys.map(
      (k) => html`<tr><td><code>${k.key_id}</code></td><td><code>${k.prefix}…</code></td><td>${k.label ?? ""}</td><td>${formatTime(k.created_at)}</td>
<td>${k.revoked_at ? `revoked ${formatTime(k.revoked_at)}` : k.key_id === opts.currentKeyId ? "active (this session)" : "active"}</td>
<td>${k.revoked_at ? "" : html`<form method="post" action="/console/keys/${encodeURIComponent(k.key_id)}/revoke" class="inline">${csrfField(ctx)}<button type="submit" aria-label="Revoke ${k.key_id}">Revoke</button></form>`}</td></tr>`,
    )}</tbody></table>`,
    opts,
  );
}
