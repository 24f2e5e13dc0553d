// The words around a value that say it is not a secret: after "password is" ("is wrong", "is
// the same"), after a short number (a quantity, a time of day) and before a 4-digit one (a
// year). Facts as data; labelled.ts and secret-words.ts read them.

/** Words that follow "password is" without being a password ("is wrong", "is the same"). */
export const NOT_A_PASSWORD = new Set([
  "meant", "needed", "asked", "a", "an", "the", "not", "no", "wrong", "incorrect", "invalid", "correct", "right", "expired", "too", "very",
  "being", "case", "required", "same", "still", "also", "now", "set", "reset", "changed", "working", "weak",
  "strong", "blank", "empty", "locked", "missing", "different", "long", "short", "saved", "stored", "forgotten",
  "forgot", "lost", "fine", "ok", "okay", "mine", "yours", "what", "which", "that", "this", "it", "there", "here",
  "and", "or", "but", "so", "for", "with", "in", "on", "at", "to", "of", "my", "your", "his", "her", "their",
  "our", "never", "always", "definitely", "please", "pls", "just", "only", "probably", "hidden", "unknown",
  "compromised", "leaked", "sent", "below", "above", "attached", "protected", "mandatory", "needed", "updated",
  "accepted", "rejected", "asking", "asked", "showing", "shown", "displayed", "manager", "again", "field",
  "box", "link", "email", "mail", "page", "screen", "policy", "rules", "requirements", "change", "recovery", "expiry",
  "hint", "strength", "login", "is", "was", "be", "been", "has", "have", "had", "does", "do", "did", "can", "cannot",
  "can't", "won't", "isn't", "doesn't", "didn't", "wasn't", "keeps", "keep", "should", "would", "could", "will",
  "must", "may", "might", "you", "i", "we", "they", "he", "she", "me", "us", "them", "es", "est", "ist", "hai",
  "incorrecta", "incorrecte", "falsch", "galat", "sahi", "nahi", "expirado", "expiré",
  "about", "going", "due", "valid", "temporary", "visible", "encrypted", "hashed", "shared", "known", "similar",
  "simple", "easy", "hard", "complex", "secure", "insecure", "unique", "sensitive", "expire", "expires", "work",
  "works", "update", "accept", "match", "matches", "show", "shows", "fail", "fails", "stuck", "broken", "gone",
  "useless", "rejected", "disabled", "enabled", "blocked", "unlocked", "something", "anything",
  "nothing", "everything", "somewhere", "correctly", "exactly", "like", "as", "by", "from", "into", "over",
  // a sentence that starts after the label ("password: I'll tell the technician in person")
  "i'll", "i'm", "i've", "i'd", "it's", "we'll", "we're", "we've", "you'll", "you're", "that's", "there's", "let's", "don't",
]);

/** Words that, right after a short number, say it is a quantity or a time. */
export const UNIT_AFTER = /^[ \t]?(?:minutes?|mins?|seconds?|secs?|hours?|hrs?|days?|weeks?|months?|years?|times|attempts?|tries|%|gb|mb|kb|rs|inr|usd|eur|gbp|km|kg|mbps)(?![\p{L}])/iu;

/** "at 1030 am", "9 pm": a time of day, when the number can be one (not "482913 Am I …"). */
export const TIME_AFTER = /^[ \t]?(?:a\.?m|p\.?m)(?![\p{L}])/iu;
export const CLOCK_TIME = /^(?:0?\d|1[0-2])(?:[0-5]\d)?$/;

/** Words that, right before a 4-digit number, say it is a year ("since 2024"). */
export const YEAR_BEFORE = /(?<![\p{L}])(?:since|in|year|until|till|from|by|of|before|after|during|circa|fy)\s*$/iu;
