// What the customer asks for: a way to resolve the problem (refund, replacement, callback…)
// and how they want to be contacted (channel, style, times, language). Only stated
// preferences count; a negated one ("please don't call me") is ignored, and within a batch
// the latest statement wins.
import type { Channel, Extraction, ResolutionMethod, Style } from "../types";
import { RequiredTextIndex, requiredTextGuard, requiredTextOf } from "../required-text";
import { trimSummary } from "./text";
import type { PreparedMessage } from "./issue";

type Pattern<T> = { value: T; re: RegExp };
const g = (source: string): RegExp => new RegExp(source, "g");

const RESOLUTION: Pattern<ResolutionMethod>[] = [
  { value: "refund", re: g(String.raw`\b(?:want|need|would like|'d like|demand|expect|request\w*|give me|get|issue|process|prefer|asking for|just)\b[^.!?]{0,20}\brefund\b(?! polic)|\b(?:full|a|my|the) refund\b(?! polic)(?!\s+(?:has |have |was |is )?(?:just |finally |now |already )?(?:arrived|landed|came|been|received|credited|reflected|hit|reached|processed|issued|went through))|\brefund (?:me|it|this|my money|the (?:amount|money|payment|charge|order|difference|full amount))\b|\bmoney back\b|\bmoney (?:returned|refunded)\b|\b(?:return|give) (?:me )?(?:my|the) money\b|\breimburse\w*\b|\b(?:quiero|solicito|necesito|pido|exijo)\b[^.!?]{0,15}\breembolso\b|\bdevuelv\w+ (?:mi |el )?dinero\b|\bquero\b[^.!?]{0,15}\b(?:reembolso|estorno|dinheiro de volta)\b|\b(?:je veux|je demande)\b[^.!?]{0,15}\bremboursement\b|\bremboursez.moi\b|\bgeld zuruck\b|\b(?:bitte um|mochte|moechte|ich will|fordere|verlange)\b[^.!?]{0,15}\b(?:ruckerstattung|erstattung)\b|\b(?:paise|paisa) wapas\b|\brefund please\b|\bplease refund\b|\b(?:refunded|reversed|credited back)\b(?<=\b(?:want|need|would like|'d like|expect)\b[^.!?]{0,40})|\b(?:je veux|je voudrais|j'aimerais)\b[^.!?]{0,15}\b(?:etre )?rembours\w*\b`) },
  { value: "replacement", re: g(String.raw`\b(?:send|ship|give|get)\b (?:me |us )?(?:a |an )?(?:new|replacement|another|fresh|working)(?: one| unit| item| pair| [a-z]+)?\b|\breplac(?:e|ement)\b|\bexchange (?:it|this|them|for)\b|\bexchange\b(?! rate)(?<=\b(?:want|like|need|prefer|rather|can i|could i|to) (?:an? )?exchange)|\bswap (?:it|this|them)\b|\b(?:new|replacement) (?:one|unit|item|device|card|sim|pair)\b|\breemplazo\b|\b(?:un|el|otro) cambio\b|\bcambiar(?:lo|la)? por\b|\bremplacement\b|\bechange\b|\bersatz\b|\bumtausch\b|\bsostituzione\b|\btroca\b`) },
  { value: "credit", re: g(String.raw`\bstore credit\b|\baccount credit\b|\bservice credit\b|\bwallet credit\b|\b(?:credit|vouchers?|coupons?|gift cards?|(?<!bullet )points|miles)\b[^.!?]{0,20}\b(?:is|are|would be|will be|works) (?:fine|ok|okay|good|acceptable|great|enough)\b|\b(?:take|accept|happy with|fine with|ok with|okay with)\b (?:a |some )?(?:store credit|credit|vouchers?|coupons?|gift cards?|points|miles)\b|\b(?:as|in) (?:a |store |account )?(?:credit|voucher)\b|\b(?:give|issue|add) (?:me |us )?(?:a |some )?(?:credit|voucher|coupon|gift card|points|miles)\b|\bcredit (?:to|on|in|into) (?:my|our) (?:account|wallet|balance)\b|\bcredit note\b`) },
  { value: "callback", re: g(String.raw`\bcall me\b|\bcall (?:me )?back\b|\bcallback\b|\bgive me a (?:call|ring)\b|\bphone me\b|\bring me\b|\b(?:can|could) (?:someone|somebody|you|an agent) (?:please )?(?:call|phone|ring)\b|\b(?:speak|talk) (?:to someone |with someone )?(?:on|over|by) the phone\b|\bllam(?:ame|enme)\b|\bappelez.moi\b|\brufen sie mich\b|\bme lig(?:a|ue)\b|\bcall kar(?:o|do|na)\b`) },
  { value: "step_by_step", re: g(String.raw`\bwalk (?:me|us) through\b|\bstep.by.step\b|\bguide (?:me|us)\b|\bshow (?:me|us) how\b|\btell (?:me|us) (?:exactly )?how (?:to|do i|can i)\b|\bwhat (?:are the )?steps\b|\b(?:detailed |clear |exact )?instructions\b|\bpaso a paso\b|\betape par etape\b|\bschritt fur schritt\b`) },
  { value: "escalate", re: g(String.raw`\b(?:speak|talk|escalat\w*|transfer me|put me through|connect me|let me speak|get me)\b[^.!?]{0,25}\b(?:manager|supervisor|senior|someone (?:in charge|senior|higher)|higher (?:up|authority|management)|team lead|boss|escalation team|management|specialist|tier 2|level 2|second line)\b|\bescalat(?:e|ed|ing)\b|\b(?:want|need|demand) (?:a|your|the) (?:manager|supervisor)\b`) },
  { value: "workaround", re: g(String.raw`\bwork.?around\b|\btemporary (?:fix|solution)\b|\bquick fix\b|\bin the meantime\b[^.!?]{0,30}\b(?:is there|can i|can we|what can|how can|anything|any way|something)\b|\b(?:is there|can i|can we|anything|any way)\b[^.!?]{0,40}\bin the meantime\b|\b(?:any|another) way (?:around|to get around)\b|\buntil (?:it'?s|this is|you) (?:fixed|resolved)\b|\bstopgap\b`) },
];

