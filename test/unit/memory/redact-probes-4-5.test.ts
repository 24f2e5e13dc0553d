// Regression sets from eight more outside probes of redaction (test/fixtures/redaction, 2026-12-06),
// each written by a helper that never read the project: 300 short customer messages with 384
// planted secrets and 120 to keep (probe 4), 260 long, messy helpdesk messages with 641 secrets
// and 140 to keep (probe 5), 240 messages with 316 and 323 secrets and 120 to keep each (probes
// 6 and 7), 200 chat and messaging texts with 270 secrets and 100 to keep (probe 8), and texts of
// payment-card data: 200 with 289 secrets and 100 to keep (probe 9), 180 with 260 and 90 (probe
// 10), and a realistic year of tickets with every class, 220 with 309 and 100 (probe 11). The
// classes they showed were closed, and what they still find is listed by case and value, each
// with its class: a new leak fails, and so does one that is fixed (take it off the list).
// eval/README.md gives the first figures and says which classes are left and why.
import { describeProbes, type ProbeExpectation } from "./redact-probe-check";

const PROBES: ProbeExpectation[] = [
  {
    file: "probe-4-2026-12-06.json",
    planted: 384,
    keep: 120,
    knownLeaks: [
    "A075:lasagna", // security_answer
    "A149:mango2581", // password
    "A290:ilovemydog", // password
    ],
    // an IMEI: redacted on purpose (a device's identifier), its last four kept
    knownChanged: ["AK104"],
  },
  {
    file: "probe-5-2026-12-06.json",
    planted: 641,
    keep: 140,
    knownLeaks: [
    "B042:Z19725754", // bank_account
    "B064:4864a14520410282d30ec33fd50f4ec4", // api_key
    "B100:8e989225113de8e559fff2a9f6c503b6", // api_key
    "B117:NZF078150", // otp
    "B117:PAC683219", // otp
    "B131:15820621", // bank_account
    "B134:sky", // password
    "B150:21437826 7 TP3", // national_id
    "B160:41309982", // bank_account
    "B174:37", // pin
    "B186:purple monkey dishwasher 42", // password
    "B189:Panda", // security_answer
    "B189:a red Fiat Panda", // security_answer
    "B190:Biscuit", // security_answer
    "B213:ilovemycat", // password
    "B215:S$unshine2024", // password
    "B224:715093", // pin
    "B224:BT-HUB6-K7QXR9PL", // wifi_key
    "B243:LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0tCk1IY0NBUUVFSUoxQlprdm8vUXhBWG10OGNaUmhKRjJBTGE4bGRRM2E1MGF3U0ZFNU9wajdvQW9HQ0NxR1NNNDkKQXdFSG9VUURRZ0FFa25xMUJRaUNjQjZ0THh3elBScG9KWWdZeFpEVmdwQXpRYUFNTjJ0enpyYlFRRFBHQUk4dApEQ3RyRkVUL2M0OUlMVnJuNHJmYUI3bGp3MThPY1lqdXNnPT0KLS0tLS1FTkQgRUMgUFJJVkFURSBLRVktLS0tLQo=", // private_key
    "B246:Nw!Integr8-2025", // password
    "B248:eyJ2ZXIiOiI4LjEyLjIiLCJhZHIiOlsiMTAuMC4wLjIxOjkyMDAiXSwiZmdyIjoiNGYxYjJjM2Q0ZTVmNjA3MTgyOTNhNGI1YzZkN2U4ZjlhMGIxYzJkM2U0ZjUwNjE3MjgzOTRhNWI2YzdkOGU5ZiIsImtleSI6Ik5QZVJMT29IQ3UyRGxnaVNDMGNiOmZUTWQ0Nkt3QWVVc2JyY0hoRXROckEifQ==", // api_key
    "B256:196688568", // national_id
    ],
    // a utility's account number, a policy's "PIN for …", "the 6-digit code we sent to ••••482",
    // placeholders in an SDK example, "password: will be given" (SIMs' ICCIDs are kept now)
    knownChanged: ["BK005","BK026","BK029","BK061","BK081","BK082"],
  },
  {
    file: "probe-6-2026-12-06.json",
    planted: 316,
    keep: 120,
    knownLeaks: [
    "C026:323", // card_cvv
    "C053:1.083.812.197", // national_id
    "C063:GHA-282049146-5", // national_id
    "C117:2963575726", // drivers_licence
    "C129:correct horse battery staple", // password
    "C138:Shalom1234!", // password
    "C164:860802", // otp
    "C170:GM5T AJ6D E5RW C4W6 YQQM TPQ6 T3GM CRJB", // backup_code
    "C177:Larkspur Lane", // security_answer
    "C179:ポチ", // security_answer
    "C235:Ldap$vc-2024", // connection_password
    ],
    // an IMEI: redacted on purpose (a device's identifier), its last four kept
    knownChanged: ["CK105"],
  },
  {
    file: "probe-7-2026-12-06.json",
    planted: 323,
    keep: 120,
    knownLeaks: [
    "S102:739120", // pin
    "S138:purple monkey dishwasher 1987", // password
    "S158:sakura0320", // password
    "S202:0926", // card_expiry
    "S204:464023854", // bank_account
    ],
    knownChanged: [],
  },
  {
    file: "probe-8-2026-12-06.json",
    planted: 270,
    keep: 100,
    knownLeaks: [
    "S005:86", // pin
    "S030:BE04 3104\n1460 1631", // iban
    "S073:086", // otp
    "S073:748", // otp
    "S090:Biscuit", // security_answer
    "S108:for zero seven four five four six nine four", // national_id
    "S123:bx7k-2mqa", // backup_code
    "S165:oh four slash twenty eight", // card_expiry
    "S185:Purple", // password
    ],
    // a loyalty card's 15 digits that pass Luhn, read as a payment card
    knownChanged: ["K019"],
  },
  {
    file: "probe-9-2026-12-06.json",
    planted: 289,
    keep: 100,
    knownLeaks: [
    "S086:7S1", // card_cvv
    "S087:1O/29", // card_expiry
    "S137:4836974172592005674", // card_number
    ],
    // IMEIs: redacted on purpose (a device's identifier), their last four kept
    knownChanged: ["K017", "K018", "K090"],
  },  {
    file: "probe-10-2026-12-06.json",
    planted: 260,
    keep: 90,
    knownLeaks: [
    "T015:572", // card_cvv
    "T051:zero eight twenty eight", // card_expiry
    "T073:618-244", // cardholder_auth
    "T074:7 3 0 9", // card_pin
    "T143:5031", // card_pin
    ],
    // IMEIs, as in the ninth
    knownChanged: ["U007", "U035"],
  },  {
    file: "probe-11-2026-12-06.json",
    planted: 309,
    keep: 100,
    knownLeaks: [
    "V005:012-911", // bank_account
    "V052:48-76-00", // bank_account
    "V074:Bumble", // security_answer
    "V086:846", // card_cvv
    "V119:seven one four two nine zero", // otp
    "V129:Hamdy@2024cairo", // wifi_key
    "V142:Whitby", // security_answer
    "V154:SPARROWHAWK", // password
    "V158:Summit#Ballroom2024", // wifi_key
    "V158:Summit#Ballroom2025", // wifi_key
    "V160:551065681", // passport
    "V168:V A N D E R W E S T H U I Z E N", // security_answer
    "V170:728-114", // otp
    "V173:020353546", // bank_account
    "V178:twenty ninety one eighty", // bank_account
    "V182:Greenbank Primary", // security_answer
    "V182:greenbank juniors", // security_answer
    "V183:129624804", // bank_account
    "V183:3485399448", // bank_account
    "V186:072468418", // bank_account
    "V204:3284 9095", // backup_code
    "V204:7690 1426", // backup_code
    "V204:9472 2689", // backup_code
    "V209:mrs patel from year 4", // security_answer
    ],
    // an IMEI, as in the ninth
    knownChanged: ["W061"],
  },
];

describeProbes(PROBES);
