// A secret given as the whole of a reply to a question for it. In a live chat the customer answers
// "what's the 3 digit code on the back?" with "094", and "could you confirm the long number on the
// card?" with "4916 3352", then "4440 9236": no label in the reply, only in the turn before. The
// same holds in a transcript pasted into one message ("[09:15] Customer: 482913"). A reply is
// taken only when it is nothing but a value of the shape asked for, so "my order is 4821" or
// "sure, one sec" after the same question stay as they are.
import { digitsOf, passesLuhn } from "./checks";
import { PRIORITY, type Candidate, type PiiType } from "./pii-types";
import { quickTest } from "../pair-guard";
import { isSpokenReply } from "./spoken-replies";

/** What a turn asks for, as the kind of secret a bare answer to it would be. */
export type Asked = "cvv" | "card_number" | "card_expiry" | "pin" | "password" | "security_answer" | "otp" | "national_id" | "card_details";

/**
 * What a question or a lead-in names, read in this order ("the 3 digit security code" is a card's
 * code, not a one-time code). The card's last four are not asked for: they stay in a note.
 */
const ASKS: [RegExp, Asked][] = [
  [/\b(?:security code|cvv2?|cvc2?|cv2|csc)\b|codice di sicurezza|c[óo]digo de seguri?dad|c[óo]digo de seguran[çc]a|code de s[ée]curit[ée]|cryptogramme|pr[üu]fnummer|sicherheitscode|\b(?:3|4|three|four)[ -]?digits?(?: security)? code\b|\b(?:code|digits|numbers?) on the back\b|chiffres au dos|d[íi]gitos (?:de )?atr[áa]s|auf der r[üu]ckseite|sul retro|no verso/, "cvv"],
  [/\bcard(?:'s)? number\b|numero della carta|n[úu]mero de (?:la )?tarjeta|num[ée]ro de (?:la )?carte|kartennummer|n[úu]mero do cart[ãa]o|\blong number\b|\bnumber on (?:the )?(?:front of )?(?:the |your )?card\b|\b1[56][ -]digit (?:card )?number\b|номер карты/, "card_number"],
  [/\bexpiry\b|scadenza|vencimiento|caducidad|date d'expiration|ablaufdatum|g[üu]ltig bis|validade|\bexpiration\b|\bexp date\b|\bvalid (?:thru|through|until)\b|\bwhen does (?:it|the card) expire\b|срок действия/, "card_expiry"],
  [/\bpin\b/, "pin"],
  [/\bpass(?:word|phrase|code)?\b|\bpwd?\b|\bcontraseña\b|\bpasswort\b|\bmot de passe\b|\bsenha\b/, "password"],
  [/\bsecurity question\b|\bmemorable (?:word|answer|information)\b|\bmaiden name\b|\banswer to (?:your|the) (?:security )?question\b|\b(?:grow|grew) up\b|\bfirst (?:pet|car|school|teacher)\b|\bcity (?:of birth|you were born)\b|primeiro animal|primera mascota|nome de solteira|pergunta (?:secreta|de seguran[çc]a)|pregunta (?:secreta|de seguridad)|sicherheitsfrage|question secr[èe]te|보안 질문|秘密の質問|контрольн\S* вопрос/, "security_answer"],
  [/\b(?:code|otp|one[- ]time (?:code|password|pin)|verification code|tan)\b|\bcódigo\b/, "otp"],
  [/\bssn\b|\bsocial security\b|\b(?:dni|nie|nif|cpf|nric|aadhaar)\b|\bpassport number\b|\b(?:national )?id number\b/, "national_id"],
];
/** A question for the card's expiry and its code together: a bare answer is either. */
const CARD_DETAILS = /\b(?:expiry|expiration|exp)\b[^\n]{0,40}\b(?:security code|cvv|cvc|csc|code)\b|\b(?:security code|cvv|cvc|csc)\b[^\n]{0,40}\b(?:expiry|expiration|exp)\b/;
const NOT_ASKED = /\blast (?:4|four)\b|\b(?:card|visa|mastercard|amex) (?:ending|ends)\b/;
/**
 * A turn that asks: a question, a request, or a lead-in the value follows ("ok pass is", "el dni
 * es"). "Passcode: sent separately" names one and gives none.
 */
const ASKING = /\?\s*$|(?:\bis|\bare|\bes|\bist|\best|:)\s*$|\b(?:please|pls|could you|can you|can i (?:have|get)|need|confirm|read|provide|give|tell|enter|type|send|what(?:'s| is)?|and the|and your|below|here it is|coming)\b|(?:^|:\s*)and\b|\b(?:mi serve|ci serve|necesito|necesitamos|preciso|precisamos|j'ai besoin|nous avons besoin|ich brauche|wir brauchen|bitte|por favor|per favore|indique|indica)\b|продиктуйте|назовите|пожалуйста/;
/** A cheap test that a text could ask for any of them. */
const MAY_ASK = /code|codice|номер|срок|ablauf|g[üu]ltig|scadenza|vencimiento|caducidad|carta|tarjeta|carte|karte|cart[ãa]o|sicurezza|seguridad|s[ée]curit[ée]|pr[üu]f|sicherheit|cvv|cvc|csc|number|digit|expir|exp date|valid|pin|pass|pwd|pw\b|contrase|passwort|mot de passe|senha|question|memorable|maiden|otp|tan\b|ssn|social|dni|nie|nif|cpf|nric|aadhaar|c[oó]digo|grow|grew|first|born|animal|mascota|solteira|pergunta|pregunta|frage|secr[èe]te|질문|質問|вопрос/i;

/** A card's number as the whole of a turn: what follows it bare is its expiry or its code. */
const BARE_CARD = /^\d{4}(?:[ -]?\d{4}){2,3}(?:[ -]?\d{1,3})?$/;

/** What `text` asks for, from its last line (the question is at the end of a turn). */
export function askedFor(text: string): Asked | null {
  const said = text.trim().split("\n").at(-1)!;
  const value = said.slice(SPEAKER.exec(said)![0].length).trim();
  if (BARE_CARD.test(value) && passesLuhn(digitsOf(value))) return "card_details";
  if (!quickTest(MAY_ASK, text)) return null;
  const tail = said.slice(-200).toLowerCase();
  if (!ASKING.test(tail)) return null;
  // (the card named by its last four while its expiry and code are asked for)
  if (CARD_DETAILS.test(tail)) return "card_details";
  if (NOT_ASKED.test(tail)) return null;
  return ASKS.find(([re]) => re.test(tail))?.[1] ?? null;
}

const DIGIT_WORD = String.raw`(?:(?:double |triple )?(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine))`;
/** A value of each kind, as the whole of a reply (a lead-in like "yeah it's" removed first). */
const VALUE: Record<Asked, RegExp> = {
  cvv: new RegExp(String.raw`^(?:\d{3,4}|${DIGIT_WORD}(?:[ ,-]+${DIGIT_WORD}){1,3})$`, "i"),
  card_number: new RegExp(String.raw`^(?:\d{4}(?:[ -]?\d{2,4}){0,4}|${DIGIT_WORD}(?:[ ,-]+${DIGIT_WORD}){3,18})$`, "i"),
  card_expiry: /^(?:(?:0?[1-9]|1[0-2]) ?[/.-] ?(?:20)?\d{2}|(?:0[1-9]|1[0-2])(?:20)?\d{2}|(?:oh |zero )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:twenty|thirty)[ -](?:one|two|three|four|five|six|seven|eight|nine)|[a-z]{3,9} (?:20)?\d{2})$/i,
  pin: new RegExp(String.raw`^(?:\d{4,8}|\d(?: \d){3,7}|${DIGIT_WORD}(?:[ ,-]+${DIGIT_WORD}){3,7})$`, "i"),
  otp: new RegExp(String.raw`^(?:\d{4,8}|\d{3}[ -]\d{3}|\d(?: \d){3,7}|(?=[A-Z]*\d)[A-Z0-9]{5,8}|${DIGIT_WORD}(?:[ ,-]+${DIGIT_WORD}){3,7})$`, "i"),
  password: /^(?=.*[\d\W_])\S{6,64}$|^(?=.*[A-Z].*[a-z]|.*[a-z].*[A-Z])\S{8,64}$/,
  security_answer: /^[\p{L}][\p{L}'’. -]{1,38}[\p{L}.]$/u,
  national_id: /^(?=(?:[^\d]*\d){5})[A-Z0-9][A-Z0-9 .-]{4,22}$/i,
  card_details: /^(?:(?:0?[1-9]|1[0-2]) ?[/.-] ?(?:20)?\d{2}|\d{3,4})$/,
};
const TYPE: Record<Asked, PiiType> = { cvv: "cvv", card_number: "card_number", card_expiry: "card_expiry", pin: "pin", otp: "otp", password: "password", security_answer: "password", national_id: "national_id", card_details: "cvv" };
/** Words that open a reply before its value: fillers, a question back ("its 3 digits?? 626"), "it's", the value's name ("CID 358"). */
const LEAD_IN = /^(?:(?:yeah|yes|yep|sure|ok(?:ay)?|so|um+|uh+|right)[,.]?\s+)*(?:[^?\n]{1,30}\?+\s+)?(?:(?:it'?s|it is|its|that'?s|that is|here(?: it is)?|the (?:number|code) is|(?:it )?(?:says|reads|shows)|sure)[:,]?\s+)?(?:(?:cvv2?|cvc2?|cid|csc|cv2|security code|pin|otp|exp(?:iry)?)\s*[:=-]?\s+)?/i;
/** What may close a bare reply: polite endings ("517 입니다", "Pipoca 🐶", "086 です"), emoji, "lol". */
const TRAILER = /(?:\s*(?:입니다|이에요|예요|에요|요|です|だよ|ạ|nhé|lol|haha|thx|thanks|ty|pls|please|😅|🙂|😊|👍|🙏|🐶|🐱|\p{Extended_Pictographic}\uFE0F?))+$/u;
/** Replies that are no answer, whatever their shape. */
const NO_ANSWER = /^(?:yes|no|ok(?:ay)?|sure|thanks?|thank you|done|sorry|wait|hold on|one sec(?:ond)?|hello|hi|why|what|huh|nope|yep|right|correct|great|cool|perfect)\W*$/i;

/** How many digits words say ("two double seven" is three). */
const spokenLength = (words: string): number => words.split(/[ ,-]+/).filter((w) => w && !/^(?:double|triple)$/i.test(w)).length + (words.match(/\bdouble\b/gi)?.length ?? 0) + 2 * (words.match(/\btriple\b/gi)?.length ?? 0);

/** "12/27 and 036", "036, 12/27": a card's expiry and code given together as the reply. */
const EXPIRY = String.raw`(?:0?[1-9]|1[0-2]) ?[/.-] ?(?:20)?\d{2}`;
const EXPIRY_AND_CODE = new RegExp(String.raw`^(?:(?<expiry>${EXPIRY})\s*(?:and|&|,|/|\+|;)?\s*(?<code>\d{3,4})|(?<code2>\d{3,4})\s*(?:and|&|,|\+|;)?\s*(?<expiry2>${EXPIRY}))$`, "i");

/** The values a reply gives, when they are all the reply is: their offsets within `text`. */
export function bareAnswer(text: string, asked: Asked, offset = 0): Candidate[] {
  const lead = LEAD_IN.exec(text)![0];
  const value = text.slice(lead.length).trim().replace(TRAILER, "").replace(/[.!]+$/, "");
  if (value === "" || NO_ANSWER.test(value)) return [];
  const at = offset + text.indexOf(value, lead.length);
  const pair = asked === "card_details" ? EXPIRY_AND_CODE.exec(value) : null;
  if (pair) {
    const { expiry, code, code2, expiry2 } = pair.groups!;
    const e = (expiry ?? expiry2)!;
    const c = (code ?? code2)!;
    const ei = value.indexOf(e);
    const ci = value.indexOf(c, expiry ? ei + e.length : 0);
    return [
      { start: at + ei, end: at + ei + e.length, type: "card_expiry", priority: PRIORITY.labelled },
      { start: at + ci, end: at + ci + c.length, type: "cvv", priority: PRIORITY.labelled },
    ];
  }
  if (!VALUE[asked].test(value)) {
    if (!isSpokenReply(value, asked)) return [];
    const type = asked === "card_details" ? "card_expiry" : TYPE[asked];
    return [{ start: at, end: at + value.length, type, priority: PRIORITY.labelled }];
  }
  if (asked === "security_answer" && value.split(/\s+/).length > 4) return [];
  // a card's code in words is three or four digits ("two double seven")
  if (asked === "cvv" && /[a-z]/i.test(value) && !/^[34]$/.test(String(spokenLength(value)))) return [];
  const type = asked === "card_details" && /\D/.test(value) ? "card_expiry" : TYPE[asked];
  return [{ start: at, end: at + value.length, type, priority: PRIORITY.labelled }];
}

/**
 * A chat line's speaker and time ("[09:15] Customer: ", "10:02:44 Agent Priya: ", "CALLER: ",
 * "customer_8812: "), before what they said.
 */
export const SPEAKER = /^(?:\s*\[[^\]\n]{1,30}\])?(?:[^\n\t]{0,60}\t(?:[^\n\t]{0,30}\t)?|[^\n:：\][]{0,60}?(?:\d{1,2}:\d{2}(?::\d{2})?[^\n:：\][]{0,40}?)?(?:[:：]|\])(?=\s)|)\s*/;

/** A chat export's line with its writer and time and nothing said ("me, 7:53 PM", "Paydrop Support <help@…>, 7:52 PM"). */
const SPEAKER_ONLY = /^[^\n:]{0,60}?,?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*$/;

/** Bare answers in a transcript pasted into one message: each line is a turn. */
export function findTranscriptAnswers(text: string): Candidate[] {
  if (!text.includes("\n") || !(quickTest(MAY_ASK, text) || /\d{4}[ -]?\d{4}[ -]?\d{4}/.test(text))) return [];
  const out: Candidate[] = [];
  let asked: Asked | null = null;
  let offset = 0;
  for (const line of text.split("\n")) {
    const said = SPEAKER.exec(line)![0].length;
    const answer = asked && line.trim() !== "" ? bareAnswer(line.slice(said), asked, offset + said) : [];
    if (answer.length > 0) out.push(...answer);
    // (the whole line: "Security question: What was the name of your first pet?" asks with its label;
    // a line that only says who writes when, "me, 7:53 PM", leaves the question open)
    else if (line.trim() !== "" && !SPEAKER_ONLY.test(line)) asked = askedFor(line);
    offset += line.length + 1;
  }
  return out;
}
