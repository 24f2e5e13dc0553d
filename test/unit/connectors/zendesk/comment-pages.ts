// Builds the pages Zendesk returns for GET /tickets/{id}/comments.json with cursor pagination,
// so a long thread need not be a huge fixture file.
export const REQUESTER = 8447388090494;
export const AGENT = 8447388090495;

export type BuiltComment = {
  id: number;
  type: "Comment";
  author_id: number;
  body: string;
  html_body: string;
  plain_body: string;
  public: boolean;
  attachments: never[];
  audit_id: number;
  via: { channel: string; source: { from: object; to: object; rel: string | null } };
  created_at: string;
  metadata: { system: object; custom: object };
};

/** n comments alternating customer / agent, one minute apart, every 10th a private note. */
export function buildComments(n: number, start = Date.UTC(2025, 0, 8, 14, 20, 11)): BuiltComment[] {
  return Array.from({ length: n }, (_, i) => {
    const customer = i % 2 === 0;
    const text = customer ? `Customer message ${i + 1}: still waiting on order ORD-55123` : `Agent reply ${i + 1}: checking with billing`;
    return {
      id: 31200400000 + i,
      type: "Comment",
      author_id: customer ? REQUESTER : AGENT,
      body: text,
      html_body: `<div class="zd-comment" dir="auto"><p>${text}</p></div>`,
      plain_body: text,
      public: i % 10 !== 9,
      attachments: [],
      audit_id: 31200300000 + i,
      via: { channel: "web", source: { from: {}, to: {}, rel: null } },
      created_at: new Date(start + i * 60_000).toISOString().replace(".000Z", "Z"),
      metadata: { system: {}, custom: {} },
    };
  });
}

export const SIDELOADED_USERS = [
  { id: REQUESTER, name: "Dana Customer", role: "end-user", email: "dana.customer@example.com" },
  { id: AGENT, name: "Sam Agent", role: "agent", email: "sam@acme.example" },
];

/** Page `index` (0-based) of `comments` split by `size`, with next links on `baseUrl`. */
export function commentsPage(comments: BuiltComment[], index: number, size: number, baseUrl: string, ticketId: number) {
  const slice = comments.slice(index * size, (index + 1) * size);
  const hasMore = (index + 1) * size < comments.length;
  const cursor = (i: number) => Buffer.from(`cursor-${i}`).toString("base64url");
  const path = `${baseUrl}/api/v2/tickets/${ticketId}/comments.json`;
  return {
    comments: slice,
    users: SIDELOADED_USERS,
    meta: { has_more: hasMore, after_cursor: hasMore ? cursor(index + 1) : null, before_cursor: index > 0 ? cursor(index - 1) : null },
    links: {
      next: hasMore ? `${path}?include=users&page%5Bafter%5D=${cursor(index + 1)}&page%5Bsize%5D=${size}` : null,
      prev: index > 0 ? `${path}?include=users&page%5Bbefore%5D=${cursor(index)}&page%5Bsize%5D=${size}` : null,
    },
  };
}

export function cursorOf(index: number): string {
  return Buffer.from(`cursor-${index}`).toString("base64url");
}
