// The rule files' format: groups written one alternative per line, fragments, and errors that
// name the file and line. The shipped files are read at import, so importing them is a test too.
import fs from "node:fs";
import path from "node:path";
import { detectIssue, hasSubstance, prepareMessage, scanRules } from "../../../../src/memory/extract/issue";
import { ISSUE_RULES, parseRules, readFragments, RULE_FILES } from "../../../../src/memory/extract/issue-rules";
import type { Vertical } from "../../../../src/memory/types";
import type { ModelAdvice } from "../../../../src/memory/extract/model/advice";

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

/** The kind the rules and the subject fallback alone (no model) give one message in `vertical`. */
function kindOf(text: string, vertical: Vertical): string | undefined {
  const m = prepareMessage({ content: text, index: 0 });
  return detectIssue([m], [scanRules(m)], vertical, null, null)?.issue_type;
}

/** A model 0.99 sure of `kind` in `vertical`: how detectIssue weighs a sure model against the words. */
function sureOf(kind: string, vertical: Vertical): ModelAdvice {
  const classes = [kind, "general_question"];
  return {
    vertical: { label: vertical, probability: 0.99 },
    kind: { kind, probability: 0.99, verticals: [vertical] },
    kinds: { classes, probabilities: Float64Array.from([0.99, 0.01]), verticals: { [kind]: [vertical], general_question: [vertical] }, onlyVertical: [vertical, null] },
    english: true,
  };
}

/** The kind of one message in `vertical` with the rules and the given model advice. */
function kindWith(text: string, vertical: Vertical, advice: ModelAdvice): string | undefined {
  const m = prepareMessage({ content: text, index: 0 });
  return detectIssue([m], [scanRules(m)], vertical, null, advice)?.issue_type;
}

