// The fuzz phase: mutated requests to every webhook route and every /v1 route, counting the
// answers that are 5xx (none is the goal: a bad body gets a 4xx naming what is wrong, a valid
// but odd one a 2xx). Webhook bodies are signed after mutation, so they reach the parser.
// Mutations: JSON type confusion, huge strings, deep nesting, NUL bytes, prototype keys,
// invalid UTF-8, wrong content types, oversized and compressed bodies, odd path segments.
import { createHmac, randomBytes } from "node:crypto";
import { deflateSync, gzipSync } from "node:zlib";
import type { Rng } from "../bench/lib/rng";
import { FakeIntercom, intercomHeaders } from "../test/helpers/fake-intercom";
import { commentAddedEvent, ticketCreatedEvent, zendeskHeaders } from "../test/helpers/pipeline";
import { CRISP_HOOK_WEBSITE, CRISP_PLUGIN_WEBSITE, INTERCOM_APP_ID, type Deployment } from "./deployment";
import { createClient, inLanes } from "./http";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Sign = (body: Buffer) => Record<string, string>;
type Route = { name: string; method: string; path: () => string; seed: () => Json | null; sign: Sign };
type Mutated = { label: string; body: Buffer | undefined; headers: Record<string, string>; path?: string; signAfter: boolean };

export type FuzzFigures = {
  requests: number;
  server_errors_5xx: number;
  no_answer: number;
  by_route: Record<string, Record<string, number>>;
  server_errors_by_mutation: Record<string, number>;
  /** Up to 10 requests answered 5xx: route, mutation, status, the start of the answer. */
  examples_5xx: Array<{ route: string; mutation: string; status: number; answer: string }>;
};

