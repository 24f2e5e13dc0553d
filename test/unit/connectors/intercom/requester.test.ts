import nock from "nock";
import { createIntercomClient } from "../../../../connectors/intercom/client";
import { resolveIntercomRequester } from "../../../../connectors/intercom/requester";
import { ProviderError } from "../../../../connectors/types";
import { fixture, installation, LEAD, TOKEN, USER } from "./fixtures";

const API = "https://api.intercom.io";
const client = () => createIntercomClient(installation(), { maxRetries: 0 });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("resolveIntercomRequester", () => {
  it("a user: contact id, the company's external_id, e-mail (unverified) and name", async () => {
    const scope = nock(API).matchHeader("authorization", `Bearer ${TOKEN}`).get(`/contacts/${USER}`).reply(200, fixture("contact-api.json"));
    expect(await resolveIntercomRequester(client(), USER)).toEqual({
      providerUserRef: USER,
      externalId: "cust-70412",
      email: "priya@example.com",
      emailVerified: false,
      name: "Priya Raman",
    });
    expect(scope.isDone()).toBe(true);
  });

  it("a lead: no external_id, no e-mail", async () => {
    nock(API).get(`/contacts/${LEAD}`).reply(200, fixture("contact-lead-api.json"));
    expect(await resolveIntercomRequester(client(), LEAD)).toEqual({ providerUserRef: LEAD, emailVerified: false, name: "Visitor 4821" });
  });

  it("an e-mail is verified only when Intercom says so", async () => {
    nock(API).get(`/contacts/${USER}`).reply(200, { ...fixture("contact-api.json"), email_verified: true });
    expect(await resolveIntercomRequester(client(), USER)).toMatchObject({ emailVerified: true });
  });

  it("a merged-away lead (404) resolves by its id alone, for the merge's alias to find", async () => {
    nock(API).get(`/contacts/${LEAD}`).reply(404, { type: "error.list", errors: [{ code: "not_found", message: "User Not Found" }] });
    expect(await resolveIntercomRequester(client(), LEAD)).toEqual({ providerUserRef: LEAD, emailVerified: false });
  });

  it("other failures are ProviderErrors for the queue", async () => {
    nock(API).get(`/contacts/${USER}`).reply(401, { type: "error.list", errors: [{ code: "unauthorized", message: "Access Token Invalid" }] });
    await expect(resolveIntercomRequester(client(), USER)).rejects.toMatchObject({ status: 401, retryable: false });
    await expect(resolveIntercomRequester(client(), "a/b")).rejects.toBeInstanceOf(ProviderError);
  });
});
