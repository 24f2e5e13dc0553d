// The rule files' format: groups written one alternative per line, fragments, and errors that
// name the file and line. The shipped files are read at import, so importing them is a test too.
import fs from "node:fs";
import path from "node:path";
import { detectIssue, hasSubstance, issueVerticalHint, prepareMessage, scanRules } from "../../../../src/memory/extract/issue";
import type { Vertical } from "../../../../src/memory/types";
import { ISSUE_RULES, parseRules, readFragments, RULE_FILES } from "../../../../src/memory/extract/issue-rules";
import { kindOf, kindWith, sureOf } from "./issue-rules-helpers";

const DIR = path.join(__dirname, "../../../../src/memory/extract/issue-rules");

describe("issue rule files", () => {
  it("every file is read, every rule has a kind and a pattern, and lines stay readable", () => {
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".rules"));
    expect(files.sort()).toEqual([...RULE_FILES, "fragments"].map((f) => `${f}.rules`).sort());
    expect(ISSUE_RULES.length).toBeGreaterThan(50);
    for (const r of ISSUE_RULES) expect(r.type).toMatch(/^[a-z_]+$/);
    for (const f of files) for (const line of fs.readFileSync(path.join(DIR, f), "utf8").split("\n")) expect(line.length).toBeLessThanOrEqual(300);
  });

  it("joins a group's indented lines, a key's lines and fragments into one pattern", () => {
    const fragments = readFragments("FAIL: failed\nFAIL: declined\nNOT: not (?:{FAIL})\n", "f.rules");
    const [rule] = parseRules("[demo]\nweight: 3\nany: \\b(?:\n    card\n    wallet\n  )\\b\nany: upi\nwith: {NOT}\n", "d.rules", fragments);
    expect(rule!.any.source).toBe(String.raw`\b(?:card|wallet)\b|upi`);
    expect(rule!.with!.source).toBe("not (?:failed|declined)");
    expect(rule!.any.test("my wallet")).toBe(true);
  });

  it.each([
    ["weight: 3\n", /d\.rules:1: "weight" before the first \[kind\]/],
    ["[demo]\nweight: x\nany: a\n", /d\.rules:1 \[demo\]: weight must be a number/],
    ["[demo]\nweight: 3\n", /a rule needs at least one "any" line/],
    ["[demo]\nweight: 3\nany: (?:\n    a\nwith: b\n", /d\.rules:5: the group opened on line 3 is not closed/],
    ["[demo]\nweight: 3\nany: {MISSING}\n", /d\.rules:3: no fragment named MISSING/],
    ["[demo]\nweight: 3\nverticals: shipping\nany: a\n", /unknown vertical "shipping"/],
    ["[demo]\nweight: 3\nwhen: a\nany: a\n", /unknown key "when"/],
  ])("rejects %j", (text, message) => {
    expect(() => parseRules(text, "d.rules", new Map())).toThrow(message);
  });
});

// Asking for a person is an issue of its own, the least specific: a problem named with it wins.
describe("asking for a person", () => {
  it("thanks with a request in it is the request", () => {
    const advice = sureOf("appointment_request", "banking_fintech");
    expect(kindWith("thanks get me an appointment with an advisor", "banking_fintech", advice)).toBe("appointment_request");
    expect(kindWith("thanks so much, you were great", "banking_fintech", advice)).toBeUndefined();
  });
  it.each([
    ["hey give me a real person", "banking_fintech", "contact_request"],
    ["please let me speak with someone else", "banking_fintech", "contact_request"],
    ["Can I speak directly with the reception?", "travel", "contact_request"],
    ["Transfer me to room service", "travel", "contact_request"],
    ["get me your manager on the line", "saas", "contact_request"],
    ["My card was declined at the shop, I want to talk to a human", "banking_fintech", "card_declined"],
    ["Please call me back on my mobile, it's urgent", "telecom", "contact_request"],
    ["can someone give me a ring this afternoon", "ecommerce", "contact_request"],
    ["My internet is down since Monday, please call me back", "telecom", "network_outage"],
    ["I'd like to talk to the billing department", "saas", "contact_request"],
    ["housekeeping team, please", "travel", "contact_request"],
    ["Can I speak to the duty manager?", "travel", "contact_request"],
    ["I want to speak to the billing team about a double charge on my card", "banking_fintech", "duplicate_charge"],
  ] as const)("%s (%s) → %s", (text, vertical, kind) => {
    expect(kindOf(text, vertical)).toBe(kind);
  });
  it("not when the customer says there is no need", () => {
    expect(kindOf("No, you don't need to transfer me to a real person", "banking_fintech")).not.toBe("contact_request");
    expect(kindOf("please don't call me, email only", "telecom")).not.toBe("contact_request");
  });
});

