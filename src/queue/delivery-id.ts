// Both drivers accept the same delivery ids, so an id that works on the embedded queue in
// development cannot break on BullMQ in production.

/** BullMQ refuses custom job ids that look like integers (they clash with its own counter) or contain ':'. */
export function invalidDeliveryId(id: string): string | undefined {
  if (typeof id !== "string" || id.length === 0) return "delivery id must be a non-empty string";
  if (/^\d+$/.test(id)) return `delivery id ${JSON.stringify(id)} must not be an integer`;
  if (id.includes(":")) return `delivery id ${JSON.stringify(id)} must not contain ':'`;
  return undefined;
}
