// How pressing a problem is, and what the customer is up against ("before my finance review").
// Pure; patterns compiled once.
import type { Urgency } from "../types";
import { RequiredTextIndex, requiredTextGuard, requiredTextOf } from "../required-text";
import { fold } from "./text";

const DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun";
const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const CLOCK = String.raw`\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.|h|hrs)`;
const EVENTS = [
  "review", "meeting", "audit", "presentation", "launch", "deadline", "flight", "trip", "departure", "exam", "test", "interview",
  "payroll", "close", "closing", "month-end", "month end", "quarter-end", "quarter end", "year-end", "year end", "board", "demo",
  "wedding", "holiday", "vacation", "travel", "check-in", "check in", "event", "submission", "renewal", "due date", "conference",
  "visit", "surgery", "appointment", "journey", "birthday", "party", "move", "class", "lecture", "session", "report", "filing",
  "lunch", "noon", "midnight", "weekend", "go-live", "go live", "release", "shift", "sale", "webinar", "semester", "term starts",
  "rent", "bills", "bill", "mortgage", "payday", "salary", "deadline", "due date", "closing date", "cut-off", "cutoff",
].join("|").replace(/[- ]/g, "[- ]");
const DATE_WORD = String.raw`(?:${DAYS})\b|tomorrow(?: (?:morning|afternoon|evening|night|noon))?|tonight|today|noon|midnight|eod|eow|cob|end of (?:the )?(?:day|week|month|quarter|year)|${CLOCK}|the \d{1,2}(?:st|nd|rd|th)\b|(?:${MONTHS})\.? \d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTHS})\b|(?:next|this) (?:week|month|${DAYS})\b|the weekend|month.end`;

const DEADLINES: RegExp[] = [
  new RegExp(String.raw`\bbefore (?:my |our |the |his |her |their |this |next |a |an )?(?:[a-z'-]+ ){0,3}?(?:${EVENTS})(?: (?:${EVENTS}))*\b(?: (?:ends|closes|starts|expires|is over))?(?: (?:on|at|this|next) (?:the )?[a-z0-9:]+| (?:tomorrow|today|tonight)(?: (?:morning|afternoon|evening|night))?)?`, "d"),
  new RegExp(String.raw`\b(?:before|by|no later than) (?:this |next |the end of )?(?:${DATE_WORD})`, "d"),
  new RegExp(String.raw`\b(?:deadline|due date) (?:is|of|on) (?:this |next |on )?(?:${DATE_WORD})`, "d"),
  // "rent is due Friday", "my application is due on the 20th", "assignment due next week"
  new RegExp(String.raw`\b(?:is |are |'s )?(due (?:on |by |this |next |in )?(?:${DATE_WORD}|(?:a|one|two|three|\d+) (?:days?|weeks?)))`, "d"),
  // "before the sale ends tonight", "registration closes on Friday"
  new RegExp(String.raw`\b((?:sale|offer|deal|promo\w*|discount|registration|enrol\w*|applications?|window|intake|early bird) (?:ends|closes|expires|is over) (?:on |at |this |next )?(?:${DATE_WORD}))`, "d"),
  new RegExp(String.raw`\b(?:need(?:ed)? (?:it |this |them )?|in time |gift )(for (?:this |next )?(?:${DAYS}|tomorrow|tonight|the weekend|christmas|diwali|eid|new year))\b`, "d"),
  new RegExp(String.raw`\b(?:flight|exam|trip|departure|wedding|interview|meeting|event|presentation|review|deadline|check-?in|class|test|surgery|visa appointment|graduation|demo|call|appointment|launch|funeral|move)\b[^.!?]{0,20}?\b(?:is |are |leaves |starts |departs )?((?:tomorrow|today|tonight|this (?:evening|afternoon|weekend)|(?:on |next |this )(?:${DAYS}))(?: (?:morning|afternoon|evening|night))?)\b`, "d"),
  // "I am moving house on the 15th", "my wedding is on June 3rd": the event and its date
  new RegExp(String.raw`\b((?:moving|move|wedding|trip|holiday|vacation|party|birthday|surgery|interview|exam|flight|event|conference|launch|graduation|travell?ing|flying|leaving|departing|demo) (?:[a-z]+ ){0,2}?(?:is |starts |leaves )?on (?:the \d{1,2}(?:st|nd|rd|th)\b|(?:${MONTHS})\.? \d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTHS})\b|(?:${DAYS})\b))(?! (?:was|were|went)\b)`, "d"),
];

/**
 * "within 48 hours" as a demand, not a period the customer recounts ("promised a refund within
 * 14 days", "cancelled within 24 hours"): taken only where no dated deadline is said.
 */
const LAST_RESORT = /(?<!\b(?:promised|said|told|cancel+ed|booked|returned|refunded|paid|charged|arrived|delivered|was|were|is|are|be|it|that|them)\b[^.!?]{0,20})\bwithin (?:the next )?(?:\d+|a few|two|three|24|48|72) (?:hours|days|minutes|hrs)\b/;

/**
 * The expressions read the folded text (lower case, same length as the customer's), so a
 * message is told in one pass which of them cannot match, and the words quoted are cut from the
 * customer's text at the same offsets. Most messages state no deadline.
 */
const DEADLINE_TEXT = new RequiredTextIndex([...DEADLINES, LAST_RESORT].map(requiredTextOf));
const LAST = DEADLINES.length;