const CHANNEL: Pattern<Channel>[] = [
  { value: "email", re: g(String.raw`\b(?:e-?mail|mail) me\b|\b(?:send|reply|respond|write|contact|reach|update|answer)\b (?:me |us )?(?:[a-z]+ ){0,3}?(?:by|via|over|through|on|to my|at my) e-?mail\b|\bprefer (?:[a-z]+ )?e-?mail\b|\be-?mail (?:is|would be|works) (?:better|best|preferred|fine|easier)\b|\b(?:by|via|over) e-?mail (?:please|only|is better|instead)\b|\be-?mail only\b|\bin writing\b`) },
  { value: "call", re: g(String.raw`\bcall me\b|\bphone me\b|\bring me\b|\b(?:reach|contact) me (?:by|on|via|over|at) (?:the |my )?(?:phone|mobile|cell|landline)\b|\bprefer (?:a )?(?:phone )?calls?\b|\bprefer (?:the )?phone\b|\bgive me a (?:call|ring)\b|\bcall (?:me )?back\b|\bcallback\b|\bover the phone\b`) },
  { value: "whatsapp", re: g(String.raw`\b(?:on|via|over|through|by) whats ?app\b|\bwhats ?app me\b|\bprefer whats ?app\b|\bwhats ?app (?:is|would be|works) (?:better|easier|best|fine)\b|\bwhats ?app only\b|\bonly (?:on |via |by |through )?whats ?app\b`) },
  { value: "chat", re: g(String.raw`\b(?:keep|continue|stay) (?:it |this )?(?:here|in (?:this |the )?chat|on chat)\b|\bprefer (?:live )?chat\b|\b(?:message|text) me here\b|\bhere in (?:the |this )?chat\b|\bchat (?:is|would be|works) (?:better|easier|best|fine)\b`) },
];

const STYLE: Pattern<Style>[] = [
  { value: "direct", re: g(String.raw`\b(?:short|quick|brief|straight|simple) (?:answer|reply|response|version)\b|\bkeep (?:it|answers|replies|(?:your|the) (?:answers|replies|emails|messages)) (?:short|brief|simple)\b|\bbullet points (?:are|is|would be) (?:fine|ok|okay|great|best|better)\b|\bin bullet points\b|\b(?:straight|get) to the point\b|\bjust (?:tell|give) me\b|\bno long (?:explanations?|emails?|stories|essays?)\b|\btl;?dr\b|\bin one (?:line|sentence)\b|\bbriefly\b|\byes or no\b|\bbottom line\b|\bdon'?t need (?:the |a )?(?:long|whole|full) (?:story|explanation)\b|\bskip the (?:details|explanation)\b`) },
  { value: "detailed", re: g(String.raw`\b(?:explain|describe)\b[^.!?]{0,25}\b(?:in detail|in full|thoroughly|fully|properly|everything)\b|\b(?:detailed|full|thorough|complete) (?:explanation|answer|breakdown|description|reply|response)\b|\bin (?:more |great |full )?detail\b|\bexplain why\b|\ball the details\b|\bwhy exactly\b`) },
  { value: "formal", re: g(String.raw`\bformal (?:reply|response|letter|email|tone|communication|complaint)\b|\bofficial (?:letter|response|reply|communication|statement)\b|\bdear (?:sir|madam|sirs)\b|\bto whom it may concern\b|\byours (?:faithfully|sincerely)\b`) },
  { value: "casual", re: g(String.raw`\b(?:no need to be|don'?t be so|you don'?t have to be) formal\b|\bkeep it casual\b|\bcasual is fine\b|\b(?:lol|lmao|bro|dude|yaar|haha)\b`) },
];

