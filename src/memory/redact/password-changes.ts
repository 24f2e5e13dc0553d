// A password changed or set, given with the change: "I changed it from Spring2023! to Spring2024!",
// "I reset it to Password123", "changed the password from studyhard2024 to …". Read by
// password-phrasings.ts, which decides where a message talks of a password at all.

/** A value that no plain word is: letters mixed with digits or symbols, 5 to 64 characters. */
export const VALUE = String.raw`(?<value>[^\s"'“”]{5,64})`;
// "I changed it from Spring2023! to Spring2024!": the old and the new one, whatever the message calls them
export const CHANGED_FROM_TO = new RegExp(String.raw`(?:^|[^\p{L}])(?:changed|switched|reset|updated|moved)\s+(?:it|mine|my\s+\p{L}+)\s+from\s+${VALUE.replace("value", "old")}\s+to\s+${VALUE}`, "giu");
// "I reset it to Password123", "changed mine to Winter2025!", "set the new one to Kj8#44x".
export const SET_IT_TO = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:set|reset|changed?|updated?|switched|made)\s+(?:it|mine|that|this|the\s+(?:new\s+)?one)\s+(?:back\s+)?(?:to|into|as)\s+["'“]?${VALUE}`,
  "giu",
);
// "changed the password from studyhard2024 to something else": the old one, named by its label.
export const PASSWORD_FROM = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:changed|switched|reset|updated)\s+(?:the|my|his|her|their|our|your)\s+(?:(?:account|wi-?fi|app|login)\s+)?(?:password|passcode|passphrase|pwd)\s+from\s+["'“]?${VALUE}`,
  "giu",
);
