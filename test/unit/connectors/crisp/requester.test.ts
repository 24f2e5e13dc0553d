import nock from "nock";
import { createCrispClient } from "../../../../connectors/crisp/client";
import { resolveCrispRequester } from "../../../../connectors/crisp/requester";
import { ProviderError } from "../../../../connectors/types";
import { API, BASIC, fixture, installation, PEOPLE, SESSION, WEBSITE } from "./fixtures";

const PEOPLE_DATA = `/v1/website/${WEBSITE}/people/data/${PEOPLE}`;
const CONVERSATION = `/v1/website/${WEBSITE}/conversation/${SESSION}`;
const REF = `${PEOPLE}/${SESSION}`;

function conversation(over: Record<string, unknown> = {}) {
  const body = fixture("conversation.json") as { data: Record<string, unknown> };
  return { ...body, data: { ...body.data, ...over } };
}

function peopleData(data: Record<string, unknown>) {
  return { error: false, reason: "resolved", data: { data } };
}

const client = () => createCrispClient(installation());

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("resolveCrispRequester", () => {
  it("takes the company's id from the contact's people data, and the e-mail the conversation verified", async () => {
    nock(API).matchHeader("authorization", BASIC).get(PEOPLE_DATA).reply(200, fixture("people-data.json"));
    nock(API).matchHeader("authorization", BASIC).get(CONVERSATION).reply(200, conversation());
    expect(await resolveCrispRequester(client(), REF)).toEqual({
      providerUserRef: PEOPLE,
      externalId: "cust-20931",
      email: "lucia.moreno@example.com", // from verifications[], not meta.email
      emailVerified: true,
      name: "Lucia Moreno",
    });
  });

  const cases: [string, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>][] = [
    ["no company id, a verified e-mail", {}, {}, { externalId: undefined, email: "lucia.moreno@example.com", emailVerified: true }],
    ["external_id wins over user_id", { user_id: "u-1", external_id: "ext-9" }, {}, { externalId: "ext-9" }],
    ["a numeric customer_id", { customer_id: 48211 }, {}, { externalId: "48211" }],
    ["only the visitor-typed meta.email", {}, { verifications: [] }, { email: undefined, emailVerified: false }],
    ["a verification by an untrusted method", {}, { verifications: [{ identity: "email", method: "none", annotation: "x@example.com" }] }, { email: undefined, emailVerified: false }],
    ["a phone verification", {}, { verifications: [{ identity: "phone", method: "sdk", annotation: "+34600000000" }] }, { email: undefined, emailVerified: false }],
    ["a session bound to another contact since", {}, { people_id: "99999999-1d3f-4a5b-9c7e-0f2d4b6a8c1e" }, { email: undefined, emailVerified: false, name: undefined }],
    ["Crisp's made-up nickname", {}, { meta: { nickname: "visitor493603" } }, { name: undefined }],
  ];
  it.each(cases)("with %s", async (_name, data, conv, expected) => {
    nock(API).get(PEOPLE_DATA).reply(200, peopleData(data));
    nock(API).get(CONVERSATION).reply(200, conversation(conv));
    const identity = await resolveCrispRequester(client(), REF);
    expect(identity.providerUserRef).toBe(PEOPLE);
    for (const [k, v] of Object.entries(expected)) expect(identity[k as keyof typeof identity]).toEqual(v);
  });

  it("is the same person, with the same ref, from two sessions of one contact", async () => {
    const other = "session_00000000-1111-4222-8333-444444444444";
    nock(API).persist().get(PEOPLE_DATA).reply(200, peopleData({}));
    nock(API).get(CONVERSATION).reply(200, conversation({ verifications: [] }));
    nock(API).get(`/v1/website/${WEBSITE}/conversation/${other}`).reply(200, conversation({ session_id: other, verifications: [] }));
    const a = await resolveCrispRequester(client(), REF);
    const b = await resolveCrispRequester(client(), `${PEOPLE}/${other}`);
    expect(a.providerUserRef).toBe(PEOPLE);
    expect(b).toEqual(a);
  });

  it("never takes a session id for a person", async () => {
    const error = await resolveCrispRequester(client(), SESSION).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).retryable).toBe(false);
  });
});
