// The demo's one door to the memory service: add, get (the MemoryOS retrieve shape), the
// profile with its claims, and forget, all over HTTP with the tenant's API key, through the
// service's own TypeScript client.
import { MemoryClient, NotFoundError } from "helpdesk-memory/client";
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

export function connectMemory(opts: { apiKey: string; baseUrl: string }): DeskMemory {
  const client = new MemoryClient({ apiKey: opts.apiKey, baseUrl: opts.baseUrl });
  return {
    async add(messages, externalUserId, agentId, metadata) {
      const added = await client.add(messages, externalUserId, agentId, metadata);
      // MemoryOS answers an add as a queued job; this service has applied it already
      const job = added.jobId ? await client.jobStatus(added.jobId) : null;
      const status = job ? `${added.status}, job ${job.status}` : added.status;
      return { status, claims: job?.memoriesCreated ?? added.memoriesCreated ?? undefined, redactions: added.redactions };
    },
    async get(p) {
      const r = await client.get({ query: p.query, externalUserId: p.externalUserId, agentId: p.agentId, limit: p.limit, contextMaxTokens: p.contextMaxTokens });
      return {
        has_context: r.hasContext,
        system_prompt_addition: r.systemPromptAddition,
        context_token_count: r.contextTokenCount,
        data: r.items.map((i) => ({ content: i.content, category: i.category })),
      };
    },
    async profile(externalUserId) {
      try {
        return (await client.customer(externalUserId)) as unknown as CustomerDetail;
      } catch (err) {
        if (err instanceof NotFoundError) return null;
        throw err;
      }
    },
    async forget(externalUserId) {
      try {
        await client.forget(externalUserId);
        return true;
      } catch (err) {
        if (err instanceof NotFoundError) return false;
        throw err;
      }
    },
  };
}
