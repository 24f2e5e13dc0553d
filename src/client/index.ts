// helpdesk-memory/client: the typed client of the /v1 API.
export { MemoryClient } from "./memory-client";
export { AuthError, MemoryApiError, NotFoundError, RateLimitError, ValidationError } from "./errors";
export type * from "./types";
export type * as Wire from "./wire";
