// A webhook body as an object: parsed already, or bytes/text still to parse. Connectors
// share it so every helpdesk answers a non-object body with the same clear message.
import { isRecord } from "./fields";

export function asObject(body: unknown): Record<string, unknown> | string {
  let value = body;
  if (Buffer.isBuffer(value)) value = value.toString("utf8");
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return "body is not JSON";
    }
  }
  return isRecord(value) ? value : "body must be a JSON object";
}
