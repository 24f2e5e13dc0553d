// Edtech facts: course, enrolment status, platform, exam, cohort.
import { EDTECH_PLATFORMS } from "../brands";
import { buildNameMatcher } from "../names";
import { fold } from "../text";
import { MONTHS, firstCapture, put, type FactInput, type Facts } from "./common";

const platforms = buildNameMatcher(EDTECH_PLATFORMS, new Set(["Canvas", "Alison", "Scaler", "Emeritus", "Brainly", "Toppr"]));

const KIND = "course|class|program|programme|specialization|specialisation|bootcamp|nanodegree|certificate program|certification|track|module|masterclass|diploma|degree";
const TITLE = String.raw`[\p{Lu}0-9][\w+#.&:'-]*(?:\s(?:(?:for|of|and|in|to|with|the|&|a)\s)?[\p{Lu}0-9][\w+#.&:'-]*){0,7}`;
const COURSE = [
  new RegExp(String.raw`\b(?:${KIND})\s+(?:called\s+|named\s+|titled\s+|on\s+|in\s+|for\s+)?["\u201c'\u2018]([^"\u201d'\u2019]{3,80})["\u201d'\u2019]`, "iu"),
  new RegExp(String.raw`["\u201c]([^"\u201d]{3,80})["\u201d]\s+(?:${KIND})\b`, "iu"),
  new RegExp(String.raw`\bthe\s(${TITLE}\s(?:${KIND}))\b`, "u"),
  new RegExp(String.raw`\b(?:enrol+ed|registered|signed up|paid|bought|purchased|taking|doing|completed|finished|access to|accessing)\s(?:in|for|on|to)?\s?(?:the\s|my\s|your\s)?(${TITLE})(?=\s(?:${KIND})\b|[,.!?;]|\s(?:on|at|from|but|and|last|which|via|through|with|since)\b|$)`, "u"),
  /\b(?:course|class|module)\s*(?:code|id|number|no\.?|:)\s*([A-Z]{2,5}[- ]?\d{2,4}[A-Z]?)\b/,
];
const NOT_COURSE = /^(?:I|It|The|This|My|Your|A|An|Coursera|Udemy|Canvas|Moodle|Blackboard|edX|Skillshare|Udacity)$/;
const ENROLMENT: [RegExp, string | null][] = [
  [/\b(?:not|never) (?:been )?enrol+ed\b|\bunenrol+ed\b|\bremoved from (?:the |my )?(?:course|class|program)/, "not enrolled"],
  [/\bwaitlist(?:ed)?\b/, "waitlisted"],
  [/\bdeferr?(?:ed|al)?\b/, "deferral requested"],
  [/\bwithdrawn\b|\bdropped (?:out|from)\b/, "withdrawn"],
  [/\b(?:enrol+ment|registration|admission|access|subscription)\s(?:is\s|was\s|has been\s|got\s)?(?:still\s)?(pending|expired|cancel+ed|active|confirmed|revoked|suspended)\b/, null],
  [/\bcompleted (?:the|all|my) (?:course|modules|lessons|program\w*)\b/, "completed"],
  [/\b(?:i'?m|i am|we'?re|already) enrol+ed\b|\benrol+ed (?:in|on|for)\b/, "enrolled"],
];

function enrolmentStatus(texts: string[]): string | undefined {
  for (const t of texts.map(fold)) {
    for (const [re, label] of ENROLMENT) {
      const m = re.exec(t);
      if (m) return label ?? m[1];
    }
  }
  return undefined;
}
const EXAM = [
  /\b((?:final|midterm|mid-term|module|unit|chapter|practice|mock|certification|proctored|entrance|board|semester|end-term|qualifying|placement|written|oral)\s(?:exam|test|quiz|assessment))\b/i,
  /\b((?:[A-Z][\w+-]*\s){1,4}(?:exam|test|quiz|assessment))\b/,
];
const COHORT = [
  /\b(?:cohort|batch|intake|section)\s*(?:#|no\.?|number)?\s*:?\s*([A-Z0-9][\w-]{0,15})\b/,
  new RegExp(String.raw`\b((?:(?:${MONTHS})\w*|spring|summer|fall|autumn|winter)\s\d{4}|\d{4})\s(?:cohort|batch|intake)\b`, "i"),
];

export function edtechFacts({ texts, issueType }: FactInput): Facts {
  const facts: Facts = {};
  const platform = texts.flatMap((t) => platforms(t))[0];
  // "the Udemy Web Development course": the platform is its own fact, not part of the title.
  const course = firstCapture(texts, COURSE)?.replace(platform ? new RegExp(`^${platform.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+`, "i") : /^$/, "");
  if (course && !NOT_COURSE.test(course)) put(facts, "course", course);
  put(facts, "enrolment_status", enrolmentStatus(texts) ?? (issueType === "enrolment_issue" ? "pending" : undefined));
  put(facts, "platform", platform);
  const exam = firstCapture(texts, EXAM);
  if (exam && !/^(?:The|This|That|These|Those|A|An|My|His|Her|Their|Our|Your|Its|Next|Last|Every|Each|Any|Some|No)\s/.test(exam)) put(facts, "exam", exam);
  put(facts, "cohort", firstCapture(texts, COHORT));
  return facts;
}
