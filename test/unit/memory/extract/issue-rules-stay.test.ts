// What a guest complains of without naming the hotel, and what a guest asks that reads like a
// failure elsewhere: the neighbours' noise, bedding, the staff's manner, a booking the place holds
// wrongly, a stay moved "forward", dangers in the building, the wifi's password, whether
// something is refundable; with look-alikes that keep their kind.
import { extractDeterministic } from "../../../../src/memory/extract/deterministic";
import type { TenantSupportSettings } from "../../../../src/memory/types";
import { kindOf, kindWith, sureOf } from "./issue-rules-helpers";

const AUTO: TenantSupportSettings = { domain_schema: "support", support_type_mode: "auto", support_type: null, support_types_allowed: [] };
const extract = (text: string) => extractDeterministic({ messages: [{ role: "user", content: text, index: 0 }], metadata: {}, settings: AUTO, existing: null });

describe("travel: a stay's complaints said without the room or the hotel", () => {
  it.each([
    ["the people upstairs have been partying since midnight", "accommodation_issue"],
    ["music blasting through the wall from next door, it's 1am", "accommodation_issue"],
    ["kids screaming in the corridor all morning", "accommodation_issue"],
    ["our neighbours are so loud we can't sleep", "accommodation_issue"],
    ["the bedding smells of smoke", "accommodation_issue"],
    ["there are hairs on the pillows", "accommodation_issue"],
    ["towels have not been changed in three days", "accommodation_issue"],
    ["stained sheets again", "accommodation_issue"],
    ["the waiter at breakfast was rude to my mum", "accommodation_issue"],
    ["the night manager shouted at us when we came back late", "accommodation_issue"],
    ["the radiator won't turn off and we're boiling", "accommodation_issue"],
  ])("%s → %s", (text, kind) => {
    expect(kindOf(text, "travel")).toBe(kind);
  });
});

describe("travel: a booking the place holds wrongly, and a stay moved forward", () => {
  it.each([
    ["my booking shows the wrong dates, it should be the 3rd to the 6th", "booking_issue"],
    ["the confirmation has the wrong name on it", "booking_issue"],
    ["there's the wrong number of guests on our reservation", "booking_issue"],
    ["just got an email that my reservation has been cancelled but I never cancelled it", "booking_issue"],
    ["can we bring our stay forward by a day? we land earlier", "booking_change"],
    ["could you bring the booking forward to friday", "booking_change"],
  ])("%s → %s", (text, kind) => {
    expect(kindOf(text, "travel")).toBe(kind);
  });

  it.each([
    ["I'd like to make some changes to the reservation", "booking_change"],
    ["I would like to alter my booking", "booking_change"],
    ["can i get my reservation moved to next weekend", "booking_change"],
    ["is it possible to get my booking switched to the 14th", "booking_change"],
    ["I want to make a modification to my stay", "booking_change"],
    ["I need to update my reservation, we are 3 now", "booking_change"],
  ])("%s → %s (a change by any verb)", (text, kind) => {
    expect(kindOf(text, "travel")).toBe(kind);
  });

  it("leaves the date of a payment or a transaction to the bank", () => {
    expect(kindOf("I want to change the time and the date of that transaction!", "travel")).not.toBe("booking_change");
    expect(kindOf("can I change the date of my payment", "travel")).not.toBe("booking_change");
  });

  it("keeps the guest's contact details an account's update, and a cancellation the guest asks for", () => {
    expect(kindOf("I'd like to update my phone number on the reservation", "travel")).not.toBe("booking_change");
    expect(kindOf("I need to update my email on the booking", "travel")).not.toBe("booking_change");
  });

  it("keeps a cancellation the guest asks for, and a delivery brought forward", () => {
    expect(kindOf("please cancel my reservation for the 12th", "travel")).toBe("booking_cancellation");
    expect(kindOf("can you bring my delivery forward to Monday?", "ecommerce")).not.toBe("booking_change");
  });
});

describe("safety where one stays", () => {
  it.each([
    ["there's a strong smell of gas in our bathroom"],
    ["the carbon monoxide alarm keeps going off"],
    ["someone tried to open our door at 3am"],
    ["a man keeps knocking on doors on the 4th floor"],
  ])("%s → safety_issue", (text) => {
    expect(kindOf(text, "travel")).toBe("safety_issue");
  });

  it("reads no danger into gas bought or paid for", () => {
    expect(kindOf("we ran out of gas on the way back with the rental car", "travel")).not.toBe("safety_issue");
    expect(kindOf("my gas bill is higher than usual", "banking_fintech")).not.toBe("safety_issue");
  });
});

