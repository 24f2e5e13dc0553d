// Regression sets from two more outside probes of redaction (test/fixtures/redaction, 2026-12-07),
// each written by a helper that never read the project nor the earlier probes: helpdesk English
// across six verticals with secrets where a redactor least expects them (labels with typos or far
// from the value, values in URLs, logs, .env and JSON pastes, quoted replies, corrections and
// second values), 198 messages with 258 planted secrets and 52 that hold none (probe 18); and the
// same in a dozen languages and national formats (IDs, IBANs, CLABE, Aadhaar, PESEL, CPF, codes
// read out in words), 198 with 278 and 52 (probe 19). Read at first: 91.1 % and 93.2 % of the
// secrets removed (the eval harness's leak test; this one's also counts eight digits of a long
// number in a row). The odd-numbered cases were read to close classes (an IMEI after a sentence
// that ended on "receipt", a card's code on a transcript line after its expiry, a second value
// offered in a secret's place, a PIN picked, a password changed from, Turkish suffixed "şifre",
// Indonesian digit words and "no rek", a spaced codice fiscale, an SMS "token", the UMID CRN, a
// PAN in its own shape after "for the invoice", the second value of a Hindi list, a value said to
// be wrong and then what it "should be");
// the even-numbered ones were not (14 → 14 and 9 → 8 leaks there). What they still find is listed
// by case and value: a new leak fails, and so does one that is fixed (take it off the list).
import { describeProbes } from "./redact-probe-check";

describeProbes([
  {
    file: "probe-18-2026-12-07.json",
    planted: 258,
    keep: 52,
    knownLeaks: [
      "e013:3816", "e031:5566", "e075:1379", "e075:2580", "e089:0815", "e107:8831", "e121:4821#", "e131:4417",
      "e138:blue harbour seventeen lanterns", "e150:9904",
      "e153:Q9VVCHv2o4MY5_kCYc5geESQ-8d4sNgSYMN2K75KtlmrU9ypHoRntD0a7XiChcsD17ZIo-PlWEz7qFO_DCMu-9",
      "e167:804112", "e191:2468", "e205:f3a2ea10a7328bd2eb527b42c7ff2cb4aaba7eca", "e215:6604", "e219:7290", "e236:126894735",
    ],
    knownChanged: ["e143", "e207"],
  },
  {
    file: "probe-19-2026-12-07.json",
    planted: 278,
    keep: 52,
    knownLeaks: [
      "i043:3881691099", "i133:flamengo1981",
      "i139:GA194572", "i199:3 7 1 9", "i207:6 2 9 1", "i231:bir dokuz sıfır yedi", "i237:C4821040", "i247:338",
    ],
    knownChanged: ["i053", "i069", "i114", "i184"],
  },
]);