/**
 * The strings one of which each pattern cannot match without (see required-text.ts), looked for
 * in one pass over a message: most messages state no preference, so most patterns are not run.
 */
const PATTERNS: Pattern<unknown>[] = [...RESOLUTION, ...CHANNEL, ...STYLE];
const PATTERN_TEXT = new RequiredTextIndex(PATTERNS.map((p) => requiredTextOf(p.re)));
const PATTERN_ID = new Map(PATTERNS.map((p, i) => [p, i]));
const mayMatchCache = new WeakMap<PreparedMessage, Uint8Array>();
function mayMatch(m: PreparedMessage, p: Pattern<unknown>): boolean {
  let may = mayMatchCache.get(m);
  if (!may) mayMatchCache.set(m, (may = PATTERN_TEXT.mayMatch(m.folded)));
  return may[PATTERN_ID.get(p)!] === 1;
}

const TIME = /\b(?:after|before|not before|not after) \d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.|h|hrs|o'?clock)?(?: ?(?:ist|cet|cest|gmt|utc|est|edt|pst|pdt|bst|aest|sgt|wat|eat|cat|brt|local time))?|\bbetween \d{1,2}(?::\d{2})?\s?(?:am|pm)? ?(?:and|-|to) ?\d{1,2}(?::\d{2})?\s?(?:am|pm)?|\b(?:only )?(?:on )?(?:mornings?|afternoons?|evenings?|weekends?|weekdays?|lunch ?time|office hours|business hours|working hours)(?: only)?\b|\b(?:in|during) the (?:morning|afternoon|evening)s?(?: only)?\b|\bafter work\b/;
const CONTACT_CONTEXT = /\b(?:call me|ring me|phone me|reach me|contact me|text me|e-?mail me|message me|whats ?app me|get back to me|call back|callback|available|free to talk|best time|prefer|works (?:best )?for me|only)\b/;
// "since morning", "every evening", "this afternoon" describe the problem, not when to call.
const NOT_A_CONTACT_TIME = /\b(?:since|this|yesterday|every|last|tomorrow|from|all|each)\s+$/;

const LANGUAGES: Record<string, string> = {
  english: "en", spanish: "es", espanol: "es", castellano: "es", french: "fr", francais: "fr", german: "de", deutsch: "de",
  portuguese: "pt", portugues: "pt", italian: "it", italiano: "it", dutch: "nl", hindi: "hi", arabic: "ar", tamil: "ta", telugu: "te",
  bengali: "bn", bangla: "bn", marathi: "mr", urdu: "ur", turkish: "tr", polish: "pl", russian: "ru", japanese: "ja", chinese: "zh",
  mandarin: "zh", korean: "ko", indonesian: "id", malay: "ms", swahili: "sw", tagalog: "tl", filipino: "tl", vietnamese: "vi", thai: "th",
  kannada: "kn", malayalam: "ml", gujarati: "gu", punjabi: "pa", greek: "el", swedish: "sv", romanian: "ro", ukrainian: "uk",
  ingles: "en", anglais: "en", englisch: "en", inglese: "en", frances: "fr", franzosisch: "fr", aleman: "de", alemao: "de", allemand: "de",
  italien: "it", espagnol: "es", spanisch: "es", portugais: "pt", portugiesisch: "pt"
};
const LANG_NAMES = Object.keys(LANGUAGES).join("|");
const LANGUAGE_ASK = new RegExp(
  String.raw`\b(?:speak|talk|reply|respond|write|answer|continue|communicate|chat|help me|explain|assist me|support)\b[^.!?]{0,20}\bin (${LANG_NAMES})\b|\b(?:respond|contest|habl|escrib|atend|fal|repond|parl|ecri|antwort|sprech|rispond)\w* (?:en|em|in|auf) (${LANG_NAMES})\b|\b(${LANG_NAMES}) (?:please|only|speaker|speaking agent)\b|\bprefer (${LANG_NAMES})\b|\b(?:do you|does anyone|anyone|someone who|can you) speaks? (${LANG_NAMES})\b|\bhabla(?:n|s)? (?:en )?(espanol)\b|\bparle[zs]?.vous (francais)\b|\bsprechen sie (deutsch)\b|\bfala(?:m)? (portugues)\b|\bparla(?:te)? (italiano)\b`,
);

