// Passwords are words, not numbers: after a password label the next word is the password
// when the way it is introduced says so ("password: x", "password is x", "pwd x1!"), and a
// word before "is my password" when it is not a plain word.
import { REFERENCE_WORDS } from "./context-words";
import { PRIORITY } from "./pii-types";
import { isEverydayWord } from "./everyday-words";
import { NOT_A_PASSWORD } from "./value-words";
import { CJK } from "./label-values";

type Found = { start: number; end: number; priority: number };

const CJK_TAIL = new RegExp(`[${CJK}\u3000-\u303f\uff01-\uff0f].*$`, "u");
/** An answer written in CJK ("母の旧姓は佐々木です"): the name, without the polite ending or stop after it. */
const CJK_START = new RegExp(`^[${CJK}]`, "u");
const CJK_ANSWER_TAIL = /(?:です|でした|だよ|だ|よ|ね|[。、！？!?.,])+$/u;
/** "my first car was a Ford Fiesta", "mein erstes Auto war ein Golf": the article before a name is not the answer. */
const ARTICLE = /^(?:a|an|the|ein|eine|einen|un|una|une|um|uma|een|el|la|le|il|lo|o)$/i;
const NAME_AFTER = /^\s+(\p{Lu}[\p{L}'’-]*)/u;
/** Any verb that can link a value to a label, tested before the costlier end-anchored match. */
const VERB = /(?:is|was|are|as|=|that'?s|thats)\s/i;

// "password? it's x", "password... it is x", "password, which is x": the value after a pause.
const PAUSED = String.raw`\s*(?:[?,]|\.{2,}|…)\s*(?:(?:it|that|which|this\s+one|mine)(?:['’]s|\s+is|\s+was)|here\s+it\s+is\s*:?)(?![\p{L}\p{N}])`;
// "Q: first car? A: Vauxhall Nova": a question's answer, written as one.
const ANSWERED = String.raw`\s*\?\s*A\s*[:.)]`;
const CONNECTOR = String.raw`(?:${PAUSED}|${ANSWERED}|\s*(?:[:=：]+|->|=>|→|–|—|-)|\s*(?:是|為|为|は|는|은)|['’]s(?=\s)|\s+(?:it['’]s|it\s+is|that['’]s)(?![\p{L}\p{N}])|\s+c['’]est(?![\p{L}\p{N}])|\s+(?:is|was|are|es|est|ist|lautet|lautete|era|é|è|är|er|jest|hai|to|now|set\s+to|changed\s+to|reset\s+to|updated\s+to|will\s+be|should\s+be|would\s+be|became|called|named|i\s+(?:put|wrote|used|gave|chose|set))(?![\p{L}\p{N}]))`;
// A security question's answer is also introduced as what something was or was called, in other
// languages ("mi primera mascota se llamaba Canela", "mein erstes Auto war ein Golf"); not a
// password's ("password fue cambiado ayer").
const ANSWER_CONNECTOR = String.raw`(?:${CONNECTOR}|\s+(?:se\s+llam(?:a|aba)|s['’]appel(?:le|ait)|hie[ßs]|hei[ßs]t|heette|heet|si\s+chiama(?:va)?|se\s+chamava|chamava-se|звали|war|fue|foi|fut|[ée]tait|fu)(?![\p{L}\p{N}]))`;
// "password: x", "password is x", "password for my email is x", "senha do app é x", "pwd x1!".
const VALUE = String.raw`\s*(?:"(?<dq>[^"\n]{1,64})"|'(?<sq>[^'\n]{1,64})'|“(?<cq>[^”\n]{1,64})”|(?<bare>[^\s"'“][^\s]{0,63}))`;
const SCOPED_SECRET_AFTER = new RegExp(
  String.raw`\s+(?:for|of|on|to|de|del|da|do|du|des|para|pour|für|von|zum|zur)(?<scope>(?:\s+[^\s:=]+){0,3}?)(?<scoped>${CONNECTOR}{1,4})${VALUE}`,
  "yiu",
);
/** Words that open the next sentence after a question rather than answer it ("first car? I don't remember"). */
const SENTENCE_OPENER = /^(?:thanks?|thank|please|pls|any|can|could|would|will|is|are|was|were|do|does|did|what|how|why|when|where|which|who|i|i['’]\w+|we|you|it|it['’]s|the|this|that|there|also|and|but|or|so|hi|hello|hey|regards|cheers|sorry|yes|yeah|no|not|none|ok|okay|just|maybe|also|my|our|if|because|as)(?![\p{L}\p{N}'’])/iu;
const QUESTION_THEN_NAME = new RegExp(String.raw`(?<plain>\s*\?)(?=\s*\p{Lu})${VALUE}`, "yiu");
const PLAIN_SECRET_AFTER = new RegExp(String.raw`(?<plain>${CONNECTOR}{0,4})${VALUE}`, "yiu");
const SCOPED_ANSWER_AFTER = new RegExp(SCOPED_SECRET_AFTER.source.replace(CONNECTOR, ANSWER_CONNECTOR), "yiu");
const PLAIN_ANSWER_AFTER = new RegExp(PLAIN_SECRET_AFTER.source.replace(CONNECTOR, ANSWER_CONNECTOR), "yiu");

/**
 * The password after its label: first as "password for my email is x"; when that reading finds
 * no password ("password to harbour210 yesterday Transfer was declined"), as "password to x".
 */
/** `strongOnly`: the label takes a value only after ":" or "="; `english`: the label is an English word. */
export type LabelTraits = { strongOnly: boolean; english: boolean; answer?: boolean };

export function findSecretWordAfter(text: string, labelEnd: number, traits: LabelTraits): Found | null {
  // "what was your first car? Ford Fiesta": after a security question, a name that answers it
  const answered = traits.answer ? readSecretAfter(QUESTION_THEN_NAME, text, labelEnd, traits) : null;
  if (answered && !SENTENCE_OPENER.test(text.slice(answered.start, answered.end))) return answered;
  if (traits.answer) return readSecretAfter(SCOPED_ANSWER_AFTER, text, labelEnd, traits) ?? readSecretAfter(PLAIN_ANSWER_AFTER, text, labelEnd, traits);
  return readSecretAfter(SCOPED_SECRET_AFTER, text, labelEnd, traits) ?? readSecretAfter(PLAIN_SECRET_AFTER, text, labelEnd, traits);
}

function readSecretAfter(re: RegExp, text: string, labelEnd: number, { strongOnly, english, answer }: LabelTraits): Found | null {
  re.lastIndex = labelEnd;
  const m = re.exec(text);
  if (!m?.groups) return null;
  // "password to $Nebula_912 yesterday, are extra cards free": the scope words hold the password themselves.
  if (m.groups.scope?.split(/\s+/).some((w) => !/[@./]/.test(w) && looksLikeSecret(w, "none", english))) return null;
  const { scoped, plain, dq, sq, cq, bare } = m.groups;
  const connector = scoped ?? plain ?? "";
  const strong = /[:=]/.test(connector);
  // "pass"/"pw" with a verb ("my pass is Summer2024!") only before letters mixed with digits or
  // symbols, which no plain word is ("my pass is valid" stays) nor a pass's number ("my pass is 12345678").
  const weakPass = strongOnly && !strong;
  const quoted = dq ?? sq ?? cq;
  const matchEnd = labelEnd + m[0].length;
  let start: number;
  let value: string;
  if (quoted !== undefined) {
    start = matchEnd - quoted.length - 1;
    value = quoted;
    if (/^[*•●]+$/.test(value.trim()) || !value.trim() || PLACEHOLDER.test(value.trim())) return null;
    if (weakPass && !(mixed(value.trim()) && looksLikeSecret(value.trim(), "none", english))) return null;
  } else {
    // a bare value ends at its sentence's stop, or where CJK text goes on ("…69です")
    value = answer && CJK_START.test(bare ?? "") ? (bare ?? "").replace(CJK_ANSWER_TAIL, "") : (bare ?? "").replace(CJK_TAIL, "").replace(/[.,;:)\]}>]+$/, "");
    // "Password: (see above)", "DB_PASSWORD=${DB_PASSWORD}", "<your password>": a placeholder, not a password
    if (PLACEHOLDER.test(value)) return null;
    start = matchEnd - (bare ?? "").length;
    if (answer && ARTICLE.test(value)) {
      const name = NAME_AFTER.exec(text.slice(start + value.length));
      if (!name) return null;
      start += value.length + name[0].length - name[1]!.length;
      value = name[1]!;
    }
    // A bare "to" ("password to get into the app") links as weakly as no connector at all; after a
    // security question a name needs no link ("maiden name (security q) Fitzwilliam").
    const linked = (connector.trim() && connector.trim().toLowerCase() !== "to") || (answer && /^\p{Lu}/u.test(value));
    if (!value || (weakPass && !mixed(value)) || !looksLikeSecret(value, strong ? "strong" : linked && !weakPass ? "weak" : "none", english)) return null;
    // "favourite teacher was Mrs Pemberton": the name after its title
    const titled = answer ? TITLE_THEN_NAME.exec(text.slice(start)) : null;
    if (titled) value = titled[0];
    // "first car: Vauxhall Nova", "first pet: Biscuit Jones": a name's other words go with it
    else if (answer && /^\p{Lu}/u.test(value)) value += MORE_NAME_WORDS.exec(text.slice(start + value.length))?.[0] ?? "";
  }
  return { start, end: start + value.length, priority: PRIORITY.labelled - (start - labelEnd) };
}

// (or the next setting's name when the value was left empty: "MAIL_PASSWORD=\nSTRIPE_SECRET=")
const PLACEHOLDER = /^(?:\(|\$\{|\{\{|<[\p{L} _-]*>?$|%[A-Z_]+%$|[A-Z][A-Z0-9_]*=|@[\w.-]+:\d)/u;
const MORE_NAME_WORDS = /^(?:[ \t]+\p{Lu}[\p{L}'’-]*){1,3}/u;
const TITLE_THEN_NAME = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+\p{Lu}[\p{L}'’-]+/u;

/** Letters mixed with digits or symbols, which no plain word is. */
const mixed = (v: string): boolean => /\p{L}/u.test(v) && /[^\p{L}]/u.test(v);

// "Hunter2! is my password": only something that is not a plain word ("this is my password").
// "I tried logging in with Hunter2! as the password": "as" names it too.
// "falcon250, that's my password": the value, then a clause that names it.
const SECRET_BEFORE = /(?:^|[\s"'(])(\S{4,64}?)(?:\s+(?:is|was|as)|\s*[,—–-]?\s+(?:that'?s|that is|which is|thats))\s+(?:(?:my|the|our|your)\s+)?(?:(?:new|current|old|actual|temporary|temp)\s+)?$/u;

export function findSecretWordBefore(text: string, labelStart: number, english: boolean, mixedOnly = false): Found | null {
  const from = Math.max(0, labelStart - 80);
  const before = text.slice(from, labelStart);
  if (!VERB.test(before)) return null;
  const m = SECRET_BEFORE.exec(before);
  // "x as the password" names x as plainly as "password: x"; "x is my password" may be "the issue is my password …".
  if (!m || !looksLikeSecret(m[1], /\sas\s/.test(m[0]) ? "weak" : "none", english)) return null;
  // before "pass" or "pw" ("falcon250 is the pass"), only what no plain word is
  if (mixedOnly && !mixed(m[1])) return null;
  const start = from + m.index + m[0].indexOf(m[1]);
  return { start, end: start + m[1].length, priority: PRIORITY.labelledAfter };
}

/** Whether the word after a password label is the password, judged by how it was introduced. */
export function looksLikeSecret(value: string, connector: "strong" | "weak" | "none", english = false): boolean {
  const lower = value.toLowerCase();
  if (/^[*•●]+$/.test(value) || value.startsWith("[REDACTED")) return false;
  if (NOT_A_PASSWORD.has(lower) || NOT_A_PASSWORD.has(lower.replace(/[^\p{L}']/gu, ""))) return false;
  if (connector === "strong") return true;
  if (/^\d{1,3}$/.test(value) || /^[([{<]/.test(value)) return false;
  if (connector === "weak") return !(/^\p{Ll}+$/u.test(value) && /(?:ed|ing|ly)$/.test(value));
  // No connector ("pwd S3cr3t#", "password reset"): only something that is not a plain word.
  // "Tr0ub4dor", "hunter2!", letters whose case changes inside a word ("cnLdMabHhK"), or, after an
  // English label, nine letters or more that make no everyday English word ("password tigerlisbon",
  // not "password page"). Shorter glued words are as often a word the vocabulary splits
  // ("password autofill", "lockout", "keychain") as a password, so they are kept.
  if (value.length < 4) return false;
  if (/[^\p{L}]/u.test(value) || (value.length >= 8 && /\p{Ll}\p{Lu}/u.test(value))) return true;
  return english && /^[a-z]{9,}$/.test(value) && !isEverydayWord(value);
}

/**
 * A password said a few words after its label when no reading above found it ("mot de passe
 * temporaire pour que vous vérifiiez : Croissant!75", "Kata sandi akun: Dewi#Lestari90", "пароль от
 * личного кабинета Moskva2024!"): within the next 60 characters of its line, the first string that
 * mixes letters, digits and symbols, or capitals, small letters and digits, as no word, name,
 * address or reference does.
 */
export function findStrongSecretNear(text: string, labelEnd: number): Found | null {
  const line = text.slice(labelEnd, labelEnd + 60).split("\n")[0]!;
  for (const m of line.matchAll(TOKEN)) {
    const value = m[0].replace(/[.,;:)\]}>"'”]+$/, "");
    // not another setting ("password=[REDACTED] ip=203.0.113.45"), an email address ("@" then a domain), a URL or
    // the host after its password ("USER:PASSWORD@HOST:5432"), a path, a reference or a file ("report_2024.pdf")
    if (!STRONG.test(value) || /=|@[\w-]+\.[A-Za-z]{2,}|:\/\/|^[/@]|^[A-Z]{2,6}[-#_]?\d/.test(value) || FILE_NAME.test(value)) continue;
    // "a password reset for the pod api-7f9c8d-x2kq": a value after the thing it names is that thing's name
    if (NAMED_THING_BEFORE.test(line.slice(Math.max(0, m.index! - 24), m.index!))) continue;
    // "(prenotazione AB-HM4471KQ)": a value right after a reference's word is that reference
    const wordBefore = /(\p{L}+)[^\p{L}]{1,3}$/u.exec(line.slice(Math.max(0, m.index! - 30), m.index!))?.[1];
    if (wordBefore !== undefined && REFERENCE_WORDS.has(wordBefore.toLowerCase())) continue;
    const start = labelEnd + m.index!;
    return { start, end: start + value.length, priority: PRIORITY.labelledAfter - m.index! };
  }
  return null;
}
const NAMED_THING_BEFORE = /\b(?:pod|server|host(?:name)?|node|container|instance|vm|cluster|bucket|branch|repo(?:sitory)?|namespace|deployment|service|database|db|user(?:name)?|machine|device|router|domain|project|workspace|tenant)(?:\s+(?:id|name))?\s+$/i;
const TOKEN = /(?<![^\s"'“(:=])[^\s"'”]{6,64}/gu;
const FILE_NAME = /^[\w-]+\.(?:pdf|png|jpe?g|gif|docx?|xlsx?|csv|txt|log|zip|json|xml|html?|heic|mp4|mov)$/i;
/** Letters, digits and a symbol; or capitals, small letters and digits, 8 or more. */
const STRONG = /^(?=.*\p{L})(?=.*\d)(?=.*[^\p{L}\p{N}\s]).{6,64}$|^(?=.*\p{Lu})(?=.*\p{Ll})(?=.*\d)[\p{L}\p{N}]{8,64}$/u;
