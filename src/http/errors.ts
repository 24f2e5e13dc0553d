// The one error table: every expected failure is a code here, mapped once to its HTTP status
// and its MemoryOS-style `AREA_NNN` code. /v1 errors and the install routes' JSON answers are
// `{error, code, request_id, details}`; webhook answers keep the body the helpdesks already
// see (see webhookError).
// A 500 never carries a stack trace or a secret.
import type { ErrorRequestHandler, Response } from "express";
import type { z } from "zod";
import type { Logger } from "../logger";
import type { ErrorResponse } from "../client/wire";
import { requestIdOf } from "./envelope";

const TABLE = {
  validation_error: { status: 422, code: "REQ_422" },
  invalid_request: { status: 400, code: "REQ_400" },
  invalid_cursor: { status: 400, code: "TEN_400" },
  unauthorized: { status: 401, code: "AUTH_001" },
  forbidden: { status: 403, code: "AUTH_003" },
  not_found: { status: 404, code: "REQ_404" },
  memory_not_found: { status: 404, code: "MEM_404" },
  job_not_found: { status: 404, code: "JOB_404" },
  customer_not_found: { status: 404, code: "CUS_404" },
  payload_too_large: { status: 413, code: "REQ_413" },
  unsupported_media_type: { status: 415, code: "REQ_415" },
  support_schema_required: { status: 400, code: "TEN_400" },
  support_type_required: { status: 400, code: "TEN_400" },
  support_types_allowed_required: { status: 400, code: "TEN_400" },
  // the one-click install (GET /install/:provider, /oauth/:provider/callback)
  unknown_provider: { status: 404, code: "INS_404" },
  not_configured: { status: 501, code: "INS_501" },
  bad_state: { status: 400, code: "INS_400" },
  expired_state: { status: 400, code: "INS_400" },
  replayed_state: { status: 400, code: "INS_400" },
  wrong_tenant: { status: 400, code: "INS_400" },
  access_denied: { status: 400, code: "INS_400" },
  already_installed: { status: 409, code: "INS_409" },
  provider_error: { status: 502, code: "INS_502" },
  internal_server_error: { status: 500, code: "SRV_500" },
} as const satisfies Record<string, { status: number; code: string }>;

export type ApiErrorCode = keyof typeof TABLE;

export function statusOf(code: ApiErrorCode): number {
  return TABLE[code].status;
}

/** One bad field: `field` reads like `messages[0].role`; `loc` is the same path, pydantic-style. */
export type FieldIssue = { field: string; message: string; type: string; loc: (string | number)[] };

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
  }
}

/** `details` of an error: the field issues of a validation error, else the message (and field). */
function detailsOf(err: ApiError): unknown {
  if (err.issues && err.issues.length > 0) return err.issues;
  return { message: err.message, ...(err.field ? { field: err.field } : {}) };
}

export function sendError(res: Response, err: ApiError): void {
  const body: ErrorResponse = { error: err.code, code: TABLE[err.code].code, request_id: requestIdOf(res), details: detailsOf(err) };
  res.status(TABLE[err.code].status).json(body);
}

export function fieldName(path: PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), "") || "body";
}

/** Parses with zod, or throws a 422 naming every bad field (the first one in the message). */
export function parseBody<T extends z.ZodType>(schema: T, value: unknown, where: "body" | "query" | "path" = "body"): z.output<T> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issues: FieldIssue[] = r.error.issues.map((i) => ({
    field: fieldName(i.path),
    message: i.message,
    type: i.code,
    loc: [where, ...i.path.map((p) => (typeof p === "number" ? p : String(p)))],
  }));
  const first = issues[0]!;
  throw new ApiError("validation_error", `${first.field}: ${first.message}`, first.field, issues);
}

/** A 422 for one field, built by hand (headers, path parameters). */
export function fieldError(field: string, message: string, where: "body" | "query" | "path" | "header" = "body"): ApiError {
  return new ApiError("validation_error", `${field}: ${message}`, field, [{ field, message, type: "value_error", loc: [where, field] }]);
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof ApiError) return sendError(res, err);
    const e = err as { type?: string; status?: number; limit?: number };
    if (e.type === "entity.parse.failed") {
      const issue: FieldIssue = { field: "body", message: "request body is not valid JSON", type: "json_invalid", loc: ["body"] };
      return sendError(res, new ApiError("validation_error", issue.message, "body", [issue]));
    }
    if (e.type === "entity.too.large") return sendError(res, new ApiError("payload_too_large", `request body is larger than ${e.limit} bytes`));
    if (e.type === "encoding.unsupported" || e.type === "charset.unsupported") {
      return sendError(res, new ApiError("unsupported_media_type", "request body encoding is not supported"));
    }
    if (typeof e.status === "number" && e.status >= 400 && e.status < 500) {
      return sendError(res, new ApiError("invalid_request", "request could not be read"));
    }
    log.error({ err, path: req.path, method: req.method }, "unhandled error");
    sendError(res, new ApiError("internal_server_error", "internal error"));
  };
}

// ---------------------------------------------------------------- webhooks

// The webhook endpoints answer helpdesks, not API clients: their status codes and the body
// `{error: {code, message}}` are what the helpdesks already see and retry on.
const WEBHOOK_TABLE = {
  not_found: 404,
  unknown_provider: 404,
  unknown_installation: 404,
  malformed_json: 400,
  malformed_payload: 400,
  signature_refused: 401,
  inbox_unavailable: 503,
} as const satisfies Record<string, number>;

export type WebhookErrorKind = keyof typeof WEBHOOK_TABLE;

/**
 * A webhook's error answer. `code` is what the body names (a verifier's own code such as
 * `bad_signature` for `signature_refused`); it defaults to the kind.
 */
export function webhookError(kind: WebhookErrorKind, message: string, code: string = kind): { status: number; body: { error: { code: string; message: string } } } {
  return { status: WEBHOOK_TABLE[kind], body: { error: { code, message } } };
}