describe("questions that read like a failure elsewhere", () => {
  it("asking for the wifi's password is a question, not a failed sign-in, unless it fails", () => {
    expect(kindWith("what's the wifi password?", "travel", sureOf("login_problem", "travel"))).toBe("general_question");
    expect(kindWith("wifi code for room 12 please", "travel", sureOf("login_problem", "travel"))).toBe("general_question");
    expect(kindWith("the wifi password you gave me doesn't work", "travel", sureOf("login_problem", "travel"))).toBe("login_problem");
    expect(kindWith("I forgot my password for the app", "banking_fintech", sureOf("login_problem", "banking_fintech"))).toBe("login_problem");
  });

  it("asking whether something is refundable is no refund request; asking for one is", () => {
    expect(kindOf("is the deposit refundable?", "travel")).not.toBe("refund_request");
    expect(kindOf("are the tickets refundable or not?", "travel")).not.toBe("refund_request");
    expect(kindOf("I want a refund for the spa session we never got", "travel")).toBe("refund_request");
    expect(kindOf("it was refundable so please refund me", "travel")).toBe("refund_request");
  });
});

describe("routing: what only a place one stays at sells or employs", () => {
  it.each([
    "what's included in the half board?",
    "is it full board or just breakfast",
    "the room phone has no dial tone",
    "the barman was lovely, can I leave him a tip",
    "the receptionist said to ask you about parking",
    "can I pay at the property instead of online",
    "do you have a lost and found?",
    "how late can I order food to the room",
    "is in-room dining available after midnight?",
    "whats included in the half board package",
    "is the spa package worth it for two",
    "I want to get an extra blanket",
    "we will arrive around 9pm on friday",
  ])("%s → travel", (text) => {
    expect(extract(text).support_type).toBe("travel");
  });

  it("a card or a parcel that will arrive is not a guest arriving", () => {
    expect(extract("when will my new card arrive?").support_type).toBe("banking_fintech");
  });

  it("asking until when something can be done is no late delivery", () => {
    expect(kindOf("how late can I order food to the room", "ecommerce")).not.toBe("delivery_delay");
    expect(kindOf("my order is late, it was due yesterday", "ecommerce")).toBe("delivery_delay");
  });

  it("asking for someone on the line or the phone names no carrier", () => {
    expect(extract("put your supervisor on the line please").support_type).not.toBe("telecom");
    expect(extract("my phone line has been dead since Monday").support_type).toBe("telecom");
  });
});

describe("travel: plain words for a cancellation, a blocked drain, a key, a hotel's invoice", () => {
  it.each([
    ["get rid of my reservation please", "booking_cancellation"],
    ["the toilet is blocked", "accommodation_issue"],
    ["sink is clogged again and the shower won't drain", "accommodation_issue"],
    ["my key doesn't work", "accommodation_issue"],
    ["the keys don't work for the apartment", "accommodation_issue"],
    ["I need an invoice for my stay", "invoice_issue"],
  ])("%s → %s", (text, kind) => {
    expect(kindOf(text, "travel")).toBe(kind);
  });

  it("leaves a product's or a licence's key to its business", () => {
    expect(kindOf("my license key doesn't work", "travel")).not.toBe("accommodation_issue");
    expect(kindOf("the activation key is not working", "travel")).not.toBe("accommodation_issue");
  });
});

describe("asking about a booking or a desk is a question, whatever the model read", () => {
  it.each([
    ["can you check my booking?", "booking_change"],
    ["I already have a reservation, I want to know the room type", "booking_change"],
    ["do I need to pay a deposit when I book?", "new_booking"],
    ["is there someone at reception all night?", "contact_request"],
  ])("%s (model: %s) → general_question", (text, modelKind) => {
    expect(kindWith(text, "travel", sureOf(modelKind, "travel"))).toBe("general_question");
  });

  it("keeps a request to act, and a request to speak to someone", () => {
    expect(kindWith("can you check if I can change my booking?", "travel", sureOf("booking_change", "travel"))).toBe("booking_change");
    expect(kindWith("I want to book a room, do I need to pay a deposit?", "travel", sureOf("new_booking", "travel"))).toBe("new_booking");
    expect(kindWith("is there someone I can talk to about my bill?", "travel", sureOf("contact_request", "travel"))).toBe("contact_request");
  });

  it.each([
    ["why was my booking cancelled?", "booking_issue"],
    ["my reservation was cancelled, why?", "booking_issue"],
    ["can I add a night?", "booking_change"],
    ["I want to add 2 more nights", "booking_change"],
  ])("%s → %s", (text, kind) => {
    expect(kindOf(text, "travel")).toBe(kind);
  });
});

