// What travel customers and hotel guests ask for, and how a sure model is weighed against the
// travel rules: changes, cancellations and new bookings, a guest's room and what they lost, check-in.
import type { ModelAdvice } from "../../../../src/memory/extract/model/advice";
import { kindOf, kindWith, sureOf } from "./issue-rules-helpers";

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
    ["can I stay one more night", "booking_change"],
    ["I'd like to extend my stay by two nights", "booking_change"],
    ["i need to reduce our stay by one night", "booking_change"],
    ["can you push my arrival to the 12th", "booking_change"],
    ["We'll arrive a day later than planned", "booking_change"],
    ["we will be 3 not 2", "booking_change"],
    ["can we make it 4 people?", "booking_change"],
    ["Could you move us to a twin room?", "booking_change"],
    ["I want to book the 14th instead of the 12th", "booking_change"],
    ["can I have a double room instead", "booking_change"],
    ["I would like a different date for my reservation", "booking_change"],
    ["we'd like to come on the 5th rather than the 4th", "booking_change"],
    ["can I reschedule my spa treatment to Friday?", "booking_change"],
    ["we need to postpone the excursion to Thursday", "booking_change"],
    ["Our coach tour was cancelled this morning", "trip_cancelled"],
    ["they cancelled it at the last minute and nobody told us", "trip_cancelled"],
    ["you cancelled our tour without telling us", "trip_cancelled"],
  ])("%s → %s", (text, kind) => {
    expect(kindOf(text, "travel")).toBe(kind);
  });
});

// Written like the turns of a second probe (2026-12-06): what else a guest changes or gives up, and a room asked for.
describe("travel: more of what a guest changes, cancels or books", () => {
  it.each([
    ["need to bring my arrival forward to wednesday, is that doable", "booking_change"],
    ["I want to prepone my check-in by one day", "booking_change"],
    ["we'd like to stay one more nite", "booking_change"],
    ["Add my wife as second guest, Maria Lopes", "booking_change"],
    ["I'd like to go from room-only to half board", "booking_change"],
    ["can you merge my two bookings into one", "booking_change"],
    ["can our room be switched to a twin", "booking_change"],
    ["Can we get late checkout on sunday? happy to pay extra", "booking_change"],
    ["I want to cancel one of the two rooms", "booking_cancellation"],
    ["can you cancel the last night? we're leaving early", "booking_cancellation"],
    ["could you cancel the extra bed please", "booking_cancellation"],
    ["can you cancel the extra bed, we're bringing our own", "booking_cancellation"],
    ["No longer need the room for the 8th, meeting's gone online", "booking_cancellation"],
    ["My boss called off the trip so scrap the 3 rooms", "booking_cancellation"],
    ["Need a room for tonight, anything available?", "new_booking"],
    ["could you hold a king room for me on the 22nd? will confirm tomorrow", "new_booking"],
    ["hiya, wanting to book in for the bank holiday weekend", "new_booking"],
    ["We'll take 2 of the standard rooms, names to follow", "new_booking"],
  ])("%s → %s", (text, kind) => {
    expect(kindOf(text, "travel")).toBe(kind);
  });
  it.each([
    ["its 4pm and our room still isnt ready", "check_in_problem"],
    ["Told the room would be ready by 2, now it's half 3, what's going on", "check_in_problem"],
    ["we've been waiting 40 mins at reception to check in", "check_in_problem"],
    ["Arrived late and there's no one at reception, how do we get in", "check_in_problem"],
    ["we got to the room and someone's already in it!!", "check_in_problem"],
    ["the kiosk in the lobby wont print my key card", "check_in_problem"],
    ["The check-in link in the email says expired", "check_in_problem"],
    ["cant check out on the app, it just spins", "check_in_problem"],
  ])("arriving and not getting in: %s → %s", (text, kind) => {
    expect(kindOf(text, "travel")).toBe(kind);
  });
  it.each([
    ["the key features are not available on my plan", "check_in_problem"],
    ["the api key is not ready yet", "check_in_problem"],
    ["I want to switch to the standard plan", "booking_change"],
    ["my room for tonight is dirty", "new_booking"],
    ["I'll take it from here, thanks", "new_booking"],
  ])("not for another business or a problem: %s is not %s", (text, kind) => {
    expect(kindOf(text, "travel")).not.toBe(kind);
  });
});

it("a room swapped because something in it is wrong is the stay's problem, not a change", () => {
  expect(kindOf("please move us to another room, this one smells of smoke", "travel")).toBe("accommodation_issue");
});