// Asking to see one's own money, or what the bank charges, is a question; a problem named with it wins.
describe("banking: questions about one's own money and the bank's prices", () => {
  it.each([
    ["Show me all my transactions from last month", "general_question"],
    ["could you list my recent direct debits please", "general_question"],
    ["how much did I spend on groceries in March?", "general_question"],
    ["Which week did I spend the most on restaurants?", "general_question"],
    ["What was my biggest payment in October?", "general_question"],
    ["What are your mortgage rates at the moment?", "general_question"],
    ["Show me my transactions, there is one I never made", "fraud_dispute"],
    ["I was charged twice for the same coffee, show me my payments", "duplicate_charge"],
  ])("%s → %s", (text, kind) => {
    expect(kindOf(text, "banking_fintech")).toBe(kind);
  });
});

// Stopping a recurring payment is payment_cancellation; one that was stopped, or one never made, is not.
describe("banking: stopping a direct debit or standing order", () => {
  it.each([
    ["please cancel my direct debit to the gym", "payment_cancellation"],
    ["I don't want the standing order to my landlord any more", "payment_cancellation"],
    ["Stop all recurring payments to Netflix from my account", "payment_cancellation"],
    ["that standing order is wrong, please remove it", "payment_cancellation"],
  ])("%s → %s", (text, kind) => {
    expect(kindOf(text, "banking_fintech")).toBe(kind);
  });
  it("a model sure of another kind does not overrule it: the debit is collected again if the request waits", () => {
    const text = "This is definitely a wrong standing order, please remove it.";
    expect(kindWith(text, "banking_fintech", sureOf("transaction_issue", "banking_fintech"))).toBe("payment_cancellation");
  });
  it.each(["why was my direct debit cancelled?", "I want to set up a standing order", "I want to cancel a direct debit I never authorised"])("not %s", (text) => {
    expect(kindOf(text, "banking_fintech")).not.toBe("payment_cancellation");
  });
});

// A request for help that names only the thing is a question: the model's specific kind would be a
// guess from the words around it ("I need help with my account" is not a cancellation).
describe("a request for help that names only the thing", () => {
  it.each([
    ["I need help with my account", "banking_fintech"],
    ["Hi, I need help with my card.", "banking_fintech"],
    ["my account", "banking_fintech"],
    ["I need help with my order", "ecommerce"],
    ["question about my booking", "travel"],
  ])("%s → general_question", (text, vertical) => {
    expect(kindOf(text, vertical as Vertical)).toBe("general_question");
  });
  it.each([
    ["I need my card activated.", "banking_fintech"],
    ["My transfer failed", "banking_fintech"],
    ["please close my account", "banking_fintech"],
    ["I need help with my order, it never arrived", "ecommerce"],
  ])("says more: %s", (text, vertical) => {
    expect(kindOf(text, vertical as Vertical)).not.toBe("general_question");
  });
});