const PROTO_KEYS = ["__proto__", "constructor", "prototype", "hasOwnProperty", "toString", "valueOf", "__defineGetter__", "isPrototypeOf"];
const CONFUSED: Json[] = [null, true, false, 0, -1, 1.5, 1e308, -0, "", " ", "0", "null", [], {}, [null], [[]], { "": null }, 12345678901234567890];
const CONTENT_TYPES = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/json; charset=utf-16", "application/json; charset=latin1", "application/octet-stream", "", "application/json, text/plain", "*/*"];
const ODD_SEGMENTS = ["x%00", "%00", "__proto__", "constructor", "hasOwnProperty", "%E0%A4%A", "%FF%FE", "..%2F..%2Fetc%2Fpasswd", "a".repeat(5000), "%F0%9F%98%80", "null", "undefined", "1e308", "%20", "%20%00%20"];

function seedRoutes(d: Deployment, rng: Rng): Route[] {
  const json = { "content-type": "application/json" };
  const auth = { ...json, authorization: `ApiKey ${d.apiKey}` };
  const zendesk: Sign = (b) => zendeskHeaders(b.toString("latin1"), d.secrets.zendesk);
  const intercom: Sign = (b) => ({ ...intercomHeaders("", d.secrets.intercom), "x-hub-signature": `sha1=${createHmac("sha1", d.secrets.intercom).update(b).digest("hex")}` });
  const crisp: Sign = (b) => {
    const at = String(Date.now());
    return { ...json, "x-crisp-request-timestamp": at, "x-crisp-signature": createHmac("sha256", d.secrets.crispPlugin).update(`[${at};`).update(b).update("]").digest("hex") };
  };
  const none: Sign = () => json;
  const apiKey: Sign = () => auth;
  const ic = new FakeIntercom(INTERCOM_APP_ID);
  ic.addContact({ id: "6762f1261bb69f9f00000001", role: "user", email: "c1@example.com", name: "C1" });
  ic.addConversation({ id: "215468813000001", contactId: "6762f1261bb69f9f00000001", subject: "Refund", body: "I was charged twice, order ORD-1", parts: [] });
  const crispBody = (website: string): Json => ({
    website_id: website,
    event: rng.pick(["message:send", "message:received", "session:set_data"]),
    data: { website_id: website, session_id: `session_${randomBytes(8).toString("hex")}`, type: "text", from: "user", origin: "chat", content: "My order ORD-77 never arrived", fingerprint: rng.int(1, 1e9), user: { user_id: "u1", nickname: "Ann" }, timestamp: Date.now() },
    timestamp: Date.now(),
  });
  const ticket = (): Json => {
    // below the scenario's tickets: a fuzzed event must not reach one of them
    const ticketId = rng.int(1, 4_000_000);
    return rng.chance(0.5)
      ? (ticketCreatedEvent({ ticketId, requesterId: rng.int(1, 1e6), subject: "Damaged order" }) as unknown as Json)
      : (commentAddedEvent({ ticketId, requesterId: 7, authorId: rng.int(1, 9), commentId: rng.int(1, 1e9), body: "still broken", isPublic: true, isStaff: rng.chance(0.3) }) as unknown as Json);
  };
  const user = () => rng.pick(["cust_1", "zd_acme_42", "u".repeat(rng.int(1, 300)), "ü-ß-é", "a b"]);
  return [
    { name: "POST /webhooks/zendesk/:id", method: "POST", path: () => `/webhooks/zendesk/${d.installations.zendesk}`, seed: ticket, sign: zendesk },
    { name: "POST /webhooks/intercom", method: "POST", path: () => "/webhooks/intercom", seed: () => ic.conversationNotification(rng.pick(["conversation.user.created", "conversation.user.replied", "ping", "contact.user.created"]), "215468813000001") as unknown as Json, sign: intercom },
    { name: "HEAD /webhooks/intercom", method: "HEAD", path: () => "/webhooks/intercom", seed: () => null, sign: none },
    { name: "POST /webhooks/crisp", method: "POST", path: () => "/webhooks/crisp", seed: () => crispBody(CRISP_PLUGIN_WEBSITE), sign: crisp },
    { name: "POST /webhooks/crisp/:id?key=", method: "POST", path: () => `/webhooks/crisp/${d.installations.crispHook}?key=${d.secrets.crispHookKey}`, seed: () => crispBody(CRISP_HOOK_WEBSITE), sign: none },
    { name: "POST /v1/memories/add", method: "POST", path: () => "/v1/memories/add", seed: () => ({ external_user_id: user(), messages: [{ role: "user", content: "I was double charged on invoice INV-9" }], metadata: { source: "fuzz" } }), sign: apiKey },
    { name: "POST /v1/memories/retrieve", method: "POST", path: () => "/v1/memories/retrieve", seed: () => ({ external_user_id: user(), query: "refund", limit: 5, context_max_tokens: 300 }), sign: apiKey },
    { name: "POST /v1/memories", method: "POST", path: () => "/v1/memories", seed: () => ({ external_user_id: user(), messages: [{ role: "user", content: "my router keeps rebooting" }] }), sign: apiKey },
    { name: "POST /v1/memories/search", method: "POST", path: () => "/v1/memories/search", seed: () => ({ external_user_id: user(), query: "router", limit: 3 }), sign: apiKey },
    { name: "GET /v1/memories", method: "GET", path: () => `/v1/memories?external_user_id=${encodeURIComponent(user())}&limit=${rng.pick(["5", "-1", "x", "1e9", ""])}`, seed: () => null, sign: apiKey },
    { name: "GET /v1/memories/jobs/:id", method: "GET", path: () => `/v1/memories/jobs/${rng.pick(ODD_SEGMENTS)}`, seed: () => null, sign: apiKey },
    { name: "DELETE /v1/memories/:id", method: "DELETE", path: () => `/v1/memories/${rng.pick(ODD_SEGMENTS)}`, seed: () => null, sign: apiKey },
    { name: "POST /v1/redact", method: "POST", path: () => "/v1/redact", seed: () => ({ text: "card 4111 1111 1111 1111, otp 123456" }), sign: apiKey },
    { name: "GET /v1/tenant", method: "GET", path: () => "/v1/tenant", seed: () => null, sign: apiKey },
    { name: "GET /v1/tenant/domain-schema", method: "GET", path: () => "/v1/tenant/domain-schema", seed: () => null, sign: apiKey },
    { name: "PATCH /v1/tenant/domain-schema", method: "PATCH", path: () => "/v1/tenant/domain-schema", seed: () => ({ domain_schema: "support" }), sign: apiKey },
    { name: "PATCH /v1/tenant/support-type", method: "PATCH", path: () => "/v1/tenant/support-type", seed: () => ({ support_type_mode: rng.pick(["single", "multi", "auto"]), support_type: "saas", support_types_allowed: ["saas", "ecommerce"] }), sign: apiKey },
    { name: "GET /v1/tenant/customers", method: "GET", path: () => `/v1/tenant/customers?limit=${rng.pick(["10", "0", "-5", "abc", "%00", "1e400"])}&cursor=${rng.pick(ODD_SEGMENTS)}`, seed: () => null, sign: apiKey },
    { name: "GET /v1/tenant/support-stats", method: "GET", path: () => `/v1/tenant/support-stats?days=${rng.pick(["7", "-1", "x", "%00"])}`, seed: () => null, sign: apiKey },
    { name: "GET /v1/customers/:id", method: "GET", path: () => `/v1/customers/${rng.pick(ODD_SEGMENTS)}`, seed: () => null, sign: apiKey },
    { name: "DELETE /v1/customers/:id", method: "DELETE", path: () => `/v1/customers/${rng.pick(ODD_SEGMENTS)}`, seed: () => null, sign: apiKey },
  ];
}

/** Every node of a JSON value with a setter, for the mutations that replace one. */
function nodes(root: Json): Array<{ value: Json; set: (v: Json) => void; key: string | null }> {
  const out: Array<{ value: Json; set: (v: Json) => void; key: string | null }> = [];
  const walk = (v: Json, set: (x: Json) => void, key: string | null, depth: number) => {
    out.push({ value: v, set, key });
    if (depth > 12 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, (n) => (v[i] = n), String(i), depth + 1));
    else for (const k of Object.keys(v)) walk(v[k]!, (n) => (v[k] = n), k, depth + 1);
  };
  walk(root, () => undefined, null, 0);
  return out;
}

