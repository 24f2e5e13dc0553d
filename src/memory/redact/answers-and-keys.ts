// Secrets named by what the message is about rather than by a label right before them: the
// answer to a security question ("Security question: name of first pet. Answer: Biscuit",
// "la respuesta es Pelusa", "Rex is the answer to the pet question", "Q: …\nA: Kumasi") and a
// Wi-Fi network's key ("WIFI:T:WPA;S:…;P:rq7Kpzvd9Hxm;;", "la clé WPA de ma Livebox est …",
// "the wifi is "sunset_villa2022"", "passkey OwlsNest!24"). labelled.ts reads a value right after
// its label; these readers run only where the message talks of such a question or a network.
import { PRIORITY, type Candidate } from "./pii-types";
import { quickTest } from "../pair-guard";

const QUESTION_TALK =
  /security\s+(?:question|answer|q\b)|secret\s+question|account\s+recovery|memorable\s+(?:word|answer)|pregunta\s+(?:secreta|de\s+seguridad)|pergunta\s+(?:secreta|de\s+seguran[çc]a)|sicherheitsfrage|question\s+(?:secr[èe]te|de\s+s[ée]curit[ée])|domanda\s+segreta|g[üu]venlik\s+sorusu|\banswer\s+to\s+(?:the|my)\s+[^.!?\n]{0,30}\bquestion|(?:^|\n)\s*Q\s*[:.)]|контрольн\S*\s+вопрос|секретн\S*\s+вопрос|秘密の質問|(?:second|2nd|third|3rd)\s+question/i; // no "u": three times faster on every message

/** A pattern's letters matched in either case, for expressions that must tell capitals apart elsewhere (a name's). */
const ci = (pattern: string): string => pattern.replace(/\\[pP]\{[^}]*\}|\\.|\[[^\]]*\]|[a-z]/g, (c) => (c.length === 1 ? `[${c}${c.toUpperCase()}]` : c));

