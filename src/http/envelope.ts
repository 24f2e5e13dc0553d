// The /v1 envelope: every answer carries `request_id` (the caller's X-Request-Id when it sent
// a sane one, else ours) and `timestamp`; the id is echoed in the X-Request-Id header.
import { randomUUID } from "node:crypto";
import type { RequestHandler, Response } from "express";
import type { Envelope } from "../client/wire";

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIds(): RequestHandler {
  return (req, res, next) => {
    const given = req.get("x-request-id");
    const id = given && SANE_ID.test(given) ? given : `req_${randomUUID().replace(/-/g, "")}`;
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    next();
  };
}

export function requestIdOf(res: Response): string {
  const id = res.locals.requestId;
  return typeof id === "string" ? id : `req_${randomUUID().replace(/-/g, "")}`;
}

/** The body with the envelope's fields; `clock` is the app's (tests pass a fixed one). */
export function enveloped<T extends object>(res: Response, clock: () => Date, body: T): T & Envelope {
  return { ...body, request_id: requestIdOf(res), timestamp: clock().toISOString() };
}

export function sendOk<T extends object>(res: Response, clock: () => Date, body: T, status = 200): void {
  res.status(status).json(enveloped(res, clock, body));
}
