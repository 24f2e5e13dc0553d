// Request schemas of the /v1 API, from MemoryOS's documented contract (field names, defaults,
// ranges); messages name the field and the rule, since they reach the caller in `details`.
import { z } from "zod";
import { VERTICALS } from "../../memory/types";

// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

export const idString = (max: number) =>
  z
    .string({ error: "must be a string" })
    .trim()
    .min(1, "must not be empty")
    .max(max, `is longer than ${max} characters`)
    .refine((v) => !CONTROL_CHARS.test(v), "must not contain control characters");

// Numbers may come as JSON numbers or, as pydantic accepts them, as numeric strings.
const numeric = (v: unknown) => (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v);
export const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    numeric,
    z.number({ error: "must be a number" }).int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`),
  );

// MemoryOS clients send user/assistant/system; helpdesk vocabulary is accepted too.
const role = z
  .enum(["user", "assistant", "system", "customer", "agent"], { error: "must be one of: user, assistant, system" })
  .transform((r) => (r === "customer" ? "user" : r === "agent" ? "assistant" : r));

const message = z.object(
  {
    role,
    content: z.string({ error: "must be a string" }).min(1, "must not be empty").max(20_000, "is longer than 20000 characters"),
  },
  { error: "must be an object {role, content}" },
);

// The reference SDK sends `source` as {event_id, service, observed_at, ...}; a plain string names the service.
const source = z.union(
  [
    z.string().max(200, "is longer than 200 characters"),
    z.object({ event_id: z.string().max(256).optional(), service: z.string().max(200).optional() }).passthrough(),
  ],
  { error: "must be a string or an object {event_id, service}" },
);

export const addBody = z.object({
  external_user_id: idString(256),
  agent_id: idString(128).nullish(),
  messages: z
    .array(message, { error: "must be an array of {role, content}" })
    .min(1, "must hold at least one message")
    .max(500, "holds more than 500 messages: send the thread in parts"),
  metadata: z.record(z.string(), z.unknown(), { error: "must be an object" }).nullish(),
  conversation_id: idString(256).nullish(),
  source: source.nullish(),
  idempotency_key: idString(256).nullish(),
});

export const CATEGORIES = ["preference", "fact", "goal", "procedure", "relationship", "expertise"] as const;

export const retrieveBody = z.object({
  external_user_id: idString(256),
  query: z.string({ error: "must be a string" }).min(1, "must not be empty").max(4000, "is longer than 4000 characters"),
  limit: wholeNumber(1, 50).default(10),
  categories: z.array(z.enum(CATEGORIES, { error: `must be one of: ${CATEGORIES.join(", ")}` }), { error: "must be an array" }).nullish(),
  agent_id: idString(128).nullish(),
  time_filter_days: wholeNumber(1, 3650).nullish(),
  as_of: z.string().max(64).nullish(),
  format: z.enum(["bullets", "json", "xml"], { error: "must be one of: bullets, json, xml" }).default("bullets"),
  context_max_tokens: wholeNumber(50, 4000).default(500),
});

export const listQuery = z.object({
  // MemoryOS's Python SDK lists without it: then the tenant's most recently active customers
  external_user_id: idString(256).optional(),
  agent_id: idString(128).optional(),
  limit: wholeNumber(1, 100).default(50),
  cursor: z.string().max(500, "is longer than 500 characters").optional(),
});

export const deleteQuery = z.object({
  hard_delete: z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .optional()
    .transform((v) => v === "true" || v === "1"),
});

const vertical = z.enum(VERTICALS, { error: `must be one of: ${VERTICALS.join(", ")}` });

/** null (or "general") is the general engine; "support" the support overlay. */
export const domainSchemaBody = z.object({
  domain_schema: z
    .enum(["support", "general"], { error: "must be \"support\", or null for the general engine" })
    .nullable()
    .transform((v) => (v === "general" ? null : v)),
});

export const supportTypeBody = z.object({
  support_type: vertical.nullish(),
  support_type_mode: z.enum(["single", "multi", "auto"], { error: "must be one of: single, multi, auto" }).default("single"),
  support_types_allowed: z.array(vertical, { error: "must be an array of verticals" }).nullish(),
});

export const customersQuery = z.object({
  limit: wholeNumber(1, 50).default(50),
  cursor: z.string().max(500, "is longer than 500 characters").optional(),
});

export const statsQuery = z.object({
  days: wholeNumber(1, 366).default(30),
});

export const redactBody = z.object({ text: z.string({ error: "must be a string" }).max(200_000, "is longer than 200000 characters") });