// More or fewer seats on a plan is a plan change; a model sure of a failure does not read one into it.
describe("saas: seats on the plan", () => {
  it.each(["We need to add 5 more seats to our plan", "can we buy 3 extra licenses?", "please remove two seats from our subscription"])("%s → plan_change", (text) => {
    expect(kindOf(text, "saas")).toBe("plan_change");
  });
  const withFailureModel = (text: string) => kindWith(text, "saas", sureOf("billing_failed", "saas"));
  it("the model's failure does not overrule the rule where none is stated", () => {
    expect(withFailureModel("We need to add 5 more seats to our plan")).toBe("plan_change");
  });
  it("it does where one is", () => {
    expect(withFailureModel("We need to add 5 more seats to our plan but the card keeps getting declined")).toBe("billing_failed");
  });
});

// Asking for an amount back is a refund; cash back at a till or an ATM is not.
describe("an amount asked back", () => {
  it.each(["I know it's a small amount of money, but I want that 40€ back!", "Of course, I want all £32.88 back asap!"])("%s → refund_request", (text) => {
    expect(kindOf(text, "banking_fintech")).toBe("refund_request");
  });
  it.each(["please get back to me", "can I get cash back at the till?"])("not %s", (text) => {
    expect(kindOf(text, "banking_fintech")).not.toBe("refund_request");
  });
});

// Asking for a new or extra card is card_request; asking after one already requested is not.
describe("banking: asking for a new card", () => {
  it.each(["I want a new credit card", "I'd like to order a replacement card", "I need a new card, mine expires next month"])("%s → card_request", (text) => {
    expect(kindOf(text, "banking_fintech")).toBe("card_request");
  });
  it.each(["How much longer until I get my new card?", "my new card hasn't arrived yet", "When did you send me my new card?"])("not %s", (text) => {
    expect(kindOf(text, "banking_fintech")).not.toBe("card_request");
  });
});

// Small talk is a message of nothing but small talk; a word of it in a message about a problem
// ("put me through with a real person", "my favourite feature") leaves the message to the
// rules and the model.
describe("small talk", () => {
  const says = (text: string) => hasSubstance([prepareMessage({ content: text, index: 0 })]);
  it.each(["are you a real person?", "Are you a real person or a bot?", "tell me a joke", "good morning!", "lol", "what's the weather like today?", "who won the game last night?"])(
    "only small talk: %s",
    (text) => {
      expect(says(text)).toBe(false);
    },
  );
  it.each([
    "I demand a refund, put me through with a real person!",
    "hey give me a real person",
    "my favourite feature, the export, stopped working",
    "Hi, how are you? My order never arrived",
    "can you tell me something about the status of my refund",
    "My train is 3 hours late because of the weather",
    "lol my card got declined again",
  ])("says something: %s", (text) => {
    expect(says(text)).toBe(true);
  });
  it("a problem named with a word of small talk is still found", () => {
    expect(kindOf("my favourite feature, the export, stopped working", "saas")).toBeDefined();
  });
});

// A cancellation the customer says they do not want, or did not make, asks for none; the agent
// reading "asks to cancel" (and a churn risk) would be told the opposite of what was said.
describe("a cancellation denied", () => {
  it.each([
    ["I'm not going to cancel my subscription, don't worry", "saas"],
    ["I don't want to cancel my plan, I just want to pause it", "saas"],
    ["no need to cancel the order anymore", "ecommerce"],
    ["I never cancelled my booking but it's gone", "travel"],
  ])("%s is not a cancellation request", (text, vertical) => {
    const kind = kindOf(text, vertical as Vertical);
    expect(["cancellation_request", "order_cancellation", "booking_cancellation"]).not.toContain(kind);
    expect(kindWith(text, vertical as Vertical, sureOf("cancellation_request", vertical as Vertical))).not.toBe("cancellation_request");
  });
  it.each([
    ["please cancel my order, I didn't cancel the other one", "ecommerce", "order_cancellation"],
    ["I don't know how to cancel my subscription", "saas", "cancellation_request"],
    ["I didn't cancel my flight but the airline did", "travel", "flight_cancelled"],
  ])("still read where a cancellation is asked for or is the trip's fate: %s", (text, vertical, kind) => {
    expect(kindOf(text, vertical as Vertical)).toBe(kind);
  });
});

