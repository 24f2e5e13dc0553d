// A last check on a model's reply before the customer sees it: it must not ask for sensitive
// data nor claim an action (the demo's tools only read, so no action is ever confirmed).
// Pure. The caller shows the template reply instead when this finds a breach.

const SENSITIVE = /\b(otp|one[- ]time (?:code|password|pin)|passwords?|passcode|pin|cvv|cvc|card numbers?|account numbers?|aadhaar|pan|passport(?: numbers?)?|imei)\b/i;
const REQUEST = /\b(send|share|provide|give|tell|type|enter|confirm|verify|need|require|what(?:'s| is))\b/i;
const NEGATION = /\b(never|not|don't|do not|no need|won't|will not)\b/i;
const CLAIMED_ACTION =
  /\bI(?:'ve| have| just)? (?:already )?(refunded|cancell?ed|changed|rebooked|reset|fixed|verified|processed|issued|reversed|credited|escalated|upgraded|downgraded)\b/i;

export function checkReply(reply: string): { ok: true } | { ok: false; reason: string } {
  for (const sentence of reply.split(/(?<=[.!?])\s+|\n+/)) {
    if (SENSITIVE.test(sentence) && REQUEST.test(sentence) && !NEGATION.test(sentence)) {
      return { ok: false, reason: `asks for sensitive data: "${sentence.trim().slice(0, 120)}"` };
    }
    const action = CLAIMED_ACTION.exec(sentence);
    if (action) return { ok: false, reason: `claims an action no tool confirmed: "${action[0]}"` };
  }
  return { ok: true };
}
