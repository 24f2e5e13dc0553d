// Typed errors of the client: one class per kind of failure a caller handles differently
// (fix the key, fix the request, wait, look elsewhere), all carrying the server's error body.

export type ErrorBody = { error: string; code: string; request_id: string; details: unknown };

export type MemoryApiErrorInit = {
  status?: number;
  /** The wire's snake_case error name, e.g. `validation_error`, `unauthorized`. */
  error?: string;
  /** The wire's `AREA_NNN` code, e.g. `REQ_422`, `AUTH_001`. */
  code?: string;
  requestId?: string;
  details?: unknown;
};

export class MemoryApiError extends Error {
  readonly status: number | undefined;
  readonly error: string | undefined;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  readonly details: unknown;

  constructor(message: string, init: MemoryApiErrorInit = {}) {
    super(message);
    this.name = "MemoryApiError";
    this.status = init.status;
    this.error = init.error;
    this.code = init.code;
    this.requestId = init.requestId;
    this.details = init.details;
  }
}

/** 401: the key is missing, malformed, unknown or revoked. Retrying does not help. */
export class AuthError extends MemoryApiError {
  constructor(message: string, init: MemoryApiErrorInit = {}) {
    super(message, init);
    this.name = "AuthError";
  }
}

/** 400/422: the request is wrong; `field` names the first bad field when the server said. */
export class ValidationError extends MemoryApiError {
  readonly field: string | undefined;
  constructor(message: string, init: MemoryApiErrorInit = {}) {
    super(message, init);
    this.name = "ValidationError";
    this.field = firstField(init.details);
  }
}

/** 429: too many requests; `retryAfterSeconds` from the Retry-After header when sent. */
export class RateLimitError extends MemoryApiError {
  readonly retryAfterSeconds: number | null;
  constructor(message: string, init: MemoryApiErrorInit & { retryAfterSeconds?: number | null } = {}) {
    super(message, init);
    this.name = "RateLimitError";
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

/** 404: no such route, customer, memory or job. */
export class NotFoundError extends MemoryApiError {
  constructor(message: string, init: MemoryApiErrorInit = {}) {
    super(message, init);
    this.name = "NotFoundError";
  }
}

/** The error for a non-2xx answer, by status. */
export function errorFromResponse(status: number, body: Partial<ErrorBody> | null, retryAfter: string | null): MemoryApiError {
  const init: MemoryApiErrorInit = {
    status,
    error: typeof body?.error === "string" ? body.error : undefined,
    code: typeof body?.code === "string" ? body.code : undefined,
    requestId: typeof body?.request_id === "string" ? body.request_id : undefined,
    details: body?.details,
  };
  const message = describe(status, init);
  if (status === 401 || status === 403) return new AuthError(message, init);
  if (status === 404) return new NotFoundError(message, init);
  if (status === 429) return new RateLimitError(message, { ...init, retryAfterSeconds: parseRetryAfter(retryAfter) });
  if (status === 400 || status === 422) return new ValidationError(message, init);
  return new MemoryApiError(message, init);
}

function describe(status: number, init: MemoryApiErrorInit): string {
  const name = (init.error ?? `request_failed_${status}`).replace(/_/g, " ");
  const field = firstField(init.details);
  const detail = detailMessage(init.details);
  return [`${name} (${status}${init.code ? ` ${init.code}` : ""})`, field ? `field ${field}` : "", detail].filter(Boolean).join(": ");
}

/** The first field named in `details`: ours carry `field`; pydantic-style ones carry `loc`. */
function firstField(details: unknown): string | undefined {
  const first = Array.isArray(details) ? details[0] : details;
  if (!first || typeof first !== "object") return undefined;
  const d = first as { field?: unknown; loc?: unknown };
  if (typeof d.field === "string") return d.field;
  if (Array.isArray(d.loc)) {
    const path = d.loc.filter((p) => p !== "body" && p !== "query");
    return path.length > 0 ? path.join(".") : undefined;
  }
  return undefined;
}

function detailMessage(details: unknown): string | undefined {
  const first = Array.isArray(details) ? details[0] : details;
  if (!first || typeof first !== "object") return undefined;
  const d = first as { message?: unknown; msg?: unknown };
  return typeof d.message === "string" ? d.message : typeof d.msg === "string" ? d.msg : undefined;
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}
