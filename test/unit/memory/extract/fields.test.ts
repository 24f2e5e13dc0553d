// Field-level phrasings written after the per-field tables, first measured at 38/50 (urgency
// cues, deadlines, preferences, threats, identity and resolution worded differently); kept as a
// table so the vocabulary that fixed them stays.
import type { Extraction } from "../../../../src/memory/types";
import { extract } from "./run";

type C = [string[], (e: Extraction) => unknown, unknown];
const cases: C[] = [
  // urgency
  [["Our payroll run is blocked because the bank integration fails, salaries are due tomorrow!"], e => e.issue?.urgency, "high"],
  [["Please fix this as soon as you can, my shop can't take any payments at all."], e => e.issue?.urgency, "high"],
  [["When you have time, could you look at the export formatting? Minor thing."], e => e.issue?.urgency, "low"],
  [["Somebody hacked my account and is messaging my contacts!"], e => e.issue?.urgency, "critical"],
  [["My daughter's tablet charger melted and smelled of burning plastic."], e => e.issue?.urgency, "critical"],
  [["I need the refund before my rent is due on the 1st."], e => e.issue?.deadline, "before my rent"],
  [["Can this be sorted by end of day? I present to the board tomorrow."], e => e.issue?.deadline, "by end of day"],
  [["The visa appointment is next Tuesday and I still don't have the booking confirmation."], e => e.issue?.urgency, "high"],
  // resolution preference
  [["Honestly I'd just like my money returned."], e => e.resolution_preference?.method, "refund"],
  [["Could you ring me back? Easier to explain by phone."], e => e.resolution_preference?.method, "callback"],
  [["Please ship a replacement unit, I don't want to wait for a refund."], e => e.resolution_preference?.method, "replacement"],
  [["I'm happy to take vouchers instead of cash."], e => e.resolution_preference?.method, "credit"],
  [["Can you show me how to set this up, step by step?"], e => e.resolution_preference?.method, "step_by_step"],
  [["I want to speak with someone senior about this."], e => e.resolution_preference?.method, "escalate"],
  [["Is there any temporary solution while you fix the bug?"], e => e.resolution_preference?.method, "workaround"],
  [["I asked for a refund last week.", "agent: We can also exchange it.", "On second thought, an exchange for a bigger size works."], e => e.resolution_preference?.method, "replacement"],
  // comm pref
  [["Please contact me by email only, I can't take calls at work."], e => e.communication_preference.channel, "email"],
  [["Text me on WhatsApp +44 [REDACTED:phone]"], e => e.communication_preference.channel, "whatsapp"],
  [["Best time to call is between 2 and 4pm."], e => e.communication_preference.times, "between 2 and 4pm"],
  [["Keep it brief please, no essays."], e => e.communication_preference.style, "direct"],
  [["Could you explain in detail what happened with my account?"], e => e.communication_preference.style, "detailed"],
  [["Puede responder en español por favor?"], e => e.communication_preference.language, "es"],
  // mood
  [["I'm really disappointed, this is the second faulty unit you've sent me."], e => e.mood, "frustrated"],
  [["You people are absolutely useless. Three weeks and NOTHING!!!"], e => e.mood, "angry"],
  [["All sorted now, you're a star, thanks!"], e => e.mood, "positive"],
  [["Hi, quick question about my plan."], e => e.mood, "calm"],
  // threats
  [["One more day without internet and I'm switching to Airtel."], e => e.escalation_threat, true],
  [["I will be contacting the ombudsman."], e => e.escalation_threat, true],
  [["I'm going to dispute the charge with my credit card company."], e => e.escalation_threat, true],
  [["Expect a very public review of your service."], e => e.escalation_threat, true],
  [["Get me your supervisor now."], e => e.escalation_threat, true],
  [["Can you cancel my order? I changed my mind."], e => e.escalation_threat, false],
  // identity
  [["Hello, Ahmed here. My parcel never came."], e => e.customer_identity.name, "Ahmed"],
  [["Hi this is Siobhan, the router light is red."], e => e.customer_identity.name, "Siobhan"],
  [["The card was declined.\n\nRegards,\nOluwaseun Adeyemi"], e => e.customer_identity.name, "Oluwaseun Adeyemi"],
  [["I'm a Platinum cardholder and this is not acceptable."], e => e.customer_identity.tier, "Platinum"],
  [["I've banked with you for over 20 years."], e => e.customer_identity.customer_since, "over 20 years"],
  [["We've been customers since March 2018."], e => e.customer_identity.customer_since, "March 2018"],
  [["Member number: GLD-55219. My upgrade didn't apply."], e => e.customer_identity.account_ref, "GLD-55219"],
  // language
  [["Olá, não consigo acessar minha conta desde ontem."], e => e.language, "pt"],
  [["Buongiorno, il pacco non è ancora arrivato."], e => e.language, "it"],
  [["Merci de me rembourser, le produit est arrivé cassé."], e => e.language, "fr"],
  [["yaar mera internet kaam nahi kar raha hai"], e => e.language, "hi"],
  [["My internet is not working since yesterday."], e => e.language, "en"],
  // risk
  [["Please delete my account and all my data, I'm moving to a competitor."], e => e.risk_signals.map(r => r.risk_type).sort().join(","), "churn,compliance"],
  [["The heater sparked and there was smoke everywhere, my kid was next to it."], e => e.risk_signals.map(r => r.risk_type).join(","), "safety"],
  [["I have reported this to the police, someone stole money from my account."], e => e.risk_signals.some(r => r.risk_type === "fraud"), true],
  // resolved
  [["Thanks, the refund just landed in my account."], e => e.customer_confirms_resolved, true],
  [["That did the trick, all working again."], e => e.customer_confirms_resolved, true],
  [["Nope, still the same error."], e => e.customer_confirms_resolved, false],
];

it.each(cases.map(([messages, get, want]) => [messages.join(" / ").slice(0, 70), messages, get, want] as const))("%s", (_t, messages, get, want) => {
  expect(get(extract([...messages]))).toEqual(want);
});
