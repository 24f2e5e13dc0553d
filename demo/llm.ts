// Step 3 with a model: the seed's support-agent prompt (its rules, then the remembered context,
// then the live tool results) sent to an OpenAI-compatible chat endpoint with the conversation.
// One attempt, bounded by the configured timeout; the caller falls back to the templates.
import { chatCompletionsUrl, type LlmConfig } from "../src/memory/extract/llm";
import type { Message } from "./memory-api";
import type { ToolResult } from "./tools";

export const SUPPORT_PROMPT = [
  "You are a careful customer support assistant.",
  "",
  "Rules:",
  "- Use the remembered customer context only as memory of past conversations, never as live truth.",
  "- Use the live tool results as the only source of truth for current status, amounts, dates and actions.",
  "- Do not claim you checked, changed, refunded, cancelled, verified, located, or triggered anything unless a tool result confirms it.",
  "- If live system data is needed and no tool result is available, say you need to check the relevant system.",
  "- Ask for only one missing identifier at a time.",
  "- Never ask for OTPs, passwords, full account numbers, full card numbers, Aadhaar, PAN, passport numbers, or full IMEI.",
].join("\n");

export function buildSystemPrompt(memory: { has_context: boolean; system_prompt_addition: string }, results: ToolResult[]): string {
  let prompt = SUPPORT_PROMPT;
  if (memory.has_context) prompt += `\n\nRemembered customer context:\n${memory.system_prompt_addition}`;
  const live = results.map((r) => ({ tool: r.tool, arg: r.about ?? r.arg, found: r.found, result: r.data ?? null }));
  prompt += `\n\nLive support tool results:\n${live.length > 0 ? JSON.stringify(live, null, 1) : "(no tool was called)"}`;
  return prompt;
}

export type ModelReply = { ok: true; text: string } | { ok: false; reason: string };

export async function askModel(cfg: LlmConfig, system: string, conversation: Message[]): Promise<ModelReply> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (cfg.apiKey) headers.authorization = `Bearer ${cfg.apiKey}`;
  try {
    const res = await fetch(chatCompletionsUrl(cfg.baseUrl), {
      method: "POST",
      headers,
      body: JSON.stringify({ model: cfg.model, temperature: 0.2, max_tokens: 400, messages: [{ role: "system", content: system }, ...conversation] }),
      signal: AbortSignal.timeout(cfg.timeoutMs),
    });
    if (!res.ok) return { ok: false, reason: `HTTP ${res.status}` };
    const body = (await res.json()) as { choices?: { message?: { content?: unknown } }[] };
    const text = body.choices?.[0]?.message?.content;
    if (typeof text !== "string" || text.trim() === "") return { ok: false, reason: "no choices[0].message.content" };
    return { ok: true, text: text.trim() };
  } catch (err) {
    return { ok: false, reason: err instanceof Error && err.name === "TimeoutError" ? `no answer within ${cfg.timeoutMs} ms` : "network error" };
  }
}
