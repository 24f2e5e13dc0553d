import { classifyPart } from "../../../../connectors/intercom/part-role";
import { plainText } from "../../../../connectors/intercom/text";

describe("classifyPart", () => {
  const a = (type: string, ai = false) => ({ type, id: "1", from_ai_agent: ai, is_ai_answer: ai });
  it.each([
    ["a user's comment", { part_type: "comment", author: a("user") }, { keep: true, role: "customer", internal: false }],
    ["a lead's comment", { part_type: "comment", author: a("lead") }, { keep: true, role: "customer", internal: false }],
    ["an admin's comment", { part_type: "comment", author: a("admin") }, { keep: true, role: "agent", internal: false }],
    ["Fin's answer (bot author)", { part_type: "comment", author: a("bot", true) }, { keep: true, role: "bot", internal: false }],
    ["Fin answering as an admin", { part_type: "comment", author: { type: "admin", id: "1", is_ai_answer: true } }, { keep: true, role: "bot", internal: false }],
    ["an Operator / workflow message", { part_type: "comment", author: a("bot") }, { keep: false }],
    ["a campaign sent by a team", { part_type: "comment", author: a("team") }, { keep: false }],
    ["a comment with no author", { part_type: "comment" }, { keep: false }],
    ["an internal note", { part_type: "note", author: a("admin") }, { keep: true, role: "agent", internal: true }],
    ["an assignment", { part_type: "assignment", author: a("admin") }, { keep: false }],
    ["a close", { part_type: "close", author: a("admin") }, { keep: false }],
    ["a snooze", { part_type: "snoozed", author: a("admin") }, { keep: false }],
    ["an attribute update by a workflow", { part_type: "conversation_attribute_updated_by_workflow", author: a("bot") }, { keep: false }],
    ["a part without a type", { author: a("user") }, { keep: false }],
  ])("%s", (_name, part, expected) => {
    expect(classifyPart(part)).toEqual(expected);
  });
});

describe("plainText", () => {
  it.each([
    ["plain text stays", "  I was charged twice.  ", "I was charged twice."],
    ["paragraphs become lines", "<p>Hi there</p><p>Order ORD-55123 &amp; invoice 8841</p>", "Hi there\nOrder ORD-55123 & invoice 8841"],
    ["line breaks and entities", "A<br>B<br/>&lt;C&gt; &#39;D&#39; &#x263A;", "A\nB\n<C> 'D' ☺"],
    ["an unknown entity stays", "fish &chips; ok", "fish &chips; ok"],
    ["absent", undefined, ""],
  ])("%s", (_name, input, expected) => {
    expect(plainText(input)).toBe(expected);
  });
});
