import { commentRole } from "../../../../connectors/zendesk/comment-role";

const roles = new Map<string, string | undefined>([
  ["100", "end-user"],
  ["200", "agent"],
  ["300", "admin"],
  ["400", undefined],
]);
const facts = { roles, requesterRef: "100" };

describe("commentRole", () => {
  it.each([
    ["end-user", { author_id: "100", via: { channel: "web" } }, "customer"],
    ["agent", { author_id: "200", via: { channel: "web" } }, "agent"],
    ["admin", { author_id: "300", via: { channel: "email" } }, "agent"],
    ["trigger comment, even with an agent as author", { author_id: "200", via: { channel: "rule", source: { rel: "trigger" } } }, "bot"],
    ["automation", { author_id: "200", via: { channel: "web", source: { rel: "automation" } } }, "bot"],
    ["answer bot", { author_id: "200", via: { channel: "answer_bot_for_web_widget" } }, "bot"],
    ["Zendesk system user (-1)", { author_id: "-1", via: { channel: "web" } }, "bot"],
    ["no author", { author_id: undefined, via: { channel: "email" } }, "bot"],
    ["API comment by a user Zendesk did not list", { author_id: "999", via: { channel: "api" } }, "bot"],
    ["API comment by a listed agent (a person using an integration)", { author_id: "200", via: { channel: "api" } }, "agent"],
    ["unlisted author who is the requester", { author_id: "100", via: undefined }, "customer"],
    ["unlisted, unknown author", { author_id: "555", via: { channel: "email" } }, "agent"],
    ["listed user with no role, not the requester", { author_id: "400", via: { channel: "web" } }, "agent"],
  ])("%s → %s", (_name, comment, expected) => {
    expect(commentRole(comment, facts)).toBe(expected);
  });
});
