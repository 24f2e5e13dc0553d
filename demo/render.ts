// How the demo prints: each step of the loop on a labelled, compact block. Pure text building.
import type { Added, CustomerDetail, Retrieved } from "./memory-api";
import type { Scenario } from "./scenarios";
import { TOOL_ARGS, TOOL_NAMES, toolRecords, type ToolResult } from "./tools";

const PAD = "   ";
const MAX_JSON = 220;

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function block(lines: string[], prefix = `${PAD}  | `): string[] {
  return lines.map((l) => `${prefix}${l}`);
}

export function renderGet(got: Retrieved, limit: number, maxTokens: number): string[] {
  const head = `${PAD}1. get() (limit ${limit}, context_max_tokens ${maxTokens}): has_context: ${got.has_context}`;
  if (!got.has_context) return [head];
  return [
    `${head} · ${got.context_token_count} tokens · ${got.data.length} items`,
    `${PAD}   system_prompt_addition:`,
    ...block(got.system_prompt_addition.split("\n")),
  ];
}

export function renderTools(results: ToolResult[]): string[] {
  if (results.length === 0) return [`${PAD}2. tools: none called (no reference in the message or the memory to look up)`];
  const out = [`${PAD}2. tools:`];
  for (const r of results) {
    const about = r.about ? `, about ${r.about}` : "";
    out.push(`${PAD}   ${r.tool}(${JSON.stringify(r.arg)}${about})  ← ${r.why}`);
    out.push(`${PAD}     → ${r.found ? clip(JSON.stringify(r.data), MAX_JSON) : "not found"}`);
  }
  return out;
}

export function renderReply(source: string, text: string): string[] {
  return [`${PAD}3. reply (${source}):`, `agent> ${text}`];
}

export function renderAdd(added: Added, messageCount: number): string[] {
  const redacted = added.redactions.length > 0 ? added.redactions.map((r) => `${r.type} ×${r.count}`).join(", ") : "nothing";
  const claims = added.claims === undefined ? "" : ` · ${added.claims} memories created`;
  return [`${PAD}4. add(): ${messageCount} messages → ${added.status}${claims} · redacted: ${redacted}`];
}

export function renderToolList(scenario: Scenario | undefined): string[] {
  if (!scenario) {
    return [
      "Mock tools (load a scenario to see its customer's data):",
      ...TOOL_NAMES.map((t) => `  ${t}(${TOOL_ARGS[t]})`),
    ];
  }
  const records = toolRecords(scenario.data);
  const out = [`Mock tools, with the fake data of ${scenario.data.account.name} (${scenario.customerId}):`];
  for (const t of TOOL_NAMES) {
    out.push(`  ${t}(${TOOL_ARGS[t]})`);
    if (records[t].length === 0) out.push("      (no records)");
    for (const r of records[t]) out.push(`      ${clip(JSON.stringify(r), 300)}`);
  }
  return out;
}

/** The profile field by field (empty ones left out), then every claim with its provenance. */
export function renderProfile(detail: CustomerDetail | null, customerId: string): string[] {
  if (!detail) return [`Nothing is remembered about ${customerId}.`];
  const out = [`Profile of ${customerId}:`];
  for (const [field, value] of Object.entries(detail.profile)) {
    if (value === null || value === undefined || value === "") continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    out.push(`  ${field}: ${clip(JSON.stringify(value), 400)}`);
  }
  out.push(`Claims (${detail.claims.length}), oldest first:`);
  for (const c of detail.claims) {
    const p = c.provenance;
    const where = [p.ticket_id ? `ticket ${p.ticket_id}` : undefined, p.message_index != null ? `message ${p.message_index}` : undefined, p.observed_at]
      .filter(Boolean)
      .join(", ");
    out.push(`  ${c.field} ${c.action}: ${clip(JSON.stringify(c.value), 160)}  (${where})`);
  }
  return out;
}
