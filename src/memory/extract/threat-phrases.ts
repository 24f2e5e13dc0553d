// The words of a threat to leave or escalate: leaving (churn), a chargeback, a lawyer, a
// regulator, a public post, a manager, and the cues that make a plain cancellation a threat
// ("or I'm cancelling"). Data; sentiment.ts reads them.
import {
  AIRLINES, ECOMMERCE_BRANDS, EDTECH_PLATFORMS, FINTECH_BRANDS, HOTEL_CHAINS, SAAS_BRANDS, SAAS_INTEGRATIONS, TELECOM_BRANDS,
  TRAVEL_BRANDS, namesOf,
} from "./brands";
import { AMBIGUOUS } from "./lexicons";

export type ThreatKind = "churn" | "chargeback" | "legal" | "regulator" | "social" | "manager";

const rx = (parts: string[], flags = ""): RegExp => new RegExp(parts.join("|"), flags);

// Any named company can be where the customer switches to ("I'm switching to Airtel").
// A determiner is not a company: "I will go to the ombudsman" names no competitor.
const COMPETITOR_HINT = "(?!(?:the|a|an|my|our|your|this|that|his|her|their|its)\\b)[a-z][a-z0-9&.-]+";
// Moving or going somewhere is leaving only for a company we know by name ("moving to Vodafone",
// "going with Ryanair next time"): "we're moving to Berlin" is a change of address. Names that
// are plain words ("three", "target", "orange") are left out, as the lexicon leaves them out.
const COMPANY = [AIRLINES, ECOMMERCE_BRANDS, FINTECH_BRANDS, HOTEL_CHAINS, SAAS_BRANDS, TELECOM_BRANDS, TRAVEL_BRANDS, namesOf(EDTECH_PLATFORMS), namesOf(SAAS_INTEGRATIONS)]
  .flat()
  .map((n) => n.toLowerCase())
  .filter((n, i, all) => !AMBIGUOUS.has(n) && all.indexOf(n) === i)
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
  .join("|");