describe("travel: what only a lodging has, failing or shut, said without the room", () => {
  it.each([
    ["the gym is closed again", "accommodation_issue"],
    ["the lift is out of order", "accommodation_issue"],
    ["the heating isn't on", "accommodation_issue"],
    ["can someone fix the AC?", "accommodation_issue"],
    ["breakfast was cold", "accommodation_issue"],
    ["the gate code doesn't work", "accommodation_issue"],
    ["the wheelchair ramp is blocked", "accommodation_issue"],
    ["the music by the pool is too loud", "accommodation_issue"],
    ["there are ants in the room", "accommodation_issue"],
    ["the key card only works sometimes", "accommodation_issue"],
    ["blinds stuck halfway down", "accommodation_issue"],
    ["the phone in my room has no dial tone", "accommodation_issue"],
    ["the restaurant didn't have my reservation", "booking_issue"],
  ])("%s → %s", (text, kind) => {
    expect(kindOf(text, "travel")).toBe(kind);
  });

  it("leaves money asked back a refund, and a thing ordered a shop's", () => {
    expect(kindOf("refund pls, the spa was closed the whole time we were there", "travel")).toBe("refund_request");
    expect(kindOf("the curtains I ordered are broken", "ecommerce")).not.toBe("accommodation_issue");
  });

  it("routes a lodging's fitting that fails to travel", () => {
    expect(extract("the heating isn't on").support_type).toBe("travel");
    expect(extract("the curtains are broken").support_type).toBe("travel");
  });
});

describe("travel: a deposit not given back, a booking's confirmation never got, the wifi's password", () => {
  it.each([
    ["the deposit for the room still hasn't been returned to my card", "refund_request"],
    ["the hold on my card from the rental car still hasn't been released", "refund_request"],
    ["when will the damage deposit for the apartment be refunded?", "refund_request"],
    ["I never got the confirmation email for my booking", "booking_confirmation_missing"],
  ])("%s → %s", (text, kind) => {
    expect(kindOf(text, "travel")).toBe(kind);
  });

  it("leaves a bank's deposit and an order's confirmation to their businesses", () => {
    expect(kindOf("my cash deposit at the branch still hasn't been returned", "travel")).not.toBe("refund_request");
    expect(extract("I never got the confirmation email for my order").support_type).toBe("ecommerce");
  });

  it("asking for the wifi's password of a room is a question, not the room's problem", () => {
    expect(kindWith("can I get the wifi password for room 204", "travel", sureOf("accommodation_issue", "travel"))).toBe("general_question");
  });

  it("routes a cleaning fee to a lodging", () => {
    expect(extract("why was I charged a cleaning fee?").support_type).toBe("travel");
  });
});

describe("travel: turns to a hotel's assistant", () => {
  it.each([
    ["why can't I book on your website, it just keeps loading", "booking_issue"],
    ["i'm at the front desk and no one is here to check me in", "check_in_problem"],
    ["i made the booking by mistake, can you delete it", "booking_cancellation"],
    ["i need another room for my parents, same dates as ours", "new_booking"],
    ["the reservation we've got is fine, I just want to add breakfast to it", "booking_change"],
    ["we waited 45 mins for our starters, honestly", "accommodation_issue"],
    ["when will i get my deposit back", "refund_request"],
  ])("%s → %s", (text, kind) => {
    expect(kindOf(text, "travel")).toBe(kind);
  });

  it("keeps another room asked for because this one is wrong the stay's problem, and an account deleted no booking", () => {
    expect(kindOf("can we get another room, this one smells of smoke", "travel")).toBe("accommodation_issue");
    expect(kindOf("please delete my account and my card details", "travel")).not.toBe("booking_cancellation");
  });

  it.each([
    ["what time did I book the table for again?", "new_booking"],
    ["do we need to book for breakfast", "new_booking"],
    ["is the rooftop pool open in winter", "accommodation_issue"],
  ])("%s (model: %s) → general_question", (text, modelKind) => {
    expect(kindWith(text, "travel", sureOf(modelKind, "travel"))).toBe("general_question");
  });

  it("routes free cancellation and laundry to a lodging", () => {
    expect(extract("until when can I cancel for free?").support_type).toBe("travel");
    expect(extract("do you do laundry").support_type).toBe("travel");
  });
});

describe("a check-in problem the model reads needs the check-in named", () => {
  it("keeps a key card that fails mid-stay the stay's problem, and one that fails on arrival a check-in's", () => {
    expect(kindWith("the key card stopped working again", "travel", sureOf("check_in_problem", "travel"))).toBe("accommodation_issue");
    expect(kindWith("my key card didn't work when we arrived last night", "travel", sureOf("check_in_problem", "travel"))).toBe("check_in_problem");
  });
});

