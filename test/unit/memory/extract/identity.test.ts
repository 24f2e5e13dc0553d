// Who the customer says they are. Agent names never become the customer's.
import { extract } from "./run";

describe("customer identity", () => {
  it.each<[string | string[], Record<string, string>]>([
    ["Hi, I'm Priya. My UPI payment failed.", { name: "Priya" }],
    ["This is John from Acme, our Slack integration broke.", { name: "John" }],
    ["My name is Maria Fernanda Lopez and my flight was cancelled.", { name: "Maria Fernanda Lopez" }],
    ["The parcel never came.\nThanks, Maria", { name: "Maria" }],
    ["Kwame here — the router keeps rebooting.", { name: "Kwame" }],
    ["Me llamo Sofía y mi pedido no llegó.", { name: "Sofía" }],
    ["We're on the Enterprise plan and SSO is down.", { tier: "Enterprise" }],
    ["I'm a Gold member and my upgrade wasn't applied.", { tier: "Gold" }],
    // the tier they are on, not the one they ask about
    ["We're on the Pro plan and want to upgrade to the Enterprise plan", { tier: "Pro" }],
    ["As a premium customer I expect better than this.", { tier: "Premium" }],
    ["I've been a customer for 5 years and never had this problem.", { customer_since: "5 years" }],
    ["Loyal customer since 2019, please help.", { customer_since: "2019" }],
    ["My customer ID is CUST-88213 and the invoice is wrong.", { account_ref: "CUST-88213" }],
    ["Account ACC-4471 cannot log in.", { account_ref: "ACC-4471" }],
    // a signature block: the name, then a title and a company under it
    ["Does the annual plan include priority support? Thanks, Maria Lopez\nHead of Operations, Brightline Ltd", { name: "Maria Lopez", company: "Brightline Ltd" }],
    ["The export is broken.\n\nBest regards,\nTom Becker\nAcme GmbH\n+49 30 1234567", { name: "Tom Becker", company: "Acme GmbH" }],
    ["The invoice is wrong.\n\nMit freundlichen Grüßen,\nKlaus Meyer", { name: "Klaus Meyer" }],
    ["Please refund me.\n\nYours faithfully,\nR. Venkataraman", { name: "R. Venkataraman" }],
    ["Export is broken.\n\nBest, Tom Becker, CTO @ Fernwood Labs", { name: "Tom Becker" }],
    ["Cordialement,\nJean Martin", { name: "Jean Martin" }],
    ["Hi, the app crashes.\nCompany: Blue Fern Ltd\nThanks, Ana", { name: "Ana", company: "Blue Fern Ltd" }],
  ])("%s", (text, expected) => {
    expect(extract(text).customer_identity).toMatchObject(expected);
  });

  it.each<[string, string]>([
    ["how much is the Premium plan?", "Premium"],
    ["We'd like to upgrade from Pro to the Enterprise plan next month", "Enterprise"],
  ])("takes no tier from a tier asked about: %s", (text, asked) => {
    expect(extract(text).customer_identity.tier).not.toBe(asked);
  });

  it.each([
    "I'm not happy with this at all.",
    "This is ridiculous, my card was declined again.",
    "I'm Still waiting for the refund.",
    "This is URGENT please.",
    "I am writing about order 5512.",
    "Thanks,\nThe Support Team",
    "thanks, I will wait for your reply",
  ])("takes no name from %s", (text) => {
    expect(extract(text).customer_identity.name).toBeUndefined();
  });

  it("never takes the agent's name, even when the customer thanks the agent by name", () => {
    const out = extract(["Hi, my refund is missing.", "agent: Hi, I'm Carlos from support, I've issued it now.", "Great, thanks, Carlos"]);
    expect(out.customer_identity.name).toBeUndefined();
  });

  it("never reads an account number as a reference, nor a redacted one", () => {
    expect(extract("My account number is 123456789012 and the transfer failed.").customer_identity.account_ref).toBeUndefined();
    expect(extract("Account [REDACTED:bank_account] was debited twice.").customer_identity.account_ref).toBeUndefined();
  });

  it.each([
    ["Hi, I am Maria Lopez from Acme Corp. Our SSO has been down since yesterday.", "Acme Corp"],
    ["I work at Globex and our invoices are wrong.", "Globex"],
    ["Writing on behalf of Initech Ltd. about the renewal.", "Initech Ltd"],
    ["Our company, Stark Industries, has 40 seats on your plan.", "Stark Industries"],
    ["Hallo, hier ist Anna from Müller GmbH.", "Müller GmbH"],
  ])("takes the company the customer writes for: %s", (text, company) => {
    expect(extract(text).customer_identity.company).toBe(company);
  });

  it.each(["I'm John from London and my order is late.", "I work for a small bakery.", "Hello from Support", "We integrate with Stripe.", "I'm writing on behalf of John Smith, my father."])("takes no company from %s", (text) => {
    expect(extract(text).customer_identity.company).toBeUndefined();
  });
});
