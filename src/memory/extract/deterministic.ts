// The default extractor: rules, lexicons and ID patterns, no network, no model. Reads the
// customer's messages (agent messages only confirm refs and resolutions) and returns one
// Extraction. It does not merge into the profile: merge.ts does.
import { classifyVertical, scoreVerticals } from "../classify";
import type { Extraction, ExtractionInput, Extractor, Vertical } from "../types";
import { findIdentity } from "./identity";
import { detectIssue, hasSubstance, issueVerticalHint, modelMayNameKind, prepareMessage, scanRules, type PreparedMessage, type RuleHit } from "./issue";
import { detectLanguage } from "./language";
import { adviceBesides, adviseFromModel, modelVerticalHint, wordsDecideVertical, type ModelAdvice } from "./model/advice";
import { findCommunicationPreference, findResolutionPreference } from "./preferences";
import { findRefs } from "./refs";
import { customerConfirmsResolved } from "./resolved";
import { findRisks } from "./risk";
import { statedSummary, subjectOpensIssue, subjectText, summaryWithSubject } from "./subject";
import { findChurnRequest, findThreats, negativity, readMood } from "./sentiment";
import { stripRedactions } from "./text";
import { findDeadline, rateUrgency } from "./urgency";
import { extractVerticalFacts } from "./vertical-facts";

/**
 * The model's probability from which its guess of a kind raises the kind's risk ("asks to cancel"
 * for a cancellation_request): "We're moving to Berlin, can I take my contract with me?" was a
 * cancellation at 0.51. The kind stays; the alarm waits for a rule's word or a surer guess.
 */
const RISK_FROM_GUESS = 0.7;
/**
 * The customer's bank quoted as a third party ("my bank says nothing has come in", "I called my
 * bank"): whoever they write to is not their bank but a shop, an airline, a software vendor,
 * unless they speak of money held with the one they write to (a top-up, a wallet, a balance:
 * a fintech's customer quotes their bank too). In the train parts the phrase is in 8 messages,
 * none to a bank, and 5 of them were routed to banking by the payment and card words they
 * share with bank queries.
 */
const THEIR_BANK = /\b(?:my|our) bank(?:'s)? (?:says|said|told|tells|confirm\w*|has (?:confirm\w*|no record)|shows?|showed|sees|saw|can(?:'t| ?not)? see|claims?|insists?|states?|is saying)\b|\b(?:contacted|called|asked|checked with|spoke (?:to|with)|spoken (?:to|with)|talked to|rang) (?:my|our) bank\b|\baccording to (?:my|our) bank\b/;
const HELD_WITH_US = /\b(?:top(?:ped|ping)? ?-?up\w*|wallet|balance|virtual card|exchange|iban|sort code)\b/;
/** Rules whose kind names no business: a request for a person, a complaint about the support itself. */
const NO_BUSINESS_RULES = new Set(["contact_request", "service_complaint"]);
const VIP_MENTION = /\b(?:high.value (?:customer|client|account)|key account|vip (?:customer|client|member)|enterprise (?:customer|client|account))\b/;

/** The vertical: the classifier's pick, or the open issue's vertical when the text says nothing (a bare "any update?"). */
function routeWithHistory(
  text: string,
  input: ExtractionInput,
  hints: Partial<Record<Vertical, number>>,
  lexicon: Partial<Record<Vertical, number>>,
  advice: ModelAdvice | null,
  namesNoBusiness: boolean,
  notTheBank: boolean,
): { vertical: Vertical; confidence: number } {
  const evidence = addVotes(lexicon, hints);
  const modelHints = namesNoBusiness ? {} : modelVerticalHint(advice && notTheBank ? adviceBesides(advice, "banking_fintech") : advice, evidence);
  if (notTheBank) delete modelHints.banking_fintech;
  const c = classifyVertical(text, input.settings, addVotes(hints, modelHints), lexicon);
  const previous = input.existing?.support_type;
  // "Said nothing" is judged on the words and refs alone: the model's lean is no evidence of a new topic.
  const saidNothing = (Object.entries(c.scores) as [Vertical, number][]).every(([k, w]) => k === "general_info" || w === modelHints[k]);
  const allowed = input.settings.support_type_mode !== "multi" || (previous !== undefined && input.settings.support_types_allowed.includes(previous));
  if (saidNothing && previous && previous !== "general_info" && allowed && input.settings.support_type_mode !== "single") {
    return { vertical: previous, confidence: 0.4 };
  }
  return { vertical: c.vertical, confidence: c.confidence };
}

