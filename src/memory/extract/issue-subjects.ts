// The fallback vocabulary: how a problem shows when no specific rule names it, and which
// subject of each vertical it is about ("the videos of module 2 are out of sync" → a course
// access problem). Data only; issue.ts applies it.
import type { Vertical } from "../types";

const rx = (source: string): RegExp => new RegExp(source);

/** The kind used when a problem is plain and no subject of the vertical names it. */
export const FALLBACK_ISSUE: Record<Vertical, string> = {
  saas: "technical_issue",
  ecommerce: "order_issue",
  banking_fintech: "transaction_issue",
  travel: "booking_issue",
  telecom: "service_issue",
  edtech_support: "course_issue",
  general_info: "general_issue",
};

// Faults named outright ("not working", "charged", "still shows"), in several languages.
const NAMED_FAULT = String.raw`\b(?:not working|(?:doesn'?t|didn'?t|isn'?t|won'?t|wouldn'?t|never) work(?:ing|ed)?|stopped working|not work(?:ing)?|broken|error|issue|problem|trouble|can'?t|cannot|unable to|couldn'?t|failed|failing|fails|wrong|complain\w*|missing|lost|gone|disappeared|stuck|expired|delayed|overcharged|declined|crash\w*|froze|frozen|bug|glitch\w*|nothing (?:has )?(?:come|arrived|happened|works)|never (?:came|arrived|received|got|showed up|worked)|(?:haven'?t|hasn'?t|didn'?t|did not|have not|has not) (?:\w+ )?(?:received|arrived|come|got|gotten|worked|reached)|wasn'?t ready|not ready|left without|still (?:shows?|says|asks|locked|pending|the old|charging|being)|says? (?:it'?s |that )?(?:invalid|expired|failed|declined|pending|unavailable|not found)|invalid|denied|rejected|refused|limited|restricted|suspended|blocked|locked|frozen|without (?:any )?(?:notice|warning|explanation|reason)|nothing since|no (?:update|response|reply)|never (?:showed|turned) up|didn'?t (?:show|turn) up|charged|(?:isn'?t|not) mine|instead of|returns? nothing|shows? nothing|gives? (?:me )?(?:0|zero|an error)|blank|(?:n'?t|not|never) (?:been |yet |even |ever )?\w+(?:ed|en)|waited (?:for )?(?:over |more than )?(?:\d+|an?|two|three|several) (?:hours?|days?|weeks?|minutes?)|still (?:not|no|waiting|haven'?t|hasn'?t)|unusable|useless|reset to|paid for [^.]{0,40} but|but (?:was|were|got) (?:given|sent|charged)|no funciona|ne marche pas|funktioniert nicht|non funziona|nao funciona|kaam nahi kar|non si apre|no se abre|nao abre|(?:nahi|nhi) (?:aa|chal|mil|ho|khul)\w*)\b`;
// How customers describe a problem without naming a fault: a contrast with what they expected,
// repetition, duration, absence.
const IMPLIED_FAULT = String.raw`\b(?:(?:didn'?t|doesn'?t|don'?t|won'?t|wouldn'?t|can'?t|couldn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|haven'?t|hasn'?t|did not|does not|do not|will not|could not|cannot|is not|are not|was not|were not|have not|has not) (?!know\b|mind\b|think\b|worry\b|matter\b|hesitate\b|care\b|need\b)\w+|still nothing|nothing yet|still no\b|(?:^|, )yet\b|empty|blank|0 ?kb|no tengo|no tiene|no hay|nao tem|belum|tidak bisa|gagal|bloque\w*|bloqu\w*|gesperrt|bloccat\w*|no puedo|no me (?:llega|deja|funciona)|nao tenho|nao consigo|je n'?ai pas|je ne peux pas|ich kann nicht|ich habe kein\w*|noch kein\w*|non riesco|non ho|disappear\w*|vanish\w*|but\b[^.!?]{0,40}\b(?:not|no|nothing|never|still|only|n'?t|says?|shows?|got|received|keeps?|asks?)\b|although|even though|despite|every ?time|each time|keeps? (?:saying|showing|failing|asking|crashing|logging|kicking|happening|dropping|freezing|loading|spinning|coming back|getting)|twice|doubled?|there'?s no|there is no|there are no|no \w+ (?:in|under|on|for) (?:the|my|our)|out of sync|not in sync|mismatch|(?:doesn'?t|don'?t|didn'?t) match|logged (?:me|us) out|kicked (?:me|us) out|cut (?:out|off)|late fee|penalty|(?:has|have) been [^.!?]{0,30}\bfor (?:\d+|two|three|four|five|several|many|a few) (?:days|weeks|hours|months)|never (?:bought|ordered|made|used|signed|received|got)|(?:isn'?t|is not|aren'?t|not|doesn'?t|don'?t) (?:show(?:ing)?|appear(?:ing)?|visible|reflect\w*|load(?:ing)?|open(?:ing)?|play(?:ing)?)|nothing (?:came|arrived|happened|changed|showed|shows|works|loads)|todavia no|aun no|ainda nao|toujours pas|noch nicht|ancora non|abhi tak)\b`;
export const PROBLEM = rx(`${NAMED_FAULT}|${IMPLIED_FAULT}`);