/** An answer's value: quoted, or one to three capitalised words, or one word or number. */
const VALUE = String.raw`(?:"(?<dq>[^"\n]{1,40})"|“(?<cq>[^”\n]{1,40})”|'(?<sq>[^'\n]{1,40})'|(?<name>\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,2})|(?<word>[\p{L}\p{N}][\p{L}\p{N}_'’-]{1,30}))`;
// "Answer: Biscuit", "la respuesta es Pelusa", "Antwort: Struppi", "resposta da pergunta secreta: Flamengo",
// "ka answer "Pinky" hai", "\nA: Kumasi": the label, what it answers, then "is" or a colon (or a quote)
const ANSWER_AFTER = new RegExp(
  String.raw`(?:(?<![\p{L}])(?:${ci("(?:answers?|respuesta|resposta|antwort|r[ée]ponse|risposta|cevab[ıi]|cevap)")}|[Оо]твет(?=\s*[:=–—-]))(?:\s+(?:to|de|da|del|do|zu|à|für)\s[^:\n.!?"“']{0,60}?)?(?:\s+(?:is|was|es|era|é|ist|war|est|è|as)\s+|\s*[:=–—-]\s*|\s+(?=["“'\p{Lu}]))|(?:^|\n|\?)[ \t]*A\s*[:.)]\s*|(?<![\p{L}])${ci("memorable\\s+(?:word|answer|name)")}\s*[:=-]?\s*|(?:答え|回答)(?:は|：|:)\s*)${VALUE}`,
  "gu",
);
// "high school mascot = Wildcats", "- Favourite book: The Hobbit", 'Security Q: "Name of your first pet" - Pepper the hamster',
// "(first concert) it's Spice Girls": a usual question, then its answer
const QUESTION_THEN_ANSWER = new RegExp(
  ci(String.raw`(?:(?:high\s+school\s+)?mascot|favou?rite\s+(?:food|book|movie|film|colou?r|band|singer|sport|team|place|holiday|teacher)|name\s+of\s+(?:your|my|the)\s+[\p{L} ]{2,30}?|first\s+(?:pet|car|school|concert|job|teacher|boss)|mother['’]?s?\s+maiden\s+name|childhood\s+(?:nickname|friend|hero)|city\s+(?:of\s+birth|(?:you|i)\s+w(?:ere|as)\s+born(?:\s+in)?))`) +
    String.raw`\s*\??["”)]?\s*(?:[=:–—-]|\s(?:it['’]?s|is|was))\s*${VALUE}`,
  "gu",
);
// 'Sicherheitsfrage "Name Ihrer ersten Lehrerin": Frau Brandstätter': the question named, quoted or in brackets, then its answer
const NAMED_QUESTION_THEN_ANSWER = new RegExp(
  String.raw`${ci("(?:security\\s+question|secret\\s+question|sicherheitsfrage|pregunta\\s+secreta|pergunta\\s+secreta|question\\s+secr[èe]te|domanda\\s+segreta|(?:second|2nd|third|3rd|other)\\s+question)")}(?:\s+(?:war|was|is|ist|era|es|est))?\s*(?:\([^()\n]{3,80}\)|["“„«][^"”“»\n]{3,80}["”“»])\s*[:=–—-]\s*${VALUE}`,
  "gu",
);
// "Rex is the answer to the pet question", "Pickles – that's the answer (first pet)"
const ANSWER_BEFORE = /(?<![\p{L}\p{N}])(?<value>[\p{L}\p{N}][\p{L}\p{N}'’-]{1,30})(?:\s+(?:is|was)|\s*[-–—,]\s*(?:that['’]?s|that\s+is|it['’]?s))\s+(?:the|my)\s+(?:answer|security\s+answer)(?![\p{L}])/giu;
/** Words an answer's place may hold that answer nothing ("Answer: I don't remember", "the answer is wrong"). */
const NOT_AN_ANSWER =
  /^(?:i|i'm|im|it|its|it's|the|a|an|my|is|was|not|no|yes|wrong|correct|right|incorrect|same|different|please|pls|thanks|thank|that|this|which|what|when|where|why|how|who|to|for|and|or|but|ok|okay|none|n\/a|unknown|forgot|forgotten|remember|don't|dont|doesn't|didn't|isn't|wasn't|work|works|working|never|always|still|also|just|so|then|there|here|de|la|el|es|si|sí|que|der|die|das|ist|nicht|ce|qui|je|il|elle|on|nous|vous|le|les|un|une|pas|est)$/i;

const WIFI_TALK = /wi-?fi|wlan|wpa|ssid|router|\bhub\b|livebox|fritz|hotspot|passkey|wireless|indihome|ルーター|無線|暗号化キー|路由器/i;
// "WIFI:T:WPA;S:VM5521907;P:rq7Kpzvd9Hxm;;": the text of a Wi-Fi QR code
const WIFI_QR = /WIFI:(?:[^;\n]*;)*?P:(?<value>(?:\\.|[^;\\\n])+);/gu;
// "la clé WPA de ma Livebox est …", "min password wifi indihome saya …", "暗号化キー（KEY）は …": the label, a few words, then "is" or a colon
const KEY_LABEL = String.raw`(?:wireless\s+key|network\s+key|(?<![\p{L}])key(?=\s+is\b|\s*:|\s+on\s+the\s+(?:back|bottom|side|sticker|label)\b)|cl[ée]\s+(?:wpa2?|wi-?fi|de\s+s[ée]curit[ée](?:\s+wpa2?)?)|password\s+wi-?fi|wi-?fi\s+(?:pass(?:word)?|passkey)|passkey|pass\s+key|netzwerkschl[üu]ssel|暗号化キー|パスワード)`;
const KEY_AFTER = new RegExp(
  String.raw`${KEY_LABEL}(?:[^\n.!?:=]{0,40}?)(?:\s+(?:est|is|ist|é|è|es|era|war|saya|adalah)\s+|\s*[:=]\s*|[)）]?\s*(?:は|是)\s*)["'“]?(?<value>(?=[^\s"'”,;。、]*[^\p{L}\s"'”,;。、])[^\s"'”,;。、]{6,63})`,
  "giu",
);
// "passkey OwlsNest!24": the value right after its label
const KEY_RIGHT_AFTER = new RegExp(String.raw`${KEY_LABEL}\s+["'“]?(?<value>[^\s"'”,;。、]{6,63})`, "giu");
// 'Main Wi-Fi: "MapleRise" — cedar-lantern-orchard-14', 'SSID "BeanCo-POS" key b3anc0-p0s-terminal': a quoted network, then its key
const NETWORK_THEN_KEY = /(?:wi-?fi|ssid|network)[^"“\n]{0,20}["“][^"”\n]{1,32}["”]\s*(?::\s*|[—–-]\s*|,?\s+(?:key|password|pw)\s*:?\s*)(?<value>[^\s"'”,;]{8,63})/giu;
// "the wifi is "sunset_villa2022"": a quoted value said to be the network's key
const WIFI_IS_QUOTED = /\bwi-?fi(?:\s+(?:password|key|code))?\s+(?:is|was)\s+["“'](?<value>[^"”'\n]{6,63})["”']/giu;

export function findAnswersAndKeys(text: string): Candidate[] {
  const out: Candidate[] = [];
  if (quickTest(QUESTION_TALK, text)) {
    for (const re of [ANSWER_AFTER, QUESTION_THEN_ANSWER, NAMED_QUESTION_THEN_ANSWER]) {
      for (const m of text.matchAll(re)) {
        const g = m.groups!;
        const value = (g.dq ?? g.cq ?? g.sq ?? g.name ?? g.word)!.trim();
        if (!value || NOT_AN_ANSWER.test(value)) continue;
        const start = m.index! + m[0].lastIndexOf(value);
        out.push({ start, end: start + value.length, type: "password", priority: PRIORITY.labelled });
      }
    }
    for (const m of text.matchAll(ANSWER_BEFORE)) {
      if (NOT_AN_ANSWER.test(m.groups!.value!)) continue;
      out.push({ start: m.index!, end: m.index! + m.groups!.value!.length, type: "password", priority: PRIORITY.labelled });
    }
  }
  if (quickTest(WIFI_TALK, text)) {
    for (const re of [WIFI_QR, KEY_AFTER, KEY_RIGHT_AFTER, WIFI_IS_QUOTED, NETWORK_THEN_KEY]) {
      for (const m of text.matchAll(re)) {
        const value = m.groups!.value!.replace(/[.)\]]+$/, "");
        // a key is no plain word: it has a digit or a symbol, or is long
        if (!/[\d\W_]/u.test(value) && value.length < 12) continue;
        const start = m.index! + m[0].lastIndexOf(m.groups!.value!);
        out.push({ start, end: start + value.length, type: "password", priority: PRIORITY.labelled });
      }
    }
  }
  return out;
}