// What a guest asks to change or cancel.
describe("travel: changing and cancelling what was booked", () => {
  it.each([
    ["I need to change a restaurant reservation", "booking_change"],
    ["can I upgrade my reservation to a premium suite?", "booking_change"],
    ["I want to modify the number of rooms", "booking_change"],
    ["Please amend the number of nights to four", "booking_change"],
    ["please just cancel that booking for Murad as I got ill.", "booking_cancellation"],
    ["Could you cancel both reservations under my name", "booking_cancellation"],
    ["I need to make a cancellation, it was for 4 people", "booking_cancellation"],
    ["I have a spa slot booked at 10 and I need to cancel it", "booking_cancellation"],
    ["Our coach tour was cancelled this morning", "trip_cancelled"],
    ["they cancelled it at the last minute and nobody told us", "trip_cancelled"],
  ])("%s → %s", (text, kind) => {
    expect(kindOf(text, "travel")).toBe(kind);
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

// Asking for a room, a table or a treatment to be booked is a new booking; whether there is room is a question.
describe("travel: asking to book", () => {
  it.each([
    ["ok, then we need a wheelchair friendly room", "new_booking"],
    ["I'd like two double rooms for the weekend of the 14th", "new_booking"],
    ["can we reserve a table for four at 8pm tonight?", "new_booking"],
    ["Could I get a massage tomorrow morning?", "new_booking"],
    ["I want to upgrade my room to a suite", "booking_change"],
    ["we need a room for tonight, our flight was cancelled", "flight_cancelled"],
    ["we'd like to stay for two nights from Friday", "new_booking"],
    ["no, this is a new booking, not the one from last week", "new_booking"],
  ])("%s → %s", (text, kind) => {
    expect(kindOf(text, "travel")).toBe(kind);
  });
  it("booking for tonight", () => {
    expect(kindOf("ok, let me book for tonight then", "travel")).toBe("new_booking");
  });
  it.each([
    "Is there an iron in the room?",
    "any free rooms with a jacuzzi after Tuesday?",
    "I want to book a room for tonight but the site keeps failing",
    "I would like to book an appointment with an advisor",
  ])("not %s", (text) => {
    expect(kindOf(text, "travel")).not.toBe("new_booking");
  });
  it("not furniture in a shop", () => {
    expect(kindOf("we need two tables for the patio, do you deliver?", "ecommerce")).not.toBe("new_booking");
  });
});

// The model's "new booking" does not overrule a rule that read a change to, or the
// cancellation of, a booking that exists (it learned new_booking from booking dialogues).
describe("travel: a booking that exists is not a new one", () => {
  const sure = (kind: string): ModelAdvice => sureOf(kind, "travel");
  const travelKind = (text: string, advice: ModelAdvice) => kindWith(text, "travel", advice);
  it.each([
    ["can I upgrade a reservation to a premium suite", "booking_change"],
    ["I need to make a cancellation. It was for half past 8 and for 4 people.", "booking_cancellation"],
  ])("%s stays %s", (text, kind) => {
    expect(travelKind(text, sure("new_booking"))).toBe(kind);
  });
  it.each(["booking_change", "booking_cancellation"])("a new booking asked for, with no change named, is not read as %s", (kind) => {
    expect(travelKind("I'd like an en suite room for 2 adults please", sure(kind))).toBe("new_booking");
  });
  it("a need stated, not asked, stays what the rule read", () => {
    expect(travelKind("ok, then we need a wheelchair friendly room", sure("general_question"))).toBe("new_booking");
  });
  it.each([
    ["6 15 I have a table booking", "booking_issue"],
    ["My room is booked for 3 of us from Friday", "booking_issue"],
    ["it's about an existing reservation", "booking_issue"],
  ])("a booking already held is not a new one: %s", (text, kind) => {
    expect(travelKind(text, sure("new_booking"))).toBe(kind);
  });
  it.each(["I made one booking two weeks ago, but would like to make a new one now.", "i haven't done a reservation before"])("a new one asked for stays new: %s", (text) => {
    expect(travelKind(text, sure("new_booking"))).toBe("new_booking");
  });
  it("a booking that fails is not a new booking", () => {
    expect(travelKind("I want to book a room for tonight only, but it doesn't seem to work.", sure("new_booking"))).not.toBe("new_booking");
  });
  it.each(["Is there an iron in the room?", "Do you have a gym?"])("asking whether the hotel has something is a question: %s", (text) => {
    expect(travelKind(text, sure("accommodation_issue"))).toBe("general_question");
  });
  it("a problem asked about is still the stay's", () => {
    expect(travelKind("Is there a problem with the heating in my room? It's freezing", sure("accommodation_issue"))).toBe("accommodation_issue");
  });
  it("a request for a person asked as a question stays contact_request", () => {
    expect(travelKind("Can I speak directly with the reception?", sure("general_question"))).toBe("contact_request");
  });
  it("a request for a booking asked as a question stays new_booking", () => {
    expect(travelKind("Could we get a family suite from Friday until Sunday?", sure("general_question"))).toBe("new_booking");
  });
  it.each([
    ["PNR ABC123 flight cancelled, what are my options?", "flight_cancelled"],
    ["my flight was cancelled; can you help?", "flight_cancelled"],
  ])("a problem stated before the question about it stays what the rule read: %s", (text, kind) => {
    expect(travelKind(text, sure("general_question"))).toBe(kind);
  });
  it("a question whose own clause names the problem is the model's", () => {
    expect(travelKind("what happens if my flight is cancelled, do I get a refund?", sure("general_question"))).toBe("general_question");
  });
  it("a sure model still overrules the rule with another kind", () => {
    expect(travelKind("can I upgrade a reservation to a premium suite", sure("general_question"))).toBe("general_question");
  });
});

// A guest's room, the hotel's services and things lost there, when nothing more specific is named.
describe("travel: what a guest finds wrong or has lost", () => {
  it.each([
    ["ac is totally broken", "accommodation_issue"],
    ["the shower only runs cold", "accommodation_issue"],
    ["I lost my wallet in the bar", "accommodation_issue"],
    ["I left my charger by the pool yesterday", "accommodation_issue"],
    ["I have a spa slot booked at 10 and I need to cancel it", "booking_cancellation"],
  ])("%s → %s", (text, kind) => {
    expect(kindOf(text, "travel")).toBe(kind);
  });
  it.each(["I can't get online on the hotel wifi.", "there's no shampoo in the shower, please send me one.", "I lost my two dogs at the pool this morning."])(
    "a fault stated, nothing asked, is the stay's even where the model reads a question: %s",
    (text) => {
      expect(kindWith(text, "travel", sureOf("general_question", "travel"))).toBe("accommodation_issue");
    },
  );
  it.each(["Is the wifi free?", "does the pool have towels, or should I bring my own?"])("asked, it stays the model's question: %s", (text) => {
    expect(kindWith(text, "travel", sureOf("general_question", "travel"))).toBe("general_question");
  });
  it("a thing lost on a plane is not the hotel's", () => {
    expect(kindOf("I left my phone on the plane, can you help me get it back", "travel")).not.toBe("accommodation_issue");
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

describe("travel: check-in problems in any number", () => {
  it.each([
    "Hello, I am calling due to some issues with online check in.",
    "having problems with the web check-in for tomorrow",
    "I'm stuck on the check-in page",
  ])("%s → check_in_problem", (text) => {
    expect(kindOf(text, "travel")).toBe("check_in_problem");
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

// "confirmation 88123456" labels the booking's reference; it says nothing is missing.
describe("travel: a confirmation number given", () => {
  it("is no missing confirmation", () => {
    expect(kindOf("Hi, I have a reservation for June 12-15 under the name Keller, confirmation 88123456. Can I add breakfast for two?", "travel")).not.toBe("booking_confirmation_missing");
    expect(kindOf("I never got a confirmation for my booking", "travel")).toBe("booking_confirmation_missing");
  });
});

// What stops a guest using the room is the stay's problem, not a booking to change.
describe("travel: something in the room does not work", () => {
  it.each([
    "We locked ourselves out of our room, can someone help?",
    "the key card for my room stopped working",
    "The air conditioning in our room is not working",
    "Could we move to another room, the shower in this one is broken",
  ])("%s → accommodation_issue", (text) => {
    expect(kindOf(text, "travel")).toBe("accommodation_issue");
  });
  it("not a card that stopped working at a bank", () => {
    expect(kindOf("my debit card stopped working", "banking_fintech")).not.toBe("accommodation_issue");
  });
});