/** A request the agent has to act on ("please sort the booking by Friday"): an issue even without a fault. */
export const REQUEST = rx(String.raw`\b(?:please|pls|plz|kindly|can you|could you|would you|i need|we need|need (?:to|you to|the|my|it|this)|i want to|i'?d like to|we'?d like to|i would like to|help me)\b[^.?!]{0,40}\b(?:sort|fix|change|update|cancel|send|issue|activate|reactivate|unlock|unblock|reset|resend|re-?issue|correct|amend|transfer|add|remove|extend|upgrade|downgrade|close|open|refund|replace|deliver|confirm|process|check|look into|investigate|arrange|rebook|reschedule|approve|verify|release|waive|reverse|sent|fixed|sorted|done|corrected|resolved|defer|postpone|pause|freeze|swap|switch|move|withdraw|delete|unsubscribe|block|increase|raise|lower|reduce|restore|recover|retrieve|get back)\w*\b`);

/** "I need a bank statement": a request when stated, not when asked ("do I need a visa?"). */
export const NEED = rx(String.raw`\b(?:i|we) need (?:a|an|my|the|our|some) \w+`);

/** Polite phrases that look like problems ("no problem", "don't worry"): masked before PROBLEM is tried. */
export const NOT_A_PROBLEM = rx(String.raw`\b(?:no|not a|any|without) (?:problem|issue|worries|trouble)s?\b|\bcan'?t (?:wait|thank)\b|\bdon'?t worry\b|\bnothing wrong\b|\bno longer (?:an? )?(?:issue|problem)\b`);
const NOT_A_PROBLEM_G = new RegExp(NOT_A_PROBLEM.source, "g");
/** "No problem" is not a problem: polite phrases are blanked (same length, offsets stay valid). */
export const maskPolite = (folded: string): string => folded.replace(NOT_A_PROBLEM_G, (m) => " ".repeat(m.length));
export const hasPlainProblem = (folded: string): boolean => PROBLEM.test(maskPolite(folded));

/**
 * Subjects per vertical, most specific first: the first that appears in the problem sentence
 * (else the message) names the kind. Used when no rule fired, or when the only rule that fired
 * belongs to another vertical ("my internet cut out mid-quiz" on an edtech tenant is an exam issue).
 */