/** The first deadline the customer states, in their words, or undefined. */
export function findDeadline(texts: string[]): string | undefined {
  for (const text of texts) {
    const folded = fold(text);
    const may = DEADLINE_TEXT.mayMatch(folded);
    let bestAt = Infinity;
    let best: string | undefined;
    DEADLINES.forEach((re, i) => {
      const m = may[i] ? re.exec(folded) : null;
      if (!m || m.index >= bestAt) return;
      const [from, to] = m.indices![1] ?? m.indices![0]!;
      bestAt = m.index;
      best = text.slice(from, to).trim().replace(/[,;:]$/, "");
    });
    if (best === undefined && may[LAST]) {
      const m = LAST_RESORT.exec(folded);
      if (m) best = text.slice(m.index, m.index + m[0].length);
    }
    if (best) return best.length > 120 ? best.slice(0, 120) : best;
  }
  return undefined;
}

const CRITICAL = new RegExp(
  [
    String.raw`\bemergenc(?:y|ies)\b`, String.raw`\bstranded\b`, String.raw`\blife (?:or|and) death\b`,
    String.raw`\b(?:production|prod|live site|checkout|store|site|website|system|platform) (?:is |has been |went )?(?:completely )?down\b`,
    String.raw`\b(?:whole|entire) (?:company|team|business|office|store|org\w*|site|department)\b`,
    String.raw`\ball (?:of )?(?:our |my )?(?:users|customers|staff|employees|stores|agents|clients)\b`,
    String.raw`\blosing (?:money|customers|sales|business|revenue|orders)\b`,
    String.raw`\bbusiness (?:is )?(?:stopped|down|halted|at a standstill|on hold)\b`,
    String.raw`\b(?:can'?t|cannot) (?:run|operate) (?:my|our) business\b`, String.raw`\ball (?:of )?my (?:money|savings)\b`,
    String.raw`\bstuck at (?:the )?airport\b`, String.raw`\bno way (?:to get )?home\b`, String.raw`\bsleeping at the airport\b`,
  ].join("|"),
);
const HIGH = new RegExp(
  [
    String.raw`\burgent\w*\b`, String.raw`\basap\b`, String.raw`\ba\.s\.a\.p\b`, String.raw`\bimmediately\b`, String.raw`\bright (?:now|away)\b`,
    String.raw`\bas soon as (?:possible|you can)\b`, String.raw`\b(?:can'?t|cannot|unable to) (?:take|accept|process|receive|make) (?:any )?(?:payments|orders|bookings|sales|calls)\b`, String.raw`\bat the earliest\b`, String.raw`\b(?:can'?t|cannot|unable to) work\b`,
    String.raw`\bblock(?:ing|er)\b`, String.raw`\btime.sensitive\b`, String.raw`\brunning out of time\b`, String.raw`\burgente\b`,
    String.raw`\bdringend\b`, String.raw`\bjaldi\b`, String.raw`\bhurry\b`, String.raw`\bquickly\b`, String.raw`\bturant\b`, String.raw`\bcritical\b`, String.raw`\bno (?:money|cash) (?:left|for)\b`,
    String.raw`\b(?:by|before|until|need(?:ed|s)?(?: it| this| them)?|fix(?:ed)?(?: it| this)?|sort(?:ed)?(?: it| this)?(?: out)?|resolv(?:e|ed)(?: it| this)?|done|ready|deliver(?:ed)?) (?:by )?(?:today|tonight|tomorrow)\b`,
    String.raw`\b(?:today|tonight) itself\b`,
    String.raw`\b(?:flight|exam|trip|departure|wedding|interview|meeting|presentation|check.?in|travel\w*|leav\w*|fly\w*|surgery) (?:is |are )?(?:today|tonight|tomorrow|in (?:a few|\d+|two|three) hours)\b`,
  ].join("|"),
);
const LOW = /\bno rush\b|\bnot (?:urgent|a priority|a big deal)\b|\bno hurry\b|\bwhenever (?:you|it'?s)\b|\bwhen(?:ever)? you (?:get|have) a (?:chance|moment|minute)\b|\blow priority\b|\bat your convenience\b|\bjust (?:curious|wondering)\b|\bnot time.sensitive\b/;

const RANK: Record<Urgency, number> = { low: 0, medium: 1, high: 2, critical: 3 };
export const maxUrgency = (a: Urgency, b: Urgency): Urgency => (RANK[a] >= RANK[b] ? a : b);

// Most messages hold none of these words: their expressions are not run on them.
const mayBeCritical = requiredTextGuard(CRITICAL);
const mayBeHigh = requiredTextGuard(HIGH);
const mayBeLow = requiredTextGuard(LOW);

/** Urgency from the customer's words, starting from what the kind of problem implies. */
export function rateUrgency(customerText: string, base: Urgency, opts: { deadline?: string; threat?: boolean }): Urgency {
  const t = fold(customerText);
  if (mayBeCritical(t) && CRITICAL.test(t)) return "critical";
  let u = base;
  const pressed = (mayBeHigh(t) && HIGH.test(t)) || /!{3,}/.test(customerText) || opts.deadline !== undefined || opts.threat === true;
  if (pressed) u = maxUrgency(u, "high");
  else if (mayBeLow(t) && LOW.test(t)) u = "low";
  return u;
}
