// The LLM extractor: one call to an OpenAI-compatible chat endpoint, the answer validated
// against extractionSchema, the tenant's routing enforced, and on any failure the
// fallback extractor's result. One attempt, no retries: the add path must stay bounded.
// It does not redact (the engine has redacted the messages before they reach here).
import {
  extractionSchema,
  type Extraction,
  type ExtractionInput,
  type Extractor,
  type TenantSupportSettings,
  type Vertical,
} from "../types";
import { buildSystemPrompt, buildUserPrompt } from "./llm-prompt";

export type LlmConfig = { baseUrl: string; apiKey?: string; model: string; timeoutMs: number };
export type LlmDeps = { fetch?: typeof fetch; log?: { warn(obj: object, msg: string): void } };

export type LlmFailureReason = "http_error" | "timeout" | "invalid_json" | "invalid_schema" | "network";
export type LlmResult = { ok: true; extraction: Extraction } | { ok: false; reason: LlmFailureReason; detail: string };

const MAX_TOKENS = 1200;

export function createLlmExtractor(cfg: LlmConfig, fallback: Extractor, deps: LlmDeps = {}): Extractor {
  return {
    name: "llm",
    async extract(input) {
      const result = await extractWithLlm(cfg, input, deps);
      if (result.ok) return result.extraction;
      // Reason and detail only: detail is built never to carry message text or the key.
      deps.log?.warn(
        { reason: result.reason, detail: result.detail, model: cfg.model, fallback: fallback.name },
        "llm extraction failed, using fallback extractor",
      );
      return fallback.extract(input);
    },
  };
}

export async function extractWithLlm(cfg: LlmConfig, input: ExtractionInput, deps: Pick<LlmDeps, "fetch"> = {}): Promise<LlmResult> {
  const doFetch = deps.fetch ?? fetch;
  const user = buildUserPrompt(input);
  const body = {
    model: cfg.model,
    temperature: 0,
    max_tokens: MAX_TOKENS,
    response_format: { type: "json_object" },
    messages: [
      { role: "system", content: buildSystemPrompt(input.settings) },
      { role: "user", content: user.text },
    ],
  };
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (cfg.apiKey) headers.authorization = `Bearer ${cfg.apiKey}`;

  const signal = AbortSignal.timeout(cfg.timeoutMs);
  let raw: string;
  try {
    const res = await doFetch(chatCompletionsUrl(cfg.baseUrl), { method: "POST", headers, body: JSON.stringify(body), signal });
    // The deadline covers the body too: a server that sends headers then stalls would
    // otherwise hold the add past timeoutMs (an injected fetch may not tie the body to the signal).
    raw = await Promise.race([res.text(), rejectWhenAborted(signal)]);
    // The error body is not logged: some servers echo the request, i.e. the messages.
    if (!res.ok) return { ok: false, reason: "http_error", detail: `HTTP ${res.status}` };
  } catch (err) {
    // Ask the signal, not the error's class: a fetch may wrap or re-throw the abort.
    if (signal.aborted) return { ok: false, reason: "timeout", detail: `no answer within ${cfg.timeoutMs} ms` };
    return { ok: false, reason: "network", detail: describeNetworkError(err) };
  }
  return parseCompletion(raw, input.settings, user.indices);
}

function rejectWhenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

