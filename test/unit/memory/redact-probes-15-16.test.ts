// Regression sets from two more outside probes of redaction (test/fixtures/redaction, 2026-12-07), each
// written by a helper that never read the project nor the earlier probes: secrets in the places and
// shapes helpdesk text takes (subjects, signatures, quoted mail, OCR of cards and statements, CSV and
// JSON pastes, no-break, thin and zero-width spaces, full-width digits, digits read out in words),
// 219 messages with 341 planted secrets and 100 to keep (probe 15); and each vertical's own secrets in
// its customers' words (banking, travel, telecom, education, SaaS, ecommerce), 205 with 373 and 100
// to keep (probe 16). What they still find is listed by case and value with its class: a new leak
// fails, and so does one that is fixed (take it off the list). eval/README.md gives the first figures.
import { describeProbes, type ProbeExpectation } from "./redact-probe-check";

const PROBES: ProbeExpectation[] = [
  {
    file: "probe-15-2026-12-07.json",
    planted: 341,
    keep: 100,
    knownLeaks: [
    "P037:GV8NPGWH0", // passport
    "P042:5164 9228 2368", // national_id
    "P051:Fafik", // security_answer
    "P066:07 27", // card_expiry
    "P073:GB52 NWBK 94\n05 7987 3169 86", // bank_account
    "P093:D E sechs zwo fünf eins sechs acht null neun sieben fünf neun null zwo sechs acht fünf zwo vier acht fünf", // bank_account
    "P100:blue horse 77", // password
    "P105:three six seven seven two oh nine nine four", // drivers_licence
    "P106:purple monkey one six", // wifi_key
    "P166:CZ04ZPJ4V", // passport
    "P168:tía Rosario", // security_answer
    "P198:63Gp8cYP2k", // wifi_key
    "P207:36648", // otp
    "P217:251 603 404", // drivers_licence
    ],
    knownChanged: ["PK011","PK015","PK017","PK018","PK040","PK043","PK058","PK069","PK070","PK074","PK077","PK082","PK091"],
  },
  {
    file: "probe-16-2026-12-07.json",
    planted: 373,
    keep: 100,
    knownLeaks: [
    "V003:chaton1987", // password
    "V033:5683", // pin
    "V034:38", // pin
    "V036:The Goonies", // security_answer
    "V056:kD7Rx9Pm", // otp
    "V068:33999474", // drivers_licence
    "V070:540305720", // passport
    "V070:542572678", // passport
    "V070:566953335", // passport
    "V070:585449484", // passport
    "V070:A52122238", // passport
    "V086:X44vDyLQccEnDG", // wifi_key
    "V107:487", // otp
    "V107:532", // otp
    "V165:690980", // pin
    "V168:3869-5229-7341-256456", // gift_card
    "V192:081-806", // otp
    "V204:02248964", // backup_code
    ],
    knownChanged: ["VK012","VK013","VK035","VK036","VK038","VK039","VK042","VK043","VK045","VK046","VK047","VK070","VK074","VK081","VK092"],
  },
];

describeProbes(PROBES);
