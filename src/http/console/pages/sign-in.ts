// The sign-in page: an API key field, posted with a sign-in CSRF token (double-submit: the
// same random value in an HttpOnly cookie and a hidden field). The key is never echoed back.
import { html } from "../html";
import { bare } from "../layout";

export function signInPage(token: string, error?: string): string {
  return bare(
    "Sign in",
    html`<h1>Sign in</h1>
<p>Sign in to the helpdesk-memory console with one of your tenant's API keys (<code>mem_…</code>).</p>
${error ? html`<p class="error" role="alert">${error}</p>` : ""}
<form method="post" action="/console/sign-in" class="stack" autocomplete="off">
<input type="hidden" name="_csrf" value="${token}">
<label for="api_key">API key</label>
<input id="api_key" name="api_key" type="password" required autocomplete="off" spellcheck="false">
<p><button type="submit">Sign in</button></p>
</form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return bare(title, html`<h1>${title}</h1><p role="alert">${message}</p><p><a href="/console">Back to the console</a></p>`);
}
