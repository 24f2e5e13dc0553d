// The console in real Chromium against the whole service in-process (API, webhooks, worker,
// the console and the admin API) on the test database; Zendesk is faked at the HTTP boundary.
// Journeys 1–8 of the console's acceptance, each page saved as a screenshot.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import request from "supertest";
import type { Page } from "playwright-core";
import { FakeZendesk } from "../../helpers/fake-zendesk";
import { createTestPipeline, settled, ticketCreatedEvent, waitFor, zendeskHeaders, ZENDESK_AGENT_ID, ZENDESK_BASE, type TestPipeline } from "../../helpers/pipeline";
import { openBrowser, screenshot, type Browser } from "./browser";

jest.setTimeout(240_000);

describe("the admin console in Chromium", () => {
  let p: TestPipeline;
  let server: Server;
  let origin: string;
  let b: Browser;
  let page: Page;
  const zd = new FakeZendesk();
  const dialogs: string[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    p = await createTestPipeline({ admin: {} });
    server = createServer(p.app).listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    zd.addUser({ id: Number(ZENDESK_AGENT_ID), name: "Customer memory", role: "agent", email: "memory@acme.example" });
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    zd.intercept(ZENDESK_BASE);
    b = await openBrowser(origin);
    page = b.page;
    // anything the CSP stops (an inline script or style of ours) shows as a console error
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
    });
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  afterAll(async () => {
    await b?.close();
    server?.closeAllConnections();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    nock.cleanAll();
    nock.enableNetConnect();
    await p?.close();
  });

  // supertest, not fetch: nock intercepts fetch, and the API is in this process anyway
  const api = (path: string, key = p.apiKey) => request(p.app).get(path).set("authorization", `ApiKey ${key}`);
  const h1 = () => page.getByRole("heading", { level: 1 });
  const goto = async (path: string) => {
    await page.goto(`${origin}${path}`);
  };
  const sendTicket = async (ticketId: number, requesterId: number, subject: string) => {
    const body = JSON.stringify(ticketCreatedEvent({ ticketId, requesterId, subject }));
    const r = await request(p.app).post(`/webhooks/zendesk/${p.zendesk.id}`).set(zendeskHeaders(body)).send(body);
    expect(r.status).toBe(200);
    await settled(p.db, 60_000);
  };
  /** Reloads the page until `probe` holds (the worker finishes in the background). */
  const reloadUntil = async (probe: () => Promise<boolean>, what: string) => {
    await waitFor(async () => (await probe()) || (await page.reload(), false), 60_000, what);
  };

  it("1. signs in with the API key; a wrong key shows an error", async () => {
    await goto("/console");
    await expect(h1().textContent()).resolves.toBe("Sign in");
    await screenshot(page, "sign-in");
    await page.getByLabel("API key").fill("mem_" + "x".repeat(32));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toMatch(/not valid/);
    expect(await page.getByLabel("API key").inputValue()).toBe("");
    await screenshot(page, "sign-in-wrong-key");

    await page.getByLabel("API key").fill(p.apiKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(h1().textContent()).resolves.toBe("Overview");
    expect(page.url()).toBe(`${origin}/console`);
    const cookie = (await b.context.cookies(origin)).find((c) => c.name === "hm_session")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    // the key is in no page and no URL
    expect(await page.content()).not.toContain(p.apiKey);
    expect(await page.getByRole("heading", { name: "No data yet" }).count()).toBe(1);
    // the test tenant has a Zendesk installation already: the next step is its first ticket
    expect(await page.locator(".empty").textContent()).toMatch(/memory appears here after its first ticket/);
    expect(await page.locator(".empty").getByRole("link", { name: "deliveries" }).getAttribute("href")).toBe("/console/deliveries");
    await screenshot(page, "overview-empty");
  });

  it("2. changes the routing mode to multi with an allow-list, and it sticks", async () => {
    await page.getByRole("link", { name: "Settings" }).click();
    await expect(h1().textContent()).resolves.toBe("Settings");
    await page.getByRole("radio", { name: /Multi/ }).check();
    await page.getByLabel("Telecom").check();
    await page.getByLabel("Travel").check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").first().textContent()).resolves.toMatch(/Settings saved/);
    await page.reload();
    expect(await page.getByRole("radio", { name: /Multi/ }).isChecked()).toBe(true);
    expect(await page.getByLabel("Telecom").isChecked()).toBe(true);
    expect(await page.getByLabel("Travel").isChecked()).toBe(true);
    expect(await page.getByLabel("Saas").isChecked()).toBe(false);
    await screenshot(page, "settings");
    const t = (await api("/v1/tenant")).body.data as { support_type_mode: string; support_types_allowed: string[] };
    expect(t.support_type_mode).toBe("multi");
    expect([...t.support_types_allowed].sort()).toEqual(["telecom", "travel"]);

    // multi with nothing allowed: the API's own message, nothing saved
    await page.getByLabel("Telecom").uncheck();
    await page.getByLabel("Travel").uncheck();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBe("support_types_allowed: must list at least one vertical when support_type_mode is multi");
    const after = (await api("/v1/tenant")).body.data as { support_types_allowed: string[] };
    expect(after.support_types_allowed.sort()).toEqual(["telecom", "travel"]);
  });

  it("3. connects Zendesk by hand; the webhook URL is shown and copies", async () => {
    await page.getByRole("link", { name: "Helpdesks" }).click();
    await expect(h1().textContent()).resolves.toBe("Helpdesks");
    await page.getByRole("button", { name: "Connect Zendesk" }).click();
    await expect(h1().textContent()).resolves.toBe("Connect Zendesk");
    await page.getByLabel("Zendesk subdomain").fill("globex");
    await page.getByLabel("Agent e-mail").fill("admin@globex.example");
    await page.getByLabel("Agent user id").fill("12345");
    await page.getByLabel(/^API token/).fill("zd-token-globex");
    await screenshot(page, "connect-zendesk");
    await page.getByRole("button", { name: "Connect" }).click();
    await expect(h1().textContent()).resolves.toBe("Zendesk connected");
    const url = await page.getByLabel("Webhook URL").inputValue();
    const inst = await p.db.prisma.installation.findFirstOrThrow({ where: { account: "globex", tenantId: p.tenantId } });
    expect(url).toMatch(new RegExp(`/webhooks/zendesk/${inst.id}$`));
    expect(inst.status).toBe("pending");
    await page.getByRole("button", { name: "Copy webhook URL" }).click();
    await waitFor(async () => (await page.evaluate(() => navigator.clipboard.readText())) === url, 5_000, "the clipboard to hold the URL");
    await screenshot(page, "zendesk-connected");

    // the card shows it too, and a signing secret makes it active
    await page.getByRole("link", { name: "All helpdesks" }).click();
    await page.getByLabel("Signing secret").first().waitFor();
    const card = page.getByRole("region", { name: "Zendesk · globex" });
    expect(await card.getByLabel("Webhook URL").inputValue()).toBe(url);
    await card.getByLabel("Signing secret").fill("whsec_globex_secret_value");
    await card.getByRole("button", { name: "Save signing secret" }).click();
    await expect(page.getByRole("status").first().textContent()).resolves.toMatch(/Signing secret saved/);
    expect(await page.getByRole("region", { name: "Zendesk · globex" }).locator("[data-status]").textContent()).toBe("active");
    await screenshot(page, "helpdesks");

    // a wrong field gets the CLI's message, naming the field
    await goto("/console/helpdesks/connect/zendesk");
    await page.getByLabel("Zendesk subdomain").fill("not a subdomain!");
    await page.getByLabel("Agent e-mail").fill("admin@globex.example");
    await page.getByLabel("Agent user id").fill("12345");
    await page.getByLabel(/^API token/).fill("t");
    await page.getByRole("button", { name: "Connect" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toMatch(/^--subdomain must be a Zendesk subdomain/);
  });

  it("4. a signed webhook arrives: the delivery shows done, the customer shows with the note", async () => {
    zd.addUser({ id: 601, name: "Priya Raman", email: "priya@example.com", external_id: "crm-601" });
    zd.addTicket({ id: 8101, subject: "Roaming not working", requester_id: 601, comments: [{ body: "My SIM has no data while roaming in Spain since Monday. I need it fixed before my trip on Friday." }] });
    await sendTicket(8101, 601, "Roaming not working");

    await page.getByRole("link", { name: "Deliveries" }).click();
    await expect(h1().textContent()).resolves.toBe("Deliveries");
    const row = page.getByRole("row", { name: /8101/ });
    expect(await row.locator("[data-status]").textContent()).toBe("done");
    await screenshot(page, "deliveries");
    await row.getByRole("link").click();
    await expect(h1().textContent()).resolves.toMatch(/^Delivery /);
    expect(await page.getByRole("link", { name: "ticket 8101" }).getAttribute("href")).toBe("https://acme.zendesk.com/agent/tickets/8101");
    await screenshot(page, "delivery");

    await page.getByRole("link", { name: "Customers" }).click();
    await expect(h1().textContent()).resolves.toBe("Customers");
    await page.getByLabel("External user id").fill("crm-6");
    await page.getByRole("button", { name: "Search" }).click();
    await screenshot(page, "customers");
    await page.getByRole("link", { name: "crm-601" }).click();
    await expect(h1().textContent()).resolves.toBe("Customer crm-601");
    const note = await page.locator(".note-body").textContent();
    expect(note).toMatch(/roaming/i);
    expect(note).not.toMatch(/<[a-z]/i);
    // provenance: a claim links to its ticket
    expect(await page.getByRole("link", { name: /ticket 8101/ }).count()).toBeGreaterThan(0);
    await screenshot(page, "customer");

    // with data, the overview draws its charts from the admin API
    await page.getByRole("link", { name: "Overview" }).click();
    await page.waitForFunction(() => document.body.getAttribute("data-charts") !== null);
    expect(await page.evaluate(() => document.body.getAttribute("data-charts"))).toBe("drawn");
    expect(await page.locator("canvas").count()).toBe(3);
    await screenshot(page, "overview");
  });

  it("5. a delivery made to fail shows dead; Replay turns it done", async () => {
    zd.addUser({ id: 602, name: "Tomás Ruiz", email: "tomas@example.com", external_id: "crm-602" });
    zd.addTicket({ id: 8102, subject: "Invoice twice", requester_id: 602, comments: [{ body: "I was charged twice for invoice INV-2291, please refund one." }] });
    zd.failNext(/^GET \/api\/v2\/tickets\/8102\.json$/, { status: 422 });
    await sendTicket(8102, 602, "Invoice twice");
    await goto("/console/deliveries?status=dead");
    const row = page.getByRole("row", { name: /8102/ });
    expect(await row.locator("[data-status]").textContent()).toBe("dead");
    await row.getByRole("link").click();
    expect(await page.locator("dd [data-status]").textContent()).toBe("dead");
    await screenshot(page, "delivery-dead");
    await page.getByRole("button", { name: "Replay" }).click();
    await reloadUntil(async () => (await page.locator("dd [data-status]").textContent()) === "done", "the replayed delivery to be done");
    await screenshot(page, "delivery-replayed");
  });

  it("a helpdesk that refuses our credentials shows needs_reauth; Reconnect by hand brings it back and its held delivery is done", async () => {
    zd.addUser({ id: 604, name: "Ines Duarte", email: "ines@example.com", external_id: "crm-604" });
    zd.addTicket({ id: 8104, subject: "Porting my number", requester_id: 604, comments: [{ body: "My number port from the old carrier failed twice, please help before Friday." }] });
    // the API token was revoked at Zendesk: it answers 401
    zd.failNext(/^GET \/api\/v2\/tickets\/8104\.json$/, { status: 401, body: { error: "Couldn't authenticate you" } });
    const body = JSON.stringify(ticketCreatedEvent({ ticketId: 8104, requesterId: 604, subject: "Porting my number" }));
    expect((await request(p.app).post(`/webhooks/zendesk/${p.zendesk.id}`).set(zendeskHeaders(body)).send(body)).status).toBe(200);
    const held = () => p.db.prisma.webhookDelivery.findMany({ where: { installationId: p.zendesk.id, status: "held" } });
    await waitFor(async () => (await held()).length === 1, 30_000, "the delivery held");
    const heldId = (await held())[0]!.id;

    await goto("/console/helpdesks");
    const card = page.getByRole("region", { name: "Zendesk · acme" });
    expect(await card.locator("[data-status]").textContent()).toBe("needs_reauth");
    const alert = card.getByRole("alert", { name: "Needs reconnecting" });
    await expect(alert.textContent()).resolves.toMatch(/Needs reconnecting\. Zendesk refused our credentials: zendesk refused the credentials \(401\)\. .*held/);
    await screenshot(page, "helpdesk-needs-reauth");
    // without an OAuth client, Reconnect is the form for new credentials
    await alert.getByRole("button", { name: "Reconnect" }).click();
    await expect(h1().textContent()).resolves.toBe("Reconnect Zendesk · acme");
    await page.getByRole("button", { name: "Reconnect" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toBe("Give at least one new credential.");
    await page.getByLabel(/^API token/).fill("zd-api-token-rotated");
    await screenshot(page, "helpdesk-reconnect");
    await page.getByRole("button", { name: "Reconnect" }).click();
    await expect(h1().textContent()).resolves.toBe("Helpdesks");
    await expect(page.getByRole("status").first().textContent()).resolves.toMatch(/Connected again/);
    expect(await page.getByRole("region", { name: "Zendesk · acme" }).locator("[data-status]").textContent()).toBe("active");
    expect(await page.getByRole("region", { name: "Zendesk · acme" }).getByRole("alert").count()).toBe(0);
    const row = await p.db.prisma.installation.findUniqueOrThrow({ where: { id: p.zendesk.id } });
    expect(row.statusReason).toBeNull();
    await screenshot(page, "helpdesk-reconnected");
    await settled(p.db, 60_000);
    expect((await p.db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: heldId } })).status).toBe("done");
    expect(zd.notesOn(8104)).toHaveLength(1);
  });

  it("6. forgets a customer: gone from the list and the API", async () => {
    await goto("/console/customers");
    await page.getByRole("link", { name: "crm-602" }).click();
    await page.getByRole("link", { name: "Forget this customer" }).click();
    await expect(h1().textContent()).resolves.toBe("Forget this customer");
    await screenshot(page, "forget-confirm");
    await page.getByRole("button", { name: "Yes, forget crm-602" }).click();
    await expect(page.getByRole("status").first().textContent()).resolves.toMatch(/forgotten/);
    expect(await page.getByRole("link", { name: "crm-602" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "crm-601" }).count()).toBe(1);
    expect((await api("/v1/customers/crm-602")).status).toBe(404);
  });

  it("7. a customer's <img onerror> is shown as text: no dialog, no script", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    zd.addUser({ id: 603, name: evil, email: "eve@example.com", external_id: evil });
    zd.addTicket({ id: 8103, subject: evil, requester_id: 603, comments: [{ body: `${evil} my order ORD-5521 never arrived, where is it?` }] });
    await sendTicket(8103, 603, evil);
    await goto("/console/customers");
    await page.getByRole("link", { name: evil }).click();
    await expect(h1().textContent()).resolves.toBe(`Customer ${evil}`);
    await screenshot(page, "customer-xss");
    await goto("/console/deliveries");
    await page.getByRole("row", { name: /8103/ }).getByRole("link").click();
    await screenshot(page, "delivery-xss");
    expect(dialogs).toEqual([]);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await goto(`/console/customers/${encodeURIComponent(evil)}`);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator("main").textContent()).toContain(evil);
    expect(dialogs).toEqual([]);
  });

  it("8. a form sent without its CSRF token is refused", async () => {
    await goto("/console/settings");
    await page.getByRole("radio", { name: /Auto/ }).check();
    await page.evaluate(() => document.querySelectorAll('main input[name="_csrf"]').forEach((e) => e.remove()));
    await page.getByRole("button", { name: "Save" }).click();
    await expect(h1().textContent()).resolves.toBe("Refused");
    await screenshot(page, "csrf-refused");
    const t = (await api("/v1/tenant")).body.data as { support_type_mode: string };
    expect(t.support_type_mode).toBe("multi");
    // the admin API too: the session cookie alone does not make a change
    const status = await page.evaluate(async () => (await fetch("/v1/admin/keys", { method: "POST", body: "{}" })).status);
    expect(status).toBe(403);
  });

  it("creates and revokes an API key, and signing out ends the session on the server", async () => {
    await goto("/console/keys");
    await page.getByLabel("Label").fill("support bot");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = await page.getByLabel("New API key").inputValue();
    expect(key).toMatch(/^mem_/);
    await screenshot(page, "keys");
    expect((await api("/v1/tenant", key)).status).toBe(200);
    await goto("/console/keys");
    expect(await page.content()).not.toContain(key);
    const row = page.getByRole("row", { name: /support bot/ });
    await row.getByRole("button", { name: /^Revoke/ }).click();
    expect((await api("/v1/tenant", key)).status).toBe(401);

    const cookie = (await b.context.cookies(origin)).find((c) => c.name === "hm_session")!.value;
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(h1().textContent()).resolves.toBe("Sign in");
    // the old cookie, replayed, no longer opens anything
    const r = await request(p.app).get("/v1/admin/overview").set("cookie", `hm_session=${cookie}`);
    expect(r.status).toBe(401);
  });

  it("every page of these journeys worked under the CSP: nothing of ours was refused", () => {
    expect(cspViolations).toEqual([]);
  });
});