it("what the place gave instead of what was booked is the stay's problem, not a change", () => {
  expect(kindOf("we booked a double but got a twin instead", "travel")).not.toBe("booking_change");
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
  it.each([
    ["What's the earliest check in time?", "booking_change"],
    ["Is early check-in available?", "booking_change"],
    ["do you allow late check out?", "booking_change"],
    ["how long can I keep the room after checkout?", "booking_change"],
    ["Is my booking for 2 or 3 nights?", "booking_change"],
    ["how many people are on my reservation?", "new_booking"],
    ["What time is breakfast served for hotel guests?", "new_booking"],
  ])("asking what a booking holds or allows is a question: %s (not %s)", (text, guess) => {
    expect(travelKind(text, sure(guess))).toBe("general_question");
  });
  it.each([
    ["When can I change my check-in date?", "booking_change"],
    ["can we move our table to 8pm?", "booking_change"],
    ["Is it possible to add a night to my booking?", "booking_change"],
    ["can I get a later check out?", "booking_change"],
    ["What do I need to do to book a room for Friday?", "new_booking"],
  ])("a question that acts on the booking keeps the model's kind: %s", (text, kind) => {
    expect(travelKind(text, sure(kind))).toBe(kind);
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
  it.each([
    "I left my jacket in the room this morning",
    "i can't seem to find my watch",
    "my camera seems to be missing",
    "we lost our dog near the pool",
    "is there a lost and found? I forgot my sunglasses",
  ])("a guest's belonging lost or left behind is the stay's problem: %s", (text) => {
    expect(kindOf(text, "travel")).toBe("accommodation_issue");
  });
  it.each([
    ["I lost my card yesterday", "banking_fintech"],
    ["the watch I ordered is missing from the box", "ecommerce"],
    ["I lost my phone, please block the SIM", "telecom"],
  ])("cards, phones and what was ordered are not lost property: %s", (text, vertical) => {
    expect(kindOf(text, vertical as "banking_fintech" | "ecommerce" | "telecom")).not.toBe("accommodation_issue");
  });
  it.each(["Our hotel is under renovation and the pool is closed", "the spa was shut the whole week of our stay", "there's construction noise outside our room from 7am"])(
    "a hotel's facility closed or building work is the stay's problem: %s",
    (text) => {
      expect(kindOf(text, "travel")).toBe("accommodation_issue");
    },
  );
  it("a thing lost on a plane is not the hotel's", () => {
    expect(kindOf("I left my jacket on the plane, how do I get it back?", "travel")).not.toBe("accommodation_issue");
    expect(kindOf("I left my phone on the plane, can you help me get it back", "travel")).not.toBe("accommodation_issue");
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
  // a model sure it is "just a question" yields to a fault stated in a thing of the room or the grounds
  it.each([
    "window won't close and it's freezing, maintenance pls",
    "can't get the balcony door open",
    "the dishwasher isn't draining",
    "blackout curtains dont close properly, light coming straight in at 5am",
    "tried to leave but the car park barrier won't accept my ticket",
  ])("%s → accommodation_issue over a sure general_question", (text) => {
    expect(kindWith(text, "travel", sureOf("general_question", "travel"))).toBe("accommodation_issue");
  });
  it("asking about the thing is still a question", () => {
    expect(kindWith("does the kitchen have a dishwasher?", "travel", sureOf("general_question", "travel"))).toBe("general_question");
  });
});

describe("travel: a leg missed because another ran late", () => {
  it.each([
    "train 45 min late, missed the last connection to Inverness, stuck in Perth overnight",
    "The Mumbai departure left 2 hours late and I missed the Lisbon flight by 20 minutes.",
    "We were on the 14:02 from Edinburgh, over an hour late, so we missed the 17:31 Eurostar to Paris.",
    "first leg delayed, they put my connection on the next day",
    "our ferry was delayed and we missed the last bus to the airport",
  ])("%s → missed_connection", (text) => {
    expect(kindOf(text, "travel")).toBe("missed_connection");
  });
  it("a late flight that made nothing miss is a delay", () => {
    expect(kindOf("My flight to Oslo is delayed by 3 hours", "travel")).toBe("flight_delay");
  });
});

describe("travel: a booking that cannot be made, another booking, a salon's appointment", () => {
  it.each([
    ["what is the reason for not being able to book for the 22nd of Nov", "booking_issue"],
    ["I couldn't reserve a room on your website, it keeps failing", "booking_issue"],
    ["your site won't let me book a double for Friday", "booking_issue"],
    ["I made one booking two weeks ago, but would like to make a new one now.", "new_booking"],
    ["i need to change the time of my makeup service tomorrow", "booking_change"],
    ["can I reschedule my haircut to 4pm", "booking_change"],
    ["please move the date of our spa appointment to Sunday", "booking_change"],
  ])("%s → %s", (text, kind) => {
    expect(kindOf(text, "travel")).toBe(kind);
  });
  it.each([
    // a delivery slot, an exam or a call with the bank is not a stay
    ["I can't book a delivery slot for Saturday", "ecommerce"],
    ["I'm unable to book my exam slot on the portal", "edtech_support"],
  ] as const)("%s is not a booking_issue (%s)", (text, vertical) => {
    expect(kindOf(text, vertical)).not.toBe("booking_issue");
  });
  it("a new card is no booking", () => {
    expect(kindOf("my booking app shows my card as broken, I need a new one", "banking_fintech")).not.toBe("new_booking");
  });
});

it("a fee, a rule or a room about smoking raises no safety alarm; smoke from a heater does", () => {
  for (const text of ["Charged a smoking cleaning fee but nobody smoked, please reverse it", "I asked for a non-smoking room and got this one"]) expect(kindOf(text, "travel")).not.toBe("safety_issue");
  expect(kindOf("smoke is coming out of the heater in our room", "travel")).toBe("safety_issue");
});

it("an identity, SIM, student or loyalty card refused is no declined bank card", () => {
  for (const text of ["the self checkin machine rejected my ID card", "my student card was rejected at the library", "the loyalty card isn't working at the bar"]) {
    expect(kindOf(text, "travel")).not.toBe("card_declined");
  }
  expect(kindOf("my card was declined at the shop", "banking_fintech")).toBe("card_declined");
});
