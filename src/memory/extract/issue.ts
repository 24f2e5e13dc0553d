// Finds the customer's problem in a batch of messages: the most specific matching rule wins,
// its sentence becomes the summary. Falls back to a plain "it's broken", a question, or a
// follow-up of the issue already open. Pure.
import type { ExtractedIssue, OpenIssue, Urgency, Vertical } from "../types";
import { ISSUE_RULES, ruleRequiredText, type IssueRule } from "./issue-rules";
import { ASKS_FOR, CANCEL_DENIED, CANCEL_KINDS, CHITCHAT, FAILURE, FOLLOW_UP, isQuestion, KIND_SAID, MALFUNCTION, maskDenied, NOT_THE_HOTEL, PRAISE, QUESTION_START, THANKS_ONLY, VAGUE } from "./issue-phrases";
import { FALLBACK_ISSUE, hasPlainProblem, LAST_SUBJECTS, maskPolite, NEED, PROBLEM, REQUEST, SUBJECTS } from "./issue-subjects";
import { correctModelKind } from "./kind-corrections";
import { adviceForVertical, isHardKind, KIND_OVER_RULE, modelFallbackKind, modelKind, type ModelAdvice } from "./model/advice";
import { RequiredTextIndex } from "../required-text";
import { fold, splitSentences, trimSummary, wordCount, type Span } from "./text";

export type Said = { content: string; index: number };

type Sentence = Span & { folded: string };
export type PreparedMessage = Said & { folded: string; sentences: Sentence[] };

export function prepareMessage(m: Said): PreparedMessage {
  const folded = fold(m.content);
  const sentences = splitSentences(m.content).map((s) => ({ text: s.text, start: s.start, folded: folded.slice(s.start, s.start + s.text.length) }));
  return { content: m.content, index: m.index, folded, sentences };
}

/** One rule firing in one sentence of a message; `at` is its offset in the message. */
export type RuleHit = { rule: IssueRule; sentence: number; at: number };
/** `at`: where the rule matched, as an offset in the message's folded text. */
export type IssueHit = { rule: IssueRule; type: string; urgency: Urgency; message: PreparedMessage; sentence: number; at: number; score: number };

const VERTICAL_BONUS = 3;

function ruleFires(rule: IssueRule, s: Sentence, message: PreparedMessage): number {
  const m = rule.any.exec(s.folded);
  if (!m) return -1;
  if (rule.with && !rule.with.test(rule.withScope === "message" ? message.folded : s.folded)) return -1;
  if (rule.unless?.test(s.folded) || rule.unlessMessage?.test(message.folded)) return -1;
  return m.index;
}

/**
 * A rule none of whose required strings (ruleRequiredText) occurs in a sentence cannot fire
 * there (each sentence's folded text is a slice of the message's), so it is not run there. On
 * the bench's messages that leaves ~8 rule runs a message.
 */
const RULE_TEXT = new RequiredTextIndex(ISSUE_RULES.map(ruleRequiredText));

/** Every rule that fires in a message (computed once, used for the issue and for "is it resolved?"). */
export function scanRules(message: PreparedMessage): RuleHit[] {
  const hits: RuleHit[] = [];
  const may = RULE_TEXT.mayMatchEach(message.folded, message.sentences.map((s) => s.start));
  message.sentences.forEach((s, si) => {
    const rules = ISSUE_RULES.filter((_, r) => may[si * ISSUE_RULES.length + r] !== 0);
    if (rules.length === 0) return;
    // A cancellation denied ("I don't want to cancel", "I never cancelled") asks for none.
    const undenied = rules.some((rule) => CANCEL_KINDS.has(rule.type)) && CANCEL_DENIED.test(s.folded) ? { ...s, folded: maskDenied(s.folded) } : s;
    for (const rule of rules) {
      const at = ruleFires(rule, CANCEL_KINDS.has(rule.type) ? undenied : s, message);
      if (at >= 0) hits.push({ rule, sentence: si, at: s.start + at });
    }
  });
  return hits;
}


