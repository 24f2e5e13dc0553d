// Builds an ExtractionInput from a list of messages ("agent: ..." marks the agent) and runs the
// deterministic extractor, checking every result against the shared schema.
import { extractDeterministic } from "../../../../src/memory/extract/deterministic";
import { extractionSchema, type AddMetadata, type Extraction, type SupportProfile, type TenantSupportSettings } from "../../../../src/memory/types";

export const AUTO: TenantSupportSettings = { domain_schema: "support", support_type_mode: "auto", support_type: null, support_types_allowed: [] };

export function extract(
  messages: string | string[],
  opts: { settings?: TenantSupportSettings; metadata?: AddMetadata; existing?: SupportProfile | null } = {},
): Extraction {
  const list = Array.isArray(messages) ? messages : [messages];
  const out = extractDeterministic({
    messages: list.map((m, index) =>
      m.startsWith("agent: ") ? { role: "assistant" as const, content: m.slice(7), index } : { role: "user" as const, content: m, index },
    ),
    metadata: opts.metadata ?? {},
    settings: opts.settings ?? AUTO,
    existing: opts.existing ?? null,
  });
  extractionSchema.parse(out);
  return out;
}
