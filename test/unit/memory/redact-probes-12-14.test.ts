// Regression sets from three outside probes of redaction (test/fixtures/redaction, 2026-12-07), each
// written by a helper that never read the project nor the earlier probes: messages exactly as the
// helpdesks deliver them (leftover HTML, quoted replies, signatures, pasted transcripts, form and
// JSON dumps, OCR), 200 with 349 planted secrets and 100 to keep (probe 12); secrets next to their
// look-alikes (order, tracking, e-ticket, loyalty numbers, IMEIs, VAT numbers, promo codes), 160
// with 224 secrets and 140 to keep (probe 13); and a month of six companies' support, written after
// the fixes for 12 and 13 as their check, 200 with 360 secrets and 100 to keep (probe 14). What they
// still find is listed by case and value with its class: a new leak fails, and so does one that is
// fixed (take it off the list). eval/README.md gives the first figures and the classes left.
import { describeProbes, type ProbeExpectation } from "./redact-probe-check";

const PROBES: ProbeExpectation[] = [
  {
    file: "probe-12-2026-12-07.json",
    planted: 349,
    keep: 100,
    knownLeaks: [
    "L029:20-45-77", // bank_account
    "L034:7702", // pin
    "L064:Kq 7X 9p 2L", // drivers_licence
    "L087:Q7K-2MX", // otp
    "L100:end of 2027", // card_expiry
    "L111:40-11-62", // bank_account
    "L112:APP_USR-7719203847561123-030512-9c4f7e0a1b2d3e4f5a6b7c8d9e0f1a2b-882013477", // api_key
    "L114:482190", // pin
    "L115:2 0 7", // card_cvv
    "L118:119 374", // otp
    "L125:TRN-4472-QXM8", // wifi_key
    "L131:30 94 57", // bank_account
    "L143:548166642", // national_id
    "L146:19073", // pin
    "L173:HK7Q-2MVX-9PLT", // otp
    "L174:MH12 20110012345", // drivers_licence
    "L186:88.04.12-271.81", // national_id
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
  {
    file: "probe-14-2026-12-07.json",
    planted: 360,
    keep: 100,
    knownLeaks: [
    "N016:557", // card_cvv
    "N024:7390", // pin
    "N107:x7 k2 m9 p4 q8", // wifi_key
    "N127:53", // pin
    "N127:81", // pin
    "N136:229", // card_cvv
    "N142:100034871220", // bank_account
    "N143:seven twenty eight", // card_expiry
    "N156:71902285", // password
    "N164:14418293 4ZX7", // national_id
    "N176:H Q 4 7 X M 2 R 9 P", // wifi_key
    "N178:P180012345678", // national_id
    "N180:902", // card_cvv
    "N186:VRC-8812-4410-2290", // backup_code
    "N194:14028803157", // national_id
    "N196:tiger tiger 7 7 and then exclamation mark", // wifi_key
    ],
    knownChanged: ["NK014","NK027","NK071","NK089"],
  },
];

describeProbes(PROBES);
