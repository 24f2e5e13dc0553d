// Travel facts: PNRs, booking refs, airline, route, travel date, hotel, booking platform.
import { AIRLINES, HOTEL_CHAINS } from "../brands";
import { buildNameMatcher } from "../names";
import { fold } from "../text";
import { MONTHS, WEEKDAYS, firstCapture, put, refsOf, type FactInput, type Facts } from "./common";

const airlines = buildNameMatcher(AIRLINES, new Set(["Delta", "Swiss", "Frontier", "SAS", "LOT", "ANA", "Porter", "Flair", "Condor", "Azul", "GOL", "Scoot", "Norwegian", "United Airlines", "Southwest", "Spirit Airlines", "Binter", "Allegiant"]));
const PLATFORMS = ["Booking.com", "Airbnb", "Vrbo", "Expedia", "MakeMyTrip", "Agoda", "Trip.com", "Hotels.com", "Goibibo", "Cleartrip", "EaseMyTrip", "ixigo", "Kayak", "Despegar", "Traveloka", "eDreams", "Opodo", "Skyscanner", "Trainline", "redBus", "IRCTC", "Hostelworld", "Priceline", "Kiwi.com", "Omio", "Wego"];
const platforms = buildNameMatcher(PLATFORMS);
const chains = buildNameMatcher(HOTEL_CHAINS.filter((h) => !PLATFORMS.includes(h)), new Set(["Taj", "ITC", "Riu", "Courtyard", "Hampton", "Accor", "Swiss"]));

const PLACE = String.raw`[\p{Lu}][\p{L}.'-]+(?:\s[\p{Lu}][\p{L}.'-]+){0,2}`;
const ROUTE = new RegExp(String.raw`\bfrom\s(${PLACE})\s(?:to|->|\u2192)\s(${PLACE})`, "u");
const IATA_ROUTE = /\b([A-Z]{3})\s?(?:-|\u2013|\u2192|>|to)\s?([A-Z]{3})\b/;
const NOT_PLACE = new RegExp(String.raw`^(?:${WEEKDAYS}|${MONTHS}|the|this|my|our|your|today|tomorrow|yesterday|now|then|asap|and|for|not|you|all|any|pnr|otp|eta|utc|gmt|ist|cet)\b`, "i");

const DATE = new RegExp(
  String.raw`\b((?:${WEEKDAYS})(?:,?\s\d{1,2}(?:st|nd|rd|th)?(?:\s(?:of\s)?(?:${MONTHS})\w*)?)?|\d{1,2}(?:st|nd|rd|th)?\s(?:of\s)?(?:${MONTHS})\w*(?:,?\s\d{4})?|(?:${MONTHS})\w*\.?\s\d{1,2}(?:st|nd|rd|th)?(?:,?\s\d{4})?|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{4}-\d{2}-\d{2}|tomorrow(?:\s(?:morning|afternoon|evening|night))?|tonight|next\s(?:week|month|weekend|${WEEKDAYS}))\b`,
  "i",
);
const TRAVEL_CONTEXT = /\b(?:flight|fly|flying|travel\w*|trip|check.?in|check.?out|departure|depart\w*|leav\w*|return\w*|booking|booked|stay|arriv\w*|train|bus|journey|holiday|vacation|hotel|reservation)\b/;

const HOTEL = [
  /\b((?:[A-Z][\w'&-]+\s){1,3}(?:Hotel|Resort|Inn|Hostel|Suites|Lodge|Residency|Palace|Plaza|Apartments|Guesthouse|Guest House))\b/,
  /\b((?:Hotel|Hostel|Resort)\s[A-Z][\w'&-]+(?:\s[A-Z][\w'&-]+){0,2})/,
];

function route(texts: string[]): string | undefined {
  for (const t of texts) {
    const m = ROUTE.exec(t);
    if (m && !NOT_PLACE.test(m[1]!) && !NOT_PLACE.test(m[2]!)) return `${m[1]} to ${m[2]}`;
    const i = IATA_ROUTE.exec(t);
    if (i && !NOT_PLACE.test(i[1]!) && !NOT_PLACE.test(i[2]!)) return `${i[1]} to ${i[2]}`;
  }
  return undefined;
}

function travelDate(texts: string[]): string | undefined {
  for (const t of texts) {
    for (const sentence of t.split(/(?<=[.!?])\s+|\n/)) {
      if (!TRAVEL_CONTEXT.test(fold(sentence))) continue;
      const m = DATE.exec(sentence);
      if (m?.[1]) return m[1];
    }
  }
  return undefined;
}

// "flight EK512", "flight no. 6E 2134": the flight, not a booking reference.
const FLIGHT_NUMBER = /\bflight\s(?:no\.?\s|number\s|#)?([A-Z][A-Z0-9]\s?\d{2,4})\b/;

export function travelFacts({ texts, refs }: FactInput): Facts {
  const facts: Facts = {};
  const flight = firstCapture(texts, [FLIGHT_NUMBER]);
  put(facts, "flight_number", flight);
  put(facts, "pnr_refs", refsOf(refs, ["pnr"]));
  put(facts, "booking_refs", refsOf(refs, ["booking", "other"]).filter((r) => r.replace(/\s/g, "") !== flight?.replace(/\s/g, "")));
  put(facts, "airline", texts.flatMap((t) => airlines(t))[0]);
  put(facts, "route", route(texts));
  put(facts, "travel_date", travelDate(texts));
  put(facts, "hotel", firstCapture(texts, HOTEL) ?? texts.flatMap((t) => chains(t))[0]);
  put(facts, "booking_platform", texts.flatMap((t) => platforms(t))[0]);
  return facts;
}
