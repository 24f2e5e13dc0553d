// Corrections to the model's issue kind where the words say more than its training did. The
// model learned kinds from short queries of a few corpora; these are the readings it gets wrong
// in a way the words settle: a booking held is not a new one, asking is not acting.
import type { PreparedMessage } from "./issue";
import { ANOTHER, asksWhatItHolds, asksWifiPassword, CANCEL_DENIED, CANCEL_KINDS, CANCEL_WORD, CHITCHAT, FAILURE, HAS_IT, HOLDS_BOOKING, isQuestion, maskDenied } from "./issue-phrases";
import { hasPlainProblem } from "./issue-subjects";

/** Asking whether there is someone at a desk ("is there someone at reception all night?"), not to speak to them. */
const TO_SPEAK = /\b(?:speak|talk|chat|call|ring|contact|reach|get hold of)\b/;

/**
 * The model's kind, corrected: a booking held is not a new one (booking_issue), nor is one that
 * fails ("… but it doesn't work"); asking what a booking holds, whether the place has something
 * or someone, or its wifi's password is a question; a cancellation denied asks for none.
 */
export function correctModelKind(kind: string | null, messages: PreparedMessage[]): string | null {
  // A cancellation the customer says they do not want or did not make is no request to cancel.
  if (kind !== null && CANCEL_KINDS.has(kind) && messages.some((m) => CANCEL_DENIED.test(m.folded)) && messages.every((m) => !CANCEL_WORD.test(maskDenied(m.folded)))) return null;
  if (kind === "new_booking") {
    if (messages.some((m) => FAILURE.test(m.folded))) return null;
    if (messages.some((m) => HOLDS_BOOKING.test(m.folded) && !ANOTHER.test(m.folded))) return "booking_issue";
  }
  const every = (test: (s: PreparedMessage["sentences"][number]) => boolean) => messages.every((m) => m.sentences.every((s) => CHITCHAT.test(s.folded) || test(s)));
  if ((kind === "booking_change" || kind === "new_booking") && every(asksWhatItHolds)) return "general_question";
  if ((kind === "login_problem" || kind === "accommodation_issue") && messages.every((m) => asksWifiPassword(m.folded))) return "general_question";
  const asksWhetherThereIs = (s: { folded: string }) => isQuestion(s) && HAS_IT.test(s.folded.replace(/^[^a-z]+/, "")) && !hasPlainProblem(s.folded);
  if (kind === "accommodation_issue" && every(asksWhetherThereIs)) return "general_question";
  if (kind === "contact_request" && every((s) => asksWhetherThereIs(s) && !TO_SPEAK.test(s.folded))) return "general_question";
  return kind;
}
