// POST /v1/memories (add), POST /v1/memories/search (get), POST /v1/redact.
import { Router } from "express";
import { z } from "zod";
import type { MemoryEngine } from "../../memory/engine";
import { redactText } from "../../memory/redact";
import type { TenantRef } from "../../memory/store";
import type { Metrics } from "../../metrics";
import { ApiError, parseBody } from "../errors";

const id = (name: string, max: number) =>
  z
    .string({ error: `${name} must be a string` })
    .trim()
    .min(1, `${name} must not be empty`)
    .max(max, `${name} is longer than ${max} characters`)
    .refine((v) => !CONTROL_CHARS.test(v), `${name} must not contain control characters`);

// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

// MemoryOS clients send user/assistant; helpdesk vocabulary is accepted too.
const role = z
  .enum(["user", "assistant", "customer", "agent"], { error: "must be one of: user, assistant (customer, agent also accepted)" })
  .transform((r) => (r === "customer" ? "user" : r === "agent" ? "assistant" : r));

const addBody = z.object({
  external_user_id: id("external_user_id", 256),
  agent_id: id("agent_id", 128).optional(),
  messages: z
    .array(z.object({ role, content: z.string({ error: "must be a string" }).max(20_000, "is longer than 20000 characters") }), {
      error: "must be an array of {role, content}",
    })
    .min(1, "must hold at least one message")
    .max(500, "holds more than 500 messages: send the thread in parts"),
  metadata: z.record(z.string(), z.unknown(), { error: "must be an object" }).optional(),
  source_event_id: id("source_event_id", 256).optional(),
});

const searchBody = z.object({
  external_user_id: id("external_user_id", 256),
  agent_id: id("agent_id", 128).optional(),
  query: z.string({ error: "must be a string" }).max(4000, "is longer than 4000 characters").default(""),
  limit: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(10),
  context_max_tokens: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(50, "must be at least 50")
    .max(8000, "must be at most 8000")
    .default(600),
});

const redactBody = z.object({ text: z.string({ error: "text must be a string" }).max(200_000, "is longer than 200000 characters") });

export function memoriesRouter(deps: { engine: MemoryEngine; metrics: Metrics }): Router {
  const router = Router();

  router.post("/memories", async (req, res) => {
    const body = parseBody(addBody, req.body);
    const header = req.get("idempotency-key");
    if (header !== undefined && (header.trim() === "" || header.length > 256)) {
      throw new ApiError("invalid_request", "Idempotency-Key: must be 1 to 256 characters", "Idempotency-Key");
    }
    const tenant = res.locals.tenant as TenantRef;
    const result = await deps.engine.add(tenant, {
      external_user_id: body.external_user_id,
      agent_id: body.agent_id,
      messages: body.messages as { role: "user" | "assistant"; content: string }[],
      metadata: body.metadata,
      source_event_id: body.source_event_id ?? header?.trim(),
    });
    deps.metrics.memoryAdds.inc({ status: result.status });
    for (const f of result.redactions) deps.metrics.redactions.inc({ type: f.type }, f.count);
    res.status(result.status === "stored" ? 201 : 200).json(result);
  });

  router.post("/memories/search", async (req, res) => {
    const body = parseBody(searchBody, req.body);
    res.json(await deps.engine.get(res.locals.tenant as TenantRef, body));
  });

  router.post("/redact", (req, res) => {
    const body = parseBody(redactBody, req.body);
    const r = redactText(body.text);
    for (const f of r.findings) deps.metrics.redactions.inc({ type: f.type }, f.count);
    res.json({ text: r.text, findings: r.findings });
  });

  return router;
}