/** baseUrl is used as given (with or without /v1); only a trailing slash is dropped. */
export function chatCompletionsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/chat/completions`;
}

/** An error code or fetch's own message: never a request or response body. */
function describeNetworkError(err: unknown): string {
  const e = err as { message?: unknown; cause?: { code?: unknown; message?: unknown } } | null;
  const detail = e?.cause?.code ?? e?.cause?.message ?? e?.message;
  return typeof detail === "string" ? detail.slice(0, 200) : "fetch failed";
}

/** The HTTP body of a chat completion → a validated, routed Extraction. Pure. */
export function parseCompletion(raw: string, settings: TenantSupportSettings, indices: number[]): LlmResult {
  const envelope = tryJson(raw) as { choices?: { message?: { content?: unknown } }[] } | undefined;
  const content = envelope?.choices?.[0]?.message?.content;
  if (typeof content !== "string") return { ok: false, reason: "invalid_json", detail: "response has no choices[0].message.content" };

  // JSON.parse's own message quotes the input, so it is not passed on.
  const answer = tryJson(stripFences(content));
  if (answer === undefined) return { ok: false, reason: "invalid_json", detail: `content is not JSON (${content.length} chars)` };

  const parsed = extractionSchema.safeParse(dropEmptyOptionals(answer));
  if (!parsed.success) {
    // Paths and codes only: zod messages can quote the offending value.
    const where = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.code}`);
    return { ok: false, reason: "invalid_schema", detail: where.join("; ") };
  }
  return { ok: true, extraction: clampIndices(routeExtraction(parsed.data, settings), indices) };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Models asked for JSON still sometimes wrap it in a ```json fence. */
export function stripFences(content: string): string {
  const m = /^\s*```(?:json)?\s*\n?([\s\S]*?)\n?\s*```\s*$/i.exec(content);
  return m ? m[1]! : content.trim();
}

/**
 * Models write `null` or "" for an optional field they cannot fill; the schema wants the
 * key absent. Only optional keys are touched: a null where a value is required still fails.
 */
function dropEmptyOptionals(answer: unknown): unknown {
  if (!isRecord(answer)) return answer;
  const out: Record<string, unknown> = { ...answer };
  const prune = (obj: unknown, keys?: string[]): unknown => {
    if (!isRecord(obj)) return obj;
    const copy: Record<string, unknown> = { ...obj };
    for (const k of keys ?? Object.keys(copy)) if (copy[k] === null || copy[k] === "") delete copy[k];
    return copy;
  };
  if (out.language === null || out.language === "") delete out.language;
  out.customer_identity = prune(out.customer_identity ?? {});
  out.communication_preference = prune(out.communication_preference ?? {});
  if (out.issue) out.issue = prune(out.issue, ["deadline"]);
  if (out.resolution_preference) out.resolution_preference = prune(out.resolution_preference, ["note"]);
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The tenant's routing rule, whatever the model chose. Pure. */
export function routeVertical(picked: Vertical, settings: TenantSupportSettings): Vertical {
  switch (settings.support_type_mode) {
    case "single":
      return settings.support_type ?? "general_info";
    case "multi":
      return settings.support_types_allowed.includes(picked) ? picked : "general_info";
    case "auto":
      return picked;
  }
}

function routeExtraction(e: Extraction, settings: TenantSupportSettings): Extraction {
  const vertical = routeVertical(e.support_type, settings);
  if (vertical === e.support_type) return e;
  // The vertical was overridden: the tenant decided (single) or nothing allowed fit
  // (general_info, at the low confidence the deterministic classifier gives its fallback).
  const confidence = settings.support_type_mode === "single" ? 1 : Math.min(e.support_type_confidence, 0.35);
  return { ...e, support_type: vertical, support_type_confidence: confidence };
}

/** A message_index outside the messages the model was shown is clamped into their range. */
function clampIndices(e: Extraction, indices: number[]): Extraction {
  if (indices.length === 0) return e;
  const lo = Math.min(...indices);
  const hi = Math.max(...indices);
  const clamp = (i: number): number => Math.min(hi, Math.max(lo, i));
  return {
    ...e,
    issue: e.issue && { ...e.issue, message_index: clamp(e.issue.message_index) },
    resolution_preference: e.resolution_preference && { ...e.resolution_preference, message_index: clamp(e.resolution_preference.message_index) },
    risk_signals: e.risk_signals.map((r) => ({ ...r, message_index: clamp(r.message_index) })),
  };
}