function deep(depth: number, leaf: string, kind: "array" | "object"): string {
  return kind === "array" ? "[".repeat(depth) + leaf + "]".repeat(depth) : '{"a":'.repeat(depth) + leaf + "}".repeat(depth);
}

const MUTATIONS = ["type_confusion", "huge_string", "deep_nesting", "nul_bytes", "prototype_keys", "invalid_utf8", "wrong_content_type", "oversized", "compressed", "truncated", "odd_path", "garbage"] as const;
type MutationName = (typeof MUTATIONS)[number];

function mutate(kind: MutationName, seed: Json | null, rng: Rng, maxBodyBytes: number): Mutated {
  const base = seed ?? {};
  const text = (v: Json) => Buffer.from(JSON.stringify(v), "utf8");
  const pickNode = (v: Json) => rng.pick(nodes(v));
  switch (kind) {
    case "type_confusion": {
      const copy = structuredClone(base);
      for (let i = rng.int(1, 3); i > 0; i--) {
        const n = pickNode(copy);
        if (n.key === null) return { label: kind, body: text(rng.pick(CONFUSED)), headers: {}, signAfter: true };
        n.set(rng.pick(CONFUSED));
      }
      return { label: kind, body: text(copy), headers: {}, signAfter: true };
    }
    case "huge_string": {
      const copy = structuredClone(base);
      const big = rng.pick(["x", "é", "😀", "\\"]).repeat(rng.pick([70_000, 250_000, Math.floor(maxBodyBytes / 5)]));
      const n = pickNode(copy);
      if (n.key === null) return { label: kind, body: text(big), headers: {}, signAfter: true };
      n.set(big);
      return { label: kind, body: text(copy), headers: {}, signAfter: true };
    }
    case "deep_nesting": {
      const depth = rng.pick([100, 1_000, 10_000, 100_000]);
      const shape = rng.pick(["array", "object"] as const);
      const copy = structuredClone(base);
      const n = pickNode(copy);
      const marker = "__DEEP__";
      if (n.key !== null) n.set(marker);
      const s = n.key === null ? deep(depth, "1", shape) : JSON.stringify(copy).replace(`"${marker}"`, deep(depth, "1", shape));
      return { label: kind, body: Buffer.from(s, "utf8"), headers: {}, signAfter: true };
    }
    case "nul_bytes": {
      const copy = structuredClone(base);
      for (const n of nodes(copy)) if (typeof n.value === "string" && rng.chance(0.5)) n.set(`${n.value.slice(0, 3)}\u0000${n.value.slice(3)}`);
      if (copy !== null && typeof copy === "object" && !Array.isArray(copy)) copy["nul\u0000key"] = "v\u0000";
      // a raw NUL byte too, outside any string, now and then
      const body = rng.chance(0.2) ? Buffer.concat([text(copy), Buffer.from([0])]) : text(copy);
      return { label: kind, body, headers: {}, signAfter: true };
    }
    case "prototype_keys": {
      const copy = structuredClone(base);
      const key = rng.pick(PROTO_KEYS);
      // the names as values where a handler is looked up by them (event types, topics)
      for (const n of nodes(copy)) {
        if (n.key === "type" || n.key === "topic" || n.key === "event") n.set(rng.chance(0.5) ? key : `zen:event-type:${key}`);
        else if (typeof n.value === "string" && rng.chance(0.1)) n.set(key);
      }
      let s = JSON.stringify(copy);
      // "__proto__" as an own key survives only in the text, not through an object literal
      if (s.startsWith("{") && s.length > 2) s = `{"${key}":${JSON.stringify(rng.pick(CONFUSED))},"${rng.pick(PROTO_KEYS)}":{"polluted":true},${s.slice(1)}`;
      return { label: kind, body: Buffer.from(s, "utf8"), headers: {}, signAfter: true };
    }
    case "invalid_utf8": {
      const s = JSON.stringify(base);
      const at = rng.int(0, s.length);
      const bad = rng.pick([Buffer.from([0xc3, 0x28]), Buffer.from([0xff, 0xfe]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf0, 0x28, 0x8c, 0x28]), Buffer.from("\\ud800", "utf8")]);
      return { label: kind, body: Buffer.concat([Buffer.from(s.slice(0, at), "utf8"), bad, Buffer.from(s.slice(at), "utf8")]), headers: {}, signAfter: true };
    }
    case "wrong_content_type":
      return { label: kind, body: text(base), headers: { "content-type": rng.pick(CONTENT_TYPES) }, signAfter: true };
    case "oversized": {
      const pad = "x".repeat(maxBodyBytes + rng.int(1, 50_000));
      return { label: kind, body: Buffer.from(JSON.stringify({ pad, ...(typeof base === "object" && base !== null && !Array.isArray(base) ? base : {}) }), "utf8"), headers: {}, signAfter: rng.chance(0.5) };
    }
    case "compressed": {
      // a small body, or a bomb: a few kB that inflate past the body limit
      const plain = rng.chance(0.3) ? Buffer.alloc(maxBodyBytes * 4, 0x20) : text(base);
      const encoding = rng.pick(["gzip", "deflate", "br", "gzip, gzip"]);
      const body = encoding === "deflate" ? deflateSync(plain) : gzipSync(plain);
      return { label: kind, body, headers: { "content-encoding": encoding }, signAfter: true };
    }
    case "truncated": {
      const s = text(base);
      return { label: kind, body: s.subarray(0, rng.int(0, Math.max(0, s.length - 1))), headers: {}, signAfter: true };
    }
    case "odd_path":
      return { label: kind, body: text(base), headers: {}, path: rng.pick(ODD_SEGMENTS), signAfter: true };
    case "garbage":
      return { label: kind, body: randomBytes(rng.int(1, 4096)), headers: {}, signAfter: true };
  }
}

