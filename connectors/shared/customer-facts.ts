// What a helpdesk shows of a requester, made fit for memory and the agent's note: a display
// name only when it is a person's name (helpdesks fill the field with e-mail addresses, phone
// numbers and placeholders such as Crisp's "visitor493603"), a company name when one is set.

const PLACEHOLDER = /^(?:visitor|guest|user|customer|anonymous|unknown|lead|contact|end.?user|client)[\s_#-]*\d*$/i;
const MAX_CHARS = 80;

/** A person's or company's display name, trimmed to one line; undefined for anything else. */
export function displayName(raw: string | undefined): string | undefined {
  const name = raw?.replace(/\s+/g, " ").trim();
  if (!name || name.length > MAX_CHARS) return undefined;
  if (name.includes("@") || /\d{3,}/.test(name) || !/\p{L}/u.test(name) || PLACEHOLDER.test(name)) return undefined;
  return name;
}

/** The Thread's `customer` field from a name and a company, or undefined when neither is usable. */
export function customerFacts(name: string | undefined, company?: string): { name?: string; company?: string } | undefined {
  const out: { name?: string; company?: string } = {};
  const n = displayName(name);
  const c = displayName(company);
  if (n) out.name = n;
  if (c) out.company = c;
  return n || c ? out : undefined;
}
