// Did the customer say the problem is gone? Walks the batch in order: a resolution statement
// after the last problem statement means resolved; a problem after it means not. An agent's
// "I've issued the refund" counts once the customer acknowledges it without a new complaint.
import { requiredTextGuard } from "../required-text";
import { negatedAt } from "./text";
import { lastProblemAt, type PreparedMessage, type RuleHit } from "./issue";

const RESOLVED = new RegExp(
  [
    String.raw`\b(?:(?:it'?s|its|it is|that'?s|all|everything'?s|everything is|is|are)\s+)?(?:working|works) (?:now|again|fine now|perfectly(?: now)?|great now)\b`,
    String.raw`\b(?:that|this|it|your (?:fix|solution|suggestion|steps)|the (?:fix|update|reset|restart|workaround|steps))\s+(?:has\s+)?(?:fixed|solved|resolved|sorted|did)\s+(?:it|the (?:issue|problem)|the trick)\b`,
    String.raw`\b(?:problem|issue|it|everything)(?: is| has been|'s|s)? (?:now |finally )?(?:solved|resolved|fixed|sorted(?: out)?)\b`,
    String.raw`\ball (?:good|sorted|set|fixed) now\b`, String.raw`\ball sorted\b`,
    String.raw`\b(?:i'?ve |i have |just |finally )?(?:got|received) (?:my|the) (?:refund|parcel|package|order|money|item|certificate|replacement|sim|e-?ticket|bag|luggage|funds)\b`,
    String.raw`\b(?:refund|money|amount|payment|package|parcel|order|item|delivery|certificate|bag|luggage|transfer|funds) (?:has |have )?(?:finally |now |just |already )?(?:arrived|landed|came in|hit my account|reached me|is in my account|been (?:received|credited|delivered|found)|came through|is here|got credited|reflected|showed up|was credited)\b`,
    String.raw`\byou can close (?:this|the ticket|it|the case)\b`, String.raw`\b(?:please )?close (?:this|the) (?:ticket|case)\b`,
    String.raw`\bno longer (?:an issue|needed|a problem|required)\b`, String.raw`\bnever ?mind\b`, String.raw`\bfigured it out\b`,
    String.raw`\b(?:problem|issue) solved\b`, String.raw`\bthat (?:worked|helped)\b`, String.raw`\bit worked\b`,
    String.raw`\bsorted,? thanks\b`, String.raw`\bya (?:funciona|esta resuelto)\b`, String.raw`\bca marche\b`,
    String.raw`\bfunktioniert (?:jetzt|wieder)\b`, String.raw`\bfunciona agora\b`, String.raw`\b(?:ho gaya|mil gaya|aa gaya)\b`,
  ].join("|"),
  "g",
);
const AGENT_RESOLVED = /\b(?:i'?ve|i have|we'?ve|we have)\s+(?:now\s+|just\s+|already\s+)?(?:issued|processed|initiated|refunded|fixed|resolved|sent|reset|reactivated|unblocked|credited|reversed|rebooked|updated|corrected|re-?sent|replaced|applied|restored|activated|unlocked|enabled)\b|\b(?:has|have) (?:now )?been (?:issued|processed|refunded|fixed|resolved|credited|reversed|rebooked|unblocked|reactivated|restored|activated|shipped)\b/;
const ASKS_TO_TRY = /\b(?:try|retry|test|check)\b[^.?!]{0,30}\b(?:now|again|it|logging|signing|once more)\b|\blet (?:me|us) know (?:if|whether|how)\b|\b(?:does|is|did) (?:it|that|this) (?:work|working|help)\b/;
const AGREE = String.raw`(?:ok(?:ay)?|k|sure|alright|all right|will do|(?:i'?ll |will |let me )?(?:try|check)(?: it| that| again)?(?: now)?|trying(?: now)?|one (?:sec|moment|minute))`;
const BARE_AGREEMENT = new RegExp(String.raw`^\W*${AGREE}(?:\W+${AGREE})*\W*$`);
const ACKNOWLEDGE = /\b(?:thanks?|thank you|thx|great|perfect|awesome|brilliant|got it|received it|confirmed|appreciate|cheers|gracias|merci|danke|obrigad[oa]|shukriya|ok(?:ay)?)\b/;

export type TimelineMessage = { role: "user" | "assistant"; prepared: PreparedMessage; hits: RuleHit[] };

/** Most messages say nothing of a resolution: the long expression is not run on them. */
const mayBeResolved = requiredTextGuard(RESOLVED);

function lastResolvedAt(m: PreparedMessage): number {
  if (!mayBeResolved(m.folded)) return -1;
  let last = -1;
  RESOLVED.lastIndex = 0;
  let hit: RegExpExecArray | null;
  while ((hit = RESOLVED.exec(m.folded)) !== null) {
    if (!negatedAt(m.folded, hit.index)) last = hit.index;
  }
  return last;
}

export function customerConfirmsResolved(timeline: TimelineMessage[]): boolean {
  let resolved = false;
  let agentFixed = false;
  let askedToTry = false;
  for (const { role, prepared, hits } of timeline) {
    if (role === "assistant") {
      if (AGENT_RESOLVED.test(prepared.folded)) {
        agentFixed = true;
        askedToTry = ASKS_TO_TRY.test(prepared.folded);
      }
      continue;
    }
    const fixed = lastResolvedAt(prepared);
    // Where the last problem is changes nothing unless weighed against a resolution: one said
    // here or earlier, or an agent's fix.
    if (fixed < 0 && !resolved && !agentFixed) continue;
    const problem = lastProblemAt(prepared, hits);
    if (fixed >= 0 && fixed > problem) resolved = true;
    else if (problem >= 0) resolved = false;
    // "I've reset it, please try now" — "ok": agreeing to try confirms nothing
    else if (agentFixed && ACKNOWLEDGE.test(prepared.folded) && !(askedToTry && BARE_AGREEMENT.test(prepared.folded))) resolved = true;
    if (problem >= 0 && fixed <= problem) agentFixed = false;
  }
  return resolved;
}