/** Offset of the last problem statement in a message, or -1. */
export function lastProblemAt(message: PreparedMessage, hits: RuleHit[]): number {
  let last = hits.reduce((max, h) => Math.max(max, h.at), -1);
  for (const m of maskPolite(message.folded).matchAll(PROBLEM_G)) last = Math.max(last, m.index!);
  return last;
}
const PROBLEM_G = new RegExp(PROBLEM.source, "g");

/**
 * A vote for the vertical of the most specific problem: 2, or 4 from weight SPECIFIC_RULE (a lost
 * belonging, a failed enrolment), which makes the model's vote for another a tie-break.
 */
export function issueVerticalHint(hits: RuleHit[][]): Partial<Record<Vertical, number>> {
  let top: IssueRule | null = null;
  // Only kinds that live in one vertical vote: a login problem says nothing about the business.
  for (const h of hits.flat()) if (h.rule.verticals?.length === 1 && (!top || h.rule.weight > top.weight)) top = h.rule;
  if (!top?.verticals) return {};
  return { [top.verticals[0]!]: top.weight >= SPECIFIC_RULE ? SPECIFIC_HINT_WEIGHT : ISSUE_HINT_WEIGHT };
}
const ISSUE_HINT_WEIGHT = 2;
const SPECIFIC_RULE = 9;
const SPECIFIC_HINT_WEIGHT = 4;

/** The best rule hit over all customer messages; ties go to the earlier message. */
export function findIssueHit(messages: PreparedMessage[], hits: RuleHit[][], vertical: Vertical): IssueHit | null {
  let best: IssueHit | null = null;
  messages.forEach((message, mi) => {
    for (const h of hits[mi] ?? []) {
      const score = h.rule.weight + (h.rule.verticals?.includes(vertical) ? VERTICAL_BONUS : 0);
      if (!best || score > best.score) best = { rule: h.rule, type: h.rule.type, urgency: h.rule.urgency ?? "medium", message, sentence: h.sentence, at: h.at, score };
    }
  });
  return best;
}


/**
 * Whether the rule matched in a clause that states something, in a sentence that then asks
 * ("PNR ABC123 flight cancelled, what are my options?"): the clause runs from the comma, colon
 * or semicolon before the match to the one after it, and states when it neither starts with a
 * question word nor ends the sentence's question.
 */
function statedBeforeAsking(hit: IssueHit): boolean {
  const s = hit.message.sentences[hit.sentence]!;
  const at = hit.at - s.start;
  const before = s.folded.slice(0, at).search(/[,;:][^,;:]*$/);
  const after = s.folded.slice(at).search(/[,;:]/);
  if (after < 0) return false;
  const clause = s.folded.slice(before < 0 ? 0 : before + 1, at + after).trim();
  return clause !== "" && !QUESTION_START.test(clause.replace(/^[^a-z]+/, "")) && isQuestion({ ...s, folded: s.folded.slice(at + after + 1) });
}

/** A sentence that says more than a greeting, thanks or small talk. */
export const substantive = (s: Sentence): boolean => !CHITCHAT.test(s.folded) && !THANKS_ONLY.test(s.folded.trim()) && wordCount(s.folded, 2) >= 2;
const substantiveSentences = (messages: PreparedMessage[]): number => messages.reduce((n, m) => n + m.sentences.filter(substantive).length, 0);

/** Whether the model may name the kind: where no rule names one, or over one sentence of substance. */
export function modelMayNameKind(messages: PreparedMessage[], hits: RuleHit[][]): boolean {
  return !hits.some((h) => h.length > 0) || substantiveSentences(messages) <= 1;
}

/** Whether any sentence says more than a greeting, thanks or small talk (the model reads only such text). */
export function hasSubstance(messages: PreparedMessage[]): boolean {
  return messages.some((m) => m.sentences.some(substantive));
}

