// zod schemas of the Zendesk REST responses we read (tickets, comments, users, ticket update).
// Like the webhook schemas, tolerant: odd fields read as absent, one bad comment is dropped.
import { z } from "zod";
import { flagOf, refOf, textOf } from "./payloads";
import { tolerantArray } from "../shared/tolerant-zod";

const ref = z.unknown().transform(refOf).optional();
const flag = z.unknown().transform(flagOf).optional();
const text = z.unknown().transform(textOf).optional();
/** Message text keeps its inner whitespace; only "absent" is normalised. */
const body = z.unknown().transform((v) => (typeof v === "string" ? v : undefined)).optional();

const viaSchema = z
  .object({ channel: text, source: z.object({ rel: text }).optional().catch(undefined) })
  .optional()
  .catch(undefined);

export const ticketSchema = z.object({ id: ref, subject: text, status: text, requester_id: ref, organization_id: ref, via: viaSchema });

/** A sideloaded organization (GET /tickets/{id}.json?include=organizations). */
export const organizationSchema = z.object({ id: ref, name: text });

export const commentSchema = z.object({
  id: ref,
  type: text,
  author_id: ref,
  body,
  plain_body: body,
  public: flag,
  created_at: text,
  via: viaSchema,
});
export type ApiComment = z.output<typeof commentSchema>;

export const sideloadedUserSchema = z.object({ id: ref, role: text, name: text });

export const commentsPageSchema = z.object({
  comments: tolerantArray(commentSchema),
  users: tolerantArray(sideloadedUserSchema),
  meta: z.object({ has_more: flag }).optional().catch(undefined),
  links: z.object({ next: text }).optional().catch(undefined),
  // Offset pagination, in case a proxy or an old account ignores page[size].
  next_page: text,
});

export const userSchema = z.object({ id: ref, external_id: ref, email: text, verified: flag, name: text, role: text });

export const ticketUpdateSchema = z.object({
  audit: z
    .object({ id: ref, events: tolerantArray(z.object({ id: ref, type: text, public: flag })) })
    .optional()
    .catch(undefined),
});
