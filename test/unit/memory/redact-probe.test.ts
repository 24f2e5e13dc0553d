// A regression set from an outside probe of redaction (test/fixtures/redaction): 520 customer
// messages with 688 planted secrets in every class and language the helper who wrote them could
// think of, and 186 that must come back unchanged. The leaks it still finds are listed below by
// case and value: a new leak fails, and so does one that is fixed (take it off the list).
import { changedKeeps, probeLeaks, readProbe } from "./redact-probe-check";

const probe = readProbe("probe-2026-12-06.json");

/** Left, each a class eval/README.md names: a bare number on a signature's line, a user id key. */
const KNOWN_LEAKS = [
  "S194:063268384", // a bare SSN on a signature's line
  "S207:5852 8728 9806", // an Aadhaar under a JSON "UID" key (a user id is no secret)
  "S218:55001299888", // a bare CPF on a signature's line
].sort();
/** 15-digit Luhn numbers named "serial" or "IMEI": redaction reads them as IMEIs on purpose. */
const KNOWN_CHANGED = ["K055", "K056", "K057", "K156", "K157", "K158"];

it("leaks no planted secret but the known ones", () => {
  const { leaks, planted } = probeLeaks(probe);
  expect(planted).toBe(688);
  expect(leaks).toEqual(KNOWN_LEAKS);
});

it("changes no message that holds no secret but the known ones", () => {
  expect(probe.keepCases.length).toBe(186);
  expect(changedKeeps(probe)).toEqual(KNOWN_CHANGED);
});
