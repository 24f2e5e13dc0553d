// Answers to a security question told around the question rather than after a label: "I answered
// Pemberton Primary", "answered \"What was the name of your first pet?\" with Mr Biscuits", "the
// form asks my pet's name, I put Biscuit", "Security question 'city you were born in': Dunedin",
// "mother's maiden name Okonkwo, place of birth Enugu", "my security word, it's marmalade", "the
// memorable date is 14/02/1998", "j'ai répondu à la question secrète (…) « Lefebvre »". Read only
// in a message that talks of such a question; the answer is a name (capitalised words), a quoted
// phrase, or, after a security word's own name, one word. Reported as a password, as labelled
// answers are.
import { isEverydayWord } from "./everyday-words";
import { PRIORITY, type Candidate } from "./pii-types";
import { quickTest } from "../pair-guard";

const TALK =
  /security\s+(?:question|word|answer)|secret\s+question|memorable\s+(?:word|date|place|name)|maiden\s+name|first\s+(?:pet|school|car)|pet'?s\s+name|place\s+of\s+birth|question\s+secr[èe]te|pregunta\s+(?:de\s+seguridad|secreta)|pergunta\s+(?:de\s+seguran[çc]a|secreta)|sicherheitsfrage|domanda\s+(?:di\s+sicurezza|segreta)|nama\s+ibu\s+kandung|кодовое\s+слово|секретн\S*\s+вопрос|parents\s+met|city\s+(?:where\s+you\s+were\s+born|of\s+birth)|first\s+(?:job|teacher|concert)|beveiligingsvraag|geboorteplaats|account\s+recovery|recovery\s+(?:asks|question)|\bID&V\b|favou?rite\s+(?:film|movie|teacher|book|food|colou?r|band|toy|team)|street\s+did\s+you|pytani\S*\s+(?:bezpiecze|pomocnicz)|pytanie\s*\d|nazwisko\s+panie/i;

/** A name of one to three capitalised words, or a quoted phrase. */
const NAME = String.raw`(?:\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}(?![\p{L}\p{N}])|«\s?[^»\n]{1,40}?\s?»|"[^"\n]{1,40}"|“[^”\n]{1,40}”)`;
const ANSWERED = new RegExp(
  String.raw`(?<![\p{L}])(?:answered|replied|put(?:\s+in)?|typed|wrote|entered|saved\s+as|answer\s+(?:would\s+be|should\s+be|is|was)|risposta\s+alla\s+domanda\s+segreta|respuesta\s+a\s+la\s+pregunta\s+secreta|называю|назвал[аи]?|указал[аи]?|mis|puse|coloqu[ée]|respond[ií]|contest[ée]|r[ée]pondu|[ée]crit|escrib[ií]|escrevi|geantwortet|geschrieben|risposto|scritto)` +
    // ("… with Mr Biscuits", "… the question (first school) Pemberton …", "… à la question secrète (…) « Lefebvre »")
    String.raw`(?:\s+(?:it|that|them|down))?(?:\s+(?:"[^"\n]{3,80}"|“[^”\n]{3,80}”|[^\n.!?"“«]{0,30}?(?:question|pregunta|pergunta|domanda|frage)[^\n.!?"“«(]{0,12}?(?:\([^()\n]{1,50}\))?))??(?:\s+(?:with|as|that|by|avec|con|com|mit))?(?:\s+(?:just|only|simply))?[\s,:]+(?<value>${NAME})`,
  "gu",
);
/** "Security question 'city you were born in': Dunedin", "question (first school): Pemberton Primary". */
const QUESTION_THEN_VALUE = new RegExp(String.raw`(?:question|(?<![\p{L}])q|pytanie|pregunta|pergunta|domanda|frage)(?:\s+\p{L}+)?\s*\d?\s*(?:\([^()\n]{2,50}\)|['‘"“][^'’"”\n]{3,60}['’"”])\s*[:：—–-]\s*(?:(?:to|es|est|ist|is|é)\s+)?(?<value>${NAME})`, "giu");
/** A list of the questions, a line each ("- street you grew up on: Larkspur Lane"). */
const QUESTION_LINE = new RegExp(String.raw`^[ \t]*[-•*]?[ \t]*[^\n:]{0,40}?(?<![\p{L}])(?:street|city|town|name|school|pet|car|teacher|born|maiden|friend|toy|book|film|movie|food)(?![\p{L}])[^\n:]{0,30}:[ \t]*(?<value>${NAME})`, "gmu");
/** A question named by its noun, then the answer: "favourite film The Goonies", "first teacher: Mrs Henderson". */
const QUESTION_NOUN_THEN_NAME = new RegExp(String.raw`(?<![\p{L}])(?:[Ff]avou?rite\s+(?:film|movie|teacher|book|food|colou?r|band|toy|team)|[Ff]irst\s+(?:school|pet|car|job|teacher|concert)|(?:[Mm]other'?s\s+)?[Mm]aiden\s+name)[ \t]*[:：—–-]?[ \t]+(?<value>${NAME})`, "gu");
/** Each question quoted, then its answer ("… \"City where your parents met\" with Nairobi"). */
const QUOTED_QUESTION_WITH = new RegExp(String.raw`(?:"[^"\n]{3,80}\??"|“[^”\n]{3,80}”)\s+(?:with|as)\s+(?<value>${NAME})`, "gu");
/** "place of birth Enugu", "birthplace: Enugu". */
const BIRTHPLACE = new RegExp(String.raw`(?<![\p{L}])(?:place\s+of\s+birth|birth\s*place|geboorteplaats(?:\s+\p{L}+)?|lieu\s+de\s+naissance|lugar\s+de\s+nacimiento|geburtsort|nama\s+ibu\s+kandung|кодовое\s+слово)\s*[:：,—–-]?\s*(?<value>${NAME})`, "giu");
/** "my security word, it's marmalade", "memorable word is MARMALADE". */
const SECRET_WORD = /\b(?:security|memorable|secret)\s+word\b[^.!?\n]{0,24}?\b(?:it'?s|is|was|:)\s+["“']?(?<value>[\p{L}\p{N}]{3,30})(?![\p{L}\p{N}])/giu;
/** In a message about a memorable or code word, what it "should be" or was "set as" ("it should be marmalade, or maybe I set it as Marmalade1"). */
const WORD_TALK = /\b(?:security|memorable|secret|code)\s+word\b|кодов\S*\s+слов/iu;
const WORD_SHOULD_BE = /(?<![\p{L}])(?:should\s+be|must\s+be|set\s+it\s+(?:as|to)|ставил[аи]?)\s+["“']?(?<value>[\p{L}\p{N}]{3,30})(?![\p{L}\p{N}])/giu;
/** "the memorable date is 14/02/1998". */
const MEMORABLE_DATE = /\bmemorable\s+date\s*(?:is|was|:)?\s*(?<value>\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}\s+\p{L}{3,9}\s+\d{4})/giu;

