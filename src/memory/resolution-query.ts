// Does a get() query ask how to resolve the problem? Decides whether the customer's remembered
// resolution preference is worth the tokens. English vocabulary only for now.
import type { ResolutionMethod } from "./types";

// Words of resolving, whatever the method. "issue" and "problem" are deliberately absent:
// "Any update on my issue?" asks for status, not for a remedy.
const RESOLVING =
  /\b(resolv\w*|resolution|fix\w*|refund\w*|replac\w*|compensat\w*|solution\w*|solv\w*|remed\w*|reimburs\w*|options?|alternatives?|workarounds?|work around|money back|make (it|this|things) right|what (can|could|should) (we|you|i) (do|offer))\b/i;

// Ways of naming one method: shown only when the profile holds that method, because alone
// they are too common ("credit card", "call me") to mean "resolve it like this".
const METHOD_WORDS: Record<ResolutionMethod, RegExp> = {
  refund: /\b(refund\w*|money back|reimburs\w*)\b/i,
  replacement: /\b(replac\w*|exchange\w*|swap\w*|new one)\b/i,
  credit: /\b(credits?|voucher\w*|coupon\w*|discount\w*)\b/i,
  callback: /\b(call ?backs?|call me|phone me|ring me)\b/i,
  step_by_step: /\b(step[ _-]by[ _-]step|steps|walk (me|us) through|instructions?|guide)\b/i,
  escalate: /\b(escalat\w*|manager|supervisor)\b/i,
  workaround: /\b(workarounds?|work around)\b/i,
};

export function isResolutionQuery(query: string, method?: ResolutionMethod): boolean {
  if (RESOLVING.test(query)) return true;
  return method !== undefined && METHOD_WORDS[method] !== undefined && METHOD_WORDS[method].test(query);
}