/** Summary sentence: the hit sentence, with the sentence before it when it is too short to stand alone. */
export function summarise(message: PreparedMessage, si: number): string {
  const s = message.sentences[si]!;
  let text = s.text;
  if (trimSummary(text).length < 40 && si > 0) {
    const prev = trimSummary(message.sentences[si - 1]!.text);
    if (prev.length >= 12 && !THANKS_ONLY.test(fold(prev))) text = `${message.sentences[si - 1]!.text.trim()} ${text.trim()}`;
  }
  return trimSummary(text);
}

/** `guessed`: the model's probability of the kind, where no rule named one. */
export type IssueDraft = Omit<ExtractedIssue, "refs" | "urgency" | "deadline"> & { baseUrgency: Urgency; specific: boolean; guessed?: number };

/** The kind a sentence's subject names in this vertical ("videos" → course_access), if any. */
function subjectKind(vertical: Vertical, ...texts: string[]): string | undefined {
  for (const text of texts) {
    // The subject named first is what the sentence is about ("the host locked us out … with our bags").
    // A cancellation denied ("I didn't cancel the order") asks for none; a trip's fate stays read.
    const undenied = maskDenied(text);
    let best: { at: number; kind: string } | undefined;
    for (const [re, kind] of SUBJECTS[vertical]) {
      const m = re.exec(CANCEL_KINDS.has(kind) ? undenied : text);
      if (m && (!best || m.index < best.at)) best = { at: m.index, kind };
    }
    if (best) return best.kind;
  }
  return lastSubjectKind(vertical, ...texts);
}

/** The kind a thing of LAST_SUBJECTS names ("the shower" → accommodation_issue), if any. */
function lastSubjectKind(vertical: Vertical, ...texts: string[]): string | undefined {
  for (const text of texts) for (const [re, kind] of LAST_SUBJECTS[vertical] ?? []) if (!NOT_THE_HOTEL.test(text) && re.test(text)) return kind;
  return undefined;
}

/** Kinds whose rules rule them out for these messages ("… I confirmed it was me"): no other path names them either. */
const VETO_RULES = ISSUE_RULES.filter((r) => r.unlessMessage);
const vetoedKinds = (messages: PreparedMessage[]): Set<string> => new Set(VETO_RULES.filter((r) => messages.some((m) => r.unlessMessage!.test(m.folded))).map((r) => r.type));

/** Kinds that name a failure, which the model may name over a rule only where a problem is stated. */
const FAILURE_KINDS = new Set(["billing_failed", "payment_failed", "card_declined", "top_up_failed", "recharge_failed"]);

/** Kinds of a booking that exists, which the model's new_booking does not overrule. */
const EXISTING_BOOKING_KINDS = new Set(["booking_change", "booking_cancellation"]);

