// The demo's one door to the memory service: add, get (the MemoryOS retrieve shape), the
// profile with its claims, and forget, all over HTTP with the tenant's API key.
export type Message = { role: "user" | "assistant"; content: string };

export type Retrieved = {
  has_context: boolean;
  system_prompt_addition: string;
  context_token_count: number;
  data: { content: string; category?: string }[];
};

export type Added = { status: string; claims?: number; redactions: { type: string; count: number }[] };

export type CustomerDetail = {
  external_user_id: string;
  profile: Record<string, unknown>;
  claims: { field: string; action: string; value: unknown; provenance: { ticket_id?: string | null; observed_at: string; message_index?: number | null } }[];
};

export type GetParams = { query: string; externalUserId: string; agentId?: string; limit?: number; contextMaxTokens?: number };

export type DeskMemory = {
  add(messages: Message[], externalUserId: string, agentId?: string, metadata?: Record<string, unknown>): Promise<Added>;
  get(params: GetParams): Promise<Retrieved>;
  profile(externalUserId: string): Promise<CustomerDetail | null>;
  forget(externalUserId: string): Promise<boolean>;
};

export class MemoryApiError extends Error {}

export function connectMemory(opts: { apiKey: string; baseUrl: string }): DeskMemory {
  async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
    const res = await fetch(`${opts.baseUrl}${path}`, {
      method,
      headers: { authorization: `ApiKey ${opts.apiKey}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as T;
    if (!res.ok && res.status !== 404) throw new MemoryApiError(`${method} ${path} answered ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
    return { status: res.status, json };
  }

  return {
    async add(messages, externalUserId, agentId, metadata) {
      const { json } = await call<{ status: string; claims_recorded?: number; redactions?: Added["redactions"] }>("POST", "/v1/memories", {
        external_user_id: externalUserId,
        agent_id: agentId,
        messages,
        metadata,
      });
      return { status: json.status, claims: json.claims_recorded, redactions: json.redactions ?? [] };
    },
    async get(p) {
      const { json } = await call<{ has_context: boolean; system_prompt_addition: string; context_token_count: number; items: { text: string; field: string }[] }>(
        "POST",
        "/v1/memories/search",
        { query: p.query, external_user_id: p.externalUserId, agent_id: p.agentId, limit: p.limit, context_max_tokens: p.contextMaxTokens },
      );
      return {
        has_context: json.has_context,
        system_prompt_addition: json.system_prompt_addition,
        context_token_count: json.context_token_count,
        data: json.items.map((i) => ({ content: i.text, category: i.field })),
      };
    },
    async profile(externalUserId) {
      const { status, json } = await call<CustomerDetail>("GET", `/v1/customers/${encodeURIComponent(externalUserId)}`);
      return status === 404 ? null : json;
    },
    async forget(externalUserId) {
      const { status } = await call("DELETE", `/v1/customers/${encodeURIComponent(externalUserId)}`);
      return status !== 404;
    },
  };
}
