import { decideExternalUserId, emailIdentityKey, externalIdKey, fallbackId, helpdeskUserKey, type IdentityDecision, type IdentityFacts } from "../../../src/identity/decide";

const FALLBACK = "zd_acme_42";
const gen = (id: string) => ({ id, external: false });
const ext = (id: string) => ({ id, external: true });

// [case, facts (fallbackId and verifiedEmail default), expected decision]
const cases: [string, Partial<IdentityFacts>, IdentityDecision][] = [
  ["first sight, nothing known", {}, { externalUserId: FALLBACK, rule: "new", merge: [] }],
  ["seen before", { userLinked: gen(FALLBACK) }, { externalUserId: FALLBACK, rule: "helpdesk_user", merge: [] }],
  ["external_id on first sight", { externalId: "cust-9" }, { externalUserId: "cust-9", rule: "external_id", merge: [] }],
  ["external_id set later: the fallback id merges in", { externalId: "cust-9", userLinked: gen(FALLBACK) }, { externalUserId: "cust-9", rule: "external_id", merge: [FALLBACK] }],
  ["external_id changed by the company: the old one merges in", { externalId: "cust-10", userLinked: ext("cust-9") }, { externalUserId: "cust-10", rule: "external_id", merge: ["cust-9"] }],
  ["external_id unchanged", { externalId: "cust-9", userLinked: ext("cust-9") }, { externalUserId: "cust-9", rule: "external_id", merge: [] }],
  [
    "external_id wins over a verified e-mail linked to a generated id, which merges in",
    { externalId: "cust-9", verifiedEmail: true, emailLinked: gen("ic_app_5") },
    { externalUserId: "cust-9", rule: "external_id", merge: ["ic_app_5"] },
  ],
  [
    "two company ids sharing a verified mailbox stay two customers",
    { externalId: "cust-9", verifiedEmail: true, emailLinked: ext("cust-8") },
    { externalUserId: "cust-9", rule: "external_id", merge: [] },
  ],
  [
    "both the old user id and the e-mail's id merge, once each",
    { externalId: "cust-9", verifiedEmail: true, emailLinked: gen(FALLBACK), userLinked: gen(FALLBACK) },
    { externalUserId: "cust-9", rule: "external_id", merge: [FALLBACK] },
  ],
  ["verified e-mail links across helpdesks", { verifiedEmail: true, emailLinked: gen("ic_app_5") }, { externalUserId: "ic_app_5", rule: "verified_email", merge: [] }],
  [
    "verified e-mail linked to a company id",
    { verifiedEmail: true, emailLinked: ext("cust-9"), userLinked: gen(FALLBACK) },
    { externalUserId: "cust-9", rule: "verified_email", merge: [FALLBACK] },
  ],
  [
    "e-mail verified later: this user's own id merges into the e-mail's customer",
    { verifiedEmail: true, emailLinked: gen("ic_app_5"), userLinked: gen(FALLBACK) },
    { externalUserId: "ic_app_5", rule: "verified_email", merge: [FALLBACK] },
  ],
  [
    "an unverified e-mail never links (even when a link exists)",
    { verifiedEmail: false, emailLinked: gen("ic_app_5"), userLinked: gen(FALLBACK) },
    { externalUserId: FALLBACK, rule: "helpdesk_user", merge: [] },
  ],
  ["an unverified e-mail on first sight", { verifiedEmail: false, emailLinked: gen("ic_app_5") }, { externalUserId: FALLBACK, rule: "new", merge: [] }],
  ["verified e-mail not seen before", { verifiedEmail: true, userLinked: gen(FALLBACK) }, { externalUserId: FALLBACK, rule: "helpdesk_user", merge: [] }],
  [
    "external_id missing from this payload: the company id the user had is kept",
    { userLinked: ext("cust-9"), verifiedEmail: true, emailLinked: gen("ic_app_5") },
    { externalUserId: "cust-9", rule: "kept_external_id", merge: ["ic_app_5"] },
  ],
  [
    "kept company id, e-mail on another company id: no merge",
    { userLinked: ext("cust-9"), verifiedEmail: true, emailLinked: ext("cust-8") },
    { externalUserId: "cust-9", rule: "kept_external_id", merge: [] },
  ],
];

describe("decideExternalUserId", () => {
  it.each(cases)("%s", (_name, facts, expected) => {
    expect(decideExternalUserId({ fallbackId: FALLBACK, verifiedEmail: false, ...facts })).toEqual(expected);
  });
});

describe("identity keys", () => {
  it.each([
    [helpdeskUserKey("zendesk", "acme", "42"), "zendesk:acme:user:42"],
    [emailIdentityKey("ab12"), "email:ab12"],
    [externalIdKey("cust-9"), "external:cust-9"],
    [fallbackId("zd", "acme", "42"), "zd_acme_42"],
    [fallbackId("cr", "42286ab3-e7c5-4b9f-9a3a-6b2a3e9c0d11", "session_1"), "cr_42286ab3-e7c5-4b9f-9a3a-6b2a3e9c0d11_session_1"],
  ])("%s", (actual, expected) => expect(actual).toBe(expected));
});
