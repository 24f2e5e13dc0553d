// A regression set from the seventeenth outside probe of redaction (test/fixtures/redaction,
// 2026-12-07), written by a helper that never read the project nor the earlier probes: payment-card
// data as it appears in helpdesk text (HTML and no-break spaces between a card's groups, quoted and
// forwarded mail, JSON, XML and CSV pastes, OCR of a card, call transcripts read out in six
// languages, corrections), 209 messages with 487 planted values and 102 to keep. What it still finds
// is listed by case and value with its class: a new leak fails, and so does one that is fixed (take
// it off the list). eval/README.md gives the first figures.
import { describeProbes } from "./redact-probe-check";

describeProbes([
  {
    file: "probe-17-2026-12-07.json",
    planted: 487,
    keep: 102,
    knownLeaks: [
      "C053:12 of 26", // card_expiry
      "C056:to eight one", // card_cvv
      "C057:forty-one forty-two, eighty-seven sixty-six, fifty-one fourteen, ninety-nine twenty-eight", // card_number
      "C063:6O5", // card_cvv
      "C064:4O12", // card_cvv
      "C075:4410", // card_cvv
      "C088:9 1 7 3", // pin
      "C170:deux cent quarante-sept", // card_cvv
      "C197:٣٤٨", // card_cvv
    ],
    // an IMEI (removed by design, its last four kept), a voucher code with a number in it, a card token
    knownChanged: ["K022", "K053", "K089"],
  },
]);
