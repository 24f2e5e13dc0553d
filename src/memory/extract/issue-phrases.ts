// What a customer's sentence does besides naming a problem: asks, thanks, chats, chases an
// earlier issue, holds a booking, asks for help with a thing it only names. Used by issue.ts to
// weigh rules, subjects and the model's kind against the words. Matched on folded text.
import { RULE_FRAGMENTS } from "./issue-rules";

/** Something that stopped working (in software, a bug report). */
export const MALFUNCTION = /\b(?:broken|broke|error|not working|(?:doesn'?t|didn'?t|isn'?t|won'?t) work\w*|stopped working|crash\w*|bug|glitch\w*|fail\w*|froze|freez\w*)\b/;

/** Praise or thanks. */
export const PRAISE = /\b(?:love|great|awesome|amazing|excellent|perfect|thanks?|thank you|happy|satisfied|brilliant|fantastic|wonderful|keep it up|well done|good job|impressed)\b/;

/** Greetings and small talk: no business in them. */
export const CHITCHAT =
  /^(?:hi|hello|hey|hola|yo|hiya|hello there|hi there|anyone there|is anyone there|good (?:morning|afternoon|evening|night)|lol|haha\w*)\W*$|\b(?:(?:know|got|have) any jokes?|how are you|how'?s it going|who are you|what'?s your name|your name|are you (?:a bot|a robot|human|real|an? ai)|are you (?:a |an )?real (?:person|human)|or a (?:bot|robot)|recommend (?:a|me|some) (?:good )?(?:book|movie|film|song|restaurant|recipe|show|series|game)s?|who am i (?:talking|speaking|chatting) (?:to|with)|is this a (?:bot|human|real person)|tell me a (?:joke|story|secret)|tell me something (?:funny|interesting|nice|random|about (?:you|yourself))|sing (?:me |a |us )|(?:write|say|tell) (?:me )?a poem|(?:i'?m|i am) (?:so |really |very )?bored|meaning of life|(?:your|ur) favou?rite|what time is it|who won (?:the )?(?:game|match|election|cup|world cup|league|race|final|oscars?|super bowl)|(?:what'?s|how'?s|how is) the weather|weather (?:forecast|like|today|tomorrow)|(?:watch\w*|see|saw) the (?:match|game)|the (?:match|game) (?:last night|yesterday|today|tonight)|(?:football|cricket) (?:match|game|score|results?)|(?:watch|like|play|love) (?:football|cricket))\b/;

/** How a question starts, in the languages the rules read. */
export const QUESTION_START = /^(?:how|what|when|where|why|which|who|can(?!'t)|could|do|does|did|is|are|will|would|should|may|is there|any way|que|como|cuando|donde|comment|quand|ou|wie|wann|wo|kya|kaise|kab)\b/;

/** Asking to know something without a question mark ("I wanted to know …"). */
export const ENQUIRY = /\b(?:want(?:ed)? to know|would like to know|wondering|curious|question about|quick question|enquir\w*|inquir\w*|need (?:some )?(?:info|information|details)|please (?:let me know|advise|confirm|explain)|can you tell me|could you tell me)\b/;

/** Chasing an issue already raised. */
export const FOLLOW_UP = /\b(?:any update|any news|following up|follow(?:ing)?.up on|chasing|still waiting|still not|still (?:no|haven'?t|hasn'?t)|again|same (?:issue|problem)|what'?s the status|status update|heard nothing|no reply|no response)\b/;

/** A sentence that is only thanks or an acknowledgement. */
export const THANKS_ONLY = /^(?:(?:ok(?:ay)?|great|perfect|awesome|cool|brilliant|thanks?|thank you|thx|ty|cheers|much appreciated|appreciate it|got it|noted|sure|alright|all good|bye|have a (?:nice|good|great) (?:day|one|evening|weekend))[\s,.!]*)+$/;

/** Asking for something to be done or given, with or without thanks around it. */
export const ASKS_FOR = /\b(?:get me|give me|book me|send me|set me up|sign me up|put me|(?:i|we) (?:need|want)|(?:i|we)'?d like|can you|could you|would you|please)\b/;

/** "I need help with my account", "question about my order", "my card": the thing and nothing about it. */
const THING = String.raw`(?!\w*ed\b)(?!(?:not|no|is|are|was|were|isn'?t|won'?t|can'?t|doesn'?t|didn'?t|broken|missing|stuck|gone|lost|late|wrong|down|failing)\b)\w+`;

const GREETING = String.raw`(?:(?:hi|hello|hey|good (?:morning|afternoon|evening))\W+)?`;

export const VAGUE = new RegExp(
  String.raw`^${GREETING}(?:(?:(?:i|we) (?:need|want|would like|'d like)(?: some)? (?:help|assistance)|can you help(?: me)?|could you help(?: me)?|please help(?: me)?|help(?: me)?|(?:i|we) have a (?:question|query)|(?:a )?(?:question|query)) (?:with|about|regarding|on|for) (?:my|our|the)|(?:my|our)) ${THING}(?: ${THING})?\W*$`,
);

/** "I have a table booking", "my room is booked for …", "it's an existing booking". */
export const HOLDS_BOOKING = /\b(?:i|we) (?:already )?(?:have|had|hold|made) (?:a |an |the |my |our )?(?:\w+ )?(?:booking|reservation)\b|\b(?:is|are|was|were) (?:already )?(?:booked|reserved)\b|\b(?:existing|current) (?:booking|reservation)\b|\b(?:booking|reservation) (?:(?:i|we) )?(?:already )?made\b/;

/** "… but would like to make a new one now": a booking held, and another asked for. */
export const ANOTHER = /\b(?:a new|another|one more|a second) (?:one|booking|reservation|room|table)\b/;

/** A question: ends with "?", opens as one, or asks without a question mark ("I wanted to know …"). */
export function isQuestion(s: { folded: string }): boolean {
  const t = s.folded.trim();
  return t.endsWith("?") || QUESTION_START.test(t.replace(/^[^a-z]+/, "")) || ENQUIRY.test(t);
}

/**
 * Asking what a booking or a stay holds or allows ("what's the earliest check-in?", "how many
 * people are on my reservation?", "do you allow late check-out?"), with no verb that acts on it
 * ("when can I change my check-in date?", "can I get a later check-out?").
 */
const ASKS_WHAT_IT_HOLDS =
  /^(?:what(?:'?s| is| are| time)?|when|which|why|how (?:many|long|late|early|much)|is (?:early|late|my|the|it|there)|are (?:there|we|pets)|do (?:you|i|we) (?:allow|offer|need|have to)|does (?:my|the|our|your)|(?:can|could) you (?:check|confirm|tell me|look up|see)|(?:i|we) (?:already )?(?:have|made) (?:a |an |the )?(?:booking|reservation)\W+(?:and )?(?:i|we) (?:want|would like|'d like|need) to know)\b/;
/** A verb that acts on the booking; "when I book" only says when a rule applies ("do I need to pay a deposit when I book?"). */
const ACTS_ON_BOOKING = /\b(?:chang\w*|mov\w*|switch\w*|extend\w*|shorten\w*|add\w*|upgrad\w*|postpon\w*|reschedul\w*|cancel\w*|(?<!(?:(?:when|if|before|after|did) (?:i|we)|(?:need|have) to) )book|booking a|reserve|make|amend\w*|modify\w*|get an? (?:later|earlier))\b/;
export const asksWhatItHolds = (s: { folded: string }): boolean => isQuestion(s) && ASKS_WHAT_IT_HOLDS.test(s.folded.replace(/^[^a-z]+/, "")) && !ACTS_ON_BOOKING.test(s.folded);

/** "Is there an iron in the room?", "Do you have a gym?", "is the rooftop pool open in winter": whether the place has something. */
export const HAS_IT = /^(?:is there|are there|do you (?:guys )?have|does (?:the|your) \w+ have|have you got|where (?:is|are|can i find)|is (?:the|your) (?:\w+ ){1,2}open)\b/;

/** Asking for the password of a place's wifi ("whats the wifi password", "wifi code?"): a question, not a failed sign-in. */
const WIFI_PASSWORD = /\b(?:wi-?fi|internet|network) (?:password|passcode|code|key|login|pass)\b/;
export const asksWifiPassword = (folded: string): boolean => WIFI_PASSWORD.test(folded) && !FAILURE.test(folded);

/** Check-in named: a check-in problem needs it ("the key card stopped working again" is the stay's). */
const CHECK_IN_SAID = /\bcheck(?:ing|ed)?[ -]?in\b|\bcheckin\b|\barriv\w*|\breception\b|\bfront desk\b/;

/** Getting at a course named: access to one needs it ("no certificate was generated" is the certificate's). */
const COURSE_ACCESS_SAID = /\b(?:access\w*|lock\w*|unlock\w*|log ?in|logg?ed in|sign(?:ed)? ?in|open\w*|load\w*|play\w*|watch\w*|view\w*|see|shows?|showing|appear\w*|disappear\w*|expir\w*|gone|removed|enrol\w*|enroll\w*|start\w*|get (?:in|into))\b/;

/** Kinds the model names over a rule only where their own words are said. */
export const KIND_SAID: Readonly<Record<string, RegExp>> = { check_in_problem: CHECK_IN_SAID, course_access: COURSE_ACCESS_SAID };

/** A plane, a train or a taxi: what is lost or broken there is not the hotel's (see LAST_SUBJECTS). */
export const NOT_THE_HOTEL = /\b(?:plane|flight|aircraft|airport|train|bus|coach|taxi|cab|ferry)\b/;

/** A failure named: a payment, a top-up or a booking that did not go through. */
export const FAILURE = /\b(?:fail\w*|declin\w*|reject\w*|refus\w*|revert\w*|unsuccessful|bounc\w*|error\w*|denied|(?:not|\w+n'?t) (?:(?:seem|appear) to )?(?:go(?:ne)? through|work\w*|accept\w*|complete\w*|process\w*)|unable|couldn'?t|can'?t|cannot|won'?t|stuck|pending)\b/;

/** The kinds that end something, and a cancellation the customer denies ("I don't want to cancel"). */
export const CANCEL_KINDS: ReadonlySet<string> = new Set(["cancellation_request", "order_cancellation", "booking_cancellation"]);
export const CANCEL_DENIED = new RegExp(RULE_FRAGMENTS.get("CANCEL_DENIED")!);
const CANCEL_DENIED_G = new RegExp(CANCEL_DENIED.source, "g");
/** Denied cancellations blanked (same length, offsets stay valid). */
export const maskDenied = (folded: string): string => folded.replace(CANCEL_DENIED_G, (m) => " ".repeat(m.length));
/** What asks to end something, in the words the cancellation rules read. */
export const CANCEL_WORD = /\b(?:cancel\w*|close (?:my|our|this|the) (?:\w+ )?account|terminat\w*|unsubscrib\w*|delete (?:my|our|the) account|switch\w* (?:to|providers?|banks?)|leav(?:e|ing) (?:you|your))\b/;
