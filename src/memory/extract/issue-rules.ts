// The kinds of problem customers raise, as data. A rule fires on a sentence (folded: lower
// case, no accents) when `any` matches and, if given, `with` matches too (in the sentence, or
// in the whole message when `withScope` says so), unless `unless` matches. Co-occurrence of a
// subject ("bag", "order") and a failure ("lost", "hasn't arrived") generalises far better than
// whole sentences. `weight` is specificity: the most specific rule wins, the vertical the
// conversation was routed to breaks near-ties.
import type { Urgency, Vertical } from "../types";

export type IssueRule = {
  type: string;
  weight: number;
  verticals?: Vertical[];
  any: RegExp;
  with?: RegExp;
  withScope?: "message";
  unless?: RegExp;
  /** The least urgency this kind of problem has. */
  urgency?: Urgency;
};

const rx = (source: string): RegExp => new RegExp(source);

// Shared fragments (folded text, so straight apostrophes only, optional in "didnt").
const NEG = String.raw`(?:not|never|no longer|isn'?t|aren'?t|doesn'?t|don'?t|didn'?t|won'?t|wasn'?t|hasn'?t|haven'?t|can'?t|cannot|couldn'?t)`;
const FAILED = String.raw`fail(?:ed|s|ing|ure)?|declin(?:ed|es|ing)|didn'?t go through|did not go through|won'?t go through|not go(?:ing)? through|bounced|unsuccessful|rejected|refused`;
const NOT_ARRIVED = String.raw`not (?:yet )?(?:been )?(?:arrived|delivered|received|shipped|dispatched|reached)|(?:hasn'?t|has not|haven'?t|have not|didn'?t|did not|never|still not|yet to|is yet to) (?:been )?(?:arrive|arrived|receive|received|deliver|delivered|ship|shipped|dispatch|dispatched|come|came|reach|reached|get|got|gotten|show(?:n|ed)? up|turn(?:ed)? up)`;
const STILL_WAITING = String.raw`still waiting|no sign of|where is|where'?s|not here yet|no update|hasn'?t moved|not moved|stuck|taking (?:too long|forever|ages|so long)`;
const BROKEN = String.raw`${NEG} (?:\w+ )?(?:work|working|load|loading|respond|responding|sync|syncing|connect|connecting|fire|firing|trigger|triggering|send|sending|post|posting|show|showing|updat\w*|sav\w+|flow\w*|com(?:e|ing) (?:in|through)|arriv\w*)|stopped (?:\w+ )?(?:working|syncing|sending|posting|firing|loading|responding|flowing|coming|arriving)|stop (?:flowing|coming in|arriving|syncing)|broken|broke|fail\w*|error\w*|crash\w*|disconnect\w*|throws?|throwing|expired|invalid token|unauthori[sz]ed|times? out|timing out|timeout|\b40[1349]\b|\b50[0234]\b`;
const FOREIGN_NOT_ARRIVED = String.raw`no (?:me )?ha llegado|no llega|nao chegou|nao caiu|ainda nao|pas (?:encore )?(?:recu|arrive)|noch nicht (?:angekommen|geliefert|erhalten|da)|non (?:e )?(?:ancora )?arrivat|niet (?:ontvangen|aangekomen|geleverd)|abhi tak nahi|nahi (?:aaya|aya|mila|pahuncha)|nhi (?:aaya|mila)`;