function besidesBanking(votes: Partial<Record<Vertical, number>>): Partial<Record<Vertical, number>> {
  const { banking_fintech: _bank, ...rest } = votes;
  return rest;
}

function addVotes(...all: Partial<Record<Vertical, number>>[]): Partial<Record<Vertical, number>> {
  const out: Partial<Record<Vertical, number>> = {};
  for (const votes of all) for (const [v, w] of Object.entries(votes) as [Vertical, number][]) out[v] = (out[v] ?? 0) + w;
  return out;
}

export function extractDeterministic(input: ExtractionInput): Extraction {
  const ordered = [...input.messages].sort((a, b) => a.index - b.index);
  const subject = subjectText(input.metadata);
  const customer: PreparedMessage[] = [];
  const timeline: { role: "user" | "assistant"; prepared: PreparedMessage; hits: RuleHit[] }[] = [];
  const customerHits: RuleHit[][] = [];
  const agentTexts: string[] = [];
  for (const m of ordered) {
    const prepared = prepareMessage({ content: stripRedactions(m.content ?? ""), index: m.index });
    if (m.role === "user") {
      const hits = scanRules(prepared);
      customer.push(prepared);
      customerHits.push(hits);
      timeline.push({ role: "user", prepared, hits });
    } else {
      agentTexts.push(prepared.content);
      timeline.push({ role: "assistant", prepared, hits: [] });
    }
  }
  const customerTexts = customer.map((m) => m.content);
  const allCustomerText = customerTexts.join("\n");
  // The subject line is the customer's first words on a new ticket: read with their messages.
  const subjectRead = subject !== "" && customer.length > 0 && subjectOpensIssue(input.existing, input.metadata.ticket_id);
  let subjectKinds: string[] = [];
  if (subjectRead) {
    const opening = prepareMessage({ content: subject, index: customer[0]!.index });
    const hits = scanRules(opening);
    subjectKinds = hits.map((h) => h.rule.type);
    customer.unshift(opening);
    customerHits.unshift(hits);
  }
  const said = [subject, allCustomerText].join("\n");
  const language = allCustomerText.trim() ? detectLanguage(allCustomerText) : undefined;
  const notTheBank = customer.some((m) => THEIR_BANK.test(m.folded)) && !customer.some((m) => HELD_WITH_US.test(m.folded));
  const votes = (v: Partial<Record<Vertical, number>>) => (notTheBank ? besidesBanking(v) : v);
  const hints = votes(issueVerticalHint(customerHits));
  const lexicon = votes(scoreVerticals(said));
  // The model is asked only where it can change something: the vertical (unless the tenant fixes
  // it or the words decide it, see wordsDecideVertical) or the issue kind (modelMayNameKind, as
  // detectIssue asks it). Where it cannot, the confidence is the words' alone.
  const verticalDecided = input.settings.support_type_mode === "single" || (input.settings.support_type_mode === "auto" && wordsDecideVertical(addVotes(lexicon, hints)));
  const advice = hasSubstance(customer) && !(verticalDecided && !modelMayNameKind(customer, customerHits)) ? adviseFromModel(said, language) : null;
  // "Can I talk to a human?", "your agent hung up on me" name no business: the model's guess of
  // one is its training's prior. So where no word names one and the rules read only a request for
  // a person or a complaint about the support itself.
  const namesNoBusiness = Object.keys(lexicon).length === 0 && customerHits.some((h) => h.length > 0) && customerHits.every((hs) => hs.every((h) => NO_BUSINESS_RULES.has(h.rule.type)));
  const { vertical, confidence } = routeWithHistory(said, input, hints, lexicon, advice, namesNoBusiness, notTheBank);

  const refs = [subject, ...customerTexts, ...agentTexts].flatMap((t) => findRefs(t));
  const uniqueRefs = [...new Map(refs.map((r) => [r.value.toUpperCase(), r])).values()];

  const angryMessages = new Set(customer.filter((m) => negativity(m).score >= 2).map((m) => m.index));
  const threats = findThreats(customer, angryMessages);
  const resolved = customerConfirmsResolved(timeline);

  const draft = detectIssue(customer, customerHits, vertical, input.existing?.current_open_issue ?? null, advice);
  // The subject is the headline unless it names another kind of problem than the one found; a
  // problem found in the subject line alone ("Formal complaint") gets the message's sentence after it.
  if (draft && subjectRead && draft.summary.trim().toLowerCase() === subject.trim().toLowerCase()) {
    const stated = statedSummary(subject, customer.slice(1));
    if (stated) draft.summary = `${subject.replace(/[\s:.!?-]+$/, "")}: ${stated}`;
  } else if (draft && subjectRead && (subjectKinds.length === 0 || subjectKinds.includes(draft.issue_type))) draft.summary = summaryWithSubject(subject, draft.summary);
  let issue: Extraction["issue"] = null;
  if (draft) {
    const deadline = findDeadline(customerTexts);
    const urgency = rateUrgency(allCustomerText, draft.baseUrgency, { deadline, threat: threats.length > 0 });
    issue = {
      issue_type: draft.issue_type.slice(0, 80),
      summary: draft.summary.slice(0, 500) || draft.issue_type,
      refs: uniqueRefs.map((r) => r.value.slice(0, 80)).slice(0, 20),
      urgency,
      message_index: draft.message_index,
      ...(deadline ? { deadline: deadline.slice(0, 200) } : {}),
    };
  }

  const hasProblem = issue !== null && issue.issue_type !== "general_question" && !resolved;
  const mood = readMood(customer, { hasProblem, threats: threats.length });
  const resolution_preference = findResolutionPreference(customer);
  const communication_preference = findCommunicationPreference(customer);
  const customer_identity = findIdentity(customerTexts, agentTexts);
  const support_context = extractVerticalFacts(vertical, {
    texts: subject ? [subject, ...customerTexts] : customerTexts,
    refs: uniqueRefs,
    issueType: issue?.issue_type ?? null,
  });

  const vip = customer.map((m) => ({ m, hit: VIP_MENTION.exec(m.folded) })).find((x) => x.hit);
  const risk_signals = findRisks({
    // A risk the note raises from the issue kind needs a rule's word for it or a sure model.
    issue: draft?.guessed !== undefined && draft.guessed < RISK_FROM_GUESS ? null : issue,
    threats,
    churnRequest: findChurnRequest(customer),
    refundWanted: resolution_preference?.method === "refund" ? resolution_preference : null,
    tier: customer_identity.tier,
    seats: typeof support_context.seats === "string" ? support_context.seats : undefined,
    vipMention: vip ? { messageIndex: vip.m.index, text: vip.hit![0] } : null,
    firstCustomerIndex: customer[0]?.index ?? 0,
  });

  return {
    support_type: vertical,
    support_type_confidence: confidence,
    customer_identity,
    communication_preference,
    ...(language ? { language } : {}),
    issue,
    customer_confirms_resolved: resolved,
    resolution_preference,
    mood,
    escalation_threat: threats.length > 0,
    risk_signals,
    support_context,
  };
}

export function createDeterministicExtractor(): Extractor {
  return {
    name: "deterministic",
    // The work is synchronous; a bug surfaces as a rejected promise, as callers of an Extractor expect.
    extract(input: ExtractionInput): Promise<Extraction> {
      try {
        return Promise.resolve(extractDeterministic(input));
      } catch (err) {
        return Promise.reject(err);
      }
    },
  };
}
