// "Connect Zendesk" / "Connect Intercom" in Chromium when their OAuth clients are configured:
// the console starts the install, the helpdesk's consent page sends the admin back to the
// callback, and the card shows the installation active. Then a revoked grant: the card says
// needs_reauth and "Reconnect" runs the consent again, after which the held delivery is done;
// Uninstall cleans up at the helpdesk.
// The helpdesks are the fake apps: their consent pages served on a loopback port the browser
// reaches (a route handler would not see the install's redirect), their APIs through nock.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import request from "supertest";
import type { Page } from "playwright-core";
import { FakeIntercomApp } from "../../helpers/fake-intercom-app";
import { FakeZendeskApp } from "../../helpers/fake-zendesk-app";
import { createTestPipeline, settled, ticketCreatedEvent, waitFor, zendeskHeaders, type TestPipeline } from "../../helpers/pipeline";
import { openBrowser, screenshot, type Browser } from "./browser";

jest.setTimeout(240_000);

const ZENDESK_CLIENT = { id: "zdg-helpdesk-memory", secret: "zd-oauth-client-secret-test-0123456789" };
const INTERCOM_API = "https://api.intercom.test";
const INTERCOM_CLIENT = { id: "0e3b5a52-3f4c-4a4e-9d1e-5f0a7c2b9e11", secret: "ic-oauth-client-secret-test-abcdef" };
const INTERCOM_APP_ID = "q8m2zx7w";

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("Connect Zendesk / Intercom through OAuth, in Chromium", () => {
  let p: TestPipeline;
  let server: Server;
  let helpdesk: Server;
  let origin: string;
  let helpdeskUrl: string;
  let b: Browser;
  let page: Page;
  const zd = new FakeZendeskApp(ZENDESK_CLIENT);
  const ic = new FakeIntercomApp(INTERCOM_CLIENT, INTERCOM_APP_ID);
  const consents: string[] = [];

  /** The helpdesks' consent pages, for the browser: an "Allow" link back to our callback. */
  function consentPages(req: IncomingMessage, res: ServerResponse) {
    const url = `${helpdeskUrl}${req.url ?? "/"}`;
    const path = new URL(url).pathname;
    if (req.method !== "GET" || (path !== "/oauth/authorizations/new" && path !== "/oauth")) {
      res.writeHead(404).end();
      return;
    }
    consents.push(url);
    let back: string;
    if (path === "/oauth") {
      const c = ic.consent(url);
      back = `${new URL(url).searchParams.get("redirect_uri")}?code=${c.code}&state=${encodeURIComponent(c.state)}`;
    } else {
      const c = zd.consent(url);
      back = `${c.redirectUri}?code=${c.code}&state=${encodeURIComponent(c.state)}`;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><meta charset="utf-8"><title>Authorize</title><h1>Allow helpdesk-memory to access your account?</h1><a href="${escapeAttr(back)}">Allow</a>`);
  }

  beforeAll(async () => {
    helpdesk = createServer(consentPages);
    helpdeskUrl = await listen(helpdesk);
    // the callback URL is PUBLIC_URL's: the port is taken first, then the app built for it
    let app: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
    server = createServer((req, res) => app!(req, res));
    origin = await listen(server);
    p = await createTestPipeline({
      admin: {},
      zendeskApiUrl: helpdeskUrl,
      env: {
        PUBLIC_URL: origin,
        ZENDESK_OAUTH_CLIENT_ID: ZENDESK_CLIENT.id,
        ZENDESK_OAUTH_CLIENT_SECRET: ZENDESK_CLIENT.secret,
        INTERCOM_OAUTH_CLIENT_ID: INTERCOM_CLIENT.id,
        INTERCOM_OAUTH_CLIENT_SECRET: INTERCOM_CLIENT.secret,
        INTERCOM_API_URL: INTERCOM_API,
        INTERCOM_APP_URL: helpdeskUrl,
      },
    });
    app = p.app;
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    // the service's calls to the helpdesks go through nock; only the browser reaches the port
    zd.intercept(helpdeskUrl);
    ic.intercept(INTERCOM_API);
    b = await openBrowser(origin);
    page = b.page;

    await page.goto(`${origin}/console/sign-in`);
    await page.getByLabel("API key").fill(p.apiKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
  });
  afterAll(async () => {
    await b?.close();
    server?.closeAllConnections();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    helpdesk?.closeAllConnections();
    await new Promise((r) => (helpdesk ? helpdesk.close(r) : r(undefined)));
    nock.cleanAll();
    nock.enableNetConnect();
    await p?.close();
  });

  const h1 = () => page.getByRole("heading", { level: 1 });
  const card = (name: string) => page.getByRole("region", { name });

  it("Connect Zendesk: subdomain, consent, back on the card with the installation active", async () => {
    await page.getByRole("link", { name: "Helpdesks" }).click();
    await expect(h1().textContent()).resolves.toBe("Helpdesks");
    await screenshot(page, "oauth-helpdesks");
    await page.getByLabel("Zendesk subdomain").fill("globex");
    await page.getByRole("button", { name: "Connect Zendesk" }).click();
    await expect(h1().textContent()).resolves.toBe("Connect Zendesk");
    await screenshot(page, "oauth-zendesk-start");
    await page.getByRole("link", { name: "Continue to Zendesk" }).click();
    await page.getByRole("link", { name: "Allow" }).waitFor();
    expect(new URL(consents.at(-1)!).pathname).toBe("/oauth/authorizations/new");
    await screenshot(page, "oauth-zendesk-consent");
    await page.getByRole("link", { name: "Allow" }).click();
    await expect(h1().textContent()).resolves.toBe("Helpdesks");
    await expect(page.getByRole("status").first().textContent()).resolves.toMatch(/helpdesk is connected/);
    const inst = await p.db.prisma.installation.findFirstOrThrow({ where: { tenantId: p.tenantId, provider: "zendesk", account: "globex" } });
    expect(new URL(page.url()).hash).toBe(`#${inst.id}-title`);
    expect(await card("Zendesk · globex").locator("[data-status]").textContent()).toBe("active");
    // the webhook was made at Zendesk through the API, pointing at this installation
    const hooks = [...zd.webhooks.values()];
    expect(hooks.map((h) => h.endpoint)).toEqual([`${origin}/webhooks/zendesk/${inst.id}`]);
    expect(await card("Zendesk · globex").getByLabel("Webhook URL").inputValue()).toBe(hooks[0]!.endpoint);
    await screenshot(page, "oauth-zendesk-active");
  });

  it("Connect Intercom: consent, back on the card with the installation active", async () => {
    await page.getByRole("button", { name: "Connect Intercom" }).click();
    await expect(h1().textContent()).resolves.toBe("Connect Intercom");
    await screenshot(page, "oauth-intercom-start");
    await page.getByRole("link", { name: "Continue to Intercom" }).click();
    await page.getByRole("link", { name: "Allow" }).waitFor();
    expect(new URL(consents.at(-1)!).pathname).toBe("/oauth");
    await screenshot(page, "oauth-intercom-consent");
    await page.getByRole("link", { name: "Allow" }).click();
    await expect(h1().textContent()).resolves.toBe("Helpdesks");
    expect(await card(`Intercom · ${INTERCOM_APP_ID}`).locator("[data-status]").textContent()).toBe("active");
    const inst = await p.db.prisma.installation.findFirstOrThrow({ where: { tenantId: p.tenantId, provider: "intercom" } });
    expect(inst.status).toBe("active");
    await screenshot(page, "oauth-intercom-active");
  });

  it("a revoked grant shows needs_reauth; Reconnect runs the consent again and the held delivery is done", async () => {
    const inst = await p.db.prisma.installation.findFirstOrThrow({ where: { tenantId: p.tenantId, provider: "zendesk", account: "globex" } });
    const secret = [...zd.webhooks.values()][0]!.secret;
    zd.revokeEverything();
    zd.zd.addUser({ id: 705, name: "Jonas Weber", email: "jonas@example.com", external_id: "crm-705" });
    zd.zd.addTicket({ id: 9105, subject: "Refund", requester_id: 705, comments: [{ body: "I cancelled within the trial but was billed for the annual plan, please refund." }] });
    const body = JSON.stringify(ticketCreatedEvent({ ticketId: 9105, requesterId: 705, subject: "Refund" }));
    expect((await request(p.app).post(`/webhooks/zendesk/${inst.id}`).set(zendeskHeaders(body, secret)).send(body)).status).toBe(200);
    const held = () => p.db.prisma.webhookDelivery.findMany({ where: { installationId: inst.id, status: "held" } });
    await waitFor(async () => (await held()).length === 1, 30_000, "the delivery held");
    const heldId = (await held())[0]!.id;

    await page.reload();
    const c = card("Zendesk · globex");
    expect(await c.locator("[data-status]").textContent()).toBe("needs_reauth");
    const alert = c.getByRole("alert", { name: "Needs reconnecting" });
    await expect(alert.textContent()).resolves.toMatch(/invalid_grant/);
    await screenshot(page, "oauth-needs-reauth");
    const before = consents.length;
    await alert.getByRole("link", { name: "Reconnect" }).click();
    await page.getByRole("link", { name: "Allow" }).waitFor();
    expect(consents).toHaveLength(before + 1);
    expect(new URL(consents.at(-1)!).pathname).toBe("/oauth/authorizations/new");
    await page.getByRole("link", { name: "Allow" }).click();

    await expect(h1().textContent()).resolves.toBe("Helpdesks");
    expect(await card("Zendesk · globex").locator("[data-status]").textContent()).toBe("active");
    expect(await card("Zendesk · globex").getByRole("alert").count()).toBe(0);
    // the same installation, connected again: no second one
    expect(await p.db.prisma.installation.count({ where: { tenantId: p.tenantId, provider: "zendesk", account: "globex" } })).toBe(1);
    await screenshot(page, "oauth-reconnected");
    await settled(p.db, 60_000);
    expect((await p.db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: heldId } })).status).toBe("done");
    expect(zd.zd.notesOn(9105)).toHaveLength(1);
  });

  it("Uninstall on the card removes the webhook at Zendesk too, as the CLI's command does", async () => {
    expect(zd.webhooks.size).toBe(1);
    await page.goto(`${origin}/console/helpdesks`);
    await card("Zendesk · globex").getByRole("button", { name: "Uninstall" }).click();
    await expect(page.getByRole("status").first().textContent()).resolves.toMatch(/uninstalled/);
    expect(await card("Zendesk · globex").locator("[data-status]").textContent()).toBe("uninstalled");
    expect(zd.webhooks.size).toBe(0);
    await screenshot(page, "oauth-uninstalled");
  });
});
