// Expected failures are values with a code; this table is the one place that maps a code
// to an HTTP status. A 500 never carries a stack trace or a secret.
import type { ErrorRequestHandler, Response } from "express";
import type { z } from "zod";
import type { Logger } from "../logger";

export type ApiErrorCode =
  | "invalid_request"
  | "malformed_json"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "payload_too_large"
  | "unsupported_media_type"
  | "internal";

const STATUS: Record<ApiErrorCode, number> = {
  invalid_request: 400,
  malformed_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
};

export type FieldIssue = { field: string; message: string };

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

export function sendError(res: Response, err: ApiError): void {
  res.status(STATUS[err.code]).json({
    error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}), ...(err.issues ? { issues: err.issues } : {}) },
  });
}

export function fieldName(path: PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), "") || "body";
}

/** Parses with zod, or throws a 400 naming the first bad field (all of them in `issues`). */
export function parseBody<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ field: fieldName(i.path), message: i.message }));
  const first = issues[0]!;
  throw new ApiError("invalid_request", `${first.field}: ${first.message}`, first.field, issues);
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof ApiError) return sendError(res, err);
    const e = err as { type?: string; status?: number; limit?: number };
    if (e.type === "entity.parse.failed") return sendError(res, new ApiError("malformed_json", "request body is not valid JSON"));
    if (e.type === "entity.too.large") return sendError(res, new ApiError("payload_too_large", `request body is larger than ${e.limit} bytes`));
    if (e.type === "encoding.unsupported" || e.type === "charset.unsupported") {
      return sendError(res, new ApiError("unsupported_media_type", "request body encoding is not supported"));
    }
    if (typeof e.status === "number" && e.status >= 400 && e.status < 500) {
      return sendError(res, new ApiError("invalid_request", "request could not be read"));
    }
    log.error({ err, path: req.path, method: req.method }, "unhandled error");
    sendError(res, new ApiError("internal", "internal error"));
  };
}
