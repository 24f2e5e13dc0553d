// SaaS facts: plan, workspace, integrations, seats, the feature in question.
import { SAAS_INTEGRATIONS, SAAS_PLANS } from "../brands";
import { buildNameMatcher } from "../names";
import { firstCapture, put, type FactInput, type Facts } from "./common";

const PLANS = SAAS_PLANS.join("|");
const PLAN_WORD = "plan|tier|subscription|edition|package|licen[cs]e";
const CAP = String.raw`[A-Z][\w+]*(?:\s[A-Z][\w+]*)?`;
const PLAN_PATTERNS = [
  // "upgrading to Growth", "downgraded from Business Plus to Pro", "moved us to the Scale plan"
  new RegExp(String.raw`\b(?:upgrad|downgrad|switch|mov|migrat|subscrib|chang)\w*\s+(?:us\s+|our\s+(?:workspace|account|team|org\w*)\s+|the\s+(?:workspace|account)\s+)?(?:from\s+(?:the\s+)?${CAP}\s+(?:(?:${PLAN_WORD})\s+)?)?to\s+(?:the\s+|our\s+|an?\s+)?(${CAP})(?=\s+(?:${PLAN_WORD})\b|[\s,.!?;:)]|$)`),
  new RegExp(String.raw`\b(?:on|using|have|bought|purchased|pay(?:ing)? for|subscribed to|with)\s+(?:the\s+|our\s+|an?\s+)?(${CAP})\s+(?:${PLAN_WORD})\b`),
  new RegExp(String.raw`\b((?:${PLANS})(?:\s(?:Plus|Pro|Max|Annual|Monthly))?)\s+(?:${PLAN_WORD})\b`, "i"),
];
const KNOWN_PLAN = new RegExp(String.raw`^(?:${PLANS})\b`, "i");

function plan(texts: string[]): string | undefined {
  for (const text of texts) {
    for (const [i, re] of PLAN_PATTERNS.entries()) {
      const m = re.exec(text);
      if (!m?.[1]) continue;
      const name = m[1].trim();
      const followedByPlanWord = new RegExp(`^\\s+(?:${PLAN_WORD})\\b`, "i").test(text.slice(m.index + m[0].length)) || /(?:plan|tier|subscription|edition|package|licen[cs]e)$/i.test(m[0]);
      // A capitalised word after "upgraded to" is a plan when it is a known plan name or is called a plan.
      if (i === 0 && !KNOWN_PLAN.test(name) && !followedByPlanWord) continue;
      return name[0]!.toUpperCase() + name.slice(1);
    }
  }
  return undefined;
}

const WORKSPACE = [
  /\bworkspace\s+(?:called\s+|named\s+|name\s+is\s+|url\s+is\s+|id\s+is\s+|is\s+called\s+)?["\u201c'\u2018]([^"\u201d'\u2019]{2,60})["\u201d'\u2019]/i,
  /\bworkspace\s+(?:called|named|name is|url is|id is|is called|:)\s+([\w.-]{2,60}?)(?=[\s,;!?)]|\.(?:\s|$)|$)/i,
  /\bworkspace\s+([a-z0-9]+(?:[-_.][a-z0-9]+)+)\b/i,
  /\b([a-z0-9][\w-]{1,40})\.(?:slack\.com|atlassian\.net|zendesk\.com|freshdesk\.com|myshopify\.com|hubspot\.com|notion\.site|monday\.com|harvestapp\.com)\b/i,
  /\b(?:the|our|my)\s+([A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2})\s+workspace\b/,
];
const SEATS = /\b(\d{1,6})\s+(?:paid\s+|active\s+|user\s+|licensed\s+|agent\s+)?(?:seats|licen[cs]es|users|agents|members)\b/i;
const FEATURE = /\b(?:the\s+)?([a-z][\w-]*(?:\s[a-z][\w-]*)?)\s+(?:feature|module|functionality)\b/i;
const FEATURE_STOP = /^(?:this|that|the|a|an|any|new|same|which|one|every|each|your|our|my|their|its|whole|entire|premium|paid|beta|main)$/i;

const integrations = buildNameMatcher(SAAS_INTEGRATIONS, new Set(["Linear", "Box", "Segment", "Sage", "Tally", "Notion", "Outlook", "Zoom", "Make", "API", "Paddle", "Twilio", "Teams"]));

export function saasFacts({ texts }: FactInput): Facts {
  const facts: Facts = {};
  put(facts, "plan", plan(texts));
  put(facts, "workspace", firstCapture(texts, WORKSPACE));
  put(facts, "integrations", texts.flatMap((t) => integrations(t)).filter((n) => n !== "Make"));
  put(facts, "seats", firstCapture(texts, [SEATS]));
  const feature = firstCapture(texts, [FEATURE]);
  if (feature && !FEATURE_STOP.test(feature) && !FEATURE_STOP.test(feature.split(" ")[0]!)) put(facts, "feature", feature.toLowerCase());
  return facts;
}