const THEN_ANOTHER = new RegExp(String.raw`^\s*,?\s*(?:then|or|and\s+then|(?:and\s+)?also\s+tried|ou|o|puis|dann)\s+(?<value>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}(?![\p{L}\p{N}]))`, "u");
/** Words a customer capitalises that are not an answer ("I answered It", "I put The …"). */
const NOT_AN_ANSWER = /^(?:I|It|The|A|An|My|Yes|No|But|And|Then|This|That|Please|Thanks|Okay|OK|Nothing|Everything|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

export function findSecurityAnswers(text: string): Candidate[] {
  if (!quickTest(TALK, text)) return [];
  const out: Candidate[] = [];
  for (const re of [ANSWERED, QUOTED_QUESTION_WITH, QUESTION_THEN_VALUE, QUESTION_NOUN_THEN_NAME, QUESTION_LINE, BIRTHPLACE, SECRET_WORD, MEMORABLE_DATE]) {
    for (const m of text.matchAll(re)) {
      let value = m.groups!.value!;
      let start = m.index + m[0].length - value.length;
      // a quoted answer: the words inside the quotes
      const quoted = /^(?:«\s?|"|“)(.*?)(?:\s?»|"|”)$/.exec(value);
      if (quoted) (start += value.indexOf(quoted[1]!)), (value = quoted[1]!);
      if ((NOT_AN_ANSWER.test(value.split(/\s/)[0]!) && !quoted) || value.endsWith("?")) continue;
      out.push({ start, end: start + value.length, type: "password", priority: PRIORITY.labelledAfter });
      // "I answered Cork, then Kinsale": the second try too
      const next = THEN_ANOTHER.exec(text.slice(start + value.length));
      if (next) {
        const at = start + value.length + next[0].length - next.groups!.value!.length;
        out.push({ start: at, end: at + next.groups!.value!.length, type: "password", priority: PRIORITY.labelledAfter });
      }
    }
  }
  if (quickTest(WORD_TALK, text))
    for (const m of text.matchAll(WORD_SHOULD_BE)) {
      const value = m.groups!.value!;
      if (isEverydayWord(value.toLowerCase()) || NOT_AN_ANSWER.test(value)) continue;
      const start = m.index + m[0].length - value.length;
      out.push({ start, end: start + value.length, type: "password", priority: PRIORITY.labelledAfter });
    }
  return out;
}
