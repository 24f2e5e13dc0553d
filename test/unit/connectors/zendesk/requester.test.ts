import nock from "nock";
import { ProviderError, type InstallationInfo } from "../../../../connectors/types";
import { createZendeskClient } from "../../../../connectors/zendesk/client";
import { resolveZendeskRequester } from "../../../../connectors/zendesk/requester";
import { fixture } from "./fixtures";

const BASE = "https://acme-support.zendesk.com";
const inst: InstallationInfo = {
  id: "inst_1",
  tenantId: "t_1",
  provider: "zendesk",
  account: "acme-support",
  settings: { email: "memory-bot@acme.example", agentId: "8447388099001" },
  secrets: { apiToken: "zd-api-token-123" },
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("resolveZendeskRequester", () => {
  it("reads id, external_id, e-mail, verification and name from GET /users/{id}", async () => {
    nock(BASE).get("/api/v2/users/8447388090494.json").reply(200, fixture("user.json"));
    await expect(resolveZendeskRequester(createZendeskClient(inst), "8447388090494")).resolves.toEqual({
      providerUserRef: "8447388090494",
      externalId: "crm-000184",
      email: "dana.customer@example.com",
      emailVerified: true,
      name: "Dana Customer",
    });
  });

  it.each([
    ["no external id, unverified", { external_id: null, verified: false }, { providerUserRef: "8447388090494", email: "dana.customer@example.com", emailVerified: false, name: "Dana Customer" }],
    ["an empty external id", { external_id: "" }, { providerUserRef: "8447388090494", email: "dana.customer@example.com", emailVerified: true, name: "Dana Customer" }],
    ["a numeric external id", { external_id: 184 }, { providerUserRef: "8447388090494", externalId: "184", email: "dana.customer@example.com", emailVerified: true, name: "Dana Customer" }],
    ["no e-mail (a messaging user)", { email: null, verified: false, name: "Web User 65a1f3" }, { providerUserRef: "8447388090494", externalId: "crm-000184", emailVerified: false, name: "Web User 65a1f3" }],
  ])("with %s", async (_name, over, expected) => {
    const user = fixture("user.json").user as Record<string, unknown>;
    nock(BASE).get("/api/v2/users/8447388090494.json").reply(200, { user: { ...user, ...over } });
    await expect(resolveZendeskRequester(createZendeskClient(inst), "8447388090494")).resolves.toEqual(expected);
  });

  it("reports a deleted or merged-away user as a 404 that is not retried", async () => {
    nock(BASE).get("/api/v2/users/8447388090611.json").reply(404, { error: "RecordNotFound", description: "Not found" });
    const error = await resolveZendeskRequester(createZendeskClient(inst), "8447388090611").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect([(error as ProviderError).status, (error as ProviderError).retryable]).toEqual([404, false]);
  });
});
