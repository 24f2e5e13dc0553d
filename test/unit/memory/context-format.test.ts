import { cleanText, humanizeKey, customerSince } from "../../../src/memory/context-format";

describe("cleanText", () => {
  it.each([
    ["plain words stay as they are", "Billing failed after upgrade"],
    ["runs of spaces", "two  spaces   here"],
    ["tabs and newlines", "line one\nline two\tand a tab\r\n"],
    ["leading and trailing spaces", "  padded "],
    ["no-break and other unicode spaces", "a\u00a0b\u2003c\u3000d"],
    ["a byte order mark", "\ufeffstarts with a BOM"],
    ["line and paragraph separators", "a\u2028b\u2029c"],
    ["a single space", " "],
    ["nothing", ""],
  ])("%s: the same as collapsing whitespace and trimming", (_name, text) => {
    expect(cleanText(text)).toBe(text.replace(/\s+/g, " ").trim());
  });

  it("renders objects and numbers, and nothing for null", () => {
    expect(cleanText({ a: "x  y" })).toBe('{"a":"x y"}');
    expect(cleanText(42)).toBe("42");
    expect(cleanText(null)).toBe("");
    expect(cleanText(undefined)).toBe("");
  });
});

describe("humanizeKey", () => {
  it.each([
    ["kyc_status", "KYC status"],
    ["integrations", "Integrations"],
    ["bookingPnr", "Booking PNR"],
    ["sim-type", "SIM type"],
  ])("%s → %s, the same the second time", (key, label) => {
    expect(humanizeKey(key)).toBe(label);
    expect(humanizeKey(key)).toBe(label);
  });
});

describe("customerSince", () => {
  it.each([
    ["2019", "customer since 2019"],
    ["2024-03-01T00:00:00Z", "customer since 2024-03-01"],
    ["March 2020", "customer since March 2020"],
    ["6 years", "customer for 6 years"],
    ["over 10 years", "customer for over 10 years"],
  ])("%s → %s", (value, text) => {
    expect(customerSince(value)).toBe(text);
  });
});