// "don't want a refund", "no need to call me", "rather than a replacement": a negator followed only by
// wanting-words and articles. "I have not received the refund" is not a refusal of a refund.
// The same in the languages the lexicons cover: "no reembolso", "pas de remboursement", "kein Geld zurück".
const REFUSAL = /\b(?:don'?t|do not|doesn'?t|didn'?t|won'?t|no|not|never|instead of|rather than|(?<!more |less |other )than|no need (?:to|for)|without|other than|ni|nada de|en (?:lugar|vez) de|sin|pas d[e']|pas un|sans|au lieu d[e']|nao|em vez de|sem|kein\w*|nicht|statt|anstatt|non)\s+(?:(?:want|need|like|ask(?:ing)? for|looking for|interested in|expecting|a|an|the|any|to|be|me|us|please|un|una|el|la|le|les|um|uma|o|ein|eine|einen)\s+){0,3}$/;
const negatedAt = (folded: string, at: number): boolean => REFUSAL.test(folded.slice(Math.max(0, at - 48), at));

type Hit<T> = { value: T; message: number; at: number; sentence: string };

function latest<T>(messages: PreparedMessage[], patterns: Pattern<T>[]): Hit<T> | null {
  let best: Hit<T> | null = null;
  for (let mi = 0; mi < messages.length; mi++) {
    const m = messages[mi]!;
    for (const p of patterns) {
      if (!mayMatch(m, p as Pattern<unknown>)) continue;
      p.re.lastIndex = 0;
      let hit: RegExpExecArray | null;
      while ((hit = p.re.exec(m.folded)) !== null) {
        // "I want to exchange, not refund": the method named last is denied too
        if (negatedAt(m.folded, hit.index) || negatedAt(m.folded, hit.index + hit[0].search(/\S+$/))) continue;
        if (!best || mi > best.message || (mi === best.message && hit.index > best.at)) {
          best = { value: p.value, message: mi, at: hit.index, sentence: sentenceAt(m, hit.index) };
        }
      }
    }
  }
  return best;
}

function sentenceAt(m: PreparedMessage, at: number): string {
  const s = m.sentences.find((x) => at >= x.start && at < x.start + x.text.length);
  return s ? s.text : m.content;
}

export function findResolutionPreference(messages: PreparedMessage[]): Extraction["resolution_preference"] {
  const hit = latest(messages, RESOLUTION);
  if (!hit) return null;
  const note = trimSummary(hit.sentence, 200);
  return { method: hit.value, message_index: messages[hit.message]!.index, ...(note ? { note } : {}) };
}

// Most messages name no contact time and ask for no language: those expressions are not run on them.
const mayNameTime = requiredTextGuard(TIME);
const mayAskLanguage = requiredTextGuard(LANGUAGE_ASK);

export function findCommunicationPreference(messages: PreparedMessage[]): Extraction["communication_preference"] {
  const out: Extraction["communication_preference"] = {};
  const channel = latest(messages, CHANNEL);
  if (channel) out.channel = channel.value;
  const style = latest(messages, STYLE);
  if (style) out.style = style.value;
  for (let i = messages.length - 1; i >= 0 && !out.times; i--) {
    if (!mayNameTime(messages[i]!.folded)) continue;
    for (const s of messages[i]!.sentences) {
      const m = TIME.exec(s.folded);
      if (m && CONTACT_CONTEXT.test(s.folded) && !negatedAt(s.folded, m.index) && !NOT_A_CONTACT_TIME.test(s.folded.slice(0, m.index))) {
        out.times = s.text.slice(m.index, m.index + m[0].length).trim();
        break;
      }
    }
  }
  for (let i = messages.length - 1; i >= 0 && !out.language; i--) {
    const m = mayAskLanguage(messages[i]!.folded) ? LANGUAGE_ASK.exec(messages[i]!.folded) : null;
    const name = m?.slice(1).find((x) => x !== undefined);
    if (name) out.language = LANGUAGES[name];
  }
  return out;
}
