// The logger redacts every header a connector declares as carrying a signature or key.
import { Writable } from "node:stream";
import { connectors } from "../../connectors";
import { createLogger } from "../../src/logger";

it("never prints a connector's signature headers or the authorization header", () => {
  const lines: string[] = [];
  const log = createLogger("info", new Writable({ write: (c: Buffer, _e, cb) => (lines.push(c.toString("utf8")), cb()) }));
  const headers: Record<string, string> = { authorization: "ApiKey mem_secret_value", "content-type": "application/json" };
  const declared = Object.values(connectors).flatMap((c) => c?.facts.secretHeaders ?? []);
  expect(declared.length).toBeGreaterThanOrEqual(3);
  for (const h of declared) headers[h] = `sig-${h}-value`;
  log.info({ req: { headers } }, "request");
  const printed = JSON.parse(lines[0]!) as { req: { headers: Record<string, string> } };
  for (const h of [...declared, "authorization"]) expect(printed.req.headers[h]).toBe("[redacted]");
  expect(printed.req.headers["content-type"]).toBe("application/json");
});