export const SUBJECTS: Record<Vertical, [RegExp, string][]> = {
  saas: [
    [/\b(?:integrations?|webhooks?|sync\w*|api|connector|zapier|plugin|slack|teams|jira|hubspot|salesforce|trello|asana|notion|github|gitlab|google (?:drive|calendar|sheets)|outlook|dropbox|shopify|stripe|quickbooks|xero|mailchimp|twilio|zendesk|intercom|okta|pipedrive|zoho|monday|clickup|airtable|figma|miro)\b/, "integration_broken"],
    [/\b(?:log ?in|sign ?in|password|2fa|mfa|two.factor|authenticator|sso|saml|locked out)\b/, "login_problem"],
    [/\b(?:invoice\w*|billed|billing|charged?|charges|price|pricing)\b/, "bill_dispute"],
    [/\b(?:seats?|licen[cs]es?|users?|members?|owner|admin|permissions?|roles?)\b/, "user_management"],
    [/\b(?:slow|loading|load time|timeout|lag\w*)\b/, "performance_issue"],
    [/\b(?:dashboard|charts?|reports?|export\w*|import\w*|page|button|app|editor|search|data|numbers|totals?|automations?|workflows?|emails?|notifications?|reminders?|rows?|templates?)\b/, "bug_report"],
  ],
  ecommerce: [
    [/\b(?:refund\w*|money back|reembolso|remboursement)\b/, "refund_request"],
    // "something is wrong with your site" names no item
    [/\b(?:wrong(?! with)|size|colou?r|different (?:item|product|model)|talla)\b(?<!\b(?:something|anything|what'?s|what is|went|gone|goes|go|going) (?:is |was )?wrong)/, "wrong_item"],
    // paying at the shop's checkout ("my card keeps getting declined at checkout"); a card sent by post is a delivery
    [/\b(?:declined|checkout|payment (?:page|failed|fails|error|keeps failing|(?:didn'?t|won'?t|doesn'?t|isn'?t|not) go(?:ing)? through))\b/, "payment_failed"],
    [/\b(?:missing|in the (?:box|package|parcel)|no \w+ in|incomplete|only \w+ of)\b/, "missing_item"],
    [/\b(?:damaged|broken|cracked|torn|dented|scratched|shattered|smashed)\b/, "damaged_item"],
    [/\b(?:died|dead|won'?t (?:charge|turn on)|stopped working|faulty|defective)\b/, "defective_item"],
    [/\b(?:return\w*|exchange)\b/, "return_request"],
    [/\b(?:cancel\w*)\b/, "order_cancellation"],
    [/\b(?:address)\b/, "address_change"],
    [/\b(?:parcel|package|delivery|deliver\w*|ship\w*|tracking|courier|dispatch\w*|out for delivery|pedido|encomenda|commande|colis|bestellung|paket|ordine|order|pesanan|kiriman|arriv\w*|llega\w*|sampai)\b/, "delivery_delay"],
  ],
  banking_fintech: [
    [/\b(?:never (?:bought|made|authori[sz]ed)|not mine|don'?t recogni[sz]e|unknown (?:charge|transaction|merchant)|fraud\w*|scam\w*)\b/, "fraud_dispute"],
    [/\b(?:kyc|verification|verify|documents?|selfie|identity)\b/, "kyc_pending"],
    [/\b(?:card)\b/, "card_declined"],
    [/\b(?:account (?:is |was )?(?:blocked|frozen|locked|limited|restricted|closed)|access to my (?:account|funds)|bloque\w* (?:minha|mi|ma|mon) (?:conta|cuenta|compte)|(?:conta|cuenta|compte|konto) (?:\w+ )?(?:bloquead\w*|bloque\w*|gesperrt))\b/, "account_blocked"],
    [/\b(?:otp|one.time|code)\b/, "otp_not_received"],
    [/\b(?:debited|deducted|money (?:is |was )?gone|taken from)\b/, "payment_debited_not_credited"],
    [/\b(?:transfer\w*|wire|sepa|ach|neft|imps|rtgs|upi|pix|zelle|m-?pesa|remittance|deposit\w*|standing order|direct debit|sent|paid|balance|salary|payout|withdraw\w*)\b/, "transfer_delay"],
    [/\b(?:fee|fees|charged?|charges|interest)\b/, "bill_dispute"],
    [/\b(?:limits?)\b/, "transaction_issue"],
  ],
  travel: [
    [/\b(?:bags?|baggage|luggage|suitcases?)\b/, "baggage_lost"],
    [/\b(?:rebook\w*|reschedul\w*|change (?:my |the |our )?(?:flight|booking|date|ticket|train)|later (?:train|flight|bus)|earlier (?:train|flight|bus))\b/, "booking_change"],
    // "confirmation 88123456" labels a reference; the confirmation itself is the subject only when not followed by one
    [/\b(?:no (?:reservation|booking)|can'?t find (?:my|the|our) (?:booking|reservation)|confirmation(?! (?:(?:number|no\.?|code|ref\w*|#) ?)?[a-z]*\d)|e-?ticket|voucher)\b/, "booking_confirmation_missing"],
    [/\b(?:hotel|room|host|airbnb|apartment|hostel|check.?in at|accommodation|villa|resort|stay)\b/, "accommodation_issue"],
    [/\b(?:check.?in|boarding pass)\b/, "check_in_problem"],
    [/\b(?:missed|miss) (?:my |our |the )?(?:connection|connecting|train|flight|bus)\b/, "missed_connection"],
    [/\b(?:flight|plane|vuelo|voo|vol|flug)\b[^.]{0,40}\bcancel\w*|\bcancel\w*[^.]{0,30}\b(?:flight|vuelo|voo|flug)\b/, "flight_cancelled"],
    // "was cancelled" is the trip's fate; "cancel it", "a cancellation" is the customer asking
    [/\bcancel+ed\b/, "trip_cancelled"],
    [/\bcancel\w*/, "booking_cancellation"],
    [/\b(?:delay\w*|late)\b/, "flight_delay"],
    [/\b(?:refund\w*|money back)\b/, "refund_request"],
  ],
  telecom: [
    [/\b(?:port\w*|pac code|mnp|new provider|keep my number)\b/, "porting"],
    [/\b(?:roaming|abroad|overseas)\b/, "roaming"],
    [/\b(?:recharge\w*|top.?up|topped up|airtime|data pack|bundle)\b/, "recharge_failed"],
    [/\b(?:e-?sim|sim)\b/, "sim_issue"],
    [/\b(?:bill\w*|charged?|charges|invoice)\b/, "bill_dispute"],
    [/\b(?:slow|speed\w*|mbps|buffer\w*|lag\w*)\b/, "slow_internet"],
    [/\b(?:internet|network|signal|coverage|wi-?fi|broadband|fibre|fiber|connection|calls?|sms|texts?|landline|data|4g|5g|senal|sinal|red|rede|reseau|netz|rete|segnale|sinyal|jaringan)\b/, "network_outage"],
    [/\b(?:phone|handset|router|modem|ont|device|set.?top box)\b/, "device_issue"],
  ],
  edtech_support: [
    [/\b(?:certificates?|certification|diploma|transcript|credential|badge)\b/, "certificate_missing"],
    [/\b(?:exams?|quiz\w*|tests?|assessments?|grades?|marks|score|proctor\w*|attempts?)\b/, "exam_issue"],
    [/\b(?:assignments?|homework|essays?|submissions?|submit\w*|upload\w*|projects?|lab report)\b/, "assignment_issue"],
    [/\b(?:enrol\w*|enroll\w*|registration|admission|waitlist\w*|seats?|class is full)\b/, "enrolment_issue"],
    [/\b(?:courses?|class(?:es)?|lessons?|lectures?|modules?|videos?|content|materials?|recordings?|sessions?|library|progress)\b/, "course_access"],
  ],
  general_info: [],
};

/**
 * Subjects read only when none of SUBJECTS is named: what a hotel guest finds wrong with the room
 * or the hotel's services, or has lost there ("ac is totally broken", "I lost my wallet in the
 * bar"). A booking, a cancellation or a delay named in the same sentence says more ("I have a spa
 * slot booked at 10 and I need to cancel it"), and a lost thing on a plane or a train is not the
 * hotel's.
 */
export const LAST_SUBJECTS: Partial<Record<Vertical, [RegExp, string][]>> = {
  travel: [
    [/\b(?:wi-?fi|air ?con\w*|a\/?c|heating|heater|shower|toilet|bathroom|towels?|shampoo|soap|bed ?sheets|pillows?|minibar|kettle|housekeeping|room service|pool|gym|spa|sauna|jacuzzi|elevator|lift)\b/, "accommodation_issue"],
    // the rest of a room or a rented flat, and the place's grounds ("the dishwasher in the apartment isn't draining")
    [/\b(?:dishwasher|washing machine|radiators?|thermostat|hair ?dryer|coffee machine|fridge|freezer|oven|microwave|hob|stove|tap|faucet|sink|drain|hot water|water pressure|mattress|bed|beds|linen|duvet|blankets?|curtains|blinds|balcony|window|windows|door lock|room safe|remote|kitchen|ceiling|carpet|breakfast|car park|barrier)\b/, "accommodation_issue"],
    [/\b(?:lost|left|forgot|missing|can'?t (?:seem to )?find|dropped)\b[^.]{0,30}\b(?:wallet|purse|phone|watch|camera|jacket|coat|keys?|glasses|ring|necklace|earrings?|laptop|charger|dogs?|cat)\b/, "accommodation_issue"],
  ],
};