function oddPath(path: string, segment: string): string {
  const [p, q] = path.split("?", 2) as [string, string | undefined];
  const parts = p.split("/");
  // replace the last segment (an installation or customer id) or add one
  if (parts.length > 3) parts[parts.length - 1] = segment;
  else parts.push(segment);
  return parts.join("/") + (q ? `?${q}` : "");
}

export async function runFuzz(p: { requests: number; lanes: number; maxBodyBytes: number }, d: Deployment, rng: Rng): Promise<FuzzFigures> {
  const routes = seedRoutes(d, rng);
  const client = createClient(d.apiUrl, p.lanes);
  const figures: FuzzFigures = { requests: 0, server_errors_5xx: 0, no_answer: 0, by_route: {}, server_errors_by_mutation: {}, examples_5xx: [] };
  try {
    await inLanes(p.requests, p.lanes, async (i) => {
      // every route and every mutation in turn, the pairing shuffled by the seed
      const route = routes[i % routes.length]!;
      const kind = MUTATIONS[Math.floor(i / routes.length + rng.int(0, MUTATIONS.length - 1)) % MUTATIONS.length]!;
      const m = mutate(kind, route.seed(), rng, p.maxBodyBytes);
      const body = route.method === "GET" || route.method === "HEAD" || route.method === "DELETE" ? (rng.chance(0.2) ? m.body : undefined) : m.body;
      const signed = m.signAfter && body ? route.sign(body) : route.sign(Buffer.alloc(0));
      const headers = { ...signed, ...m.headers };
      if (headers["content-type"] === "") delete headers["content-type"];
      const path = m.path ? oddPath(route.path(), m.path) : route.path();
      const answer = await client.send(route.method, path, headers, body);
      figures.requests++;
      const status = String(answer.status);
      const byRoute = (figures.by_route[route.name] ??= {});
      byRoute[status] = (byRoute[status] ?? 0) + 1;
      if (answer.status === 0) figures.no_answer++;
      if (answer.status >= 500) {
        figures.server_errors_5xx++;
        figures.server_errors_by_mutation[m.label] = (figures.server_errors_by_mutation[m.label] ?? 0) + 1;
        if (figures.examples_5xx.length < 10) figures.examples_5xx.push({ route: route.name, mutation: m.label, status: answer.status, answer: answer.body.slice(0, 200) });
      }
    });
  } finally {
    client.close();
  }
  return figures;
}