// Charged twice is more specific than a bill disputed, whichever vertical the bill is in.
describe("a double charge", () => {
  it.each(["banking_fintech", "telecom", "saas"])("is duplicate_charge, not bill_dispute, in %s", (vertical) => {
    expect(kindOf("I was charged twice for my March bill, invoice INV-2024-0032. Please take the extra charge off.", vertical as Vertical)).toBe("duplicate_charge");
  });
});

// A charge "instead of" the agreed amount, or an invoice that "still shows" the old price, is a
// billing problem, not the plan change asked for in passing.
describe("saas: billed wrong after a plan change", () => {
  it("the bill outweighs the seats asked for after it", () => {
    const messages = [
      "We upgraded to the Pro plan yesterday but the invoice still shows the Basic price and our card was charged 49 USD instead of 29.",
      "Also, can you add two more seats?",
    ].map((content, index) => prepareMessage({ content, index }));
    expect(["bill_dispute", "invoice_issue"]).toContain(detectIssue(messages, messages.map(scanRules), "saas", null, null)?.issue_type);
  });
});

// Registering is for anything (an account, a SIM, a product); a course's enrolment only where one is named.
describe("edtech: a registration problem", () => {
  it.each(["I can't register for the spring semester", "registration for the data science course keeps failing", "my exam registration is stuck"])(
    "for a course, it is enrolment: %s",
    (text) => {
      expect(kindOf(text, "edtech_support")).toBe("enrolment_issue");
    },
  );
  it.each(["can I report a registration issue?", "I do not know how to register, there is an error"])("for nothing named, it is not: %s", (text) => {
    expect(kindOf(text, "general_info")).not.toBe("enrolment_issue");
  });
});

// How much a rule's kind weighs in the choice of the vertical: a specific problem as much as a word and a half.
describe("the vertical a rule votes for", () => {
  const hintOf = (text: string) => {
    const m = prepareMessage({ content: text, index: 0 });
    return issueVerticalHint([scanRules(m)]);
  };
  it("a specific problem votes 4", () => {
    expect(hintOf("i can't seem to find my watch")).toEqual({ travel: 4 });
    expect(hintOf("my exam registration is stuck")).toEqual({ edtech_support: 4 });
  });
  it("a broad one votes 2", () => {
    expect(hintOf("ok, let me book for tonight then")).toEqual({ travel: 2 });
  });
  it("a kind of several verticals votes for none", () => {
    expect(hintOf("I can't log in")).toEqual({});
  });
});

describe("ecommerce: paying at the shop's checkout", () => {
  it.each([
    ["Hi, my card keeps getting declined at checkout, I've tried three times tonight. Is something wrong with your payment page?", "payment_failed"],
    ["my card was declined when I tried to order the trainers", "payment_failed"],
    ["I got the wrong size, I ordered a medium", "wrong_item"],
  ])("%s → %s", (text, kind) => {
    // the bank's rule (card_declined) wins on weight; on a shop, its sentence is read for the shop's subject
    expect(kindOf(text, "ecommerce")).toBe(kind);
  });

  it("\"something is wrong with\" names no wrong item", () => {
    expect(kindOf("something is wrong with your website, it keeps logging me out", "ecommerce")).not.toBe("wrong_item");
    expect(kindOf("Is something wrong with your payment page?", "ecommerce")).toBe("payment_failed");
  });
});

describe("saas: the sign-in itself broken", () => {
  it.each([
    "Google sign in button does nothing, just reloads the page",
    "the reset link goes to a blank page",
    "the app logs me out every few minutes and then I have to put everything in again",
    "Face ID stopped working for the app after the update, it just says 'authentication failed'",
  ])("%s → login_problem", (text) => {
    expect(kindOf(text, "saas")).toBe("login_problem");
  });
  it("a blank page elsewhere is a bug", () => {
    expect(kindOf("the reports page is blank since the update", "saas")).toBe("bug_report");
  });
});

