// The customer's language: the script when it is not Latin, otherwise a vote of function words
// that belong to one language only ("the" and "mera" vote, "de" and "me" do not). Says nothing
// when the text is too short or too mixed to tell.
import { fold } from "./text";

/** A redactor's placeholder, read as a space. */
const REDACTION = /\[REDACTED:[a-z_]+\]/gi;

const STOPWORDS: Record<string, string> = {
  en: "the and is are was were my you have has not this that with for it to of please can what but been would will just your we our i hi hello thanks thank hasn't haven't didn't don't can't i'm it's i've there they them their when why how any yet still since",
  es: "el los las que y mi por para con una pero muy hola gracias esta estoy tengo todavia porque del al lo su sin hace ha han mis nos usted ustedes pedido cuando donde tambien ya fue",
  pt: "meu minha nao voce obrigado obrigada ainda tenho estou muito do da dos das na ao um mas foi ja ola pedido seu sua isso esse essa como quando onde tambem vcs",
  fr: "le les des du est et je mon ma mes pas pour avec sur dans qui ce cette il nous vous bonjour merci ai suis toujours mais tres au aux ne j'ai c'est n'est d'un l'application votre",
  de: "der das und ist ich nicht mein meine ein eine mit fur auf von zu den dem habe hat noch aber bitte danke hallo wurde sind kein keine schon auch bei ihr mir mich",
  it: "gli di che mio mia sono ho ancora grazie ciao buongiorno della dei nel nella molto perche questo questa anche il lo un non",
  nl: "het een ik niet mijn van met voor nog maar geen heb heeft wel zijn ook graag bedankt alstublieft dank wordt naar",
  hi: "hai hain nahi nhi nahin mera meri mere mujhe aap aapka aapke kya kyu kyun kab kaise abhi tak gaya gayi gaye hua hui raha rahi rahe kar karo karna kiya diya liya ko ka ki ke bhi aur lekin yeh ye woh wo koi kuch bahut jaldi paisa paise bhai haan accha theek dijiye kijiye batao bataiye chahiye mila aaya wapas hoga",
  id: "saya tidak belum sudah yang dari untuk dengan ini itu ada bisa tolong kasih mohon sampai kapan juga karena tapi atau kami anda bagaimana sih dong",
  tr: "bir ve bu icin degil cok ama hala ben var yok lutfen tesekkurler merhaba neden nasil siparisim",
  pl: "nie jest sie mam moje moja moj jak ale czy dziekuje prosze juz jeszcze bardzo ze zamowienie",
  sv: "jag inte och det ar mitt pa att som till hej tack fortfarande ocksa varfor",
  sw: "kwa tafadhali asante habari bado lakini hii yangu wangu kwenye sana nimetuma sijapokea pesa",
};

const INDEX = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const w of words.split(" ")) INDEX.set(w, [...(INDEX.get(w) ?? []), lang]);
}

const SCRIPTS: [RegExp, string][] = [
  [/[\u0900-\u097F]/g, "hi"], [/[\u0600-\u06FF]/g, "ar"], [/[\u0400-\u04FF]/g, "ru"], [/[\u0370-\u03FF]/g, "el"],
  [/[\u0590-\u05FF]/g, "he"], [/[\u0E00-\u0E7F]/g, "th"], [/[\uAC00-\uD7AF]/g, "ko"], [/[\u3040-\u30FF]/g, "ja"],
  [/[\u4E00-\u9FFF]/g, "zh"], [/[\u0B80-\u0BFF]/g, "ta"], [/[\u0C00-\u0C7F]/g, "te"], [/[\u0980-\u09FF]/g, "bn"],
  [/[\u0A80-\u0AFF]/g, "gu"], [/[\u0A00-\u0A7F]/g, "pa"], [/[\u0C80-\u0CFF]/g, "kn"], [/[\u0D00-\u0D7F]/g, "ml"],
];
const LETTER = /\p{L}/gu;
/** Any character of the scripts above (not punctuation between them, such as curly quotes). */
const SCRIPTED = new RegExp(`[${SCRIPTS.map(([re]) => re.source.slice(1, -1)).join("")}]`);
const WORD = /[a-z]+(?:'[a-z]+)?/g;

function byScript(text: string): string | undefined {
  // Most messages have no character of any script above: no need to count each.
  if (!SCRIPTED.test(text)) return undefined;
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  for (const [re, lang] of SCRIPTS) {
    const n = text.match(re)?.length ?? 0;
    if (n > bestCount) {
      bestCount = n;
      best = lang;
    }
  }
  // Japanese text mixes kana with Han: any kana at all means Japanese, not Chinese.
  if (best === "zh" && /[\u3040-\u30FF]/.test(text)) best = "ja";
  return bestCount / letters >= 0.3 ? best : undefined;
}

/** ISO 639-1 code of the customer's language, or undefined when it cannot be told. */
export function detectLanguage(text: string): string | undefined {
  const script = byScript(text);
  if (script) return script;
  const scores = new Map<string, number>();
  const folded = fold(text.includes("[") ? text.replace(REDACTION, " ") : text);
  for (const m of folded.matchAll(WORD)) {
    const langs = INDEX.get(m[0]);
    if (!langs) continue;
    for (const l of langs) scores.set(l, (scores.get(l) ?? 0) + 1 / langs.length);
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 2) return undefined;
  const runnerUp = second?.[1] ?? 0;
  // Customers mix English words into other languages more than the reverse: a non-English
  // language needs a clear lead, English needs a clearer one over the best other language.
  if (first[0] === "en") return first[1] >= 1.5 * runnerUp + 0.5 ? "en" : undefined;
  return first[1] >= 1.25 * runnerUp ? first[0] : undefined;
}