/** The customer's problem, or null when the messages carry none (thanks, chit-chat). */
export function detectIssue(
  messages: PreparedMessage[],
  hits: RuleHit[][],
  vertical: Vertical,
  open: OpenIssue | null,
  modelAdvice: ModelAdvice | null = null,
): IssueDraft | null {
  if (messages.length === 0) return null;
  // The model's kinds as read for the vertical routed to (with its own kind head, where it has one).
  const advice = adviceForVertical(modelAdvice, vertical);
  const hit: IssueHit | null = findIssueHit(messages, hits, vertical);
  // A sure model outvotes a rule's kind, except on hard signals (see isHardKind), and only on
  // what it was trained on: one English sentence. Over several sentences the rule's sentence is
  // the better witness. It keeps the rule's urgency: the rule fired on words that say how
  // pressing the problem is.
  const mayOverrule = hit && hit.urgency !== "critical" && !isHardKind(hit.type) && advice?.english === true && modelMayNameKind(messages, hits);
  const vetoed = vetoedKinds(messages);
  const notVetoed = (kind: string | null | undefined) => (kind && !vetoed.has(kind) ? kind : undefined);
  const overRule = mayOverrule ? (notVetoed(modelKind(advice, vertical, KIND_OVER_RULE)) ?? null) : null;
  // "Just a question" does not overrule a rule that fired on a statement of a problem or a need
  // ("then I need a wheelchair friendly room"): the model learned it from questions about the
  // same things. Nor a request for a person or a booking, often asked as questions ("Can I
  // speak with the reception?"), nor a problem stated before its question ("flight cancelled,
  // what are my options?").
  const ruleSentence = hit ? hit.message.sentences[hit.sentence]! : null;
  const statesNeed = (s: Sentence) => !isQuestion(s) && (hasPlainProblem(s.folded) || NEED.test(s.folded) || REQUEST.test(s.folded));
  const questionOverStatement = overRule === "general_question" && ruleSentence !== null && (statesNeed(ruleSentence) || hit?.type === "contact_request" || hit?.type === "new_booking" || statedBeforeAsking(hit!));
  // Nor is a change to or a cancellation of a booking a new booking: the rule read the verb.
  // Nor the other way round: the new-booking rule fires only where no change or cancellation is
  // named ("I'd like an en suite room for 2 adults please").
  const newVersusExisting =
    hit !== null && ((overRule === "new_booking" && EXISTING_BOOKING_KINDS.has(hit.type)) || (overRule !== null && EXISTING_BOOKING_KINDS.has(overRule) && hit.type === "new_booking"));
  // Nor is a failure read into words that name none ("we need to add 5 more seats to our plan"):
  // the model learned the kind from the same words with "but the payment keeps failing".
  const failureUnsaid = overRule !== null && FAILURE_KINDS.has(overRule) && !messages.some((m) => hasPlainProblem(m.folded) || FAILURE.test(m.folded));
  // Nor a check-in problem where no check-in, arrival or desk is named, nor access to a course
  // where no getting at it is (KIND_SAID).
  const said = overRule !== null ? KIND_SAID[overRule] : undefined;
  const kindUnsaid = said !== undefined && !messages.some((m) => said.test(m.folded));
  if (hit && overRule && overRule !== hit.type && !questionOverStatement && !newVersusExisting && !failureUnsaid && !kindUnsaid) {
    return { issue_type: overRule, summary: summarise(hit.message, hit.sentence), message_index: hit.message.index, baseUrgency: hit.urgency, specific: true };
  }
  if (hit) {
    // A rule of another vertical ("internet cut out" on an edtech tenant) yields to what the
    // sentence is about in this vertical, when it names something.
    const offVertical = vertical !== "general_info" && hit.rule.verticals !== undefined && !hit.rule.verticals.includes(vertical);
    const sentence = hit.message.sentences[hit.sentence]!.folded;
    const local = offVertical ? subjectKind(vertical, sentence, hit.message.folded) : undefined;
    return {
      issue_type: local ?? hit.type,
      summary: summarise(hit.message, hit.sentence),
      message_index: hit.message.index,
      baseUrgency: local ? "medium" : hit.urgency,
      specific: true,
    };
  }
  // No named problem: a restated or chased open issue keeps its identity.
  for (const m of messages) {
    if (open && (FOLLOW_UP.test(m.folded) || hasPlainProblem(m.folded))) {
      return { issue_type: open.issue_type, summary: open.summary, message_index: m.index, baseUrgency: open.urgency, specific: false };
    }
  }
  const statesProblem = (s: Sentence) => (hasPlainProblem(s.folded) || REQUEST.test(s.folded) || (NEED.test(s.folded) && !isQuestion(s))) && !CHITCHAT.test(s.folded);
  // Thanks or praise alone ("Thanks for the help!") is no issue, whatever the model reads in it.
  // Thanks with a request in it ("thanks get me an appointment") is the request.
  const onlyPraise = messages.every((m) => m.sentences.every((s) => (PRAISE.test(s.folded) && !ASKS_FOR.test(s.folded)) || THANKS_ONLY.test(s.folded.trim()) || CHITCHAT.test(s.folded)));
  const guess = onlyPraise ? null : modelFallbackKind(advice, vertical);
  // A request for help that names only the thing ("I need help with my account") says no more
  // than that: the model's specific kind would be a guess from the words around it.
  const isVague = (s: Sentence) => VAGUE.test(s.folded.trim());
  const vague = messages.some((m) => m.sentences.some(isVague)) && messages.every((m) => m.sentences.every((s) => CHITCHAT.test(s.folded) || THANKS_ONLY.test(s.folded.trim()) || isVague(s)));
  const fromModel = vague ? "general_question" : (notVetoed(correctModelKind(guess, messages)) ?? null);
  // The model's "just a question" where nothing is asked and a fault is stated in a thing that
  // names its own problem (LAST_SUBJECTS: "there's no shampoo in the shower") is that thing's
  // problem; not SUBJECTS: "I do not want a VISA card" names no declined card.
  if (fromModel === "general_question" && !vague) {
    const sentences = messages.flatMap((m) => m.sentences).filter((s) => !CHITCHAT.test(s.folded) && !THANKS_ONLY.test(s.folded.trim()));
    const stated = sentences.every((s) => !isQuestion(s)) ? sentences.find((s) => hasPlainProblem(s.folded) && lastSubjectKind(vertical, s.folded) !== undefined) : undefined;
    if (stated) {
      const m = messages.find((x) => x.sentences.includes(stated))!;
      return { issue_type: lastSubjectKind(vertical, stated.folded)!, summary: summarise(m, m.sentences.indexOf(stated)), message_index: m.index, baseUrgency: "medium", specific: false };
    }
  }
  if (fromModel) {
    const guessed = fromModel === guess ? advice?.kinds.probabilities[advice.kinds.classes.indexOf(fromModel)] : undefined;
    // The model read the whole text; the summary is the sentence stating the problem, else the
    // customer's first sentence with substance.
    for (const pick of [statesProblem, substantive]) {
      for (const m of messages) {
        const si = m.sentences.findIndex(pick);
        // A question is not pressing in itself, whoever names it (as in the question fallback below).
        if (si >= 0) return { issue_type: fromModel, summary: summarise(m, si), message_index: m.index, baseUrgency: fromModel === "general_question" ? "low" : "medium", specific: true, guessed };
      }
    }
  }
  for (const m of messages) {
    const si = m.sentences.findIndex(statesProblem);
    if (si >= 0) {
      const sentence = m.sentences[si]!.folded;
      // In software, "it's broken" is a bug report; otherwise the subject names the kind.
      const type =
        notVetoed(subjectKind(vertical, sentence, m.folded)) ??
        (vertical === "saas" && MALFUNCTION.test(sentence) ? "bug_report" : FALLBACK_ISSUE[vertical]);
      return { issue_type: type, summary: summarise(m, si), message_index: m.index, baseUrgency: "medium", specific: false };
    }
  }
  // People write to support for a reason: a plain statement about something of the vertical
  // ("I ordered a phone case 3 weeks ago", "the subtitles are in Portuguese") is the issue,
  // unless it is praise.
  for (const m of messages) {
    const si = m.sentences.findIndex(
      (s) => !isQuestion(s) && !CHITCHAT.test(s.folded) && !PRAISE.test(s.folded) && wordCount(s.folded) >= 4 && notVetoed(subjectKind(vertical, s.folded)) !== undefined,
    );
    if (si >= 0) {
      return { issue_type: subjectKind(vertical, m.sentences[si]!.folded)!, summary: summarise(m, si), message_index: m.index, baseUrgency: "medium", specific: false };
    }
  }
  for (const m of messages) {
    const si = m.sentences.findIndex((s) => isQuestion(s) && !CHITCHAT.test(s.folded) && !THANKS_ONLY.test(s.folded.trim()));
    if (si >= 0 && !CHITCHAT.test(m.folded)) {
      return { issue_type: "general_question", summary: summarise(m, si), message_index: m.index, baseUrgency: "low", specific: false };
    }
  }
  return null;
}
