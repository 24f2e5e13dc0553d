// Message bodies as plain text. We ask for `display_as=plaintext`, but webhook copies before API
// 2.15 and a few part types still carry HTML; memory wants words, not markup.
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

export function plainText(body: string | undefined): string {
  if (!body) return "";
  if (!/<[a-z/][^>]*>/i.test(body) && !/&[a-z#0-9]+;/i.test(body)) return body.trim();
  return body
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h[1-6]|blockquote|pre)>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+|#39);/gi, (whole, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith("#x")) return safeChar(parseInt(lower.slice(2), 16)) ?? whole;
      if (lower.startsWith("#") && lower !== "#39") return safeChar(Number(lower.slice(1))) ?? whole;
      return ENTITIES[lower] ?? whole;
    })
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function safeChar(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}
