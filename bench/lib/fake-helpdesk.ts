// The local fake Zendesk (test/helpers/fake-zendesk.ts) served over HTTP on 127.0.0.1, with
// the time each ticket's first note PUT arrived. Importing the helper loads nock, which hooks
// node:http and fetch on import: we restore them at once, so our own requests go untouched.
import nock from "nock";
import { FakeZendesk } from "../../test/helpers/fake-zendesk";
import type { Conversation } from "./corpus";
import { nowMs } from "./report";
import { BENCH_AGENT_ID } from "./service-protocol";

nock.restore();

export const SUPPORT_AGENT_ID = 9101;

export class TimedFakeZendesk extends FakeZendesk {
  /** performance.now() when the first private-note PUT for a ticket arrived. */
  readonly noteAt = new Map<number, number>();

  constructor() {
    super();
    this.addUser({ id: Number(BENCH_AGENT_ID), name: "Customer memory", role: "agent", email: "memory@acme.example" });
    this.addUser({ id: SUPPORT_AGENT_ID, name: "Sam (support)", role: "agent", email: "sam@acme.example" });
  }

  override handle(method: string, url: string, body: unknown) {
    const reply = super.handle(method, url, body);
    if (method === "PUT" && reply.status === 200) {
      const m = /\/tickets\/(\d+)\.json/.exec(url);
      const id = m ? Number(m[1]) : NaN;
      if (!this.noteAt.has(id)) this.noteAt.set(id, nowMs());
    }
    // the request log is for tests; a long run would only grow it
    this.requests.length = 0;
    return reply;
  }

  /** A ticket whose thread is `conv`: customer messages by the requester, agent replies by a support agent. */
  addConversationTicket(ticketId: number, requesterId: number, conv: Conversation): void {
    if (!this.users.has(requesterId)) this.addUser({ id: requesterId, name: `Customer ${requesterId}`, email: `customer${requesterId}@example.com` });
    this.addTicket({
      id: ticketId,
      subject: conv.subject,
      requester_id: requesterId,
      status: "new",
      comments: conv.messages.map((m) => ({ body: m.text, author_id: m.role === "user" ? requesterId : SUPPORT_AGENT_ID })),
    });
  }
}