export const CHURN = rx([
  String.raw`\bcancel\w* (?:my|our|the|this) (?:\w+ )?(?:subscription|account|membership|plan|contract|service|card|policy|connection|line|order)s?\b`,
  String.raw`\bclose (?:all (?:of )?|both )?(?:my|our) (?:\w+ )?accounts?\b`, String.raw`\bterminate (?:my|our|the) (?:contract|service|subscription|account)\b`,
  String.raw`\bswitch(?:ing)? (?:over )?to (?:another|a different|a new|a competitor|your competitor|[a-z0-9&.-]+)(?: \w+)? ?(?:provider|bank|carrier|network|operator|company|service|platform|tool|airline|app|instead)\b`,
  String.raw`\bswitch(?:ing)? (?:providers?|banks?|carriers?|networks?|operators?|companies|platforms?)\b`,
  String.raw`\bmov(?:e|ing) (?:to|over to) (?:another|a different|a competitor|your competitor)\b`, String.raw`\btake (?:my|our) business elsewhere\b`,
  String.raw`\b(?:no longer|don'?t|do not) want to be (?:a|your) (?:customer|client|member)\b`,
  String.raw`\b(?:leave|leaving|quit) (?:you|your (?:service|bank|company|platform|network))\b`, String.raw`\bport (?:my number )?out\b`,
  String.raw`\bnever (?:use|order|buy|fly|shop|bank|book) (?:from |with )?(?:you|this)\w* again\b`, String.raw`\bgo (?:to|with) (?:a |your )?competitor\b`,
  String.raw`\b(?:not|won'?t be) renew(?:ing)?\b`, String.raw`\bfind (?:another|a new|a better) (?:provider|bank|company|service|platform|carrier|network)\b`,
  // the same in the languages the lexicons cover ("mein Abo kündigen", "darme de baja", "résilier", "disdire")
  String.raw`\b(?:kundigen|kundige|kundigung|dar(?:me|nos|se)? de baja|resilier|resiliation|disdire|disdetta)\b`,
  String.raw`\bcancelar (?:mi|la|nuestra|minha|a|nossa) (?:suscripcion|cuenta|membresia|plan|contrato|assinatura|conta|plano)\b`,
  String.raw`\bdelete (?:my|our) account\b`, String.raw`\bunsubscribe\b(?![^.!?]{0,40}\b(?:emails?|e-mails?|newsletters?|mailing lists?|marketing|promo\w*|offers|texts?|sms|notifications?|messages)\b)`,
  String.raw`\b(?:i'?m|i am|we'?re|we are|i'?ll|i will|we'?ll|we will|going to|gonna) (?:be )?(?:switch\w*|port\w*) (?:over )?(?:to|with) (?:a |another |your )?(?:competitor|${COMPETITOR_HINT})\b`,
  String.raw`\b(?:(?:i'?m|i am|we'?re|we are|i'?ll|i will|we'?ll|we will|going to|gonna)(?: be)?|and|then|or) (?:switch\w*|port\w*|mov\w*|go\w*) (?:over )?(?:to|with) (?:a |another |your )?(?:competitor|${COMPANY})(?![a-z0-9&-])`,
  // what is moved named on the way ("we'll be moving all 40 lines to Vodafone", "I'm moving our whole team (45 seats) to Asana")
  String.raw`\b(?:(?:i'?m|i am|we'?re|we are|i'?ll|i will|we'?ll|we will|going to|gonna)(?: be)?|and|then|or) (?:switch\w*|port\w*|mov\w*|tak\w*|transfer\w*) (?:all |our |my |the |both |every |whole |entire )*[^.,;!?]{1,30}? (?:over )?(?:to|with) (?:a |another |your )?(?:competitor|${COMPANY})(?![a-z0-9&-])`,
  // "our CTO wants to evaluate alternatives", "we're looking at other providers"
  String.raw`\b(?:evaluat\w*|review\w*|look(?:ing)? (?:at|for|into)|consider\w*|explor\w*|shop(?:ping)? around for|trial(?:l?ing)?|test(?:ing)?) (?:some |the |other |different )?(?:alternatives|competitors|(?:other|different|new) (?:providers|vendors|suppliers|tools|platforms|banks|carriers|networks|solutions|options))\b`,
  // "fix this or I'm cancelling", "I'm cancelling and moving to …": cancelling, with nothing named after it
  String.raw`\b(?:i'?m|i am|we'?re|we are|i'?ll|i will|we'?ll|we will) (?:be )?cancel+(?:ing)?(?= *(?:$|[,.;!?]|and\b|then\b|everything\b|it all\b))`,
]);
export const CUE = /\b(?:one more (?:day|time|week|hour)|any more of this|i'?ll|i will|we'?ll|we will|i'?m going to|i am going to|we'?re going to|going to|gonna|ready to|about to|thinking (?:of|about)|considering|plan(?:ning)? to|might|seriously|otherwise|or else|or i|unless|if (?:this|it|you|i|the|nothing|that)|last chance|final warning|no choice but|will have to|have no option)\b/;
export const THREATS: { kind: ThreatKind; re: RegExp }[] = [
  { kind: "chargeback", re: /\bcharge.?backs?\b|\bdispute (?:(?:this|it|the (?:charge|transaction|payment)) )?(?:with|through) (?:my|the) (?:bank|card|credit card)|\b(?:call|contact|tell|ask) my (?:bank|card (?:issuer|company)|credit card company)\b|\b(?:called|contacted|told|asked|asking|got|getting) my (?:bank|card (?:issuer|company)|credit card company) to (?:reverse|dispute|refund|claw back|charge ?back|stop|block) the (?:charge|payment|transaction)|\bmy (?:bank|card issuer) (?:will |is going to |is )?(?:reversing|reverse|disputing|dispute|clawing back|claw back) (?:it|the (?:charge|payment|transaction))|\bfile a dispute\b|\breverse the (?:charge|payment) (?:through|with) my bank\b/ },
  { kind: "legal", re: /\b(?:(?<!\b(?:is|am|'m|are|was|were|as|be|being|not) an? )(?:lawyers?|attorneys?|solicitors?)(?! (?:friends?|mates?|buddy|buddies|colleagues?|cousins?|relatives?)\b)|legal (?:action|notice|proceedings|advice|route|case|steps)|sue|suing|lawsuit|litigation|small claims|(?:to|in|into) court|consumer (?:court|forum)|abogad[oa]s?|demanda judicial|avocat|anwalt|avvocato|advogad[oa]|processo judicial|vakil|legal ?notice)\b/ },
  { kind: "regulator", re: /\b(?:regulators?|ombudsman|rbi|sebi|irdai|trai|npci|fca|cfpb|ofcom|ofgem|fcc|ftc|bbb|better business bureau|trading standards|accc|acma|consumer (?:protection|affairs|rights|council|commission|helpline)|national consumer helpline|procon|profeco|sernac|indecopi|cnil|data protection (?:authority|commission|officer)|central bank|financial conduct authority|banking ombudsman|dgca|civil aviation authority|nch|mediateur|mediatrice|defensor del (?:cliente|consumidor|pueblo)|ombudsmann|schlichtungsstelle|verbraucherzentrale|bundesnetzagentur|bafin|reclame aqui|consumidor\.gov)\b|\breport (?:you|this|your company|it) to\b|\bcomplain(?:t)? to (?:the )?(?:\w+ )?(?:authority|authorities|regulator|government|ministry)\b|\bfile a (?:formal )?complaint with\b/ },
  { kind: "social", re: /\b(?:(?<!\b(?:a|the|your|their|this|that|his|her) )post(?:ing)?|shar(?:e|ing)|tweet(?:ing)?|writ(?:e|ing) about|leav(?:e|ing)|put(?:ting)? (?:this|it)|expos(?:e|ing)|warn(?:ing)?|publish(?:ing)?|complain(?:ing)?)\b[^.]{0,40}\b(?:social media|twitter|facebook|instagram|tiktok|linkedin|reddit|youtube|trustpilot|google reviews?|yelp|online|publicly|press|news)\b|\b(?:redes sociales|reseaux sociaux|sozialen? medien|redes sociais|social network)\b|\breview (?:on|at) (?:google|trustpilot|yelp|facebook|tripadvisor|amazon|the app store|play store)\b|\b(?:1|one).star\b|\b(?:very |really )?(?:bad|negative|terrible|honest|public|scathing|damning) reviews?\b|\bgo(?:ing)? (?:viral|public)\b|\b(?:go|going|talk|talking|speak|speaking|write|writing) to the (?:press|media|newspapers?|papers|news)\b|\b(?:reviews?|posts?) everywhere\b|\beverywhere online\b|\bwarn (?:others|everyone|people)\b|\btell (?:every ?one|everybody|all my friends)\b/ },
  { kind: "manager", re: /\b(?:speak|talk|escalat\w*|transfer me|put me through|connect me|let me speak|get me)\b[^.]{0,25}\b(?:manager|supervisor|senior|someone (?:in charge|senior|higher)|higher (?:up|authority|management)|team lead|boss|escalation team|management)\b|\b(?:want|need|demand) (?:a|your|the) (?:manager|supervisor)\b|\bescalat(?:e|ed) (?:this|it|my|the)\b|\b(?:want|need) (?:this|it) escalated\b/ },
];