describe("telecom: changing what the plan holds", () => {
  it.each([
    "switch me from prepaid to postpaid please",
    "take me off the daily plan and put me on monthly",
    "remove Disney+ from my bundle, never watch it",
    "Please drop the insurance add-on on my phone",
    "add a line for my son pls",
    "can you take off the international calling bolt-on",
    "kindly downgrade my postpaid plan from 999 to 599",
    "please increase my broadband speed to 1 gig",
  ])("%s → plan_change", (text) => {
    expect(kindOf(text, "telecom")).toBe("plan_change");
  });
  it.each(["my roaming pack was added but never activated", "the bolt-on I bought failed to apply"])("a fault named with it is the fault: %s", (text) => {
    expect(kindOf(text, "telecom")).not.toBe("plan_change");
  });
});

describe("ecommerce: changing an order before it ships", () => {
  it.each([
    "Just placed order 70033 and picked the wrong colour. Could you change it from black to silver? It hasn't shipped yet.",
    "I need to make a change to my weekly grocery order for Thursday. Please take out the chicken.",
    "remove the yoghurt from tomorrow's delivery",
    "swap the 2L coke for the 1.5L ones if possible",
    "Could you change the quantity to 2 instead of cancelling the whole thing?",
    "wrong size chosen by mistake, can u make it 38 before dispatch",
    "can I edit my order? forgot to add the matching pillowcases",
  ])("%s → order_change", (text) => {
    expect(kindOf(text, "ecommerce")).toBe("order_change");
  });
  it.each<[string, string]>([
    ["You sent me the wrong size, I ordered M", "wrong_item"],
    ["I want to cancel my order", "order_cancellation"],
    ["please change my order address to 5 Elm St", "address_change"],
  ])("the shop's error, a cancellation or a new address keep their kinds: %s", (text, kind) => {
    expect(kindOf(text, "ecommerce")).toBe(kind);
  });
});

describe("banking: a card refused, in the languages the lexicons cover", () => {
  it.each(["mi tarjeta fue rechazada tres veces hoy en el supermercado", "meu cartão foi recusado na loja", "Ma carte a été refusée deux fois", "Meine Karte wurde heute abgelehnt"])("%s → card_declined", (text) => {
    expect(kindOf(text, "banking_fintech")).toBe("card_declined");
  });
  it("a boarding card is no bank card", () => {
    expect(kindOf("mi tarjeta de embarque fue rechazada en la puerta", "banking_fintech")).not.toBe("card_declined");
  });
});

describe("an outage and a sign-on that keeps breaking", () => {
  it("the outage said to a carrier is its network's", () => {
    expect(kindOf("Honestly if the outage isn't fixed by Monday we'll be moving all 40 lines elsewhere", "telecom")).toBe("network_outage");
    expect(kindOf("the app outage this morning logged everyone out", "telecom")).not.toBe("network_outage");
  });
  it("SSO that keeps breaking is a broken integration", () => {
    expect(kindOf("if SSO keeps breaking like this we will look elsewhere", "saas")).toBe("integration_broken");
  });
});

describe("someone else in the account, and a cancellation in other languages", () => {
  it.each(["someone used my account to buy a tv", "Somebody got into my account and changed the shipping address", "my email and password were changed and it wasn't me"])(
    "%s → a hacked account (or the fraud done with it)",
    (text) => {
      expect(["account_compromised", "fraud_dispute"]).toContain(kindOf(text, "ecommerce"));
    },
  );
  it.each(["ich möchte mein Abo kündigen", "je veux résilier mon abonnement", "quero cancelar minha assinatura", "quiero darme de baja"])("%s → cancellation_request", (text) => {
    expect(kindOf(text, "saas")).toBe("cancellation_request");
  });
});