export const ISSUE_RULES: IssueRule[] = [
  // ---------------------------------------------------------------- safety and fraud first
  {
    type: "safety_issue", weight: 14, urgency: "critical",
    any: rx(String.raw`\b(?:caught fire|on fire|fire|flames?|smok(?:e|ing)|burn(?:ed|t|s|ing)?|overheat\w*|explod\w*|explosion|sparks?|sparking|electric(?:al)? shock|shocked (?:me|my)|swell\w*|swollen|bulging|injur\w*|hurt (?:me|my|him|her|himself|herself|myself|our)|bleeding|hospital|chok(?:e|ed|ing)|allergic reaction|poison\w*|toxic|melted)\b`),
    with: rx(String.raw`\b(?:battery|batteries|charger|charging|device|phone|product|item|cable|plug|socket|adapter|heater|appliance|it|toy|child|kid|baby|son|daughter|hand|finger|skin|car|food|laptop|power ?bank|scooter|e-?bike|router|kettle|fryer|blender|hair ?dryer|straightener|vape|mattress|seat|stroller|pram|crib|cot)\b`),
    unless: rx(String.raw`burning question|smoke test|fire(?:d|s)? (?:the |a )?(?:webhook|event|trigger)|firewall|fire ?base|fire ?fox|fire ?stick`),
  },
  {
    type: "fraud_dispute", weight: 13, verticals: ["banking_fintech"], urgency: "critical",
    any: rx(String.raw`\bunauthori[sz]ed\b|\b(?:charge|transaction|payment|debit|purchase)s?\b[^.]{0,80}\b(?:never|didn'?t|did not) (?:buy|bought|purchase\w*|order\w*|ma[dk]e|authori[sz]e\w*|sign(?:ed)? up|subscribe\w*)\b|\b(?:i|we) (?:never|didn'?t|did not) authori[sz]e\w*|\bnever authori[sz]ed\b|\bclick (?:on )?(?:a|the|this) link\b|\bsuspicious (?:sms|text|email|message|call|link|login)\b|\bclaiming to be (?:from )?(?:you|your (?:bank|company|team)|the bank)\b|\b(?:ask\w*|request\w*) (?:me )?(?:for|to (?:confirm|share|enter|give|send|verify|update)) (?:my |your )?(?:otp|pin|password|cvv|card (?:number|details)|bank details|login)\b|\bclicked (?:on )?(?:it|the link|a link|that link)\b|\bis (?:this|it) (?:really )?from you\b|\bfake (?:sms|email|message|website|call)\b|\b(?:transaction|payment|charge|transfer|purchase|debit|withdrawal|spend)s?\b[^.]{0,40}\b(?:i|we) (?:didn'?t|did not|never|don'?t|do not) (?:make|authori[sz]e|do|initiate|approve|place|recogni[sz]e)\b|\b(?:didn'?t|did not|never) (?:make|authori[sz]e|do|initiate|approve|place|request)\b[^.]{0,30}\b(?:transaction|payment|charge|transfer|purchase|debit|withdrawal|order|spend)|\b(?:don'?t|do not|didn'?t) recogni[sz]e\b[^.]{0,30}\b(?:transaction|payment|charge|debit|purchase|transfer|withdrawal|order|spend)|\bfraud\w*|\bscam\w*|\bphishing\b|\bstolen (?:card|phone|wallet|money|funds)|\b(?:card|account) (?:was |got |has been )?(?:cloned|skimmed)|\bsim swap|\bidentity theft|\bsomeone (?:else )?(?:has )?(?:used|withdrew|took|stole|spent|transferred)\b[^.]{0,30}\b(?:card|money|account|funds)`),
  },
  {
    type: "account_compromised", weight: 12, urgency: "critical",
    any: rx(String.raw`\b(?:hacked|compromised)\b|\bsomeone (?:else )?(?:has )?(?:logged|signed) in(?:to)?\b|\b(?:login|sign.?in) (?:from|in) (?:an? )?(?:unknown|strange|unrecogni[sz]ed) (?:location|device|country)|\bpassword (?:was |got |has been )?changed (?:without|by someone)`),
  },
  // ---------------------------------------------------------------- banking / fintech
  {
    type: "payment_debited_not_credited", weight: 13, verticals: ["banking_fintech"], urgency: "high",
    any: rx(String.raw`\b(?:debited|deducted|taken (?:out )?(?:from|of) my (?:bank )?account|left my account|(?:money|amount|balance|funds) (?:was |got |has been |have been |is |has |'s )?(?:cut|taken|gone|debited|deducted|reduced|left|went down|dropped)|charged|(?:paise|paisa|amount|money|balance) (?:kat|kata|cut) (?:gaye|gaya|gya|liya|ho gaya)|dinero (?:fue )?(?:descontado|debitado)|me (?:cobraron|descontaron)|debitado|descontado|saiu da (?:minha )?conta|salio de mi cuenta|preleve|abgebucht|addebitat)`),
    with: rx(String.raw`\bfail(?:ed|s|ure)?\b|\b(?:still )?shows? (?:as )?(?:unpaid|pending|due|not paid|outstanding)\b|\bstill (?:unpaid|due|outstanding)\b|\bno (?:lo |la )?(?:ha )?(?:recibio|recibido|llego|acreditad[oa]|reflej\w*)\b|\bnot (?:yet )?(?:been )?(?:credited|received|reflect\w*|showing|updated|reached|gone through)|\b(?:hasn'?t|has not|haven'?t|didn'?t|did not|never|not yet|yet to|still not) (?:been )?(?:credit\w*|receiv\w*|reflect\w*|get|got|reach\w*|arriv\w*|show\w*)|\bbut (?:the )?(?:merchant|recipient|beneficiary|receiver|seller|shop|store|biller|he|she|they|my (?:friend|landlord|brother|sister|father|mother|mom|dad|wife|husband))\b[^.]{0,40}\b(?:didn'?t|did not|not|hasn'?t|never|no)\b|\b(?:transaction|payment|transfer|recharge|order|booking) (?:was |is |has )?(?:show\w* )?(?:as )?(?:failed|pending|unsuccessful|declined|not placed|not confirmed)|\bfailed (?:transaction|payment|transfer)|\b(?:atm|machine)\b[^.]{0,40}\b(?:didn'?t|did not|no|not) (?:dispense|give|come out)|\bno (?:cash|money) (?:came out|was dispensed|dispensed)|\bnahi (?:aaya|aye|mila|hua|hue)|\bnhi (?:aaya|mila|hua)|\bno (?:ha llegado|se acredito|se reflej)|\bnao (?:caiu|chegou|foi creditad[oa]|recebeu)|\bbut no (?:order|ticket|booking|recharge|confirmation)`),
  },
  {
    type: "card_declined", weight: 11, verticals: ["banking_fintech"], urgency: "high",
    any: rx(String.raw`\bcard\b`),
    with: rx(String.raw`\b(?:declin\w*|rejected|refused|not (?:being )?accepted|doesn'?t work|not working|isn'?t working|won'?t work|stopped working|keeps? failing|failed|failing|do not honou?r|insufficient funds)`),
    unless: rx(String.raw`\b(?:renew\w*|licen[cs]e|subscription|invoice|upgrad\w*|our plan|the plan|billing)\b`),
  },
  {
    type: "card_blocked", weight: 11, verticals: ["banking_fintech"], urgency: "high",
    any: rx(String.raw`\b(?:freeze|block|cancel|lock|stop|deactivate|hotlist) (?:my |the |our )?(?:\w+ )?(?:card|debit|credit card|visa|mastercard|amex)\b|\b(?:lost|stolen) (?:my )?(?:wallet|purse|card|debit card|credit card)\b|\b(?:wallet|purse|card) (?:was |got |has been )?(?:lost|stolen)\b`),
  },
  {
    type: "card_blocked", weight: 11, verticals: ["banking_fintech"], urgency: "high",
    any: rx(String.raw`\bcard\b`),
    with: rx(String.raw`\b(?:blocked|frozen|froze|locked|suspended|deactivated|disabled|restricted|hotlisted|stuck in (?:the )?(?:atm|machine)|swallowed|retained|eaten)\b`),
  },
  {
    type: "wrong_transfer", weight: 11, verticals: ["banking_fintech"], urgency: "high",
    any: rx(String.raw`\b(?:conta errada|cuenta (?:equivocada|incorrecta|errada)|numero (?:errado|equivocado)|mauvais compte|falsche[ns]? konto)\b|\b(?:sent|transferred|paid|transfer\w*|send)\b[^.]{0,30}\bto (?:the |a )?wrong (?:\w+ )?(?:account|number|person|upi|beneficiary|id|iban|recipient|payee)|\bwrong (?:account (?:number|details)|beneficiary|upi id|recipient|payee|iban)\b`),
  },
  {
    type: "kyc_pending", weight: 11, verticals: ["banking_fintech"],
    any: rx(String.raw`\bv?(?:re-?)?kyc\b|\bidentity verification\b|\bverify my identity\b|\b(?:id|identity|document|address|selfie|video) verification\b|\bproof of (?:address|identity|income)\b|\b(?:aadhaar|pan) (?:verification|linking|link)\b|\bverification (?:is |has been |was )?(?:still )?(?:pending|stuck|failed|rejected|under review|taking)|\bdocuments? (?:are |is |were |was )?(?:still )?(?:under review|pending|rejected|not (?:accepted|approved|verified))`),
  },
  {
    type: "transfer_delay", weight: 10, verticals: ["banking_fintech"], urgency: "high",
    any: rx(String.raw`\b(?:transfer\w*|transferi\w*|transferencia|wire|sepa|ach|remittance|sent (?:the )?money|money i sent|neft|imps|rtgs|swift|zelle|interac|e-transfer|pix|m-?pesa|payout|withdrawal|deposit|salary|payment to)\b`),
    with: rx(String.raw`${NOT_ARRIVED}|\b(?:${STILL_WAITING})\b|\bpending\b|\bdelayed?\b|\bstill processing\b|['"]processing['"]|\b(?:has been|is|was|been) (?:\w+ )?(?:processing|in progress)\b|\bfor (?:\d+|two|three|four|five|several|many|a few) (?:business |working )?(?:days|weeks)\b|\bon hold\b|\bin process\b|\bnot (?:reflect\w*|credited|showing)|${FOREIGN_NOT_ARRIVED}`),
    unless: rx(String.raw`\brefund|\border\b|\bpackage\b|\bparcel\b`),
  },
  {
    type: "account_blocked", weight: 10, verticals: ["banking_fintech", "saas"], urgency: "high",
    any: rx(String.raw`\baccount (?:has been |was |is |got |been )?(?:temporarily |permanently )?(?:blocked|frozen|locked|suspended|restricted|limited|disabled|deactivated|on hold|under review)\b|\baccount (?:has been|was|got) closed\b|\b(?:blocked|froze|frozen|locked|suspended|restricted|disabled|deactivated|closed) (?:my|our) account\b|\bbloque\w* (?:minha|mi|ma|mon) (?:conta|cuenta|compte)\b|\b(?:conta|cuenta|compte|konto) (?:\w+ )?(?:bloquead[oa]|bloquee|gesperrt)\b|\bcan'?t (?:access|withdraw|use) (?:my )?(?:funds|money|balance)\b`),
  },
  {
    type: "otp_not_received", weight: 9,
    any: rx(String.raw`\b(?:otp|one.time (?:password|code|pin)|verification code|sms code|security code|login code|6.digit code|authentication code)\b`),
    with: rx(String.raw`${NEG}|\bnever\b|\bno\b|\bnot\b|\bdelayed\b|\bexpired?\b|\binvalid\b|\bwrong\b`),
  },
  // ---------------------------------------------------------------- saas
  {
    type: "billing_failed", weight: 11, verticals: ["saas", "telecom", "edtech_support"], urgency: "high",
    any: rx(String.raw`\b(?:billing|subscription|renewal|renew\w*|upgrad\w*|downgrad\w*|plan|invoice|payment method|our card|company card|auto.?pay|autopay|auto.?debit|direct debit|mandate|seat purchase|licen[cs]e)\b`),
    with: rx(String.raw`\b(?:${FAILED})\b|\bcouldn'?t (?:be )?(?:process\w*|charg\w*|complet\w*|pay)|\bcould not (?:be )?(?:process\w*|charg\w*|complet\w*)|\bpast due\b|\boverdue\b|\bunpaid\b|\bwon'?t (?:go through|process|accept)|\bpayment (?:issue|problem|error)\b|\berror\b`),
    unless: rx(String.raw`\b(?:integration|webhook|sync\w*|api|zapier)\b[^.]{0,30}\b(?:stopped|not|broken|fail\w*)`),
  },
  {
    type: "duplicate_charge", weight: 11, urgency: "high",
    any: rx(String.raw`\b(?:charged|billed|debited|deducted|paid|taken|cobrado|cobraron) (?:me |us |for it )?(?:twice|two times|double|2x|three times|thrice|multiple times|more than once|dos veces|duas vezes)|\bdouble (?:charge\w*|billed|billing|payment|debit\w*|deduct\w*)|\bduplicate (?:charge|payment|transaction|debit|invoice|order)|\b(?:charged|billed|debited) (?:again|a second time)\b`),
  },
  {
    type: "bill_dispute", weight: 9, verticals: ["telecom", "saas", "banking_fintech"],
    any: rx(String.raw`\b(?:bill|bills|billed|invoiced|charge|charges|charged|fee|fees)\b`),
    with: rx(String.raw`\b(?:higher than|doubled?|tripled?|twice as (?:much|high)|(?:so|very|really|too|extremely|unusually|ridiculously|crazy) (?:high|expensive|much)|but (?:we |i )?only (?:have|use|used|had|ordered|need|got)|more than (?:usual|expected|normal|agreed|quoted|my plan|i was told)|overcharg\w*|wrong(?:ly)?|incorrect\w*|extra charges?|unexpected|didn'?t (?:use|order|sign up|agree|subscribe|ask|cause|do|break|damage|make)|not my fault|wasn'?t me|but (?:i|we) (?:had )?(?:already )?(?:dropped out|left|cancel\w*|unsubscribed|closed|returned|moved|withdrew|stopped)|but (?:the app|your app|my account|the website|it|the site) (?:said|says|showed|shows)|went (?:up )?from|jumped from|increased from|doubled|without (?:any )?(?:notice|warning|explanation|consent|permission)|did not (?:use|order|agree|subscribe)|never (?:used|ordered|signed up|agreed|subscribed)|(?:even though|although|though|despite) (?:i|we|they|you|the \w+) (?:had |have )?cancel\w*|not (?:subscribed|opted|signed up)|hidden (?:charge|fee)s?|inflated|shock|why (?:am i|was i|were we|are we|is my|did you) (?:being )?(?:charg|bill)\w*|dispute|don'?t (?:understand|recogni[sz]e)|after (?:i|we) cancel\w*|still (?:being )?(?:charged|billed|invoiced)|(?:at|for) the (?:old|previous|full|higher|pro|annual) (?:price|rate|plan))`),
  },
  {
    type: "integration_broken", weight: 11, verticals: ["saas"], urgency: "high",
    any: rx(String.raw`\b(?:integrations?|webhooks?|sync\w*|api|zapier|connector|plugin|add-?on|app ?store app|slack|jira|hubspot|salesforce|ms teams|microsoft teams|github|gitlab|google (?:calendar|drive|sheets)|outlook|quickbooks|xero|shopify|stripe|okta|sso|saml|scim|zendesk|intercom|pipedrive|mailchimp|twilio|notion|asana|trello)\b`),
    with: rx(BROKEN + String.raw`|\bwrong\b|\bincorrect\w*|\btwice\b|\bdouble\b|\bmultiple times\b|\bnot receiving\b|\bno (?:events|data|messages|notifications|updates)\b|\bmissing (?:events|data|records)\b|\bduplicat\w*`),
    unless: rx(String.raw`\b(?:billing|payment|card|charge|invoice) (?:has |was |is )?(?:${FAILED})`),
  },
  {
    type: "login_problem", weight: 12, verticals: ["saas", "edtech_support", "banking_fintech"], urgency: "high",
    any: rx(String.raw`\b(?:can'?t|cannot|can not|unable to|couldn'?t|could not|not able to|won'?t let (?:me|us)|doesn'?t let (?:me|us)|no longer able to)\b[^.]{0,15}\b(?:log ?in|login|sign ?in|get in\b|(?:access|get into|get in to|enter|open) (?:my|our|the) (?:account|dashboard|workspace|admin|portal|profile|app))|\b(?:none of (?:us|my team|our team|the team|our users|my colleagues)|nobody|no ?one)(?: in (?:my|our) team)? (?:can|is able to|could)\b[^.]{0,15}\b(?:log ?in|login|sign ?in|access)|\b(?:log ?in|login|sign.?in)\b[^.]{0,20}\b(?:fail\w*|not work\w*|broken|error|issue|problem|loop|doesn'?t work|isn'?t working)|\b(?:locked|logged|kicked) out\b|\bpassword reset\b[^.]{0,30}\b(?:not|never|doesn'?t|isn'?t|expired|broken)|\breset (?:my |the )?password\b[^.]{0,30}\b(?:not|doesn'?t|never|can'?t)|\binvalid (?:password|credentials|login)|\bincorrect password|\b(?:2fa|mfa|two.factor|authenticator|verification codes?|login codes?)\b[^.]{0,40}\b(?:not|fail\w*|error|lost|new phone|doesn'?t|isn'?t|rejected|invalid|wrong|declined|refused|don'?t work|won'?t work)`),
  },
  {
    type: "service_outage", weight: 10, verticals: ["saas"], urgency: "critical",
    any: rx(String.raw`\b(?:app|site|website|platform|dashboard|service|server|system|api|tool|product|portal|workspace|instance|production|prod|checkout|store|shop|web ?shop|payment page|email|inbox)\b[^.]{0,20}\b(?:is |was |has been |went |goes |keeps going )?(?:down|offline|unavailable|unreachable|outage)\b|\boutage\b|\b50[234] (?:error|bad gateway|service unavailable)`),
    unless: rx(String.raw`\b(?:network|signal|internet|broadband|wifi|wi-fi|fibre|fiber|mobile data|4g|5g|landline|coverage)\b`),
  },
  {
    type: "bug_report", weight: 6, verticals: ["saas"],
    any: rx(String.raw`\b(?:bug|glitch\w*|crash\w*|exception|stack ?trace|blank (?:page|screen)|white screen|not loading|won'?t load|doesn'?t load|keeps (?:loading|spinning|crashing|freezing|logging me out)|spinner|error (?:message|code)|50[0234]|404)\b|\b(?:button|page|feature|link|export|import|report|search|filter|form|upload|download|editor|dashboard|setting|notification|email|calendar|chart|template|field|tab)s? (?:\w+ )?(?:is |are )?(?:not|isn'?t|doesn'?t|don'?t|won'?t|stopped|no longer) (?:\w+ )?(?:work\w*|respond\w*|load\w*|sav\w*|show\w*|function\w*|appear\w*|send\w*|updat\w*)|\b(?:button|link|export|save|submit|menu|tab|toggle|option)\b[^.]{0,30}\b(?:does nothing|nothing happens|unresponsive|greyed out|grayed out|is disabled)\b|\bnothing happens when\b`),
  },
  {
    type: "performance_issue", weight: 6, verticals: ["saas"],
    any: rx(String.raw`\b(?:slow|sluggish|laggy|lagging|takes (?:forever|ages|minutes|too long)|timing out|times out|performance)\b`),
    unless: rx(String.raw`\b(?:internet|broadband|wifi|wi-fi|data|network|4g|5g|fibre|fiber|delivery|shipping|refund|transfer|response|reply|support|agent)\b`),
  },
  {
    type: "user_management", weight: 7, verticals: ["saas"],
    any: rx(String.raw`\b(?:add|remove|invite|deactivate|assign)\b[^.]{0,25}\b(?:users?|seats?|members?|teammates?|licen[cs]es?|admins?|colleagues?)\b`),
    with: rx(String.raw`${NEG}|\bfail\w*|\berror\b|\bunable\b|\bhow\b|\bgreyed out\b`),
  },
  {
    type: "data_request", weight: 9,
    any: rx(String.raw`\b(?:gdpr|dsar|ccpa|lgpd|dpdp|popia)\b|\bdata (?:subject|access|deletion|erasure|export|portability) request|\bdelete (?:all )?(?:of )?(?:my|our) (?:personal )?(?:data|information|details|records)|\bright to (?:be forgotten|erasure|access)|\b(?:delete|erase|remove|wipe)\b[^.]{0,40}\b(?:my|our) (?:personal )?(?:data|information|details|records)\b|\bcopy of (?:all )?(?:my|the) (?:personal )?(?:data|information) (?:you|that you)|\bwhat (?:personal )?data (?:do )?you (?:hold|have|store)`),
  },
  {
    type: "invoice_issue", weight: 9, verticals: ["saas", "ecommerce"],
    any: rx(String.raw`\b(?:invoices?|receipts?|vat|gst|tax (?:id|number|invoice)|billing address|credit note)\b`),
    with: rx(String.raw`\b(?:wrong|incorrect|missing|need|update|fix\w*|correct\w*|change|resend|re-?issue|download|can'?t find|not (?:received|showing|generated)|doesn'?t show|add (?:our|my)|without|typo|error|mistake|amend)\b`),
  },
  {
    type: "cancellation_request", weight: 6,
    any: rx(String.raw`\bcancel\w* (?:my|our|the) (?:\w+ )?(?:subscription|account|membership|plan|contract|service|renewal|auto.?renew\w*|line|connection)|\bclose (?:my|our) account|\bterminate (?:my|our|the) (?:contract|service|subscription|account)|\bcancel\w* (?:the )?auto.?renew\w*|\bunsubscribe\b|\bdelete (?:the |my |our )?(?:workspace|account|organi[sz]ation|team|profile)\b|\bstop (?:billing|charging) (?:me|us|for)\b|\bend (?:my|our) (?:subscription|contract|membership)|\bstop (?:the )?auto.?renew\w*|\b(?:don'?t|do not) (?:want to )?renew\b|\bwant to (?:cancel|leave|quit)\b`),
  },
  {
    type: "plan_change", weight: 5, verticals: ["saas", "telecom"], urgency: "low",
    any: rx(String.raw`\b(?:change|upgrade|downgrade|switch|move|migrate)\b[^.]{0,20}\b(?:plan|tariff|package|bundle|pack|tier|subscription)\b`),
  },
  {
    type: "feature_request", weight: 4, verticals: ["saas"], urgency: "low",
    any: rx(String.raw`\bfeature request\b|\b(?:would|it'?d|will) be (?:great|nice|helpful|useful|awesome|good) if\b|\b(?:can|could) you (?:please )?add\b|\bplease add\b|\b(?:do you|any) plans? to (?:add|support|build)|\bwish (?:there was|it could|you had|you would)\b|\bsuggestion\b|\broadmap\b`),
  },
  // ---------------------------------------------------------------- ecommerce
  {
    type: "missing_delivery", weight: 12, verticals: ["ecommerce"], urgency: "high",
    any: rx(String.raw`\b(?:delivery attempted|attempted delivery|failed delivery attempt|missed delivery)\b|\b(?:customer|recipient) (?:not available|unavailable|not (?:at )?home|refused)\b|\b(?:no ?one|nobody) (?:rang|knocked|came|showed up)\b|\b(?:left|dropped|delivered|handed|gave)\b[^.]{0,30}\b(?:with|to) (?:a |my |the |some )?(?:neighbou?r|someone|stranger|wrong (?:person|address|house|flat))|\b(?:left|dropped) (?:it |my package |the parcel |the package |my parcel )?(?:outside|at the (?:door|gate)|on the (?:porch|doorstep)|in the rain)\b|\b(?:shows?|showing|says?|saying|marked|status (?:is|says)|updated|tracking (?:says|shows)|it was)\b[^.]{0,20}\bdelivered\b|\bdelivered to (?:the )?(?:wrong (?:address|house|person|flat|building)|someone else|a neighbou?r)`),
    with: rx(String.raw`\b(?:not|never|didn'?t|haven'?t|hasn'?t|no one|nobody|nothing|no package|no parcel|wasn'?t|but|gone|stolen|missing|don'?t know|can'?t find)\b`),
    withScope: "message",
  },
  {
    type: "wrong_item", weight: 11, verticals: ["ecommerce"],
    any: rx(String.raw`\b(?:sent|received|got|delivered|given)\b[^.]{0,30}\bbut (?:i |we )?(?:had )?(?:ordered|bought|paid for|asked for|selected)\b|\b(?:ordered|bought)\b[^.]{0,40}\b(?:and|but) (?:got|received|was sent|they sent|you sent)\b|\b(?:ordered|bought|paid for)\b[^.]{0,30}\bbut (?:got|received|was sent|they sent|you sent|it'?s)\b[^.]{0,20}\b(?:a |an |the )?(?:different|another|wrong|xs|s|m|l|xl|xxl|small|medium|large|size)\b|\bmismatch\w*|\b(?:two|2) (?:left|right) (?:shoes?|gloves?|earbuds?)|\bnot a (?:matching )?pair\b|\bwrong (?:item|product|size|colou?r|model|order|thing|book|shoes?|variant|one|version|package|parcel|flavou?r|quantity|edition)|\b(?:not|isn'?t|wasn'?t) what i (?:ordered|bought|paid for|selected)|\bdifferent (?:item|product|colou?r|size|model|brand|shade|style|fit|material|pattern|design)\b|\b(?:than|from) (?:in |on |shown in )?(?:the )?(?:photos?|pictures?|images?|description|listing|website|ad)\b|\bnot as (?:described|pictured|shown|advertised)\b|\breceived (?:someone else'?s|another (?:customer|person)'?s)|\bsomeone else'?s (?:parcel|package|order|item|delivery|box)\b|\b(?:isn'?t|is not|not) (?:mine|my (?:order|parcel|package|name))\b|\bsent (?:me |us )?(?:the |a )?(?:wrong|incorrect|different)\b|\bincorrect (?:item|product|size|colou?r)|\binstead of (?:the |my )?[^.]{0,30}\bi (?:ordered|bought|paid for|selected|chose|picked)|\b(?:got|received|sent me|delivered|came)\b[^.]{0,30}\binstead of\b|\b(?:producto|articulo|talla) (?:equivocad|incorrect)\w*|\bmauvais (?:article|produit|taille)|\bfalsche[nrs]? (?:artikel|produkt|grosse)|\bgalat (?:item|product|saman|size)`),
  },
  {
    type: "damaged_item", weight: 11, verticals: ["ecommerce"],
    any: rx(String.raw`\b(?:an? (?:big |huge |small |large |deep |visible )?(?:tear|hole|scratch|dent|crack|stain|rip|chip)s?|damaged|broken|cracked|shattered|smashed|dented|torn|ripped|scratched|crushed|snapped|bent|chipped|squashed|leak\w*|stained|dead on arrival|doa|in pieces|danad[oa]|rot[oa]|endommage|casse|beschadigt|kaputt|danneggiat[oa]|rott[oa]|quebrad[oa]|danificad[oa]|tut[ae] hu[ae]|toota)\b`),
    with: rx(String.raw`\b(?:arriv\w*|came|received|deliver\w*|package|parcel|box|item|order\w*|product|packaging|open\w*|unbox\w*|glass|bottle|jar|screen|inside|seal|shipment|courier|llego|chegou|arrive|angekommen|arrivat\w*|bought|purchased|pedido|commande|bestellung)\b`),
    unless: rx(String.raw`\b(?:bag|bags|baggage|luggage|suitcase)\b`),
  },
  {
    type: "missing_item", weight: 10, verticals: ["ecommerce"],
    any: rx(String.raw`\b(?:items?|parts?|pieces?|accessor\w+|charger|cable|one of (?:the|my)|half (?:of )?(?:the|my) order|products?)\b[^.]{0,30}\b(?:missing|not (?:included|in the (?:box|package|parcel))|was not there|wasn'?t (?:there|included|in (?:the|it)))|\bmissing (?:from|in) (?:the |my )?(?:order|package|parcel|box|delivery)|\bonly (?:got|received) \w+ (?:of|out of)\b|\bonly \w+ (?:were|was|came|arrived)\b|\b(?:had|ordered|paid for) \w+ (?:items|products|pieces|things)\b[^.]{0,30}\bonly\b|\bonly \w+ (?:inside|in (?:the )?(?:box|pack|package|parcel))\b|\b(?:box|package|parcel) (?:was |came |arrived )?empty|\bempty (?:box|package|parcel)|\b(?:box|package|parcel|caja|paquete|colis|paket|caixa|pacote)\b[^.]{0,30}\b(?:empty|vaci[oa]|vide|leer|vazi[oa])\b|\b(?:llego|arrived|came|chegou) (?:completely )?(?:empty|vaci[oa]|vazi[oa])\b|\bnothing (?:was )?inside\b|\bnada dentro\b`),
  },
  {
    type: "defective_item", weight: 9, verticals: ["ecommerce"],
    any: rx(String.raw`\b(?:defective|faulty|malfunction\w*|not functioning|dead)\b|\b(?:stopped|stop|not|isn'?t|doesn'?t|won'?t|never|no longer) (?:\w+ )?(?:working|work|turn(?:ing)? on|charg(?:e|ing)|power(?:ing)? on|switch(?:ing)? on)\b|\bkeeps? (?:turning off|shutting down|restarting)`),
    with: rx(String.raw`\b(?:item|product|order\w*|bought|purchased|received|arrived|delivered|headphones?|earbuds?|laptop|charger|blender|kettle|watch|tv|television|speaker|fridge|machine|vacuum|fryer|toy|lamp|camera|printer|console|tablet|mouse|keyboard|monitor|bulb|iron|mixer|heater|fan|drill|shaver|toaster|microwave|oven|appliance)\b`),
  },
  {
    type: "delivery_delay", weight: 10, verticals: ["ecommerce"], urgency: "medium",
    any: rx(String.raw`\b(?:order\w*|package|parcel|delivery|deliveries|shipment|shipping|item|items|courier|pedido|encomenda|commande|colis|bestellung|paket|lieferung|ordine|pacco|spedizione|product|purchase|groceries|food|tracking|stuff|things i (?:ordered|bought))\b`),
    with: rx(String.raw`${NOT_ARRIVED}|\bnothing (?:since|after|more)\b|\bno (?:updates?|movement|news) (?:since|for)\b|\bsince then\b|\bnothing (?:has |have )?(?:come|arrived|turned up|shown up|been delivered)\b|\bnever (?:shipped|sent|dispatched)\b|\b(?:delay\w*|late|overdue|${STILL_WAITING}|still (?:in transit|processing|pending|not)|supposed to (?:arrive|be delivered|come|reach)|expected (?:delivery|by|on|date)|past the (?:delivery|expected|estimated)|was due|no movement|lost in transit|lost|in transit for|retrasad\w*|atrasad\w*|en retard|verspat\w*|in ritardo)\b|${FOREIGN_NOT_ARRIVED}`),
    unless: rx(String.raw`\b(?:refund\w*|money|reembolso|remboursement|flight|vuelo|baggage|luggage|bag|suitcase)\b|\bcredit(?:ed)?\b`),
  },
  {
    type: "order_cancellation", weight: 8, verticals: ["ecommerce"],
    any: rx(String.raw`\bcancel\w* (?:(?:my|the|this|an|our|that) )?(?:\w+ )?order\b|\border (?:cancellation|cancel)|\bcancelar (?:mi |el )?pedido|\bannuler (?:ma |la )?commande|\bbestellung stornieren`),
  },
  {
    type: "return_request", weight: 6, verticals: ["ecommerce"],
    any: rx(String.raw`\b(?:want|like|need|trying|try|how (?:do|can) i|can i|able|possible) to (?:return|exchange)\b|\breturn (?:it|this|the|my|these|them)\b|\breturn (?:label|request|window|policy|pickup)\b|\bstart a return\b|\bexchange (?:it|this|the|my|for)\b|\bsend (?:it|this|them) back\b|\bdevolver\b|\bdevolucao\b|\bretourner\b|\bzuruck(?:schicken|senden)\b|\brucksendung\b|\brestituire\b|\bwapas karna\b`),
  },
  {
    type: "address_change", weight: 7, verticals: ["ecommerce"],
    any: rx(String.raw`\b(?:change|update|correct|edit|modify|fix)\b (?:the |my )?(?:delivery |shipping )?address\b|\baddress (?:is |was )?(?:wrong|incorrect)\b|\bwrong (?:delivery |shipping )?address\b|\bdeliver (?:it )?to a different address\b`),
  },
  // ---------------------------------------------------------------- travel
  {
    type: "flight_cancelled", weight: 12, verticals: ["travel"], urgency: "high",
    any: rx(String.raw`\b(?:flight|vuelo|voo|vol|flug|volo|departure|route|plane)\b[^.]{0,40}\b(?:cancel+ed|cancel+ation|scrapped|called off|annul\w*|cancelad[oa]|annule|gestrichen|cancellat[oa])|\bcancel+ed (?:my |our |the |this )?(?:\w+ )?(?:flight|vuelo|voo|flug)\b|\bcancelaron (?:mi|el|nuestro) vuelo`),
    unless: rx(String.raw`\b(?:i|we) (?:have |had |just )?cancel+ed\b|\bwant to cancel\b|\bneed to cancel\b`),
  },
  {
    type: "trip_cancelled", weight: 10, verticals: ["travel"], urgency: "high",
    any: rx(String.raw`\b(?:train|bus|ferry|cruise|tour|coach|excursion)\b[^.]{0,30}\bcancel+ed\b|\bcancel+ed (?:my |our |the )?(?:train|bus|ferry|cruise|tour)\b`),
    unless: rx(String.raw`\b(?:i|we) (?:have |had |just )?cancel+ed\b`),
  },
  {
    type: "baggage_lost", weight: 12, verticals: ["travel"], urgency: "high",
    any: rx(String.raw`\b(?:bags?|baggage|luggage|suitcases?|backpack|equipaje|maleta|bagagem|mala|bagage|valise|gepack|koffer|bagaglio|valigia)\b`),
    unless: rx(String.raw`\b(?:order|items?|parcel|package|delivery|courier)\b`),
    with: rx(String.raw`\b(?:lost|missing|misplaced|left behind|can'?t (?:be )?f(?:i|ou)nd|never (?:arrived|came|showed up)|didn'?t (?:arrive|come|show up|make it)|did not arrive|not (?:arrived|on the (?:belt|carousel)|delivered|received)|hasn'?t (?:arrived|been delivered|come)|haven'?t (?:got|received|seen)|delayed|still waiting|perdid[oa]|extraviad[oa]|perdu|verloren|pers[oa]|no (?:ha )?llego|nao chegou|where is)\b`),
  },
  {
    type: "baggage_damaged", weight: 11, verticals: ["travel"],
    any: rx(String.raw`\b(?:bags?|baggage|luggage|suitcases?|stroller|pram|pushchair|car seat|wheelchair|golf bag|bike box|in the hold|backpack|equipaje|maleta|bagagem|valise|koffer|valigia)\b`),
    with: rx(String.raw`\b(?:damaged|broken|torn|ripped|cracked|smashed|wheel|handle|dented|danad[oa]|rot[oa]|endommage|beschadigt|kaputt)\b`),
  },
  {
    type: "denied_boarding", weight: 11, verticals: ["travel"], urgency: "high",
    any: rx(String.raw`\b(?:denied|refused) (?:me |us )?boarding\b|\bbumped (?:off|from)\b|\boffloaded\b|\bnot allowed to board\b|\b(?:flight|plane) (?:was |is )?overbooked\b|\boverbooked (?:flight|plane)\b`),
  },
  {
    type: "missed_connection", weight: 10, verticals: ["travel"], urgency: "high",
    any: rx(String.raw`\bleft without (?:us|me)\b|\bmissed (?:my |our |the )?(?:connecting flight|connection|connecting|onward|next) ?(?:flight|train)?|\bmisconnect\w*|\bmissed (?:my |our |the )?(?:flight|train|bus) (?:because|due to|as)`),
  },
  {
    type: "flight_delay", weight: 9, verticals: ["travel"], urgency: "high",
    any: rx(String.raw`\b(?:flight|departure|plane|airline|vuelo|voo|vol|flug|volo|train|bus)\b[^.]{0,40}\b(?:delay\w*|late|postponed|retimed|rescheduled|retrasad\w*|atrasad\w*|en retard|verspat\w*|in ritardo)\b|\bdelayed (?:by )?(?:\d+|two|three|four|five|six|several|many) hours?\b|\b(?:still )?not boarding\b|\bstuck (?:at|on) (?:the )?(?:gate|tarmac|runway|plane)\b`),
    unless: rx(String.raw`\b(?:bags?|baggage|luggage|suitcase|refund\w*)\b`),
  },
  {
    type: "booking_change", weight: 8, verticals: ["travel"],
    any: rx(String.raw`\b(?:change|changing|modify|modifying|reschedul\w*|rebook\w*|move|switch|amend|correct\w*|postpone|shift|push)\b[^.]{0,30}\b(?:booking|reservation|flight|ticket|travel dates?|return date|departure|check.?in date|name on|passenger name|trip|itinerary|seat|stay|hotel|room|dates?)\b|\b(?:add|remove)\b[^.]{0,30}\b(?:to|from) (?:the |my |our )?(?:booking|reservation|ticket|itinerary)\b|\bname (?:correction|change|is (?:misspelled|spelt wrong|wrong))|\bdate change\b|\bcambiar (?:mi |la |el )?(?:reserva|fecha|vuelo)|\bchanger (?:ma |la |mon )?(?:reservation|date|vol)|\bumbuchen\b`),
    unless: rx(String.raw`\b(?:address|password|email|plan|exam|test|course|class|delivery|order|payment method|card)\b`),
  },
  {
    type: "booking_cancellation", weight: 7, verticals: ["travel"],
    any: rx(String.raw`\bcancel\w* (?:my|the|our|this|a) (?:\w+ )?(?:booking|reservation|flight|ticket|trip|stay|hotel|room|tour|holiday)|\bcancelar (?:mi |la )?reserva|\bannuler (?:ma |la )?reservation`),
    unless: rx(String.raw`\b(?:they|hotel|host|airline|operator|property|you) (?:have |has |had |just )?cancel\w*`),
  },
  {
    type: "booking_confirmation_missing", weight: 8, verticals: ["travel"],
    any: rx(String.raw`\b(?:confirmation|e-?tickets?|voucher|booking|reservation|itinerary)\b`),
    with: rx(String.raw`\bnot (?:yet )?(?:received|sent|arrived|confirmed|showing|visible|generated)|\bnever (?:received|arrived|came)|\b(?:didn'?t|did not) (?:get|receive|come)|\b(?:haven'?t|have not) (?:got|gotten|received)|\bno (?:email|confirmation|e-?ticket)|\bstill pending|\b(?:isn'?t|is not) (?:showing|confirmed|visible)|\bcan'?t find (?:my )?(?:booking|reservation)`),
  },
  {
    type: "accommodation_issue", weight: 8, verticals: ["travel"],
    any: rx(String.raw`\b(?:hotel|room|property|apartment|host|airbnb|hostel|reception|accommodation|villa|guesthouse|guest house|resort)\b`),
    with: rx(String.raw`\b(?:(?:booked|paid for|reserved) (?:a |an )?[^.]{0,25}\bbut (?:got|received|were given|was given)|(?:smaller|different|wrong) (?:room|bed)|single room|not what (?:we|i) (?:booked|paid for)|dirty|unclean|filthy|bed ?bugs|no (?:hot )?water|not as (?:described|advertised|pictured|shown)|overbooked|no rooms?|denied|refused|turned (?:us )?away|smell\w*|noisy|mou?ld|cockroach\w*|air ?con\w*|unsafe|host cancel\w*|wouldn'?t let|couldn'?t (?:get in|access|find)|different (?:room|property|hotel)|no towels|broken (?:lock|shower|ac|heater|toilet)|not (?:clean|ready))\b`),
  },
  {
    type: "check_in_problem", weight: 7, verticals: ["travel"],
    any: rx(String.raw`\b(?:check.?in|checkin|boarding pass|web check.?in|online check.?in)\b`),
    with: rx(String.raw`${NEG}|\bfail\w*|\berror\b|\bnot working\b|\bproblem\b|\bissue\b|\bunable\b`),
  },
  // ---------------------------------------------------------------- telecom
  {
    type: "porting", weight: 10, verticals: ["telecom"],
    any: rx(String.raw`\bport(?:ing|ed)? (?:in |out )?(?:my |our |the |a |this )?(?:\w+ )?(?:number|sim|line|mobile)\b|\bport(?:ing)?[- ](?:out|in)\b|\brelease (?:my|the) number\b|\bporting\b|\bportability\b|\bmnp\b|\b(?:pac|stac|upc|port(?:ing)?) code\b|\bport.?(?:in|out) request\b|\bkeep (?:my|the same) (?:phone |mobile )?number\b|\btransfer (?:my|our) (?:phone |mobile )?number\b`),
  },
  {
    type: "roaming", weight: 10, verticals: ["telecom"],
    any: rx(String.raw`\broaming\b|\bitinerancia\b|\bitinerance\b`),
  },
  {
    type: "roaming", weight: 8, verticals: ["telecom"],
    any: rx(String.raw`\b(?:abroad|overseas|international (?:calls?|data|usage|sms)|in (?:another|a foreign) country|while travell?ing)\b`),
    with: rx(String.raw`\b(?:data|sim|esim|network|signal|phone|calls?|charges?|pack|plan|bill|sms|texts?)\b`),
  },
  {
    type: "sim_issue", weight: 10, verticals: ["telecom"],
    any: rx(String.raw`\b(?:e-?sim|sim(?: card)?)\b`),
    with: rx(String.raw`\b(?:not (?:detect\w*|work\w*|activ\w*|recogni[sz]\w*|regist\w*|showing)|no sim|invalid|blocked|locked|activ\w*|fail\w*|transfer\w*|swap\w*|replac\w*|lost|stolen|damaged|puk|pin lock\w*|doesn'?t (?:work|show)|isn'?t (?:working|active)|deactivat\w*|registration failed|emergency calls only|sos only|qr code)\b`),
  },
  {
    type: "recharge_failed", weight: 11, verticals: ["telecom"], urgency: "high",
    any: rx(String.raw`\b(?:recharge\w*|top.?up|topped up|data pack|data bundle|data balance|airtime|bundle|recarga|ricarica)\b`),
    with: rx(String.raw`\b(?:${FAILED})\b|\bbalance (?:still )?(?:shows?|is|says) (?:zero|0|nil|nothing|the same|empty)|\bnot (?:yet )?(?:credited|reflect\w*|received|updated|activated|added|showing|applied)|\b(?:didn'?t|did not|hasn'?t|has not) (?:get )?(?:credit\w*|reflect\w*|activat\w*|show\w*|appl\w*|work)\b|\bshows? (?:0|zero|nothing|nil)\b|\b0 ?(?:gb|mb)\b|\bbut no (?:data|balance|validity)|\bdeducted\b|\bdebited\b|\bexpired? (?:early|already|before)\b|\bran out (?:early|already|before)\b|\bdisappear\w*|\bvanish\w*|\bfinish\w* (?:early|quickly|within)|\bvalidity\b|\b(?:nahi|nhi) (?:mil|aa|ho|chal)\w*|\bbut (?:no|not getting) (?:data|balance|minutes|calls)\b`),
  },
  {
    type: "slow_internet", weight: 10, verticals: ["telecom"],
    any: rx(String.raw`\b(?:internet|broadband|wifi|wi-fi|mobile data|data|speeds?|connection|fibre|fiber|network|4g|5g|lte|download|upload|browsing|streaming|mbps)\b`),
    with: rx(String.raw`\b(?:slow\w*|sluggish|crawl\w*|buffer\w*|lag\w*|drop(?:ped|s)? to \d+|\d+(?:\.\d+)? ?(?:mbps|kbps)|unusable|speeds? (?:is |are |has |have )?(?:dropped|terrible|bad|poor|awful|low)|(?:only|just|barely) (?:getting )?\d+ ?(?:mbps|kbps)|not getting (?:the )?(?:promised|advertised|full)|lento|lenta|lent|langsam)\b`),
  },
  {
    type: "network_outage", weight: 10, verticals: ["telecom"], urgency: "high",
    any: rx(String.raw`\bno (?:(?:3g|4g|5g|lte|mobile|indoor|proper|good|decent|phone) )?(?:network|signal|service|coverage|internet|connection|connectivity|dial ?tone|reception|bars|data)\b|\b(?:calls?|signal|network|net|internet|data|range)\b[^.]{0,25}\b(?:nahi|nhi) (?:aa|chal|lag|mil)\w*|\bsos only\b|\bemergency calls only\b|\b(?:network|signal|internet|broadband|wifi|wi-fi|fibre|fiber|connection|mobile data|data|4g|5g|lte|landline|coverage|reception|tower|mast|calls?)\b[^.]{0,30}\b(?:down|outage|not working|isn'?t working|doesn'?t work|stopped working|dead|drop\w*|disconnect\w*|cut(?:ting)? (?:out|off)|unstable|intermittent|unavailable|gone|weak|poor|not connecting|can'?t connect|keeps (?:going|dropping|cutting)|fail\w*|not going through)\b|\b(?:can'?t|cannot|unable to|not able to) (?:make|receive|get)(?: or (?:make|receive|get))? (?:any )?(?:calls|texts|sms)|\b(?:only )?sos (?:only|shows|mode)\b|\b(?:senal|sinal|reseau|netz|rete|segnale|llamadas|ligacoes|appels|chamadas)\b[^.]{0,30}\b(?:pesim[oa]|mal[oa]|debil|fraca|ruim|faible|schlecht|se cort\w*|cortan|caem|coupe\w*|abbrech\w*|cadono)\b|\bsin (?:senal|red|servicio)|\bsem (?:sinal|rede)|\bpas de (?:reseau|signal)|\bkein (?:netz|empfang)\b`),
    unless: rx(String.raw`\bslow\w*\b|\bnetwork error\b|\bspeeds?\b|\b(?:mbps|kbps)\b`),
  },
  {
    type: "device_issue", weight: 8, verticals: ["telecom"],
    any: rx(String.raw`\b(?:phone|handset|router|modem|ont|set.?top box|iphone|galaxy|pixel|oneplus|redmi|xiaomi|device|smartphone|hotspot|dongle|tablet|ipad|remote)\b`),
    unless: rx(String.raw`\b(?:the|your|mobile|android|ios|web) app\b`),
    with: rx(String.raw`\b(?:not working|doesn'?t work|isn'?t working|stopped working|won'?t (?:turn on|charge|connect|boot|start)|keeps (?:restarting|rebooting|freezing|crashing|overheating|disconnecting)|restart\w*|reboot\w*|overheat\w*|freez\w*|crash\w*|blinking|flashing|red light|orange light|no lights?|faulty|defective|broken|cracked|dead|unlock\w*|locked to|blacklist\w*|imei)\b`),
  },
  // ---------------------------------------------------------------- edtech
  {
    type: "certificate_missing", weight: 11, verticals: ["edtech_support"],
    any: rx(String.raw`\b(?:certificates?|certification|certificat|certificado|zertifikat|certificato|diploma|badge|credential|transcript)\b`),
    with: rx(String.raw`\bnot (?:\w+ )?(?:received|issued|generated|available|showing|downloadable|sent|arrived|unlocked)|\b(?:haven'?t|hasn'?t|didn'?t|never|still not|yet to|not yet) (?:\w+ )?(?:receive\w*|get|got|issue\w*|generate\w*|come|arrived|see|unlock\w*)|\bmissing\b|\bwhere is\b|\bstill (?:says|shows|showing) ['"]?(?:in progress|pending|incomplete|not (?:completed|started|earned))|${FOREIGN_NOT_ARRIVED}|\b(?:can'?t|cannot|unable to) (?:download|find|see|get|access|generate)|\bwrong (?:name|date|spelling|course)|\bmust be (?:issued|sent|generated|ready)|\bneed (?:it|my certificate|the certificate|a copy)\b|\bissue (?:my|the) certificate\b|\b(?:old|wrong|incorrect|previous|maiden) (?:name|surname|last name)|\bname change\b|\b(?:change|update|correct) (?:the |my )?(?:name|surname)\b|\bmisspel\w*|\bspelt wrong|\bincorrect\b|\binvalid\b|\bnot (?:valid|verif\w*|recogni[sz]ed)|\bcan'?t (?:verify|be verified)|\berror\b|\bno certificate\b|\bstill waiting\b|\bpending\b`),
  },
  {
    type: "exam_issue", weight: 10, verticals: ["edtech_support"], urgency: "high",
    any: rx(String.raw`\b(?:exams?|tests?|quiz\w*|assessments?|examen|prufung|esame|prova|proctor\w*|mock test|midterm|mid-term|final|paper|viva|grades?|gradebook|scores?|marks)\b`),
    with: rx(String.raw`\b(?:missing|not (?:there|showing|updated|published)|(?:logged|kicked|threw) (?:me |us )?out|attempt (?:used|consumed|lost)|reopen\w*|marked (?:\w+ ){0,3}(?:as )?(?:wrong|incorrect)|grade (?:dropped|is wrong|went down)|(?:incorrectly|wrongly) (?:graded|marked)|mis-?graded|crash\w*|froze|freez\w*|disconnect\w*|kicked out|logged out|submit\w*|didn'?t save|not (?:saved|recorded|counted|graded|submitted|showing|loading|load|started|registered)|timer|time ran out|lost (?:all )?(?:my )?(?:answers|progress|work)|error|glitch\w*|flagged|wrong (?:grade|score|marks|result|answer key|answers)|scored?|marks|results?|reschedul\w*|retake|re-?attempt|missed|couldn'?t (?:start|finish|complete|open|take)|unable to (?:start|finish|complete|open|take)|webcam|camera|browser lock\w*|hall ticket|admit card)\b`),
    unless: rx(String.raw`\b(?:speed test|smoke test|test message|test environment|covid test|blood test)\b`),
  },
  {
    type: "assignment_issue", weight: 9, verticals: ["edtech_support"],
    any: rx(String.raw`\b(?:assignments?|homework|coursework|essays?|projects?|project submission|peer reviews?|submissions?|uploads?|auto-?grader|grader)\b`),
    with: rx(String.raw`${NEG}|\bupload\w*|\bsubmit\w*|\bdeadline\b|\blate\b|\bgrade\w*|\bmark\w*|\berror\b|\bfail\w*`),
  },
  {
    type: "enrolment_issue", weight: 9, verticals: ["edtech_support"],
    any: rx(String.raw`\b(?:enrol\w*|enroll\w*|registration|register\w*|admission|inscripcion|matricula|inscription)\b`),
    with: rx(String.raw`${NEG}|\bfail\w*|\berror\b|\bpending\b|\bstuck\b|\bwaitlist\w*|\b(?:defer\w*|postpone\w*|withdraw\w*|pause|switch|move) (?:my |the )?(?:enrol\w*|registration|place|seat|admission|to)\b|\b(?:is |class is |course is )?full\b|\bkeeps? saying\b|\bno (?:seats|places|spots)\b|\bproblem\b|\bissue\b|\bunable\b|\bnot (?:showing|confirmed|reflect\w*)`),
    unless: rx(String.raw`\b(?:registered (?:mobile|phone|email|number|address)|sim registration)\b`),
  },
  {
    type: "course_access", weight: 9, verticals: ["edtech_support"], urgency: "medium",
    any: rx(String.raw`\b(?:courses?|class(?:es)?|lessons?|lectures?|modules?|content|contenuto|contenido|conteudo|videos?|materials?|programs?|programmes?|classroom|curso|cours|kurs|corso|learning path|specialization|bootcamp|recordings?|live sessions?|progress)\b`),
    with: rx(String.raw`\b(?:can'?t|cannot|unable to|not able to|couldn'?t|no longer|won'?t let me)\b[^.]{0,10}\b(?:access|open|see|find|view|watch|start|play|load|unlock|enter|join|continue)\b|\b(?:not|isn'?t|aren'?t|doesn'?t|don'?t|won'?t|never)\b (?:\w+ )?(?:showing|show up|shown|appear\w*|load\w*|play\w*|visible|available|accessible|unlock\w*|open\w*|working|work)\b|\b(?:removed|kicked out|unenrol+ed|dropped) (?:me )?from\b|\b(?:still )?asks? (?:me )?to pay\b|\bstill (?:locked|asks|asking|shows|showing|says)\b|\bcan'?t find\b|\b(?:reset|wiped|lost)\b[^.]{0,20}\b(?:progress|zero)\b|\bprogress\b[^.]{0,20}\b(?:reset|lost|gone|wiped|disappeared)\b|\bnon si apre|\bno (?:se )?abre|\bne s'ouvre pas|\bnao abre|\bnon disponibile|\bno disponible|\bpas disponible|\bindisponivel|\bnicht verfugbar|\bnon (?:funziona|carica)|\bno carga|\bnao carrega|\b(?:locked|disappeared|gone|vanished|greyed out|no access|lost access|access (?:denied|expired|revoked|removed)|stuck|expire\w*|missing|(?:dikh|khul|chal) (?:nahi|nhi) (?:raha|rahi|rahe)|(?:nahi|nhi) (?:dikh|khul|chal) (?:raha|rahi|rahe))\b`),
    unless: rx(String.raw`\b(?:network|signal|sim|router)\b`),
  },
  // ---------------------------------------------------------------- any vertical
  {
    type: "payment_failed", weight: 8, verticals: ["banking_fintech", "ecommerce", "travel"], urgency: "high",
    any: rx(String.raw`\b(?:payment|transaction|paid|pay|checkout|purchase|upi|card)\b`),
    with: rx(String.raw`\b(?:${FAILED})\b|\b(?:couldn'?t|could not|can'?t|cannot|unable to) (?:pay|complete (?:the )?(?:payment|purchase|checkout))\b|\berror\b`),
  },
  {
    type: "refund_request", weight: 11, verticals: ["ecommerce", "travel", "banking_fintech"], urgency: "medium",
    any: rx(String.raw`\brefunds?\b|\bmoney back\b|\breembolso\b|\bremboursement\b|\bestorno\b|\bgeld\b`),
    with: rx(String.raw`${NOT_ARRIVED}|\bkein geld\b|\bnoch (?:kein|nicht)\b|\b(?:still (?:no|not|waiting|haven'?t|hasn'?t)|no (?:sign of|refund)|where is|where'?s|yet to|not (?:yet )?(?:received|credited|processed|reflected)|pending|delayed|taking (?:too long|forever|ages))\b|${FOREIGN_NOT_ARRIVED}`),
  },
  {
    type: "refund_request", weight: 7, urgency: "medium",
    any: rx(String.raw`\brefund\w*|\bmoney back\b|\breimburs\w*|\breembols\w*|\bdevolucion del dinero|\bremboursement|\bruckerstattung|\brimbors\w*|\bestorno\b|\b(?:paise|paisa) wapas|\breturn (?:my|the) money|\bchargeback\b|\breverse (?:the|this|my) (?:charge|payment|transaction)|\breversal\b`),
    unless: rx(String.raw`\brefund (?:has |have )?(?:just |finally |now )?(?:landed|came in|hit my account|reached me)\b|\b(?:got|received) (?:my|the|a) (?:full )?refund\b|\brefund (?:has |was )?(?:been )?(?:received|credited|arrived|came through)\b(?![^.]{0,15}\b(?:yet|not)\b)|\brefund policy\b`),
  },
  {
    type: "service_complaint", weight: 3,
    any: rx(String.raw`\b(?:rude|unhelpful|terrible|awful|horrible|poor|bad|worst|useless) (?:service|support|agent|staff|experience|customer service|customer care)\b|\b(?:no ?one|nobody) (?:has )?(?:replied|responded|helped|got back|answered|called)|\b(?:waiting|waited) (?:for )?(?:\d+|two|three|four|five|several|many) (?:days|weeks|hours) (?:for|and) (?:a |any )?(?:reply|response|answer|update|callback)`),
  },
];
