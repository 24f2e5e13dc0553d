// Regression sets from two outside probes of redaction (test/fixtures/redaction, 2026-12-07), each
// written by a helper that never read the project nor the earlier probes: messages exactly as the
// helpdesks deliver them (leftover HTML, quoted replies, signatures, pasted transcripts, form and
// JSON dumps, OCR), 200 with 349 planted secrets and 100 to keep (probe 12); and secrets next to
// their look-alikes (order, tracking, e-ticket, loyalty numbers, IMEIs, VAT numbers, promo codes),
// 160 with 224 secrets and 140 to keep (probe 13). What they still find is listed by case and
// value with its class: a new leak fails, and so does one that is fixed (take it off the list).
// eval/README.md gives the first figures and the classes left.
import { describeProbes, type ProbeExpectation } from "./redact-probe-check";

const PROBES: ProbeExpectation[] = [
  {
    file: "probe-12-2026-12-07.json",
    planted: 349,
    keep: 100,
    knownLeaks: [
    "L029:20-45-77", // bank_account
    "L030:930184", // otp
    "L034:7702", // pin
    "L064:Kq 7X 9p 2L", // drivers_licence
    "L087:Q7K-2MX", // otp
    "L098:S530-7741-2208-31", // drivers_licence
    "L100:end of 2027", // card_expiry
    "L111:40-11-62", // bank_account
    "L112:APP_USR-7719203847561123-030512-9c4f7e0a1b2d3e4f5a6b7c8d9e0f1a2b-882013477", // api_key
    "L114:482190", // pin
    "L115:2 0 7", // card_cvv
    "L118:119 374", // otp
    "L123:October twenty-eight", // card_expiry
    "L125:TRN-4472-QXM8", // wifi_key
    "L131:30 94 57", // bank_account
    "L143:548166642", // national_id
    "L146:19073", // pin
    "L173:HK7Q-2MVX-9PLT", // otp
    "L174:MH12 20110012345", // drivers_licence
    "L179:casa_roma_2024", // wifi_key
    "L186:88.04.12-271.81", // national_id
    "L189:PAF448812", // passport
    "L191:Z40-118827", // bank_account
    ],
    knownChanged: ["LK006","LK015","LK016","LK027","LK035","LK038","LK054"],
  },
  {
    file: "probe-13-2026-12-07.json",
    planted: 224,
    keep: 140,
    knownLeaks: [
    "M032:B2619483", // drivers_licence
    "M079:32772693", // bank_account
    "M083:314408413", // drivers_licence
    "M122:09/2026", // card_expiry
    "M136:k2jqzi57", // backup_code
    ],
    knownChanged: ["MK006","MK031","MK033","MK049","MK054","MK078","MK084","MK096","MK109","MK132","MK138"],
  },
];

describeProbes(PROBES);
